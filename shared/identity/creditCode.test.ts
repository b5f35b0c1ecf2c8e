import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, validateCreditCode } from './creditCode';

describe('creditCodeCheckChar (GB 32100-2015)', () => {
  it('computes by hand', () => {
    // 91310000MA1FL0000 → values 9 1 3 1 0 0 0 0 M=21 A=10 1 F=15 L=20 0 0 0 0 (no I, O in the alphabet)
    // 9+3+27+27+0+0+0+0+(21×20=420)+(10×29=290)+(1×25=25)+(15×13=195)+(20×8=160)+0+0+0+0 = 1156
    // 1156 mod 31 = 9 (31×37 = 1147); c = 31 − 9 = 22 → "N"
    expect(creditCodeCheckChar('91310000MA1FL0000')).toBe('N');
    // 12100000400000624 → 1+6+9+0+0+0+0+0+(4×20=80)+0+0+0+0+0+(6×10=60)+(2×30=60)+(4×28=112) = 328
    // 328 mod 31 = 18; c = 13 → "D"
    expect(creditCodeCheckChar('12100000400000624')).toBe('D');
  });
  it('maps c = 31 to 0', () => {
    // All zeros: Σ = 0, 0 mod 31 = 0, c = 31 → 0.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });
  it('throws on characters outside the alphabet', () => {
    expect(() => creditCodeCheckChar('9131000MA1FL0000I')).toThrow();
    expect(() => creditCodeCheckChar('123')).toThrow();
  });
});

describe('validateCreditCode', () => {
  it('accepts valid codes after normalisation', () => {
    expect(validateCreditCode('91310000MA1FL0000N')).toEqual({ ok: true, value: '91310000MA1FL0000N' });
    expect(validateCreditCode('91310000MA1FL0000A')).toMatchObject({ ok: false, error: { reason: 'checksum' } });
    expect(validateCreditCode(' 121000004000006 24d ')).toEqual({ ok: true, value: '12100000400000624D' });
  });
  it('flags the pilot code 91350203M0001QAY9B (legal, but the check would be 9)', () => {
    // 9+3+27+135+0+52+0+51+(M=21×20=420)+0+0+0+8+(Q=24×24=576)+(A=10×10=100)+(Y=30×30=900)+(9×28=252) = 2533
    // 2533 mod 31 = 22; c = 9 → "9", the code has "B".
    expect(creditCodeCheckChar('91350203M0001QAY9')).toBe('9');
    expect(validateCreditCode('91350203M0001QAY9B')).toEqual({
      ok: false,
      error: { code: 'CREDIT_CODE', reason: 'checksum', normalized: '91350203M0001QAY9B' },
    });
  });
  it('flags wrong length and characters', () => {
    expect(validateCreditCode('91310000MA1FL000')).toMatchObject({ ok: false, error: { reason: 'length' } });
    expect(validateCreditCode('91310000MA1FL000OA')).toMatchObject({ ok: false, error: { reason: 'charset' } });
  });
});
