/**
 * Single-record writes of the talent registry (人才库): create, edit, status change (迁出/注销/恢复在库)
 * and revealing a masked ID number or phone. Each write and its audit entry share ONE Dexie
 * transaction, so neither can be stored without the other; committed talent writes are then
 * announced to the search index. Records are never deleted here.
 */
import type { AppError, Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { compareYmd, isValidYmd, todayYmd } from '../../shared/dates';
import { normalizeDocumentNumber } from '../../shared/identity';
import type { IdDocumentType, Talent, TalentStatus } from '../../shared/talent/talent';
import type { TalentDraft } from '../../shared/talent/talentDraft';
import { hasErrors, validateTalentInput, type RawRecord, type ValidateTalentOptions, type ValidationIssue } from '../../shared/validation';
import { auditedTransaction, diffFields, getDatabase, writeAudit, type AuditEntry, type CertificationApplication, type Enrollment, type TalentLedgerDB } from '../db';
import { announceTalentChanges } from './talentEvents';

/** Stable codes of talent write failures. */
export type TalentWriteErrorCode = 'TALENT_INVALID' | 'TALENT_DUPLICATE' | 'TALENT_NOT_FOUND' | 'TALENT_STALE';

/** Why a talent write was refused. */
export interface TalentWriteError extends AppError {
  code: TalentWriteErrorCode;
  /** `TALENT_INVALID`: the field issues (errors and warnings) to show beside each field. */
  issues?: ValidationIssue[];
  /** `TALENT_DUPLICATE`: the record that already holds this document, so the form can offer to open it. */
  existing?: { id: string; name: string };
}

/** Fields a status change sets; the form never edits them directly. */
const STATUS_FIELDS = ['status', 'leftDate', 'leftReason'] as const;
/** Derived from other records (certifications, enrollments); never taken from a form. */
const DERIVED_FIELDS = ['titleLevel', 'skillLevel'] as const;
/** Bookkeeping left out of field-level audit diffs. */
const AUDIT_IGNORED_FIELDS = ['updatedAt'];

function invalid(issues: ValidationIssue[]): TalentWriteError {
  return { code: 'TALENT_INVALID', message: '填写的信息有误，请按提示修改', messageEn: 'Some fields need correcting', issues };
}

function notFound(): TalentWriteError {
  return { code: 'TALENT_NOT_FOUND', message: '找不到该人员记录', messageEn: 'The talent record was not found' };
}

function duplicate(existing: Talent): TalentWriteError {
  return {
    code: 'TALENT_DUPLICATE',
    message: `该人员已在库（姓名：${existing.name}）`,
    messageEn: `This person is already in the registry (name: ${existing.name})`,
    existing: { id: existing.id, name: existing.name },
  };
}

function stale(): TalentWriteError {
  return {
    code: 'TALENT_STALE',
    message: '该记录已被他人或其他窗口修改，请重新打开后再编辑',
    messageEn: 'The record was changed elsewhere; reopen it before editing',
  };
}

/** Dexie reports a unique-index violation as ConstraintError (single put) or inside a BulkError. */
function isConstraintError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ConstraintError' || (error.name === 'BulkError' && /ConstraintError/.test(error.message)));
}

/** The record holding a document (idType + normalised number), via the unique compound index. */
export async function findTalentByIdentity(idType: IdDocumentType, idNumber: string, db: TalentLedgerDB = getDatabase()): Promise<Talent | undefined> {
  const normalized = normalizeDocumentNumber(idNumber);
  if (normalized === '') return undefined;
  return db.talents.where('[idType+idNumber]').equals([idType, normalized]).first();
}

/** One talent by its id (a UUID). */
export function getTalent(id: string, db: TalentLedgerDB = getDatabase()): Promise<Talent | undefined> {
  return db.talents.get(id);
}

/** Options of create and update. */
export interface TalentWriteOptions extends ValidateTalentOptions {
  db?: TalentLedgerDB;
  /** The time stamped on the record (tests); default now. */
  now?: string;
}

/**
 * Validates form (or any raw) values and stores a new talent, status 在库, with a `create` audit entry
 * holding every field. Refuses a document already in the registry (`TALENT_DUPLICATE`, with the
 * existing record's id and name).
 */
export async function createTalent(raw: RawRecord, options: TalentWriteOptions = {}): Promise<Result<Talent, TalentWriteError>> {
  const db = options.db ?? getDatabase();
  const { record, issues } = validateTalentInput(stripStatusAndDerived(raw), options);
  if (hasErrors(issues)) return err(invalid(issues));
  const now = options.now ?? new Date().toISOString();
  const talent: Talent = { ...record, status: 'active', leftDate: '', leftReason: '', titleLevel: 'none', skillLevel: 0, id: crypto.randomUUID(), createdAt: now, updatedAt: now };
  try {
    const outcome = await auditedTransaction(db, ['talents'], async (): Promise<Result<Talent, TalentWriteError>> => {
      const existing = await findTalentByIdentity(talent.idType, talent.idNumber, db);
      if (existing) return err(duplicate(existing));
      await db.talents.add(talent);
      await writeAudit(db, { action: 'create', entity: 'talent', entityId: talent.id, changes: diffFields(undefined, talent, AUDIT_IGNORED_FIELDS) });
      return ok(talent);
    });
    if (outcome.ok) announceTalentChanges({ upserted: [talent.id], removed: [] });
    return outcome;
  } catch (error) {
    // Another window stored the same document between our check and our add.
    if (isConstraintError(error)) {
      const existing = await findTalentByIdentity(talent.idType, talent.idNumber, db);
      if (existing) return err(duplicate(existing));
    }
    throw error;
  }
}

function stripStatusAndDerived(raw: RawRecord): RawRecord {
  const copy: Record<string, RawRecord[string]> = { ...raw };
  for (const key of [...STATUS_FIELDS, ...DERIVED_FIELDS]) delete copy[key];
  return copy;
}

/** Options of {@link updateTalent}. */
export interface UpdateTalentOptions extends TalentWriteOptions {
  /** The `updatedAt` the form was opened with: a record changed since is refused (`TALENT_STALE`). */
  expectedUpdatedAt?: string;
}

/**
 * Validates form values and stores them over an existing talent with an `update` audit entry of
 * the changed fields (before/after). Status, 离库日期/原因 and derived levels are kept (they change
 * through {@link changeTalentStatus} and their own records). Nothing changed → nothing written.
 */
export async function updateTalent(id: string, raw: RawRecord, options: UpdateTalentOptions = {}): Promise<Result<Talent, TalentWriteError>> {
  const db = options.db ?? getDatabase();
  const current = await db.talents.get(id);
  if (!current) return err(notFound());
  // Status fields come from the record so the cross-field rules (离库日期 ≥ 入库日期) still see them.
  const input: Record<string, RawRecord[string]> = { ...stripStatusAndDerived(raw) };
  for (const key of STATUS_FIELDS) input[key] = current[key];
  const { record, issues } = validateTalentInput(input, options);
  if (hasErrors(issues)) return err(invalid(issues));
  const now = options.now ?? new Date().toISOString();
  try {
    const outcome = await auditedTransaction(db, ['talents'], async (): Promise<Result<Talent, TalentWriteError>> => {
      const before = await db.talents.get(id);
      if (!before) return err(notFound());
      if (options.expectedUpdatedAt !== undefined && before.updatedAt !== options.expectedUpdatedAt) return err(stale());
      if (record.idType !== before.idType || record.idNumber !== before.idNumber) {
        const holder = await findTalentByIdentity(record.idType, record.idNumber, db);
        if (holder && holder.id !== id) return err(duplicate(holder));
      }
      const after: Talent = mergeDraft(before, record, now);
      const changes = diffFields(before, after, AUDIT_IGNORED_FIELDS);
      if (changes.length === 0) return ok(before);
      await db.talents.put(after);
      await writeAudit(db, { action: 'update', entity: 'talent', entityId: id, changes });
      return ok(after);
    });
    if (outcome.ok && outcome.value.updatedAt === now) announceTalentChanges({ upserted: [id], removed: [] });
    return outcome;
  } catch (error) {
    if (isConstraintError(error)) {
      const holder = await findTalentByIdentity(record.idType, record.idNumber, db);
      if (holder && holder.id !== id) return err(duplicate(holder));
    }
    throw error;
  }
}

function mergeDraft(before: Talent, draft: TalentDraft, now: string): Talent {
  const after: Talent = { ...before, ...draft, updatedAt: now };
  for (const key of STATUS_FIELDS) (after as unknown as Record<string, unknown>)[key] = before[key];
  after.titleLevel = before.titleLevel;
  after.skillLevel = before.skillLevel;
  return after;
}

/** A status change: 迁出/注销 need a date and a reason; 在库 (恢复) clears them. */
export interface TalentStatusChange {
  status: TalentStatus;
  /** `YYYY-MM-DD`; required unless the status is `active`. */
  leftDate?: string;
  leftReason?: string;
}

const REASON_MAX_LENGTH = 200;

/** Field issues of a status change (empty when it can be stored). Pure, for the modal's inline checks. */
export function checkStatusChange(talent: Pick<Talent, 'joinedDate'>, change: TalentStatusChange, today: string = todayYmd()): ValidationIssue[] {
  if (change.status === 'active') return [];
  const issues: ValidationIssue[] = [];
  const leftDate = (change.leftDate ?? '').trim();
  const reason = (change.leftReason ?? '').trim();
  const issue = (field: string, code: ValidationIssue['code'], message: string, messageEn: string): ValidationIssue => ({ field, code, severity: 'error', message, messageEn });
  if (leftDate === '') issues.push(issue('leftDate', 'REQUIRED', '离库日期：必填，不能为空', 'Left: is required'));
  else if (!isValidYmd(leftDate)) issues.push(issue('leftDate', 'DATE_FORMAT', '离库日期：不是有效的日期（YYYY-MM-DD）', 'Left: is not a valid date (YYYY-MM-DD)'));
  else if (talent.joinedDate !== '' && compareYmd(leftDate, talent.joinedDate) < 0) {
    issues.push(issue('leftDate', 'DATE_RANGE', '离库日期：不能早于入库日期', 'Left: cannot be before the joined date'));
  } else if (compareYmd(leftDate, today) > 0) issues.push(issue('leftDate', 'DATE_RANGE', '离库日期：不能晚于今天', 'Left: cannot be in the future'));
  if (reason === '') issues.push(issue('leftReason', 'REQUIRED', '离库原因：必填，不能为空', 'Reason for leaving: is required'));
  else if (reason.length > REASON_MAX_LENGTH) {
    issues.push(issue('leftReason', 'TEXT_TOO_LONG', `离库原因：超过 ${REASON_MAX_LENGTH} 个字`, `Reason for leaving: is longer than ${REASON_MAX_LENGTH} characters`));
  }
  return issues;
}

/**
 * Moves a talent out (已迁出), cancels it (已注销) or restores it (在库), with an `update` audit entry of
 * the status, date and reason. The record stays in the registry either way.
 */
export async function changeTalentStatus(
  id: string,
  change: TalentStatusChange,
  options: { db?: TalentLedgerDB; now?: string; today?: string; note?: string } = {},
): Promise<Result<Talent, TalentWriteError>> {
  const db = options.db ?? getDatabase();
  const now = options.now ?? new Date().toISOString();
  const outcome = await auditedTransaction(db, ['talents'], async (): Promise<Result<Talent, TalentWriteError>> => {
    const before = await db.talents.get(id);
    if (!before) return err(notFound());
    const issues = checkStatusChange(before, change, options.today);
    if (issues.length > 0) return err(invalid(issues));
    const leaving = change.status !== 'active';
    const after: Talent = {
      ...before,
      status: change.status,
      leftDate: leaving ? (change.leftDate ?? '').trim() : '',
      leftReason: leaving ? (change.leftReason ?? '').trim() : '',
      updatedAt: now,
    };
    const changes = diffFields(before, after, AUDIT_IGNORED_FIELDS);
    if (changes.length === 0) return ok(before);
    await db.talents.put(after);
    await writeAudit(db, { action: 'update', entity: 'talent', entityId: id, changes, note: options.note ?? '' });
    return ok(after);
  });
  if (outcome.ok && outcome.value.updatedAt === now) announceTalentChanges({ upserted: [id], removed: [] });
  return outcome;
}

/**
 * The full document number and phone of one talent, for the 显示 action. Writes a `reveal` audit
 * entry in the same transaction as the read: no value is shown without its entry.
 */
export async function revealTalentPersonalData(
  id: string,
  options: { db?: TalentLedgerDB; note?: string } = {},
): Promise<Result<{ idNumber: string; phone: string }, TalentWriteError>> {
  const db = options.db ?? getDatabase();
  return auditedTransaction(db, ['talents'], async () => {
    const talent = await db.talents.get(id);
    if (!talent) return err(notFound());
    await writeAudit(db, { action: 'reveal', entity: 'talent', entityId: id, note: options.note ?? '查看完整证件号码和手机号码' });
    return ok({ idNumber: talent.idNumber, phone: talent.phone });
  });
}

/** The change history of one talent, newest first (the audit log's `[entity+entityId]` index). */
export async function listTalentHistory(id: string, db: TalentLedgerDB = getDatabase()): Promise<AuditEntry[]> {
  const entries = await db.auditLog.where('[entity+entityId]').equals(['talent', id]).toArray();
  return entries.sort((a, b) => b.id - a.id);
}

/** The talent's certification applications (职称申报), newest first. */
export async function listTalentCertifications(id: string, db: TalentLedgerDB = getDatabase()): Promise<CertificationApplication[]> {
  const rows = await db.certificationApplications.where('talentId').equals(id).toArray();
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The talent's training enrollments (培训记录), newest first. */
export async function listTalentEnrollments(id: string, db: TalentLedgerDB = getDatabase()): Promise<Enrollment[]> {
  const rows = await db.enrollments.where('talentId').equals(id).toArray();
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
