// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createTestDatabase, makeTestTalent } from '../db/testing';
import type { TalentLedgerDB } from '../db/db';
import { createExportApi, type ExportProgress } from './export.worker';
import type { WorkerCallContext } from './rpc';

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
