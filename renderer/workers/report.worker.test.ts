// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { computeHeadcountReport, ReportColumns } from '../../shared/report';
import type { Talent } from '../../shared/talent/talent';
import type { TalentLedgerDB } from '../db/db';
import { createTestDatabase, makeTestTalent } from '../db/testing';
import type { Enrollment, TitleCertificate } from '../db/types';
import { createReportApi } from './report.worker';
import type { WorkerCallContext } from './rpc';

const targets = { talents: 300_000, bases: 20, seniorTitles: 0 };

function context(): WorkerCallContext & { seen: unknown[] } {
  const seen: unknown[] = [];
  return { signal: new AbortController().signal, progress: (value) => seen.push(value), transferResult: () => undefined, seen };
}

function enrollment(talentId: string, level: 1 | 2 | 3 | 4 | 5, assessedOn: string, result: 'passed' | 'failed'): Enrollment {
  return {
    id: crypto.randomUUID(),
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    rosterId: 'r1',
    talentId,
    baseId: 'b1',
    decision: 'accepted',
    rejectReasons: [],
    sourceRow: 2,
    name: '',
    idType: 'resident',
    idNumber: '',
    occupation: '人工智能训练师',
    level,
    hours: 40,
    attendance: null,
    theoryScore: null,
    practicalScore: null,
    result,
    certificateNumber: '',
    trainingStart: assessedOn,
    trainingEnd: assessedOn,
    assessedOn,
  };
}

function certificate(talentId: string, level: string, issuedOn: string, revokedOn = ''): TitleCertificate {
  const dated = { id: crypto.randomUUID(), createdAt: '', updatedAt: '', talentId, applicationId: 'x', numberKey: `${issuedOn}|${talentId}`, level, issuedOn, revokedOn };
  return dated as TitleCertificate;
}

async function seeded(): Promise<{ db: TalentLedgerDB; talents: Talent[] }> {
  const db = createTestDatabase(undefined, undefined, `report-${crypto.randomUUID()}`);
  const talents = [
    makeTestTalent({ id: 't1', idNumber: '1', joinedDate: '2023-12-31', category: 'aiTrainer', birthDate: '1990-12-31' }),
    makeTestTalent({ id: 't2', idNumber: '2', joinedDate: '2023-03-01', leftDate: '2024-12-31', status: 'movedOut', district: '310104' }),
    makeTestTalent({ id: 't3', idNumber: '3', joinedDate: '2022-05-05', category: 'engineer', titleLevel: 'deputySenior' }),
    makeTestTalent({ id: 't4', idNumber: '4', joinedDate: '2025-01-01', birthDate: '1970-12-31', skillLevel: 3 }),
  ];
  await db.talents.bulkAdd(talents);
  await db.titleCertificates.bulkAdd([certificate('t3', 'deputySenior', '2023-06-01')]);
  await db.enrollments.bulkAdd([enrollment('t4', 3, '2025-05-01', 'passed'), enrollment('t1', 4, '2025-05-01', 'failed')]);
  await db.trainingBases.add({
    id: 'b1',
    createdAt: '',
    updatedAt: '',
    code: 'JD001',
    name: '基地',
    type: 'university',
    creditCode: '',
    district: '310115',
    address: '',
    contact: '',
    phone: '',
    accreditedOn: '2021-01-01',
    validUntil: '2027-01-01',
    status: 'active',
    annualPlan: 100,
    programmes: [],
  });
  // t3 left on 2024-06-30 and was restored on 2025-03-01 (Shanghai time).
  await db.auditLog.add({
    at: '2025-03-01T02:00:00.000Z',
    operator: '王小明',
    action: 'update',
    entity: 'talent',
    entityId: 't3',
    changes: [
      { field: 'status', before: 'movedOut', after: 'active' },
      { field: 'leftDate', before: '2024-06-30', after: '' },
    ],
    note: '',
  } as never);
  return { db, talents };
}

describe('report worker', () => {
  it('loads the registry with titles, assessments and re-entries and reports a year', async () => {
    const { db } = await seeded();
    const api = createReportApi(() => db);
    const call = context();
    expect(await api.prepare(undefined, call)).toEqual({ talents: 4 });
    expect(call.seen.at(-1)).toEqual({ loaded: 4, total: 4 });
    const { report } = await api.annualReport({ year: 2024, targets });
    // 2024-12-31: t1 only (t2 left that day, t3 away, t4 joins 2025).
    expect([report.headcount.total, report.headcount.previousTotal]).toEqual([1, 3]);
    const y2025 = (await api.annualReport({ year: 2025, targets })).report;
    expect(y2025.headcount.total).toBe(3);
    expect(y2025.headcount.breakdowns.find((b) => b.id === 'titleLevel')!.rows.find((r) => r.code === 'deputySenior')!.count).toBe(1);
    // t4 passed 三级 in 2025; t1 failed (no level).
    const skill = y2025.headcount.breakdowns.find((b) => b.id === 'skillLevel')!;
    expect(Object.fromEntries(skill.rows.filter((r) => r.count).map((r) => [r.code, r.count]))).toEqual({ '3': 1, '0': 2 });
    expect([y2025.training.trainees, y2025.training.passed, y2025.training.passRate, y2025.training.basesTotal]).toEqual([2, 1, 0.5, 1]);
    expect(await api.trend({ years: [2022, 2023, 2024, 2025] })).toEqual([
      { year: 2022, total: 1 },
      { year: 2023, total: 3 },
      { year: 2024, total: 1 },
      { year: 2025, total: 3 },
    ]);
  });

  it('follows announced changes and matches a full recomputation', async () => {
    const { db } = await seeded();
    const api = createReportApi(() => db);
    await api.prepare(undefined, context());
    const before = await api.checksum();
    // Edit one, add one, delete one, issue a certificate.
    await db.talents.update('t1', { district: '310104', leftDate: '2025-06-30', status: 'movedOut' });
    await db.talents.add(makeTestTalent({ id: 't5', idNumber: '5', joinedDate: '2025-02-02', category: 'manager' }));
    await db.talents.delete('t2');
    await db.titleCertificates.add(certificate('t5', 'senior', '2025-10-01'));
    await api.applyChange({ upserted: ['t1', 't5'], removed: ['t2'] });
    const after = await api.checksum();
    expect(after).not.toBe(before);
    const verified = await api.verify({ year: 2025, targets });
    expect(verified.same).toBe(true);
    expect(verified.checksumKept).toBe(verified.checksumFresh);
    const { report } = await api.annualReport({ year: 2025, targets });
    expect(report.headcount.total).toBe(3); // t3, t4, t5
    expect(report.headcount.titles.grantedInYear.find((row) => row.code === 'senior')!.count).toBe(1);
    // The same as building the columns from the records directly.
    const direct = ReportColumns.from(await db.talents.toArray());
    expect(report.headcount.total).toBe(computeHeadcountReport(direct, 2025, targets).total);
  });

  it('reloads everything on a reset and exports the workbook', async () => {
    const { db } = await seeded();
    const api = createReportApi(() => db);
    await api.prepare(undefined, context());
    await db.talents.clear();
    await api.applyChange({ reset: true });
    expect((await api.annualReport({ year: 2025, targets })).report.headcount.total).toBe(0);
    const file = await api.exportWorkbook({ year: 2025, targets, meta: { unit: '测试单位', operator: '王小明', generatedAt: '2026-01-01T00:00:00.000Z' } }, context());
    expect(file.fileName).toBe('人工智能人才年度统计_2025.xlsx');
    expect(file.bytes.byteLength).toBeGreaterThan(1000);
    expect(file.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});
