import { describe, expect, it } from 'vitest';
import { backupNameSchema } from '../ipc';
import { backupFileName, parseBackupFileName } from './fileName';
import { BACKUP_REASONS } from './format';

describe('backup file names', () => {
  it('name a backup by its Shanghai wall-clock time and reason', () => {
    // 15:05:01.123 UTC is 23:05:01.123 in Shanghai, the same day.
    expect(backupFileName('2026-11-26T15:05:01.123Z', 'daily')).toBe('talentledger-2026-11-26T230501.123-daily.tlbak');
    // 16:30 UTC on the last day of February is already 1 March in Shanghai.
    expect(backupFileName('2026-02-28T16:30:00.000Z', 'preImport')).toBe('talentledger-2026-03-01T003000.000-preImport.tlbak');
    expect(backupFileName('2026-03-01T00:30:00+08:00', 'manual')).toBe('talentledger-2026-03-01T003000.000-manual.tlbak');
  });

  it('are accepted by the IPC contract for every reason', () => {
    for (const reason of BACKUP_REASONS) {
      const name = backupFileName('2026-12-31T23:59:59.999Z', reason);
      expect(backupNameSchema.safeParse(name).success, name).toBe(true);
    }
  });

  it('read back to the same instant and reason', () => {
    for (const createdAt of ['2026-11-26T15:05:01.123Z', '2026-02-28T16:30:00.000Z', '2024-02-29T00:00:00.001Z', '2026-12-31T16:00:00.000Z']) {
      expect(parseBackupFileName(backupFileName(createdAt, 'preRestore'))).toEqual({ createdAt, reason: 'preRestore' });
    }
    expect(parseBackupFileName('talentledger-2026-11-26T230501-daily.tlbak')).toEqual({ createdAt: '2026-11-26T15:05:01.000Z', reason: 'daily' });
  });

  it('do not read names the app did not write', () => {
    for (const name of [
      'talentledger-2026-11-26T230501.123-daily.tlbak.tmp',
      'talentledger-2026-11-26T230501.123-whim.tlbak',
      'talentledger-2026-02-30T230501.123-daily.tlbak',
      'talentledger-2026-11-26T250501.123-daily.tlbak',
      'my copy.tlbak',
      'talentledger-2026-11-26T230501.123-daily.json',
      '',
    ]) {
      expect(parseBackupFileName(name), name).toBeUndefined();
    }
  });

  it('refuse a malformed timestamp (a caller bug)', () => {
    expect(() => backupFileName('26 Nov 2026', 'daily')).toThrow(TypeError);
  });
});
