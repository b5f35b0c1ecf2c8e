/**
 * B's bench path: a 30,000-row roster (default) received against the stored registry through the
 * app's real code — the 花名册 page's `readRosterFileInWorker` + `applyRosterContext` (read the submission file, verify its hash, field checks,
 * roster rules, matching by document) and `commitRosterReceipt` (one transaction: roster,
 * enrollments, new talents, derived skill levels, audit). Most rows are people already in the
 * registry (as when a base trains the city's existing talent); a fifth are new. Building the file
 * is set-up and reported apart.
 */
import { citizenIdCheckChar } from '../../shared/identity';
import { rosterFields } from '../../shared/roster/rosterFields';
import { writeSubmissionFile } from '../../shared/roster/submissionFile';
import { saveBase, getBaseByCode } from '../data/bases';
import { yieldToPage } from '../data/pageSlices';
import { applyRosterContext, commitRosterReceipt, findProgramme } from '../data/rosters';
import { readRosterFileInWorker } from '../features/rosters/rosterFileClient';
import { getDatabase, type TalentLedgerDB } from '../db';
import type { AdapterInput } from './api';

const BENCH_BASE_CODE = 'BENCH-BASE';
const FIELD_INDEX = new Map(rosterFields.map((field, index) => [field.key, index]));

function cellsOf(values: Partial<Record<string, string>>): string[] {
  const cells = rosterFields.map(() => '');
  for (const [key, value] of Object.entries(values)) {
    const index = FIELD_INDEX.get(key as never);
    if (index !== undefined && value !== undefined) cells[index] = value;
  }
  return cells;
}

async function benchBaseId(db: TalentLedgerDB): Promise<string> {
  const existing = await getBaseByCode(BENCH_BASE_CODE, db);
  if (existing) return existing.id;
  const created = await saveBase(
    {
      code: BENCH_BASE_CODE,
      name: '基准测试实训基地',
      type: 'enterprise',
      creditCode: '',
      district: '310115',
      address: '',
      contact: '',
      phone: '',
      accreditedOn: '2020-01-01',
      validUntil: '2030-12-31',
      status: 'active',
      annualPlan: 50_000,
      programmes: [{ id: 'bench-p4', occupation: '人工智能训练师', workType: '数据标注员', level: 4, plannedHours: 120 }],
    },
    { db },
  );
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

/** A submission file of `rows` trainees: 80 % taken from the stored registry, 20 % new people. */
export async function buildBenchRoster(rows: number, seed: number, db: TalentLedgerDB = getDatabase()): Promise<{ bytes: Uint8Array; batchKey: string; fromRegistry: number }> {
  const fromRegistry = await db.talents.where('[idType+idNumber]').between(['resident', ''], ['resident', '\uffff']).limit(Math.floor(rows * 0.8)).toArray();
  const cells: string[][] = [];
  const outcome = (index: number) => (index % 10 < 7 ? '合格' : index % 10 < 9 ? '不合格' : '缺考');
  const training = (index: number) => {
    const result = outcome(index);
    return {
      occupation: '人工智能训练师',
      level: '四级/中级工',
      trainingStartDate: '2026-03-02',
      trainingEndDate: '2026-04-30',
      hours: '120',
      attendance: '96',
      assessmentResult: result,
      theoryScore: '82',
      practicalScore: '86',
      certificateNumber: result === '合格' ? `Y000031000001264${String(index % 1_000_000).padStart(6, '0')}` : '',
    };
  };
  fromRegistry.forEach((talent, index) => cells.push(cellsOf({ name: talent.name, idNumber: talent.idNumber, ...training(index) })));
  for (let index = fromRegistry.length; index < rows; index += 1) {
    // Born 1980-01-01 plus `index` days' worth of sequence space: area 310104, a distinct body per row.
    const day = (index + seed) % 28;
    const month = Math.floor((index + seed) / 28) % 12;
    const sequence = Math.floor((index + seed) / 336) % 1000;
    const body = `310104${1985 + (Math.floor((index + seed) / 336_000) % 15)}${String(month + 1).padStart(2, '0')}${String(day + 1).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
    cells.push(cellsOf({ name: `学员${index}`, idNumber: `${body}${citizenIdCheckChar(body)}`, ...training(index) }));
  }
  const batchKey = `bench-${seed}-${Date.now()}`;
  const { bytes } = await writeSubmissionFile({
    meta: { baseCode: BENCH_BASE_CODE, baseName: '基准测试实训基地', occupation: '人工智能训练师', workType: '数据标注员', level: 4, batchKey, periodStart: '2026-03-02', periodEnd: '2026-04-30', appVersion: 'bench', exportedAt: new Date().toISOString() },
    rows: cells,
  });
  return { bytes, batchKey, fromRegistry: fromRegistry.length };
}

/** What one run reports. */
export interface RosterImportRun {
  rows: number;
  fromRegistry: number;
  valid: number;
  accepted: number;
  created: number;
  skillLevelsChanged: number;
  /** Building the file (untimed set-up). */
  setupMs: number;
  /** Read, hash check, field checks, rules and matching. */
  checkMs: number;
  /** The one-transaction receipt. */
  commitMs: number;
  /** checkMs + commitMs. */
  ms: number;
  /** performance.now() when the timed part began (the bench charges only later long tasks to the app). */
  timedFrom: number;
}

/**
 * Receives a roster of `input.rows` (default 30,000) rows against the stored registry through
 * the app's own receipt path and returns the counts and the split of its time.
 */
export async function rosterImportAgainstRegistry(
  input: AdapterInput,
  db: TalentLedgerDB = getDatabase(),
  // Node tests have no Worker: they pass the same reader run in place.
  readFile: typeof readRosterFileInWorker = readRosterFileInWorker,
): Promise<RosterImportRun> {
  const rows = input.rows ?? 30_000;
  const setupStart = performance.now();
  await benchBaseId(db);
  const file = await buildBenchRoster(rows, input.seed, db);
  const setupMs = performance.now() - setupStart;
  // A clerk receives a file some time after it was made: the set-up's last task must not run on into the timed part.
  await yieldToPage();
  const checkStart = performance.now();
  // The 花名册 page's path: read and field-check in the roster-file worker, then match against the registry.
  const parsed = await readFile(file.bytes, 'bench-roster.xlsx', '2026-05-10');
  if (!parsed.ok) throw new Error(`roster read: ${parsed.error.code} ${parsed.error.message}`);
  const meta = parsed.value.submission?.meta;
  const base = meta ? await db.trainingBases.where('code').equals(meta.baseCode).first() : undefined;
  const programme = base ? findProgramme(base, meta) : undefined;
  const receipt = await applyRosterContext(db, parsed.value, { baseId: base?.id ?? '', programmeId: programme?.id ?? '', batchKey: meta?.batchKey ?? '' });
  if (!receipt.ok) throw new Error(`roster check: ${receipt.error.code} ${receipt.error.message}`);
  const checkMs = performance.now() - checkStart;
  const resolutions = new Map(receipt.value.rows.filter((row) => row.match?.kind === 'conflict').map((row) => [row.row, 'keepRegistry' as const]));
  const commitStart = performance.now();
  const committed = await commitRosterReceipt(db, receipt.value, { side: 'bureau', resolutions, operator: 'bench' });
  if (!committed.ok) throw new Error(`roster commit: ${committed.error.code} ${committed.error.message}`);
  const commitMs = performance.now() - commitStart;
  return {
    rows,
    fromRegistry: file.fromRegistry,
    valid: receipt.value.counts.valid,
    accepted: committed.value.accepted,
    created: committed.value.created,
    skillLevelsChanged: committed.value.skillLevelsChanged,
    setupMs,
    checkMs,
    commitMs,
    ms: checkMs + commitMs,
    timedFrom: checkStart,
  };
}
