/**
 * The benchmark's own worker: the raw-library baselines (SheetJS parse and write, Dexie bulkAdd),
 * demo seeding, and the search index alone. Timed sections are marked; generating data is never timed.
 */
import { Dexie } from 'dexie';
import * as XLSX from 'xlsx';
import { exposeWorker } from '../workers/rpc';
import { TalentLedgerDB } from '../db/db';
import { generateTalents } from '../../shared/demo';
import { talentFields } from '../../shared/talent/talentFields';
import type { Talent } from '../../shared/talent/talent';
import { TalentSearchIndex, type TalentFilters } from '../../shared/search/talentSearch';
import { rawWriterBaseline } from '../../shared/excel/write';
import { talentCells } from '../../shared/talent/talentCells';

/** Talents generated per chunk when seeding (keeps the worker's heap flat at 300,000). */
const SEED_CHUNK = 20_000;

let searchIndex: TalentSearchIndex | null = null;

async function deleteDatabase(name: string): Promise<void> {
  await Dexie.delete(name);
}

const api = {
  /** SheetJS `read` + `sheet_to_json` of the bytes; returns rows read and the in-worker time. */
  parseSheet(input: { bytes: Uint8Array }): { rows: number; ms: number } {
    const started = performance.now();
    const workbook = XLSX.read(input.bytes, { type: 'array', dense: true });
    const firstSheet = workbook.SheetNames[0];
    const sheet = firstSheet === undefined ? undefined : workbook.Sheets[firstSheet];
    const rows = sheet ? XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 }) : [];
    return { rows: rows.length, ms: performance.now() - started };
  },

  /** Generates `count` talents (untimed), then times one Dexie `bulkAdd` into the named database with the app's schema. */
  async bulkAdd(input: { databaseName: string; count: number; seed: number; fresh: boolean }): Promise<{ ms: number }> {
    if (input.fresh) await deleteDatabase(input.databaseName);
    const talents = Array.from(generateTalents(input.count, input.seed));
    const database = new TalentLedgerDB(input.databaseName);
    await database.open();
    try {
      const started = performance.now();
      await database.talents.bulkAdd(talents);
      return { ms: performance.now() - started };
    } finally {
      database.close();
    }
  },

  /** Stores `count` demo talents in the app's database in chunks (bare Dexie, the fallback seeding path). */
  async seed(input: { databaseName: string; count: number; seed: number }): Promise<{ ms: number; stored: number }> {
    const database = new TalentLedgerDB(input.databaseName);
    await database.open();
    let ms = 0;
    try {
      let chunk: Talent[] = [];
      const flush = async () => {
        const started = performance.now();
        await database.talents.bulkPut(chunk);
        ms += performance.now() - started;
        chunk = [];
      };
      for (const talent of generateTalents(input.count, input.seed)) {
        chunk.push(talent);
        if (chunk.length >= SEED_CHUNK) await flush();
      }
      if (chunk.length > 0) await flush();
      return { ms, stored: await database.talents.count() };
    } finally {
      database.close();
    }
  },

  /** SheetJS as a writer for reference: builds and writes an .xlsx of `count` demo talents with the talent field table's columns. */
  writeSheet(input: { count: number; seed: number }): { ms: number; bytes: number } {
    const rows: string[][] = [talentFields.map((field) => field.zh)];
    for (const talent of generateTalents(input.count, input.seed)) rows.push(talentCells(talent));
    const started = performance.now();
    const sheet = XLSX.utils.aoa_to_sheet(rows, { dense: true });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '人才台账');
    const bytes = XLSX.write(book, { bookType: 'xlsx', type: 'array', compression: true }) as ArrayBuffer;
    return { ms: performance.now() - started, bytes: bytes.byteLength };
  },

  /**
   * The app's own xlsx writer alone (shared/excel/write `rawWriterBaseline`): the same N rows × the
   * talent field table's columns as text cells, no labels, masks, styles or widths. Building the
   * rows is not timed.
   */
  async writeRaw(input: { count: number; seed: number }): Promise<{ ms: number; bytes: number }> {
    const rows: string[][] = [talentFields.map((field) => field.zh)];
    for (const talent of generateTalents(input.count, input.seed)) rows.push(talentCells(talent));
    const started = performance.now();
    const bytes = await rawWriterBaseline(rows);
    return { ms: performance.now() - started, bytes: bytes.byteLength };
  },

  /** Loads every stored talent of the app's database into a fresh search index; returns the load time. */
  async loadIndex(input: { databaseName: string }): Promise<{ ms: number; size: number }> {
    const started = performance.now();
    const database = new TalentLedgerDB(input.databaseName);
    await database.open();
    try {
      const index = new TalentSearchIndex();
      // Oldest change first, as the index expects while loading.
      await database.talents.orderBy('updatedAt').each((talent) => index.upsert(talent));
      // The first query builds the column store; count it as load, not as a query.
      index.query({ text: '', today: '2026-06-30', limit: 1 });
      searchIndex = index;
      return { ms: performance.now() - started, size: index.size };
    } finally {
      database.close();
    }
  },

  /** Times each text query to its first page on the loaded index. */
  searchIndex(input: { queries: string[]; today: string; limit: number }): { times: number[]; totals: number[] } {
    const index = requireIndex();
    const times: number[] = [];
    const totals: number[] = [];
    for (const text of input.queries) {
      const started = performance.now();
      const result = index.query({ text, today: input.today, limit: input.limit });
      times.push(performance.now() - started);
      totals.push(result.total);
    }
    return { times, totals };
  },

  /** Times each filter change (district + category) recount with its first page on the loaded index. */
  filterIndex(input: { filters: Array<{ district: string[]; category: string[] }>; today: string; limit: number }): { times: number[]; totals: number[] } {
    const index = requireIndex();
    const times: number[] = [];
    const totals: number[] = [];
    for (const filter of input.filters) {
      const filters: TalentFilters = { district: filter.district, category: filter.category };
      const started = performance.now();
      const result = index.query({ filters, today: input.today, limit: input.limit });
      times.push(performance.now() - started);
      totals.push(result.total);
    }
    return { times, totals };
  },

  /** Answers once the worker's module has loaded (so spawning is not timed). */
  ready(): boolean {
    return true;
  },
};

function requireIndex(): TalentSearchIndex {
  if (!searchIndex) throw new Error('loadIndex first');
  return searchIndex;
}

export type BenchWorkerApi = typeof api;

exposeWorker(api);
