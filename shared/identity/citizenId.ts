/**
 * Citizen identity numbers, GB 11643-1999: 6-digit area code, YYYYMMDD birth date, 3-digit
 * sequence (odd = male, even = female) and a MOD 11-2 check character. 15-digit first-generation
 * numbers (YYMMDD, no check) are upgraded to 18 digits.
 */
import type { Result } from '../result';
import type { Gender } from '../talent/talent';
import { compareYmd, formatYmd, isValidDateParts, todayYmd } from '../dates/ymd';
import { currentShanghaiDistrict, provinceCodes } from '../codes/districts';
import { looksLikeScientificNotation, normalizeDocumentNumber } from './normalize';

/** Hard failures of a document number (validation errors). */
export type IdErrorCode = 'ID_FORMAT' | 'ID_CHECKSUM' | 'ID_DATE' | 'ID_NUMERIC';
/** Soft findings that keep the number (validation warnings). */
export type IdWarningCode = 'ID_UPGRADED' | 'AREA_UNKNOWN';

/** Why a document number was refused. */
export interface IdentityError {
  code: IdErrorCode;
}

/** What an 18-character citizen-style number says about its holder. */
export interface CitizenIdInfo {
  /** The 18-character number (a 15-digit input comes back upgraded). */
  idNumber: string;
  areaCode: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  gender: Gender;
  /** Current Shanghai district code (retired codes followed), `''` outside Shanghai. */
  district: string;
  /** `ID_UPGRADED` for a 15-digit input; `AREA_UNKNOWN` when the province prefix is not in GB/T 2260. */
  warnings: IdWarningCode[];
}

/** Options shared by the document checks. */
export interface IdCheckOptions {
  /** "Today" for the not-in-the-future rule (`YYYY-MM-DD`); defaults to today in China. */
  today?: string;
  /**
   * Earliest accepted birth date, default `1800-01-01`. GB 11643 only asks for a real calendar
   * date; the DOMAIN example 440524188001010014 (born 1880) is a valid number and must pass.
   */
  earliestBirthDate?: string;
}

/** Weights of positions 1–17 (2^(18−i) mod 11). */
export const CITIZEN_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Lower bound for birth dates inside IDs and in birth-date cells: only absurd dates are refused. */
export const DEFAULT_EARLIEST_BIRTH_DATE = '1800-01-01';

/** The MOD 11-2 check character for the first 17 digits. Throws on anything but 17 digits (a bug). */
export function citizenIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('citizenIdCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * (CITIZEN_ID_WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** Upgrades a 15-digit first-generation number: insert `19` after the area code, append the check. */
export function upgradeFirstGenerationId(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new Error('upgradeFirstGenerationId needs exactly 15 digits');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + citizenIdCheckChar(first17);
}

/** Gender from the sequence digit (position 17): odd male, even female. */
export function genderFromIdNumber(id18: string): Gender {
  return (id18.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F';
}

/** `YYYY-MM-DD` from positions 7–14 of an 18-character number (not validated). */
export function birthDateFromIdNumber(id18: string): string {
  return `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`;
}

/**
 * The current Shanghai district of a citizen number's area code (310103 卢湾 → 310101 黄浦, …);
 * `''` when the number is not from a Shanghai district.
 */
export function districtFromIdNumber(idNumber: string): string {
  const normalized = normalizeDocumentNumber(idNumber);
  if (!/^\d{6}/.test(normalized)) return '';
  return currentShanghaiDistrict(normalized.slice(0, 6));
}

/**
 * Checks the 18-character structure shared by the resident ID card, the HK/Macao/Taiwan
 * residence permits and the new foreign permanent resident card: 17 digits + check, a real
 * birth date from 1900 up to today, and the check character.
 */
export function parseCitizenStyleNumber(normalized: string, opts: IdCheckOptions = {}): Result<CitizenIdInfo, IdentityError> {
  if (!/^\d{17}[\dX]$/.test(normalized)) return { ok: false, error: { code: 'ID_FORMAT' } };
  const year = Number(normalized.slice(6, 10));
  const month = Number(normalized.slice(10, 12));
  const day = Number(normalized.slice(12, 14));
  if (!isValidDateParts(year, month, day)) return { ok: false, error: { code: 'ID_DATE' } };
  const birthDate = formatYmd(year, month, day);
  const today = opts.today ?? todayYmd();
  if (compareYmd(birthDate, opts.earliestBirthDate ?? DEFAULT_EARLIEST_BIRTH_DATE) < 0 || compareYmd(birthDate, today) > 0) {
    return { ok: false, error: { code: 'ID_DATE' } };
  }
  if (citizenIdCheckChar(normalized.slice(0, 17)) !== normalized.charAt(17)) {
    // Excel keeps 15 significant digits, so an ID that passed through a number cell ends in 000.
    return { ok: false, error: { code: normalized.endsWith('000') ? 'ID_NUMERIC' : 'ID_CHECKSUM' } };
  }
  const areaCode = normalized.slice(0, 6);
  const warnings: IdWarningCode[] = provinceCodes.has(areaCode.slice(0, 2)) ? [] : ['AREA_UNKNOWN'];
  return {
    ok: true,
    value: {
      idNumber: normalized,
      areaCode,
      birthDate,
      gender: genderFromIdNumber(normalized),
      district: currentShanghaiDistrict(areaCode),
      warnings,
    },
  };
}

/**
 * Validates a resident identity card number (居民身份证): 18 characters with check, or a 15-digit
 * first-generation number, which is upgraded and carries the warning `ID_UPGRADED`.
 * `raw` is normalised first ({@link normalizeDocumentNumber}).
 */
export function parseCitizenId(raw: string, opts: IdCheckOptions = {}): Result<CitizenIdInfo, IdentityError> {
  const normalized = normalizeDocumentNumber(raw);
  if (looksLikeScientificNotation(normalized)) return { ok: false, error: { code: 'ID_NUMERIC' } };
  if (/^\d{15}$/.test(normalized)) {
    const result = parseCitizenStyleNumber(upgradeFirstGenerationId(normalized), opts);
    if (!result.ok) return result;
    return { ok: true, value: { ...result.value, warnings: ['ID_UPGRADED', ...result.value.warnings] } };
  }
  return parseCitizenStyleNumber(normalized, opts);
}
