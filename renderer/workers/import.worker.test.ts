/**
 * The import worker over a real MessageChannel and an in-memory IndexedDB: load, fix a cell,
 * remap a column (remembered for the layout), dry run, commit, same file again, undo.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { wrapWorker, type WrappedWorker } from './rpc';
import type { ImportWorkerApi } from './import.worker';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function residentId(birth: string, sequence: number): string {
  const body = `310115${birth}${String(sequence).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(body[index]), 0);
  return `${body}${'10X98765432'[sum % 11]}`;
}

const A = residentId('19900115', 11);
const B = residentId('19910215', 13);
const C = residentId('19920315', 15);

/** Title row, header on row 2, data rows 3–6: row 5 has a bad phone, row 6 repeats row 3's ID. */
function talentWorkbook(): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['人才信息采集表'],
    ['姓名', '证件号码', '手机号码', '工作单位', '备注说明'],
    ['甲', A, '13800138000', '甲公司', 'x'],
    ['乙', B, '13800138001', '乙公司', 'y'],
    ['丙', C, '138', '丙公司', 'z'],
    ['丁', A, '13800138003', '丁公司', 'w'],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '人员');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

let worker: WrappedWorker<ImportWorkerApi>;
const channel = new MessageChannel();

beforeAll(async () => {
  // The worker module serves on its global scope: point that at one end of a channel.
  Object.assign(globalThis, {
    addEventListener: (type: 'message', listener: (event: MessageEvent) => void) => channel.port1.addEventListener(type, listener),
    removeEventListener: (type: 'message', listener: (event: MessageEvent) => void) => channel.port1.removeEventListener(type, listener),
    postMessage: (message: unknown, transfer: Transferable[]) => channel.port1.postMessage(message, transfer),
  });
  channel.port1.start();
  await import('./import.worker');
  worker = wrapWorker<ImportWorkerApi>(channel.port2);
});

afterAll(() => {
  channel.port1.close();
  channel.port2.close();
});

async function load(fileName = '人才.xlsx') {
  const result = await worker.call.load({ bytes: talentWorkbook(), fileName, kind: 'talents', today: '2026-11-27' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('import worker', () => {
  it('refuses a file that is no spreadsheet with its code', async () => {
    const result = await worker.call.load({ bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), fileName: 'x.xlsx', kind: 'talents' });
    expect(result.ok ? 'ok' : result.error.code).toMatch(/FILE_CORRUPT|UNSUPPORTED_FORMAT/);
  });

  it('loads, fixes cells in place (duplicates follow), remaps, dry-runs, commits, and knows the file again', async () => {
    const summary = await load();
    expect(summary).toMatchObject({ sheet: '人员', headerRow: 2, rows: 4, valid: 2, invalid: 2, previousImports: [] });
    expect(summary.columns.find((column) => column.header === '备注说明')?.field).toBe('remarks');
    const problems = await worker.call.getRows({ offset: 0, limit: 50, onlyProblems: true });
    expect(problems.rows.map((row) => [row.row, row.issues.map((issue) => issue.code)])).toEqual([
      [5, ['PHONE_FORMAT']],
      [6, ['DUPLICATE_IN_FILE']],
    ]);

    // Fix the phone; then make row 6 a different person (its duplicate goes away) …
    const phone = await worker.call.editCell({ row: 5, field: 'phone', text: '13800138002' });
    if (!phone.ok) throw new Error(phone.error.message);
    expect(phone.value.summary.invalid).toBe(1);
    const other = residentId('19930415', 17);
    const moved = await worker.call.editCell({ row: 6, field: 'idNumber', text: other });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.value.summary.invalid).toBe(0);
    // … and row 4 a repeat of row 3: the later row gets the duplicate.
    const repeated = await worker.call.editCell({ row: 4, field: 'idNumber', text: A });
    if (!repeated.ok) throw new Error(repeated.error.message);
    expect(repeated.value.changed.map((row) => [row.row, row.valid])).toEqual([[4, false]]);
    expect(repeated.value.changed[0]?.issues[0]?.message).toContain('与第 3 行是同一人');
    const back = await worker.call.editCell({ row: 4, field: 'idNumber', text: B });
    expect(back.ok && back.value.summary.invalid).toBe(0);

    // 备注说明 is not remarks in this layout: unmap it, remembered for the next file like it.
    const remarks = summary.columns.find((column) => column.header === '备注说明');
    const remapped = await worker.call.configure({ overrides: [{ column: remarks?.column ?? -1, field: null }], remember: true });
    if (!remapped.ok) throw new Error(remapped.error.message);
    expect(remapped.value.columns.find((column) => column.header === '备注说明')?.field).toBeNull();
    // Re-validating from the grid keeps the fixed cells.
    expect(remapped.value.invalid).toBe(0);

    const dryRun = await worker.call.dryRun(undefined);
    if (!dryRun.ok) throw new Error(dryRun.error.message);
    expect(dryRun.value.counts).toEqual({ new: 4, updated: 0, unchanged: 0, conflicts: 0 });
    const progress: number[] = [];
    const committed = await worker.call.commit({ mode: 'allOrNothing', resolutions: [] }, { onProgress: (value) => progress.push(value.done) });
    if (!committed.ok) throw new Error(committed.error.message);
    expect(committed.value.batch.counts).toMatchObject({ rows: 4, created: 4, invalid: 0 });
    expect(committed.value.change).toMatchObject({ removed: [] });
    expect(progress.at(-1)).toBe(4);

    // The same file again: recognised, the remembered mapping applies, the fixed rows are new errors again.
    const again = await load();
    expect(again.previousImports).toHaveLength(1);
    expect(again.presetApplied).toBe(true);
    expect(again.columns.find((column) => column.header === '备注说明')?.field).toBeNull();
    const secondRun = await worker.call.dryRun(undefined);
    if (!secondRun.ok) throw new Error(secondRun.error.message);
    expect(secondRun.value.counts).toEqual({ new: 0, updated: 0, unchanged: 2, conflicts: 0 });

    // A different name for a stored document is a conflict; a new employer is a field change.
    const renamed = await worker.call.editCell({ row: 3, field: 'name', text: '甲甲' });
    expect(renamed.ok).toBe(true);
    await worker.call.editCell({ row: 4, field: 'employer', text: '新公司' });
    const thirdRun = await worker.call.dryRun(undefined);
    if (!thirdRun.ok) throw new Error(thirdRun.error.message);
    expect(thirdRun.value.counts).toEqual({ new: 0, updated: 1, unchanged: 0, conflicts: 1 });
    expect(thirdRun.value.updated[0]?.changes).toEqual([{ field: 'employer', before: '乙公司', after: '新公司' }]);
    expect(thirdRun.value.conflicts[0]).toMatchObject({ row: 3, registryName: '甲', fileName: '甲甲' });

    const undone = await worker.call.undo({ batchId: committed.value.batch.id });
    if (!undone.ok) throw new Error(undone.error.message);
    expect(undone.value).toMatchObject({ removed: 4, restored: 0 });
  });
});
