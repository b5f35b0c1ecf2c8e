import { describe, expect, it } from 'vitest';
import { chinaYm, chinaYmd, instantOfChinaTime } from './chinaTime';
import { planRetention, type RetentionCandidate } from './retention';

/** ISO timestamp of a Shanghai wall-clock time. */
function shanghai(year: number, month: number, day: number, hour = 0, minute = 0): string {
  return new Date(instantOfChinaTime(year, month, day, hour, minute)).toISOString();
}

function backup(createdAt: string, reason = 'daily', hadChanges?: boolean): RetentionCandidate {
  return { name: `${createdAt}-${reason}`, createdAt, reason, ...(hadChanges === undefined ? {} : { hadChanges }) };
}

describe('planRetention over 400 simulated days', () => {
  // Day 0 is 2025-10-23 and day 399 is 2026-11-26 (Shanghai). Every day has backups at 09:00,
  // 13:00 and 18:00; days with index % 7 === 3 had no changes at all; on days with index % 5 === 1
  // only the 09:00 backup has changes; days with index % 45 === 10 also have a preRestore backup at 10:00.
  const DAY_MS = 24 * 60 * 60 * 1000;
  const firstDay = instantOfChinaTime(2025, 10, 23);

  function backupsOfDay(index: number): RetentionCandidate[] {
    const dayStart = firstDay + index * DAY_MS;
    const at = (hour: number) => new Date(dayStart + hour * 60 * 60 * 1000).toISOString();
    const quiet = index % 7 === 3;
    const morningOnly = index % 5 === 1;
    const list = [backup(at(9), 'daily', !quiet), backup(at(13), 'preImport', !quiet && !morningOnly), backup(at(18), 'daily', !quiet && !morningOnly)];
    if (index % 45 === 10) list.push(backup(at(10), 'preRestore', !quiet));
    return list;
  }

  function simulate() {
    let folder: RetentionCandidate[] = [];
    const everything: RetentionCandidate[] = [];
    for (let index = 0; index < 400; index++) {
      const made = backupsOfDay(index);
      folder.push(...made);
      everything.push(...made);
      const now = new Date(firstDay + index * DAY_MS + 20 * 60 * 60 * 1000).toISOString();
      const plan = planRetention(folder, now);
      checkPromises(plan.keep, everything, now, index);
      folder = folder.filter((entry) => plan.keep.includes(entry.name));
    }
    return { folder, everything };
  }

  /** What issue #6 promises, checked against every backup ever made (not just the ones still there). */
  function checkPromises(kept: readonly string[], everything: readonly RetentionCandidate[], now: string, index: number): void {
    const keptSet = new Set(kept);
    const nowMs = Date.parse(now);
    const today = chinaYmd(nowMs);
    const byDay = new Map<string, RetentionCandidate[]>();
    const byMonth = new Map<string, RetentionCandidate[]>();
    for (const entry of everything) {
      const ms = Date.parse(entry.createdAt);
      byDay.set(chinaYmd(ms), [...(byDay.get(chinaYmd(ms)) ?? []), entry]);
      byMonth.set(chinaYm(ms), [...(byMonth.get(chinaYm(ms)) ?? []), entry]);
      const ageDays = Math.round((Date.parse(`${today}T00:00:00+08:00`) - Date.parse(`${chinaYmd(ms)}T00:00:00+08:00`)) / DAY_MS);
      if (chinaYmd(ms) === today) expect(keptSet.has(entry.name), `day ${index}: today's ${entry.name}`).toBe(true);
      if (entry.reason === 'preRestore' && ageDays < 30) expect(keptSet.has(entry.name), `day ${index}: preRestore ${entry.name}`).toBe(true);
    }
    for (const [day, entries] of byDay) {
      const ageDays = Math.round((Date.parse(`${today}T00:00:00+08:00`) - Date.parse(`${day}T00:00:00+08:00`)) / DAY_MS);
      if (ageDays >= 30) continue;
      expect(entries.some((entry) => keptSet.has(entry.name)), `day ${index}: one of ${day}`).toBe(true);
      const changed = entries.filter((entry) => entry.hadChanges !== false);
      if (changed.length > 0) expect(changed.some((entry) => keptSet.has(entry.name)), `day ${index}: a changed backup of ${day}`).toBe(true);
    }
    const thisMonth = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
    for (const [month, entries] of byMonth) {
      const monthNumber = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
      if (thisMonth - monthNumber >= 12) continue;
      expect(entries.some((entry) => keptSet.has(entry.name)), `day ${index}: one of ${month}`).toBe(true);
    }
  }

  it('keeps what it promises every day, and ends with the counts worked out by hand', () => {
    const { folder, everything } = simulate();
    expect(everything).toHaveLength(400 * 3 + 9); // preRestore on days 10, 55, …, 370
    // On 2026-11-26 at 20:00: today's 3 + one for each of 2026-10-28 … 11-25 (29) + the preRestore
    // of 2026-10-28 (day 370, 29 days old) + one for each month 2025-12 … 2026-09 (10; October and
    // November are covered by the daily ones) = 43.
    expect(folder).toHaveLength(43);
    const plan = planRetention(folder, shanghai(2026, 11, 26, 20));
    const count = (rule: string) => Object.values(plan.rules).filter((entry) => entry.rule === rule).length;
    expect([count('newest') + count('today'), count('daily'), count('preRestore'), count('monthly')]).toEqual([3, 29, 1, 10]);
    expect(
      Object.values(plan.rules)
        .filter((entry) => entry.rule === 'monthly')
        .map((entry) => ('period' in entry ? entry.period : '')),
    ).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    // Pruning day by day keeps exactly what one plan over all 400 days keeps: nothing needed later was deleted early.
    const once = planRetention(everything, shanghai(2026, 11, 26, 20));
    expect([...once.keep].sort()).toEqual(folder.map((entry) => entry.name).sort());
  });

  it('keeps the backup with changes when a later one of the same day had none', () => {
    // Day 396 (2026-11-23) is a "morning only" day: 09:00 has changes, 13:00 and 18:00 not.
    const { folder } = simulate();
    const kept = folder.filter((entry) => chinaYmd(Date.parse(entry.createdAt)) === '2026-11-23');
    expect(kept.map((entry) => entry.createdAt)).toEqual([shanghai(2026, 11, 23, 9)]);
  });
});

describe('planRetention edge cases', () => {
  const now = shanghai(2026, 3, 1, 0, 30); // 2026-02-28T16:30Z: still February in UTC

  it('returns an empty plan for no backups', () => {
    expect(planRetention([], now)).toEqual({ keep: [], prune: [], why: {}, rules: {} });
  });

  it('uses the Shanghai day, not the UTC day', () => {
    const list = [backup(shanghai(2026, 3, 1, 0, 10)), backup(shanghai(2026, 2, 28, 23, 50)), backup(shanghai(2026, 2, 28, 10))];
    const plan = planRetention(list, now);
    expect(plan.keep).toEqual([list[0]!.name, list[1]!.name]);
    expect(plan.rules[list[0]!.name]).toEqual({ rule: 'newest' });
    expect(plan.rules[list[1]!.name]).toEqual({ rule: 'daily', period: '2026-02-28' });
    expect(plan.why[list[1]!.name]).toBe('2026-02-28 当天保留的一份');
    expect(plan.prune).toEqual([list[2]!.name]);
    expect(plan.why[list[2]!.name]).toBe('2026-02-28 的备份已超出保留范围');
  });

  it('keeps the newest of each month at the month boundary', () => {
    // 2026-01-31 is 29 days before 2026-03-01 (February has 28): still daily. 2026-01-20 is 40 days
    // back: outside the daily window, inside the monthly one.
    const list = [backup(shanghai(2026, 1, 20, 23, 59)), backup(shanghai(2026, 1, 20, 8)), backup(shanghai(2026, 2, 1, 0, 1)), backup(shanghai(2025, 12, 31, 23)), backup(shanghai(2026, 1, 31, 7))];
    const plan = planRetention([...list, backup(shanghai(2026, 3, 1, 0, 5))], now);
    expect(plan.rules[list[4]!.name]).toEqual({ rule: 'daily', period: '2026-01-31' });
    // January's newest (the 31st) is kept daily, so nothing else of January is needed.
    expect(plan.rules[list[0]!.name]).toEqual({ rule: 'expired', period: '2026-01-20' });
    const withoutThe31st = planRetention([...list.slice(0, 4), backup(shanghai(2026, 3, 1, 0, 5))], now);
    expect(withoutThe31st.rules[list[0]!.name]).toEqual({ rule: 'monthly', period: '2026-01' });
    expect(withoutThe31st.rules[list[1]!.name]).toEqual({ rule: 'expired', period: '2026-01-20' });
    expect(plan.rules[list[2]!.name]).toEqual({ rule: 'daily', period: '2026-02-01' });
    expect(plan.rules[list[3]!.name]).toEqual({ rule: 'monthly', period: '2025-12' });
  });

  it('drops months older than twelve', () => {
    const list = [backup(shanghai(2025, 4, 30, 18)), backup(shanghai(2025, 3, 31, 18)), backup(shanghai(2026, 3, 1, 0, 5))];
    const plan = planRetention(list, now);
    expect(plan.rules[list[0]!.name]).toEqual({ rule: 'monthly', period: '2025-04' });
    expect(plan.prune).toEqual([list[1]!.name]);
  });

  it('keeps future-dated and unreadable backups (clock skew is not guessed at)', () => {
    const list = [backup(shanghai(2026, 3, 5)), { name: 'odd', createdAt: 'yesterday', reason: 'daily' }, backup(shanghai(2025, 1, 1))];
    const plan = planRetention([...list, backup(shanghai(2026, 3, 1, 0, 5))], now);
    expect(plan.rules.odd).toEqual({ rule: 'unreadable' });
    expect(plan.rules[list[0]!.name]).toEqual({ rule: 'future' });
    expect(plan.why[list[0]!.name]).toBe('备份时间晚于当前时间（可能是时钟偏差），保留');
    expect(plan.prune).toEqual([list[2]!.name]);
  });

  it('never empties the folder when the clock jumps years ahead', () => {
    const list = [backup(shanghai(2026, 2, 27, 18)), backup(shanghai(2026, 2, 28, 18))];
    const plan = planRetention(list, shanghai(2031, 6, 1));
    expect(plan.keep).toEqual([list[1]!.name]);
    expect(plan.rules[list[1]!.name]).toEqual({ rule: 'newest' });
  });

  it('keeps preRestore backups for 30 days, counting today', () => {
    const young = backup(shanghai(2026, 1, 31, 10), 'preRestore'); // 29 days before 2026-03-01
    const old = backup(shanghai(2026, 1, 30, 10), 'preRestore'); // 30 days before
    const plan = planRetention([young, old, backup(shanghai(2026, 1, 31, 20)), backup(shanghai(2026, 1, 30, 20)), backup(shanghai(2026, 3, 1, 0, 5))], now);
    expect(plan.rules[young.name]).toEqual({ rule: 'preRestore', period: '2026-01-31' });
    expect(plan.rules[old.name]).toEqual({ rule: 'expired', period: '2026-01-30' });
  });

  it('rejects a malformed now (a caller bug)', () => {
    expect(() => planRetention([], 'now')).toThrow(TypeError);
  });
});
