/**
 * Writes deterministic demo files for development and performance tests:
 *   npm run seed -- --talents 300000 [--seed N] [--roster N] [--out DIR]
 * → DIR/talents-<N>.xlsx (the talent field table's Chinese headers, ID and phone columns as text),
 *   DIR/talents-<N>.ndjson (one Talent per line) and, with --roster, DIR/roster-<N>.xlsx
 *   (培训花名册 whose people match the talents by ID number).
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as zlib from 'node:zlib';
import * as XLSX from 'xlsx';
import { talentFields } from '../shared/talent/talentFields';
import { talentCells } from '../shared/talent/talentCells';
import { generateRosterRows, generateTalents, ROSTER_HEADERS } from '../shared/demo';

interface SeedArguments {
  talents: number;
  seed: number;
  roster: number;
  out: string;
}

const DEFAULT_SEED = 20260630;
const USAGE = 'usage: npm run seed -- --talents <count> [--seed <integer>] [--roster <count>] [--out <dir>]';

function parseCount(name: string, text: string | undefined, max: number): number {
  const value = Number(text);
  if (text === undefined || !Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(`--${name} needs a whole number from 0 to ${max}\n${USAGE}`);
  }
  return value;
}

function parseArguments(argv: readonly string[]): SeedArguments {
  const parsed: SeedArguments = { talents: 1000, seed: DEFAULT_SEED, roster: 0, out: 'demo-data' };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--talents':
        parsed.talents = parseCount('talents', value, 5_000_000);
        break;
      case '--seed':
        parsed.seed = parseCount('seed', value, 0xffff_ffff);
        break;
      case '--roster':
        parsed.roster = parseCount('roster', value, 1_000_000);
        break;
      case '--out':
        if (value === undefined || value.startsWith('--')) throw new Error(`--out needs a folder\n${USAGE}`);
        parsed.out = value;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${String(flag)}\n${USAGE}`);
    }
    i += 1;
  }
  return parsed;
}

/**
 * Builds a worksheet of text cells (`t: 's'`). Digit-string columns (ID, phone, credit code) also get
 * the `@` Text format, so Excel keeps them text when a clerk edits a cell.
 */
function textSheet(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[], textColumns: ReadonlySet<number>): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet([[...header], ...rows.map((row) => [...row])], { dense: true });
  const dense = sheet['!data'] as XLSX.CellObject[][] | undefined;
  for (const row of dense ?? []) {
    for (const column of textColumns) {
      const cell = row?.[column];
      if (cell && cell.t === 's') cell.z = '@';
    }
  }
  sheet['!cols'] = widths.map((width) => ({ wch: width }));
  return sheet;
}

/** SheetJS's ESM build falls back to a slow, weak pure-JS deflate; hand it Node's zlib (typed as `any` upstream). */
interface SheetJsZipUtilities {
  utils: { use_zlib(library: typeof zlib): void };
}
// Its capability probe reads the deprecated `bytesRead`; keep that one warning out of the output.
process.noDeprecation = true;
(XLSX.CFB as SheetJsZipUtilities).utils.use_zlib(zlib);
process.noDeprecation = false;

function writeWorkbook(path: string, sheetName: string, sheet: XLSX.WorkSheet): void {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName);
  // XLSX.write + writeFileSync: the ESM build of SheetJS has no file system of its own.
  const bytes = XLSX.write(book, { bookType: 'xlsx', type: 'buffer', compression: true, bookSST: true }) as Buffer;
  writeFileSync(path, bytes);
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function main(): void {
  const args = parseArguments(process.argv.slice(2));
  const outDir = resolve(args.out);
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();

  const columns = talentFields;
  const rows: string[][] = [];
  const ndjsonPath = join(outDir, `talents-${args.talents}.ndjson`);
  const ndjson = openSync(ndjsonPath, 'w');
  let buffer: string[] = [];
  try {
    for (const talent of generateTalents(args.talents, args.seed)) {
      rows.push(talentCells(talent, columns));
      buffer.push(JSON.stringify(talent));
      if (buffer.length >= 5000) {
        writeSync(ndjson, `${buffer.join('\n')}\n`);
        buffer = [];
      }
    }
    if (buffer.length > 0) writeSync(ndjson, `${buffer.join('\n')}\n`);
  } finally {
    closeSync(ndjson);
  }
  console.log(`generated ${rows.length} talents (seed ${args.seed}) in ${seconds(started)} → ${ndjsonPath}`);

  const xlsxStarted = performance.now();
  const talentsPath = join(outDir, `talents-${args.talents}.xlsx`);
  writeWorkbook(
    talentsPath,
    '人才台账',
    textSheet(
      columns.map((field) => field.zh),
      rows,
      columns.map((field) => field.width ?? 12),
      new Set(columns.flatMap((field, column) => (field.type === 'idNumber' || field.type === 'phone' || field.type === 'creditCode' ? [column] : []))),
    ),
  );
  console.log(`wrote ${talentsPath} in ${seconds(xlsxStarted)}`);

  if (args.roster > 0) {
    const rosterStarted = performance.now();
    const rosterPath = join(outDir, `roster-${args.roster}.xlsx`);
    const rosterRows = Array.from(generateRosterRows(args.roster, args.seed, { talentCount: args.talents }));
    const widths = ROSTER_HEADERS.map((header) => (header === '身份证号码' || header === '证书编号' ? 22 : header === '工作单位' ? 28 : 12));
    const textColumns = new Set(ROSTER_HEADERS.flatMap((header, column) => (['身份证号码', '手机号码', '证书编号'].includes(header) ? [column] : [])));
    writeWorkbook(rosterPath, '培训花名册', textSheet(ROSTER_HEADERS, rosterRows, widths, textColumns));
    console.log(`wrote ${rosterRows.length} roster rows → ${rosterPath} in ${seconds(rosterStarted)}`);
  }
  console.log(`done in ${seconds(started)}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
