/** Deterministic demo 培训花名册 rows (training rosters), as a clerk's spreadsheet would hold them. */
import { codeLabel } from '../codes/matchCode';
import { educationOptions } from '../codes/codeLists';
import { dayNumberFromParts, dayNumberToYmd } from '../dates/ymd';
import { createRandom, deriveSeed, weightedTable, type Random } from './random';
import { generatePeople, type DemoPerson } from './people';

/** Column order of the 培训花名册 (DOMAIN §9). */
export const ROSTER_HEADERS: readonly string[] = [
  '序号',
  '姓名',
  '性别',
  '证件类型',
  '身份证号码',
  '出生日期',
  '手机号码',
  '学历',
  '工作单位',
  '职业/工种',
  '等级',
  '培训开始日期',
  '培训结束日期',
  '学时',
  '考核结果',
  '理论成绩',
  '实操成绩',
  '证书编号',
  '备注',
];

export interface GenerateRosterOptions {
  /**
   * How many talents `generateTalents` made with the same seed: roster people are drawn from
   * persons 0…talentCount−1 (who are talents) and, for outsiders, from persons after them.
   * Default: `count`.
   */
  talentCount?: number;
  /** Share of rows for people who are not talents (default 0.1). They come last. */
  outsiderShare?: number;
}

interface Course {
  occupation: string;
  /** Skill level 1–5 for skill certificates; 0 for 工程技术人员 grades. */
  levels: readonly (readonly [string, number])[];
}

const courseTable = weightedTable<Course>([
  [{ occupation: '人工智能训练师/数据标注员', levels: [['五级/初级工', 5], ['四级/中级工', 4], ['三级/高级工', 3]] }, 45],
  [{ occupation: '人工智能训练师/人工智能算法测试员', levels: [['四级/中级工', 4], ['三级/高级工', 3], ['二级/技师', 2], ['一级/高级技师', 1]] }, 30],
  [{ occupation: '人工智能工程技术人员', levels: [['初级', 0], ['中级', 0], ['高级', 0]] }, 25],
]);
const resultTable = weightedTable<'合格' | '不合格' | '缺考'>([
  ['合格', 80],
  ['不合格', 15],
  ['缺考', 5],
]);

const TRAINING_FROM = dayNumberFromParts(2021, 1, 1);
const TRAINING_TO = dayNumberFromParts(2026, 5, 31);

/** 22 characters: Y/S, assessor (4), province 31, site (6), year (2), level (1), serial (6). */
function skillCertificateNumber(random: Random, endDate: string, level: number): string {
  const issuer = random.chance(0.6) ? 'Y' : 'S';
  const assessor = String(random.between(1, 9999)).padStart(4, '0');
  const site = String(random.between(1, 999_999)).padStart(6, '0');
  const serial = String(random.between(1, 999_999)).padStart(6, '0');
  return `${issuer}${assessor}31${site}${endDate.slice(2, 4)}${level}${serial}`;
}

function rosterRow(sequence: number, person: DemoPerson, random: Random): string[] {
  const course = courseTable.draw(random);
  const [levelText, level] = random.pick(course.levels);
  const startDayNumber = random.between(TRAINING_FROM, TRAINING_TO);
  const start = dayNumberToYmd(startDayNumber);
  const end = dayNumberToYmd(startDayNumber + random.between(10, 60));
  const hours = random.between(5, 20) * 8;
  const result = resultTable.draw(random);
  let theory = '';
  let practice = '';
  if (result === '合格') {
    theory = String(random.between(60, 98));
    practice = String(random.between(60, 98));
  } else if (result === '不合格') {
    const failTheory = random.chance(0.5);
    theory = String(failTheory ? random.between(30, 59) : random.between(60, 90));
    practice = String(failTheory ? random.between(50, 90) : random.between(30, 59));
  }
  const certificate = result === '合格' && level > 0 ? skillCertificateNumber(random, end, level) : '';
  const remark = result === '合格' && level === 0 ? '证书另行发放' : result === '缺考' ? '未参加考核' : '';
  return [
    String(sequence),
    person.name,
    person.gender === 'M' ? '男' : '女',
    '居民身份证',
    person.idNumber,
    person.birthDate,
    person.phone,
    codeLabel(educationOptions, person.education),
    person.employer.name,
    course.occupation,
    levelText,
    start,
    end,
    String(hours),
    result,
    theory,
    practice,
    certificate,
    remark,
  ];
}

/**
 * Streams `count` roster rows (all cells text, in {@link ROSTER_HEADERS} order) for `seed`.
 * About 90 % are people who are also talents of `generateTalents(talentCount, seed)` (same ID
 * numbers, names, phones); the rest are outsiders with IDs no talent has.
 */
export function* generateRosterRows(count: number, seed: number, opts: GenerateRosterOptions = {}): Generator<string[], void, undefined> {
  const talentCount = Math.max(0, opts.talentCount ?? count);
  const outsiderShare = Math.min(1, Math.max(0, opts.outsiderShare ?? 0.1));
  const outsiders = talentCount === 0 ? count : Math.round(count * outsiderShare);
  const insiders = count - outsiders;
  const people = generatePeople(seed);
  const random = createRandom(deriveSeed(seed, 3));
  let sequence = 0;
  let index = 0;
  // Insiders: walk the talent persons, taking each with the probability that spreads the picks.
  for (; index < talentCount && sequence < insiders; index += 1) {
    const person = people.next().value;
    const remainingPicks = insiders - sequence;
    const remainingPeople = talentCount - index;
    if (random.next() * remainingPeople < remainingPicks) {
      sequence += 1;
      yield rosterRow(sequence, person, random);
    }
  }
  for (; index < talentCount; index += 1) people.next();
  while (sequence < count) {
    sequence += 1;
    yield rosterRow(sequence, people.next().value, random);
  }
}
