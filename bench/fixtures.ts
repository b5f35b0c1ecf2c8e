/**
 * The bench's input files, generated in Node (never timed): a talents workbook of N rows as a
 * clerk would fill it in (the talent field table's Chinese headers, text cells). Cached on disk by
 * size and seed in bench/.cache, because writing 300,000 rows takes longer than reading them back.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { generateTalents } from '../shared/demo';
import { IMPORT_COLUMNS, talentCells } from '../shared/talent/talentCells';

/** Generated files, keyed by version, size, seed and variant in their names (git-ignored). */
export const FIXTURE_CACHE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '.cache');
/** Bump when the fixture's layout changes so cached files are rebuilt. */
const FIXTURE_VERSION = 2;

/**
 * `original`: the demo talents as generated. `revised`: the same people with a new 备注 on every
 * row, so importing it over the original updates every record (an identical file would change nothing).
 */
export type WorkbookVariant = 'original' | 'revised';

/** The 备注 every row of the revised workbook carries. */
export const REVISED_REMARK = '2026 年度复核';

/** Name of the talents workbook fixture for `size` rows, `seed` and `variant`. */
export function talentWorkbookName(size: number, seed: number, variant: WorkbookVariant = 'original'): string {
  return `talents-v${FIXTURE_VERSION}-${size}-${seed}${variant === 'revised' ? '-revised' : ''}.xlsx`;
}

/** Builds the workbook bytes: one sheet 人才信息, header row, then `size` demo talents of `seed`. */
export function buildTalentWorkbook(size: number, seed: number, variant: WorkbookVariant = 'original'): Uint8Array {
  const rows: string[][] = [IMPORT_COLUMNS.map((field) => field.zh)];
  for (const talent of generateTalents(size, seed)) {
    rows.push(talentCells(variant === 'revised' ? { ...talent, remarks: REVISED_REMARK } : talent, IMPORT_COLUMNS));
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows, { dense: true });
  // Text format on every cell so a clerk's Excel would keep ID numbers as text, as templates do.
  const dense = sheet['!data'] as XLSX.CellObject[][] | undefined;
  for (const row of dense ?? []) for (const cell of row ?? []) if (cell) cell.z = '@';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '人才信息');
  // A shared-strings table, as Excel itself writes one.
  const written = XLSX.write(book, { bookType: 'xlsx', type: 'buffer', compression: true, bookSST: true }) as Buffer;
  return new Uint8Array(written.buffer, written.byteOffset, written.byteLength);
}

/** The workbook for `size`, `seed` and `variant`, from the cache or freshly built (and cached). */
export function talentWorkbook(size: number, seed: number, variant: WorkbookVariant = 'original'): { name: string; bytes: Uint8Array } {
  const name = talentWorkbookName(size, seed, variant);
  const file = path.join(FIXTURE_CACHE_DIR, name);
  if (existsSync(file)) return { name, bytes: new Uint8Array(readFileSync(file)) };
  const bytes = buildTalentWorkbook(size, seed, variant);
  mkdirSync(FIXTURE_CACHE_DIR, { recursive: true });
  // Write then rename: an interrupted run never leaves a truncated fixture behind.
  writeFileSync(`${file}.partial`, bytes);
  renameSync(`${file}.partial`, file);
  return { name, bytes };
}
