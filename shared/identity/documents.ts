/** Validation of every identity document type a talent record may carry. */
import type { Result } from '../result';
import type { Gender, IdDocumentType } from '../talent/talent';
import {
  citizenIdCheckChar,
  parseCitizenId,
  parseCitizenStyleNumber,
  type IdCheckOptions,
  type IdentityError,
  type IdWarningCode,
} from './citizenId';
import { looksLikeScientificNotation, normalizeDocumentNumber } from './normalize';

/** A document number that passed its type's checks. */
export interface DocumentNumberInfo {
  /**
   * The document type, possibly refined by the number's prefix: a 港澳台居民居住证 number entered as
   * the other residence permit type (830000 ↔ 810000/820000), or as a resident ID card, is moved to
   * the right permit type.
   */
  idType: IdDocumentType;
  /** Normalised number (15-digit resident IDs upgraded to 18). */
  idNumber: string;
  /** Only for numbers that encode them: resident ID and the residence permits. */
  birthDate?: string;
  gender?: Gender;
  /** Current Shanghai district code from the area code (resident IDs only), `''` otherwise. */
  district?: string;
  /** `passport` only: which form matched. */
  passportKind?: 'prc' | 'foreign';
  warnings: IdWarningCode[];
}

/** Document types whose number encodes birth date and gender (GB 11643 structure). */
export const CITIZEN_STYLE_DOCUMENT_TYPES: ReadonlySet<IdDocumentType> = new Set(['resident', 'hkMacauResidence', 'taiwanResidence']);

const HK_MACAU_RESIDENCE_PREFIXES = ['810000', '820000'];
const TAIWAN_RESIDENCE_PREFIX = '830000';
/** 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) + 8 digits, + 2 renewal digits on older permits. */
const HK_MACAU_PERMIT = /^[HM]\d{8}(?:\d{2})?$/;
/**
 * 台湾居民来往大陆通行证: 8 digits. Older booklets printed 2 renewal digits after the number, so
 * 10 digits are accepted too (the identity key uses the first 8).
 */
const TAIWAN_PERMIT = /^\d{8}(?:\d{2})?$/;
/** PRC ordinary passport: E + 8 digits, or E + letter + 7 digits (since 2017). */
const PRC_PASSPORT = /^E(?:\d{8}|[A-Z]\d{7})$/;
/** Foreign passports vary; ICAO 9303 allows up to 9 characters in the MRZ field, national forms go longer. */
const FOREIGN_PASSPORT = /^[A-Z0-9]{5,17}$/;
/** 外国人永久居留身份证, old form (2004–2023): 3-letter nationality code + 12 digits. */
const FOREIGN_PERMANENT_OLD = /^[A-Z]{3}\d{12}$/;
/** New form (since 2023-12): 18 characters starting with 9, MOD 11-2 check as GB 11643. */
const FOREIGN_PERMANENT_NEW = /^9\d{16}[\dX]$/;

function fail(code: IdentityError['code']): Result<never, IdentityError> {
  return { ok: false, error: { code } };
}

/**
 * Reads a spreadsheet value as document-number text. A safe integer survives a number cell intact
 * (a 15-digit first-generation ID, an 8-digit permit); anything longer has lost digits.
 */
function documentText(raw: string | number): Result<string, IdentityError> {
  if (typeof raw === 'number') {
    // A number cell of 16+ digits may already have lost digits (Excel keeps 15 significant ones):
    // never trust it, even below 2^53. Shorter numbers (15-digit IDs, 8-digit 台胞证) are exact.
    if (Number.isSafeInteger(raw) && raw > 0 && raw < 1e15) return { ok: true, value: String(raw) };
    return fail('ID_NUMERIC');
  }
  const normalized = normalizeDocumentNumber(raw);
  if (looksLikeScientificNotation(normalized)) return fail('ID_NUMERIC');
  return { ok: true, value: normalized };
}

function residencePermit(idType: 'hkMacauResidence' | 'taiwanResidence', normalized: string, opts: IdCheckOptions): Result<DocumentNumberInfo, IdentityError> {
  const prefix = normalized.slice(0, 6);
  let type: IdDocumentType = idType;
  if (prefix === TAIWAN_RESIDENCE_PREFIX) type = 'taiwanResidence';
  else if (HK_MACAU_RESIDENCE_PREFIXES.includes(prefix)) type = 'hkMacauResidence';
  else return fail('ID_FORMAT');
  const parsed = parseCitizenStyleNumber(normalized, opts);
  if (!parsed.ok) return parsed;
  const { idNumber, birthDate, gender } = parsed.value;
  return { ok: true, value: { idType: type, idNumber, birthDate, gender, warnings: [] } };
}

/**
 * Validates a document number for its type. `raw` may be the cell's number (safe integers only;
 * longer numbers fail with `ID_NUMERIC`). Errors: `ID_FORMAT` (shape), `ID_CHECKSUM`, `ID_DATE`
 * (birth date not a real day, before 1900 or after today), `ID_NUMERIC` (digits lost in a number
 * cell). Warnings in the result: `ID_UPGRADED`, `AREA_UNKNOWN`.
 */
export function validateDocumentNumber(idType: IdDocumentType, raw: string | number, opts: IdCheckOptions = {}): Result<DocumentNumberInfo, IdentityError> {
  const text = documentText(raw);
  if (!text.ok) return text;
  const normalized = text.value;
  if (normalized === '') return fail('ID_FORMAT');
  switch (idType) {
    case 'resident': {
      // No resident card starts 810000/820000/830000: such a number is a residence permit typed as 身份证.
      if (/^8[123]0000\d{11}[\dX]$/.test(normalized)) return residencePermit('hkMacauResidence', normalized, opts);
      const parsed = parseCitizenId(normalized, opts);
      if (!parsed.ok) return parsed;
      const { idNumber, birthDate, gender, district, warnings } = parsed.value;
      return { ok: true, value: { idType, idNumber, birthDate, gender, district, warnings } };
    }
    case 'hkMacauResidence':
    case 'taiwanResidence':
      return residencePermit(idType, normalized, opts);
    case 'hkMacauPermit':
      return HK_MACAU_PERMIT.test(normalized) ? { ok: true, value: { idType, idNumber: normalized, warnings: [] } } : fail('ID_FORMAT');
    case 'taiwanPermit':
      return TAIWAN_PERMIT.test(normalized) ? { ok: true, value: { idType, idNumber: normalized, warnings: [] } } : fail('ID_FORMAT');
    case 'passport': {
      if (PRC_PASSPORT.test(normalized)) return { ok: true, value: { idType, idNumber: normalized, passportKind: 'prc', warnings: [] } };
      if (FOREIGN_PASSPORT.test(normalized)) return { ok: true, value: { idType, idNumber: normalized, passportKind: 'foreign', warnings: [] } };
      return fail('ID_FORMAT');
    }
    case 'foreignPermanent': {
      if (FOREIGN_PERMANENT_OLD.test(normalized)) return { ok: true, value: { idType, idNumber: normalized, warnings: [] } };
      if (!FOREIGN_PERMANENT_NEW.test(normalized)) return fail('ID_FORMAT');
      if (citizenIdCheckChar(normalized.slice(0, 17)) !== normalized.charAt(17)) return fail('ID_CHECKSUM');
      return { ok: true, value: { idType, idNumber: normalized, warnings: [] } };
    }
    default: {
      const unknownType: never = idType;
      throw new Error(`unknown document type ${String(unknownType)}`);
    }
  }
}

/**
 * The key that identifies one person across records and files: one record per person. The three
 * GB 11643-style documents share one namespace (`CN:` + the first 17 characters of the 18-character
 * number, the check being implied, so a 15-digit and an 18-digit form of the same card collide); permits drop their renewal digits; other types are
 * keyed by type and normalised number. Invalid input still yields a key (its normalised text) so
 * duplicate detection works on rows that have other errors too.
 */
export function talentIdentityKey(idType: IdDocumentType, idNumber: string | number): string {
  const text = typeof idNumber === 'number' ? String(idNumber) : normalizeDocumentNumber(idNumber);
  switch (idType) {
    case 'resident':
    case 'hkMacauResidence':
    case 'taiwanResidence': {
      const upgraded = /^\d{15}$/.test(text) ? `${text.slice(0, 6)}19${text.slice(6)}` : text.slice(0, 17);
      return `CN:${upgraded.length === 17 ? upgraded : text}`;
    }
    case 'hkMacauPermit':
      return `${idType}:${HK_MACAU_PERMIT.test(text) ? text.slice(0, 9) : text}`;
    case 'taiwanPermit':
      return `${idType}:${TAIWAN_PERMIT.test(text) ? text.slice(0, 8) : text}`;
    default:
      return `${idType}:${text}`;
  }
}
