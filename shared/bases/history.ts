/**
 * Per-base history (基地培训情况): rosters by year, trainees, pass rate, certificates issued and
 * 学时 delivered, from the accepted rows of the base's rosters. A year is the year of the
 * assessment date (培训结束日期), the date the annual reports also count by.
 */

/** What the history reads of a roster. */
export interface HistoryRoster {
  id: string;
  periodEnd: string;
  submittedAt: string;
}

/** What the history reads of an enrollment. */
export interface HistoryEnrollment {
  rosterId: string;
  talentId: string;
  decision: string;
  result: string;
  certificateNumber: string;
  hours: number | null;
  assessedOn: string;
}

/** One year (or the total) of a base's training. */
export interface BaseYearSummary {
  /** Calendar year; 0 in the total row. */
  year: number;
  rosters: number;
  /** Distinct people with an accepted row. */
  trainees: number;
  /** Accepted rows (a person trained twice counts twice). */
  enrollments: number;
  passed: number;
  /** passed / assessed (合格 + 不合格 + 缺考), 0 when nobody was assessed; a fraction 0–1. */
  passRate: number;
  certificates: number;
  /** 学时 delivered: the sum over accepted rows. */
  hours: number;
}

function yearOf(ymd: string): number {
  const year = Number(ymd.slice(0, 4));
  return Number.isInteger(year) && year > 1900 ? year : 0;
}

function emptyYear(year: number): BaseYearSummary {
  return { year, rosters: 0, trainees: 0, enrollments: 0, passed: 0, passRate: 0, certificates: 0, hours: 0 };
}

/** The history by year (newest first) and the total over all years. */
export function summarizeBaseHistory(rosters: readonly HistoryRoster[], enrollments: readonly HistoryEnrollment[]): { years: BaseYearSummary[]; total: BaseYearSummary } {
  const rosterYear = new Map(rosters.map((roster) => [roster.id, yearOf(roster.periodEnd) || yearOf(roster.submittedAt)]));
  const byYear = new Map<number, { summary: BaseYearSummary; people: Set<string>; assessed: number }>();
  const total = { summary: emptyYear(0), people: new Set<string>(), assessed: 0 };
  const bucket = (year: number) => {
    let entry = byYear.get(year);
    if (!entry) {
      entry = { summary: emptyYear(year), people: new Set(), assessed: 0 };
      byYear.set(year, entry);
    }
    return entry;
  };
  for (const roster of rosters) {
    bucket(rosterYear.get(roster.id) ?? 0).summary.rosters += 1;
    total.summary.rosters += 1;
  }
  for (const enrollment of enrollments) {
    if (enrollment.decision !== 'accepted') continue;
    const year = yearOf(enrollment.assessedOn) || (rosterYear.get(enrollment.rosterId) ?? 0);
    for (const entry of [bucket(year), total]) {
      entry.summary.enrollments += 1;
      if (enrollment.talentId) entry.people.add(enrollment.talentId);
      if (enrollment.result !== '') entry.assessed += 1;
      if (enrollment.result === 'passed') entry.summary.passed += 1;
      if (enrollment.result === 'passed' && enrollment.certificateNumber !== '') entry.summary.certificates += 1;
      entry.summary.hours += enrollment.hours ?? 0;
    }
  }
  const finish = (entry: { summary: BaseYearSummary; people: Set<string>; assessed: number }): BaseYearSummary => ({
    ...entry.summary,
    trainees: entry.people.size,
    passRate: entry.assessed === 0 ? 0 : entry.summary.passed / entry.assessed,
  });
  return { years: [...byYear.values()].map(finish).sort((a, b) => b.year - a.year), total: finish(total) };
}
