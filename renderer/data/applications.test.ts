import { describe, expect, it } from 'vitest';
import { readCommitteeResults } from '../../shared/certification';
import type { GridCell } from '../../shared/excel/grid';
import { createTestDatabase, makeTestTalent } from '../db/testing';
import type { TalentLedgerDB } from '../db';
import { onTalentChanges, type TalentChange } from './talentEvents';
import {
  applyCommitteeResults,
  assignToReviewBatch,
  countApplicationsByStatus,
  createApplication,
  createDemoApplications,
  endOfWeek,
  listApplicationTransitions,
  listPublicityDeadlines,
  matchCommitteeResults,
  revokeCertificate,
  saveReviewBatch,
  transitionApplication,
  transitionApplications,
  updateApplication,
} from './applications';

const NOW = '2026-03-02T02:00:00.000Z';

async function setup(count: number): Promise<{ db: TalentLedgerDB; ids: string[] }> {
  const db = createTestDatabase();
  await db.settings.put({ key: 'operatorName', value: '王经办' });
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const talent = makeTestTalent({ name: `申报人${index}`, idNumber: `31010119900101${String(index).padStart(4, '0')}`, titleLevel: 'intermediate' });
    await db.talents.add(talent);
    const created = await createApplication(
      {
        talentId: talent.id,
        year: 2026,
        level: 'deputySenior',
        submit: true,
        continuingEducation: [2023, 2024, 2025].map((year) => ({ year, totalHours: 90, professionalHours: 60 })),
        annualAssessments: [{ year: 2025, result: 'competent' }],
        snapshot: { education: 'master', currentTitleObtainedOn: '2020-07-01', residence: 'hukou' },
      },
      { db, now: NOW },
    );
    if (!created.ok) throw new Error(created.error.message);
    ids.push(created.value.id);
  }
  return { db, ids };
}

async function walk(db: TalentLedgerDB, ids: string[], steps: Array<Parameters<typeof transitionApplications>[1]>): Promise<void> {
  for (const to of steps) {
    const moved = await transitionApplications(ids, to, { db, now: NOW, note: to === 'returned' ? '补充材料' : '', unitPublicity: { startsOn: '2026-02-24', endsOn: '2026-03-02' }, publicityStartsOn: '2026-03-02' });
    if (!moved.ok) throw new Error(`${to}: ${moved.error.message} ${JSON.stringify(moved.error.failures)}`);
  }
}

describe('applications', () => {
  it('creates with a snapshot of the talent, a document number and the submission transition', async () => {
    const { db, ids } = await setup(2);
    const application = await db.certificationApplications.get(ids[1] ?? '');
    expect(application).toMatchObject({ status: 'submitted', documentNumber: 'ZC2026-0002', snapshot: { name: '申报人1', currentTitle: 'intermediate', education: 'master' } });
    expect((await listApplicationTransitions(ids[0] ?? '', db)).map((row) => [row.from, row.to, row.operator])).toEqual([['draft', 'submitted', '王经办']]);
    expect(await db.auditLog.where('entity').equals('certificationApplication').count()).toBe(2);
  });

  it('edits with a field diff in the audit log', async () => {
    const { db, ids } = await setup(1);
    const updated = await updateApplication(ids[0] ?? '', { reviewerNotes: '材料齐全', snapshot: { residence: 'residencePermit' } }, { db, now: NOW });
    expect(updated.ok && updated.value.snapshot.residence).toBe('residencePermit');
    const entries = (await db.auditLog.toArray()).filter((entry) => entry.action === 'update');
    expect(entries.at(-1)?.changes.map((change) => change.field).sort()).toEqual(['reviewerNotes', 'snapshot']);
  });

  it('moves 40 applications in one bulk transition with a transition row and an audit entry each', async () => {
    const { db, ids } = await setup(40);
    const auditBefore = await db.auditLog.count();
    const moved = await transitionApplications(ids, 'unitApproved', { db, now: NOW, unitPublicity: { startsOn: '2026-02-24', endsOn: '2026-03-02' } });
    expect(moved.ok && moved.value.moved).toBe(40);
    expect(await db.applicationTransitions.count()).toBe(80);
    expect(await db.auditLog.count()).toBe(auditBefore + 40);
    expect((await countApplicationsByStatus(db)).unitApproved).toBe(40);
  });

  it('refuses the whole bulk when one application cannot move, naming it; nothing is written', async () => {
    const { db, ids } = await setup(3);
    await walk(db, ids.slice(0, 1), ['unitApproved']);
    const transitionsBefore = await db.applicationTransitions.count();
    const moved = await transitionApplications(ids, 'unitApproved', { db, now: NOW, unitPublicity: { startsOn: '2026-02-24', endsOn: '2026-03-02' } });
    expect(!moved.ok && moved.error.failures.map((failure) => failure.name)).toEqual(['申报人0']);
    expect(await db.applicationTransitions.count()).toBe(transitionsBefore);
    expect((await countApplicationsByStatus(db)).submitted).toBe(2);
  });

  it('refuses 形式审查通过 for an ineligible applicant; return and resubmission work', async () => {
    const { db, ids } = await setup(1);
    const id = ids[0] ?? '';
    await updateApplication(id, { snapshot: { currentTitleObtainedOn: '2024-01-01' } }, { db, now: NOW });
    await walk(db, ids, ['unitApproved', 'formalReview']);
    const refused = await transitionApplication(id, 'formalPassed', { db, now: NOW });
    expect(!refused.ok && refused.error.message).toContain('任职年限');
    await walk(db, ids, ['returned', 'submitted']);
    expect((await db.certificationApplications.get(id))?.status).toBe('submitted');
  });

  it('demo applications: only the second is refused at 形式审查通过, even when every demo talent is a doctor', async () => {
    const db = createTestDatabase();
    await db.settings.put({ key: 'operatorName', value: '王经办' });
    for (let index = 0; index < 4; index += 1) {
      await db.talents.add(makeTestTalent({ name: `博士${index}`, idNumber: `31010119900101${String(index).padStart(4, '0')}`, education: 'phd' }));
    }
    const created = await createDemoApplications(4, { db, now: NOW, year: 2026 });
    expect(created.ok && created.value.created).toBe(4);
    const applications = (await db.certificationApplications.toArray()).sort((a, b) => a.documentNumber.localeCompare(b.documentNumber));
    const ids = applications.map((application) => application.id);
    await walk(db, ids, ['unitApproved', 'formalReview']);
    const refused = await transitionApplications(ids, 'formalPassed', { db, now: NOW });
    expect(!refused.ok && refused.error.failures.map((failure) => failure.applicationId)).toEqual([ids[1]]);
    expect(!refused.ok && refused.error.failures[0]?.message).toContain('任职年限');
  });

  it('computes the 公示 end in working days, lists deadlines of the week and overdue ones', async () => {
    const { db, ids } = await setup(2);
    await walk(db, ids, ['unitApproved', 'formalReview', 'formalPassed', 'underReview', 'reviewPassed', 'publicity']);
    // Mon 2026-03-02 is day 1: Mon–Fri, ends Fri 03-06.
    expect((await db.certificationApplications.get(ids[0] ?? ''))?.publicity).toEqual({ startsOn: '2026-03-02', endsOn: '2026-03-06' });
    expect(endOfWeek('2026-03-04')).toBe('2026-03-08');
    expect(await listPublicityDeadlines('2026-02-25', db)).toEqual([]);
    const thisWeek = await listPublicityDeadlines('2026-03-04', db);
    expect(thisWeek.map((row) => [row.talentName, row.endsOn, row.overdue])).toEqual([
      ['申报人0', '2026-03-06', false],
      ['申报人1', '2026-03-06', false],
    ]);
    expect((await listPublicityDeadlines('2026-03-09', db)).every((row) => row.overdue)).toBe(true);
  });

  it('issues electronic certificates on 已发证, raises the talent title (audited, announced), refuses a reused reference, revokes with history', async () => {
    const { db, ids } = await setup(2);
    await walk(db, ids, ['unitApproved', 'formalReview', 'formalPassed', 'underReview', 'reviewPassed', 'publicity', 'publicityClear']);
    const [first = '', second = ''] = ids;
    const missing = await transitionApplications(ids, 'certified', { db, now: NOW, certificateReferences: { [first]: 'SH-E-2026-0001' } });
    expect(!missing.ok && missing.error.failures.map((failure) => failure.applicationId)).toEqual([second]);
    const heard: TalentChange[] = [];
    const stop = onTalentChanges((change) => heard.push(change));
    const issued = await transitionApplications(ids, 'certified', { db, now: NOW, issuedOn: '2026-03-20', certificateReferences: { [first]: 'SH-E-2026-0001', [second]: 'SH-E-2026-0002' } });
    stop();
    expect(issued.ok).toBe(true);
    const certificates = await db.titleCertificates.toArray();
    expect(certificates.map((certificate) => certificate.numberKey).sort()).toEqual(['2026|SH-E-2026-0001', '2026|SH-E-2026-0002']);
    const application = await db.certificationApplications.get(first);
    const talent = await db.talents.get(application?.talentId ?? '');
    expect(talent?.titleLevel).toBe('deputySenior');
    expect(heard).toHaveLength(1);
    expect(await db.auditLog.where('entity').equals('talent').count()).toBe(2);

    const certificate = certificates.find((entry) => entry.applicationId === first);
    const revoked = await revokeCertificate(certificate?.id ?? '', '材料造假', { db, now: NOW, revokedOn: '2026-05-01' });
    expect(revoked.ok && revoked.value.revokedOn).toBe('2026-05-01');
    expect((await db.talents.get(talent?.id ?? ''))?.titleLevel).toBe('intermediate');
    expect(await db.titleCertificates.count()).toBe(2);
  });

  it('numbers 初级 certificates from the format, unique per year', async () => {
    const { db, ids } = await setup(2);
    await db.certificationApplications.bulkPut((await db.certificationApplications.toArray()).map((application) => ({ ...application, level: 'junior' as const })));
    await walk(db, ids, ['unitApproved', 'formalReview']);
    await db.certificationApplications.bulkPut((await db.certificationApplications.toArray()).map((application) => ({ ...application, status: 'publicityClear' as const })));
    const issued = await transitionApplications(ids, 'certified', { db, now: NOW, issuedOn: '2026-03-20' });
    expect(issued.ok).toBe(true);
    expect((await db.titleCertificates.toArray()).map((certificate) => certificate.number).sort()).toEqual(['SHAI-ZL-2026-00001', 'SHAI-ZL-2026-00002']);
  });

  it('applies committee results by document number: > two-thirds passes, others fail, unknown numbers skipped', async () => {
    const { db, ids } = await setup(3);
    await walk(db, ids, ['unitApproved', 'formalReview', 'formalPassed', 'underReview']);
    const batch = await saveReviewBatch({ year: 2026, name: '2026年度人工智能专业高级职称评审', committeeName: '上海市人工智能专业高级职称评审委员会', meetingDate: '2026-03-10', membersPresent: ['甲', '乙', '丙'], note: '' }, { db, now: NOW });
    if (!batch.ok) throw new Error(batch.error.message);
    expect((await assignToReviewBatch(ids, batch.value.id, { db, now: NOW })).ok).toBe(true);
    const cells = (values: Array<string | number>): GridCell[] => values.map((value) => (typeof value === 'number' ? { t: 'n', v: value, w: String(value) } : { t: 's', v: value, w: value }));
    const read = readCommitteeResults({
      format: 'xlsx',
      sheets: [{ name: 's', hidden: false, rows: [cells(['评审编号', '评审结果', '赞成票', '总票数']), cells(['ZC2026-0001', '通过', 11, 15]), cells(['ZC2026-0002', '通过', 10, 15]), cells(['ZC2099-0001', '通过', 15, 15])] }],
    });
    if (!read.ok) throw new Error(read.error.message);
    const matches = await matchCommitteeResults(batch.value.id, read.value.rows, db);
    expect(matches.map((match) => match.problem === '')).toEqual([true, true, false]);
    const applied = await applyCommitteeResults(batch.value.id, matches, { db, now: NOW });
    expect(applied.ok && applied.value).toEqual({ passed: 1, failed: 1, skipped: 1 });
    const counts = await countApplicationsByStatus(db);
    expect([counts.reviewPassed, counts.reviewFailed, counts.underReview]).toEqual([1, 1, 1]);
  });
});
