/**
 * 职业技能等级: level texts as rosters write them (四级, 四级/中级工, 中级工, 4), the derived skill
 * level of a talent from passed enrollments, and the 22-character 职业技能等级证书 number (DOMAIN.md §3).
 */
import type { ProgrammeLevel } from '../bases/trainingBase';

const LEVEL_WORDS: ReadonlyArray<[RegExp, ProgrammeLevel]> = [
  [/高级技师|一级|^1$|^L1$/i, 1],
  [/技师|二级|^2$|^L2$/i, 2],
  [/高级工|三级|^3$|^L3$/i, 3],
  [/中级工|四级|^4$|^L4$/i, 4],
  [/初级工|五级|^5$|^L5$/i, 5],
];

/** The level a text names (`四级/中级工` → 4; `高级技师` → 1), undefined when it names none. */
export function parseSkillLevel(text: string): ProgrammeLevel | undefined {
  const compact = text.normalize('NFKC').replace(/\s+/g, '');
  if (compact === '') return undefined;
  // 高级技师 before 技师, 高级工 before 中级工: the table is ordered so the longer word wins.
  for (const [pattern, level] of LEVEL_WORDS) if (pattern.test(compact)) return level;
  return undefined;
}

/**
 * The talent's derived 技能等级: the highest level (smallest digit) among passed, accepted
 * enrollments; 0 when none passed.
 */
export function deriveSkillLevel(enrollments: ReadonlyArray<{ decision: string; result: string; level: number }>): 0 | ProgrammeLevel {
  let best = 0;
  for (const enrollment of enrollments) {
    if (enrollment.decision !== 'accepted' || enrollment.result !== 'passed') continue;
    if (enrollment.level >= 1 && enrollment.level <= 5 && (best === 0 || enrollment.level < best)) best = enrollment.level;
  }
  return best as 0 | ProgrammeLevel;
}

/**
 * The derived level after one more passed level: the higher of the two (smaller digit); 0 means
 * none. `raiseSkillLevel(deriveSkillLevel(rows), level)` equals `deriveSkillLevel([...rows, passed at level])`.
 */
export function raiseSkillLevel(current: number, passed: number): 0 | ProgrammeLevel {
  const valid = (level: number) => level >= 1 && level <= 5;
  if (!valid(passed)) return (valid(current) ? current : 0) as 0 | ProgrammeLevel;
  if (!valid(current)) return passed as ProgrammeLevel;
  return Math.min(current, passed) as ProgrammeLevel;
}

/** The parts of a 职业技能等级证书 number. */
export interface SkillCertificateNumber {
  /** `Y` 用人单位 or `S` 社会培训评价组织. */
  issuer: 'Y' | 'S';
  /** Positions 2–5. */
  assessor: string;
  /** Positions 6–7. */
  province: string;
  /** Positions 8–13. */
  site: string;
  /** Positions 14–15 as a four-digit year (20xx). */
  year: number;
  level: ProgrammeLevel;
  /** Positions 17–22. */
  serial: string;
}

/** Why a certificate number is not a 职业技能等级证书 number. */
export type CertificateProblem = 'LENGTH' | 'ISSUER' | 'DIGITS' | 'LEVEL';

const CERTIFICATE = /^([YS])(\d{4})(\d{2})(\d{6})(\d{2})(\d)(\d{6})$/;

/**
 * Parses a 22-character 职业技能等级证书 number: `Y`/`S`, assessor (4), province (2), site (6),
 * year (2), level 1–5 (1), serial (6) — all but the first character digits.
 */
export function parseSkillCertificateNumber(raw: string): { ok: true; value: SkillCertificateNumber } | { ok: false; problem: CertificateProblem } {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (text.length !== 22) return { ok: false, problem: 'LENGTH' };
  if (text[0] !== 'Y' && text[0] !== 'S') return { ok: false, problem: 'ISSUER' };
  const match = CERTIFICATE.exec(text);
  if (!match) return { ok: false, problem: 'DIGITS' };
  const level = Number(match[6]);
  if (level < 1 || level > 5) return { ok: false, problem: 'LEVEL' };
  return {
    ok: true,
    value: { issuer: text[0], assessor: match[2] ?? '', province: match[3] ?? '', site: match[4] ?? '', year: 2000 + Number(match[5]), level: level as ProgrammeLevel, serial: match[7] ?? '' },
  };
}
