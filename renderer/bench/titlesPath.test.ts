import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/testing';
import { bulkTransition } from './titlesPath';

describe('bulkTransition (bench path)', () => {
  it('moves every prepared application in one transition, with a row and an audit entry each', async () => {
    const db = createTestDatabase();
    await db.settings.put({ key: 'operatorName', value: 'bench' });
    const result = await bulkTransition({ count: 300, seed: 1, registrySize: 0 }, db);
    expect(result.moved).toBe(300);
    expect(await db.applicationTransitions.count()).toBe(300);
    expect(await db.auditLog.count()).toBe(300);
    expect(await db.certificationApplications.where('status').equals('unitApproved').count()).toBe(300);
  }, 60_000);
});
