/**
 * Bases and training in the annual report: 培训基地 by type and status on 31 December, and the
 * trainees assessed in the year (人次), passed, pass rate and 学时.
 */
import { BASE_STATUS_LABELS, BASE_TYPE_LABELS, effectiveBaseStatus, type BaseStatus, type BaseType, type TrainingBaseData } from '../bases/trainingBase';
import { isValidYmd } from '../dates/ymd';
import type { AssessmentResult } from '../roster/rosterFields';
import type { BreakdownRow } from './headcount';

/** The base fields the report reads. */
export type ReportBase = Pick<TrainingBaseData, 'type' | 'status' | 'accreditedOn' | 'validUntil'>;

/** The enrollment fields the report reads (one trainee on one accepted roster row). */
export interface ReportEnrollment {
  decision: 'accepted' | 'rejected' | 'pending';
  result: AssessmentResult | '';
  /** 考核日期 `YYYY-MM-DD`. */
  assessedOn: string;
  hours: number | null;
}

export interface TrainingFigures {
  /** Bases accredited on or before the year-end, by type. */
  basesByType: BreakdownRow[];
  /** The same bases by their status on the year-end (已到期 follows from 有效期至). */
  basesByStatus: BreakdownRow[];
  basesTotal: number;
  /** Bases 有效 on the year-end (the figure against the ~20 target). */
  basesActive: number;
  /** Accepted roster rows assessed in the year (人次). */
  trainees: number;
  passed: number;
  failed: number;
  absent: number;
  /** passed ÷ (passed + failed + absent); null when nobody was assessed. */
  passRate: number | null;
  /** Sum of 学时 of the year's trainees (人次 × 学时). */
  hours: number;
}

const TYPE_ORDER: readonly BaseType[] = ['university', 'institute', 'enterprise', 'other'];
const STATUS_ORDER: readonly BaseStatus[] = ['active', 'expired', 'suspended', 'revoked'];

/** Base and training figures of `year` (year-end `YYYY-12-31`). */
export function computeTrainingFigures(bases: Iterable<ReportBase>, enrollments: Iterable<ReportEnrollment>, year: number): TrainingFigures {
  const asOf = `${year}-12-31`;
  const byType = new Map<BaseType, number>();
  const byStatus = new Map<BaseStatus, number>();
  let basesTotal = 0;
  for (const base of bases) {
    if (isValidYmd(base.accreditedOn) && base.accreditedOn > asOf) continue;
    basesTotal += 1;
    byType.set(base.type, (byType.get(base.type) ?? 0) + 1);
    const status = effectiveBaseStatus(base, asOf);
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }
  const from = `${year}-01-01`;
  let trainees = 0;
  let passed = 0;
  let failed = 0;
  let absent = 0;
  let hours = 0;
  for (const enrollment of enrollments) {
    if (enrollment.decision !== 'accepted' || !isValidYmd(enrollment.assessedOn) || enrollment.assessedOn < from || enrollment.assessedOn > asOf) continue;
    trainees += 1;
    if (enrollment.result === 'passed') passed += 1;
    else if (enrollment.result === 'failed') failed += 1;
    else if (enrollment.result === 'absent') absent += 1;
    hours += enrollment.hours ?? 0;
  }
  const assessed = passed + failed + absent;
  return {
    basesByType: TYPE_ORDER.map((type) => ({ code: type, ...BASE_TYPE_LABELS[type], count: byType.get(type) ?? 0 })),
    basesByStatus: STATUS_ORDER.map((status) => ({ code: status, ...BASE_STATUS_LABELS[status], count: byStatus.get(status) ?? 0 })),
    basesTotal,
    basesActive: byStatus.get('active') ?? 0,
    trainees,
    passed,
    failed,
    absent,
    passRate: assessed === 0 ? null : passed / assessed,
    hours,
  };
}
