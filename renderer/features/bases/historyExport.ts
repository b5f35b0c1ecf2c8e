/** The per-base history as an .xlsx (the shared writer): one sheet of years with a total row, one of rosters. */
import { writeXlsx, type CellValue } from '../../../shared/excel/write/xlsxWriter';
import { ROSTER_STATUS_LABELS } from '../../../shared/roster/roster';
import type { BaseHistory } from '../../data/bases';
import type { TrainingBase } from '../../db/types';

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** `<基地编号>_<名称>_培训情况.xlsx` and its bytes. */
export async function writeBaseHistoryWorkbook(base: TrainingBase, history: BaseHistory): Promise<{ fileName: string; bytes: Uint8Array }> {
  const header = ['年度', '花名册', '培训人数', '人次', '合格', '合格率', '发证数', '学时合计'];
  const rows: CellValue[][] = [header];
  for (const year of history.years) rows.push([year.year || '—', year.rosters, year.trainees, year.enrollments, year.passed, percent(year.passRate), year.certificates, year.hours]);
  const total = history.total;
  rows.push(['合计', total.rosters, total.trainees, total.enrollments, total.passed, percent(total.passRate), total.certificates, total.hours]);
  const rosterRows: CellValue[][] = [['花名册', '批次/期次', '培训开始', '培训结束', '状态', '总人数', '接收', '退回', '报送次数']];
  for (const roster of history.rosters) {
    rosterRows.push([roster.name, roster.batchKey, roster.periodStart, roster.periodEnd, ROSTER_STATUS_LABELS[roster.status].zh, roster.counts.total, roster.counts.accepted, roster.counts.rejected, roster.submissions]);
  }
  const bytes = await writeXlsx({
    sheets: [
      { name: '培训情况', columns: header.map(() => ({ width: 12 })), rows, headerRows: 1, freezeRows: 1 },
      { name: '花名册', columns: [{ width: 40 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 10 }, { width: 8 }, { width: 8 }, { width: 8 }, { width: 8 }], rows: rosterRows, headerRows: 1, freezeRows: 1 },
    ],
  });
  const safe = (value: string) => value.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName: `${safe(base.code)}_${safe(base.name)}_培训情况.xlsx`, bytes };
}
