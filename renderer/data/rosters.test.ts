import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../../shared/identity';
import { rosterFields } from '../../shared/roster/rosterFields';
import { writeSubmissionFile } from '../../shared/roster/submissionFile';
import type { TrainingBaseData } from '../../shared/bases/trainingBase';
import { createTestDatabase } from '../db/testing';
import { getBaseHistory, listBasesNeedingAttention, saveBase } from './bases';
import { buildSubmissionFile, checkRosterFile, commitRosterReceipt, returnRoster, rosterErrorReportInput } from './rosters';

function residentId(birth: string, sequence: number): string {
  const body = `310115${birth}${String(sequence).padStart(3, '0')}`;
  return `${body}${citizenIdCheckChar(body)}`;
}

const BASE: TrainingBaseData = {
  code: 'JD-001',
  name: '浦东实训基地',
  type: 'enterprise',
  creditCode: '',
  district: '310115',
  address: '',
  contact: '',
  phone: '',
  accreditedOn: '2024-01-01',
  validUntil: '2026-12-31',
  status: 'active',
  annualPlan: 100,
  programmes: [{ id: 'p1', occupation: '人工智能训练师', workType: '数据标注员', level: 4, plannedHours: 120 }],
};

interface Person {
  name: string;
  id: string;
  result?: string;
  certificate?: string;
  start?: string;
}

function rowOf(person: Person): string[] {
  const values: Record<string, string> = {
    name: person.name,
    idNumber: person.id,
    occupation: '人工智能训练师',
    level: '四级',
    trainingStartDate: person.start ?? '2026-03-01',
    trainingEndDate: '2026-04-30',
    hours: '120',
    assessmentResult: person.result ?? '合格',
    certificateNumber: person.certificate ?? 'Y000031000001264000001',
  };
  return rosterFields.map((field) => values[field.key] ?? '');
}

const people: Person[] = [
  { name: '甲', id: residentId('19900101', 11) },
  { name: '乙', id: residentId('19910202', 12), result: '不合格', certificate: '' },
  { name: '丙', id: residentId('19920303', 13), start: '2023-06-01' },
  { name: '丁', id: residentId('19930404', 14), result: '缺考' },
];

async function submission(list: Person[]) {
  const { bytes } = await writeSubmissionFile({
    meta: { baseCode: 'JD-001', baseName: '浦东实训基地', occupation: '人工智能训练师', workType: '数据标注员', level: 4, batchKey: '2026-01', periodStart: '2026-03-01', periodEnd: '2026-04-30', appVersion: '0.1.0', exportedAt: '2026-05-01T00:00:00Z' },
    rows: list.map(rowOf),
  });
  return bytes;
}

async function setup() {
  const db = createTestDatabase();
  await db.settings.put({ key: 'operatorName', value: '王科长' });
  const base = await saveBase(BASE, { db, now: '2026-01-01T00:00:00Z' });
  if (!base.ok) throw new Error(base.error.message);
  return { db, base: base.value };
}

describe('bases', () => {
  it('refuses a second base with the same code and lists those expiring', async () => {
    const { db } = await setup();
    const again = await saveBase({ ...BASE, name: '另一个' }, { db });
    expect(again.ok ? '' : again.error.code).toBe('BASE_CODE_TAKEN');
    await saveBase({ ...BASE, code: 'JD-002', name: '过期基地', validUntil: '2026-10-31' }, { db });
    // Today 2026-11-27: JD-001 ends 2026-12-31 (34 days: amber), JD-002 ended 2026-10-31 (red).
    const attention = await listBasesNeedingAttention('2026-11-27', db);
    expect(attention.map((entry) => [entry.code, entry.state])).toEqual([
      ['JD-002', 'expired'],
      ['JD-001', 'expiringSoon'],
    ]);
    expect(await listBasesNeedingAttention('2026-09-01', db)).toEqual([{ id: expect.any(String), code: 'JD-002', name: '过期基地', validUntil: '2026-10-31', state: 'expiringSoon' }]);
  });
});

describe('roster receipt', () => {
  it('recognises the submission, rejects the bad rows, returns them, and takes the resubmission without duplicates', async () => {
    const { db, base } = await setup();
    const first = await checkRosterFile(db, await submission(people), 'sub.xlsx', { today: '2026-05-02' });
    if (!first.ok) throw new Error(first.error.message);
    const receipt = first.value;
    expect(receipt.base.id).toBe(base.id);
    expect(receipt.programme?.id).toBe('p1');
    expect(receipt.file.submission?.check.state).toBe('untouched');
    // 丙 trained before the accreditation (error); 丁 absent with a certificate number (error).
    expect(receipt.counts).toMatchObject({ rows: 4, valid: 2, invalid: 2, new: 2 });

    const committed = await commitRosterReceipt(db, receipt, { side: 'bureau', rejected: new Map([[3, '成绩有误']]), now: '2026-05-03T00:00:00.000Z' });
    if (!committed.ok) throw new Error(committed.error.message);
    // Sheet rows: 甲 2, 乙 3, 丙 4, 丁 5 → 乙 rejected by the clerk.
    expect(committed.value).toMatchObject({ created: 1, accepted: 1, rejected: 3, kept: 0, skillLevelsChanged: 1 });
    expect(committed.value.roster).toMatchObject({ status: 'partial', counts: { total: 4, accepted: 1, rejected: 3 }, submissions: 1 });
    const jia = await db.talents.where('name').equals('甲').first();
    expect(jia).toMatchObject({ skillLevel: 4, category: 'aiTrainer' });

    const returned = await returnRoster(db, committed.value.roster.id, '三行有误，请更正后重报');
    expect(returned.ok && returned.value.status).toBe('returned');
    const report = await rosterErrorReportInput(db, committed.value.roster.id);
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.rows.map((row) => row.sheetRow)).toEqual([3, 4, 5]);
    expect(report.value.rows[1]?.issues[0]).toMatchObject({ column: rosterFields.findIndex((field) => field.key === 'trainingStartDate') });

    // The base fixes the three rows and sends the whole batch again.
    const fixed: Person[] = [people[0] as Person, { ...(people[1] as Person), result: '合格', certificate: 'Y000031000001264000002' }, { ...(people[2] as Person), start: '2026-03-01' }, { ...(people[3] as Person), certificate: '' }];
    const second = await checkRosterFile(db, await submission(fixed), 'sub2.xlsx', { today: '2026-05-10' });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.existing?.status).toBe('returned');
    expect(second.value.counts).toMatchObject({ valid: 4, invalid: 0, alreadyAccepted: 1 });
    const again = await commitRosterReceipt(db, second.value, { side: 'bureau', now: '2026-05-11T00:00:00.000Z' });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value).toMatchObject({ accepted: 3, rejected: 0, kept: 1, created: 3 });
    expect(again.value.roster).toMatchObject({ status: 'accepted', counts: { total: 4, accepted: 4, rejected: 0 }, submissions: 2, id: committed.value.roster.id });
    expect(await db.enrollments.count()).toBe(4);
    expect(await db.talents.count()).toBe(4);

    // History: 2026, 4 people, 3 passed of 4 assessed (丁 absent), 2 certificates… 甲 and 乙 (丙 has one too).
    const history = await getBaseHistory(base.id, db);
    expect(history.total).toMatchObject({ rosters: 1, trainees: 4, passed: 3, passRate: 3 / 4, certificates: 3, hours: 480 });
  });

  it('flags an edited submission and needs a confirmation', async () => {
    const { db } = await setup();
    const first = await checkRosterFile(db, await submission([people[0] as Person]), 'sub.xlsx', { today: '2026-05-02' });
    if (!first.ok) throw new Error(first.error.message);
    const exported = await buildSubmissionFile(first.value, { appVersion: '0.1.0' });
    expect(exported.fileName).toBe('浦东实训基地_2026-01_报送花名册.xlsx');
    expect(exported.meta.rowCount).toBe(1);
    // Same rows, different recorded hash: what an edit after export looks like to the reader.
    const { bytes } = await writeSubmissionFile({ meta: { ...exported.meta }, rows: [rowOf({ ...(people[0] as Person), name: '甲甲' })] });
    const tampered = await checkRosterFile(db, bytes, 'edited.xlsx', { today: '2026-05-02' });
    if (!tampered.ok) throw new Error(tampered.error.message);
    expect(tampered.value.file.submission?.check.state).toBe('untouched');
    const refused = await commitRosterReceipt(db, { ...first.value, file: { ...first.value.file, submission: { meta: exported.meta, check: { state: 'edited', actualSha256: '0', rowCount: 1 } } } }, { side: 'bureau' });
    expect(refused.ok ? '' : refused.error.code).toBe('ROSTER_EDITED_UNCONFIRMED');
  });
});
