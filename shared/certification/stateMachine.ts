/**
 * The 职称申报 workflow (issue #8, DOMAIN.md §2) as an explicit transition table. `transition`
 * is the only way a status changes: it refuses anything not in the table, and the guards that need
 * data (a note for a return, the 公示 dates) with a Chinese reason.
 */
import { err, ok, type Result } from '../result';

/** Every state of an application. */
export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'unitApproved'
  | 'formalReview'
  | 'returned'
  | 'formalPassed'
  | 'underReview'
  | 'reviewPassed'
  | 'reviewFailed'
  | 'publicity'
  | 'publicityClear'
  | 'publicityObjection'
  | 'recheck'
  | 'certified'
  | 'withdrawn';

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'draft',
  'submitted',
  'unitApproved',
  'formalReview',
  'returned',
  'formalPassed',
  'underReview',
  'reviewPassed',
  'reviewFailed',
  'publicity',
  'publicityClear',
  'publicityObjection',
  'recheck',
  'certified',
  'withdrawn',
];

export const applicationStatusLabels: Readonly<Record<ApplicationStatus, { zh: string; en: string }>> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  unitApproved: { zh: '单位审核通过', en: 'Approved by unit' },
  formalReview: { zh: '形式审查中', en: 'Formal review' },
  returned: { zh: '退回补正', en: 'Returned for correction' },
  formalPassed: { zh: '形式审查通过', en: 'Passed formal review' },
  underReview: { zh: '评审中', en: 'Under committee review' },
  reviewPassed: { zh: '评审通过', en: 'Passed review' },
  reviewFailed: { zh: '评审未通过', en: 'Failed review' },
  publicity: { zh: '公示中', en: 'In publicity' },
  publicityClear: { zh: '公示无异议', en: 'Publicity clear' },
  publicityObjection: { zh: '公示有异议', en: 'Objection raised' },
  recheck: { zh: '复核', en: 'Recheck' },
  certified: { zh: '已发证', en: 'Certificate issued' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** The states from which 已撤回 is allowed: everything before 评审中. */
export const WITHDRAWABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'submitted', 'unitApproved', 'formalReview', 'returned', 'formalPassed'];

/**
 * The transition table: from → the states it may go to. 退回补正 goes back to 已提交 on
 * resubmission; 复核 ends in 公示中 again or 评审未通过.
 */
export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['unitApproved', 'withdrawn'],
  unitApproved: ['formalReview', 'withdrawn'],
  formalReview: ['formalPassed', 'returned', 'withdrawn'],
  returned: ['submitted', 'withdrawn'],
  formalPassed: ['underReview', 'withdrawn'],
  underReview: ['reviewPassed', 'reviewFailed'],
  reviewPassed: ['publicity'],
  reviewFailed: [],
  publicity: ['publicityClear', 'publicityObjection'],
  publicityClear: ['certified'],
  publicityObjection: ['recheck'],
  recheck: ['publicity', 'reviewFailed'],
  certified: [],
  withdrawn: [],
};

/** Whether the table allows `from → to`. */
export function isLegalTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[from].includes(to);
}

/** Terminal states: nothing follows. */
export function isTerminalStatus(status: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[status].length === 0;
}

/** The usual next step (the first forward state), or undefined for a terminal state. */
export function nextStep(status: ApplicationStatus): ApplicationStatus | undefined {
  return APPLICATION_TRANSITIONS[status].find((to) => to !== 'withdrawn');
}

/** Transitions that must carry a note saying why. */
const NOTE_REQUIRED: ReadonlySet<string> = new Set(['formalReview>returned', 'publicity>publicityObjection', 'recheck>reviewFailed']);

/** What a transition needs besides the target state. */
export interface TransitionContext {
  /** Who does it (the operator). */
  operator: string;
  /** ISO time. */
  at: string;
  note: string;
  /** 单位内公示 dates, required to reach 单位审核通过 unless the application already has them. */
  unitPublicity?: { startsOn: string; endsOn: string };
  /** 评审结果公示 dates, required to reach 公示中. */
  publicity?: { startsOn: string; endsOn: string };
  /** Names of unmet eligibility rules; 形式审查通过 is refused while any is unmet. */
  unmetEligibility?: readonly string[];
}

/** The part of an application the state machine reads and writes. */
export interface TransitionSubject {
  status: ApplicationStatus;
  unitPublicity: { startsOn: string; endsOn: string } | null;
  publicity: { startsOn: string; endsOn: string } | null;
}

/** One recorded transition (who, when, from, to, note). */
export interface TransitionRecord {
  from: ApplicationStatus;
  to: ApplicationStatus;
  operator: string;
  at: string;
  note: string;
}

function refuse(code: string, message: string, messageEn: string): Result<never> {
  return err({ code, message, messageEn });
}

/**
 * Moves an application to `to`. Returns the updated subject and the record to store, or an error
 * value with the reason (`TRANSITION_ILLEGAL`, `TRANSITION_NOTE_REQUIRED`, …).
 */
export function transition<T extends TransitionSubject>(
  application: T,
  to: ApplicationStatus,
  context: TransitionContext,
): Result<{ application: T; record: TransitionRecord }> {
  const from = application.status;
  const fromLabel = applicationStatusLabels[from];
  const toLabel = applicationStatusLabels[to];
  if (!isLegalTransition(from, to)) {
    let reason = `不能从“${fromLabel.zh}”变为“${toLabel.zh}”`;
    let reasonEn = `Cannot go from "${fromLabel.en}" to "${toLabel.en}"`;
    if (to === 'withdrawn') {
      reason += '：进入评审后不能撤回。';
      reasonEn += ': an application cannot be withdrawn once the committee review has started.';
    } else if (isTerminalStatus(from)) {
      reason += `：“${fromLabel.zh}”是最终状态。`;
      reasonEn += `: "${fromLabel.en}" is final.`;
    } else {
      const allowed = APPLICATION_TRANSITIONS[from].map((status) => applicationStatusLabels[status].zh).join('、');
      reason += `，下一步只能是：${allowed}。`;
      reasonEn += '.';
    }
    return refuse('TRANSITION_ILLEGAL', reason, reasonEn);
  }
  const note = context.note.trim();
  if ((NOTE_REQUIRED.has(`${from}>${to}`) || to === 'withdrawn') && note === '') {
    return refuse('TRANSITION_NOTE_REQUIRED', `变为“${toLabel.zh}”须填写原因。`, `Moving to "${toLabel.en}" needs a reason.`);
  }
  if (context.operator.trim() === '') return refuse('TRANSITION_OPERATOR_REQUIRED', '缺少经办人。', 'The operator is missing.');
  let next: T = { ...application, status: to };
  if (to === 'unitApproved') {
    const unitPublicity = context.unitPublicity ?? application.unitPublicity;
    if (unitPublicity === null || unitPublicity.startsOn === '' || unitPublicity.endsOn === '') {
      return refuse('UNIT_PUBLICITY_REQUIRED', '单位审核通过须填写单位内公示起止日期。', 'Approval by the unit needs the unit publicity dates.');
    }
    if (unitPublicity.endsOn < unitPublicity.startsOn) {
      return refuse('UNIT_PUBLICITY_INVALID', '单位内公示结束日期早于开始日期。', 'The unit publicity ends before it starts.');
    }
    next = { ...next, unitPublicity };
  }
  if (to === 'formalPassed' && context.unmetEligibility !== undefined && context.unmetEligibility.length > 0) {
    return refuse('ELIGIBILITY_NOT_MET', `资格条件不符合：${context.unmetEligibility.join('；')}。请退回补正。`, 'Eligibility rules are not met; return the application for correction.');
  }
  if (to === 'publicity') {
    if (context.publicity === undefined) return refuse('PUBLICITY_DATES_REQUIRED', '进入公示须给出公示起止日期。', 'Publicity needs its start and end dates.');
    next = { ...next, publicity: context.publicity };
  }
  return ok({ application: next, record: { from, to, operator: context.operator.trim(), at: context.at, note } });
}
