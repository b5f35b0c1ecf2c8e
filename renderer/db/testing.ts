/** Test helpers for the storage layer: an isolated in-memory database per test (fake-indexeddb). */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Talent } from '../../shared/talent/talent';
import { TalentLedgerDB } from './db';
import type { SchemaVersion } from './schema';

/** A fresh in-memory IndexedDB factory; each call gives a world of its own. */
export function createMemoryIndexedDB(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/** A database on its own in-memory IndexedDB (optionally with an old prefix of the schema). */
export function createTestDatabase(
  versions?: readonly SchemaVersion[],
  world = createMemoryIndexedDB(),
  name = 'talentledger-test',
): TalentLedgerDB {
  return new TalentLedgerDB(name, world, versions);
}

/** A complete, valid talent record for tests; override what the test is about. */
export function makeTestTalent(overrides: Partial<Talent> = {}): Talent {
  return {
    id: crypto.randomUUID(),
    name: '张三',
    gender: 'M',
    idType: 'resident',
    idNumber: '11010519491231002X',
    birthDate: '1949-12-31',
    nationality: '中国',
    phone: '13800138000',
    email: '',
    education: 'master',
    degree: '工学硕士',
    school: '上海交通大学',
    major: '计算机科学与技术',
    graduationDate: '1975-07',
    employer: '上海某人工智能有限公司',
    employerCreditCode: '',
    district: '310115',
    cluster: 'zhangjiang',
    industrySegment: '智能软件',
    category: 'algorithmEngineer',
    position: '算法工程师',
    overseas: false,
    joinedDate: '2024-01-02',
    leftDate: '',
    leftReason: '',
    status: 'active',
    tags: [],
    remarks: '',
    titleLevel: 'none',
    skillLevel: 0,
    createdAt: '2024-01-02T08:00:00.000Z',
    updatedAt: '2024-01-02T08:00:00.000Z',
    ...overrides,
  };
}
