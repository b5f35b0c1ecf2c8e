/**
 * 评审委员会 results: the pass rule (more than two-thirds of the votes, a setting) and the reader
 * for the committee's result sheet (评审编号 + 结果 + 赞成票 / 应到(总)票) on top of shared/excel.
 */
import type { FieldDef } from '../fields/fieldTypes';
import { cellText, type WorkbookGrid } from '../excel/grid';
import { dataRowIndexes, findDataSheet } from '../excel/sheetLayout';
import { err, ok, type Result } from '../result';

/** The share of votes a pass needs, strictly more than numerator/denominator of the total. */
export interface PassFraction {
  numerator: number;
  denominator: number;
}

/** DOMAIN.md §2: more than two-thirds. */
export const DEFAULT_PASS_FRACTION: PassFraction = { numerator: 2, denominator: 3 };

/** True when `votesFor` is strictly more than the fraction of `votesTotal` (integer arithmetic). */
export function committeePasses(votesFor: number, votesTotal: number, fraction: PassFraction = DEFAULT_PASS_FRACTION): boolean {
  if (votesTotal <= 0 || votesFor < 0 || votesFor > votesTotal) return false;
  return votesFor * fraction.denominator > votesTotal * fraction.numerator;
}

type CommitteeFieldKey = 'documentNumber' | 'name' | 'result' | 'votesFor' | 'votesTotal';

/** Columns of a committee result sheet. */
export const committeeResultFields: readonly FieldDef<CommitteeFieldKey>[] = [
  { key: 'documentNumber', zh: '评审编号', en: 'Document number', type: 'text', required: true, synonyms: ['申报编号', '编号', '文号', '材料编号'] },
  { key: 'name', zh: '姓名', en: 'Name', type: 'text', synonyms: ['申报人'] },
  { key: 'result', zh: '评审结果', en: 'Result', type: 'text', required: true, synonyms: ['结果', '表决结果', '评审意见'] },
  { key: 'votesFor', zh: '赞成票', en: 'Votes for', type: 'integer', required: true, synonyms: ['同意票', '赞成票数', '同意票数', '得票'] },
  { key: 'votesTotal', zh: '总票数', en: 'Votes total', type: 'integer', required: true, synonyms: ['应到人数', '参评委员', '投票总数', '到会委员', '实到人数'] },
];

/** One row of the committee's result sheet. */
export interface CommitteeResultRow {
  /** Sheet row (1-based). */
  row: number;
  documentNumber: string;
  name: string;
  /** What the sheet says (通过 / 不通过). */
  resultText: string;
  votesFor: number;
  votesTotal: number;
  /** What the votes say under the pass rule. */
  passedByVotes: boolean;
  /** The sheet's result disagrees with the votes: shown to the clerk, the votes decide. */
  conflict: boolean;
}

/** A row that could not be read. */
export interface CommitteeRowProblem {
  row: number;
  message: string;
}

function parseCount(text: string): number | undefined {
  const compact = text.normalize('NFKC').replace(/[\s票人]/gu, '');
  return /^\d{1,4}$/u.test(compact) ? Number(compact) : undefined;
}

/** 通过 → true, 不通过/未通过 → false, anything else undefined. */
function parseResultWord(text: string): boolean | undefined {
  const compact = text.replace(/\s+/gu, '');
  if (/^(不通过|未通过|不同意|否)$/u.test(compact)) return false;
  if (/^(通过|同意|是)$/u.test(compact)) return true;
  return undefined;
}

/** Reads the committee's results from a workbook read by `readWorkbook`. */
export function readCommitteeResults(grid: WorkbookGrid, fraction: PassFraction = DEFAULT_PASS_FRACTION): Result<{ rows: CommitteeResultRow[]; problems: CommitteeRowProblem[] }> {
  const required = committeeResultFields.filter((field) => field.required).map((field) => field.key);
  const location = findDataSheet(grid, committeeResultFields, required);
  if (location === undefined) {
    return err({ code: 'COMMITTEE_HEADER_NOT_FOUND', message: '找不到评审结果表头：需要“评审编号、评审结果、赞成票、总票数”四列。', messageEn: 'Header not found: needs document number, result, votes for and votes total.' });
  }
  const column = (key: CommitteeFieldKey) => location.mapping.fields.get(key)?.column;
  const rows: CommitteeResultRow[] = [];
  const problems: CommitteeRowProblem[] = [];
  const seen = new Set<string>();
  for (const rowIndex of dataRowIndexes(location.sheet, location.dataStartIndex, location.mapping.serialColumn)) {
    const cells = location.sheet.rows[rowIndex] ?? [];
    const text = (key: CommitteeFieldKey) => {
      const index = column(key);
      return index === undefined ? '' : cellText(cells[index]).trim();
    };
    const row = rowIndex + 1;
    const documentNumber = text('documentNumber');
    const votesFor = parseCount(text('votesFor'));
    const votesTotal = parseCount(text('votesTotal'));
    if (documentNumber === '') {
      problems.push({ row, message: '评审编号为空。' });
      continue;
    }
    if (seen.has(documentNumber)) {
      problems.push({ row, message: `评审编号“${documentNumber}”重复。` });
      continue;
    }
    if (votesFor === undefined || votesTotal === undefined || votesTotal === 0 || votesFor > votesTotal) {
      problems.push({ row, message: `票数无效（赞成 ${text('votesFor') || '空'} / 总数 ${text('votesTotal') || '空'}）。` });
      continue;
    }
    seen.add(documentNumber);
    const passedByVotes = committeePasses(votesFor, votesTotal, fraction);
    const resultText = text('result');
    const stated = parseResultWord(resultText);
    rows.push({ row, documentNumber, name: text('name'), resultText, votesFor, votesTotal, passedByVotes, conflict: stated !== undefined && stated !== passedByVotes });
  }
  return ok({ rows, problems });
}
