import { describe, expect, it } from 'vitest';
import { DATABASE_NAME } from './db';
import { EARLY_DATABASE_NAME } from './earlyStart';

describe('earlyStart', () => {
  it('asks for the same database the app opens', () => {
    expect(EARLY_DATABASE_NAME).toBe(DATABASE_NAME);
  });
});
