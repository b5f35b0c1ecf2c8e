// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { writeTalentExport, type CellValue } from '../../shared/excel/write';
import type { Talent } from '../../shared/talent/talent';
import { createTestDatabase, makeTestTalent } from '../db/testing';
import type { TalentLedgerDB } from '../db/db';
import { createExportApi, type ExportProgress, type ExportTalentsRequest } from './export.worker';
import { cellsFromDatabase, PackedRows, READER_WINDOW, packRows, serveExportCells, type ReaderConnection } from './exportPipeline';
import { maskPatternsOf } from './exportTalentSource';
import type { MessageEndpoint, WorkerCallContext } from './rpc';

function context(signal = new AbortController().signal): WorkerCallContext<ExportProgress> & { seen: ExportProgress[] } {
  const seen: ExportProgress[] = [];
  return { signal, progress: (value) => seen.push(value), transferResult: () => undefined, seen };
}

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

/** What the export worker and the reader said to each other, in order. */
type Traffic = Array<'cells' | 'ack'>;

/**
 * The reader's code on one end of a MessageChannel, in this thread, the export worker on the
 * other: the pipeline's protocol as in the app, without a nested worker.
 */
function channelReader(db: TalentLedgerDB, traffic: Traffic = [], closed: { count: number } = { count: 0 }): () => ReaderConnection {
  return () => {
    const channel = new MessageChannel();
    open.push(channel.port1, channel.port2);
    serveExportCells(channel.port2 as unknown as MessageEndpoint, cellsFromDatabase(() => db));
    const port = channel.port1;
    const endpoint: MessageEndpoint = {
      postMessage(message, transfer) {
        if ((message as { kind: string }).kind === 'ack') traffic.push('ack');
        port.postMessage(message, transfer);
      },
      addEventListener(type, listener) {
        port.addEventListener(type, listener);
      },
      removeEventListener(type, listener) {
        port.removeEventListener(type, listener);
      },
      start: () => port.start(),
    };
    port.addEventListener('message', (event: MessageEvent) => {
      const { kind } = event.data as { kind: string };
      if (kind === 'cells' || kind === 'packed') traffic.push('cells');
    });
    return {
      endpoint,
      close: () => {
        closed.count += 1;
        port.close();
        channel.port2.close();
      },
    };
  };
}

/** `count` talents, several per `updatedAt` (as imports leave them), ids unrelated to the order. */
async function seeded(count: number): Promise<{ db: TalentLedgerDB; talents: Talent[] }> {
  const db = createTestDatabase(undefined, undefined, `export-pipeline-${crypto.randomUUID()}`);
  await db.settings.put({ key: 'operatorName', value: '王五' });
  const talents: Talent[] = [];
  for (let serial = 1; serial <= count; serial += 1) {
    talents.push(
      makeTestTalent({
        id: `${String((serial * 7919) % 1000).padStart(3, '0')}-${serial}`,
        // A formula-like name, and one with NUL (its chunk travels as arrays, not packed).
        name: serial % 7 === 0 ? `=人${serial}` : serial === 20 ? `人\u0000${serial}` : `人${serial}`,
        idNumber: `31011519900307${String(serial).padStart(4, '0')}`,
        phone: `1380013${String(serial).padStart(4, '0')}`,
        district: serial % 3 === 0 ? '310115' : '310104',
        updatedAt: `2025-0${1 + (serial % 5)}-01T00:00:00.000Z`,
      }),
    );
  }
  await db.talents.bulkAdd(talents);
  return { db, talents };
}

const COLUMNS = ['name', 'idNumber', 'phone', 'birthDate', 'district', 'education', 'overseas', 'tags', 'skillLevel'] as const;

function request(overrides: Partial<ExportTalentsRequest> = {}): ExportTalentsRequest {
  return { query: { today: '2025-06-01' }, columns: [...COLUMNS], format: 'xlsx', unmasked: false, ...overrides };
}

describe('packed rows', () => {
  it('give back every cell as it was: text (empty, CJK, surrogate pairs, control characters), numbers, booleans, empty cells', () => {
    const rows: CellValue[][] = [
      ['张三', '', 45352, -1.5, 0.1 + 0.2, 1e21, true, false, null, undefined],
      ["'=1+2", '\r\n\t\u0001', '𠀋𠀌', 'x'.repeat(40), 2 ** 53 + 2, Number.NaN, Number.POSITIVE_INFINITY, 0, ' a ', '11010519491231002X'],
    ];
    const packed = packRows(rows) as string;
    const back = [...new PackedRows(packed, 10, 2)];
    expect(back).toEqual(rows.map((row) => row.map((value) => (value === undefined ? null : value))));
    expect(Object.is(back[0]?.[4], 0.1 + 0.2)).toBe(true);
  });

  it('refuse text holding NUL (such a chunk travels as arrays)', () => {
    expect(packRows([['a\u0000b']])).toBeUndefined();
    expect(packRows([])).toBe('');
  });
});

describe('export pipeline (reader on a message port)', () => {
  it('writes the same bytes as the in-thread path and as the writer over the talents, for every kind of export', async () => {
    const { db, talents } = await seeded(53);
    const newestFirst = [...talents].sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1));
    const pattern = { idNumberKeepStart: 3, idNumberKeepEnd: 2, phoneKeepStart: 3, phoneKeepEnd: 4 };
    await db.settings.put({ key: 'maskPattern', value: pattern });
    const cases: Array<[string, ExportTalentsRequest, Talent[] | undefined]> = [
      ['whole list, masked, xlsx', request(), newestFirst],
      ['whole list, unmasked, csv', request({ format: 'csv', unmasked: true }), newestFirst],
      ['given ids', request({ ids: newestFirst.filter((_, at) => at % 3 === 0).map((talent) => talent.id) }), newestFirst.filter((_, at) => at % 3 === 0)],
      ['filtered and sorted', request({ query: { today: '2025-06-01', filters: { district: ['310115'] }, sort: { key: 'name', direction: 'asc' } } }), undefined],
    ];
    for (const [name, input, expectedTalents] of cases) {
      for (const readChunk of [4, 5_000]) {
        const piped = await createExportApi(() => db, { readChunk, startReader: channelReader(db) }).exportTalents(input, context());
        const inThread = await createExportApi(() => db, { readChunk }).exportTalents(input, context());
        expect(piped.timing?.pipelined, name).toBe(true);
        expect(inThread.timing?.pipelined, name).toBe(false);
        expect(piped.bytes, `${name}, chunk ${readChunk}`).toEqual(inThread.bytes);
        if (expectedTalents) {
          const masks = input.unmasked ? undefined : maskPatternsOf(pattern);
          const direct = await writeTalentExport(expectedTalents, { columns: input.columns, format: input.format, masks });
          expect(piped.bytes, `${name}: the writer over the talents`).toEqual(direct);
        }
      }
    }
    // The unmasked export, piped and in this thread, with both chunk sizes: each audited once.
    const reveal = expect.objectContaining({ action: 'reveal', note: '导出未脱敏的证件号码、手机号码：53 人（csv）' });
    expect(await db.auditLog.toArray()).toEqual([reveal, reveal, reveal, reveal]);
  });

  it('keeps at most the window of chunks unacknowledged, reports progress per chunk and ends the reader', async () => {
    const { db, talents } = await seeded(40);
    const traffic: Traffic = [];
    const closed = { count: 0 };
    const call = context();
    const ids = talents.map((talent) => talent.id);
    await createExportApi(() => db, { readChunk: 3, startReader: channelReader(db, traffic, closed) }).exportTalents(request({ ids }), call);
    let unacknowledged = 0;
    let most = 0;
    for (const message of traffic) {
      unacknowledged += message === 'cells' ? 1 : -1;
      most = Math.max(most, unacknowledged);
    }
    expect(traffic.filter((message) => message === 'cells')).toHaveLength(14);
    expect(most).toBeLessThanOrEqual(READER_WINDOW);
    expect(call.seen.map((progress) => progress.done)).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 40]);
    expect(closed.count).toBe(1);
  });

  it('stops the reader on a cancel: no file, no audit entry', async () => {
    const { db } = await seeded(40);
    const controller = new AbortController();
    const closed = { count: 0 };
    const call = { ...context(controller.signal), progress: () => controller.abort() };
    const api = createExportApi(() => db, { readChunk: 3, startReader: channelReader(db, [], closed) });
    await expect(api.exportTalents(request({ unmasked: true }), call)).rejects.toMatchObject({ name: 'AbortError' });
    expect(closed.count).toBe(1);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("rejects with the reader's error", async () => {
    const { db } = await seeded(5);
    const broken = () => {
      throw new Error('数据库打不开');
    };
    const startReader = () => {
      const channel = new MessageChannel();
      open.push(channel.port1, channel.port2);
      serveExportCells(channel.port2 as unknown as MessageEndpoint, cellsFromDatabase(broken));
      return { endpoint: channel.port1 as unknown as MessageEndpoint, close: () => channel.port1.close() };
    };
    await expect(createExportApi(() => db, { startReader }).exportTalents(request(), context())).rejects.toThrow('数据库打不开');
  });
});
