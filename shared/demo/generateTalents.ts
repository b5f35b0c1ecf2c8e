/** Deterministic demo talents for development, demos and performance tests. */
import type { Cluster, Talent, TalentCategory, TalentStatus, TitleLevel, SkillLevel } from '../talent/talent';
import { dayNumberFromParts, dayNumberToYmd, ymdToDayNumber } from '../dates/ymd';
import { createRandom, deriveSeed, weightedTable, type Random } from './random';
import { CANCEL_REASONS, LEAVING_REASONS, POSITIONS } from './demoData';
import { DEMO_REFERENCE_DATE, generatePeople, type DemoPerson } from './people';

export interface GenerateTalentsOptions {
  /** Share of records 已迁出 (default 0.08). */
  movedOutShare?: number;
  /** Share of records 已注销 (default 0.01). */
  cancelledShare?: number;
}

const categoryTable = weightedTable<TalentCategory>([
  ['algorithmEngineer', 30],
  ['engineer', 30],
  ['aiTrainer', 15],
  ['manager', 10],
  ['industryExpert', 6],
  ['leadingTalent', 5],
  ['topScientist', 1],
  ['other', 3],
]);
const skillLevelTable = weightedTable<SkillLevel>([
  [5, 30],
  [4, 35],
  [3, 22],
  [2, 10],
  [1, 3],
]);

const JOIN_START = dayNumberFromParts(2019, 1, 1);
const REFERENCE_DAY_NUMBER = ymdToDayNumber(DEMO_REFERENCE_DATE);

function drawTitleLevel(random: Random, age: number, category: TalentCategory): TitleLevel {
  const roll = random.next();
  if (category === 'topScientist') return roll < 0.8 ? 'senior' : 'deputySenior';
  if (category === 'aiTrainer') return roll < 0.1 ? 'junior' : 'none';
  // Titles follow years of work: older people hold higher ones more often.
  if (age < 28) return roll < 0.12 ? 'junior' : 'none';
  if (age < 36) return roll < 0.1 ? 'junior' : roll < 0.28 ? 'intermediate' : roll < 0.3 ? 'deputySenior' : 'none';
  if (age < 46) return roll < 0.05 ? 'junior' : roll < 0.25 ? 'intermediate' : roll < 0.37 ? 'deputySenior' : roll < 0.4 ? 'senior' : 'none';
  return roll < 0.15 ? 'intermediate' : roll < 0.33 ? 'deputySenior' : roll < 0.4 ? 'senior' : 'none';
}

const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A version-4 UUID drawn from the stream, so ids are reproducible too. */
function drawUuid(random: Random): string {
  let text = '';
  for (let word = 0; word < 4; word += 1) {
    let bits = random.int(0x1_0000_0000);
    for (let byteInWord = 0; byteInWord < 4; byteInWord += 1) {
      const position = word * 4 + byteInWord;
      let byte = bits & 0xff;
      bits >>>= 8;
      if (position === 6) byte = (byte & 0x0f) | 0x40; // version 4
      if (position === 8) byte = (byte & 0x3f) | 0x80; // RFC 4122 variant
      if (position === 4 || position === 6 || position === 8 || position === 10) text += '-';
      text += HEX_BYTES[byte] ?? '00';
    }
  }
  return text;
}

function talentFromPerson(person: DemoPerson, random: Random, opts: Required<GenerateTalentsOptions>): Talent {
  const age = 2026 - Number(person.birthDate.slice(0, 4));
  const category = categoryTable.draw(random);
  // Joined on or after graduation (and not before 2019-01-01), up to the reference date.
  const graduated = dayNumberFromParts(Number(person.graduationDate.slice(0, 4)), Number(person.graduationDate.slice(5, 7)), 28);
  const joinFrom = Math.min(Math.max(JOIN_START, graduated), REFERENCE_DAY_NUMBER);
  const joinedDayNumber = random.between(joinFrom, REFERENCE_DAY_NUMBER);
  const joinedDate = dayNumberToYmd(joinedDayNumber);

  let status: TalentStatus = 'active';
  let leftDate = '';
  let leftReason = '';
  const statusRoll = random.next();
  if (joinedDayNumber + 30 <= REFERENCE_DAY_NUMBER && statusRoll < opts.movedOutShare + opts.cancelledShare) {
    status = statusRoll < opts.movedOutShare ? 'movedOut' : 'cancelled';
    leftDate = dayNumberToYmd(random.between(joinedDayNumber + 30, REFERENCE_DAY_NUMBER));
    leftReason = status === 'movedOut' ? (age >= 60 && random.chance(0.5) ? '退休' : random.pick(LEAVING_REASONS)) : random.pick(CANCEL_REASONS);
  }

  const overseas = person.school.overseas || random.chance(0.06);
  const tags: string[] = [];
  if (overseas && random.chance(0.5)) tags.push('海外引进');
  if ((category === 'topScientist' || category === 'leadingTalent') && random.chance(0.6)) tags.push('重点人才');
  if (random.chance(0.03)) tags.push('博士后');

  const employer = person.employer;
  const cluster: Cluster = employer.cluster;
  const createdAt = `${joinedDate}T01:30:00.000Z`;
  return {
    id: drawUuid(random),
    name: person.name,
    gender: person.gender,
    idType: 'resident',
    idNumber: person.idNumber,
    birthDate: person.birthDate,
    nationality: '中国',
    phone: person.phone,
    email: random.chance(0.6) ? `${person.surnamePinyin}${String(person.index).padStart(6, '0')}@${employer.mailDomain}.example.com` : '',
    education: person.education,
    degree: person.degree,
    school: person.school.name,
    major: person.major,
    graduationDate: person.graduationDate,
    employer: employer.name,
    employerCreditCode: employer.creditCode,
    district: employer.district,
    cluster,
    industrySegment: employer.segment,
    category,
    position: random.pick(POSITIONS[category] ?? POSITIONS.other ?? ['']),
    overseas,
    joinedDate,
    leftDate,
    leftReason,
    status,
    tags,
    remarks: '',
    titleLevel: drawTitleLevel(random, age, category),
    skillLevel: category === 'aiTrainer' ? (random.chance(0.7) ? skillLevelTable.draw(random) : 0) : random.chance(0.03) ? skillLevelTable.draw(random) : 0,
    createdAt,
    updatedAt: createdAt,
  };
}

/**
 * Streams `count` demo talents for `seed`: same seed, same records, on every machine (seeded
 * mulberry32, dates on day numbers). IDs are valid and unique, employers carry valid credit
 * codes, districts follow the employer (Pudong heaviest) and clusters the district.
 * Talent n is built from person n of {@link generatePeople}, so `generateRosterRows` with the same
 * seed produces people who match these talents by ID number.
 */
export function* generateTalents(count: number, seed: number, opts: GenerateTalentsOptions = {}): Generator<Talent, void, undefined> {
  const settings: Required<GenerateTalentsOptions> = { movedOutShare: opts.movedOutShare ?? 0.08, cancelledShare: opts.cancelledShare ?? 0.01 };
  const people = generatePeople(seed);
  const random = createRandom(deriveSeed(seed, 2));
  for (let produced = 0; produced < count; produced += 1) {
    yield talentFromPerson(people.next().value, random, settings);
  }
}
