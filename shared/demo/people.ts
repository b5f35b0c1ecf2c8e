/**
 * The demo person stream shared by the talent and roster generators: with the same seed, person
 * n is the same in both, so roster rows can be matched to talents by ID number.
 */
import type { Education, Gender } from '../talent/talent';
import { shanghaiDistricts } from '../codes/districts';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../identity/creditCode';
import { citizenIdCheckChar } from '../identity/citizenId';
import { dayNumberFromParts, formatYm, formatYmd, partsFromDayNumber } from '../dates/ymd';
import { createRandom, deriveSeed, weightedTable, type Random } from './random';
import {
  EMPLOYERS,
  FEMALE_NAME_CHARS,
  MAJORS,
  MALE_NAME_CHARS,
  OTHER_AREA_CODES,
  RETIRED_SHANGHAI_AREA_CODES,
  SCHOOLS,
  SURNAMES,
  type DemoEmployerSpec,
  type DemoSchool,
} from './demoData';

/** Ages are drawn as of this fixed day so the data does not change with the calendar. */
export const DEMO_REFERENCE_DATE = '2026-06-30';

export interface DemoEmployer extends DemoEmployerSpec {
  /** A generated credit code with a valid GB 32100 check character. */
  creditCode: string;
}

export interface DemoPerson {
  /** 0-based position in the stream. */
  index: number;
  name: string;
  /** Surname pinyin, for e-mail addresses. */
  surnamePinyin: string;
  gender: Gender;
  idNumber: string;
  birthDate: string;
  phone: string;
  education: Education;
  degree: string;
  school: DemoSchool;
  major: string;
  /** `YYYY-MM`. */
  graduationDate: string;
  employer: DemoEmployer;
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation code: 8 digits + check (11 − Σ mod 11; 10 → X, 11 → 0). */
function organisationCode(random: Random): string {
  let body = '';
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const digit = random.int(10);
    body += String(digit);
    sum += digit * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** Credit codes depend only on the employer's position in the list, never on the data seed. */
function employerCreditCode(spec: DemoEmployerSpec, position: number): string {
  const random = createRandom(deriveSeed(0x5eed_c0de, position));
  let first17: string;
  if (spec.kind === 'firm') {
    // 9 = registered by market regulation, 1 = enterprise; post-2015 firms carry an "MA" series code.
    let series = 'MA1';
    for (let i = 0; i < 6; i += 1) series += CREDIT_CODE_ALPHABET.charAt(random.int(CREDIT_CODE_ALPHABET.length));
    first17 = `91${spec.district}${series}`;
  } else {
    // 1 = registered by the staffing office, 2 = public institution.
    first17 = `12${spec.kind === 'university' ? '310000' : spec.district}${organisationCode(random)}`;
  }
  return first17 + creditCodeCheckChar(first17);
}

/** The demo employers with their generated credit codes. */
export const DEMO_EMPLOYERS: readonly DemoEmployer[] = EMPLOYERS.map((spec, position) => ({ ...spec, creditCode: employerCreditCode(spec, position) }));

const surnameTable = weightedTable(SURNAMES.map((entry, rank) => [entry, 100 / (rank + 6)] as const));
const employerTable = weightedTable(DEMO_EMPLOYERS.map((employer) => [employer, employer.weight] as const));
const educationTable = weightedTable<Education>([
  ['phd', 12],
  ['master', 35],
  ['bachelor', 40],
  ['associate', 10],
  ['other', 3],
]);
/** [youngest, oldest] age bands with their shares (ages 22–65). */
const ageBandTable = weightedTable<readonly [number, number]>([
  [[22, 29], 25],
  [[30, 35], 28],
  [[36, 45], 27],
  [[46, 54], 13],
  [[55, 65], 7],
]);
const phonePrefixTable = weightedTable(
  ['13', '15', '18', '17', '19', '14', '16'].map((prefix, rank) => [prefix, [30, 25, 25, 8, 8, 2, 2][rank] ?? 1] as const),
);
const domesticSchools = SCHOOLS.filter((school) => !school.overseas);
const overseasSchools = SCHOOLS.filter((school) => school.overseas);
const vocationalSchools = domesticSchools.filter((school) => /学院|学校/.test(school.name));
const GRADUATION_AGE: Readonly<Record<Education, number>> = { phd: 29, master: 25, bachelor: 22, associate: 21, other: 19 };
const DEGREE: Readonly<Record<Education, string>> = { phd: '博士', master: '硕士', bachelor: '学士', associate: '', other: '' };

const REFERENCE_YEAR = 2026;
const REFERENCE_MONTH = 6;
const REFERENCE_DAY = 30;

function drawBirthDayNumber(random: Random): number {
  const [youngest, oldest] = ageBandTable.draw(random);
  // Age a on the reference day ⇔ born in (ref − (a+1) years, ref − a years].
  const earliest = dayNumberFromParts(REFERENCE_YEAR - oldest - 1, REFERENCE_MONTH, REFERENCE_DAY) + 1;
  const latest = dayNumberFromParts(REFERENCE_YEAR - youngest, REFERENCE_MONTH, REFERENCE_DAY);
  return random.between(earliest, latest);
}

/** Every area code the generator may use; people draw an index so the uniqueness key stays a number. */
const AREA_CODES: readonly string[] = [...shanghaiDistricts.map((district) => district.value), ...RETIRED_SHANGHAI_AREA_CODES, ...OTHER_AREA_CODES];
const shanghaiAreaTable = weightedTable(shanghaiDistricts.map((district, position) => [position, district.value === '310115' ? 6 : 1] as const));
const RETIRED_FROM = shanghaiDistricts.length;
const OTHER_FROM = RETIRED_FROM + RETIRED_SHANGHAI_AREA_CODES.length;

function drawAreaIndex(random: Random, birthYear: number): number {
  if (random.chance(0.45)) return OTHER_FROM + random.int(OTHER_AREA_CODES.length);
  // Retired codes only for people registered before the mergers (2009–2016).
  if (birthYear < 2000 && random.chance(0.08)) return RETIRED_FROM + random.int(RETIRED_SHANGHAI_AREA_CODES.length);
  return shanghaiAreaTable.draw(random);
}

function drawGivenName(random: Random, gender: Gender): string {
  const chars = gender === 'M' ? MALE_NAME_CHARS : FEMALE_NAME_CHARS;
  const first = chars.charAt(random.int(chars.length));
  return random.chance(0.7) ? first + chars.charAt(random.int(chars.length)) : first;
}

function drawSchool(random: Random, education: Education): DemoSchool {
  if ((education === 'phd' || education === 'master') && random.chance(0.15)) return random.pick(overseasSchools);
  if (education === 'associate' || education === 'other') return random.pick(vocationalSchools);
  return random.pick(domesticSchools);
}

/**
 * An endless, deterministic stream of people with valid, unique resident ID numbers (correct
 * gender digit and check character), ages 22–65 on {@link DEMO_REFERENCE_DATE}, phones,
 * education and an employer. Memory grows by one ID prefix per person (uniqueness set).
 */
export function* generatePeople(seed: number): Generator<DemoPerson, never, undefined> {
  const random = createRandom(deriveSeed(seed, 1));
  const usedIds = new Set<number>();
  for (let index = 0; ; index += 1) {
    const gender: Gender = random.chance(0.58) ? 'M' : 'F';
    const [surname, surnamePinyin] = surnameTable.draw(random);
    const name = surname + drawGivenName(random, gender);

    let idNumber = '';
    let birth = { year: 0, month: 0, day: 0 };
    for (;;) {
      const birthDayNumber = drawBirthDayNumber(random);
      birth = partsFromDayNumber(birthDayNumber);
      const areaIndex = drawAreaIndex(random, birth.year);
      let found = false;
      for (let attempt = 0; attempt < 8 && !found; attempt += 1) {
        // Sequence 001–999 with parity by gender: odd male, even female.
        const sequence = gender === 'M' ? random.between(0, 499) * 2 + 1 : random.between(1, 499) * 2;
        // A numeric key (area, day, sequence) keeps the uniqueness set small and fast.
        const key = (areaIndex * 100_000 + (birthDayNumber + 50_000)) * 1000 + sequence;
        if (!usedIds.has(key)) {
          usedIds.add(key);
          const first17 = `${AREA_CODES[areaIndex] ?? ''}${birth.year * 10_000 + birth.month * 100 + birth.day}${String(sequence).padStart(3, '0')}`;
          idNumber = first17 + citizenIdCheckChar(first17);
          found = true;
        }
      }
      if (found) break;
    }
    const birthDate = formatYmd(birth.year, birth.month, birth.day);
    const birthYear = birth.year;
    const age = REFERENCE_YEAR - birth.year - (birth.month > REFERENCE_MONTH || (birth.month === REFERENCE_MONTH && birth.day > REFERENCE_DAY) ? 1 : 0);

    const phone = `${phonePrefixTable.draw(random)}${String(random.int(1_000_000_000)).padStart(9, '0')}`;
    const drawn = educationTable.draw(random);
    // Nobody holds a doctorate at 24: step down until the graduation age fits.
    const education: Education = drawn === 'phd' && age < 28 ? 'master' : drawn === 'master' && age < 24 ? 'bachelor' : drawn;
    const school = drawSchool(random, education);
    const graduationYear = Math.min(REFERENCE_YEAR, birthYear + GRADUATION_AGE[education] + random.between(0, 2));
    const graduationMonth = graduationYear === REFERENCE_YEAR ? 6 : random.chance(0.85) ? random.between(6, 7) : random.between(1, 12);
    yield {
      index,
      name,
      surnamePinyin,
      gender,
      idNumber,
      birthDate,
      phone,
      education,
      degree: DEGREE[education],
      school,
      major: random.pick(MAJORS),
      graduationDate: formatYm(graduationYear, graduationMonth),
      employer: employerTable.draw(random),
    };
  }
}
