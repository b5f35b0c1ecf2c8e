import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSectionTimeoutMs } from './harness';
import { MEASUREMENTS } from './measurements';
import { benchSourceHash } from './server';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-hash-'));
  folders.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('bench build reuse', () => {
  it('hashes the build inputs: equal sources equal hashes, any change or new file a new one, node_modules ignored', () => {
    const files = { 'renderer/main.tsx': 'a', 'shared/x.ts': 'b', 'package-lock.json': '{}' };
    const first = benchSourceHash(tree(files));
    expect(benchSourceHash(tree(files))).toBe(first);
    expect(benchSourceHash(tree({ ...files, 'shared/x.ts': 'c' }))).not.toBe(first);
    expect(benchSourceHash(tree({ ...files, 'renderer/new.ts': '' }))).not.toBe(first);
    expect(benchSourceHash(tree({ ...files, 'renderer/node_modules/dep.js': 'z' }))).toBe(first);
    // Outside the inputs (bench results, docs) changes nothing.
    expect(benchSourceHash(tree({ ...files, 'docs/readme.md': 'z' }))).toBe(first);
  });
});

describe('section time limits', () => {
  it('are two minutes plus each section\'s budget per talent per run', () => {
    const importSection = MEASUREMENTS.find((measurement) => measurement.id === 'import');
    const searchSection = MEASUREMENTS.find((measurement) => measurement.id === 'search');
    if (!importSection || !searchSection) throw new Error('sections missing');
    // 30,000 talents, 3 repeats + warm-up: import 8 ms, others 2 ms per talent per run.
    expect(defaultSectionTimeoutMs(importSection, 30_000, 3)).toBe(120_000 + 8 * 30_000 * 4);
    expect(defaultSectionTimeoutMs(searchSection, 30_000, 3)).toBe(120_000 + 2 * 30_000 * 4);
  });
});
