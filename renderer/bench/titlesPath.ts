/**
 * C's bench path: a bulk transition of `count` applications through the app's real code
 * (`transitionApplications`: one Dexie transaction, a transition row and an audit entry each).
 * The set-up (storing the applications in 已提交) is done first and reported apart: `ms` is the
 * transition alone.
 */
import { sampleApplication } from '../../shared/certification/sampleApplication';
import { transitionApplications } from '../data/applications';
import { getDatabase, type CertificationApplication, type TalentLedgerDB } from '../db';
import type { AdapterInput } from './api';

/** Tag so the bench's applications can be found and removed again. */
const BENCH_BATCH = 'bench-bulk-transition';

/** Stores `count` submitted applications (untimed set-up) and returns their ids. */
export async function prepareBulkTransition(count: number, db: TalentLedgerDB = getDatabase()): Promise<string[]> {
  await db.certificationApplications.where('status').anyOf('submitted', 'unitApproved').filter((application) => application.batch === BENCH_BATCH).delete();
  const at = new Date().toISOString();
  const rows: CertificationApplication[] = Array.from({ length: count }, (_unused, index) => ({
    ...sampleApplication({ batch: BENCH_BATCH, documentNumber: `BENCH-${String(index + 1).padStart(5, '0')}`, talentId: `bench-talent-${index}` }),
    id: crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
  }));
  await db.certificationApplications.bulkAdd(rows);
  return rows.map((row) => row.id);
}

/**
 * Prepares `input.count` (default 2,000) applications, then times and runs ONE bulk transition
 * 已提交 → 单位审核通过 over all of them. Returns the count moved and the transaction's duration.
 */
export async function bulkTransition(input: AdapterInput, db: TalentLedgerDB = getDatabase()): Promise<{ moved: number; ms: number; timedFrom: number }> {
  const ids = await prepareBulkTransition(input.count ?? 2_000, db);
  const started = performance.now();
  const result = await transitionApplications(ids, 'unitApproved', { db, note: 'bench', unitPublicity: { startsOn: '2026-03-02', endsOn: '2026-03-06' } });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(result.error.message);
  return { moved: result.value.moved, ms, timedFrom: started };
}
