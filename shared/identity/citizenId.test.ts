import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar, districtFromIdNumber, parseCitizenId, upgradeFirstGenerationId } from './citizenId';

const today = '2026-06-30';

describe('citizenIdCheckChar (GB 11643-1999, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)', () => {
  it('computes the DOMAIN examples', () => {
    // 1101051949123100 2: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → "10X98765432"[2] = X
    expect(citizenIdCheckChar('11010519491231002')).toBe('X');
    // 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8 → "4"
    expect(citizenIdCheckChar('44052418800101001')).toBe('4');
  });
  it('computes Shanghai numbers', () => {
    // 21+9+0+5+0+4+2+9+54+0+0+27+0+35+8+8+6 = 188; 188 mod 11 = 1 → "0"
    expect(citizenIdCheckChar('31010119900307123')).toBe('0');
    // 21+9+0+5+8+36+2+9+42+24+7+9+20+0+0+0+8 = 200; 200 mod 11 = 2 → "X"
    expect(citizenIdCheckChar('31011919781120004')).toBe('X');
  });
  it('refuses anything but 17 digits', () => {
    expect(() => citizenIdCheckChar('1234')).toThrow();
  });
});

describe('parseCitizenId', () => {
  it('accepts 11010519491231002X and reads birth date and gender', () => {
    const result = parseCitizenId('11010519491231002X', { today });
    expect(result).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', areaCode: '110105', birthDate: '1949-12-31', gender: 'F', district: '', warnings: [] },
    });
  });

  it('normalises lower-case x, full-width digits and spaces', () => {
    const result = parseCitizenId(' １１０１０５ 1949\u30001231\u00a0002x\t', { today });
    expect(result.ok && result.value.idNumber).toBe('11010519491231002X');
  });

  it('accepts 440524188001010014 (born 1880: a real date) and refuses it when a later bound is set', () => {
    expect(parseCitizenId('440524188001010014', { today, earliestBirthDate: '1900-01-01' })).toEqual({ ok: false, error: { code: 'ID_DATE' } });
    const lenient = parseCitizenId('440524188001010014', { today });
    expect(lenient.ok && lenient.value).toMatchObject({ birthDate: '1880-01-01', gender: 'M' });
  });

  it('accepts a Shanghai number ending in 000 when its check is right', () => {
    // 31011519901231000: 21+9+0+5+8+20+2+9+54+0+7+18+30+5+0+0+0 = 188 → "0"
    const result = parseCitizenId('310115199012310000', { today });
    expect(result.ok && result.value).toMatchObject({ district: '310115', gender: 'F', birthDate: '1990-12-31' });
  });

  it('reports a wrong check character', () => {
    expect(parseCitizenId('310101199003071231', { today })).toEqual({ ok: false, error: { code: 'ID_CHECKSUM' } });
    expect(parseCitizenId('11010519491231002Y', { today })).toEqual({ ok: false, error: { code: 'ID_FORMAT' } });
  });

  it('reports IDs whose last digits an Excel number cell zeroed', () => {
    // Correct is 310101199003071230; through a number cell → 310101199003071000 (check would be 9).
    expect(citizenIdCheckChar('31010119900307100')).not.toBe('0');
    expect(parseCitizenId('310101199003071000', { today })).toEqual({ ok: false, error: { code: 'ID_NUMERIC' } });
    expect(parseCitizenId('3.10101E+17', { today })).toEqual({ ok: false, error: { code: 'ID_NUMERIC' } });
  });

  it('refuses impossible, future and (with a bound set) too-early birth dates', () => {
    // 2023-02-29 does not exist (check char irrelevant: the date is tested first).
    expect(parseCitizenId('310101202302290011', { today })).toEqual({ ok: false, error: { code: 'ID_DATE' } });
    // 2026-07-01 is after "today" 2026-06-30; 31010120260701001 → 21+9+0+5+0+4+4+0+12+18+0+63+0+5+0+0+2 = 143, mod 11 = 0 → "1"
    expect(citizenIdCheckChar('31010120260701001')).toBe('1');
    expect(parseCitizenId('310101202607010011', { today })).toEqual({ ok: false, error: { code: 'ID_DATE' } });
    expect(parseCitizenId('310101189912310011', { today, earliestBirthDate: '1900-01-01' })).toEqual({ ok: false, error: { code: 'ID_DATE' } });
  });

  it('accepts a leap day birth date (崇明县 310230, 1960-02-29)', () => {
    // 21+9+0+10+24+0+2+9+36+0+0+18+20+45+0+0+10 = 204; 204 mod 11 = 6 → "6"
    const result = parseCitizenId('310230196002290056', { today });
    expect(result.ok && result.value).toMatchObject({ birthDate: '1960-02-29', gender: 'M', district: '310151' });
  });

  it('refuses wrong lengths and characters', () => {
    for (const raw of ['', '31010119900307123', '3101011990030712300', '31010119900307123A', 'ABCDEFGHIJKLMNOPQR']) {
      expect(parseCitizenId(raw, { today })).toEqual({ ok: false, error: { code: 'ID_FORMAT' } });
    }
  });

  it('warns for an unknown province prefix', () => {
    // 99010119900101001 → 63+81+0+5+0+4+2+9+54+0+0+9+0+5+0+0+2 = 234; 234 mod 11 = 3 → "9"
    expect(citizenIdCheckChar('99010119900101001')).toBe('9');
    const result = parseCitizenId('990101199001010019', { today });
    expect(result.ok && result.value.warnings).toEqual(['AREA_UNKNOWN']);
  });
});

describe('15-digit first-generation IDs', () => {
  it('upgrades 130503670401001 → 130503196704010016', () => {
    // 1305031967040100 1: 7+27+0+25+0+12+2+9+36+21+0+36+0+5+0+0+2 = 182; 182 mod 11 = 6 → "6"
    expect(upgradeFirstGenerationId('130503670401001')).toBe('130503196704010016');
    const result = parseCitizenId('130503670401001', { today });
    expect(result).toEqual({
      ok: true,
      value: { idNumber: '130503196704010016', areaCode: '130503', birthDate: '1967-04-01', gender: 'M', district: '', warnings: ['ID_UPGRADED'] },
    });
  });
  it('checks the date of a 15-digit number', () => {
    expect(parseCitizenId('310101670230001', { today })).toEqual({ ok: false, error: { code: 'ID_DATE' } });
  });
});

describe('districtFromIdNumber', () => {
  it.each([
    ['310101199003071230', '310101'], // 黄浦
    ['310103198506150027', '310101'], // 卢湾 → 黄浦
    ['310108199201010038', '310106'], // 闸北 → 静安
    ['31011919781120004X', '310115'], // 南汇 → 浦东新区
    ['310230196002290056', '310151'], // 崇明县 → 崇明
    ['310115199012310000', '310115'],
    ['11010519491231002X', ''], // Beijing
    ['310100199001010011', ''], // 市辖区: no district
    ['', ''],
  ])('%s → %j', (id, district) => {
    expect(districtFromIdNumber(id)).toBe(district);
  });

  it('the Shanghai samples above have correct check characters', () => {
    // 卢湾: 21+9+0+5+0+12+2+9+48+15+0+54+10+25+0+0+4 = 214, mod 11 = 5 → "7"
    expect(parseCitizenId('310103198506150027', { today }).ok).toBe(true);
    // 闸北: 21+9+0+5+0+32+2+9+54+6+0+9+0+5+0+0+6 = 158, mod 11 = 4 → "8"
    expect(parseCitizenId('310108199201010038', { today }).ok).toBe(true);
    expect(parseCitizenId('31011919781120004X', { today }).ok).toBe(true);
  });
});
