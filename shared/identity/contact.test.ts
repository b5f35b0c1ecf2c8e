import { describe, expect, it } from 'vitest';
import { normalizePhone, validateEmail, validatePhone } from './contact';
import { maskIdNumber, maskPhone, maskValue } from './mask';

describe('phones', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-138-1234-5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['(+86)13812345678', '13812345678'],
  ])('normalises %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
    expect(validatePhone(raw)).toEqual({ ok: true, value: expected });
  });
  it('accepts number cells', () => {
    expect(validatePhone(19912345678)).toEqual({ ok: true, value: '19912345678' });
  });
  it.each(['12812345678', '1381234567', '138123456789', '021-12345678', 'abc', ''])('refuses %j', (raw) => {
    expect(validatePhone(raw)).toEqual({ ok: false, error: { code: 'PHONE_FORMAT' } });
  });
});

describe('e-mail', () => {
  it.each(['zhang.san@example.com', 'li+ai@sjtu.edu.cn', ' wang@shanghai.gov.cn '])('accepts %j', (raw) => {
    expect(validateEmail(raw)).toEqual({ ok: true, value: raw.trim() });
  });
  it('folds a full-width at sign', () => {
    expect(validateEmail('zhang＠example.com')).toEqual({ ok: true, value: 'zhang@example.com' });
  });
  it.each(['zhang', 'zhang@', '@example.com', 'zhang@example', 'zhang..san@example.com', 'zhang san@example.com', 'a@b.c1'])('refuses %j', (raw) => {
    expect(validateEmail(raw)).toEqual({ ok: false, error: { code: 'EMAIL_FORMAT' } });
  });
});

describe('masking', () => {
  it('masks IDs as first 6 + last 4 by default', () => {
    expect(maskIdNumber('31010119900307123X')).toBe('310101********123X');
  });
  it('masks phones as first 3 + last 4 by default', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('takes a configurable pattern', () => {
    expect(maskIdNumber('31010119900307123X', { keepStart: 3, keepEnd: 2, maskChar: '#' })).toBe('310#############3X');
    expect(maskPhone('13812345678', { keepStart: 0, keepEnd: 4 })).toBe('*******5678');
  });
  it('shrinks to half visible when the pattern would reveal a short value entirely', () => {
    // 9 characters under 6 + 4 = 10: at most 4 visible → 2 + 2.
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskValue('AB', { keepStart: 6, keepEnd: 4 })).toBe('A*');
    expect(maskValue('ABCDEFGHIJK', { keepStart: 6, keepEnd: 4 })).toBe('ABCDEF*HIJK');
    expect(maskValue('', { keepStart: 6, keepEnd: 4 })).toBe('');
  });
});
