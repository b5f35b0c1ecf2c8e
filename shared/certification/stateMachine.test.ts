import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, isLegalTransition, nextStep, transition, type ApplicationStatus, type TransitionContext, type TransitionSubject } from './stateMachine';

/** The legal pairs, written out by hand from issue #8 (not derived from the table under test). */
const EXPECTED_LEGAL = [
  'draft>submitted',
  'submitted>unitApproved',
  'unitApproved>formalReview',
  'formalReview>returned',
  'returned>submitted',
  'formalReview>formalPassed',
  'formalPassed>underReview',
  'underReview>reviewPassed',
  'underReview>reviewFailed',
  'reviewPassed>publicity',
  'publicity>publicityClear',
  'publicity>publicityObjection',
  'publicityObjection>recheck',
  'recheck>publicity',
  'recheck>reviewFailed',
  'publicityClear>certified',
  'draft>withdrawn',
  'submitted>withdrawn',
  'unitApproved>withdrawn',
  'formalReview>withdrawn',
  'returned>withdrawn',
  'formalPassed>withdrawn',
].sort();

const period = { startsOn: '2026-03-02', endsOn: '2026-03-06' };

function subject(status: ApplicationStatus): TransitionSubject {
  return { status, unitPublicity: period, publicity: null };
}

function contextFor(): TransitionContext {
  return { operator: '张经办', at: '2026-03-10T01:00:00.000Z', note: '原因', publicity: period };
}

describe('transition table', () => {
  it('allows exactly the hand-written legal pairs among all 15 × 15', () => {
    const legal: string[] = [];
    for (const from of APPLICATION_STATUSES) for (const to of APPLICATION_STATUSES) if (isLegalTransition(from, to)) legal.push(`${from}>${to}`);
    expect(legal.sort()).toEqual(EXPECTED_LEGAL);
  });

  it('transition() accepts every legal pair and refuses every illegal one with a Chinese reason', () => {
    let checked = 0;
    for (const from of APPLICATION_STATUSES) {
      for (const to of APPLICATION_STATUSES) {
        const result = transition(subject(from), to, contextFor());
        const expectedLegal = EXPECTED_LEGAL.includes(`${from}>${to}`);
        expect(result.ok, `${from}>${to}`).toBe(expectedLegal);
        if (result.ok) {
          expect(result.value.application.status).toBe(to);
          expect(result.value.record).toEqual({ from, to, operator: '张经办', at: '2026-03-10T01:00:00.000Z', note: '原因' });
        } else {
          expect(result.error.code).toBe('TRANSITION_ILLEGAL');
          expect(result.error.message).toMatch(/^不能从“.+”变为“.+”/u);
        }
        checked += 1;
      }
    }
    expect(checked).toBe(225);
  });

  it('explains why withdrawal is refused once the committee review started', () => {
    const result = transition(subject('underReview'), 'withdrawn', contextFor());
    expect(!result.ok && result.error.message).toBe('不能从“评审中”变为“已撤回”：进入评审后不能撤回。');
    const final = transition(subject('certified'), 'publicity', contextFor());
    expect(!final.ok && final.error.message).toBe('不能从“已发证”变为“公示中”：“已发证”是最终状态。');
  });

  it('names the next step', () => {
    expect(nextStep('draft')).toBe('submitted');
    expect(nextStep('formalReview')).toBe('formalPassed');
    expect(nextStep('certified')).toBeUndefined();
  });
});

describe('guards', () => {
  it('needs a reason to return, withdraw, record an objection or fail after recheck', () => {
    const noNote = { ...contextFor(), note: '  ' };
    for (const [from, to] of [
      ['formalReview', 'returned'],
      ['submitted', 'withdrawn'],
      ['publicity', 'publicityObjection'],
      ['recheck', 'reviewFailed'],
    ] as const) {
      const result = transition(subject(from), to, noNote);
      expect(!result.ok && result.error.code).toBe('TRANSITION_NOTE_REQUIRED');
    }
    expect(transition(subject('draft'), 'submitted', noNote).ok).toBe(true);
  });

  it('needs the unit publicity dates for 单位审核通过 and stores them', () => {
    const bare = { status: 'submitted' as const, unitPublicity: null, publicity: null };
    const refused = transition(bare, 'unitApproved', contextFor());
    expect(!refused.ok && refused.error.code).toBe('UNIT_PUBLICITY_REQUIRED');
    const accepted = transition(bare, 'unitApproved', { ...contextFor(), unitPublicity: period });
    expect(accepted.ok && accepted.value.application.unitPublicity).toEqual(period);
  });

  it('refuses 形式审查通过 while eligibility rules are unmet', () => {
    const result = transition(subject('formalReview'), 'formalPassed', { ...contextFor(), unmetEligibility: ['任职年限'] });
    expect(!result.ok && result.error.code).toBe('ELIGIBILITY_NOT_MET');
    expect(!result.ok && result.error.message).toContain('任职年限');
  });

  it('needs 公示 dates to enter 公示中 and stores them', () => {
    const { publicity: _omit, ...noDates } = contextFor();
    const refused = transition(subject('reviewPassed'), 'publicity', noDates);
    expect(!refused.ok && refused.error.code).toBe('PUBLICITY_DATES_REQUIRED');
    const accepted = transition(subject('reviewPassed'), 'publicity', contextFor());
    expect(accepted.ok && accepted.value.application.publicity).toEqual(period);
  });
});
