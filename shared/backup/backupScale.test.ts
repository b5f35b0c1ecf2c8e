/**
 * A backup at realistic size streams through without holding the database twice: 30,000 demo talents
 * with as many certification applications and enrollments, generated batch by batch, written to an
 * in-memory file, verified and read back batch by batch against a second run of the same generator.
 * Times and memory are printed for the record; the assertions are on correctness and a loose memory bound.
 */
import { describe, expect, it } from 'vitest';
import { generateTalents } from '../demo/generateTalents';
import type { BackupRecord } from './format';
import { readBackup, verifyBackup } from './reader';
import { encodeRecordLine } from './recordCodec';
import { inChunks, TEST_META } from './testing';
import { createBackupWriter, type BackupCompression } from './writer';

const TALENTS = 30_000;
const BATCH = 1_000;

/** The database as a deterministic stream of batches per table (nothing held beyond one batch). */
function* tableBatches(table: string): Generator<BackupRecord[], void, undefined> {
  if (table === 'talents') {
    let batch: BackupRecord[] = [];
    for (const talent of generateTalents(TALENTS, 2026)) {
      batch.push(talent as unknown as BackupRecord);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
  for (let start = 0; start < TALENTS; start += BATCH) {
    const batch: BackupRecord[] = [];
    for (let i = start; i < Math.min(start + BATCH, TALENTS); i++) {
      batch.push(
        table === 'certificationApplications'
          ? { id: `app-${i}`, talentId: `talent-${i}`, status: ['submitted', 'unitReview', 'approved'][i % 3], level: '高级工程师', route: '正常晋升', createdAt: '2026-01-05T02:00:00.000Z', updatedAt: `2026-0${1 + (i % 9)}-15T02:00:00.000Z` }
          : { id: `enr-${i}`, rosterId: `roster-${i % 120}`, talentId: `talent-${i}`, result: i % 10 === 0 ? '不合格' : '合格', hours: 90, createdAt: '2026-03-01T02:00:00.000Z', updatedAt: '2026-03-02T02:00:00.000Z' },
      );
    }
    yield batch;
  }
}

const TABLES = ['talents', 'certificationApplications', 'enrollments'];

function memoryNow(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

describe(`backup at scale (${TALENTS.toLocaleString('en')} talents + applications + enrollments)`, () => {
  it.each(['gzip', 'none'] as const)('round-trips every record, streaming (%s)', async (compression: BackupCompression) => {
    const fileChunks: Uint8Array[] = [];
    let fileBytes = 0;
    const baseline = memoryNow();
    let peak = baseline;
    const sample = () => {
      peak = Math.max(peak, memoryNow() - fileBytes);
    };

    let started = performance.now();
    const writer = createBackupWriter({
      ...TEST_META,
      compression,
      sink: (chunk) => {
        fileChunks.push(chunk);
        fileBytes += chunk.length;
        sample();
      },
    });
    for (const table of TABLES) {
      await writer.beginTable(table);
      for (const batch of tableBatches(table)) {
        await writer.writeRecords(batch);
        sample();
      }
      await writer.endTable();
    }
    const written = await writer.finish();
    const writeMs = performance.now() - started;
    const writePeak = peak - baseline;
    expect(written.manifest.tables.talents!.rows).toBe(TALENTS);

    started = performance.now();
    const verified = await verifyBackup(fileChunks, { currentSchemaVersion: 2 });
    const verifyMs = performance.now() - started;
    expect(verified.ok).toBe(true);
    if (verified.ok) expect(verified.value.manifest).toEqual(written.manifest);

    // Read back, comparing each batch with a fresh run of the generator, so neither side is held whole.
    const expected = new Map(TABLES.map((table) => [table, tableBatches(table)]));
    const pendingExpected = new Map<string, BackupRecord[]>();
    let compared = 0;
    let mismatches = 0;
    peak = memoryNow() - fileBytes;
    const readBaseline = peak;
    started = performance.now();
    const read = await readBackup(fileChunks, {
      currentSchemaVersion: 2,
      onRecords(table, records) {
        let queue = pendingExpected.get(table) ?? [];
        for (const record of records) {
          if (queue.length === 0) queue = expected.get(table)!.next().value ?? [];
          const want = queue.shift();
          if (want === undefined || encodeRecordLine(record) !== encodeRecordLine(want)) mismatches++;
          if (compared % 5000 === 0) expect(record).toEqual(want);
          compared++;
        }
        pendingExpected.set(table, queue);
        sample();
      },
    });
    const readMs = performance.now() - started;
    const readPeak = peak - readBaseline;
    expect(read.ok).toBe(true);
    expect(compared).toBe(3 * TALENTS);
    expect(mismatches).toBe(0);

    console.info(
      `[${compression}] text ${megabytes(written.textBytes)}, file ${megabytes(written.fileBytes)}; ` +
        `write ${writeMs.toFixed(0)} ms, verify ${verifyMs.toFixed(0)} ms, read+compare ${readMs.toFixed(0)} ms; ` +
        `peak memory above baseline (excluding the file itself): write ${megabytes(writePeak)}, read ${megabytes(readPeak)}`,
    );
    // Far below "the whole database twice" (2 × text size); garbage not yet collected counts too, so the bound is loose.
    expect(writePeak).toBeLessThan(written.textBytes);
    // A few seconds alone; the whole suite in parallel on a busy 2-core machine took 25 s, hence the long timeout.
  }, 180_000);

  it('refuses the large file when one byte in the middle is flipped', async () => {
    const chunks: Uint8Array[] = [];
    const writer = createBackupWriter({ ...TEST_META, compression: 'none', sink: (chunk) => void chunks.push(chunk) });
    await writer.beginTable('talents');
    for (const batch of tableBatches('talents')) await writer.writeRecords(batch);
    await writer.endTable();
    await writer.finish();
    const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      whole.set(chunk, offset);
      offset += chunk.length;
    }
    whole[Math.floor(whole.length / 2)]! ^= 0x04;
    const result = await verifyBackup(inChunks(whole, 1 << 20), { currentSchemaVersion: 2 });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'BACKUP_CORRUPT', table: 'talents' }) });
  }, 120_000);
});
