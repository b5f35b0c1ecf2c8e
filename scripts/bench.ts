/**
 * `npm run bench [-- --sizes 30000,300000] [--repeat 3] [--only import,search,…]`: the performance
 * benchmark of issue #5 (see bench/README.md).
 */
import { runBench } from '../bench/harness';
import { parseBenchOptions } from '../bench/options';

async function main(): Promise<number> {
  let options;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  return runBench(options);
}

// Exit explicitly: after a browser crash a stray Chromium child can keep the event loop alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
