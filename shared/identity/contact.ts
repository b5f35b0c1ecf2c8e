/** Mobile numbers and e-mail addresses. */
import type { Result } from '../result';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * Canonical mobile text: NFKC, spaces, dashes, dots and brackets removed, then a leading `+86`,
 * `0086` (or a bare `86` before 11 digits) dropped. Carrier prefixes are not hard-coded.
 */
export function normalizePhone(raw: string | number): string {
  const text = String(raw)
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\-–—.()（）]+/g, '');
  if (text.startsWith('+86')) return text.slice(3);
  if (text.startsWith('0086')) return text.slice(4);
  if (/^861\d{10}$/.test(text)) return text.slice(2);
  return text;
}

/** A mainland mobile number `^1[3-9]\d{9}$` after {@link normalizePhone}. */
export function validatePhone(raw: string | number): Result<string, { code: 'PHONE_FORMAT' }> {
  const phone = normalizePhone(raw);
  return MAINLAND_MOBILE.test(phone) ? { ok: true, value: phone } : { ok: false, error: { code: 'PHONE_FORMAT' } };
}

/**
 * Practical address check: local part of the usual atext characters and dots (no leading,
 * trailing or doubled dot), a domain of at least two labels, a letter-only TLD, ≤ 254 characters.
 */
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Trims and NFKC-folds (full-width `＠` → `@`), then checks with a sane pattern. */
export function validateEmail(raw: string): Result<string, { code: 'EMAIL_FORMAT' }> {
  const email = raw.normalize('NFKC').trim();
  return email.length <= 254 && EMAIL.test(email) ? { ok: true, value: email } : { ok: false, error: { code: 'EMAIL_FORMAT' } };
}
