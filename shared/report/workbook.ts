/**
 * The annual report as an Excel workbook in the layout offices expect: a cover sheet (报表名称,
 * 统计年度, 填报单位, 统计口径, 生成时间, 制表人), then one sheet per table with a merged title row,
 * bold bordered headers, a 合计 row, percentages, right-aligned numbers, column widths, and print
 * setup (A4 landscape, one page wide, title and header repeated on every page).
 */
import { chinaParts } from '../backup/chinaTime';
import { writeXlsx, type CellStyleName, type CellValue, type XlsxSheet, type XlsxWorkbook } from '../excel/write/xlsxWriter';
import { columnLetters } from '../excel/write/xlsxWriter';
import { definitionsText } from './definitions';
import type { Breakdown } from './headcount';
import type { AnnualReport } from './snapshot';

/** What the cover sheet says besides the figures. */
export interface ReportWorkbookMeta {
  /** 填报单位. */
  unit: string;
  /** 制表人. */
  operator: string;
  /** ISO time the report was generated. */
  generatedAt: string;
  /** SHA-256 of the data (shown on the cover so a printed copy can be matched to a snapshot). */
  checksum?: string;
  /** Include the optional five-year age bands. */
  fiveYearBands?: boolean;
}

/** 报表名称 of the annual report. */
export const REPORT_TITLE = '上海市人工智能人才年度统计表';

/** Sheet name of the cover. */
export const COVER_SHEET = '封面';

/** `YYYY-MM-DD HH:mm` in China time of an ISO instant. */
export function chinaDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const parts = chinaParts(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)} ${pad(parts.hour)}:${pad(parts.minute)}`;
}

/** A table: title, header, body rows (first cell a label), optional 合计 row; numbers or shares per column. */
interface TableSpec {
  sheet: string;
  title: string;
  header: string[];
  body: CellValue[][];
  total?: CellValue[];
  /** Column kinds after the label: `number` or `percent`. */
  kinds: Array<'number' | 'percent'>;
  widths: number[];
}

function tableSheet(spec: TableSpec): XlsxSheet {
  const width = spec.header.length;
  const rows: CellValue[][] = [[spec.title, ...Array<CellValue>(width - 1).fill(null)], spec.header, ...spec.body];
  if (spec.total) rows.push(spec.total);
  const styles = new Map<number, Map<number, CellStyleName>>();
  styles.set(0, new Map([[0, 'reportTitle']]));
  styles.set(1, new Map(spec.header.map((_, column) => [column, 'reportHeader'])));
  const bodyStyle = (isTotal: boolean) =>
    new Map<number, CellStyleName>([
      [0, isTotal ? 'reportTotalLabel' : 'reportLabel'],
      ...spec.kinds.map((kind, index): [number, CellStyleName] => [
        index + 1,
        kind === 'percent' ? (isTotal ? 'reportTotalPercent' : 'reportPercent') : isTotal ? 'reportTotalNumber' : 'reportNumber',
      ]),
    ]);
  spec.body.forEach((_, index) => styles.set(index + 2, bodyStyle(false)));
  if (spec.total) styles.set(spec.body.length + 2, bodyStyle(true));
  return {
    name: spec.sheet,
    columns: spec.widths.map((columnWidth) => ({ width: columnWidth })),
    rows,
    cellStyles: styles,
    merges: [`A1:${columnLetters(width - 1)}1`],
    rowHeights: new Map([[0, 28]]),
    freezeRows: 2,
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { first: 0, last: 1 } },
  };
}

const share = (count: number, total: number): number => (total === 0 ? 0 : count / total);

function breakdownSheet(breakdown: Breakdown, year: number, asOf: string, sheetName: string): XlsxSheet {
  return tableSheet({
    sheet: sheetName,
    title: `${year}年人工智能人才按${breakdown.zh}统计（截至${asOf}）`,
    header: [breakdown.zh, '人数', '占比'],
    body: breakdown.rows.map((row) => [row.zh, row.count, share(row.count, breakdown.total)]),
    total: ['合计', breakdown.total, breakdown.total === 0 ? 0 : 1],
    kinds: ['number', 'percent'],
    widths: [22, 12, 10],
  });
}

/** Sheet names of the breakdowns (≤ 31 characters, unique). */
const BREAKDOWN_SHEETS: Readonly<Record<string, string>> = {
  district: '按区',
  cluster: '按集聚区',
  category: '按人才类别',
  education: '按最高学历',
  ageBand: '按年龄段',
  ageBand5: '按年龄段（五岁）',
  titleLevel: '按职称等级',
  skillLevel: '按技能等级',
  industrySegment: '按产业链环节',
  gender: '按性别',
  overseas: '按海外经历',
};

/** The workbook's sheets, cover first. */
export function buildReportWorkbook(report: AnnualReport, meta: ReportWorkbookMeta): XlsxWorkbook {
  const { headcount, training } = report;
  const { year, asOf } = headcount;
  const cover: XlsxSheet = {
    name: COVER_SHEET,
    columns: [{ width: 14 }, { width: 90 }],
    rows: [
      [REPORT_TITLE, null],
      ['报表名称', REPORT_TITLE],
      ['统计年度', `${year}年`],
      ['统计时点', asOf],
      ['填报单位', meta.unit],
      ['统计口径', definitionsText('zh')],
      ['生成时间', chinaDateTime(meta.generatedAt)],
      ['制表人', meta.operator],
      ['数据校验码', meta.checksum ?? ''],
    ],
    merges: ['A1:B1'],
    rowHeights: new Map([
      [0, 32],
      [5, 330],
    ]),
    cellStyles: new Map<number, Map<number, CellStyleName>>([
      [0, new Map([[0, 'reportTitle']])],
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((row): [number, Map<number, CellStyleName>] => [row, new Map<number, CellStyleName>([[0, 'reportTotalLabel'], [1, 'reportText']])]),
    ]),
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
  };
  const summary = tableSheet({
    sheet: '总体情况',
    title: `${year}年人工智能人才总体情况（截至${asOf}）`,
    header: ['指标', '数值'],
    body: [
      ['年末在库人数', headcount.total],
      [`上年末在库人数（${headcount.previousAsOf}）`, headcount.previousTotal],
      ['增减人数', headcount.change],
      ['同比增长率', headcount.changeRate ?? '—'],
      ['目标人数', headcount.target],
      ['目标完成率', headcount.progress ?? '—'],
      ['本年取得职称', headcount.titles.grantedInYearTotal],
      ['累计高级职称人数（正高+副高）', headcount.titles.seniorHolders],
      ['其中在库', headcount.titles.seniorHoldersInRegistry],
      ['培训基地数', training.basesTotal],
      ['有效培训基地数', training.basesActive],
    ],
    kinds: ['number'],
    widths: [36, 16],
  });
  // Shares and rates in the summary take the percent style.
  const percentRows = [5, 7];
  for (const row of percentRows) summary.cellStyles = new Map(summary.cellStyles).set(row, new Map<number, CellStyleName>([[0, 'reportLabel'], [1, 'reportPercent']]));
  const sheets: XlsxSheet[] = [cover, summary];
  for (const breakdown of headcount.breakdowns) {
    if (breakdown.id === 'ageBand5' && !meta.fiveYearBands) continue;
    sheets.push(breakdownSheet(breakdown, year, asOf, BREAKDOWN_SHEETS[breakdown.id] ?? breakdown.zh));
  }
  const { cross } = headcount;
  const columnTotals = cross.columns.map((_, column) => cross.counts.reduce((sum, row) => sum + (row[column] ?? 0), 0));
  sheets.push(
    tableSheet({
      sheet: '区×人才类别',
      title: `${year}年人工智能人才按区和人才类别统计（截至${asOf}）`,
      header: ['区', ...cross.columns.map((column) => column.zh), '合计'],
      body: cross.rows.map((row, index) => {
        const counts = cross.counts[index] ?? [];
        return [row.zh, ...counts, counts.reduce((sum, value) => sum + value, 0)];
      }),
      total: ['合计', ...columnTotals, headcount.total],
      kinds: [...cross.columns.map(() => 'number' as const), 'number'],
      widths: [14, ...cross.columns.map(() => 11), 10],
    }),
    tableSheet({
      sheet: '增减情况',
      title: `${year}年人工智能人才增减情况（${headcount.previousAsOf} 至 ${asOf}）`,
      header: ['人才类别', '上年末', '新增', '减少', '本年末', '净增'],
      body: headcount.flows.map((row) => [row.zh, row.start, row.added, row.left, row.end, row.net]),
      total: ['合计', headcount.flowTotal.start, headcount.flowTotal.added, headcount.flowTotal.left, headcount.flowTotal.end, headcount.flowTotal.net],
      kinds: ['number', 'number', 'number', 'number', 'number'],
      widths: [18, 10, 10, 10, 10, 10],
    }),
    tableSheet({
      sheet: '职称取得',
      title: `${year}年取得职称情况（按级别）`,
      header: ['职称等级', '本年取得'],
      body: headcount.titles.grantedInYear.map((row) => [row.zh, row.count]),
      total: ['合计', headcount.titles.grantedInYearTotal],
      kinds: ['number'],
      widths: [18, 12],
    }),
    tableSheet({
      sheet: '基地类型',
      title: `培训基地按类型统计（截至${asOf}）`,
      header: ['基地类型', '基地数', '占比'],
      body: training.basesByType.map((row) => [row.zh, row.count, share(row.count, training.basesTotal)]),
      total: ['合计', training.basesTotal, training.basesTotal === 0 ? 0 : 1],
      kinds: ['number', 'percent'],
      widths: [18, 10, 10],
    }),
    tableSheet({
      sheet: '基地状态',
      title: `培训基地按状态统计（截至${asOf}）`,
      header: ['状态', '基地数', '占比'],
      body: training.basesByStatus.map((row) => [row.zh, row.count, share(row.count, training.basesTotal)]),
      total: ['合计', training.basesTotal, training.basesTotal === 0 ? 0 : 1],
      kinds: ['number', 'percent'],
      widths: [18, 10, 10],
    }),
    tableSheet({
      sheet: '培训考核',
      title: `${year}年培训考核情况`,
      header: ['考核结果', '人次', '占比'],
      body: [
        ['合格', training.passed, share(training.passed, training.trainees)],
        ['不合格', training.failed, share(training.failed, training.trainees)],
        ['缺考', training.absent, share(training.absent, training.trainees)],
        ['未录入结果', training.trainees - training.passed - training.failed - training.absent, share(training.trainees - training.passed - training.failed - training.absent, training.trainees)],
      ],
      total: ['合计', training.trainees, training.trainees === 0 ? 0 : 1],
      kinds: ['number', 'percent'],
      widths: [18, 10, 10],
    }),
  );
  // Pass rate and hours below the table (not part of the 合计 arithmetic).
  const last = sheets[sheets.length - 1]!;
  const tableRows = last.rows as CellValue[][];
  last.rows = [...tableRows, [], ['合格率', training.passRate ?? '—'], ['培训学时', training.hours]];
  last.cellStyles = new Map(last.cellStyles)
    .set(tableRows.length + 1, new Map<number, CellStyleName>([[0, 'reportLabel'], [1, 'reportPercent']]))
    .set(tableRows.length + 2, new Map<number, CellStyleName>([[0, 'reportLabel'], [1, 'reportNumber']]));
  return { sheets, creator: meta.operator || '人才台账' };
}

/** The workbook's bytes. */
export function writeReportWorkbook(report: AnnualReport, meta: ReportWorkbookMeta): Promise<Uint8Array> {
  return writeXlsx(buildReportWorkbook(report, meta));
}

/** File name of the workbook, e.g. `人工智能人才年度统计_2025.xlsx`. */
export function reportWorkbookFileName(year: number): string {
  return `人工智能人才年度统计_${year}.xlsx`;
}
