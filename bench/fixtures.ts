/**
 * The bench's input files, generated in Node (never timed): a talents workbook of N rows as a
 * clerk would fill it in (the talent field table's Chinese headers, text cells). Cached on disk by
 * size and seed, because writing 300,000 rows takes longer than reading them back.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { generateTalents } from '../shared/demo';
import { IMPORT_COLUMNS, talentCells } from '../renderer/bench/talentCells';

const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '.fixtures');
/** Bump when the fixture's layout changes so cached files are rebuilt. */
const FIXTURE_VERSION = 1;

/** Name of the talents workbook fixture for `size` rows and `seed`. */
export function talentWorkbookName(size: number, seed: number): string {
  return `talents-v${FIXTURE_VERSION}-${size}-${seed}.xlsx`;
}

/** Builds the workbook bytes: one sheet 人才信息, header row, then `size` demo talents of `seed`. */
export function buildTalentWorkbook(size: number, seed: number): Uint8Array {
  const rows: string[][] = [IMPORT_COLUMNS.map((field) => field.zh)];
  for (const talent of generateTalents(size, seed)) rows.push(talentCells(talent, IMPORT_COLUMNS));
  const sheet = XLSX.utils.aoa_to_sheet(rows, { dense: true });
  // Text format on every cell so a clerk's Excel would keep ID numbers as text, as templates do.
  const dense = sheet['!data'] as XLSX.CellObject[][] | undefined;
  for (const row of dense ?? []) for (const cell of row ?? []) if (cell) cell.z = '@';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '人才信息');
  const written = XLSX.write(book, { bookType: 'xlsx', type: 'buffer', compression: true }) as Buffer;
  return new Uint8Array(written.buffer, written.byteOffset, written.byteLength);
}

/** The workbook for `size` and `seed`, from the cache or freshly built (and cached). */
export function talentWorkbook(size: number, seed: number): { name: string; bytes: Uint8Array } {
  const name = talentWorkbookName(size, seed);
  const file = path.join(FIXTURE_DIR, name);
  if (existsSync(file)) return { name, bytes: new Uint8Array(readFileSync(file)) };
  const bytes = buildTalentWorkbook(size, seed);
  mkdirSync(FIXTURE_DIR, { recursive: true });
  // Write then rename: an interrupted run never leaves a truncated fixture behind.
  writeFileSync(`${file}.partial`, bytes);
  renameSync(`${file}.partial`, file);
  return { name, bytes };
}
