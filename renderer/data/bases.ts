/**
 * 培训基地 registry: audited create/update/delete (基地编号 unique), the bases whose accreditation
 * lapses within 90 days or has lapsed (for the 工作台), and each base's history by year.
 */
import { err, ok, type AppError, type Result } from '../../shared/result';
import { baseAccreditationState, validateBase, type BaseIssue, type TrainingBaseData } from '../../shared/bases/trainingBase';
import { summarizeBaseHistory, type BaseYearSummary } from '../../shared/bases/history';
import { auditedTransaction, diffFields, writeAudit } from '../db/audit';
import { getDatabase, type TalentLedgerDB } from '../db/db';
import type { Roster, TrainingBase } from '../db/types';

/** Why a base could not be saved; `issues` carries the form's problems for BASE_INVALID. */
export interface BaseWriteError extends AppError {
  code: 'BASE_INVALID' | 'BASE_CODE_TAKEN' | 'BASE_NOT_FOUND' | 'BASE_HAS_ROSTERS';
  issues?: BaseIssue[];
}

/** All bases by 基地编号. */
export async function listBases(db: TalentLedgerDB = getDatabase()): Promise<TrainingBase[]> {
  return db.trainingBases.orderBy('code').toArray();
}

/** One base by id. */
export function getBase(id: string, db: TalentLedgerDB = getDatabase()): Promise<TrainingBase | undefined> {
  return db.trainingBases.get(id);
}

/** One base by 基地编号. */
export function getBaseByCode(code: string, db: TalentLedgerDB = getDatabase()): Promise<TrainingBase | undefined> {
  return db.trainingBases.where('code').equals(code.trim()).first();
}

function normalizeBase(input: TrainingBaseData): TrainingBaseData {
  return {
    ...input,
    code: input.code.trim(),
    name: input.name.trim(),
    creditCode: input.creditCode.normalize('NFKC').replace(/\s+/g, '').toUpperCase(),
    programmes: input.programmes.map((programme) => ({ ...programme, occupation: programme.occupation.trim(), workType: programme.workType.trim() })),
  };
}

/**
 * Creates (no `id`) or updates a base in one audited transaction. Refused with BASE_INVALID (form
 * errors; warnings such as the credit-code check do not block), BASE_CODE_TAKEN, BASE_NOT_FOUND.
 */
export async function saveBase(
  input: TrainingBaseData,
  options: { id?: string; db?: TalentLedgerDB; now?: string } = {},
): Promise<Result<TrainingBase, BaseWriteError>> {
  const db = options.db ?? getDatabase();
  const data = normalizeBase(input);
  const issues = validateBase(data);
  if (issues.some((entry) => entry.severity === 'error')) {
    return err({ code: 'BASE_INVALID', message: issues.filter((entry) => entry.severity === 'error').map((entry) => entry.message).join('；'), issues });
  }
  const now = options.now ?? new Date().toISOString();
  const outcome = await auditedTransaction(db, ['trainingBases'], async (): Promise<Result<TrainingBase, BaseWriteError>> => {
    const sameCode = await db.trainingBases.where('code').equals(data.code).first();
    if (sameCode && sameCode.id !== options.id) return err({ code: 'BASE_CODE_TAKEN', message: `基地编号 ${data.code} 已被“${sameCode.name}”使用`, messageEn: `Base code ${data.code} is used by ${sameCode.name}` });
    if (options.id === undefined) {
      const created: TrainingBase = { ...data, id: crypto.randomUUID(), createdAt: now, updatedAt: now };
      await db.trainingBases.add(created);
      await writeAudit(db, { action: 'create', entity: 'trainingBase', entityId: created.id, changes: diffFields(undefined, created, ['updatedAt', 'createdAt', 'id']), note: `新增培训基地 ${created.code} ${created.name}` });
      return ok(created);
    }
    const before = await db.trainingBases.get(options.id);
    if (!before) return err({ code: 'BASE_NOT_FOUND', message: '找不到该培训基地', messageEn: 'No such training base' });
    const after: TrainingBase = { ...before, ...data, updatedAt: now };
    await db.trainingBases.put(after);
    await writeAudit(db, { action: 'update', entity: 'trainingBase', entityId: after.id, changes: diffFields(before, after), note: `修改培训基地 ${after.code} ${after.name}` });
    return ok(after);
  });
  return outcome;
}

/** Deletes a base without rosters (audited); BASE_HAS_ROSTERS otherwise (its history must stay). */
export async function deleteBase(id: string, db: TalentLedgerDB = getDatabase()): Promise<Result<void, BaseWriteError>> {
  return auditedTransaction(db, ['trainingBases', 'rosters'], async (): Promise<Result<void, BaseWriteError>> => {
    const base = await db.trainingBases.get(id);
    if (!base) return err({ code: 'BASE_NOT_FOUND', message: '找不到该培训基地', messageEn: 'No such training base' });
    const rosters = await db.rosters.where('baseId').equals(id).count();
    if (rosters > 0) return err({ code: 'BASE_HAS_ROSTERS', message: `该基地已有 ${rosters} 份花名册，不能删除（可将状态改为“撤销”）`, messageEn: `The base has ${rosters} rosters; set it to revoked instead` });
    await db.trainingBases.delete(id);
    await writeAudit(db, { action: 'delete', entity: 'trainingBase', entityId: id, changes: diffFields(base, undefined, ['updatedAt', 'createdAt', 'id']), note: `删除培训基地 ${base.code} ${base.name}` });
    return ok(undefined);
  });
}

/** A base the 工作台 lists: accreditation lapsing within 90 days (amber) or lapsed (red). */
export interface BaseNeedingAttention {
  id: string;
  code: string;
  name: string;
  validUntil: string;
  state: 'expiringSoon' | 'expired';
}

/**
 * Bases whose accreditation lapses within 90 days of `today` or has lapsed, soonest first. Revoked
 * bases are left out (nothing to renew).
 */
export async function listBasesNeedingAttention(today: string, db: TalentLedgerDB = getDatabase()): Promise<BaseNeedingAttention[]> {
  const bases = await db.trainingBases.toArray();
  const result: BaseNeedingAttention[] = [];
  for (const base of bases) {
    if (base.status === 'revoked') continue;
    const { state } = baseAccreditationState(base, today);
    if (state !== 'ok') result.push({ id: base.id, code: base.code, name: base.name, validUntil: base.validUntil, state });
  }
  return result.sort((a, b) => a.validUntil.localeCompare(b.validUntil));
}

/** A base's history: per year and in total, plus its rosters newest first. */
export interface BaseHistory {
  years: BaseYearSummary[];
  total: BaseYearSummary;
  rosters: Roster[];
}

/** The history of one base (rosters, trainees, pass rate, certificates, hours by year). */
export async function getBaseHistory(baseId: string, db: TalentLedgerDB = getDatabase()): Promise<BaseHistory> {
  const rosters = await db.rosters.where('baseId').equals(baseId).toArray();
  const enrollments = rosters.length === 0 ? [] : await db.enrollments.where('rosterId').anyOf(rosters.map((roster) => roster.id)).toArray();
  const summary = summarizeBaseHistory(rosters, enrollments);
  return { ...summary, rosters: rosters.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)) };
}
