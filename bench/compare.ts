/**
 * Compares two bench result files figure by figure: for every size and figure key present in both,
 * the headline value (p95 for query timings, else the median), the change, and whether it is worse
 * by more than the noise threshold (rows/s: lower is worse; everything else: higher is worse).
 */
import type { Figure } from './measurements';
import { formatValue, RESULT_FORMAT, type BenchResult } from './report';

/** A change smaller than this share is treated as noise. */
export const NOISE_SHARE = 0.1;

export interface FigureComparison {
  size: number;
  key: string;
  label: string;
  unit: Figure['unit'];
  before: number | null;
  after: number | null;
  /** after / before − 1; null when either side is missing. */
  change: number | null;
  verdict: 'better' | 'worse' | 'same' | 'only before' | 'only after' | 'not measured';
}

function headline(figureValue: Figure | undefined): number | null {
  if (!figureValue?.summary) return null;
  const value = figureValue.p95 ?? figureValue.summary.median;
  return Number.isFinite(value) ? value : null;
}

/** Reads a parsed JSON value as a bench result, or throws a message saying what is wrong. */
export function asBenchResult(value: unknown, name: string): BenchResult {
  const candidate = value as Partial<BenchResult> | null;
  if (!candidate || candidate.format !== RESULT_FORMAT || !Array.isArray(candidate.results)) {
    throw new Error(`${name} is not a bench result file (format ${RESULT_FORMAT})`);
  }
  return candidate as BenchResult;
}

/** Figure-by-figure comparison of `before` and `after`. */
export function compareResults(before: BenchResult, after: BenchResult): FigureComparison[] {
  const rows: FigureComparison[] = [];
  const sizes = [...new Set([...before.results, ...after.results].map((result) => result.size))].sort((a, b) => a - b);
  for (const size of sizes) {
    const figuresOf = (result: BenchResult) =>
      new Map((result.results.find((entry) => entry.size === size)?.sections ?? []).flatMap((section) => section.figures).map((f) => [f.key, f] as const));
    const left = figuresOf(before);
    const right = figuresOf(after);
    const keys = [...new Set([...left.keys(), ...right.keys()])];
    for (const key of keys) {
      const a = left.get(key);
      const b = right.get(key);
      const reference = (b ?? a) as Figure;
      const x = headline(a);
      const y = headline(b);
      let verdict: FigureComparison['verdict'];
      let change: number | null = null;
      if (x === null && y === null) verdict = 'not measured';
      else if (y === null) verdict = 'only before';
      else if (x === null) verdict = 'only after';
      else {
        change = x === 0 ? (y === 0 ? 0 : Number.POSITIVE_INFINITY) : y / x - 1;
        const worse = reference.unit === 'rows/s' ? change < -NOISE_SHARE : change > NOISE_SHARE;
        const better = reference.unit === 'rows/s' ? change > NOISE_SHARE : change < -NOISE_SHARE;
        verdict = worse ? 'worse' : better ? 'better' : 'same';
      }
      rows.push({ size, key, label: reference.label, unit: reference.unit, before: x, after: y, change, verdict });
    }
  }
  return rows;
}

/** The comparison as a readable table. */
export function formatComparison(before: BenchResult, after: BenchResult, rows: readonly FigureComparison[]): string {
  const lines = [`before: ${before.startedAt} (${before.machine.cpuModel}, ${before.machine.cores} cores, ${before.machine.chromium})`];
  lines.push(`after:  ${after.startedAt} (${after.machine.cpuModel}, ${after.machine.cores} cores, ${after.machine.chromium})`);
  if (before.machine.cpuModel !== after.machine.cpuModel || before.machine.cores !== after.machine.cores) {
    lines.push('note: different machines — compare ratios (×) rather than times.');
  }
  let size = -1;
  for (const row of rows) {
    if (row.size !== size) {
      size = row.size;
      lines.push(`\nN = ${size.toLocaleString('en-US')}   (headline: p95 for query timings, else median; ±${NOISE_SHARE * 100}% is noise)`);
    }
    const change = row.change === null ? '' : `${row.change >= 0 ? '+' : ''}${(row.change * 100).toFixed(1)}%`;
    lines.push(
      `  ${row.key.padEnd(36)} ${formatValue(row.before ?? undefined, row.unit).padStart(10)} → ${formatValue(row.after ?? undefined, row.unit).padStart(10)} ${row.unit.padEnd(6)} ${change.padStart(8)}  ${row.verdict}`,
    );
  }
  const worse = rows.filter((row) => row.verdict === 'worse').length;
  lines.push(`\n${worse === 0 ? 'no figure got worse beyond noise' : `${worse} figure(s) got worse beyond noise`}`);
  return lines.join('\n');
}
