/**
 * 职称申报 storage: create/edit applications with a snapshot of the applicant, single and bulk
 * state transitions (one Dexie transaction for the whole batch, each application with its
 * transition row and audit entry), review batches and committee results, certificates (the
 * talent's derived `titleLevel` changes in the same transaction), holiday calendars, and the
 * cross-area read APIs `countApplicationsByStatus` and `listPublicityDeadlines`.
 */
import {
  APPLICATION_STATUSES,
  applicationStatusLabels,
  blankApplicationFields,
  certificateKindFor,
  certificateNumberKey,
  checkCertificateReference,
  evaluateEligibility,
  nextCertificateNumber,
  titleRank,
  transition,
  unmetRules,
  type ApplicantSnapshot,
  type ApplicationData,
  type ApplicationStatus,
  type CommitteeResultRow,
  type DateRange,
  type RuleResult,
} from '../../shared/certification';
import { addDays, ymdParts } from '../../shared/dates/ymd';
import { createWorkingDayCalendar, parseHolidayCalendarJson, weekdayOf, workingDayPeriod, type HolidayCalendar, type WorkingDayCalendar } from '../../shared/dates/workingDays';
import { SHIPPED_HOLIDAY_CALENDARS } from '../../shared/dates/workingDaysCalendar';
import { err, ok, type AppError, type Result } from '../../shared/result';
import type { TitleLevel } from '../../shared/talent/talent';
import {
  auditedTransaction,
  diffFields,
  getDatabase,
  readSettings,
  writeAudit,
  type ApplicationTransition,
  type CertificationApplication,
  type FieldChange,
  type HolidayCalendarRecord,
  type ReviewBatch,
  type TalentLedgerDB,
  type TitleCertificate,
} from '../db';
import { announceTalentChanges } from './talentEvents';

/** Options every write takes: the database and, for tests, the clock. */
export interface WriteOptions {
  db?: TalentLedgerDB;
  /** ISO time of the write (default now). */
  now?: string;
}

function nowOf(options: WriteOptions): string {
  return options.now ?? new Date().toISOString();
}

/** Shanghai calendar day of an ISO time (UTC+8, no DST). */
export function shanghaiDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

async function operatorOf(db: TalentLedgerDB): Promise<string> {
  return (await readSettings(db)).operatorName ?? '(未设置)';
}

function notFound(what: string): AppError {
  return { code: 'APPLICATION_NOT_FOUND', message: `找不到${what}。`, messageEn: `${what} not found.` };
}

// ---------------------------------------------------------------------------------------------
// Create and edit

/** What the clerk types for a new application; the snapshot is taken from the talent record. */
export interface NewApplicationInput extends Partial<Omit<ApplicationData, 'talentId' | 'snapshot' | 'status'>> {
  talentId: string;
  year: number;
  level: ApplicationData['level'];
  /** Snapshot fields the talent record does not hold (title date, residence, …) or corrections. */
  snapshot?: Partial<ApplicantSnapshot>;
  /** Start as 已提交 instead of 草稿 (recorded as a transition). */
  submit?: boolean;
}

/** Fields an edit may change (status, snapshot of the talent and links go through their own calls). */
export type ApplicationPatch = Partial<
  Pick<
    ApplicationData,
    | 'batch'
    | 'subSpecialty'
    | 'level'
    | 'route'
    | 'continuingEducation'
    | 'annualAssessments'
    | 'achievements'
    | 'materialsReceived'
    | 'justification'
    | 'recommenders'
    | 'reviewerNotes'
    | 'unitPublicity'
    | 'documentNumber'
  >
> & { snapshot?: Partial<ApplicantSnapshot> };

async function nextDocumentNumber(db: TalentLedgerDB, year: number): Promise<string> {
  const prefix = `ZC${year}-`;
  let highest = 0;
  await db.certificationApplications.each((application) => {
    if (application.documentNumber.startsWith(prefix)) highest = Math.max(highest, Number(application.documentNumber.slice(prefix.length)) || 0);
  });
  return `${prefix}${String(highest + 1).padStart(4, '0')}`;
}

/** Creates an application with a snapshot of the talent (audited). */
export async function createApplication(input: NewApplicationInput, options: WriteOptions = {}): Promise<Result<CertificationApplication>> {
  const db = options.db ?? getDatabase();
  const talent = await db.talents.get(input.talentId);
  if (talent === undefined) return err(notFound('该人员'));
  const at = nowOf(options);
  const operator = await operatorOf(db);
  const { submit = false, snapshot: snapshotInput, talentId, ...rest } = input;
  const snapshot: ApplicantSnapshot = {
    name: talent.name,
    gender: talent.gender,
    idNumber: talent.idNumber,
    birthDate: talent.birthDate,
    employer: talent.employer,
    employerCreditCode: talent.employerCreditCode,
    education: talent.education,
    degree: talent.degree,
    school: talent.school,
    major: talent.major,
    graduationDate: talent.graduationDate,
    currentTitle: talent.titleLevel,
    currentTitleObtainedOn: '',
    skillLevel: talent.skillLevel,
    skillLevelObtainedOn: '',
    residence: '',
    socialInsuranceMonths: null,
    ...snapshotInput,
  };
  const application: CertificationApplication = {
    id: crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
    talentId,
    ...blankApplicationFields(),
    ...rest,
    status: submit ? 'submitted' : 'draft',
    snapshot,
  };
  await auditedTransaction(db, ['certificationApplications', 'applicationTransitions'], async () => {
    if (application.documentNumber === '') application.documentNumber = await nextDocumentNumber(db, application.year);
    await db.certificationApplications.add(application);
    await writeAudit(db, { action: 'create', entity: 'certificationApplication', entityId: application.id, changes: diffFields(undefined, { ...application }), note: `${snapshot.name} 职称申报`, operator });
    if (submit) {
      await db.applicationTransitions.add({ id: crypto.randomUUID(), applicationId: application.id, from: 'draft', to: 'submitted', operator, at, note: '' });
    }
  });
  return ok(application);
}

/** Edits an application (audited with a field diff). Terminal applications are read-only. */
export async function updateApplication(id: string, patch: ApplicationPatch, options: WriteOptions = {}): Promise<Result<CertificationApplication>> {
  const db = options.db ?? getDatabase();
  const at = nowOf(options);
  return auditedTransaction(db, ['certificationApplications'], async () => {
    const before = await db.certificationApplications.get(id);
    if (before === undefined) return err(notFound('该申报'));
    if (before.status === 'certified' || before.status === 'withdrawn') {
      return err({ code: 'APPLICATION_CLOSED', message: `申报已“${applicationStatusLabels[before.status].zh}”，不能再修改。`, messageEn: 'The application is closed.' });
    }
    const { snapshot, ...fields } = patch;
    const after: CertificationApplication = { ...before, ...fields, snapshot: { ...before.snapshot, ...snapshot }, updatedAt: at };
    const changes = diffFields({ ...before }, { ...after });
    if (changes.length === 0) return ok(before);
    await db.certificationApplications.put(after);
    await writeAudit(db, { action: 'update', entity: 'certificationApplication', entityId: id, changes });
    return ok(after);
  });
}

/** One application. */
export function getApplication(id: string, db: TalentLedgerDB = getDatabase()): Promise<CertificationApplication | undefined> {
  return db.certificationApplications.get(id);
}

/** Filters of the application list. */
export interface ApplicationFilter {
  status?: ApplicationStatus | 'open';
  year?: number;
  level?: ApplicationData['level'];
  reviewBatchId?: string;
  /** Name, ID number, employer or document number contains this text. */
  text?: string;
}

/** Applications matching the filter, most recently changed first. */
export async function listApplications(filter: ApplicationFilter = {}, db: TalentLedgerDB = getDatabase()): Promise<CertificationApplication[]> {
  const text = filter.text?.trim() ?? '';
  const base =
    filter.status !== undefined && filter.status !== 'open'
      ? db.certificationApplications.where('status').equals(filter.status)
      : filter.reviewBatchId !== undefined
        ? db.certificationApplications.where('reviewBatchId').equals(filter.reviewBatchId)
        : db.certificationApplications.toCollection();
  const rows = await base
    .filter(
      (application) =>
        (filter.status !== 'open' || !['certified', 'withdrawn', 'reviewFailed'].includes(application.status)) &&
        (filter.year === undefined || application.year === filter.year) &&
        (filter.level === undefined || application.level === filter.level) &&
        (filter.reviewBatchId === undefined || application.reviewBatchId === filter.reviewBatchId) &&
        (text === '' ||
          application.snapshot.name.includes(text) ||
          application.snapshot.idNumber.includes(text.toUpperCase()) ||
          application.snapshot.employer.includes(text) ||
          application.documentNumber.includes(text)),
    )
    .toArray();
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.documentNumber.localeCompare(b.documentNumber));
}

/** The state history of one application, oldest first. */
export async function listApplicationTransitions(applicationId: string, db: TalentLedgerDB = getDatabase()): Promise<ApplicationTransition[]> {
  const rows = await db.applicationTransitions.where('applicationId').equals(applicationId).toArray();
  return rows.sort((a, b) => a.at.localeCompare(b.at));
}

/** Eligibility of an application under the rule table in 设置. */
export async function checkApplicationEligibility(application: ApplicationData, db: TalentLedgerDB = getDatabase()): Promise<RuleResult[]> {
  const settings = await readSettings(db);
  return evaluateEligibility(application, settings.titleRules);
}

// ---------------------------------------------------------------------------------------------
// Working days

/** Shipped calendars overlaid by the stored (imported/edited) ones. */
export async function loadHolidayCalendars(db: TalentLedgerDB = getDatabase()): Promise<HolidayCalendarRecord[]> {
  const stored = await db.holidayCalendars.toArray();
  const byYear = new Map<number, HolidayCalendarRecord>();
  for (const calendar of SHIPPED_HOLIDAY_CALENDARS) {
    byYear.set(calendar.year, { year: calendar.year, holidays: [...calendar.holidays], workdays: [...calendar.workdays], source: 'builtin', updatedAt: '' });
  }
  for (const calendar of stored) byYear.set(calendar.year, calendar);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The working-day calendar the app uses. */
export async function loadWorkingDayCalendar(db: TalentLedgerDB = getDatabase()): Promise<WorkingDayCalendar> {
  return createWorkingDayCalendar(await loadHolidayCalendars(db));
}

/** Stores a year's calendar (imported from JSON or edited), audited. */
export async function saveHolidayCalendar(calendar: HolidayCalendar, source: 'imported' | 'edited', options: WriteOptions = {}): Promise<Result<HolidayCalendarRecord>> {
  const db = options.db ?? getDatabase();
  const checked = parseHolidayCalendarJson(calendar.year, JSON.stringify({ holidays: calendar.holidays, workdays: calendar.workdays }));
  if (!checked.ok) return checked;
  const record: HolidayCalendarRecord = { year: calendar.year, holidays: [...checked.value.holidays], workdays: [...checked.value.workdays], source, updatedAt: nowOf(options) };
  await auditedTransaction(db, ['holidayCalendars'], async () => {
    const before = await db.holidayCalendars.get(calendar.year);
    await db.holidayCalendars.put(record);
    await writeAudit(db, { action: before ? 'update' : 'create', entity: 'holidayCalendar', entityId: String(calendar.year), changes: diffFields(before ? { ...before } : undefined, { ...record }) });
  });
  return ok(record);
}

/** The 公示 period from `startsOn` under the settings (length, whether the start day counts), with a warning for missing years. */
export async function computePublicityPeriod(startsOn: string, db: TalentLedgerDB = getDatabase()): Promise<Result<DateRange & { missingYears: number[] }>> {
  const settings = await readSettings(db);
  const period = workingDayPeriod(await loadWorkingDayCalendar(db), startsOn, settings.publicityWorkingDays, settings.publicityStartCounts);
  if (!period.ok) return period;
  return ok({ startsOn: period.value.startsOn, endsOn: period.value.endsOn, missingYears: period.value.missingYears });
}

// ---------------------------------------------------------------------------------------------
// Transitions

/** What a transition may carry besides the note. */
export interface TransitionOptions extends WriteOptions {
  note?: string;
  /** 单位内公示 dates for 单位审核通过. */
  unitPublicity?: DateRange;
  /** First day of the 评审结果公示 (default: today in Shanghai); the end is computed in working days. */
  publicityStartsOn?: string;
  /** 已发证: issue date (default today) and, for 中级 and above, the e-certificate reference per application id. */
  issuedOn?: string;
  certificateReferences?: Readonly<Record<string, string>>;
}

/** One application that a bulk transition could not move, with the reason. */
export interface TransitionFailure {
  applicationId: string;
  name: string;
  message: string;
}

/** The result of a (bulk) transition. */
export interface TransitionOutcome {
  moved: number;
  /** Non-blocking notes, e.g. a holiday calendar year missing for the 公示 period. */
  warnings: string[];
}

export interface BulkTransitionError extends AppError {
  failures: TransitionFailure[];
}

/**
 * Moves applications to `to` in ONE transaction: each gets its transition row and audit entry; a
 * certificate is issued on 已发证 with the talent's title updated. All or nothing: if any
 * application cannot move, nothing is written and every reason is returned.
 */
export async function transitionApplications(ids: readonly string[], to: ApplicationStatus, options: TransitionOptions = {}): Promise<Result<TransitionOutcome, BulkTransitionError>> {
  const db = options.db ?? getDatabase();
  const at = nowOf(options);
  const settings = await readSettings(db);
  const operator = settings.operatorName ?? '(未设置)';
  const note = options.note ?? '';
  const warnings: string[] = [];
  let publicity: DateRange | undefined;
  if (to === 'publicity') {
    const period = await computePublicityPeriod(options.publicityStartsOn ?? shanghaiDay(at), db);
    if (!period.ok) return err({ ...period.error, failures: [] });
    publicity = { startsOn: period.value.startsOn, endsOn: period.value.endsOn };
    if (period.value.missingYears.length > 0) {
      warnings.push(`节假日日历缺少 ${period.value.missingYears.join('、')} 年，公示截止日仅按周末计算，请在设置中导入该年日历。`);
    }
  }
  const issuedOn = options.issuedOn ?? shanghaiDay(at);
  const talentIds = new Set<string>();
  const tables = ['certificationApplications', 'applicationTransitions', 'titleCertificates', 'talents'] as const;
  const outcome = await auditedTransaction(db, tables, async (): Promise<Result<TransitionOutcome, BulkTransitionError>> => {
    const found = await db.certificationApplications.bulkGet([...ids]);
    const failures: TransitionFailure[] = [];
    const updates: CertificationApplication[] = [];
    const records: ApplicationTransition[] = [];
    for (const [index, application] of found.entries()) {
      if (application === undefined) {
        failures.push({ applicationId: ids[index] ?? '', name: '', message: '找不到该申报。' });
        continue;
      }
      const unmet = to === 'formalPassed' ? unmetRules(evaluateEligibility(application, settings.titleRules)) : undefined;
      const moved = transition(application, to, {
        operator,
        at,
        note,
        ...(options.unitPublicity ? { unitPublicity: options.unitPublicity } : {}),
        ...(publicity ? { publicity } : {}),
        ...(unmet ? { unmetEligibility: unmet } : {}),
      });
      if (!moved.ok) {
        failures.push({ applicationId: application.id, name: application.snapshot.name, message: moved.error.message });
        continue;
      }
      updates.push({ ...moved.value.application, updatedAt: at });
      records.push({ id: crypto.randomUUID(), applicationId: application.id, ...moved.value.record });
    }
    if (to === 'certified' && failures.length === 0) {
      const issued = await issueCertificates(db, updates, issuedOn, at, settings.certificateNumberFormat, options.certificateReferences ?? {});
      if (!issued.ok) return err({ ...issued.error, failures: issued.error.failures });
      for (const id of issued.value) talentIds.add(id);
    }
    if (failures.length > 0) {
      return err({
        code: 'TRANSITION_REFUSED',
        message: `${failures.length} 份申报不能变为“${applicationStatusLabels[to].zh}”，本次未做任何更改。`,
        messageEn: `${failures.length} application(s) cannot move to "${applicationStatusLabels[to].en}"; nothing was changed.`,
        failures,
      });
    }
    await db.certificationApplications.bulkPut(updates);
    await db.applicationTransitions.bulkAdd(records);
    const updatedById = new Map(updates.map((entry) => [entry.id, entry]));
    for (const record of records) {
      const application = updatedById.get(record.applicationId);
      const changes: FieldChange[] = [{ field: 'status', before: record.from, after: record.to }];
      if (to === 'publicity' && application?.publicity) changes.push({ field: 'publicity', before: null, after: `${application.publicity.startsOn}~${application.publicity.endsOn}` });
      await writeAudit(db, { action: 'update', entity: 'certificationApplication', entityId: record.applicationId, changes, note: note === '' ? applicationStatusLabels[to].zh : `${applicationStatusLabels[to].zh}：${note}`, operator });
    }
    return ok({ moved: updates.length, warnings });
  });
  if (outcome.ok && talentIds.size > 0) announceTalentChanges({ upserted: [...talentIds], removed: [] });
  return outcome;
}

/** Moves one application (see {@link transitionApplications}). */
export async function transitionApplication(id: string, to: ApplicationStatus, options: TransitionOptions = {}): Promise<Result<TransitionOutcome>> {
  const result = await transitionApplications([id], to, options);
  if (result.ok) return result;
  const first = result.error.failures[0];
  return err(first ? { code: result.error.code, message: first.message, messageEn: result.error.messageEn ?? '' } : result.error);
}

function higherTitle(a: TitleLevel, b: TitleLevel): TitleLevel {
  return titleRank(a) >= titleRank(b) ? a : b;
}

/** Inside a transaction: certificates for applications reaching 已发证, and the talents' titles. Returns the talent ids changed. */
async function issueCertificates(
  db: TalentLedgerDB,
  applications: CertificationApplication[],
  issuedOn: string,
  at: string,
  numberFormat: string,
  references: Readonly<Record<string, string>>,
): Promise<Result<string[], BulkTransitionError>> {
  const year = ymdParts(issuedOn).year;
  const taken = new Set<string>();
  await db.titleCertificates.each((certificate) => {
    if (certificate.year === year) taken.add(certificate.numberKey);
  });
  const failures: TransitionFailure[] = [];
  const certificates: TitleCertificate[] = [];
  for (const application of applications) {
    const kind = certificateKindFor(application.level);
    let number: string;
    if (kind === 'electronic') {
      const checked = checkCertificateReference(references[application.id] ?? '');
      if (!checked.ok) {
        failures.push({ applicationId: application.id, name: application.snapshot.name, message: `缺少或无效的电子证书编号：${checked.error.message}` });
        continue;
      }
      number = checked.value;
    } else {
      const next = nextCertificateNumber(numberFormat, year, taken);
      if (!next.ok) return err({ ...next.error, failures: [] });
      number = next.value;
    }
    const numberKey = certificateNumberKey(year, number);
    if (taken.has(numberKey)) {
      failures.push({ applicationId: application.id, name: application.snapshot.name, message: `证书编号“${number}”在 ${year} 年已使用。` });
      continue;
    }
    taken.add(numberKey);
    const certificate: TitleCertificate = {
      id: crypto.randomUUID(),
      createdAt: at,
      updatedAt: at,
      talentId: application.talentId,
      applicationId: application.id,
      level: application.level,
      kind,
      number,
      year,
      numberKey,
      issuedOn,
      revokedOn: '',
      revocationReason: '',
    };
    certificates.push(certificate);
    application.certificateId = certificate.id;
  }
  if (failures.length > 0) {
    return err({ code: 'CERTIFICATE_REFUSED', message: `${failures.length} 份申报不能发证，本次未做任何更改。`, messageEn: 'Some certificates cannot be issued; nothing was changed.', failures });
  }
  await db.titleCertificates.bulkAdd(certificates);
  const talentIds: string[] = [];
  for (const certificate of certificates) {
    await writeAudit(db, { action: 'create', entity: 'titleCertificate', entityId: certificate.id, changes: diffFields(undefined, { ...certificate }), note: `发证 ${certificate.number}` });
    const talent = await db.talents.get(certificate.talentId);
    if (talent === undefined) continue;
    const titleLevel = higherTitle(talent.titleLevel, certificate.level);
    if (titleLevel === talent.titleLevel) continue;
    await db.talents.put({ ...talent, titleLevel, updatedAt: at });
    await writeAudit(db, { action: 'update', entity: 'talent', entityId: talent.id, changes: [{ field: 'titleLevel', before: talent.titleLevel, after: titleLevel }], note: `职称证书 ${certificate.number}` });
    talentIds.push(talent.id);
  }
  return ok(talentIds);
}

/**
 * Revokes a certificate with a reason; the record stays (history). The talent's title falls back
 * to the highest of its other valid certificates and the title held before that application.
 */
export async function revokeCertificate(certificateId: string, reason: string, options: WriteOptions & { revokedOn?: string } = {}): Promise<Result<TitleCertificate>> {
  const db = options.db ?? getDatabase();
  const at = nowOf(options);
  if (reason.trim() === '') return err({ code: 'REVOCATION_REASON_REQUIRED', message: '撤销证书须填写原因。', messageEn: 'A revocation needs a reason.' });
  let changedTalent = '';
  const result = await auditedTransaction(db, ['titleCertificates', 'talents', 'certificationApplications'], async (): Promise<Result<TitleCertificate>> => {
    const before = await db.titleCertificates.get(certificateId);
    if (before === undefined) return err(notFound('该证书'));
    if (before.revokedOn !== '') return err({ code: 'CERTIFICATE_REVOKED', message: '该证书已撤销。', messageEn: 'Already revoked.' });
    const after: TitleCertificate = { ...before, revokedOn: options.revokedOn ?? shanghaiDay(at), revocationReason: reason.trim(), updatedAt: at };
    await db.titleCertificates.put(after);
    await writeAudit(db, { action: 'update', entity: 'titleCertificate', entityId: certificateId, changes: diffFields({ ...before }, { ...after }), note: `撤销：${reason.trim()}` });
    const talent = await db.talents.get(before.talentId);
    if (talent !== undefined) {
      const application = await db.certificationApplications.get(before.applicationId);
      let level: TitleLevel = application?.snapshot.currentTitle ?? 'none';
      const others = await db.titleCertificates.where('talentId').equals(talent.id).toArray();
      for (const other of others) if (other.id !== certificateId && other.revokedOn === '') level = higherTitle(level, other.level);
      if (level !== talent.titleLevel) {
        await db.talents.put({ ...talent, titleLevel: level, updatedAt: at });
        await writeAudit(db, { action: 'update', entity: 'talent', entityId: talent.id, changes: [{ field: 'titleLevel', before: talent.titleLevel, after: level }], note: `职称证书 ${before.number} 撤销` });
        changedTalent = talent.id;
      }
    }
    return ok(after);
  });
  if (result.ok && changedTalent !== '') announceTalentChanges({ upserted: [changedTalent], removed: [] });
  return result;
}

/** Certificates of a talent or an application. */
export async function listCertificates(filter: { talentId?: string; applicationId?: string }, db: TalentLedgerDB = getDatabase()): Promise<TitleCertificate[]> {
  if (filter.applicationId !== undefined) return db.titleCertificates.where('applicationId').equals(filter.applicationId).toArray();
  if (filter.talentId !== undefined) return db.titleCertificates.where('talentId').equals(filter.talentId).toArray();
  return db.titleCertificates.toArray();
}

// ---------------------------------------------------------------------------------------------
// Review batches

/** Fields of a review batch the clerk edits. */
export type ReviewBatchInput = Pick<ReviewBatch, 'year' | 'name' | 'committeeName' | 'meetingDate' | 'membersPresent' | 'note'>;

/** Creates or updates a review batch (audited). */
export async function saveReviewBatch(input: ReviewBatchInput & { id?: string }, options: WriteOptions = {}): Promise<Result<ReviewBatch>> {
  const db = options.db ?? getDatabase();
  const at = nowOf(options);
  if (input.name.trim() === '') return err({ code: 'REVIEW_BATCH_NAME_REQUIRED', message: '请填写评审批次名称。', messageEn: 'The batch needs a name.' });
  return auditedTransaction(db, ['reviewBatches'], async () => {
    const before = input.id === undefined ? undefined : await db.reviewBatches.get(input.id);
    const batch: ReviewBatch = {
      id: before?.id ?? crypto.randomUUID(),
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
      year: input.year,
      name: input.name.trim(),
      committeeName: input.committeeName.trim(),
      meetingDate: input.meetingDate,
      membersPresent: input.membersPresent.map((member) => member.trim()).filter((member) => member !== ''),
      note: input.note,
    };
    await db.reviewBatches.put(batch);
    await writeAudit(db, { action: before ? 'update' : 'create', entity: 'reviewBatch', entityId: batch.id, changes: diffFields(before ? { ...before } : undefined, { ...batch }) });
    return ok(batch);
  });
}

/** Review batches, newest year first. */
export async function listReviewBatches(db: TalentLedgerDB = getDatabase()): Promise<ReviewBatch[]> {
  const rows = await db.reviewBatches.toArray();
  return rows.sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
}

/** Puts applications into a review batch (or out of any with ''), in one transaction. */
export async function assignToReviewBatch(ids: readonly string[], reviewBatchId: string, options: WriteOptions = {}): Promise<Result<{ assigned: number }>> {
  const db = options.db ?? getDatabase();
  const at = nowOf(options);
  return auditedTransaction(db, ['certificationApplications', 'reviewBatches'], async () => {
    if (reviewBatchId !== '' && (await db.reviewBatches.get(reviewBatchId)) === undefined) return err(notFound('该评审批次'));
    const found = await db.certificationApplications.bulkGet([...ids]);
    const updates = found.filter((application): application is CertificationApplication => application !== undefined && application.reviewBatchId !== reviewBatchId);
    await db.certificationApplications.bulkPut(updates.map((application) => ({ ...application, reviewBatchId, updatedAt: at })));
    for (const application of updates) {
      await writeAudit(db, { action: 'update', entity: 'certificationApplication', entityId: application.id, changes: [{ field: 'reviewBatchId', before: application.reviewBatchId, after: reviewBatchId }] });
    }
    return ok({ assigned: updates.length });
  });
}

/** How committee rows matched the batch's applications. */
export interface CommitteeMatch {
  row: CommitteeResultRow;
  applicationId: string | null;
  name: string;
  /** Why the row cannot be applied ('' when it can). */
  problem: string;
}

/** Matches committee result rows to the batch's applications by document number. */
export async function matchCommitteeResults(reviewBatchId: string, rows: readonly CommitteeResultRow[], db: TalentLedgerDB = getDatabase()): Promise<CommitteeMatch[]> {
  const applications = await db.certificationApplications.where('reviewBatchId').equals(reviewBatchId).toArray();
  const byNumber = new Map(applications.map((application) => [application.documentNumber, application]));
  return rows.map((row) => {
    const application = byNumber.get(row.documentNumber);
    if (application === undefined) return { row, applicationId: null, name: row.name, problem: '本批次没有该评审编号的申报。' };
    if (application.status !== 'underReview') return { row, applicationId: application.id, name: application.snapshot.name, problem: `申报状态为“${applicationStatusLabels[application.status].zh}”，不在评审中。` };
    return { row, applicationId: application.id, name: application.snapshot.name, problem: '' };
  });
}

/**
 * Applies committee results in ONE transaction: the votes are stored and each application moves
 * to 评审通过 or 评审未通过 as the votes decide (more than the pass fraction). Rows with a problem
 * are skipped and counted.
 */
export async function applyCommitteeResults(reviewBatchId: string, matches: readonly CommitteeMatch[], options: WriteOptions = {}): Promise<Result<{ passed: number; failed: number; skipped: number }>> {
  const db = options.db ?? getDatabase();
  const at = nowOf(options);
  const operator = await operatorOf(db);
  const usable = matches.filter((match): match is CommitteeMatch & { applicationId: string } => match.problem === '' && match.applicationId !== null);
  let passed = 0;
  let failed = 0;
  const result = await auditedTransaction(db, ['certificationApplications', 'applicationTransitions', 'reviewBatches'], async (): Promise<Result<{ passed: number; failed: number; skipped: number }>> => {
    const batch = await db.reviewBatches.get(reviewBatchId);
    for (const match of usable) {
      const application = await db.certificationApplications.get(match.applicationId);
      if (application === undefined) continue;
      const to: ApplicationStatus = match.row.passedByVotes ? 'reviewPassed' : 'reviewFailed';
      const note = `${batch?.committeeName ?? '评审委员会'} 表决：赞成 ${match.row.votesFor}/${match.row.votesTotal}${match.row.conflict ? `（表中结果“${match.row.resultText}”与票数不符，按票数）` : ''}`;
      const moved = transition(application, to, { operator, at, note });
      if (!moved.ok) return moved;
      const committeeVote = { votesFor: match.row.votesFor, votesTotal: match.row.votesTotal, passed: match.row.passedByVotes };
      await db.certificationApplications.put({ ...moved.value.application, committeeVote, updatedAt: at });
      await db.applicationTransitions.add({ id: crypto.randomUUID(), applicationId: application.id, ...moved.value.record });
      await writeAudit(db, { action: 'update', entity: 'certificationApplication', entityId: application.id, changes: [{ field: 'status', before: application.status, after: to }, { field: 'committeeVote', before: application.committeeVote, after: committeeVote }], note, operator });
      if (match.row.passedByVotes) passed += 1;
      else failed += 1;
    }
    return ok({ passed, failed, skipped: matches.length - usable.length });
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Cross-area read APIs (工作台)

/** Number of applications in each status (every status present, zero when none). */
export async function countApplicationsByStatus(db: TalentLedgerDB = getDatabase()): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, 0]));
  await Promise.all(
    APPLICATION_STATUSES.map(async (status) => {
      counts[status] = await db.certificationApplications.where('status').equals(status).count();
    }),
  );
  return counts;
}

/** The Sunday that ends the week (Monday–Sunday) of `day`. */
export function endOfWeek(day: string): string {
  const weekday = weekdayOf(day);
  return addDays(day, weekday === 0 ? 0 : 7 - weekday);
}

/**
 * Applications in 公示中 whose publicity ends this week (by Sunday) or has already ended
 * (overdue: the clerk should record 无异议 or 有异议), soonest first.
 */
export async function listPublicityDeadlines(today: string, db: TalentLedgerDB = getDatabase()): Promise<Array<{ applicationId: string; talentName: string; endsOn: string; overdue: boolean }>> {
  const weekEnd = endOfWeek(today);
  const rows = await db.certificationApplications.where('status').equals('publicity').toArray();
  return rows
    .filter((application) => application.publicity !== null && application.publicity.endsOn <= weekEnd)
    .map((application) => ({ applicationId: application.id, talentName: application.snapshot.name, endsOn: application.publicity?.endsOn ?? '', overdue: (application.publicity?.endsOn ?? '') < today }))
    .sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.talentName.localeCompare(b.talentName));
}

// ---------------------------------------------------------------------------------------------
// Sample applications (demo and walkthroughs)

/**
 * Creates `count` submitted applications for the first in-registry talents (by name): 高级工程师,
 * eligible, except the second one whose 工程师 title is too recent (it fails the years rule).
 */
export async function createDemoApplications(count: number, options: WriteOptions & { year?: number } = {}): Promise<Result<{ created: number }>> {
  const db = options.db ?? getDatabase();
  const year = options.year ?? Number(shanghaiDay(nowOf(options)).slice(0, 4));
  const talents = (await db.talents.limit(count * 4).toArray()).filter((talent) => talent.status === 'active').slice(0, count);
  if (talents.length === 0) return err({ code: 'NO_TALENTS', message: '人才库为空。', messageEn: 'The registry is empty.' });
  let created = 0;
  for (const [index, talent] of talents.entries()) {
    const result = await createApplication(
      {
        talentId: talent.id,
        year,
        batch: `${year}年第一批`,
        level: 'deputySenior',
        subSpecialty: ['ml', 'cv', 'nlp', 'robotics', 'chips'][index % 5] ?? 'ml',
        submit: true,
        continuingEducation: [1, 2, 3].map((offset) => ({ year: year - offset, totalHours: 90 + index, professionalHours: 66 + index })),
        annualAssessments: [1, 2, 3].map((offset) => ({ year: year - offset, result: offset === 1 && index % 4 === 0 ? 'excellent' : 'competent' })),
        achievements: { papers: 2 + (index % 3), patents: index % 4, projects: 3, awards: index % 2, text: '参与人工智能关键技术攻关项目。' },
        materialsReceived: index % 3 === 2 ? ['applicationForm', 'idCopy'] : ['applicationForm', 'idCopy', 'educationCertificate', 'currentTitleCertificate', 'assessmentRecords', 'continuingEducationProof', 'achievementEvidence', 'unitPublicityProof', 'residenceProof'],
        snapshot: {
          education: talent.education === '' || talent.education === 'associate' || talent.education === 'other' ? 'master' : talent.education,
          currentTitle: 'intermediate',
          // The second sample is the ineligible one: one year as 工程师 is short for every education
          // (a doctorate needs two), so the refusal does not depend on which demo talent it drew.
          currentTitleObtainedOn: index === 1 ? `${year - 1}-09-01` : `${year - 6}-06-30`,
          residence: index % 2 === 0 ? 'hukou' : 'residencePermit',
        },
      },
      options,
    );
    if (result.ok) created += 1;
  }
  return ok({ created });
}
