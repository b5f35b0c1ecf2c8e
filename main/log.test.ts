import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileLogger, formatLogLine, MAIN_LOG_FILE_NAME } from './log';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'tl-log-'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(folder, { recursive: true, force: true });
});

describe('main log', () => {
  it('formats a line with time, level and indented stack', () => {
    const error = new Error('boom');
    error.stack = 'Error: boom\n    at x (a.ts:1:1)';
    expect(formatLogLine('error', 'IPC handler for tl:app:info threw', error, new Date('2026-11-26T08:00:00Z')))
      .toBe('2026-11-26T08:00:00.000Z ERROR IPC handler for tl:app:info threw\n  Error: boom\n      at x (a.ts:1:1)\n');
    expect(formatLogLine('info', 'started', undefined, new Date('2026-11-26T08:00:00Z'))).toBe('2026-11-26T08:00:00.000Z INFO started\n');
  });

  it('appends to logs/main.log, creating the folder', async () => {
    const log = createFileLogger(path.join(folder, 'logs'));
    log('first', new Error('a'));
    log('second');
    const text = await fs.readFile(path.join(folder, 'logs', MAIN_LOG_FILE_NAME), 'utf8');
    expect(text).toContain('ERROR first');
    expect(text).toContain('ERROR second');
  });

  it('never throws when the folder cannot be written', () => {
    const log = createFileLogger('\0invalid');
    expect(() => log('x')).not.toThrow();
  });
});
