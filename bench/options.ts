/** Command-line options of `npm run bench`. */
import { MEASUREMENT_IDS, type MeasurementId } from './measurements';

export interface BenchOptions {
  sizes: number[];
  repeat: number;
  /** Runs of the heavy sections (import, backup, roster, titles) at 100,000 talents and more. */
  heavyRepeat: number;
  only: MeasurementId[];
  seed: number;
  /** Skip the renderer build (reuse dist/bench-renderer). */
  noBuild: boolean;
  /** Where the result JSON goes; default bench/results/<date>.json. */
  out: string | null;
  port: number;
  /** Every section's time limit in minutes; null: each section's default (see defaultSectionTimeoutMs). */
  sectionTimeoutMinutes: number | null;
  /** Also restore the backup at 10,000 talents and more (≈ 16 s at 30,000, 4 min at 300,000; off by default for the time budgets). */
  largeRestore: boolean;
}

export const DEFAULT_SIZES = [30_000, 300_000];
export const DEFAULT_SEED = 20260630;
export const USAGE = `usage: npm run bench -- [--sizes 30000,300000] [--repeat 3] [--heavy-repeat 1] [--only ${MEASUREMENT_IDS.join(',')}] [--seed N] [--no-build] [--out file.json] [--port N] [--section-timeout minutes] [--large-restore]`;

function wholeNumber(name: string, text: string | undefined, min: number, max: number): number {
  const value = Number(text);
  if (text === undefined || !Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} needs a whole number from ${min} to ${max}\n${USAGE}`);
  return value;
}

/** Parses argv (after the script name); throws an Error with the usage on bad input. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { sizes: DEFAULT_SIZES, repeat: 3, heavyRepeat: 1, only: [...MEASUREMENT_IDS], seed: DEFAULT_SEED, noBuild: false, out: null, port: 4380, sectionTimeoutMinutes: null, largeRestore: false };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2) as [string, string | undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      i += 1;
      return argv[i];
    };
    switch (flag) {
      case '--sizes':
        options.sizes = (value() ?? '').split(',').map((part) => wholeNumber('sizes', part.replaceAll('_', ''), 1, 2_000_000));
        break;
      case '--repeat':
        options.repeat = wholeNumber('repeat', value(), 1, 50);
        break;
      case '--heavy-repeat':
        options.heavyRepeat = wholeNumber('heavy-repeat', value(), 1, 50);
        break;
      case '--only': {
        const ids = (value() ?? '').split(',').filter((id) => id.length > 0);
        const unknown = ids.filter((id) => !(MEASUREMENT_IDS as readonly string[]).includes(id));
        if (ids.length === 0 || unknown.length > 0) throw new Error(`--only: unknown measurement ${unknown.join(', ') || '(none)'}\n${USAGE}`);
        options.only = ids as MeasurementId[];
        break;
      }
      case '--seed':
        options.seed = wholeNumber('seed', value(), 0, 0xffff_ffff);
        break;
      case '--no-build':
        options.noBuild = true;
        break;
      case '--out':
        options.out = value() ?? null;
        break;
      case '--port':
        options.port = wholeNumber('port', value(), 1, 65535);
        break;
      case '--section-timeout':
        options.sectionTimeoutMinutes = wholeNumber('section-timeout', value(), 1, 24 * 60);
        break;
      case '--large-restore':
        options.largeRestore = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown argument ${flag}\n${USAGE}`);
    }
  }
  return options;
}
