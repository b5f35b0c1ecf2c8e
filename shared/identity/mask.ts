/** Masking of personal data on screen and in exports (PIPL: masked by default, configurable). */

/** How much of a value stays visible; everything between is replaced by `maskChar`. */
export interface MaskPattern {
  keepStart: number;
  keepEnd: number;
  /** Defaults to `*`. */
  maskChar?: string;
}

/** `310101********123X`. */
export const DEFAULT_ID_MASK: MaskPattern = { keepStart: 6, keepEnd: 4 };
/** `138****5678`. */
export const DEFAULT_PHONE_MASK: MaskPattern = { keepStart: 3, keepEnd: 4 };

/**
 * Masks a value keeping its length. When the pattern would reveal a short value entirely (a
 * 9-character passport under the 6 + 4 ID pattern), it shrinks so at most half stays visible.
 */
export function maskValue(value: string, pattern: MaskPattern): string {
  const chars = Array.from(value);
  const length = chars.length;
  if (length === 0) return '';
  let keepStart = Math.max(0, Math.floor(pattern.keepStart));
  let keepEnd = Math.max(0, Math.floor(pattern.keepEnd));
  if (keepStart + keepEnd >= length) {
    const maxVisible = Math.floor(length / 2);
    keepEnd = Math.min(keepEnd, Math.floor(maxVisible / 2));
    keepStart = Math.min(keepStart, maxVisible - keepEnd);
  }
  const maskChar = pattern.maskChar ?? '*';
  return chars.slice(0, keepStart).join('') + maskChar.repeat(length - keepStart - keepEnd) + chars.slice(length - keepEnd).join('');
}

/** Masks a document number (default first 6 + last 4). */
export function maskIdNumber(value: string, pattern: MaskPattern = DEFAULT_ID_MASK): string {
  return maskValue(value, pattern);
}

/** Masks a phone number (default first 3 + last 4). */
export function maskPhone(value: string, pattern: MaskPattern = DEFAULT_PHONE_MASK): string {
  return maskValue(value, pattern);
}
