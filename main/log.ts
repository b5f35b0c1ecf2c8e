/**
 * A small append-only log file for the main process (userData/logs/main.log), so "details are in the
 * log" is true on a clerk's machine where nobody sees the console. Rotates once at 1 MB.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

/** Log file name inside `<userData>/logs`. */
export const MAIN_LOG_FILE_NAME = 'main.log';
const MAX_LOG_BYTES = 1024 * 1024;

/** One log line: ISO time, level, message and, for errors, the stack. */
export function formatLogLine(level: 'info' | 'error', message: string, error: unknown, now: Date = new Date()): string {
  const detail = error instanceof Error ? `${error.stack ?? `${error.name}: ${error.message}`}` : error === undefined ? '' : String(error);
  return `${now.toISOString()} ${level.toUpperCase()} ${message}${detail ? `\n  ${detail.replace(/\n/gu, '\n  ')}` : ''}\n`;
}

/** Returns a logger writing to `<logFolder>/main.log` (and the console); a failing disk never throws into callers. */
export function createFileLogger(logFolder: string): (message: string, error?: unknown) => void {
  const file = path.join(logFolder, MAIN_LOG_FILE_NAME);
  return (message, error) => {
    console.error(message, error ?? '');
    try {
      mkdirSync(logFolder, { recursive: true });
      try {
        if (statSync(file).size > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
      } catch {
        // No log yet.
      }
      appendFileSync(file, formatLogLine('error', message, error));
    } catch {
      // Logging must never take the app down.
    }
  };
}
