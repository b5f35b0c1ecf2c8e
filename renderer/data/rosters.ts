/**
 * 花名册 round trip. Both desks read a roster file the same way (the Excel pipeline's roster kind,
 * then the roster rules against the base and programme, then matching to talents by document):
 * the base pre-checks and saves its own copy before exporting a submission file; the bureau
 * receives it — roster record, enrollments, new or updated talents and their derived 技能等级, in
 * ONE transaction with audit entries. A resubmission of the same base + 批次 replaces the rejected
 * rows and keeps the accepted ones (a person is never enrolled twice). Returning a roster marks it
 * 已退回 with the reason; its rejected rows make the annotated error workbook.
 */
import { err, ok, type AppError, type Result } from '../../shared/result';
import { checkWorkbookGrid, readWorkbook, cellText, type ImportIssue, type SheetGrid } from '../../shared/excel';
import type { ErrorReportInput } from '../../shared/excel/write/errorReport';
import { programmeLabel, type BaseProgramme, type ProgrammeLevel } from '../../shared/bases/trainingBase';
import { checkRosterRules, enrolledLevel } from '../../shared/roster/rosterRules';
import { rosterFields, type AssessmentResult, type RosterFieldKey } from '../../shared/roster/rosterFields';
import type { RosterRecord } from '../../shared/roster/validateRosterRow';
import { parseSkillLevel, raiseSkillLevel } from '../../shared/roster/skillLevels';
import { documentKey, matchTrainee, type TraineeMatch } from '../../shared/roster/matchTrainees';
import { readSubmissionMeta, sheetDataRows, submissionHeaders, verifySubmission, writeSubmissionFile, type SubmissionCheck, type SubmissionMeta } from '../../shared/roster/submissionFile';
import type { RosterStatus } from '../../shared/roster/roster';
import type { SkillLevel, Talent, TalentCategory } from '../../shared/talent/talent';
import { auditedTransaction, diffFields, writeAudit, UNKNOWN_OPERATOR } from '../db/audit';
import { getDatabase, type TalentLedgerDB } from '../db/db';
import type { Enrollment, FieldChange, Roster, SettingRecord, TrainingBase } from '../db/types';
import { PageSlicer } from './pageSlices';
import { classifyCandidate, findExistingTalents, rosterProvidedKeys, rosterRecordToTalentDraft, sha256Hex, type ConflictResolution, type ImportCandidate } from './importBatches';

/** One finding on a row: a field check of the pipeline or a roster rule. */
export interface RosterRowIssue {
  field: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  messageEn: string;
}

/** One data row of a roster file, checked. */
export interface RosterFileRow {
  /** 1-based sheet row. */
  row: number;
  /** Every column of the header as text (for the error workbook and the submission file). */
  cells: string[];
  record: RosterRecord;
  /** Field-check issues (rule issues are added by {@link applyRosterContext}). */
  fieldIssues: RosterRowIssue[];
}

/** A roster file read once; the base, programme and batch can then change without reading it again. */
export interface ParsedRosterFile {
  fileName: string;
  fileSha256: string;
  fileSize: number;
  sheet: string;
  headerRow: number;
  headers: string[];
  /** Field key → 0-based column. */
  columns: Partial<Record<RosterFieldKey, number>>;
  rows: RosterFileRow[];
  /** Present when the file is a submission file exported by a base. */
  submission?: { meta: SubmissionMeta; check: SubmissionCheck };
}

/** The roster file with the rules applied and every trainee matched: what the dry run shows. */
export interface RosterReceipt {
  file: ParsedRosterFile;
  base: TrainingBase;
  programme: BaseProgramme | undefined;
  level: ProgrammeLevel;
  batchKey: string;
  periodStart: string;
  periodEnd: string;
  rows: RosterReceiptRow[];
  /** The stored roster with the same base and 批次 (a resubmission), if any. */
  existing?: Pick<Roster, 'id' | 'status' | 'counts' | 'submissions' | 'returnReason'>;
  counts: { rows: number; valid: number; invalid: number; warned: number; new: number; matched: number; conflicts: number; alreadyAccepted: number };
}

export interface RosterReceiptRow {
  row: number;
  name: string;
  idType: string;
  idNumber: string;
  issues: RosterRowIssue[];
  valid: boolean;
  /** Null for a row with errors (it cannot be linked). */
  match: TraineeMatch | null;
  /** The person was already accepted on this roster by an earlier submission: kept, not written again. */
  alreadyAccepted: boolean;
}

/** What a roster file read can fail with (besides the pipeline's file errors). */
export type RosterError = AppError;

function rosterError(code: string, message: string, messageEn: string): RosterError {
  return { code, message, messageEn };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function toRowIssue(issue: Pick<ImportIssue, 'field' | 'code' | 'severity' | 'message' | 'messageEn'>): RosterRowIssue {
  return { field: issue.field, code: issue.code, severity: issue.severity, message: issue.message, messageEn: issue.messageEn };
}

/**
 * Reads a roster file: the pipeline's roster kind (sheet, header, mapping, field checks), the row
 * cells, and — for a submission file — its provenance and the check of its data-row hash.
 */
export async function readRosterFile(bytes: Uint8Array, fileName: string, options: { today?: string } = {}): Promise<Result<ParsedRosterFile, RosterError>> {
  const fileSha256 = await sha256Hex(bytes);
  const grid = await readWorkbook(bytes, fileName);
  if (!grid.ok) return grid;
  const meta = readSubmissionMeta(grid.value.sheets);
  const check = checkWorkbookGrid(grid.value, fileName, 'roster', { keepRecords: true, ...(options.today ? { today: options.today } : {}) });
  if (!check.ok) return check;
  const result = check.value;
  const sheet = grid.value.sheets[result.sheetIndex] as SheetGrid;
  const headerCells = sheet.rows[result.headerRow - 1] ?? [];
  const width = Math.max(headerCells.length, ...[...result.columnMapping.fields.values()].map((mapped) => mapped.column + 1));
  const headers = Array.from({ length: width }, (_, column) => cellText(headerCells[column]).trim());
  for (const mapped of result.columnMapping.fields.values()) headers[mapped.column] = mapped.header;
  const columns: Partial<Record<RosterFieldKey, number>> = {};
  for (const [key, mapped] of result.columnMapping.fields) columns[key as RosterFieldKey] = mapped.column;
  const issuesByRow = new Map<number, RosterRowIssue[]>();
  for (const issue of result.issues) {
    const list = issuesByRow.get(issue.row);
    if (list) list.push(toRowIssue(issue));
    else issuesByRow.set(issue.row, [toRowIssue(issue)]);
  }
  const rows: RosterFileRow[] = (result.records ?? []).map((imported) => {
    const cells = sheet.rows[imported.row - 1];
    return {
      row: imported.row,
      cells: Array.from({ length: width }, (_, column) => cellText(cells?.[column])),
      record: imported.record as RosterRecord,
      fieldIssues: issuesByRow.get(imported.row) ?? [],
    };
  });
  const parsed: ParsedRosterFile = { fileName, fileSha256, fileSize: bytes.length, sheet: result.sheet, headerRow: result.headerRow, headers, columns, rows };
  if (meta) parsed.submission = { meta, check: verifySubmission(meta, sheetDataRows(sheet, result.headerRow, submissionHeaders().length)) };
  return ok(parsed);
}

/** The programme of a base a submission names (职业 + 工种 + level), else the only one, else none. */
export function findProgramme(base: Pick<TrainingBase, 'programmes'>, wanted: { occupation?: string; workType?: string; level?: number } | undefined): BaseProgramme | undefined {
  if (wanted) {
    const exact = base.programmes.find((programme) => programme.occupation === wanted.occupation && programme.workType === (wanted.workType ?? '') && programme.level === wanted.level);
    if (exact) return exact;
    const byLevel = base.programmes.find((programme) => programme.occupation === wanted.occupation && programme.level === wanted.level);
    if (byLevel) return byLevel;
  }
  return base.programmes.length === 1 ? base.programmes[0] : undefined;
}

/** Choices that complete a file into a receipt (a submission file names them; a plain roster needs the clerk). */
export interface RosterContextChoice {
  baseId: string;
  /** Programme id of the base; '' or absent for none. */
  programmeId?: string;
  batchKey: string;
}

async function storedTalentsFor(db: TalentLedgerDB, rows: readonly RosterFileRow[], slicer: PageSlicer): Promise<Map<string, Talent>> {
  const candidates: ImportCandidate[] = [];
  for (const row of rows) {
    if (slicer.due()) await slicer.pause();
    if (row.fieldIssues.some((issue) => issue.severity === 'error')) continue;
    candidates.push({ row: row.row, draft: rosterRecordToTalentDraft(row.record) });
  }
  const found = await findExistingTalents(db, candidates);
  const byKey = new Map<string, Talent>();
  for (const talent of found.values()) byKey.set(documentKey(talent.idType, talent.idNumber), talent);
  return byKey;
}

async function findStoredRoster(db: TalentLedgerDB, baseId: string, batchKey: string): Promise<Roster | undefined> {
  return db.rosters.where('baseId').equals(baseId).filter((roster) => roster.batchKey === batchKey).first();
}

function periodOf(rows: readonly RosterFileRow[]): { start: string; end: string } {
  let start = '';
  let end = '';
  for (const row of rows) {
    const from = text(row.record.trainingStartDate);
    const to = text(row.record.trainingEndDate);
    if (from !== '' && (start === '' || from < start)) start = from;
    if (to !== '' && (end === '' || to > end)) end = to;
  }
  return { start, end };
}

/**
 * The dry run of a roster file for one base, programme and 批次: the roster rules on every valid
 * row, each trainee matched by document (new / matched / name conflict), and the people an earlier
 * submission of the same 批次 already brought in. Refuses ROSTER_NO_BASE, ROSTER_NO_BATCH.
 */
export async function applyRosterContext(db: TalentLedgerDB, file: ParsedRosterFile, choice: RosterContextChoice): Promise<Result<RosterReceipt, RosterError>> {
  const base = await db.trainingBases.get(choice.baseId);
  if (!base) return err(rosterError('ROSTER_NO_BASE', '请选择培训基地（基地须先在基地名录中登记）', 'Choose the training base (register it first)'));
  const batchKey = choice.batchKey.trim();
  if (batchKey === '') return err(rosterError('ROSTER_NO_BATCH', '请填写批次/期次', 'Enter the batch'));
  const programme = choice.programmeId ? base.programmes.find((candidate) => candidate.id === choice.programmeId) : undefined;
  const context = { base, ...(programme ? { programme: { plannedHours: programme.plannedHours, level: programme.level } } : {}) };
  // 30,000 rows take about a second of rules and matching: in slices, so the page keeps painting.
  const slicer = new PageSlicer();
  const registry = await storedTalentsFor(db, file.rows, slicer);
  const existing = await findStoredRoster(db, base.id, batchKey);
  const acceptedBefore = new Set<string>();
  if (existing) {
    const earlier = await db.enrollments.where('rosterId').equals(existing.id).toArray();
    for (const enrollment of earlier) if (enrollment.decision === 'accepted' && enrollment.talentId) acceptedBefore.add(enrollment.talentId);
  }
  const counts: RosterReceipt['counts'] = { rows: file.rows.length, valid: 0, invalid: 0, warned: 0, new: 0, matched: 0, conflicts: 0, alreadyAccepted: 0 };
  const rows: RosterReceiptRow[] = [];
  for (const fileRow of file.rows) {
    if (slicer.due()) await slicer.pause();
    const issues = [...fileRow.fieldIssues, ...checkRosterRules(fileRow.record, context)];
    const valid = !issues.some((issue) => issue.severity === 'error');
    const name = text(fileRow.record.name);
    const idType = text(fileRow.record.idType) || 'resident';
    const idNumber = text(fileRow.record.idNumber);
    let match: TraineeMatch | null = null;
    let alreadyAccepted = false;
    if (valid) {
      counts.valid += 1;
      if (issues.length > 0) counts.warned += 1;
      match = matchTrainee({ name }, registry.get(documentKey(idType, idNumber)));
      if (match.kind === 'new') counts.new += 1;
      else if (match.kind === 'matched') counts.matched += 1;
      else counts.conflicts += 1;
      if (match.kind !== 'new' && acceptedBefore.has(match.talentId)) {
        alreadyAccepted = true;
        counts.alreadyAccepted += 1;
      }
    } else counts.invalid += 1;
    rows.push({ row: fileRow.row, name, idType, idNumber, issues, valid, match, alreadyAccepted });
  }
  const fromRows = periodOf(file.rows);
  const meta = file.submission?.meta;
  const rowLevel = file.rows.map((row) => parseSkillLevel(text(row.record.level))).find((level) => level !== undefined);
  const receipt: RosterReceipt = {
    file,
    base,
    programme,
    level: programme?.level ?? (meta && meta.level >= 1 && meta.level <= 5 ? (meta.level as ProgrammeLevel) : (rowLevel ?? 5)),
    batchKey,
    periodStart: meta?.periodStart || fromRows.start,
    periodEnd: meta?.periodEnd || fromRows.end,
    rows,
    counts,
  };
  if (existing) receipt.existing = { id: existing.id, status: existing.status, counts: existing.counts, submissions: existing.submissions, returnReason: existing.returnReason };
  return ok(receipt);
}

/**
 * Reads a file and completes it into a receipt in one go: a submission file names its base (by
 * 基地编号), programme and 批次; `choice` fills in or overrides what the file does not say.
 */
export async function checkRosterFile(
  db: TalentLedgerDB,
  bytes: Uint8Array,
  fileName: string,
  choice: Partial<RosterContextChoice> & { today?: string } = {},
): Promise<Result<RosterReceipt, RosterError>> {
  const parsed = await readRosterFile(bytes, fileName, choice.today ? { today: choice.today } : {});
  if (!parsed.ok) return parsed;
  const meta = parsed.value.submission?.meta;
  const base = choice.baseId ? await db.trainingBases.get(choice.baseId) : meta ? await db.trainingBases.where('code').equals(meta.baseCode).first() : undefined;
  const programme = base && choice.programmeId === undefined ? findProgramme(base, meta) : undefined;
  return applyRosterContext(db, parsed.value, { baseId: base?.id ?? '', programmeId: choice.programmeId ?? programme?.id ?? '', batchKey: choice.batchKey ?? meta?.batchKey ?? '' });
}

/** Which desk writes: the bureau receives (accepts/rejects), the base keeps its own copy (待审核). */
export type RosterSide = 'bureau' | 'base';

/** The clerk's decisions on a receipt. */
export interface RosterDecisions {
  side: RosterSide;
  /** Valid rows the clerk rejects, with the reason (sheet row → reason). */
  rejected?: ReadonlyMap<number, string>;
  /** Name conflicts (sheet row → resolution); every conflict needs one. */
  resolutions?: ReadonlyMap<number, ConflictResolution>;
  /** 人才类别 of new talents; 人工智能训练师 by default. */
  newTalentCategory?: TalentCategory;
  /** Required when the submission file was edited after export. */
  confirmEdited?: boolean;
  operator?: string;
  /** ISO time; defaults to now. */
  now?: string;
}

/** What a committed roster did. */
export interface RosterCommitResult {
  roster: Roster;
  created: number;
  updated: number;
  accepted: number;
  rejected: number;
  /** People an earlier submission of the batch had already brought in (not written again). */
  kept: number;
  skillLevelsChanged: number;
  /** Talents created or changed (for announceTalentChanges). */
  changedTalentIds: string[];
}

/**
 * Rows written per bulk call inside the one transaction. Each call serialises its rows on the page
 * in one task (2,000 enrollments took 150–220 ms here); 500 keep it under 50 ms.
 */
const WRITE_CHUNK = 500;

async function operatorName(db: TalentLedgerDB): Promise<string> {
  const record = (await db.settings.get('operatorName')) as SettingRecord<'operatorName'> | undefined;
  return typeof record?.value === 'string' && record.value !== '' ? record.value : UNKNOWN_OPERATOR;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function rosterStatus(side: RosterSide, accepted: number, rejected: number): RosterStatus {
  if (side === 'base') return 'pending';
  if (rejected === 0) return 'accepted';
  return accepted > 0 ? 'partial' : 'pending';
}

function columnOf(file: ParsedRosterFile, field: string): number | null {
  const column = file.columns[field as RosterFieldKey];
  return column === undefined ? null : column;
}

/**
 * Writes a receipt in ONE transaction: the roster (new, or the stored one of the same base and 批次
 * updated), enrollments (accepted / rejected with reasons; on the base's desk 待审核), new talents
 * (人才类别 from the decision) and changed personal fields of matched ones, each affected talent's
 * derived 技能等级, and audit entries. Earlier accepted rows of the batch are kept; its rejected and
 * pending rows are replaced. Refused: ROSTER_EDITED_UNCONFIRMED, ROSTER_CONFLICTS_OPEN, ROSTER_DATA_CHANGED.
 */
export async function commitRosterReceipt(db: TalentLedgerDB, receipt: RosterReceipt, decisions: RosterDecisions): Promise<Result<RosterCommitResult, RosterError>> {
  const { file } = receipt;
  if (file.submission?.check.state === 'edited' && !decisions.confirmEdited) {
    return err(rosterError('ROSTER_EDITED_UNCONFIRMED', '报送文件导出后数据行被修改过（校验值不一致），请确认后再接收', 'The submission file was edited after export; confirm before receiving it'));
  }
  const resolutions = decisions.resolutions ?? new Map<number, ConflictResolution>();
  const rejectedByClerk = decisions.rejected ?? new Map<number, string>();
  const open = receipt.rows.filter((row) => row.match?.kind === 'conflict' && !resolutions.has(row.row) && !rejectedByClerk.has(row.row)).length;
  if (open > 0) return err(rosterError('ROSTER_CONFLICTS_OPEN', `还有 ${open} 处姓名与库中不一致未处理`, `${open} name conflicts are not settled`));

  const now = decisions.now ?? new Date().toISOString();
  const side = decisions.side;
  const category = decisions.newTalentCategory ?? 'aiTrainer';
  const provided = rosterProvidedKeys(Object.keys(file.columns));
  const fileRowByNumber = new Map(file.rows.map((row) => [row.row, row]));
  const changedTalentIds = new Set<string>();
  try {
    const result = await auditedTransaction(db, ['talents', 'rosters', 'enrollments', 'trainingBases'], async (): Promise<RosterCommitResult> => {
      const operator = decisions.operator ?? (await operatorName(db));
      // Inside the transaction the page gets its turns through a small read of the transaction itself.
      const slicer = new PageSlicer(() => db.trainingBases.get(receipt.base.id));
      const stored = await findStoredRoster(db, receipt.base.id, receipt.batchKey);
      const earlier = stored ? await db.enrollments.where('rosterId').equals(stored.id).toArray() : [];
      const keptEnrollments = side === 'bureau' ? earlier.filter((enrollment) => enrollment.decision === 'accepted') : [];
      const keptTalents = new Set(keptEnrollments.map((enrollment) => enrollment.talentId));
      const keptIds = new Set(keptEnrollments.map((enrollment) => enrollment.id));
      await db.enrollments.bulkDelete(earlier.filter((enrollment) => !keptIds.has(enrollment.id)).map((enrollment) => enrollment.id));
      const rosterId = stored?.id ?? crypto.randomUUID();

      // Fresh look-up inside the transaction: the registry may have changed since the dry run.
      const candidates: ImportCandidate[] = [];
      for (const row of receipt.rows) {
        if (slicer.due()) await slicer.pause();
        const fileRow = fileRowByNumber.get(row.row);
        if (row.valid && fileRow) candidates.push({ row: row.row, draft: rosterRecordToTalentDraft(fileRow.record) });
      }
      const registry = await findExistingTalents(db, candidates);
      const draftByRow = new Map(candidates.map((candidate) => [candidate.row, candidate]));

      const newTalents: Talent[] = [];
      const talentUpdates = new Map<string, { before: Talent; changes: FieldChange[] }>();
      const enrollments: Enrollment[] = [];
      const enrolledTalents = new Set<string>();
      let kept = 0;
      let rejected = 0;
      for (const row of receipt.rows) {
        if (slicer.due()) await slicer.pause();
        const fileRow = fileRowByNumber.get(row.row);
        if (!fileRow) continue;
        const record = fileRow.record;
        const reasons: string[] = [];
        const reasonColumns: Array<number | null> = [];
        for (const issue of row.issues) {
          if (issue.severity !== 'error') continue;
          reasons.push(issue.message);
          reasonColumns.push(columnOf(file, issue.field));
        }
        const clerkReason = rejectedByClerk.get(row.row);
        if (clerkReason !== undefined) {
          reasons.push(clerkReason.trim() === '' ? '人社局审核未通过' : clerkReason.trim());
          reasonColumns.push(null);
        }
        const candidate = draftByRow.get(row.row);
        const existing = candidate ? registry.get(`${candidate.draft.idType}\u0000${candidate.draft.idNumber}`) : undefined;
        let talentId = existing?.id ?? '';
        if (row.valid && candidate && reasons.length === 0) {
          const resolution = resolutions.get(row.row);
          const plan = classifyCandidate(candidate, existing, provided);
          if (plan.kind === 'conflict' && resolution === 'skip') {
            reasons.push('姓名与库中同一证件号码的姓名不一致，未接收');
            reasonColumns.push(columnOf(file, 'name'));
          } else if (plan.kind === 'conflict' && resolution === undefined) {
            throw Object.assign(new Error('conflict appeared'), { name: 'RosterDataChanged' });
          } else if (plan.kind === 'new') {
            const talent: Talent = { ...plan.draft, category, id: crypto.randomUUID(), createdAt: now, updatedAt: now };
            newTalents.push(talent);
            talentId = talent.id;
          } else if (existing) {
            const changes = plan.kind === 'updated' || plan.kind === 'conflict' ? [...plan.changes] : [];
            if (plan.kind === 'conflict' && resolution === 'takeFile') changes.unshift({ field: 'name', before: plan.registryName, after: plan.fileName });
            if (changes.length > 0 && !talentUpdates.has(existing.id)) talentUpdates.set(existing.id, { before: existing, changes });
          }
        }
        if (talentId !== '' && (keptTalents.has(talentId) || enrolledTalents.has(talentId))) {
          // Already accepted by an earlier submission of this batch, or twice in this file: no second enrollment.
          kept += 1;
          talentUpdates.delete(talentId);
          continue;
        }
        const accepted = reasons.length === 0;
        if (!accepted) rejected += 1;
        if (talentId !== '') enrolledTalents.add(talentId);
        const level = enrolledLevel(record, receipt.programme) ?? receipt.level;
        const enrollment: Enrollment = {
          id: crypto.randomUUID(),
          createdAt: now,
          updatedAt: now,
          rosterId,
          talentId,
          baseId: receipt.base.id,
          decision: accepted ? (side === 'bureau' ? 'accepted' : 'pending') : 'rejected',
          rejectReasons: reasons,
          sourceRow: row.row,
          name: row.name,
          idType: row.idType,
          idNumber: row.idNumber,
          occupation: text(record.occupation) || receipt.programme?.occupation || '',
          level,
          hours: numberOrNull(record.hours),
          attendance: numberOrNull(record.attendance),
          theoryScore: numberOrNull(record.theoryScore),
          practicalScore: numberOrNull(record.practicalScore),
          result: (text(record.assessmentResult) as AssessmentResult | '') || '',
          certificateNumber: text(record.certificateNumber),
          trainingStart: text(record.trainingStartDate) || receipt.periodStart,
          trainingEnd: text(record.trainingEndDate) || receipt.periodEnd,
          assessedOn: text(record.trainingEndDate) || receipt.periodEnd,
        };
        if (!accepted) {
          enrollment.cells = fileRow.cells;
          enrollment.rejectColumns = reasonColumns;
        }
        enrollments.push(enrollment);
      }

      const updatedTalents = new Map<string, Talent>();
      for (const [id, { before, changes }] of talentUpdates) {
        const after = { ...before, updatedAt: now } as Talent & Record<string, unknown>;
        for (const change of changes) after[change.field] = change.after;
        updatedTalents.set(id, after);
      }
      for (let start = 0; start < enrollments.length; start += WRITE_CHUNK) await db.enrollments.bulkAdd(enrollments.slice(start, start + WRITE_CHUNK));

      // 技能等级 of every talent with a new accepted, passed row. The stored level is always the one
      // derived from the talent's accepted rows, and a receipt only adds accepted rows, so the new
      // level is the better of the stored one and this batch's: no need to read older enrollments.
      let skillLevelsChanged = 0;
      const skillChanges: FieldChange[] = [];
      if (side === 'bureau') {
        const batchBest = new Map<string, SkillLevel>();
        for (const enrollment of enrollments) {
          if (enrollment.talentId === '' || enrollment.decision !== 'accepted' || enrollment.result !== 'passed') continue;
          batchBest.set(enrollment.talentId, raiseSkillLevel(batchBest.get(enrollment.talentId) ?? 0, enrollment.level));
        }
        const newById = new Map(newTalents.map((talent) => [talent.id, talent]));
        const storedById = new Map([...registry.values()].map((talent) => [talent.id, talent]));
        for (const [id, level] of batchBest) {
          const target = newById.get(id) ?? updatedTalents.get(id) ?? storedById.get(id);
          if (!target) continue;
          const next = raiseSkillLevel(target.skillLevel, level);
          if (next === target.skillLevel) continue;
          if (skillChanges.length < 200) skillChanges.push({ field: `skillLevel:${target.name}`, before: target.skillLevel, after: next });
          skillLevelsChanged += 1;
          // New talents are written below, already with their level.
          if (newById.has(id)) target.skillLevel = next;
          else updatedTalents.set(id, { ...target, skillLevel: next, updatedAt: now });
        }
      }
      for (let start = 0; start < newTalents.length; start += WRITE_CHUNK) await db.talents.bulkAdd(newTalents.slice(start, start + WRITE_CHUNK));
      for (const talent of newTalents) changedTalentIds.add(talent.id);
      const changedStored = [...updatedTalents.values()].filter((talent) => talent.updatedAt === now);
      for (let start = 0; start < changedStored.length; start += WRITE_CHUNK) await db.talents.bulkPut(changedStored.slice(start, start + WRITE_CHUNK));
      for (const talent of changedStored) changedTalentIds.add(talent.id);

      const acceptedNow = enrollments.filter((enrollment) => enrollment.decision !== 'rejected').length;
      const acceptedTotal = keptEnrollments.length + acceptedNow;
      const programme = receipt.programme;
      const roster: Roster = {
        id: rosterId,
        createdAt: stored?.createdAt ?? now,
        updatedAt: now,
        name: `${receipt.base.name} ${receipt.batchKey}${programme ? ` ${programmeLabel(programme)}` : ''}`,
        baseId: receipt.base.id,
        baseCode: receipt.base.code,
        baseName: receipt.base.name,
        programmeId: programme?.id ?? '',
        occupation: programme?.occupation ?? (file.submission?.meta.occupation || '人工智能训练师'),
        workType: programme?.workType ?? (file.submission?.meta.workType ?? ''),
        level: receipt.level,
        batchKey: receipt.batchKey,
        periodStart: receipt.periodStart,
        periodEnd: receipt.periodEnd,
        submittedAt: now,
        sourceFileName: file.fileName,
        sourceSha256: file.fileSha256,
        counts: { total: acceptedTotal + rejected, accepted: acceptedTotal, rejected },
        status: rosterStatus(side, acceptedTotal, rejected),
        returnReason: '',
        operator,
        headers: file.headers,
        submissions: (stored?.submissions ?? 0) + 1,
      };
      await db.rosters.put(roster);
      const what = stored ? `重新报送（第 ${roster.submissions} 次）` : side === 'bureau' ? '接收' : '保存';
      await writeAudit(db, {
        action: stored ? 'update' : 'create',
        entity: 'roster',
        entityId: roster.id,
        operator,
        changes: diffFields(stored, roster, ['updatedAt', 'createdAt', 'id', 'headers']),
        note: `${what}花名册 ${roster.name}（${file.fileName}）：接收 ${acceptedNow}，退回 ${rejected}，此前已接收保留 ${kept}`,
      });
      if (newTalents.length + changedStored.length > 0) {
        await writeAudit(db, {
          action: 'import',
          entity: 'talent',
          operator,
          changes: skillChanges,
          note: `花名册 ${roster.name}：新增人才 ${newTalents.length}，更新 ${changedStored.length}，技能等级变化 ${skillLevelsChanged}`,
        });
      }
      return {
        roster,
        created: newTalents.length,
        updated: changedStored.length,
        accepted: acceptedNow,
        rejected,
        kept,
        skillLevelsChanged,
        changedTalentIds: [],
      };
    });
    return ok({ ...result, changedTalentIds: [...changedTalentIds] });
  } catch (error) {
    if (error instanceof Error && (error.name === 'RosterDataChanged' || error.name === 'BulkError' || error.name === 'ConstraintError')) {
      return err(rosterError('ROSTER_DATA_CHANGED', '核对之后库中数据已变化，本次未写入任何数据，请重新核对', 'The registry changed after the check; nothing was written. Check again.'));
    }
    throw error;
  }
}

/** Marks a roster 已退回 with the reason (audited); ROSTER_NOT_FOUND, ROSTER_REASON_REQUIRED. */
export async function returnRoster(db: TalentLedgerDB, rosterId: string, reason: string, options: { now?: string } = {}): Promise<Result<Roster, RosterError>> {
  if (reason.trim() === '') return err(rosterError('ROSTER_REASON_REQUIRED', '请填写退回原因', 'Enter the reason'));
  return auditedTransaction(db, ['rosters'], async (): Promise<Result<Roster, RosterError>> => {
    const before = await db.rosters.get(rosterId);
    if (!before) return err(rosterError('ROSTER_NOT_FOUND', '找不到该花名册', 'No such roster'));
    const after: Roster = { ...before, status: 'returned', returnReason: reason.trim(), updatedAt: options.now ?? new Date().toISOString() };
    await db.rosters.put(after);
    await writeAudit(db, { action: 'update', entity: 'roster', entityId: rosterId, changes: diffFields(before, after), note: `退回花名册 ${after.name}：${after.returnReason}` });
    return ok(after);
  });
}

/**
 * The annotated error workbook of a roster's rejected rows: the rows as the base sent them, every
 * reason in 错误说明, red cells with comments; named `<基地>_<批次>_错误报告.xlsx`.
 */
export async function rosterErrorReportInput(db: TalentLedgerDB, rosterId: string): Promise<Result<ErrorReportInput, RosterError>> {
  const roster = await db.rosters.get(rosterId);
  if (!roster) return err(rosterError('ROSTER_NOT_FOUND', '找不到该花名册', 'No such roster'));
  const rows = (await db.enrollments.where('rosterId').equals(rosterId).toArray()).filter((enrollment) => enrollment.decision === 'rejected').sort((a, b) => a.sourceRow - b.sourceRow);
  return ok({
    fileName: roster.sourceFileName,
    sheetName: '培训花名册',
    headerRow: 1,
    headers: roster.headers,
    baseName: roster.baseName,
    batch: roster.batchKey,
    rows: rows.map((enrollment) => ({
      sheetRow: enrollment.sourceRow,
      cells: enrollment.cells ?? [],
      issues: enrollment.rejectReasons.map((message, index) => ({ column: enrollment.rejectColumns?.[index] ?? null, code: 'ROSTER_REJECTED', message })),
    })),
  });
}

/** Rosters newest first, optionally of one base. */
export async function listRosters(db: TalentLedgerDB = getDatabase(), baseId?: string): Promise<Roster[]> {
  const rosters = baseId ? await db.rosters.where('baseId').equals(baseId).toArray() : await db.rosters.toArray();
  return rosters.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}

/** The enrollments of a roster in sheet order. */
export async function listRosterEnrollments(rosterId: string, db: TalentLedgerDB = getDatabase()): Promise<Enrollment[]> {
  const rows = await db.enrollments.where('rosterId').equals(rosterId).toArray();
  return rows.sort((a, b) => a.sourceRow - b.sourceRow);
}

/** The submission file of a checked roster: the rows as the base has them in template column order, with provenance and hash. */
export async function buildSubmissionFile(receipt: RosterReceipt, options: { appVersion: string; now?: string }): Promise<{ fileName: string; bytes: Uint8Array; meta: SubmissionMeta }> {
  const { file } = receipt;
  const rows = file.rows.map((row) => rosterFields.map((field) => {
    const column = file.columns[field.key];
    return column === undefined ? '' : (row.cells[column] ?? '');
  }));
  const programme = receipt.programme;
  const { bytes, meta } = await writeSubmissionFile({
    meta: {
      baseCode: receipt.base.code,
      baseName: receipt.base.name,
      occupation: programme?.occupation ?? '',
      workType: programme?.workType ?? '',
      level: receipt.level,
      batchKey: receipt.batchKey,
      periodStart: receipt.periodStart,
      periodEnd: receipt.periodEnd,
      appVersion: options.appVersion,
      exportedAt: options.now ?? new Date().toISOString(),
    },
    rows,
  });
  const safe = (value: string) => value.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName: `${safe(receipt.base.name)}_${safe(receipt.batchKey)}_报送花名册.xlsx`, bytes, meta };
}
