import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../excel/readWorkbook';
import { checkRosterRules, enrolledLevel } from './rosterRules';
import { deriveSkillLevel, parseSkillCertificateNumber, parseSkillLevel, raiseSkillLevel } from './skillLevels';
import { documentKey, matchTrainee, matchTrainees } from './matchTrainees';
import { readSubmissionMeta, sheetDataRows, submissionDataHash, SUBMISSION_DATA_SHEET, verifySubmission, writeSubmissionFile } from './submissionFile';
import { rosterFields } from './rosterFields';

describe('parseSkillLevel', () => {
  it('reads the forms rosters use, longer words first', () => {
    expect(parseSkillLevel('四级/中级工')).toBe(4);
    expect(parseSkillLevel('高级技师')).toBe(1);
    expect(parseSkillLevel('技师')).toBe(2);
    expect(parseSkillLevel('高级工')).toBe(3);
    expect(parseSkillLevel('五级')).toBe(5);
    expect(parseSkillLevel('３')).toBe(3);
    expect(parseSkillLevel('')).toBeUndefined();
    expect(parseSkillLevel('专家')).toBeUndefined();
  });
});

describe('raiseSkillLevel', () => {
  it('keeps the higher level (smaller digit), 0 being none', () => {
    expect(raiseSkillLevel(0, 4)).toBe(4);
    expect(raiseSkillLevel(4, 3)).toBe(3);
    expect(raiseSkillLevel(3, 4)).toBe(3);
    expect(raiseSkillLevel(2, 0)).toBe(2);
  });
});

describe('parseSkillCertificateNumber', () => {
  it('splits the 22-character structure', () => {
    // Y | 0000 | 31 | 000001 | 25 | 4 | 000001
    expect(parseSkillCertificateNumber('Y000031000001254000001')).toEqual({
      ok: true,
      value: { issuer: 'Y', assessor: '0000', province: '31', site: '000001', year: 2025, level: 4, serial: '000001' },
    });
    expect(parseSkillCertificateNumber(' s123431123456263000789 ')).toMatchObject({ ok: true, value: { issuer: 'S', year: 2026, level: 3, serial: '000789' } });
  });
  it('names the problem', () => {
    expect(parseSkillCertificateNumber('Y00003100000125400000')).toEqual({ ok: false, problem: 'LENGTH' });
    expect(parseSkillCertificateNumber('X000031000001254000001')).toEqual({ ok: false, problem: 'ISSUER' });
    expect(parseSkillCertificateNumber('Y0000310000012540000A1')).toEqual({ ok: false, problem: 'DIGITS' });
    expect(parseSkillCertificateNumber('Y000031000001256000001')).toEqual({ ok: false, problem: 'LEVEL' });
  });
});

describe('deriveSkillLevel', () => {
  it('takes the highest passed and accepted level (smallest digit)', () => {
    expect(
      deriveSkillLevel([
        { decision: 'accepted', result: 'passed', level: 4 },
        { decision: 'accepted', result: 'passed', level: 3 },
        { decision: 'accepted', result: 'failed', level: 2 },
        { decision: 'rejected', result: 'passed', level: 1 },
      ]),
    ).toBe(3);
    expect(deriveSkillLevel([{ decision: 'accepted', result: 'absent', level: 5 }])).toBe(0);
  });
});

describe('checkRosterRules', () => {
  const base = { accreditedOn: '2024-01-01', validUntil: '2026-12-31' };
  const programme = { plannedHours: 120, level: 4 as const };
  const passed = { trainingStartDate: '2026-03-01', trainingEndDate: '2026-04-30', hours: 120, assessmentResult: 'passed', certificateNumber: 'Y000031000001264000001', level: '四级' };

  it('finds nothing in a good row', () => {
    expect(checkRosterRules(passed, { base, programme })).toEqual([]);
  });
  it('refuses training outside the accreditation period', () => {
    const issues = checkRosterRules({ ...passed, trainingStartDate: '2023-12-31' }, { base, programme });
    expect(issues.map((issue) => [issue.field, issue.code, issue.severity])).toEqual([['trainingStartDate', 'OUTSIDE_ACCREDITATION', 'error']]);
  });
  it('warns on passed hours below the plan (119 < 120) but not on failed ones', () => {
    expect(checkRosterRules({ ...passed, hours: 119 }, { base, programme }).map((issue) => issue.code)).toEqual(['HOURS_BELOW_PLAN']);
    expect(checkRosterRules({ ...passed, hours: 60, assessmentResult: 'failed', certificateNumber: '' }, { base, programme })).toEqual([]);
  });
  it('refuses a certificate number on a row that did not pass', () => {
    const issues = checkRosterRules({ ...passed, assessmentResult: 'absent' }, { base, programme });
    expect(issues.map((issue) => [issue.code, issue.severity])).toEqual([['CERTIFICATE_NOT_PASSED', 'error']]);
  });
  it('warns on a missing, malformed or wrong-level certificate number', () => {
    expect(checkRosterRules({ ...passed, certificateNumber: '' }, { base, programme }).map((issue) => issue.code)).toEqual(['CERTIFICATE_MISSING']);
    expect(checkRosterRules({ ...passed, certificateNumber: 'ABC123' }, { base, programme }).map((issue) => issue.code)).toEqual(['CERTIFICATE_FORMAT']);
    // Position 16 is 3, the row enrols at level 4.
    const wrong = checkRosterRules({ ...passed, certificateNumber: 'Y000031000001263000001' }, { base, programme });
    expect(wrong.map((issue) => [issue.code, issue.severity])).toEqual([['CERTIFICATE_LEVEL', 'warning']]);
  });
  it('uses the row level when readable, the programme level otherwise', () => {
    expect(enrolledLevel({ level: '三级/高级工' }, programme)).toBe(3);
    expect(enrolledLevel({}, programme)).toBe(4);
    expect(checkRosterRules({ ...passed, level: '三级', certificateNumber: 'Y000031000001263000001' }, { base, programme }).map((issue) => issue.code)).toEqual(['LEVEL_MISMATCH']);
  });
});

describe('matchTrainee', () => {
  it('is new without a stored record, matched with the same name, a conflict otherwise', () => {
    expect(matchTrainee({ name: '张伟' }, undefined)).toEqual({ kind: 'new' });
    expect(matchTrainee({ name: '张 伟' }, { id: 't1', name: '张伟' })).toEqual({ kind: 'matched', talentId: 't1' });
    expect(matchTrainee({ name: '张玮' }, { id: 't1', name: '张伟' })).toEqual({ kind: 'conflict', talentId: 't1', registryName: '张伟', fileName: '张玮' });
  });
  it('matches by document type and number together', () => {
    const registry = new Map([[documentKey('resident', '11010519491231002X'), { id: 't1', name: '李娜' }]]);
    const matches = matchTrainees(
      [
        { name: '李娜', idType: 'resident', idNumber: '11010519491231002X' },
        { name: '李娜', idType: 'passport', idNumber: '11010519491231002X' },
      ],
      registry,
    );
    expect(matches.map((match) => match.kind)).toEqual(['matched', 'new']);
  });
});

describe('submission file hash', () => {
  it('hashes the canonical text: trimmed cells, trailing blanks and blank rows dropped', async () => {
    const canonical = '["张伟","310115199003071239"]\n["李娜","11010519491231002X","合格"]';
    // An independent SHA-256 (Web Crypto) of the canonical text the function should hash.
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
    const expected = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
    expect(submissionDataHash([['张伟 ', '310115199003071239', '', ''], ['', ''], ['李娜', '11010519491231002X', '合格']])).toBe(expected);
  });

  it('recognises an untouched file and an edited one', async () => {
    const row = rosterFields.map(() => '');
    row[0] = '张伟';
    row[2] = '310115199003071239';
    row[13] = '120';
    const { bytes, meta } = await writeSubmissionFile({
      meta: { baseCode: 'JD-001', baseName: '浦东基地', occupation: '人工智能训练师', workType: '数据标注员', level: 4, batchKey: '2026-01', periodStart: '2026-03-01', periodEnd: '2026-04-30', appVersion: '0.1.0', exportedAt: '2026-05-01T00:00:00.000Z' },
      rows: [row],
    });
    expect(meta.rowCount).toBe(1);
    const grid = await readWorkbook(bytes, 'x.xlsx');
    if (!grid.ok) throw new Error(grid.error.message);
    const read = readSubmissionMeta(grid.value.sheets);
    expect(read).toEqual(meta);
    const sheet = grid.value.sheets.find((candidate) => candidate.name === SUBMISSION_DATA_SHEET);
    if (!sheet || !read) throw new Error('no data sheet');
    expect(grid.value.template?.kind).toBe('roster');
    const rows = sheetDataRows(sheet, 1, rosterFields.length);
    expect(verifySubmission(read, rows)).toMatchObject({ state: 'untouched', rowCount: 1 });
    const edited = rows.map((cells) => [...cells]);
    if (edited[0]) edited[0][13] = '160';
    expect(verifySubmission(read, edited).state).toBe('edited');
  });
});
