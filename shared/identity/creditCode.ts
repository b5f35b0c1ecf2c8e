/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015: 18 characters from a 31-symbol
 * alphabet (no I, O, S, V, Z), the last one a MOD 31 check character.
 */
import type { Result } from '../result';
import { normalizeDocumentNumber } from './normalize';

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Why a credit code looks wrong. Every case is reported as the warning `CREDIT_CODE`, never as an
 * error: early pilot codes are legal but fail the check (e.g. 91350203M0001QAY9B), and a clerk's
 * typo in an employer's code must not block a talent's record.
 */
export interface CreditCodeProblem {
  code: 'CREDIT_CODE';
  reason: 'length' | 'charset' | 'checksum';
  /** The normalised text, kept as entered. */
  normalized: string;
}

/** The check character for the first 17 characters; throws on anything else (a bug in the caller). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('creditCodeCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new Error(`character outside the credit-code alphabet at position ${i + 1}`);
    sum += value * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET.charAt(check);
}

/** Normalises (as {@link normalizeDocumentNumber}) and checks length, alphabet and check character. */
export function validateCreditCode(raw: string): Result<string, CreditCodeProblem> {
  const normalized = normalizeDocumentNumber(raw);
  if (normalized.length !== 18) return { ok: false, error: { code: 'CREDIT_CODE', reason: 'length', normalized } };
  for (const char of normalized) {
    if (!CREDIT_CODE_ALPHABET.includes(char)) return { ok: false, error: { code: 'CREDIT_CODE', reason: 'charset', normalized } };
  }
  if (creditCodeCheckChar(normalized.slice(0, 17)) !== normalized.charAt(17)) {
    return { ok: false, error: { code: 'CREDIT_CODE', reason: 'checksum', normalized } };
  }
  return { ok: true, value: normalized };
}
