/**
 * The bench's way into the annual report (AppReportAdapter in appPaths.ts): the same worker and
 * calls as the 统计报表 page. The first call loads the report columns (the bench warms up once);
 * later calls time the computation plus the worker round trip.
 */
import { exportAnnualReport, getAnnualReport, prepareReports } from '../data/reports';
import { DEFAULT_REPORT_TARGETS } from '../../shared/report/model';

/** What one report call reports (counts for the bench's note). */
export interface ReportPathResult {
  /** Talents in the worker's columns. */
  talents: number;
  /** 年末在库 of the year. */
  total: number;
  /** Milliseconds of the computation inside the worker. */
  computeMs: number;
}

/** The headcount report of `year`, as the reports page asks for it (default targets: no settings read). */
export async function headcountReport(year: number): Promise<ReportPathResult> {
  await prepareReports();
  const computed = await getAnnualReport(year, DEFAULT_REPORT_TARGETS);
  return { talents: computed.talents, total: computed.report.headcount.total, computeMs: computed.ms };
}

/** The report workbook of `year` (computation, checksum and .xlsx writing in the worker), as 导出 does it. */
export async function exportReportWorkbook(year: number): Promise<{ bytes: number; ms: number }> {
  await prepareReports();
  const file = await exportAnnualReport(year);
  return { bytes: file.bytes.byteLength, ms: file.ms };
}
