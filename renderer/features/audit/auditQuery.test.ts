import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../db';
import { createTestDatabase } from '../../db/testing';
import { auditCsv, EMPTY_AUDIT_FILTER, matchesAuditFilter, queryAudit } from './auditQuery';

function entry(overrides: Partial<AuditEntry>): Omit<AuditEntry, 'id'> {
  return { at: '2026-11-26T02:00:00.000Z', operator: '王五', action: 'update', entity: 'talent', entityId: 't1', changes: [], note: '', ...overrides };
}

describe('audit filter', () => {
  const base = { id: 1, ...entry({}) };

  it('filters by operator, action, entity and note text', () => {
    expect(matchesAuditFilter(base, EMPTY_AUDIT_FILTER)).toBe(true);
    expect(matchesAuditFilter(base, { ...EMPTY_AUDIT_FILTER, operators: ['李四'] })).toBe(false);
    expect(matchesAuditFilter(base, { ...EMPTY_AUDIT_FILTER, operators: ['李四', '王五'], actions: ['update'], entities: ['talent'] })).toBe(true);
    expect(matchesAuditFilter(base, { ...EMPTY_AUDIT_FILTER, actions: ['reveal'] })).toBe(false);
    expect(matchesAuditFilter(base, { ...EMPTY_AUDIT_FILTER, entities: ['backup'] })).toBe(false);
    expect(matchesAuditFilter({ ...base, note: '导入 名单.xlsx' }, { ...EMPTY_AUDIT_FILTER, text: '名单' })).toBe(true);
    expect(matchesAuditFilter(base, { ...EMPTY_AUDIT_FILTER, text: 't1' })).toBe(true);
  });

  it('takes dates as whole local days, both ends included', () => {
    const day = new Date(2026, 10, 26, 23, 59).toISOString();
    const next = new Date(2026, 10, 27, 0, 0).toISOString();
    const filter = { ...EMPTY_AUDIT_FILTER, from: '2026-11-26', to: '2026-11-26' };
    expect(matchesAuditFilter({ ...base, at: day }, filter)).toBe(true);
    expect(matchesAuditFilter({ ...base, at: next }, filter)).toBe(false);
    expect(matchesAuditFilter({ ...base, at: new Date(2026, 10, 25, 23, 59).toISOString() }, filter)).toBe(false);
  });
});

describe('queryAudit', () => {
  it('lists newest first with the number of matches and every operator', async () => {
    const db = createTestDatabase();
    await db.auditLog.bulkAdd([
      entry({ at: '2026-11-26T01:00:00.000Z', operator: '甲', action: 'create' }),
      entry({ at: '2026-11-26T03:00:00.000Z', operator: '乙', action: 'reveal' }),
      entry({ at: '2026-11-26T02:00:00.000Z', operator: '甲', action: 'reveal' }),
    ] as AuditEntry[]);
    const view = await queryAudit(db, { ...EMPTY_AUDIT_FILTER, actions: ['reveal'] });
    expect(view.entries.map((e) => e.operator)).toEqual(['乙', '甲']);
    expect(view).toMatchObject({ matching: 2, total: 3, operators: ['乙', '甲'].sort((a, b) => a.localeCompare(b, 'zh-CN')) });
  });
});

describe('auditCsv', () => {
  it('writes a BOM, quotes every cell and neutralises formulas', () => {
    const bytes = auditCsv(['#', '备注'], [{ id: 1, at: '2026-11-26 10:00:00', operator: '王五', action: '修改', entity: '人才', entityId: 't1', changes: 'phone', note: '=HYPERLINK("x")' }]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF"#","备注"\r\n')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text.endsWith('\r\n')).toBe(true);
  });
});
