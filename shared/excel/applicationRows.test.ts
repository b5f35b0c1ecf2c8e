import { describe, expect, it } from 'vitest';
import { checkImportFile } from './checkImportFile';
import { applicationRow, applicationSheets, traineeId, writeWorkbook } from './testing/fixtures';
import { validateApplicationRow } from './applicationRows';
import { CHECK_KINDS, IMPORT_KINDS, isCheckKind, isImportKind } from './importKinds';
import { templateFileName, writeTemplate } from './write';

const TODAY = '2025-06-01';

describe('职称申报汇总表 rows', () => {
  it('normalises a good row: months, codes, the ID as a 居民身份证 matching 性别', () => {
    const id = traineeId(2, 'M');
    const { record, issues } = validateApplicationRow(
      { name: '申报人2', gender: '男', birthMonth: '1960.1', idNumber: id, employer: '某公司', appliedTitle: '工程系列/人工智能/高级工程师', route: '破格申报', annualAssessment: '称职', graduationDate: '2015年7月', continuingEducationHours: '96' },
      { today: TODAY },
    );
    expect(issues).toEqual([]);
    expect(record).toMatchObject({ idNumber: id, gender: 'M', birthMonth: '1960-01', graduationDate: '2015-07', route: 'exceptional', annualAssessment: 'competent', continuingEducationHours: 96 });
  });

  it('flags the required columns, the gender against the ID, unknown codes and negative hours', () => {
    const { issues } = validateApplicationRow(
      { name: '申报人3', gender: '男', idNumber: traineeId(3, 'F'), route: '插队', continuingEducationHours: '-8' },
      { today: TODAY },
    );
    expect(issues.map((issue) => [issue.field, issue.code]).sort()).toEqual(
      [
        ['appliedTitle', 'REQUIRED'],
        ['continuingEducationHours', 'NUMBER_FORMAT'],
        ['employer', 'REQUIRED'],
        ['gender', 'GENDER_MISMATCH'],
        ['route', 'CODE_UNKNOWN'],
      ].sort(),
    );
  });
});

describe('checkImportFile: kind certifications', () => {
  it('is a kind the checker reads, not one the import wizard commits', () => {
    expect(CHECK_KINDS).toContain('certifications');
    expect(isCheckKind('certifications')).toBe(true);
    expect(IMPORT_KINDS).not.toContain('certifications');
    expect(isImportKind('certifications')).toBe(false);
  });

  it('finds the header under the banner lines, maps every column and reports row numbers of the sheet', async () => {
    const bad = applicationRow(4);
    bad[15] = -8; // 继续教育学时
    const duplicate = applicationRow(1);
    const bytes = writeWorkbook(applicationSheets([applicationRow(1), applicationRow(2), bad, duplicate]));
    const result = await checkImportFile(bytes, '汇总表.xlsx', 'certifications', { today: TODAY });
    if (!result.ok) throw new Error(result.error.message);
    const { value } = result;
    expect(value).toMatchObject({ kind: 'certifications', sheet: '职称申报汇总表', headerRow: 3, rows: 4, valid: 2, invalid: 2 });
    expect(value.unmapped).toEqual([]);
    expect(value.mapping).toMatchObject({ idNumber: '身份证号码', appliedTitle: '申报系列/专业/级别', continuingEducationHours: '继续教育学时' });
    // Rows 4–7 hold the data (title, 填报单位 and header above); the duplicate names its first row.
    expect(value.issues.map((issue) => [issue.row, issue.field, issue.code])).toEqual([
      [6, 'continuingEducationHours', 'NUMBER_FORMAT'],
      [7, 'idNumber', 'DUPLICATE_IN_FILE'],
    ]);
    expect(value.issues[1]?.message).toContain('第 4 行');
  });

  it('the 职称申报汇总表 template example row passes', async () => {
    const bytes = await writeTemplate('applications');
    const result = await checkImportFile(bytes, templateFileName('applications'), 'certifications', { today: TODAY });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rows).toBe(1);
    expect(result.value.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});
