/**
 * The import wizard's worker: reads the file (shared/excel pipeline), keeps the parsed grid and
 * the validated rows here so that a new sheet, header row or mapping, or one fixed cell, is
 * re-validated without sending the file again; the page only ever asks for the rows it shows.
 * The dry run and the commit run here too, against the app's database (renderer/data/importBatches.ts).
 */
import {
  cellText,
  checkWorkbookGrid,
  headerTexts,
  importKindSpec,
  readWorkbook,
  recomputeDuplicatesInFile,
  revalidateRow,
  type ColumnMapping,
  type ColumnOverride,
  type GridCell,
  type ImportCheckResult,
  type ImportFileError,
  type ImportIssue,
  type ImportKind,
  type ImportKindSpec,
  type MappedColumn,
  type SheetGrid,
  type SpreadsheetFormat,
  type TextEncodingName,
  type WorkbookGrid,
} from '../../shared/excel';
import type { TalentDraft } from '../../shared/talent/talentDraft';
import type { IssueCode } from '../../shared/validation/issues';
import type { RosterRecord } from '../../shared/roster/validateRosterRow';
import { err, ok, type AppError, type Result } from '../../shared/result';
import { getDatabase } from '../db/db';
import type { FieldChange, ImportBatch, ImportCommitMode, ImportMappingOverride } from '../db/types';
import {
  commitImport,
  countPlan,
  findCommittedBatchesByFile,
  findMappingPreset,
  headerSignature,
  overridesForHeaders,
  planImport,
  rosterProvidedKeys,
  rosterRecordToTalentDraft,
  saveMappingPreset,
  sha256Hex,
  undoImportBatch,
  type ConflictResolution,
  type ImportCandidate,
  type ImportPlanCounts,
  type PlanEntry,
  type UndoImportResult,
} from '../data/importBatches';
import type { ErrorReportInput } from '../../shared/excel/write/errorReport';
import { exposeWorker, type WorkerCallContext } from './rpc';

/** Progress of any long call: which phase, and rows done of total. */
export interface ImportProgress {
  phase: 'hash' | 'read' | 'validate' | 'lookup' | 'commit';
  done: number;
  total: number;
}

/** One column of the data sheet's header as the mapping step shows it. */
export interface ImportColumn {
  /** 0-based column index. */
  column: number;
  header: string;
  /** Field key it feeds, or null. */
  field: string | null;
  how: MappedColumn['how'] | null;
  /** Candidate fields when the header matched several about equally. */
  candidates?: string[];
  /** First non-blank values below the header (for the clerk to recognise the column). */
  samples: string[];
}

/** What the wizard shows after reading the file or changing sheet, header row or mapping. */
export interface ImportSummary {
  fileName: string;
  kind: ImportKind;
  format: SpreadsheetFormat;
  encoding?: TextEncodingName;
  fileSha256: string;
  fileSize: number;
  /** Earlier committed imports of the very same file. */
  previousImports: Array<Pick<ImportBatch, 'id' | 'committedAt' | 'operator' | 'fileName'>>;
  sheets: Array<{ name: string; hidden: boolean; rows: number }>;
  sheet: string;
  /** 1-based. */
  headerRow: number;
  /** The first rows of the chosen sheet as text (for picking the header row), at most 30 rows × 30 columns. */
  topRows: string[][];
  columns: ImportColumn[];
  /** A remembered mapping for this layout was applied. */
  presetApplied: boolean;
  rows: number;
  valid: number;
  invalid: number;
  /** Rows with warnings only. */
  warned: number;
  issueCounts: Array<{ code: IssueCode; count: number }>;
  templateKind?: string;
}

/** One row of the preview grid. */
export interface PreviewRow {
  /** 1-based sheet row. */
  row: number;
  /** Field key → the cell's displayed text. */
  cells: Record<string, string>;
  issues: Array<Pick<ImportIssue, 'field' | 'code' | 'severity' | 'message' | 'messageEn'>>;
  valid: boolean;
}

export interface DryRunSummary {
  counts: ImportPlanCounts;
  invalid: number;
  /** The first updated people with their field changes. */
  updated: Array<{ row: number; name: string; changes: FieldChange[] }>;
  conflicts: Array<{ row: number; registryName: string; fileName: string; changes: FieldChange[] }>;
  previousImports: ImportSummary['previousImports'];
}

export interface CommitSummary {
  batch: ImportBatch;
  /** Changed talent ids, or `reset` when there are too many to list. */
  change: { upserted: string[]; removed: string[] } | { reset: true };
}

const MAX_LISTED_UPDATES = 500;
const MAX_LISTED_CONFLICTS = 5_000;
const TOP_ROWS = 30;
const TOP_COLUMNS = 30;
/** Above this many changed ids the search index is told to reload instead (TALENT_CHANGE_ID_LIMIT). */
const MAX_ANNOUNCED_IDS = 5_000;

interface RowState {
  row: number;
  record: object;
  issues: ImportIssue[];
  valid: boolean;
}

interface LoadedFile {
  fileName: string;
  kind: ImportKind;
  spec: ImportKindSpec;
  fileSha256: string;
  fileSize: number;
  grid: WorkbookGrid;
  previousImports: ImportSummary['previousImports'];
  overrides: ColumnOverride[];
  presetApplied: boolean;
  today: string | undefined;
  check?: ImportCheckResult;
  sheetGrid?: SheetGrid;
  /** Field key → column of the located header. */
  columnsByField: Map<string, MappedColumn>;
  headerTexts: string[];
  rows: RowState[];
  rowIndexByNumber: Map<number, number>;
  plan?: PlanEntry[];
}

let loaded: LoadedFile | undefined;
let running: Promise<unknown> = Promise.resolve();

function abortError(): Error {
  return Object.assign(new Error('canceled'), { name: 'AbortError' });
}

function notLoaded(): AppError {
  return { code: 'IMPORT_NO_FILE', message: '请先选择文件', messageEn: 'Choose a file first' };
}

/** Header text per column of the located header: the (sub-)header text each mapped or unmapped column was read under. */
function headersOf(check: ImportCheckResult, sheet: SheetGrid): string[] {
  const texts = headerTexts(sheet.rows[check.headerRow - 1]);
  for (const mapped of check.columnMapping.fields.values()) texts[mapped.column] = mapped.header;
  for (const entry of check.columnMapping.unmapped) texts[entry.column] = entry.header;
  return texts;
}

function toRowStates(check: ImportCheckResult): RowState[] {
  const states: RowState[] = [];
  let issueIndex = 0;
  for (const imported of check.records ?? []) {
    const issues: ImportIssue[] = [];
    while (issueIndex < check.issues.length && (check.issues[issueIndex]?.row ?? Infinity) < imported.row) issueIndex += 1;
    while (issueIndex < check.issues.length && check.issues[issueIndex]?.row === imported.row) {
      const issue = check.issues[issueIndex];
      if (issue) issues.push(issue);
      issueIndex += 1;
    }
    states.push({ row: imported.row, record: imported.record, issues, valid: imported.valid });
  }
  return states;
}

function runCheck(file: LoadedFile, opts: { sheet?: string; headerRow?: number }, progress: (value: ImportProgress) => void): Result<ImportCheckResult, ImportFileError> {
  const result = checkWorkbookGrid(file.grid, file.fileName, file.kind, {
    ...opts,
    overrides: file.overrides,
    keepRecords: true,
    ...(file.today ? { today: file.today } : {}),
    onProgress: (done, total) => progress({ phase: 'validate', done, total }),
  });
  if (!result.ok) return result;
  const check = result.value;
  const sheet = file.grid.sheets.find((candidate) => candidate.name === check.sheet);
  if (!sheet) return err({ code: 'NO_HEADER', message: '未找到工作表', messageEn: 'Sheet not found' });
  file.sheetGrid = sheet;
  file.columnsByField = new Map(check.columnMapping.fields);
  file.headerTexts = headersOf(check, sheet);
  file.rows = toRowStates(check);
  // The rows now hold the records and issues; keep no second copy of 300,000 of them.
  file.check = { ...check, issues: [], records: [] };
  file.rowIndexByNumber = new Map(file.rows.map((state, index) => [state.row, index]));
  file.plan = undefined;
  return ok(check);
}

function summarize(file: LoadedFile): ImportSummary {
  const check = file.check;
  const sheet = file.sheetGrid;
  if (!check || !sheet) throw new Error('summarize before a successful check');
  const fieldByColumn = new Map<number, { key: string; how: MappedColumn['how'] }>();
  for (const [key, mapped] of file.columnsByField) fieldByColumn.set(mapped.column, { key, how: mapped.how });
  const ambiguous = new Map(check.columnMapping.ambiguous.map((entry) => [entry.column, entry.candidates]));
  const dataRows = file.rows.slice(0, 200).map((state) => sheet.rows[state.row - 1]);
  const columns: ImportColumn[] = [];
  file.headerTexts.forEach((header, column) => {
    const mapped = fieldByColumn.get(column);
    if (header === '' && !mapped) return;
    const samples: string[] = [];
    for (const cells of dataRows) {
      const text = cellText(cells?.[column]).trim();
      if (text !== '' && samples.length < 3) samples.push(text);
    }
    const entry: ImportColumn = { column, header, field: mapped?.key ?? null, how: mapped?.how ?? null, samples };
    const candidates = ambiguous.get(column);
    if (candidates) entry.candidates = candidates;
    columns.push(entry);
  });
  const codeCounts = new Map<IssueCode, number>();
  let warned = 0;
  for (const state of file.rows) {
    if (state.valid && state.issues.length > 0) warned += 1;
    for (const issue of state.issues) codeCounts.set(issue.code, (codeCounts.get(issue.code) ?? 0) + 1);
  }
  const valid = file.rows.filter((state) => state.valid).length;
  const summary: ImportSummary = {
    fileName: file.fileName,
    kind: file.kind,
    format: check.format,
    fileSha256: file.fileSha256,
    fileSize: file.fileSize,
    previousImports: file.previousImports,
    sheets: file.grid.sheets.map((candidate) => ({ name: candidate.name, hidden: candidate.hidden, rows: candidate.rows.length })),
    sheet: check.sheet,
    headerRow: check.headerRow,
    // Array.from, not map: the sheet's row array has holes for empty rows, and map would keep them.
    topRows: Array.from({ length: Math.min(sheet.rows.length, TOP_ROWS) }, (_, index) => {
      const cells = sheet.rows[index];
      return Array.from({ length: Math.min(cells?.length ?? 0, TOP_COLUMNS) }, (_, column) => cellText(cells?.[column]));
    }),
    columns,
    presetApplied: file.presetApplied,
    rows: file.rows.length,
    valid,
    invalid: file.rows.length - valid,
    warned,
    issueCounts: [...codeCounts.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count),
  };
  if (check.encoding) summary.encoding = check.encoding;
  if (check.template) summary.templateKind = check.template.kind;
  return summary;
}

function previewRow(file: LoadedFile, state: RowState): PreviewRow {
  const cells: Record<string, string> = {};
  const sheetRow = file.sheetGrid?.rows[state.row - 1];
  for (const [key, mapped] of file.columnsByField) cells[key] = cellText(sheetRow?.[mapped.column]);
  return {
    row: state.row,
    cells,
    issues: state.issues.map(({ field, code, severity, message, messageEn }) => ({ field, code, severity, message, messageEn })),
    valid: state.valid,
  };
}

/**
 * Re-derives DUPLICATE_IN_FILE over all rows after one row changed (shared/excel); returns the rows
 * whose issues or validity changed.
 */
function refreshDuplicates(file: LoadedFile, sheet: SheetGrid, mapping: ColumnMapping): Set<number> {
  const changed = new Set<number>();
  const outcomes = recomputeDuplicatesInFile(file.rows, sheet, mapping, file.spec);
  outcomes.forEach((outcome, index) => {
    const before = file.rows[index];
    if (!before || outcome === before) return;
    const messages = (state: RowState) => state.issues.map((issue) => issue.message).join('|');
    if (outcome.valid !== before.valid || messages(outcome) !== messages(before)) changed.add(outcome.row);
    file.rows[index] = outcome;
  });
  return changed;
}

function candidatesOf(file: LoadedFile): ImportCandidate[] {
  const candidates: ImportCandidate[] = [];
  for (const state of file.rows) {
    if (!state.valid) continue;
    const draft = file.kind === 'roster' ? rosterRecordToTalentDraft(state.record as RosterRecord) : (state.record as TalentDraft);
    candidates.push({ row: state.row, draft });
  }
  return candidates;
}

function providedKeys(file: LoadedFile): Set<string> {
  const mapped = [...file.columnsByField.keys()];
  return file.kind === 'roster' ? rosterProvidedKeys(mapped) : new Set(mapped);
}

/** Serialises the calls that touch the database so `settled()` can wait for a canceled commit's rollback. */
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const next = running.then(work, work);
  running = next.catch(() => undefined);
  return next;
}

const api = {
  /** Reads a file: hash, parse, locate, validate (applying a remembered mapping of its layout). */
  async load(
    input: { bytes: Uint8Array; fileName: string; kind: ImportKind; today?: string },
    { signal, progress }: WorkerCallContext<ImportProgress>,
  ): Promise<Result<ImportSummary, AppError>> {
    loaded = undefined;
    progress({ phase: 'hash', done: 0, total: input.bytes.length });
    const fileSha256 = await sha256Hex(input.bytes);
    if (signal.aborted) throw abortError();
    progress({ phase: 'read', done: 0, total: input.bytes.length });
    const grid = await readWorkbook(input.bytes, input.fileName);
    if (!grid.ok) return grid;
    if (signal.aborted) throw abortError();
    const db = getDatabase();
    const previous = await findCommittedBatchesByFile(db, fileSha256);
    const file: LoadedFile = {
      fileName: input.fileName,
      kind: input.kind,
      spec: importKindSpec(input.kind),
      fileSha256,
      fileSize: input.bytes.length,
      grid: grid.value,
      previousImports: previous.map(({ id, committedAt, operator, fileName }) => ({ id, committedAt, operator, fileName })),
      overrides: [],
      presetApplied: false,
      today: input.today,
      columnsByField: new Map(),
      headerTexts: [],
      rows: [],
      rowIndexByNumber: new Map(),
    };
    const first = runCheck(file, {}, progress);
    if (!first.ok) return first;
    const preset = await findMappingPreset(db, input.kind, headerSignature(headerTexts(file.sheetGrid?.rows[first.value.headerRow - 1])));
    if (preset) {
      file.overrides = overridesForHeaders(preset, headerTexts(file.sheetGrid?.rows[first.value.headerRow - 1]));
      const again = runCheck(file, { sheet: first.value.sheet, headerRow: first.value.headerRow }, progress);
      if (again.ok) file.presetApplied = true;
      else {
        file.overrides = [];
        runCheck(file, {}, progress);
      }
    }
    loaded = file;
    return ok(summarize(file));
  },

  /**
   * Changes the sheet, header row and/or column mapping and validates again. `overrides` replace the
   * current ones; `remember` stores them for this header layout (per import kind).
   */
  async configure(
    input: { sheet?: string; headerRow?: number; overrides?: ColumnOverride[]; remember?: boolean },
    { progress }: WorkerCallContext<ImportProgress>,
  ): Promise<Result<ImportSummary, AppError>> {
    const file = loaded;
    if (!file?.check) return err(notLoaded());
    const previousOverrides = file.overrides;
    const sheetChanged = input.sheet !== undefined && input.sheet !== file.check.sheet;
    const headerChanged = input.headerRow !== undefined && input.headerRow !== file.check.headerRow;
    if (input.overrides) file.overrides = input.overrides;
    else if (sheetChanged || headerChanged) file.overrides = [];
    const sheet = input.sheet ?? file.check.sheet;
    const options: { sheet: string; headerRow?: number } = { sheet };
    if (input.headerRow !== undefined) options.headerRow = input.headerRow;
    else if (!sheetChanged) options.headerRow = file.check.headerRow;
    const result = runCheck(file, options, progress);
    if (!result.ok) {
      file.overrides = previousOverrides;
      return result;
    }
    if (input.remember && input.overrides) {
      const headers = headerTexts(file.sheetGrid?.rows[result.value.headerRow - 1]);
      const remembered: ImportMappingOverride[] = input.overrides.map((override) => ({ header: headers[override.column] ?? '', field: override.field })).filter((override) => override.header !== '');
      await saveMappingPreset(getDatabase(), { kind: file.kind, signature: headerSignature(headers), source: file.fileName.replace(/\.[^.]+$/, ''), overrides: remembered });
      file.presetApplied = remembered.length > 0;
    }
    return ok(summarize(file));
  },

  /** A page of preview rows (all rows, or only those with errors or warnings). */
  async getRows(input: { offset: number; limit: number; onlyProblems: boolean }): Promise<{ total: number; rows: PreviewRow[] }> {
    const file = loaded;
    if (!file) return { total: 0, rows: [] };
    const source = input.onlyProblems ? file.rows.filter((state) => state.issues.length > 0) : file.rows;
    return { total: source.length, rows: source.slice(input.offset, input.offset + input.limit).map((state) => previewRow(file, state)) };
  },

  /** Replaces one cell's text (a fix typed in the preview) and validates again; returns the rows that changed. */
  async editCell(input: { row: number; field: string; text: string }): Promise<Result<{ summary: ImportSummary; changed: PreviewRow[] }, AppError>> {
    const file = loaded;
    const sheet = file?.sheetGrid;
    if (!file || !sheet) return err(notLoaded());
    const index = file.rowIndexByNumber.get(input.row);
    const mapped = file.columnsByField.get(input.field);
    const state = index === undefined ? undefined : file.rows[index];
    if (index === undefined || !state || !mapped) return err({ code: 'IMPORT_NO_CELL', message: '该单元格不在导入范围内', messageEn: 'That cell is not part of the import' });
    const rows = sheet.rows as Array<GridCell[] | undefined>;
    const cells = rows[input.row - 1] ?? [];
    rows[input.row - 1] = cells;
    cells[mapped.column] = { t: 's', v: input.text };
    const mapping = file.check?.columnMapping;
    if (!mapping) return err(notLoaded());
    const outcome = revalidateRow(sheet, input.row - 1, mapping, file.spec, { ...(file.today ? { today: file.today } : {}), date1904: file.grid.date1904 ?? false });
    file.rows[index] = outcome;
    const changedRows = refreshDuplicates(file, sheet, mapping);
    changedRows.add(outcome.row);
    file.plan = undefined;
    const changed = [...changedRows].map((row) => file.rows[file.rowIndexByNumber.get(row) ?? -1]).filter((entry): entry is RowState => entry !== undefined);
    return ok({ summary: summarize(file), changed: changed.map((entry) => previewRow(file, entry)) });
  },

  /** The dry run against the database: new, updated (with field changes), unchanged, name conflicts. */
  async dryRun(_input: undefined, { signal, progress }: WorkerCallContext<ImportProgress>): Promise<Result<DryRunSummary, AppError>> {
    const file = loaded;
    if (!file) return err(notLoaded());
    return exclusive(async () => {
      const candidates = candidatesOf(file);
      progress({ phase: 'lookup', done: 0, total: candidates.length });
      const db = getDatabase();
      const plan = await planImport(db, candidates, providedKeys(file), signal);
      file.plan = plan;
      file.previousImports = (await findCommittedBatchesByFile(db, file.fileSha256)).map(({ id, committedAt, operator, fileName }) => ({ id, committedAt, operator, fileName }));
      const nameByRow = (row: number) => {
        const state = file.rows[file.rowIndexByNumber.get(row) ?? -1];
        const name = (state?.record as { name?: unknown } | undefined)?.name;
        return typeof name === 'string' ? name : '';
      };
      const updated: DryRunSummary['updated'] = [];
      const conflicts: DryRunSummary['conflicts'] = [];
      for (const entry of plan) {
        if (entry.kind === 'updated' && updated.length < MAX_LISTED_UPDATES) updated.push({ row: entry.row, name: nameByRow(entry.row), changes: entry.changes });
        if (entry.kind === 'conflict' && conflicts.length < MAX_LISTED_CONFLICTS) conflicts.push({ row: entry.row, registryName: entry.registryName, fileName: entry.fileName, changes: entry.changes });
      }
      return ok({ counts: countPlan(plan), invalid: file.rows.filter((state) => !state.valid).length, updated, conflicts, previousImports: file.previousImports });
    });
  },

  /**
   * Commits the dry run in one transaction. Conflicts take `resolutions` by row, else `conflictDefault`.
   * Cancel → AbortError and nothing stored (call `settled()` to wait for the rollback to finish).
   */
  async commit(
    input: { mode: ImportCommitMode; resolutions: Array<[number, ConflictResolution]>; conflictDefault?: ConflictResolution },
    { signal, progress }: WorkerCallContext<ImportProgress>,
  ): Promise<Result<CommitSummary, AppError>> {
    const file = loaded;
    const plan = file?.plan;
    if (!file?.check || !plan) return err({ code: 'IMPORT_NO_PLAN', message: '请先完成导入前核对', messageEn: 'Run the check first' });
    const resolutions = new Map(input.resolutions);
    if (input.conflictDefault) {
      for (const entry of plan) if (entry.kind === 'conflict' && !resolutions.has(entry.row)) resolutions.set(entry.row, input.conflictDefault);
    }
    const check = file.check;
    return exclusive(async () => {
      const result = await commitImport(
        getDatabase(),
        {
          kind: file.kind,
          fileName: file.fileName,
          fileSha256: file.fileSha256,
          fileSize: file.fileSize,
          sheet: check.sheet,
          headerRow: check.headerRow,
          mode: input.mode,
          rows: file.rows.length,
          invalid: file.rows.filter((state) => !state.valid).length,
          entries: plan,
          resolutions,
        },
        { signal, onProgress: ({ done, total }) => progress({ phase: 'commit', done, total }) },
      );
      if (!result.ok) return result;
      file.plan = undefined;
      file.previousImports = [{ id: result.value.batch.id, committedAt: result.value.batch.committedAt, operator: result.value.batch.operator, fileName: file.fileName }, ...file.previousImports];
      const ids = result.value.changedIds;
      const change: CommitSummary['change'] = ids.length > MAX_ANNOUNCED_IDS ? { reset: true } : { upserted: ids, removed: [] };
      return ok({ batch: result.value.batch, change });
    });
  },

  /** Resolves once no commit or undo is running (after a cancel: once the rollback is done). */
  async settled(): Promise<void> {
    await running.catch(() => undefined);
  },

  /** Undoes a committed batch (see undoImportBatch). */
  async undo(input: { batchId: string }): Promise<Result<UndoImportResult & { change: CommitSummary['change'] }, AppError>> {
    return exclusive(async () => {
      const result = await undoImportBatch(getDatabase(), input.batchId);
      if (!result.ok) return result;
      const created = new Set<string>();
      const removedCount = result.value.removed;
      result.value.changedIds.slice(0, removedCount).forEach((id) => created.add(id));
      const change: CommitSummary['change'] =
        result.value.changedIds.length > MAX_ANNOUNCED_IDS ? { reset: true } : { upserted: result.value.changedIds.slice(removedCount), removed: [...created] };
      return ok({ ...result.value, change });
    });
  },

  /** The rows with errors as they are in the file (all columns), with their messages, for the error report. */
  async errorReportInput(): Promise<Result<ErrorReportInput, AppError>> {
    const file = loaded;
    const sheet = file?.sheetGrid;
    if (!file?.check || !sheet) return err(notLoaded());
    const headers = headerTexts(sheet.rows[file.check.headerRow - 1]).map((text, column) => file.headerTexts[column] || text);
    const rows: ErrorReportInput['rows'][number][] = [];
    for (const state of file.rows) {
      if (state.valid) continue;
      const cells = sheet.rows[state.row - 1];
      rows.push({
        sheetRow: state.row,
        cells: Array.from({ length: Math.max(headers.length, cells?.length ?? 0) }, (_, column) => cellText(cells?.[column])),
        issues: state.issues
          .filter((issue) => issue.severity === 'error')
          .map((issue) => ({ column: file.columnsByField.get(issue.field)?.column ?? null, code: issue.code, message: issue.message })),
      });
    }
    return ok({ fileName: file.fileName, sheetName: file.check.sheet, headerRow: file.check.headerRow, headers, rows });
  },

  /** Forgets the loaded file (frees its memory). */
  async reset(): Promise<void> {
    loaded = undefined;
  },
};

export type ImportWorkerApi = typeof api;

exposeWorker(api);
