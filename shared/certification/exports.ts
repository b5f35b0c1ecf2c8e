/**
 * Outputs of the title workflow as .xlsx (shared/excel/write): the 职称申报人员汇总表 in the
 * columns of `applicationFields` (DOMAIN.md §9) and the 评审结果 of a review batch. ID numbers are
 * masked unless the caller asks for them in full.
 */
import { codeLabel } from '../codes';
import type { MaskPattern } from '../identity/mask';
import { DEFAULT_ID_MASK, maskIdNumber } from '../identity/mask';
import { writeXlsx, type CellValue } from '../excel/write/xlsxWriter';
import { educationOptions } from '../codes/codeLists';
import type { ApplicationData } from './application';
import { appliedLevelOptions, seriesLabel, specialtyLabel } from './application';
import { annualAssessmentOptions, applicationFields, applicationRouteOptions, residenceBasisOptions } from './applicationFields';
import { evaluateEligibility, eligibilityRuleLabels, type RuleResult, type TitleRuleTable } from './eligibility';
import { applicationStatusLabels } from './stateMachine';

/** How identity numbers appear: masked with the pattern, or in full. */
export interface ExportMasking {
  unmasked: boolean;
  idMask?: MaskPattern;
}

function levelZh(level: string): string {
  return level === 'none' ? '无' : (appliedLevelOptions.find((option) => option.value === level)?.zh ?? level);
}

function idText(idNumber: string, masking: ExportMasking): string {
  return masking.unmasked ? idNumber : maskIdNumber(idNumber, masking.idMask ?? DEFAULT_ID_MASK);
}

/** One 汇总表 row (cells in `applicationFields` order). */
export function applicationSummaryRow(application: ApplicationData, serial: number, masking: ExportMasking, rules?: TitleRuleTable): CellValue[] {
  const { snapshot } = application;
  const lastHours = [...application.continuingEducation].sort((a, b) => b.year - a.year)[0];
  const lastAssessment = [...application.annualAssessments].sort((a, b) => b.year - a.year)[0];
  const eligibility: RuleResult[] = rules ? evaluateEligibility(application, rules) : [];
  const unmet = eligibility.filter((entry) => entry.outcome !== 'met').map((entry) => `${eligibilityRuleLabels[entry.rule].zh}${entry.outcome === 'notMet' ? '不符' : '待核'}`);
  const { achievements } = application;
  const values: Record<(typeof applicationFields)[number]['key'], CellValue> = {
    serialNumber: serial,
    name: snapshot.name,
    gender: snapshot.gender === 'M' ? '男' : snapshot.gender === 'F' ? '女' : '',
    birthMonth: snapshot.birthDate.slice(0, 7),
    idNumber: idText(snapshot.idNumber, masking),
    employer: snapshot.employer,
    employerCreditCode: snapshot.employerCreditCode,
    currentSpecialty: snapshot.major,
    educationDegree: [snapshot.education === '' ? '' : codeLabel(educationOptions, snapshot.education), snapshot.degree].filter((part) => part !== '').join('/'),
    schoolAndMajor: [snapshot.school, snapshot.major].filter((part) => part !== '').join(' '),
    graduationDate: snapshot.graduationDate,
    currentTitle: snapshot.currentTitle === 'none' ? '无' : `${levelZh(snapshot.currentTitle)} ${snapshot.currentTitleObtainedOn}`.trim(),
    appliedTitle: `${seriesLabel[application.series].zh}/${specialtyLabel[application.specialty].zh}/${levelZh(application.level)}`,
    route: codeLabel(applicationRouteOptions, application.route),
    annualAssessment: lastAssessment ? codeLabel(annualAssessmentOptions, lastAssessment.result) : '',
    continuingEducationHours: lastHours?.totalHours ?? null,
    residenceBasis: snapshot.residence === '' ? '' : codeLabel(residenceBasisOptions, snapshot.residence),
    achievements: `论文${achievements.papers} 专利${achievements.patents} 项目${achievements.projects} 获奖${achievements.awards}${achievements.text ? `；${achievements.text}` : ''}`,
    publicityPeriod: application.unitPublicity ? `${application.unitPublicity.startsOn}至${application.unitPublicity.endsOn}` : '',
    reviewOpinion: [application.reviewerNotes, unmet.length > 0 ? `资格：${unmet.join('、')}` : rules ? '资格条件符合' : ''].filter((part) => part !== '').join('；'),
  };
  return applicationFields.map((field) => values[field.key]);
}

/** The 职称申报人员汇总表 workbook. */
export function writeApplicationSummary(applications: readonly ApplicationData[], title: string, masking: ExportMasking, rules?: TitleRuleTable): Promise<Uint8Array> {
  const rows: CellValue[][] = [[title], applicationFields.map((field) => field.zh)];
  applications.forEach((application, index) => rows.push(applicationSummaryRow(application, index + 1, masking, rules)));
  return writeXlsx({
    creator: '人才台账',
    sheets: [
      {
        name: '申报人员汇总表',
        columns: applicationFields.map((field) => ({ width: field.width ?? 12, style: 'text' as const })),
        rows,
        headerRows: 2,
        freezeRows: 2,
        merges: [`A1:${String.fromCharCode(64 + Math.min(applicationFields.length, 26))}1`],
        print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { first: 0, last: 1 } },
      },
    ],
  });
}

const RESULT_HEADERS = ['序号', '评审编号', '姓名', '身份证号', '工作单位', '申报级别', '赞成票', '总票数', '评审结果', '当前状态'];

/** The 评审结果 workbook of a review batch. */
export function writeReviewResults(applications: readonly ApplicationData[], title: string, masking: ExportMasking): Promise<Uint8Array> {
  const rows: CellValue[][] = [[title], RESULT_HEADERS];
  applications.forEach((application, index) => {
    const vote = application.committeeVote;
    rows.push([
      index + 1,
      application.documentNumber,
      application.snapshot.name,
      idText(application.snapshot.idNumber, masking),
      application.snapshot.employer,
      levelZh(application.level),
      vote?.votesFor ?? null,
      vote?.votesTotal ?? null,
      vote === null ? '' : vote.passed ? '通过' : '未通过',
      applicationStatusLabels[application.status].zh,
    ]);
  });
  return writeXlsx({
    creator: '人才台账',
    sheets: [
      {
        name: '评审结果',
        columns: [6, 14, 10, 22, 30, 14, 8, 8, 10, 14].map((width) => ({ width, style: 'text' as const })),
        rows,
        headerRows: 2,
        freezeRows: 2,
        merges: ['A1:J1'],
        print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { first: 0, last: 1 } },
      },
    ],
  });
}
