// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createTestDatabase, makeTestTalent } from '../db/testing';
import { createReportApi } from '../workers/report.worker';
import { compareWithSnapshot, freezeReportSnapshot, listReportSnapshots, readReportSettings } from './reports';

describe('report snapshots', () => {
  it('freezes a year with figures, definitions, checksum and an audit entry; a later comparison shows the changes', async () => {
    const db = createTestDatabase(undefined, undefined, `reports-${crypto.randomUUID()}`);
    await db.settings.bulkPut([
      { key: 'operatorName', value: '王小明' },
      { key: 'reportUnit', value: '上海市人社局' },
    ]);
    await db.talents.bulkAdd([
      makeTestTalent({ id: 'a', idNumber: '1', joinedDate: '2024-03-01', district: '310115' }),
      makeTestTalent({ id: 'b', idNumber: '2', joinedDate: '2025-03-01', district: '310104' }),
    ]);
    const api = createReportApi(() => db);
    expect((await readReportSettings(db)).targets.talents).toBe(300_000);
    const frozen = await freezeReportSnapshot(2025, { db, source: api, note: '年报', now: '2026-01-10T02:00:00.000Z' });
    expect(frozen.ok).toBe(true);
    if (!frozen.ok) return;
    expect(frozen.value.report.headcount.total).toBe(2);
    expect(frozen.value.unit).toBe('上海市人社局');
    expect(frozen.value.operator).toBe('王小明');
    expect(frozen.value.definitions).toContain('统计时点');
    expect(frozen.value.checksum).toMatch(/^[0-9a-f]{64}$/);
    const audit = await db.auditLog.toArray();
    expect(audit.at(-1)).toMatchObject({ action: 'create', entity: 'reportSnapshot', entityId: frozen.value.id, note: '冻结 2025 年度报表：年报' });
    expect((await listReportSnapshots(2025, db)).map((snapshot) => snapshot.id)).toEqual([frozen.value.id]);

    // Unchanged data: nothing differs.
    const same = await compareWithSnapshot(frozen.value, { db, source: api });
    expect(same.dataChanged).toBe(false);
    expect(same.differences).toEqual([]);

    // b turns out to have left on 2025-06-30.
    await db.talents.update('b', { leftDate: '2025-06-30', status: 'movedOut' });
    await api.applyChange({ upserted: ['b'], removed: [] });
    const changed = await compareWithSnapshot(frozen.value, { db, source: api });
    expect(changed.dataChanged).toBe(true);
    const byKey = Object.fromEntries(changed.differences.map((difference) => [difference.key, [difference.frozen, difference.current]]));
    expect(byKey.total).toEqual([2, 1]);
    expect(byKey['district.310104']).toEqual([1, 0]);
  });
});
