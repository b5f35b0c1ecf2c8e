// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createTestDatabase, makeTestTalent } from '../db/testing';
import type { TalentLedgerDB } from '../db/db';
import { listRecordOf, type TalentListRecord } from '../../shared/search/talentListRecord';
import { talentFields } from '../../shared/talent/talentFields';
import { createExportApi, type ExportProgress } from './export.worker';
import { serveExportCells } from './exportPipeline';
import { recordsInListOrder, talentCellBatches } from './exportTalentSource';
import type { MessageEndpoint, WorkerCallContext } from './rpc';

function context(): WorkerCallContext<ExportProgress> & { seen: ExportProgress[] } {
  const seen: ExportProgress[] = [];
  return { signal: new AbortController().signal, progress: (value) => seen.push(value), transferResult: () => undefined, seen };
}

async function seeded(): Promise<TalentLedgerDB> {
  const db = createTestDatabase(undefined, undefined, `export-${crypto.randomUUID()}`);
  await db.settings.put({ key: 'operatorName', value: '王五' });
  await db.talents.bulkAdd([
    makeTestTalent({ id: 'a', name: '甲', idNumber: '310115199003071239', district: '310115', updatedAt: '2025-01-01T00:00:00.000Z' }),
    makeTestTalent({ id: 'b', name: '乙', idNumber: '11010519491231002X', district: '310104', updatedAt: '2025-02-01T00:00:00.000Z' }),
    makeTestTalent({ id: 'c', name: '丙', idNumber: '440524188001010014', district: '310115', updatedAt: '2025-03-01T00:00:00.000Z' }),
  ]);
  return db;
}

function sheetRows(bytes: Uint8Array): unknown[][] {
  const workbook = XLSX.read(bytes, { type: 'array' });
  return XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[workbook.SheetNames[0] as string] as XLSX.WorkSheet, { header: 1 });
}

describe('export worker', () => {
  it('exports every talent newest first, masked with the stored pattern, without an audit entry', async () => {
    const db = await seeded();
    await db.settings.put({ key: 'maskPattern', value: { idNumberKeepStart: 3, idNumberKeepEnd: 2, phoneKeepStart: 3, phoneKeepEnd: 4 } });
    const call = context();
    const file = await createExportApi(() => db).exportTalents({ query: { today: '2025-06-01' }, columns: ['name', 'idNumber'], format: 'xlsx', unmasked: false }, call);
    expect(file.fileName).toBe('人才信息_20250601.xlsx');
    expect(sheetRows(file.bytes)).toEqual([
      ['姓名', '证件号码'],
      ['丙', '440*************14'],
      ['乙', '110*************2X'],
      ['甲', '310*************39'],
    ]);
    expect(call.seen.at(-1)).toEqual({ done: 3, total: 3 });
    expect(await db.auditLog.count()).toBe(0);
  });

  it('exports what the filters match, in the requested sort', async () => {
    const db = await seeded();
    const file = await createExportApi(() => db).exportTalents(
      { query: { today: '2025-06-01', filters: { district: ['310115'] }, sort: { key: 'updatedAt', direction: 'asc' } }, columns: ['name', 'district'], format: 'csv', unmasked: false },
      context(),
    );
    expect(file.fileName).toBe('人才信息_20250601.csv');
    expect(new TextDecoder().decode(file.bytes.subarray(3))).toBe('姓名,所在区\r\n甲,浦东新区\r\n丙,浦东新区\r\n');
  });

  it('exports given ids in their order and logs an unmasked export as a reveal', async () => {
    const db = await seeded();
    const file = await createExportApi(() => db).exportTalents(
      { query: { today: '2025-06-01' }, ids: ['b', 'missing', 'a'], columns: ['name', 'idNumber', 'phone'], format: 'csv', unmasked: true },
      context(),
    );
    expect(new TextDecoder().decode(file.bytes.subarray(3))).toBe('姓名,证件号码,手机号码\r\n乙,11010519491231002X,13800138000\r\n甲,310115199003071239,13800138000\r\n');
    const entries = await db.auditLog.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'reveal', entity: 'talent', operator: '王五', note: '导出未脱敏的证件号码、手机号码：2 人（csv）' });
  });

  it('writes templates and error reports', async () => {
    const api = createExportApi(() => createTestDatabase());
    const plain: WorkerCallContext = { signal: new AbortController().signal, progress: () => undefined, transferResult: () => undefined };
    const template = await api.template({ kind: 'roster' }, plain);
    expect(template.fileName).toBe('培训花名册.xlsx');
    expect(XLSX.read(template.bytes, { type: 'array' }).SheetNames).toEqual(['培训花名册', '填表说明', '_tl_meta']);
    const report = await api.errorReport(
      { fileName: 'a.xlsx', sheetName: 'S', headerRow: 1, headers: ['姓名'], rows: [{ sheetRow: 2, cells: [''], issues: [{ column: 0, code: 'REQUIRED', message: '缺少姓名' }] }], baseName: '浦东基地', batch: '第1批' },
      plain,
    );
    expect(report.fileName).toBe('浦东基地_第1批_错误报告.xlsx');
  });
});

/** `count` talents in runs of equal `updatedAt` (as imports leave them): run sizes in order, ids shuffled. */
async function withRuns(runSizes: readonly number[]): Promise<TalentLedgerDB> {
  const db = createTestDatabase(undefined, undefined, `export-runs-${crypto.randomUUID()}`);
  const talents = [];
  let serial = 0;
  for (const [run, size] of runSizes.entries()) {
    for (let member = 0; member < size; member += 1) {
      serial += 1;
      // Ids in no relation to the runs: a run's members are scattered over the store's id order.
      const id = `${String((serial * 7919) % 1000).padStart(3, '0')}-${serial}`;
      talents.push(
        makeTestTalent({
          id,
          name: `人${serial}`,
          idNumber: `31011519900307${String(serial).padStart(4, '0')}`,
          phone: `1380013${String(serial).padStart(4, '0')}`,
          updatedAt: `2025-0${1 + (run % 9)}-01T00:00:00.${String(run).padStart(3, '0')}Z`,
        }),
      );
    }
  }
  await db.talents.bulkAdd(talents);
  return db;
}

/** The list order as the export read it before chunking: the updatedAt index, reversed. */
async function listOrder(db: TalentLedgerDB): Promise<string[]> {
  return (await db.talents.orderBy('updatedAt').toArray()).reverse().map((talent) => talent.name);
}

function csvNames(bytes: Uint8Array): string[] {
  return new TextDecoder()
    .decode(bytes.subarray(3))
    .split('\r\n')
    .slice(1, -1)
    .map((line) => line.split(',')[0] as string);
}

describe('export worker, chunked reads', () => {
  // One dominant run (an import): the run's rest is read from the store by id. Several mid-size
  // runs: a run's rest is read again by the index. Singles: every chunk ends at a run boundary.
  const layouts: Record<string, number[]> = {
    'one dominant run': [3, 40, 2],
    'mid-size runs': [9, 12, 1, 11, 8],
    'single records': [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  };
  for (const [name, runs] of Object.entries(layouts)) {
    it(`reads ${name} in chunks in the same order as one read`, async () => {
      const db = await withRuns(runs);
      const expected = await listOrder(db);
      for (const readChunk of [1, 2, 3, 5, 7, 100]) {
        const call = context();
        const file = await createExportApi(() => db, { readChunk }).exportTalents({ query: { today: '2025-06-01' }, columns: ['name'], format: 'csv', unmasked: false }, call);
        expect(csvNames(file.bytes), `chunk ${readChunk}`).toEqual(expected);
        expect(call.seen.at(-1)).toEqual({ done: expected.length, total: expected.length });
      }
    });
  }

  it("takes the list's shown count instead of counting the table: same rows in every layout, progress against that count", async () => {
    for (const runs of Object.values(layouts)) {
      const db = await withRuns(runs);
      const expected = await listOrder(db);
      for (const readChunk of [2, 5, 100]) {
        const call = context();
        const file = await createExportApi(() => db, { readChunk }).exportTalents({ query: { today: '2025-06-01' }, columns: ['name'], format: 'csv', unmasked: false, listTotal: expected.length }, call);
        expect(csvNames(file.bytes), `runs ${runs.join(',')}, chunk ${readChunk}`).toEqual(expected);
        expect(call.seen.at(-1)).toEqual({ done: expected.length, total: expected.length });
      }
    }
  });

  it('writes the same .xlsx rows chunked and in one read, masked and unmasked (the unmasked one audited)', async () => {
    const db = await withRuns([3, 30, 4]);
    await db.settings.put({ key: 'operatorName', value: '王五' });
    const request = { query: { today: '2025-06-01' }, columns: ['name', 'idNumber', 'phone', 'birthDate'] as const, format: 'xlsx' as const };
    const masked = await createExportApi(() => db, { readChunk: 4 }).exportTalents({ ...request, columns: [...request.columns], unmasked: false }, context());
    const whole = await createExportApi(() => db).exportTalents({ ...request, columns: [...request.columns], unmasked: false }, context());
    expect(masked.bytes).toEqual(whole.bytes);
    expect(await db.auditLog.count()).toBe(0);
    const unmasked = await createExportApi(() => db, { readChunk: 4 }).exportTalents({ ...request, columns: [...request.columns], unmasked: true }, context());
    const maskedRows = sheetRows(masked.bytes);
    const unmaskedRows = sheetRows(unmasked.bytes);
    expect(unmaskedRows.map((row) => row[0])).toEqual(maskedRows.map((row) => row[0]));
    expect(unmaskedRows.slice(1).map((row) => row[0])).toEqual(await listOrder(db));
    expect(String(maskedRows[1]?.[1])).toContain('*');
    expect(String(unmaskedRows[1]?.[1])).toMatch(/^31011519900307\d{4}$/);
    expect(await db.auditLog.toArray()).toEqual([expect.objectContaining({ action: 'reveal', note: '导出未脱敏的证件号码、手机号码：37 人（xlsx）' })]);
  });

  it('exports given ids and filters the same with small chunks', async () => {
    const db = await withRuns([2, 9, 3]);
    const order = await db.talents.orderBy('updatedAt').toArray();
    const ids = order.filter((_, at) => at % 2 === 0).map((talent) => talent.id);
    const byIds = { query: { today: '2025-06-01' }, ids, columns: ['name'] as ['name'], format: 'csv' as const, unmasked: false };
    const chunked = await createExportApi(() => db, { readChunk: 2 }).exportTalents(byIds, context());
    expect(csvNames(chunked.bytes)).toEqual(order.filter((_, at) => at % 2 === 0).map((talent) => talent.name));
    const filtered = { query: { today: '2025-06-01', text: '人1' }, columns: ['name'] as ['name'], format: 'csv' as const, unmasked: false };
    const filteredChunked = await createExportApi(() => db, { readChunk: 2 }).exportTalents(filtered, context());
    const filteredWhole = await createExportApi(() => db).exportTalents(filtered, context());
    expect(csvNames(filteredChunked.bytes)).toEqual(csvNames(filteredWhole.bytes));
    expect(csvNames(filteredChunked.bytes).length).toBeGreaterThan(0);
  });

  it('stops at a cancel between chunks', async () => {
    const db = await withRuns([20]);
    const controller = new AbortController();
    const call = { ...context(), signal: controller.signal, progress: () => controller.abort() };
    await expect(createExportApi(() => db, { readChunk: 3 }).exportTalents({ query: { today: '2025-06-01' }, columns: ['name'], format: 'xlsx', unmasked: true }, call)).rejects.toMatchObject({ name: 'AbortError' });
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe('export worker, rows served by the search-index worker', () => {
  /** Serves `records` (by id) on a fresh channel as the index worker does; returns the export worker's end. */
  function servedFromMemory(db: TalentLedgerDB, records: ReadonlyMap<string, TalentListRecord>, ids: readonly string[], readChunk: number): MessagePort {
    const channel = new MessageChannel();
    serveExportCells(channel.port1 as unknown as MessageEndpoint, (start) =>
      talentCellBatches(db, start.request, start.columns, start.readChunk, recordsInListOrder(ids, (id) => records.get(id), readChunk)),
    );
    return channel.port2;
  }

  it('writes the same file from the index worker’s records as from IndexedDB, every column, masked with the stored pattern', async () => {
    const db = await seeded();
    await db.talents.update('b', { email: 'yi@example.com', tags: ['重点', '海归'], remarks: '=HYPERLINK("x")', employerCreditCode: '91310000MA1FL8LQ3E', leftDate: '2025-05-31' });
    await db.settings.put({ key: 'maskPattern', value: { idNumberKeepStart: 3, idNumberKeepEnd: 2, phoneKeepStart: 3, phoneKeepEnd: 4 } });
    const stored = await db.talents.toArray();
    const records = new Map(stored.map((talent) => [talent.id, listRecordOf(talent)]));
    const columns = talentFields.map((field) => field.key);
    for (const format of ['xlsx', 'csv'] as const) {
      const request = { query: { today: '2025-06-01' }, columns, format, unmasked: false };
      const fromDatabase = await createExportApi(() => db).exportTalents(request, context());
      // The whole list, newest change first, in chunks of 2: the index's default order.
      const call = context();
      const fromIndex = await createExportApi(() => db).exportTalents({ ...request, cellPort: servedFromMemory(db, records, ['c', 'b', 'a'], 2) }, call);
      expect(fromIndex.bytes).toEqual(fromDatabase.bytes);
      expect(fromIndex.rows).toBe(3);
      expect(fromIndex.timing).toMatchObject({ pipelined: true, source: 'index' });
      expect(call.seen.at(-1)).toEqual({ done: 3, total: 3 });
    }
    const rows = sheetRows((await createExportApi(() => db).exportTalents({ query: { today: '2025-06-01' }, columns, format: 'xlsx', unmasked: false, cellPort: servedFromMemory(db, records, ['b'], 5) }, context())).bytes);
    const header = rows[0] as string[];
    const yi = rows[1] as unknown[];
    expect(yi[header.indexOf('邮箱')]).toBe('yi@example.com');
    expect(yi[header.indexOf('标签')]).toBe('重点、海归');
    expect(yi[header.indexOf('备注')]).toBe('\'=HYPERLINK("x")');
    expect(yi[header.indexOf('证件号码')]).toBe('110*************2X');
  });

  it('leaves out a record removed after the export started, and audits an unmasked export once', async () => {
    const db = await seeded();
    await db.settings.put({ key: 'operatorName', value: '王五' });
    const records = new Map((await db.talents.toArray()).map((talent) => [talent.id, listRecordOf(talent)]));
    const port = servedFromMemory(db, records, ['c', 'b', 'a'], 1);
    records.delete('b');
    const file = await createExportApi(() => db).exportTalents({ query: { today: '2025-06-01' }, columns: ['name', 'idNumber'], format: 'csv', unmasked: true, cellPort: port }, context());
    expect(new TextDecoder().decode(file.bytes.subarray(3))).toBe('姓名,证件号码\r\n丙,440524188001010014\r\n甲,310115199003071239\r\n');
    expect(file.rows).toBe(2);
    expect(await db.auditLog.toArray()).toEqual([expect.objectContaining({ action: 'reveal', note: '导出未脱敏的证件号码：2 人（csv）' })]);
  });
});
