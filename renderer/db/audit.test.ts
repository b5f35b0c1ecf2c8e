import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { auditedTransaction, diffFields, UNKNOWN_OPERATOR, writeAudit } from './audit';
import { createTestDatabase, makeTestTalent } from './testing';

describe('writeAudit', () => {
  it('writes the entry in the same transaction as the change, with the operator from settings', async () => {
    const db = createTestDatabase();
    await db.settings.put({ key: 'operatorName', value: '张三' });
    const talent = makeTestTalent();
    await auditedTransaction(db, ['talents'], async () => {
      await db.talents.add(talent);
      await writeAudit(db, { action: 'create', entity: 'talent', entityId: talent.id, changes: diffFields(undefined, talent) });
    });
    const [entry] = await db.auditLog.toArray();
    expect(entry).toMatchObject({ operator: '张三', action: 'create', entity: 'talent', entityId: talent.id, note: '' });
    expect(entry?.changes.find((change) => change.field === 'name')).toEqual({ field: 'name', before: undefined, after: '张三' });
    expect(entry?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    db.close();
  });

  it('rolls back both the change and its entry when the transaction fails', async () => {
    const db = createTestDatabase();
    const talent = makeTestTalent();
    await expect(
      auditedTransaction(db, ['talents'], async () => {
        await db.talents.add(talent);
        await writeAudit(db, { action: 'create', entity: 'talent', entityId: talent.id });
        throw new Error('validation failed after the write');
      }),
    ).rejects.toThrow('validation failed');
    expect(await db.talents.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
    db.close();
  });

  it('refuses to run outside a transaction', async () => {
    const db = createTestDatabase();
    await expect(writeAudit(db, { action: 'delete', entity: 'talent', entityId: 'x' })).rejects.toThrow(/inside a readwrite transaction/);
    await expect(
      db.transaction('rw', [db.talents], () => writeAudit(db, { action: 'delete', entity: 'talent', entityId: 'x' })),
    ).rejects.toThrow(/includes auditLog/);
    expect(await db.auditLog.count()).toBe(0);
    db.close();
  });

  it('records a placeholder operator before first run and an explicit one when given', async () => {
    const db = createTestDatabase();
    await auditedTransaction(db, [], async () => {
      await writeAudit(db, { action: 'restore', entity: 'backup' });
      await writeAudit(db, { action: 'restore', entity: 'backup', operator: '李四', note: '从备份恢复' });
    });
    const entries = await db.auditLog.orderBy('id').toArray();
    expect(entries.map((entry) => entry.operator)).toEqual([UNKNOWN_OPERATOR, '李四']);
    expect(entries[1]?.note).toBe('从备份恢复');
    db.close();
  });
});

describe('diffFields', () => {
  it('lists changed fields with before and after, ignoring updatedAt', () => {
    const before = { name: '张三', tags: ['a'], phone: '13800138000', updatedAt: '1' };
    const after = { name: '张三', tags: ['a', 'b'], phone: '13900139000', updatedAt: '2', remarks: '新增' };
    expect(diffFields(before, after)).toEqual([
      { field: 'tags', before: ['a'], after: ['a', 'b'] },
      { field: 'phone', before: '13800138000', after: '13900139000' },
      { field: 'remarks', before: undefined, after: '新增' },
    ]);
  });

  it('returns nothing for equal records', () => {
    expect(diffFields({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toEqual([]);
  });
});

describe('writeAudit with the transaction passed', () => {
  it('writes inside that transaction even where Dexie has lost track of the current one', async () => {
    const db = createTestDatabase();
    await db.settings.put({ key: 'operatorName', value: '张三' });
    await db.transaction('rw', ['auditLog', 'settings'], async (transaction) => {
      // ignoreTransaction runs its callback outside the transaction's zone, as a long chain of
      // native awaits ends up.
      await Dexie.ignoreTransaction(async () => {
        await expect(writeAudit(db, { action: 'restore', entity: 'backup', note: 'zone lost' })).rejects.toThrow('writeAudit must run inside');
      });
      await Dexie.ignoreTransaction(() => writeAudit(db, { action: 'restore', entity: 'backup', note: 'passed' }, transaction));
    });
    const entries = await db.auditLog.toArray();
    expect(entries.map((entry) => [entry.note, entry.operator])).toEqual([['passed', '张三']]);
  });
});
