/** The bench's result file and its readable table. */
import os from 'node:os';
import { targetHolds, type Figure } from './measurements';

/** Sizes whose figures the targets are judged at. */
export const TARGET_SIZE = 300_000;
export const RESULT_FORMAT = 'talentledger-bench/1';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  platform: string;
  node: string;
  chromium: string;
}

export interface SectionResult {
  id: string;
  title: string;
  figures: Figure[];
  /** A measurement that failed outright (a bug, not a missing path), or was stopped at its time limit. */
  error?: string;
  /** True when the section was stopped at its time limit (`error` says after how long). */
  timedOut?: boolean;
  /** Wall time of the section, harness work included. */
  seconds?: number;
}

export interface SizeResult {
  size: number;
  seconds: number;
  sections: SectionResult[];
}

export interface BenchResult {
  format: typeof RESULT_FORMAT;
  startedAt: string;
  machine: MachineInfo;
  options: { sizes: number[]; repeat: number; heavyRepeat?: number; only: string[]; seed: number };
  /** Which app paths the build contained. */
  appPaths: Record<string, string>;
  results: SizeResult[];
  /** Total wall time of the run. */
  seconds: number;
}

/** CPU, cores and memory of this machine plus Node and the given Chromium version. */
export function machineInfo(chromium: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
  };
}

/** A figure's value for people: ms with one decimal under 100, ratios with two decimals. */
export function formatValue(value: number | undefined, unit: Figure['unit']): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (unit === 'rows/s') return Math.round(value).toLocaleString('en-US');
  if (unit === 'MiB') return value.toFixed(0);
  return value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
}

function pad(text: string, width: number, right = false): string {
  // CJK characters take two columns in a terminal.
  const visible = [...text].reduce((sum, char) => sum + (/[\u3000-\u9fff\uff00-\uffef]/u.test(char) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, width - visible));
  return right ? fill + text : text + fill;
}

function targetCell(figureValue: Figure, size: number): string {
  if (!figureValue.target) return '';
  const holds = targetHolds(figureValue);
  const verdict = holds === null ? 'not yet' : holds ? 'holds' : 'MISSED';
  const judged = size === TARGET_SIZE ? '' : ' (target is for 300k)';
  return `${figureValue.target.text}: ${verdict}${judged}`;
}

/** The readable table of one size's results. */
export function formatSizeTable(result: SizeResult): string {
  const lines: string[] = [];
  lines.push(`\n══ N = ${result.size.toLocaleString('en-US')} talents (${result.seconds.toFixed(0)} s) ══`);
  const header = `${pad('figure', 58)} ${pad('unit', 6)} ${pad('median', 9, true)} ${pad('min', 9, true)} ${pad('max', 9, true)} ${pad('p50', 8, true)} ${pad('p95', 8, true)}  target`;
  for (const section of result.sections) {
    lines.push(`\n${section.title}${section.seconds === undefined ? '' : `  (${section.seconds.toFixed(0)} s)`}`);
    if (section.error) {
      lines.push(`  ${section.timedOut ? 'TIMED OUT' : 'FAILED'}: ${section.error}`);
      continue;
    }
    lines.push(`  ${header}`);
    for (const item of section.figures) {
      const s = item.summary;
      const cells = s
        ? [formatValue(s.median, item.unit), formatValue(s.min, item.unit), formatValue(s.max, item.unit), formatValue(item.p50, item.unit), formatValue(item.p95, item.unit)]
        : ['not yet', '', '', '', ''];
      const row = `  ${pad(item.label, 58)} ${pad(item.unit, 6)} ${pad(cells[0] ?? '', 9, true)} ${pad(cells[1] ?? '', 9, true)} ${pad(cells[2] ?? '', 9, true)} ${pad(cells[3] ?? '', 8, true)} ${pad(cells[4] ?? '', 8, true)}  ${targetCell(item, result.size)}`;
      lines.push(row.trimEnd());
      if (item.note && (!s || item.note.startsWith('not yet'))) lines.push(`      ${item.note}`);
    }
  }
  return lines.join('\n');
}

/** The header lines: machine and versions. */
export function formatMachine(result: Pick<BenchResult, 'machine' | 'options' | 'appPaths'>): string {
  const m = result.machine;
  const paths = Object.entries(result.appPaths)
    .map(([name, note]) => `  ${pad(name, 11)} ${note}`)
    .join('\n');
  return [
    `machine: ${m.cpuModel}, ${m.cores} cores, ${(m.memoryBytes / 1024 ** 3).toFixed(1)} GiB, ${m.platform}`,
    `node ${m.node}, chromium ${m.chromium}`,
    `sizes ${result.options.sizes.join(', ')}; repeat ${result.options.repeat} after a warm-up (heavy sections at ≥ 100,000: ${result.options.heavyRepeat ?? result.options.repeat}); seed ${result.options.seed}`,
    `app paths in this build:\n${paths}`,
  ].join('\n');
}

/**
 * The run's wall time with its parts: `total 4.6 min (build 9 s; N = 30,000: 262 s; start-up and
 * clean-up 5 s)`. Issue #5 budgets it: under 5 minutes for `--sizes 30000`, 30 for the default run.
 */
export function formatElapsed(totalSeconds: number, buildSeconds: number, sizes: ReadonlyArray<{ size: number; seconds: number }>): string {
  const parts = [`build ${Math.round(buildSeconds)} s`, ...sizes.map((entry) => `N = ${entry.size.toLocaleString('en-US')}: ${Math.round(entry.seconds)} s`)];
  const rest = totalSeconds - buildSeconds - sizes.reduce((sum, entry) => sum + entry.seconds, 0);
  parts.push(`start-up and clean-up ${Math.max(0, Math.round(rest))} s`);
  return `total ${(totalSeconds / 60).toFixed(1)} min (${parts.join('; ')})`;
}
