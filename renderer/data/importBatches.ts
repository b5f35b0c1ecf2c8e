/**
 * Import batches: the dry run of validated rows against the database (new / updated with a
 * field-level diff / unchanged / name conflict), the commit of a whole batch in ONE transaction
 * (batch record, before-images of updated talents, one audit entry — cancel or failure leaves the
 * database as it was), undo of a batch as a whole, the same-file check, and remembered column
 * mappings. Runs in the import worker (renderer/workers/import.worker.ts) and in tests.
 */
import { err, ok, type AppError, type Result } from '../../shared/result';
import type { RosterRecord } from '../../shared/roster/validateRosterRow';
import type { Talent } from '../../shared/talent/talent';
import { emptyTalentDraft, type TalentDraft } from '../../shared/talent/talentDraft';
import type { TalentFieldKey } from '../../shared/talent/talentFields';
import { normalizeHeaderText } from '../../shared/excel/headerMapping';
import { auditedTransaction, writeAudit, UNKNOWN_OPERATOR } from '../db/audit';
import type { TalentLedgerDB } from '../db/db';
import type {
  FieldChange,
  ImportBatch,
  ImportBatchCounts,
  ImportBatchKind,
  ImportBeforeImage,
  ImportBeforeImageChunk,
  ImportBeforeImageEntry,
  ImportCommitMode,
  ImportMappingOverride,
  ImportMappingPreset,
  SettingRecord,
} from '../db/types';

/** Records written per `bulkAdd`/`bulkPut` inside the one transaction (progress is reported per chunk). */
export const COMMIT_CHUNK = 2_000;
/** Keys per `anyOf` look-up in the dry run. */
export const LOOKUP_CHUNK = 2_000;

/** Talent fields an import never writes: derived levels, and the identity (it is how the record is found). */
const NEVER_IMPORTED: ReadonlySet<string> = new Set(['titleLevel', 'skillLevel', 'idType', 'idNumber', 'name']);

/** Roster columns that are also talent fields (same key, same meaning). */
const ROSTER_TALENT_KEYS = ['name', 'idType', 'idNumber', 'gender', 'birthDate', 'phone', 'education', 'employer'] as const satisfies readonly TalentFieldKey[];

/** One valid row of the file, as a talent draft. */
export interface ImportCandidate {
  /** 1-based sheet row. */
  row: number;
  draft: TalentDraft;
}

/** How the clerk settles a name that differs from the registry's for the same document. */
export type ConflictResolution = 'keepRegistry' | 'takeFile' | 'skip';

export type PlanEntry =
  | { kind: 'new'; row: number; draft: TalentDraft }
  | { kind: 'updated'; row: number; talentId: string; changes: FieldChange[] }
  | { kind: 'unchanged'; row: number; talentId: string }
  | { kind: 'conflict'; row: number; talentId: string; registryName: string; fileName: string; changes: FieldChange[] };

export interface ImportPlanCounts {
  new: number;
  updated: number;
  unchanged: number;
  conflicts: number;
}

/**
 * A new talent from a roster row: the roster's personal columns, category 人工智能训练师 (rosters
 * come from AI-trainer training).
 */
export function rosterRecordToTalentDraft(record: RosterRecord): TalentDraft {
  const draft = emptyTalentDraft();
  const values = record as Partial<Record<string, unknown>>;
  const target = draft as unknown as Record<string, unknown>;
  for (const key of ROSTER_TALENT_KEYS) {
    const value = values[key];
    if (typeof value === 'string') target[key] = value;
  }
  if (draft.idType === ('' as string)) draft.idType = 'resident';
  draft.category = 'aiTrainer';
  return draft;
}

/** Talent fields a roster file can provide (the rest are never touched by a roster import). */
export function rosterProvidedKeys(mappedRosterKeys: Iterable<string>): Set<string> {
  const talentKeys = new Set<string>(ROSTER_TALENT_KEYS);
  return new Set([...mappedRosterKeys].filter((key) => talentKeys.has(key)));
}

/**
 * True when a draft value says nothing: blank text, no tags, the defaults a blank cell gets
 * (在库, 其他, not overseas). Such values never overwrite what the registry holds.
 */
export function isUnspecifiedValue(key: string, value: unknown): boolean {
  if (value === '' || value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (key === 'overseas') return value === false;
  if (key === 'status') return value === 'active';
  if (key === 'category') return value === 'other';
  return false;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
  return false;
}

/** Names compared as people read them: NFKC, no white space. */
export function sameName(a: string, b: string): boolean {
  const normal = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
  return normal(a) === normal(b);
}

/**
 * Classifies one valid row against the stored talent with the same document (or none).
 * `provided`: the fields the file has columns for; only those, and only where the cell said
 * something, can change a stored record. Birth date and gender read from the ID count as provided.
 */
export function classifyCandidate(candidate: ImportCandidate, existing: Talent | undefined, provided: ReadonlySet<string>): PlanEntry {
  if (!existing) return { kind: 'new', row: candidate.row, draft: candidate.draft };
  const draft = candidate.draft as unknown as Record<string, unknown>;
  const stored = existing as unknown as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const key of Object.keys(draft)) {
    if (NEVER_IMPORTED.has(key)) continue;
    if (!provided.has(key) && key !== 'birthDate' && key !== 'gender') continue;
    const value = draft[key];
    if (isUnspecifiedValue(key, value) || sameValue(stored[key], value)) continue;
    changes.push({ field: key, before: stored[key], after: value });
  }
  if (candidate.draft.name !== '' && !sameName(candidate.draft.name, existing.name)) {
    return { kind: 'conflict', row: candidate.row, talentId: existing.id, registryName: existing.name, fileName: candidate.draft.name, changes };
  }
  if (changes.length === 0) return { kind: 'unchanged', row: candidate.row, talentId: existing.id };
  return { kind: 'updated', row: candidate.row, talentId: existing.id, changes };
}

/** The compound key of the talents table's unique index. */
function identityOf(draft: Pick<TalentDraft, 'idType' | 'idNumber'>): [string, string] {
  return [draft.idType, draft.idNumber];
}

function keyText(idType: string, idNumber: string): string {
  return `${idType}\u0000${idNumber}`;
}

/** Above this many stored talents per looked-up document, `anyOf` (one cursor step per key) beats reading key ranges. */
const SPARSE_LOOKUP_RATIO = 8;

function compareKeys(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] === b[1]) return 0;
  return a[1] < b[1] ? -1 : 1;
}

/**
 * Stored talents with the documents of `candidates`, by the `[idType+idNumber]` index. The keys
 * are sorted and taken {@link LOOKUP_CHUNK} at a time. When the file covers a good part of the
 * registry, each chunk is read as one key range (one `getAll`, the records between its first and
 * last key, unwanted ones dropped): far faster in Chromium than `anyOf`, whose cursor takes one
 * round trip per key. When the registry is much larger than the file, `anyOf` reads only the matches.
 */
export async function findExistingTalents(db: TalentLedgerDB, candidates: readonly ImportCandidate[], signal?: AbortSignal): Promise<Map<string, Talent>> {
  const found = new Map<string, Talent>();
  if (candidates.length === 0) return found;
  const stored = await db.talents.count();
  if (stored === 0) return found;
  const wanted = new Set<string>();
  const keys: Array<[string, string]> = [];
  for (const candidate of candidates) {
    const key = identityOf(candidate.draft);
    const text = keyText(key[0], key[1]);
    if (wanted.has(text)) continue;
    wanted.add(text);
    keys.push(key);
  }
  keys.sort(compareKeys);
  const sparse = stored > keys.length * SPARSE_LOOKUP_RATIO;
  for (let start = 0; start < keys.length; start += LOOKUP_CHUNK) {
    if (signal?.aborted) throw abortError();
    const chunk = keys.slice(start, start + LOOKUP_CHUNK);
    const first = chunk[0];
    const last = chunk[chunk.length - 1];
    if (!first || !last) continue;
    const index = db.talents.where('[idType+idNumber]');
    const talents = sparse ? await index.anyOf(chunk).toArray() : await index.between(first, last, true, true).toArray();
    for (const talent of talents) {
      const text = keyText(talent.idType, talent.idNumber);
      if (wanted.has(text)) found.set(text, talent);
    }
  }
  return found;
}

/** The dry run: every candidate classified against the database. */
export async function planImport(db: TalentLedgerDB, candidates: readonly ImportCandidate[], provided: ReadonlySet<string>, signal?: AbortSignal): Promise<PlanEntry[]> {
  const existing = await findExistingTalents(db, candidates, signal);
  return candidates.map((candidate) => classifyCandidate(candidate, existing.get(keyText(candidate.draft.idType, candidate.draft.idNumber)), provided));
}

/** Counts of a plan by kind. */
export function countPlan(entries: readonly PlanEntry[]): ImportPlanCounts {
  const counts: ImportPlanCounts = { new: 0, updated: 0, unchanged: 0, conflicts: 0 };
  for (const entry of entries) {
    if (entry.kind === 'new') counts.new += 1;
    else if (entry.kind === 'updated') counts.updated += 1;
    else if (entry.kind === 'unchanged') counts.unchanged += 1;
    else counts.conflicts += 1;
  }
  return counts;
}

/** What the commit needs besides the plan. */
export interface CommitImportInput {
  kind: ImportBatchKind;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  sheet: string;
  headerRow: number;
  mode: ImportCommitMode;
  /** Data rows in the file, and how many of them have errors (not in the plan). */
  rows: number;
  invalid: number;
  entries: readonly PlanEntry[];
  /** Per sheet row; conflicts without one are refused (the clerk must decide). */
  resolutions: ReadonlyMap<number, ConflictResolution>;
  /** Defaults to the operatorName setting. */
  operator?: string;
  /** ISO time; defaults to now (tests fix it). */
  now?: string;
}

export interface CommitImportResult {
  batch: ImportBatch;
  /** Ids of talents created or updated (for announceTalentChanges). */
  changedIds: string[];
}

export interface CommitProgress {
  done: number;
  total: number;
}

function abortError(): Error {
  return Object.assign(new Error('canceled'), { name: 'AbortError' });
}

function importError(code: string, message: string, messageEn: string): AppError {
  return { code, message, messageEn };
}

/** `导入 名单.xlsx：新增 3，更新 1，未变 2，有错未导入 1（批次 …）` — the audit note. */
export function importAuditNote(fileName: string, counts: ImportBatchCounts, batchId: string): string {
  const parts = [`新增 ${counts.created}`, `更新 ${counts.updated}`, `未变 ${counts.unchanged}`];
  if (counts.invalid > 0) parts.push(`有错未导入 ${counts.invalid}`);
  if (counts.skipped > 0) parts.push(`跳过 ${counts.skipped}`);
  if (counts.keptRegistryName + counts.tookFileName > 0) parts.push(`姓名不一致 ${counts.keptRegistryName + counts.tookFileName}`);
  return `导入 ${fileName}：${parts.join('，')}（批次 ${batchId}）`;
}

async function operatorName(db: TalentLedgerDB): Promise<string> {
  const record = (await db.settings.get('operatorName')) as SettingRecord<'operatorName'> | undefined;
  return typeof record?.value === 'string' && record.value !== '' ? record.value : UNKNOWN_OPERATOR;
}

/** The id of a chunk's before-images: sorts by chunk within the batch. */
export function beforeImageChunkId(batchId: string, chunkNo: number): string {
  return `${batchId}|#${String(chunkNo).padStart(6, '0')}`;
}

/** The per-talent before-images of a stored row, whichever shape it has (see ImportBeforeImage). */
export function beforeImageEntries(row: ImportBeforeImage): ImportBeforeImageEntry[] {
  if ('images' in row) return row.images;
  return [{ talentId: row.talentId, fields: row.fields, missing: row.missing }];
}

/**
 * Stored talents by id, in the order of `sortedIds` (ascending), undefined where none. `dense`
 * (the ids are a good part of the table): one range read from the first to the last id, records
 * between them that are not wanted dropped — in Chromium far faster than `bulkGet`, which makes
 * one request per key. Otherwise `bulkGet`.
 */
async function readTalentsByIds(db: TalentLedgerDB, sortedIds: readonly string[], dense: boolean): Promise<Array<Talent | undefined>> {
  const first = sortedIds[0];
  const last = sortedIds[sortedIds.length - 1];
  if (!dense || first === undefined || last === undefined) return db.talents.bulkGet([...sortedIds]);
  const byId = new Map<string, Talent>();
  for (const talent of await db.talents.where(':id').between(first, last, true, true).toArray()) byId.set(talent.id, talent);
  return sortedIds.map((id) => byId.get(id));
}

/**
 * Writes a planned import in ONE readwrite transaction: new talents (with `importBatchId`),
 * updated talents (before-images kept with the batch), the batch record and one audit entry.
 * `signal` aborted between chunks → the transaction aborts and nothing is stored (the promise
 * rejects with an AbortError). Refusals come back as errors: IMPORT_HAS_INVALID (all-or-nothing
 * with bad rows), IMPORT_CONFLICTS_OPEN, IMPORT_NOTHING, IMPORT_DATA_CHANGED (the registry changed
 * since the dry run: a document now exists, or an updated talent vanished).
 */
export async function commitImport(
  db: TalentLedgerDB,
  input: CommitImportInput,
  options: { signal?: AbortSignal; onProgress?: (progress: CommitProgress) => void } = {},
): Promise<Result<CommitImportResult>> {
  if (input.mode === 'allOrNothing' && input.invalid > 0) {
    return err(importError('IMPORT_HAS_INVALID', `有 ${input.invalid} 行存在错误；“全部有效才导入”时不导入任何数据`, `${input.invalid} rows have errors; all-or-nothing imports nothing`));
  }
  const open = input.entries.filter((entry) => entry.kind === 'conflict' && !input.resolutions.has(entry.row)).length;
  if (open > 0) return err(importError('IMPORT_CONFLICTS_OPEN', `还有 ${open} 处姓名不一致未处理`, `${open} name conflicts are not settled`));

  const counts: ImportBatchCounts = { rows: input.rows, created: 0, updated: 0, unchanged: 0, invalid: input.invalid, keptRegistryName: 0, tookFileName: 0, skipped: 0 };
  const creates: TalentDraft[] = [];
  const updates: Array<{ talentId: string; changes: FieldChange[] }> = [];
  for (const entry of input.entries) {
    if (entry.kind === 'new') creates.push(entry.draft);
    else if (entry.kind === 'unchanged') counts.unchanged += 1;
    else if (entry.kind === 'updated') updates.push({ talentId: entry.talentId, changes: entry.changes });
    else {
      const resolution = input.resolutions.get(entry.row);
      if (resolution === 'skip') counts.skipped += 1;
      else if (resolution === 'takeFile') {
        counts.tookFileName += 1;
        updates.push({ talentId: entry.talentId, changes: [{ field: 'name', before: entry.registryName, after: entry.fileName }, ...entry.changes] });
      } else {
        counts.keptRegistryName += 1;
        if (entry.changes.length > 0) updates.push({ talentId: entry.talentId, changes: entry.changes });
        else counts.unchanged += 1;
      }
    }
  }
  if (creates.length === 0 && updates.length === 0) {
    return err(importError('IMPORT_NOTHING', '没有需要写入的数据：文件中的有效行与库中记录完全相同', 'Nothing to write: the valid rows equal the stored records'));
  }

  const batchId = crypto.randomUUID();
  const now = input.now ?? new Date().toISOString();
  const total = creates.length + updates.length;
  const changedIds: string[] = [];
  const { signal, onProgress } = options;
  const tables = ['talents', 'importBatches', 'importBeforeImages'] as const;
  try {
    const batch = await auditedTransaction(db, tables, async () => {
      const operator = input.operator ?? (await operatorName(db));
      let done = 0;
      for (let start = 0; start < creates.length; start += COMMIT_CHUNK) {
        if (signal?.aborted) throw abortError();
        const chunk: Talent[] = creates.slice(start, start + COMMIT_CHUNK).map((draft) => ({ ...draft, id: crypto.randomUUID(), createdAt: now, updatedAt: now, importBatchId: batchId }));
        await db.talents.bulkAdd(chunk);
        for (const talent of chunk) changedIds.push(talent.id);
        done += chunk.length;
        onProgress?.({ done, total });
      }
      // In primary-key order: each chunk's stored records are then one key range (read in one
      // request, see readTalentsByIds) and the writes land in key order.
      updates.sort((a, b) => (a.talentId < b.talentId ? -1 : a.talentId > b.talentId ? 1 : 0));
      const dense = updates.length > 0 && (await db.talents.count()) <= updates.length * SPARSE_LOOKUP_RATIO;
      for (let start = 0, chunkNo = 0; start < updates.length; start += COMMIT_CHUNK, chunkNo += 1) {
        if (signal?.aborted) throw abortError();
        const slice = updates.slice(start, start + COMMIT_CHUNK);
        const current = await readTalentsByIds(db, slice.map((update) => update.talentId), dense);
        const images: ImportBeforeImageEntry[] = [];
        const next: Talent[] = [];
        slice.forEach((update, index) => {
          const before = current[index];
          if (!before) throw Object.assign(new Error('talent vanished'), { name: 'ImportDataChanged' });
          const stored = before as unknown as Record<string, unknown>;
          const fields: Record<string, unknown> = { updatedAt: before.updatedAt };
          const missing: string[] = [];
          const after = { ...before, updatedAt: now } as Talent & Record<string, unknown>;
          for (const change of update.changes) {
            if (Object.hasOwn(stored, change.field)) fields[change.field] = stored[change.field];
            else missing.push(change.field);
            after[change.field] = change.after;
          }
          images.push({ talentId: before.id, fields, missing: missing as Array<keyof Talent> });
          next.push(after);
          changedIds.push(before.id);
        });
        const chunkImages: ImportBeforeImageChunk = { id: beforeImageChunkId(batchId, chunkNo), batchId, images };
        await db.importBeforeImages.add(chunkImages);
        await db.talents.bulkPut(next);
        done += slice.length;
        onProgress?.({ done, total });
      }
      if (signal?.aborted) throw abortError();
      counts.created = creates.length;
      counts.updated = updates.length;
      const record: ImportBatch = {
        id: batchId,
        kind: input.kind,
        fileName: input.fileName,
        fileSha256: input.fileSha256,
        fileSize: input.fileSize,
        sheet: input.sheet,
        headerRow: input.headerRow,
        mode: input.mode,
        committedAt: now,
        operator,
        counts,
        status: 'committed',
      };
      await db.importBatches.add(record);
      await writeAudit(db, { action: 'import', entity: 'talent', note: importAuditNote(input.fileName, counts, batchId), operator });
      return record;
    });
    return ok({ batch, changedIds });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    if (error instanceof Error && (error.name === 'BulkError' || error.name === 'ConstraintError' || error.name === 'ImportDataChanged')) {
      return err(importError('IMPORT_DATA_CHANGED', '导入前核对之后库中数据已变化（有人同时新增或删除了记录），本次未写入任何数据，请重新核对', 'The registry changed after the check; nothing was written. Check again.'));
    }
    throw error;
  }
}

export interface UndoImportResult {
  removed: number;
  restored: number;
  /** Ids of talents removed or restored (for announceTalentChanges). */
  changedIds: string[];
}

/**
 * Undoes a committed batch in one transaction: deletes the talents it created and restores the
 * before-images of those it updated, marks the batch `undone` and writes an audit entry.
 * Refused (IMPORT_UNDO_CHANGED) when any of those talents changed after the import — undoing
 * would silently discard that later change; IMPORT_UNDO_MISSING / IMPORT_UNDO_DONE otherwise.
 */
export async function undoImportBatch(db: TalentLedgerDB, batchId: string, options: { operator?: string; now?: string } = {}): Promise<Result<UndoImportResult>> {
  const refusal = (code: string, message: string, messageEn: string): { refused: AppError } => ({ refused: importError(code, message, messageEn) });
  const outcome = await auditedTransaction(db, ['talents', 'importBatches', 'importBeforeImages'], async () => {
    const batch = await db.importBatches.get(batchId);
    if (!batch) return refusal('IMPORT_UNDO_MISSING', '找不到该导入批次', 'No such import batch');
    if (batch.status === 'undone') return refusal('IMPORT_UNDO_DONE', '该批次已撤销', 'This batch has already been undone');
    const created = await db.talents.where('importBatchId').equals(batchId).toArray();
    const rows = await db.importBeforeImages.where('batchId').equals(batchId).toArray();
    const images = rows.flatMap(beforeImageEntries);
    const current = await db.talents.bulkGet(images.map((image) => image.talentId));
    const changedLater = created.filter((talent) => talent.updatedAt !== batch.committedAt).length + current.filter((talent) => !talent || talent.updatedAt !== batch.committedAt).length;
    if (changedLater > 0) {
      return refusal(
        'IMPORT_UNDO_CHANGED',
        `本批次的 ${changedLater} 条记录在导入后又被修改或删除过，撤销会丢失这些修改，因此不能撤销（可先撤销之后的导入批次）`,
        `${changedLater} records of this batch changed after the import; undoing would lose those changes`,
      );
    }
    await db.talents.bulkDelete(created.map((talent) => talent.id));
    await db.talents.bulkPut(
      images.map((image, index) => {
        const restored = { ...current[index] } as Record<string, unknown>;
        for (const [field, value] of Object.entries(image.fields)) restored[field] = value;
        for (const field of image.missing) delete restored[field];
        return restored as unknown as Talent;
      }),
    );
    await db.importBeforeImages.bulkDelete(rows.map((row) => row.id));
    const operator = options.operator ?? (await operatorName(db));
    const now = options.now ?? new Date().toISOString();
    await db.importBatches.put({ ...batch, status: 'undone', undoneAt: now, undoneBy: operator });
    await writeAudit(db, {
      action: 'delete',
      entity: 'talent',
      operator,
      note: `撤销导入 ${batch.fileName}：删除新增 ${created.length}，还原更新 ${images.length}（批次 ${batchId}）`,
    });
    return { removed: created.length, restored: images.length, changedIds: [...created.map((talent) => talent.id), ...images.map((image) => image.talentId)] };
  });
  return 'refused' in outcome ? err(outcome.refused) : ok(outcome);
}

/** Committed (not undone) batches of the same file, newest first. */
export async function findCommittedBatchesByFile(db: TalentLedgerDB, fileSha256: string): Promise<ImportBatch[]> {
  const batches = await db.importBatches.where('fileSha256').equals(fileSha256).toArray();
  return batches.filter((batch) => batch.status === 'committed').sort((a, b) => b.committedAt.localeCompare(a.committedAt));
}

/** Every batch, newest first (the history list). */
export async function listImportBatches(db: TalentLedgerDB, limit = 200): Promise<ImportBatch[]> {
  return db.importBatches.orderBy('committedAt').reverse().limit(limit).toArray();
}

/** The layout of a header row: its non-empty texts, normalised, in order. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map((header) => normalizeHeaderText(header)).filter((text) => text !== '').join('|');
}

/** The id of a mapping preset. */
export function mappingPresetId(kind: ImportBatchKind, signature: string): string {
  return `${kind}|${signature}`;
}

/** The remembered mapping of a layout, if the clerk ever corrected one. */
export async function findMappingPreset(db: TalentLedgerDB, kind: ImportBatchKind, signature: string): Promise<ImportMappingPreset | undefined> {
  return db.importMappings.get(mappingPresetId(kind, signature));
}

/**
 * Remembers (or with no overrides forgets) the clerk's mapping of a layout. A display preference
 * like the column choice of a list, so not audited.
 */
export async function saveMappingPreset(
  db: TalentLedgerDB,
  input: { kind: ImportBatchKind; signature: string; source: string; overrides: readonly ImportMappingOverride[]; now?: string },
): Promise<void> {
  const id = mappingPresetId(input.kind, input.signature);
  if (input.overrides.length === 0) {
    await db.importMappings.delete(id);
    return;
  }
  await db.importMappings.put({
    id,
    kind: input.kind,
    headerSignature: input.signature,
    source: input.source,
    overrides: [...input.overrides],
    updatedAt: input.now ?? new Date().toISOString(),
  });
}

/** Column overrides for a header row from a preset: each remembered header text to the columns that carry it. */
export function overridesForHeaders(preset: Pick<ImportMappingPreset, 'overrides'>, headers: readonly string[]): Array<{ column: number; field: string | null }> {
  const byText = new Map(preset.overrides.map((override) => [normalizeHeaderText(override.header), override.field]));
  const result: Array<{ column: number; field: string | null }> = [];
  headers.forEach((header, column) => {
    const text = normalizeHeaderText(header);
    if (text !== '' && byText.has(text)) result.push({ column, field: byText.get(text) ?? null });
  });
  return result;
}

/** SHA-256 of bytes as lower-case hex (Web Crypto: in the page and in workers). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
