/**
 * Compact per-talent columns for the annual report: one typed-array cell per talent and field
 * (day numbers, birth year, dimension member indexes), so a report over 300,000 talents is one
 * tight loop without touching the records. Kept up to date by {@link ReportColumns.upsert} /
 * {@link ReportColumns.remove} as talents change; tests check it against a fresh build.
 */
import { isValidYmd, ymdToDayNumber } from '../dates/ymd';
import { DIMENSIONS, UNKNOWN_CODE, type Absence, type DimensionId, type ReportTalent, type SkillGrant, type TitleGrant } from './model';

/** Day number meaning "never" (no 离库日期; a removed slot's 入库日期). */
export const NEVER = 0x7fffffff;
/** Birth year of a talent without a valid 出生日期. */
export const UNKNOWN_BIRTH_YEAR = 0;

/** Stored dimensions (age bands follow from the birth year and the day). */
export type StoredDimension = Exclude<DimensionId, 'ageBand' | 'ageBand5' | 'titleLevel' | 'skillLevel'>;

const STORED_DIMENSIONS: readonly StoredDimension[] = ['district', 'cluster', 'category', 'education', 'industrySegment', 'gender', 'overseas'];

/** Member index of each code per dimension; unknown codes map to the 未填写 member (or the last, 其他). */
function memberIndex(dimension: DimensionId): (code: string) => number {
  const list = DIMENSIONS[dimension].members;
  const map = new Map(list.map((member, index) => [member.code, index]));
  const fallback = map.get(UNKNOWN_CODE) ?? list.length - 1;
  return (code) => map.get(code) ?? fallback;
}

const indexers: Record<StoredDimension, (code: string) => number> = {
  district: memberIndex('district'),
  cluster: memberIndex('cluster'),
  category: memberIndex('category'),
  education: memberIndex('education'),
  industrySegment: memberIndex('industrySegment'),
  gender: memberIndex('gender'),
  overseas: memberIndex('overseas'),
};

/** Title member indexes: 0 正高 … 3 初级, 4 无 (the order of DIMENSIONS.titleLevel). */
export const TITLE_NONE = 4;
const titleIndex = memberIndex('titleLevel');

/** Day number of a valid date, else `fallback`. */
export function dayNumberOr(value: string | undefined, fallback: number): number {
  return value !== undefined && isValidYmd(value) ? ymdToDayNumber(value) : fallback;
}

/** A grant in day numbers: `level` is the member index (title) or level digit (skill). */
export interface GrantDays {
  level: number;
  from: number;
  until: number;
}

function storedCode(talent: ReportTalent, dimension: StoredDimension): string {
  if (dimension === 'overseas') return talent.overseas ? 'true' : 'false';
  return (talent[dimension] as string | undefined) ?? '';
}

/** 入库日期 as a day number; a record without one counts from the day it was created. */
export function entryDayOf(talent: Pick<ReportTalent, 'joinedDate' | 'createdAt'>): number {
  return dayNumberOr(talent.joinedDate, dayNumberOr((talent.createdAt ?? '').slice(0, 10), NEVER));
}

export class ReportColumns {
  private capacity = 0;
  /** Slots in use (live and freed). */
  size = 0;
  ids: string[] = [];
  entry = new Int32Array(0);
  leave = new Int32Array(0);
  birthYear = new Int16Array(0);
  titleNow = new Uint8Array(0);
  skillNow = new Uint8Array(0);
  /** 1 when the talent has dated title grants / skill grants / absences (looked up by id). */
  flags = new Uint8Array(0);
  readonly dims: Record<StoredDimension, Uint8Array> = {
    district: new Uint8Array(0),
    cluster: new Uint8Array(0),
    category: new Uint8Array(0),
    education: new Uint8Array(0),
    industrySegment: new Uint8Array(0),
    gender: new Uint8Array(0),
    overseas: new Uint8Array(0),
  };
  readonly absences = new Map<string, Array<[number, number]>>();
  readonly titleGrants = new Map<string, GrantDays[]>();
  readonly skillGrants = new Map<string, GrantDays[]>();
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];

  /** Live talents. */
  get count(): number {
    return this.slotOf.size;
  }

  private grow(min: number): void {
    if (min <= this.capacity) return;
    const capacity = Math.max(min, Math.ceil(this.capacity * 1.5), 1024);
    const grow32 = (old: Int32Array) => {
      const next = new Int32Array(capacity);
      next.set(old);
      return next;
    };
    const grow8 = (old: Uint8Array) => {
      const next = new Uint8Array(capacity);
      next.set(old);
      return next;
    };
    this.entry = grow32(this.entry);
    this.leave = grow32(this.leave);
    const birth = new Int16Array(capacity);
    birth.set(this.birthYear);
    this.birthYear = birth;
    this.titleNow = grow8(this.titleNow);
    this.skillNow = grow8(this.skillNow);
    this.flags = grow8(this.flags);
    for (const dimension of STORED_DIMENSIONS) this.dims[dimension] = grow8(this.dims[dimension]);
    this.capacity = capacity;
  }

  /** Adds or replaces one talent. */
  upsert(talent: ReportTalent): void {
    let slot = this.slotOf.get(talent.id);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.size++;
      this.grow(slot + 1);
      this.slotOf.set(talent.id, slot);
      this.ids[slot] = talent.id;
    }
    this.entry[slot] = entryDayOf(talent);
    this.leave[slot] = dayNumberOr(talent.leftDate, NEVER);
    this.birthYear[slot] = isValidYmd(talent.birthDate ?? '') ? Number(talent.birthDate.slice(0, 4)) : UNKNOWN_BIRTH_YEAR;
    this.titleNow[slot] = titleIndex(talent.titleLevel ?? 'none');
    this.skillNow[slot] = talent.skillLevel ?? 0;
    for (const dimension of STORED_DIMENSIONS) this.dims[dimension][slot] = indexers[dimension](storedCode(talent, dimension));
    this.setAbsences(talent.id, talent.absences ?? []);
    this.refreshFlags(slot);
  }

  /** Removes a talent (its slot is reused). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.free.push(slot);
    this.entry[slot] = NEVER;
    this.leave[slot] = NEVER;
    this.flags[slot] = 0;
    this.ids[slot] = '';
    this.absences.delete(id);
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  private setAbsences(id: string, absences: readonly Absence[]): void {
    const days = absences
      .filter((absence) => isValidYmd(absence.from) && isValidYmd(absence.until))
      .map((absence): [number, number] => [ymdToDayNumber(absence.from), ymdToDayNumber(absence.until)]);
    if (days.length > 0) this.absences.set(id, days);
    else this.absences.delete(id);
  }

  private refreshFlags(slot: number): void {
    const id = this.ids[slot] ?? '';
    this.flags[slot] = (this.titleGrants.has(id) ? 1 : 0) | (this.skillGrants.has(id) ? 2 : 0) | (this.absences.has(id) ? 4 : 0);
  }

  /** Replaces the dated title grants of the given talents (all grants of each talent named). */
  setTitleGrants(talentIds: Iterable<string>, grants: Iterable<TitleGrant>): void {
    this.replaceGrants(this.titleGrants, talentIds, grants, (grant) => titleIndex(grant.level));
  }

  /** Replaces the passed skill assessments of the given talents. */
  setSkillGrants(talentIds: Iterable<string>, grants: Iterable<SkillGrant>): void {
    this.replaceGrants(this.skillGrants, talentIds, grants, (grant) => grant.level);
  }

  private replaceGrants<G extends TitleGrant | SkillGrant>(target: Map<string, GrantDays[]>, talentIds: Iterable<string>, grants: Iterable<G>, level: (grant: G) => number): void {
    const touched = new Set(talentIds);
    for (const id of touched) target.delete(id);
    for (const grant of grants) {
      if (!isValidYmd(grant.from)) continue;
      touched.add(grant.talentId);
      const days: GrantDays = { level: level(grant), from: ymdToDayNumber(grant.from), until: dayNumberOr(grant.until, NEVER) };
      const list = target.get(grant.talentId);
      if (list) list.push(days);
      else target.set(grant.talentId, [days]);
    }
    for (const id of touched) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) this.refreshFlags(slot);
    }
  }

  /** Whether the talent in `slot` is 在库 on day `day` (入库 ≤ day, no 离库 on or before it, not away). */
  isPresent(slot: number, day: number): boolean {
    if (this.entry[slot]! > day || this.leave[slot]! <= day) return false;
    if ((this.flags[slot]! & 4) === 0) return true;
    for (const [from, until] of this.absences.get(this.ids[slot]!) ?? []) if (from <= day && day < until) return false;
    return true;
  }

  /** Title member index held on `day` (0 正高 … 4 无). */
  titleOn(slot: number, day: number): number {
    if ((this.flags[slot]! & 1) === 0) return this.entry[slot]! <= day ? this.titleNow[slot]! : TITLE_NONE;
    let best = TITLE_NONE;
    for (const grant of this.titleGrants.get(this.ids[slot]!) ?? []) if (grant.from <= day && day < grant.until && grant.level < best) best = grant.level;
    return best;
  }

  /** Skill level held on `day` (1 一级 … 5 五级; 0 none): the highest level passed by then. */
  skillOn(slot: number, day: number): number {
    if ((this.flags[slot]! & 2) === 0) return this.entry[slot]! <= day ? this.skillNow[slot]! : 0;
    let best = 0;
    for (const grant of this.skillGrants.get(this.ids[slot]!) ?? []) if (grant.from <= day && day < grant.until && (best === 0 || grant.level < best)) best = grant.level;
    return best;
  }

  /** Builds columns from talents and grants in one go. */
  static from(talents: Iterable<ReportTalent>, titleGrants: Iterable<TitleGrant> = [], skillGrants: Iterable<SkillGrant> = []): ReportColumns {
    const columns = new ReportColumns();
    columns.setTitleGrants([], titleGrants);
    columns.setSkillGrants([], skillGrants);
    for (const talent of talents) columns.upsert(talent);
    return columns;
  }
}
