/**
 * 花名册 (one submission of one class at one base) and 学员记录 (its rows), as the domain sees them.
 * The stored records (renderer/db/types.ts) extend these with id and timestamps.
 */
import type { ProgrammeLevel } from '../bases/trainingBase';
import type { AssessmentResult } from './rosterFields';

/** 状态: 待审核 / 已接收 / 部分接收 / 已退回. */
export type RosterStatus = 'pending' | 'accepted' | 'partial' | 'returned';

/** Status labels. */
export const ROSTER_STATUS_LABELS: Readonly<Record<RosterStatus, { zh: string; en: string }>> = {
  pending: { zh: '待审核', en: 'Pending' },
  accepted: { zh: '已接收', en: 'Accepted' },
  partial: { zh: '部分接收', en: 'Partly accepted' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** Row counts of a roster. */
export interface RosterCounts {
  total: number;
  accepted: number;
  rejected: number;
}

/** One roster: base, programme, 批次/期次, training period, source file and its review. */
export interface RosterData {
  /** How the roster reads in lists: `<基地> <批次> <职业>`. */
  name: string;
  baseId: string;
  /** 基地编号 at the time (kept for files and messages). */
  baseCode: string;
  baseName: string;
  /** Programme of the base ('' when the file named none). */
  programmeId: string;
  occupation: string;
  workType: string;
  level: ProgrammeLevel;
  /** 批次/期次, e.g. `2026-01`; a resubmission carries the same key. */
  batchKey: string;
  /** Training period `YYYY-MM-DD`. */
  periodStart: string;
  periodEnd: string;
  /** ISO time the (latest) submission was received or prepared. */
  submittedAt: string;
  sourceFileName: string;
  sourceSha256: string;
  counts: RosterCounts;
  status: RosterStatus;
  /** Reason given when returned (已退回). */
  returnReason: string;
  operator: string;
  /** Header texts of the submitted sheet (for the error workbook). */
  headers: string[];
  /** How many submissions (1 = first, 2 = first resubmission …). */
  submissions: number;
}

/** Whether a row was accepted into the ledger or rejected back to the base. */
export type EnrollmentDecision = 'accepted' | 'rejected' | 'pending';

/** One trainee on one roster. */
export interface EnrollmentData {
  rosterId: string;
  /** '' for a rejected row whose person could not be identified. */
  talentId: string;
  baseId: string;
  decision: EnrollmentDecision;
  /** Why the row was rejected (the validation messages and/or the clerk's reason). */
  rejectReasons: string[];
  /** 1-based row of the sheet it came from (latest submission). */
  sourceRow: number;
  /** The row's cells as read (text), for the error workbook. Kept for rejected rows only. */
  cells?: string[];
  /** Column (0-based) of each rejected reason, where known, for red cells. */
  rejectColumns?: Array<number | null>;
  name: string;
  idType: string;
  idNumber: string;
  occupation: string;
  level: ProgrammeLevel;
  hours: number | null;
  /** 出勤 (attendance rate 0–100) when the file has it. */
  attendance: number | null;
  theoryScore: number | null;
  practicalScore: number | null;
  result: AssessmentResult | '';
  certificateNumber: string;
  trainingStart: string;
  trainingEnd: string;
  /** 考核日期: the training end date (the dated history reports by year read it). */
  assessedOn: string;
}
