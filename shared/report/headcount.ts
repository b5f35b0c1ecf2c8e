/**
 * The annual headcount report (年度人才统计) over {@link ReportColumns}: total and year-on-year,
 * every breakdown, the 区 × 人才类别 cross table, new / left / net by category, and titles. One
 * pass over the columns for the year-end and the year-end before. Definitions: docs/statistics.md.
 */
import { dayNumberFromParts, dayNumberToYmd } from '../dates/ymd';
import { ReportColumns, TITLE_NONE, UNKNOWN_BIRTH_YEAR } from './columns';
import { AGE_BANDS, AGE_BANDS_5, DIMENSIONS, DIMENSION_ORDER, type DimensionId, type DimensionMember, type ReportTargets } from './model';

/** One row of a breakdown: a member and its head count on the year-end. */
export interface BreakdownRow extends DimensionMember {
  count: number;
}

/** One breakdown table; `total` equals the sum of its rows (合计). */
export interface Breakdown {
  id: DimensionId;
  zh: string;
  en: string;
  rows: BreakdownRow[];
  total: number;
}

/** 区 × 人才类别: counts[districtIndex][categoryIndex]. */
export interface CrossTable {
  rows: DimensionMember[];
  columns: DimensionMember[];
  counts: number[][];
}

/** New / left / net between the two year-ends for one category. */
export interface FlowRow extends DimensionMember {
  /** 在库 on 31 Dec of the year before. */
  start: number;
  /** 在库 on 31 Dec of the year, not on 31 Dec of the year before (新增). */
  added: number;
  /** 在库 on 31 Dec of the year before, not on 31 Dec of the year (减少). */
  left: number;
  /** 在库 on 31 Dec of the year. */
  end: number;
  /** end − start = added − left. */
  net: number;
}

/** Titles: certificates granted in the year by level, and holders of 高级职称 on the year-end. */
export interface TitleFigures {
  /** 正高, 副高, 中级, 初级: titles whose 取得日期 falls in the year (dated grants only). */
  grantedInYear: BreakdownRow[];
  grantedInYearTotal: number;
  /** Talents holding 正高 or 副高 on the year-end, 在库 or not (累计高级职称). */
  seniorHolders: number;
  /** … of which 在库 on the year-end. */
  seniorHoldersInRegistry: number;
}

export interface HeadcountReport {
  year: number;
  /** `YYYY-12-31` of the year. */
  asOf: string;
  previousAsOf: string;
  total: number;
  previousTotal: number;
  /** total − previousTotal. */
  change: number;
  /** change ÷ previousTotal; null when there was nobody the year before. */
  changeRate: number | null;
  target: number;
  /** total ÷ target; null without a target. */
  progress: number | null;
  breakdowns: Breakdown[];
  cross: CrossTable;
  flows: FlowRow[];
  flowTotal: Omit<FlowRow, keyof DimensionMember>;
  titles: TitleFigures;
}

/** Day number of 31 December of a year. */
export function yearEndDay(year: number): number {
  return dayNumberFromParts(year, 12, 31);
}

function bandIndex(bands: ReadonlyArray<{ max: number }>, age: number): number {
  for (let index = 0; index < bands.length; index += 1) if (age <= bands[index]!.max) return index;
  return bands.length - 1;
}

/** Age-band lookups by age 0…150 (ages outside count as 未填写). */
function bandTable(bands: ReadonlyArray<{ max: number }>): Uint8Array {
  const table = new Uint8Array(151);
  for (let age = 0; age <= 150; age += 1) table[age] = bandIndex(bands, age);
  return table;
}

const AGE_TABLE = bandTable(AGE_BANDS);
const AGE_TABLE_5 = bandTable(AGE_BANDS_5);

/** Skill level digit → member index of DIMENSIONS.skillLevel (一级 … 五级, 无). */
function skillMember(level: number): number {
  return level === 0 ? 5 : level - 1;
}

/**
 * The headcount report of `year`. Pure over the columns: the same columns and year give the same
 * figures. Age on 31 December is `year − birth year` (everybody has had their birthday by then).
 */
export function computeHeadcountReport(columns: ReportColumns, year: number, targets: Pick<ReportTargets, 'talents'>): HeadcountReport {
  const day = yearEndDay(year);
  const previousDay = yearEndDay(year - 1);
  const counts = new Map<DimensionId, Float64Array>();
  for (const id of DIMENSION_ORDER) counts.set(id, new Float64Array(DIMENSIONS[id].members.length));
  const district = counts.get('district')!;
  const cluster = counts.get('cluster')!;
  const category = counts.get('category')!;
  const education = counts.get('education')!;
  const ageBand = counts.get('ageBand')!;
  const ageBand5 = counts.get('ageBand5')!;
  const title = counts.get('titleLevel')!;
  const skill = counts.get('skillLevel')!;
  const segment = counts.get('industrySegment')!;
  const gender = counts.get('gender')!;
  const overseas = counts.get('overseas')!;
  const ageUnknown = DIMENSIONS.ageBand.members.length - 1;
  const age5Unknown = DIMENSIONS.ageBand5.members.length - 1;
  const categoryCount = DIMENSIONS.category.members.length;
  const cross = new Float64Array(DIMENSIONS.district.members.length * categoryCount);
  const start = new Float64Array(categoryCount);
  const added = new Float64Array(categoryCount);
  const left = new Float64Array(categoryCount);
  const granted = new Float64Array(TITLE_NONE);
  let seniorHolders = 0;
  let seniorHoldersInRegistry = 0;
  let total = 0;
  let previousTotal = 0;

  const { entry, leave, flags, birthYear, dims } = columns;
  const districtColumn = dims.district;
  const categoryColumn = dims.category;
  for (let slot = 0; slot < columns.size; slot += 1) {
    // Fast path: no absences → presence is two comparisons.
    const simple = (flags[slot]! & 4) === 0;
    const entryDay = entry[slot]!;
    const leaveDay = leave[slot]!;
    const present = simple ? entryDay <= day && leaveDay > day : columns.isPresent(slot, day);
    const wasPresent = simple ? entryDay <= previousDay && leaveDay > previousDay : columns.isPresent(slot, previousDay);
    const categoryIndex = categoryColumn[slot]!;
    if (wasPresent) {
      previousTotal += 1;
      start[categoryIndex]! += 1;
      if (!present) left[categoryIndex]! += 1;
    }
    if ((flags[slot]! & 1) !== 0) {
      for (const grant of columns.titleGrants.get(columns.ids[slot]!) ?? []) if (grant.from > previousDay && grant.from <= day) granted[grant.level]! += 1;
    }
    if (entryDay === 0x7fffffff) continue;
    const titleIndex = columns.titleOn(slot, day);
    if (titleIndex <= 1) {
      seniorHolders += 1;
      if (present) seniorHoldersInRegistry += 1;
    }
    if (!present) continue;
    total += 1;
    if (!wasPresent) added[categoryIndex]! += 1;
    const districtIndex = districtColumn[slot]!;
    district[districtIndex]! += 1;
    category[categoryIndex]! += 1;
    cross[districtIndex * categoryCount + categoryIndex]! += 1;
    cluster[dims.cluster[slot]!]! += 1;
    education[dims.education[slot]!]! += 1;
    segment[dims.industrySegment[slot]!]! += 1;
    gender[dims.gender[slot]!]! += 1;
    overseas[dims.overseas[slot]!]! += 1;
    const born = birthYear[slot]!;
    const age = year - born;
    if (born === UNKNOWN_BIRTH_YEAR || age < 0 || age > 150) {
      ageBand[ageUnknown]! += 1;
      ageBand5[age5Unknown]! += 1;
    } else {
      ageBand[AGE_TABLE[age]!]! += 1;
      ageBand5[AGE_TABLE_5[age]!]! += 1;
    }
    title[titleIndex]! += 1;
    skill[skillMember(columns.skillOn(slot, day))]! += 1;
  }

  const breakdowns = DIMENSION_ORDER.map((id): Breakdown => {
    const dimension = DIMENSIONS[id];
    const values = counts.get(id)!;
    const rows = dimension.members.map((member, index) => ({ ...member, count: values[index]! }));
    return { id, zh: dimension.zh, en: dimension.en, rows, total: rows.reduce((sum, row) => sum + row.count, 0) };
  });
  const categories = DIMENSIONS.category.members;
  const flows = categories.map((member, index): FlowRow => {
    const end = category[index]!;
    return { ...member, start: start[index]!, added: added[index]!, left: left[index]!, end, net: end - start[index]! };
  });
  const sum = (key: 'start' | 'added' | 'left' | 'end' | 'net') => flows.reduce((acc, row) => acc + row[key], 0);
  const titleMembers = DIMENSIONS.titleLevel.members.slice(0, TITLE_NONE);
  const grantedRows = titleMembers.map((member, index) => ({ ...member, count: granted[index]! }));
  const change = total - previousTotal;
  return {
    year,
    asOf: dayNumberToYmd(day),
    previousAsOf: dayNumberToYmd(previousDay),
    total,
    previousTotal,
    change,
    changeRate: previousTotal === 0 ? null : change / previousTotal,
    target: targets.talents,
    progress: targets.talents > 0 ? total / targets.talents : null,
    breakdowns,
    cross: {
      rows: [...DIMENSIONS.district.members],
      columns: [...categories],
      counts: DIMENSIONS.district.members.map((_, row) => Array.from(cross.subarray(row * categoryCount, (row + 1) * categoryCount))),
    },
    flows,
    flowTotal: { start: sum('start'), added: sum('added'), left: sum('left'), end: sum('end'), net: sum('net') },
    titles: {
      grantedInYear: grantedRows,
      grantedInYearTotal: grantedRows.reduce((acc, row) => acc + row.count, 0),
      seniorHolders,
      seniorHoldersInRegistry,
    },
  };
}

/** 在库 head count on 31 December of each year (the dashboard's trend), in one pass. */
export function headcountTrend(columns: ReportColumns, years: readonly number[]): Array<{ year: number; total: number }> {
  const days = years.map(yearEndDay);
  const totals = new Float64Array(years.length);
  const { entry, leave, flags } = columns;
  for (let slot = 0; slot < columns.size; slot += 1) {
    const simple = (flags[slot]! & 4) === 0;
    for (let index = 0; index < days.length; index += 1) {
      const day = days[index]!;
      if (simple ? entry[slot]! <= day && leave[slot]! > day : columns.isPresent(slot, day)) totals[index]! += 1;
    }
  }
  return years.map((year, index) => ({ year, total: totals[index]! }));
}
