import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../../shared/identity';
import { createTestDatabase, makeTestTalent } from '../db/testing';
import { readRosterFile } from '../data/rosters';
import { rosterImportAgainstRegistry } from './rosterPath';

describe('rosterImportAgainstRegistry', () => {
  it('receives a roster of mostly registry people through the real path', async () => {
    const db = createTestDatabase();
    await db.settings.put({ key: 'operatorName', value: 'bench' });
    const talents = Array.from({ length: 60 }, (_, index) => {
      const body = `31011519900101${String(index).padStart(3, '0')}`;
      return makeTestTalent({ name: `在库${index}`, idNumber: `${body}${citizenIdCheckChar(body)}`, birthDate: '1990-01-01', gender: index % 2 === 1 ? 'M' : 'F' });
    });
    await db.talents.bulkAdd(talents);
    const run = await rosterImportAgainstRegistry({ rows: 50, seed: 7, registrySize: 60 }, db, (bytes, fileName, today) => readRosterFile(bytes, fileName, { today }));
    // 80 % of 50 from the registry = 40; 10 new; 7 in 10 passed → skill levels of 35 people.
    expect(run).toMatchObject({ rows: 50, fromRegistry: 40, valid: 50, accepted: 50, created: 10, skillLevelsChanged: 35 });
    expect(await db.enrollments.count()).toBe(50);
    expect(await db.talents.count()).toBe(70);
  });
});
