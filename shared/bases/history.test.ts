import { describe, expect, it } from 'vitest';
import { summarizeBaseHistory, type HistoryEnrollment } from './history';

function row(overrides: Partial<HistoryEnrollment>): HistoryEnrollment {
  return { rosterId: 'r1', talentId: 't1', decision: 'accepted', result: 'passed', certificateNumber: 'Y000031000001254000001', hours: 120, assessedOn: '2025-04-30', ...overrides };
}

describe('summarizeBaseHistory', () => {
  it('counts by assessment year: trainees, pass rate, certificates, hours', () => {
    const rosters = [
      { id: 'r1', periodEnd: '2025-04-30', submittedAt: '2025-05-02T00:00:00Z' },
      { id: 'r2', periodEnd: '2026-03-31', submittedAt: '2026-04-01T00:00:00Z' },
    ];
    const enrollments = [
      row({ talentId: 't1' }),
      row({ talentId: 't2', result: 'failed', certificateNumber: '', hours: 100 }),
      row({ talentId: 't3', result: 'absent', certificateNumber: '', hours: 0 }),
      row({ talentId: 't4', decision: 'rejected' }),
      row({ rosterId: 'r2', talentId: 't1', assessedOn: '2026-03-31', hours: 160, certificateNumber: 'Y000031000001263000001' }),
      row({ rosterId: 'r2', talentId: 't5', assessedOn: '2026-03-31', hours: 150, certificateNumber: '' }),
    ];
    const { years, total } = summarizeBaseHistory(rosters, enrollments);
    // 2026: 2 passed of 2 assessed; one certificate; 160 + 150 = 310 hours.
    expect(years[0]).toEqual({ year: 2026, rosters: 1, trainees: 2, enrollments: 2, passed: 2, passRate: 1, certificates: 1, hours: 310 });
    // 2025: 1 passed of 3 assessed (t4 rejected is not counted); 120 + 100 + 0 hours.
    expect(years[1]).toEqual({ year: 2025, rosters: 1, trainees: 3, enrollments: 3, passed: 1, passRate: 1 / 3, certificates: 1, hours: 220 });
    // Total: t1 counted once as a person; 3 passed of 5 assessed.
    expect(total).toEqual({ year: 0, rosters: 2, trainees: 4, enrollments: 5, passed: 3, passRate: 3 / 5, certificates: 2, hours: 530 });
  });
});
