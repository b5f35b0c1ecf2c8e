/**
 * Which automatic backups to keep. Days and months are Shanghai calendar days and months (UTC+08:00,
 * see chinaTime.ts), so "today" is the clerk's today whatever the machine's time zone.
 *
 * Kept (each backup is kept for the first rule that applies, and `why` says which):
 * 1. Backups whose time cannot be read, and backups dated after `now` (clock skew) — never guessed at.
 * 2. The newest backup of all — a clock that jumped years ahead must not empty the folder.
 * 3. Every backup of today.
 * 4. `preRestore` backups of the last 30 days (today and the 29 days before): they undo a restore.
 * 5. One per day for each of the 29 days before today.
 * 6. One per month for each of the 12 months ending with the current month.
 * Everything else is pruned.
 *
 * "One per day / month" is the newest backup of that period that had changes (`hadChanges` not
 * false), or the newest of the period when none had. A backup without changes holds the same data as
 * the one before it, so it never takes the place of the only backup carrying a day's changes: within
 * the daily window, every day that had changes keeps at least one backup that has them.
 */
import { chinaDayNumber, chinaMonthNumber, chinaYm, chinaYmd, instantOf } from './chinaTime';

/** One backup file as the retention rule sees it. */
export interface RetentionCandidate {
  /** File name; the identity used in the plan. */
  name: string;
  /** ISO timestamp (e.g. from {@link parseBackupFileName} or the manifest). */
  createdAt: string;
  /** Why it was made (`daily`, `preRestore`, …). */
  reason: string;
  /** False when the database had not changed since the previous backup; unknown counts as changed. */
  hadChanges?: boolean;
}

/** How long each tier lasts. The defaults are issue #6's promise; tests may shorten them. */
export interface RetentionPolicy {
  /** Days with one kept backup each, counting today (default 30). */
  dailyDays: number;
  /** Months with one kept backup each, counting the current month (default 12). */
  monthlyMonths: number;
  /** Days for which every `preRestore` backup is kept, counting today (default 30). */
  preRestoreDays: number;
}

export const DEFAULT_RETENTION_POLICY: Readonly<RetentionPolicy> = { dailyDays: 30, monthlyMonths: 12, preRestoreDays: 30 };

/** Which rule kept (or did not keep) a backup; `period` is the day (`YYYY-MM-DD`) or month (`YYYY-MM`) concerned. */
export type RetentionRule =
  | { rule: 'unreadable' }
  | { rule: 'future' }
  | { rule: 'newest' }
  | { rule: 'today'; period: string }
  | { rule: 'preRestore'; period: string }
  | { rule: 'daily'; period: string }
  | { rule: 'monthly'; period: string }
  | { rule: 'expired'; period: string };

export interface RetentionPlan {
  /** Names to keep, in input order. */
  keep: string[];
  /** Names to delete, in input order. */
  prune: string[];
  /** Per name, the reason in Chinese (for the log and the backup list). */
  why: Record<string, string>;
  /** Per name, the rule as data (for the English UI and tests). */
  rules: Record<string, RetentionRule>;
}

/** The Chinese explanation of a rule. */
export function describeRetentionRule(rule: RetentionRule): string {
  switch (rule.rule) {
    case 'unreadable':
      return '无法识别备份时间，保留';
    case 'future':
      return '备份时间晚于当前时间（可能是时钟偏差），保留';
    case 'newest':
      return '最新的一份备份，始终保留';
    case 'today':
      return `今天（${rule.period}）的备份，全部保留`;
    case 'preRestore':
      return `${rule.period} 的恢复前备份，30 天内保留（用于撤销恢复）`;
    case 'daily':
      return `${rule.period} 当天保留的一份`;
    case 'monthly':
      return `${rule.period} 月保留的一份`;
    case 'expired':
      return `${rule.period} 的备份已超出保留范围`;
  }
}

interface Dated {
  candidate: RetentionCandidate;
  ms: number;
  day: number;
  month: number;
  index: number;
}

/** The representative of a period: newest with changes, else newest. Ties go to the later entry in the input. */
function representative(group: readonly Dated[]): Dated {
  let best: Dated | undefined;
  let bestChanged: Dated | undefined;
  for (const entry of group) {
    if (!best || entry.ms > best.ms || (entry.ms === best.ms && entry.index > best.index)) best = entry;
    if (entry.candidate.hadChanges !== false && (!bestChanged || entry.ms > bestChanged.ms || (entry.ms === bestChanged.ms && entry.index > bestChanged.index))) {
      bestChanged = entry;
    }
  }
  return (bestChanged ?? best)!;
}

function groupBy(entries: readonly Dated[], key: (entry: Dated) => number): Map<number, Dated[]> {
  const groups = new Map<number, Dated[]>();
  for (const entry of entries) {
    const k = key(entry);
    const group = groups.get(k);
    if (group) group.push(entry);
    else groups.set(k, [entry]);
  }
  return groups;
}

/**
 * Decides which backups to keep at `now` (ISO timestamp, read by the caller). Pure: the same list
 * and time give the same plan, and a plan applied today leaves everything tomorrow's plan needs.
 * Names must be unique. Throws when `now` is not an ISO timestamp (a bug).
 */
export function planRetention(backups: readonly RetentionCandidate[], now: string, policy: RetentionPolicy = DEFAULT_RETENTION_POLICY): RetentionPlan {
  const nowMs = instantOf(now);
  if (nowMs === undefined) throw new TypeError(`planRetention: now is not an ISO timestamp: ${now}`);
  const today = chinaDayNumber(nowMs);
  const thisMonth = chinaMonthNumber(nowMs);

  const rules = new Map<string, RetentionRule>();
  const dated: Dated[] = [];
  backups.forEach((candidate, index) => {
    const ms = instantOf(candidate.createdAt);
    if (ms === undefined) rules.set(candidate.name, { rule: 'unreadable' });
    else if (ms > nowMs) rules.set(candidate.name, { rule: 'future' });
    else dated.push({ candidate, ms, day: chinaDayNumber(ms), month: chinaMonthNumber(ms), index });
  });

  const keepOnce = (entry: Dated, rule: RetentionRule): void => {
    if (!rules.has(entry.candidate.name)) rules.set(entry.candidate.name, rule);
  };

  if (dated.length > 0) {
    keepOnce(dated.reduce((newest, entry) => (entry.ms > newest.ms || (entry.ms === newest.ms && entry.index > newest.index) ? entry : newest)), { rule: 'newest' });
  }
  for (const entry of dated) {
    const age = today - entry.day;
    if (age === 0) keepOnce(entry, { rule: 'today', period: chinaYmd(entry.ms) });
    else if (entry.candidate.reason === 'preRestore' && age < policy.preRestoreDays) keepOnce(entry, { rule: 'preRestore', period: chinaYmd(entry.ms) });
  }
  for (const [day, group] of groupBy(dated, (entry) => entry.day)) {
    const age = today - day;
    if (age >= 1 && age < policy.dailyDays) {
      const chosen = representative(group);
      keepOnce(chosen, { rule: 'daily', period: chinaYmd(chosen.ms) });
    }
  }
  for (const [month, group] of groupBy(dated, (entry) => entry.month)) {
    if (thisMonth - month < policy.monthlyMonths) {
      const chosen = representative(group);
      keepOnce(chosen, { rule: 'monthly', period: chinaYm(chosen.ms) });
    }
  }

  const plan: RetentionPlan = { keep: [], prune: [], why: {}, rules: {} };
  const datedByName = new Map(dated.map((entry) => [entry.candidate.name, entry]));
  for (const { name } of backups) {
    let rule = rules.get(name);
    if (rule) {
      plan.keep.push(name);
    } else {
      rule = { rule: 'expired', period: chinaYmd(datedByName.get(name)!.ms) };
      plan.prune.push(name);
    }
    plan.rules[name] = rule;
    plan.why[name] = describeRetentionRule(rule);
  }
  return plan;
}
