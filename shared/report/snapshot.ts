/**
 * Frozen reports (报表快照): the figures of a year flattened to labelled numbers, the checksum of
 * the data they came from, and the comparison of a frozen report with a recomputation.
 */
import { createSha256 } from '../crypto/sha256';
import type { ReportColumns } from './columns';
import type { HeadcountReport } from './headcount';
import type { TrainingFigures } from './training';

/** One figure of a report: a stable key, a label and the value. */
export interface ReportFigure {
  key: string;
  zh: string;
  en: string;
  value: number;
}

/** The report of a year: headcount plus bases and training. */
export interface AnnualReport {
  headcount: HeadcountReport;
  training: TrainingFigures;
}

/** Every figure of a report as labelled numbers (what a snapshot keeps and compares). */
export function reportFigures(report: AnnualReport): ReportFigure[] {
  const { headcount, training } = report;
  const figures: ReportFigure[] = [
    { key: 'total', zh: '年末在库人数', en: 'Headcount', value: headcount.total },
    { key: 'previousTotal', zh: '上年末在库人数', en: 'Previous headcount', value: headcount.previousTotal },
  ];
  for (const breakdown of headcount.breakdowns) {
    for (const row of breakdown.rows) figures.push({ key: `${breakdown.id}.${row.code || 'unknown'}`, zh: `${breakdown.zh}：${row.zh}`, en: `${breakdown.en}: ${row.en}`, value: row.count });
  }
  for (const row of headcount.flows) {
    figures.push(
      { key: `flows.${row.code}.added`, zh: `新增：${row.zh}`, en: `New: ${row.en}`, value: row.added },
      { key: `flows.${row.code}.left`, zh: `减少：${row.zh}`, en: `Left: ${row.en}`, value: row.left },
    );
  }
  for (const row of headcount.titles.grantedInYear) figures.push({ key: `titles.granted.${row.code}`, zh: `本年取得职称：${row.zh}`, en: `Titles granted: ${row.en}`, value: row.count });
  figures.push(
    { key: 'titles.seniorHolders', zh: '累计高级职称人数', en: 'Senior title holders', value: headcount.titles.seniorHolders },
    { key: 'bases.total', zh: '培训基地数', en: 'Bases', value: training.basesTotal },
    { key: 'bases.active', zh: '有效培训基地数', en: 'Active bases', value: training.basesActive },
    { key: 'training.trainees', zh: '培训人次', en: 'Trainees', value: training.trainees },
    { key: 'training.passed', zh: '合格人次', en: 'Passed', value: training.passed },
    { key: 'training.hours', zh: '培训学时', en: 'Hours', value: training.hours },
  );
  return figures;
}

/** One line of a comparison between a frozen report and a recomputation. */
export interface FigureDifference {
  key: string;
  zh: string;
  en: string;
  frozen: number | null;
  current: number | null;
  /** current − frozen (a missing side counts as 0). */
  difference: number;
}

/** The figures that differ between a frozen report and a recomputation (in the recomputation's order). */
export function compareFigures(frozen: readonly ReportFigure[], current: readonly ReportFigure[]): FigureDifference[] {
  const before = new Map(frozen.map((figure) => [figure.key, figure]));
  const differences: FigureDifference[] = [];
  const seen = new Set<string>();
  for (const figure of current) {
    seen.add(figure.key);
    const old = before.get(figure.key);
    if (old?.value === figure.value) continue;
    differences.push({ key: figure.key, zh: figure.zh, en: figure.en, frozen: old ? old.value : null, current: figure.value, difference: figure.value - (old?.value ?? 0) });
  }
  for (const old of frozen) {
    if (!seen.has(old.key)) differences.push({ key: old.key, zh: old.zh, en: old.en, frozen: old.value, current: null, difference: -old.value });
  }
  return differences;
}

const encoder = new TextEncoder();

/**
 * SHA-256 over the report's input as held in the columns: one line per live talent in id order
 * (id, 入库/离库 day numbers, birth year, every dimension index, current title and skill) plus the
 * dated grants. The same data gives the same checksum, whatever order it was loaded in.
 */
export function columnsChecksum(columns: ReportColumns): string {
  const slots: number[] = [];
  for (let slot = 0; slot < columns.size; slot += 1) if (columns.ids[slot]) slots.push(slot);
  slots.sort((a, b) => (columns.ids[a]! < columns.ids[b]! ? -1 : columns.ids[a]! > columns.ids[b]! ? 1 : 0));
  const hash = createSha256();
  const { dims } = columns;
  let buffer = '';
  const flush = () => {
    hash.update(encoder.encode(buffer));
    buffer = '';
  };
  const grantText = (list: ReadonlyArray<{ level: number; from: number; until: number }> | undefined) =>
    (list ?? [])
      .map((grant) => `${grant.level}:${grant.from}:${grant.until}`)
      .sort()
      .join(',');
  for (const slot of slots) {
    const id = columns.ids[slot]!;
    buffer +=
      `${id}|${columns.entry[slot]}|${columns.leave[slot]}|${columns.birthYear[slot]}|${dims.district[slot]}|${dims.cluster[slot]}|${dims.category[slot]}|` +
      `${dims.education[slot]}|${dims.industrySegment[slot]}|${dims.gender[slot]}|${dims.overseas[slot]}|${columns.titleNow[slot]}|${columns.skillNow[slot]}|` +
      `${grantText(columns.titleGrants.get(id))}|${grantText(columns.skillGrants.get(id))}|${(columns.absences.get(id) ?? []).map(([from, until]) => `${from}-${until}`).join(',')}\n`;
    if (buffer.length > 1 << 16) flush();
  }
  flush();
  return hash.digestHex();
}
