import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they test, split by runtime: `shared/` and `main/` run in Node,
// renderer tests opt into happy-dom with a `// @vitest-environment happy-dom` line.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'threads',
  },
});
