/**
 * Web Worker that writes demo talents straight into IndexedDB, so generating 100,000 records never
 * freezes the page. All records and their audit entry go in one transaction: cancel or failure
 * leaves the database as it was.
 */
import { generateTalents } from '../../../shared/demo';
import { err, ok, type Result } from '../../../shared/result';
import type { Talent } from '../../../shared/talent/talent';
import { auditedTransaction, writeAudit } from '../../db/audit';
import { getDatabase } from '../../db/db';
import { exposeWorker, type WorkerCallContext } from '../../workers/rpc';
import { DEMO_BATCH_PREFIX } from './demoBatch';


const CHUNK = 2_000;

export interface DemoProgress {
  done: number;
  total: number;
}

function canceled(): Error {
  return Object.assign(new Error('canceled'), { name: 'AbortError' });
}

const api = {
  /** Adds `count` demo talents (seeded) as one import batch with one audit entry. */
  async addDemoTalents(
    input: { count: number; seed: number; note: string },
    { signal, progress }: WorkerCallContext<DemoProgress>,
  ): Promise<Result<{ added: number; batchId: string }>> {
    const db = getDatabase();
    const batchId = `${DEMO_BATCH_PREFIX}${new Date().toISOString()}`;
    try {
      await auditedTransaction(db, ['talents'], async () => {
        const talents = generateTalents(input.count, input.seed);
        let done = 0;
        while (done < input.count) {
          if (signal.aborted) throw canceled();
          const chunk: Talent[] = [];
          for (let index = 0; index < CHUNK && done + index < input.count; index += 1) {
            const next = talents.next();
            if (next.done) break;
            chunk.push({ ...next.value, importBatchId: batchId });
          }
          if (chunk.length === 0) break;
          await db.talents.bulkAdd(chunk);
          done += chunk.length;
          progress({ done, total: input.count });
        }
        await writeAudit(db, { action: 'import', entity: 'talent', note: `${input.note}（${done}，${batchId}）` });
      });
      return ok({ added: input.count, batchId });
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      // One duplicate document (e.g. demo data generated twice with the same seed) refuses the batch.
      if (error instanceof Error && (error.name === 'BulkError' || error.name === 'ConstraintError')) {
        return err({
          code: 'DEMO_DUPLICATE',
          message: '演示数据与已有记录的证件号重复，已全部撤销。请先删除演示数据再生成。',
          messageEn: 'Demo records clash with existing ID numbers; nothing was added. Remove the demo data first.',
        });
      }
      throw error;
    }
  },

  /** Removes every demo talent (all demo batches) with one audit entry. */
  async removeDemoTalents(input: { note: string }): Promise<Result<{ removed: number }>> {
    const db = getDatabase();
    const removed = await auditedTransaction(db, ['talents'], async () => {
      const count = await db.talents.where('importBatchId').startsWith(DEMO_BATCH_PREFIX).delete();
      if (count > 0) await writeAudit(db, { action: 'delete', entity: 'talent', note: `${input.note}（${count}）` });
      return count;
    });
    return ok({ removed });
  },
};

export type DemoDataApi = typeof api;

exposeWorker(api);
