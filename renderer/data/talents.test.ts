import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../../shared/identity';
import { createTestDatabase } from '../db/testing';
import { onTalentChanges, type TalentChange } from './talentEvents';
import {
  changeTalentStatus,
  checkStatusChange,
  createTalent,
  findTalentByIdentity,
  listTalentHistory,
  revealTalentPersonalData,
  updateTalent,
} from './talents';

/** A valid resident ID: Pudong (310115), born 1990-03-07, sequence 123 (odd → male). */
const ID_MALE = `31011519900307123${citizenIdCheckChar('31011519900307123')}`;
/** Born 1988-11-20, sequence 246 (even → female). */
const ID_FEMALE = `31010419881120246${citizenIdCheckChar('31010419881120246')}`;

function form(overrides: Record<string, string | boolean> = {}) {
  return { name: '张三', idType: 'resident', idNumber: ID_MALE, phone: '13912345678', employer: '上海某智能科技有限公司', category: 'algorithmEngineer', joinedDate: '2024-01-02', ...overrides };
}

async function databaseWithOperator() {
  const db = createTestDatabase();
  await db.settings.put({ key: 'operatorName', value: '李四' });
  return db;
}

describe('createTalent', () => {
  it('stores a valid talent with birth date and gender from the ID and a create audit entry, then announces it', async () => {
    const db = await databaseWithOperator();
    const heard: TalentChange[] = [];
    const stop = onTalentChanges((change) => heard.push(change));
    const result = await createTalent(form(), { db, now: '2025-05-01T02:00:00.000Z', today: '2025-05-01' });
    stop();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ name: '张三', birthDate: '1990-03-07', gender: 'M', status: 'active', titleLevel: 'none', skillLevel: 0 });
    expect(await db.talents.count()).toBe(1);
    const [entry] = await db.auditLog.toArray();
    expect(entry).toMatchObject({ action: 'create', entity: 'talent', entityId: result.value.id, operator: '李四' });
    expect(entry?.changes).toContainEqual({ field: 'idNumber', before: undefined, after: ID_MALE });
    expect(entry?.changes.some((change) => change.field === 'updatedAt')).toBe(false);
    expect(heard).toEqual([{ upserted: [result.value.id], removed: [] }]);
    db.close();
  });

  it('refuses a second record for the same document and names the existing one', async () => {
    const db = await databaseWithOperator();
    const first = await createTalent(form(), { db });
    // Same document typed with spaces and a lower-case check digit: normalised to the same number.
    const second = await createTalent(form({ name: '张叁', idNumber: ` ${ID_MALE.slice(0, 6)} ${ID_MALE.slice(6).toLowerCase()}` }), { db });
    expect(first.ok).toBe(true);
    expect(second.ok).toBe(false);
    if (second.ok || !first.ok) return;
    expect(second.error.code).toBe('TALENT_DUPLICATE');
    expect(second.error.existing).toEqual({ id: first.value.id, name: '张三' });
    expect(await db.talents.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(1);
    db.close();
  });

  it('returns field issues for invalid input and writes nothing', async () => {
    const db = await databaseWithOperator();
    const result = await createTalent(form({ name: '', idNumber: `${ID_MALE.slice(0, 17)}0`.replace(/.$/, ID_MALE.endsWith('0') ? '1' : '0'), phone: '1391234' }), { db });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('TALENT_INVALID');
    expect(result.error.issues?.map((issue) => `${issue.field}:${issue.code}`).sort()).toEqual(['idNumber:ID_CHECKSUM', 'name:REQUIRED', 'phone:PHONE_FORMAT']);
    expect(await db.talents.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
    db.close();
  });

  it('rolls the talent back when its audit entry cannot be written (same transaction)', async () => {
    const db = await databaseWithOperator();
    db.auditLog.hook('creating', () => {
      throw new Error('audit log full');
    });
    await expect(createTalent(form(), { db })).rejects.toThrow('audit log full');
    expect(await db.talents.count()).toBe(0);
    db.close();
  });
});

describe('updateTalent', () => {
  it('stores the changed fields with a field-level audit entry and keeps status and derived levels', async () => {
    const db = await databaseWithOperator();
    const created = await createTalent(form(), { db, now: '2025-05-01T02:00:00.000Z' });
    if (!created.ok) throw new Error('create failed');
    await db.talents.update(created.value.id, { titleLevel: 'intermediate' });
    const updated = await updateTalent(created.value.id, { ...form({ employer: '上海另一家公司', status: 'cancelled', titleLevel: 'senior' }) }, { db, now: '2025-06-01T02:00:00.000Z', expectedUpdatedAt: '2025-05-01T02:00:00.000Z' });
    expect(updated.ok).toBe(true);
    if (!updated.ok) return;
    expect(updated.value).toMatchObject({ employer: '上海另一家公司', status: 'active', titleLevel: 'intermediate', updatedAt: '2025-06-01T02:00:00.000Z' });
    const history = await listTalentHistory(created.value.id, db);
    expect(history.map((entry) => entry.action)).toEqual(['update', 'create']);
    expect(history[0]?.changes).toEqual([{ field: 'employer', before: '上海某智能科技有限公司', after: '上海另一家公司' }]);
    db.close();
  });

  it('writes nothing when nothing changed, and refuses a stale form or another person\'s document', async () => {
    const db = await databaseWithOperator();
    const first = await createTalent(form(), { db });
    const second = await createTalent(form({ name: '王芳', idNumber: ID_FEMALE }), { db });
    if (!first.ok || !second.ok) throw new Error('create failed');
    const same = await updateTalent(first.value.id, form(), { db });
    expect(same.ok && same.value.updatedAt).toBe(first.value.updatedAt);
    expect(await db.auditLog.count()).toBe(2);

    const stolen = await updateTalent(second.value.id, form({ name: '王芳' }), { db });
    expect(!stolen.ok && stolen.error.code).toBe('TALENT_DUPLICATE');
    const stale = await updateTalent(first.value.id, form({ employer: 'X 公司' }), { db, expectedUpdatedAt: '1999-01-01T00:00:00.000Z' });
    expect(!stale.ok && stale.error.code).toBe('TALENT_STALE');
    expect(await db.auditLog.count()).toBe(2);
    db.close();
  });
});

describe('changeTalentStatus', () => {
  it('needs a date and a reason to move out, audits the change, and restores to 在库', async () => {
    const db = await databaseWithOperator();
    const created = await createTalent(form(), { db });
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    const missing = await changeTalentStatus(id, { status: 'movedOut' }, { db, today: '2025-05-01' });
    expect(!missing.ok && missing.error.issues?.map((issue) => issue.field)).toEqual(['leftDate', 'leftReason']);

    const moved = await changeTalentStatus(id, { status: 'movedOut', leftDate: '2025-04-30', leftReason: '调往外省' }, { db, today: '2025-05-01' });
    expect(moved.ok && moved.value).toMatchObject({ status: 'movedOut', leftDate: '2025-04-30', leftReason: '调往外省' });
    const restored = await changeTalentStatus(id, { status: 'active' }, { db });
    expect(restored.ok && restored.value).toMatchObject({ status: 'active', leftDate: '', leftReason: '' });
    const [restoreEntry, moveEntry] = await listTalentHistory(id, db);
    const byField = (changes: { field: string }[] | undefined) => [...(changes ?? [])].sort((a, b) => a.field.localeCompare(b.field));
    expect(byField(moveEntry?.changes)).toEqual([
      { field: 'leftDate', before: '', after: '2025-04-30' },
      { field: 'leftReason', before: '', after: '调往外省' },
      { field: 'status', before: 'active', after: 'movedOut' },
    ]);
    expect(byField(restoreEntry?.changes).map((change) => change.field)).toEqual(['leftDate', 'leftReason', 'status']);
    expect(await db.talents.count()).toBe(1);
    db.close();
  });

  it('checks the date against the joined date and today', () => {
    const talent = { joinedDate: '2024-01-02' };
    expect(checkStatusChange(talent, { status: 'cancelled', leftDate: '2023-12-31', leftReason: '注销' }, '2025-05-01').map((issue) => issue.code)).toEqual(['DATE_RANGE']);
    expect(checkStatusChange(talent, { status: 'cancelled', leftDate: '2025-05-02', leftReason: '注销' }, '2025-05-01').map((issue) => issue.code)).toEqual(['DATE_RANGE']);
    expect(checkStatusChange(talent, { status: 'cancelled', leftDate: '2025-02-30', leftReason: ' ' }, '2025-05-01').map((issue) => issue.code)).toEqual(['DATE_FORMAT', 'REQUIRED']);
    expect(checkStatusChange(talent, { status: 'active' }, '2025-05-01')).toEqual([]);
  });
});

describe('revealTalentPersonalData', () => {
  it('returns the full values and writes a reveal entry', async () => {
    const db = await databaseWithOperator();
    const created = await createTalent(form(), { db });
    if (!created.ok) throw new Error('create failed');
    const revealed = await revealTalentPersonalData(created.value.id, { db });
    expect(revealed).toEqual({ ok: true, value: { idNumber: ID_MALE, phone: '13912345678' } });
    const [entry] = await listTalentHistory(created.value.id, db);
    expect(entry).toMatchObject({ action: 'reveal', entity: 'talent', entityId: created.value.id, operator: '李四', changes: [] });
    expect(JSON.stringify(entry)).not.toContain(ID_MALE);
    db.close();
  });

  it('shows nothing when the audit entry fails', async () => {
    const db = await databaseWithOperator();
    const created = await createTalent(form(), { db });
    if (!created.ok) throw new Error('create failed');
    db.auditLog.hook('creating', () => {
      throw new Error('audit log full');
    });
    await expect(revealTalentPersonalData(created.value.id, { db })).rejects.toThrow('audit log full');
  });

  it('finds a record by document type and normalised number', async () => {
    const db = await databaseWithOperator();
    await createTalent(form(), { db });
    expect((await findTalentByIdentity('resident', ID_MALE.toLowerCase(), db))?.name).toBe('张三');
    expect(await findTalentByIdentity('passport', ID_MALE, db)).toBeUndefined();
    db.close();
  });
});
