/**
 * 职称证书 on 已发证. Shanghai issues electronic certificates for 中级 and above (DOMAIN.md §2):
 * the clerk records the e-certificate reference. For 初级 the app numbers certificates with a
 * configurable format, unique within the year (`numberKey` = `${year}|${number}`).
 */
import { err, ok, type Result } from '../result';
import type { AppliedLevel } from './application';

/** How a certificate is identified. */
export type CertificateKind = 'electronic' | 'numbered';

/** 中级 and above: electronic certificate. */
export function certificateKindFor(level: AppliedLevel): CertificateKind {
  return level === 'junior' ? 'numbered' : 'electronic';
}

/** Default number format: `{year}` four-digit year, `{seq:N}` sequence padded to N digits. */
export const DEFAULT_CERTIFICATE_NUMBER_FORMAT = 'SHAI-ZL-{year}-{seq:5}';

/** Formats a certificate number from the pattern, the year and the sequence number (1-based). */
export function formatCertificateNumber(pattern: string, year: number, sequence: number): Result<string> {
  if (!/\{seq(?::\d)?\}/u.test(pattern)) {
    return err({ code: 'CERTIFICATE_FORMAT_INVALID', message: '证书编号格式须包含序号 {seq} 或 {seq:位数}。', messageEn: 'The number format needs {seq}.' });
  }
  const number = pattern.replace(/\{year\}/gu, String(year)).replace(/\{seq(?::(\d))?\}/gu, (_match, width: string | undefined) => String(sequence).padStart(Number(width ?? '1'), '0'));
  return ok(number);
}

/** The unique key of a certificate number within its year. */
export function certificateNumberKey(year: number, number: string): string {
  return `${year}|${number.normalize('NFKC').trim().toUpperCase()}`;
}

/** The next number not in `taken` (keys of the year), starting after the highest sequence used. */
export function nextCertificateNumber(pattern: string, year: number, taken: ReadonlySet<string>): Result<string> {
  for (let sequence = 1; sequence < 1_000_000; sequence += 1) {
    const formatted = formatCertificateNumber(pattern, year, sequence);
    if (!formatted.ok) return formatted;
    if (!taken.has(certificateNumberKey(year, formatted.value))) return formatted;
  }
  return err({ code: 'CERTIFICATE_NUMBERS_EXHAUSTED', message: '本年度证书编号已用尽。', messageEn: 'No certificate numbers left this year.' });
}

/** The certificate data stored with an issued title. */
export interface TitleCertificateData {
  talentId: string;
  applicationId: string;
  level: AppliedLevel;
  kind: CertificateKind;
  /** Certificate number or e-certificate reference. */
  number: string;
  /** Year the certificate was issued in. */
  year: number;
  numberKey: string;
  issuedOn: string;
  /** '' while valid. */
  revokedOn: string;
  revocationReason: string;
}

/** Checks an e-certificate reference typed by the clerk. */
export function checkCertificateReference(reference: string): Result<string> {
  const trimmed = reference.normalize('NFKC').trim();
  if (trimmed.length < 4 || trimmed.length > 64) {
    return err({ code: 'CERTIFICATE_REFERENCE_INVALID', message: '电子证书编号应为 4–64 个字符。', messageEn: 'The e-certificate reference must be 4–64 characters.' });
  }
  return ok(trimmed);
}
