import { describe, expect, it } from 'vitest';
import type { IdDocumentType } from '../talent/talent';
import { citizenIdCheckChar } from './citizenId';
import { talentIdentityKey, validateDocumentNumber } from './documents';

const today = '2026-06-30';

function check(idType: IdDocumentType, raw: string | number) {
  return validateDocumentNumber(idType, raw, { today });
}

describe('resident', () => {
  it('accepts 18 and upgraded 15-digit numbers', () => {
    expect(check('resident', '310101199003071230')).toEqual({
      ok: true,
      value: { idType: 'resident', idNumber: '310101199003071230', birthDate: '1990-03-07', gender: 'M', district: '310101', warnings: [] },
    });
    const upgraded = check('resident', '130503670401001');
    expect(upgraded.ok && upgraded.value.warnings).toEqual(['ID_UPGRADED']);
  });
  it('takes safe-integer cells (15 digits survive a number cell) and refuses longer ones', () => {
    const upgraded = check('resident', 130503670401001);
    expect(upgraded.ok && upgraded.value.idNumber).toBe('130503196704010016');
    // 310101199003071230 is above 2^53: the number already lost digits.
    expect(check('resident', 310101199003071230)).toEqual({ ok: false, error: { code: 'ID_NUMERIC' } });
    expect(check('resident', 3.10101e17)).toEqual({ ok: false, error: { code: 'ID_NUMERIC' } });
  });
  it('refuses blanks and bad shapes', () => {
    expect(check('resident', '')).toEqual({ ok: false, error: { code: 'ID_FORMAT' } });
    expect(check('resident', 'H12345678')).toEqual({ ok: false, error: { code: 'ID_FORMAT' } });
  });
});

describe('residence permits (港澳台居民居住证)', () => {
  it('accepts a Hong Kong residence permit', () => {
    // 81000019950101002: 56+9+0+0+0+0+2+9+54+15+0+9+0+5+0+0+4 = 163; mod 11 = 9 → "3"
    expect(citizenIdCheckChar('81000019950101002')).toBe('3');
    expect(check('hkMacauResidence', '810000199501010023')).toEqual({
      ok: true,
      value: { idType: 'hkMacauResidence', idNumber: '810000199501010023', birthDate: '1995-01-01', gender: 'F', warnings: [] },
    });
  });
  it('accepts a Taiwan residence permit and moves the type by prefix', () => {
    // 83000019880808003: 56+27+0+0+0+0+2+9+48+24+0+72+0+40+0+0+6 = 284; mod 11 = 9 → "3"
    const taiwan = check('taiwanResidence', '830000198808080033');
    expect(taiwan.ok && taiwan.value).toMatchObject({ idType: 'taiwanResidence', gender: 'M', birthDate: '1988-08-08' });
    const entered = check('hkMacauResidence', '830000198808080033');
    expect(entered.ok && entered.value.idType).toBe('taiwanResidence');
    const back = check('taiwanResidence', '810000199501010023');
    expect(back.ok && back.value.idType).toBe('hkMacauResidence');
  });
  it('moves a residence permit number typed as 居民身份证 to its permit type', () => {
    const permit = check('resident', '810000199501010023');
    expect(permit.ok && permit.value).toMatchObject({ idType: 'hkMacauResidence', gender: 'F' });
    expect(check('resident', '810000199501010024')).toEqual({ ok: false, error: { code: 'ID_CHECKSUM' } });
  });
  it('refuses other prefixes, bad checks and 15 digits', () => {
    expect(check('hkMacauResidence', '310101199003071230')).toEqual({ ok: false, error: { code: 'ID_FORMAT' } });
    expect(check('hkMacauResidence', '810000199501010024')).toEqual({ ok: false, error: { code: 'ID_CHECKSUM' } });
    expect(check('taiwanResidence', '830000880808003')).toEqual({ ok: false, error: { code: 'ID_FORMAT' } });
  });
});

describe('permits', () => {
  it('港澳居民来往内地通行证: H/M + 8 digits, optionally + 2 renewal digits', () => {
    expect(check('hkMacauPermit', 'h12345678').ok).toBe(true);
    expect(check('hkMacauPermit', 'M1234567801').ok).toBe(true);
    expect(check('hkMacauPermit', 'H1234567').ok).toBe(false);
    expect(check('hkMacauPermit', 'H123456789').ok).toBe(false);
    expect(check('hkMacauPermit', 'K12345678').ok).toBe(false);
  });
  it('台湾居民来往大陆通行证: 8 digits (10 with renewal digits)', () => {
    expect(check('taiwanPermit', '12345678').ok).toBe(true);
    expect(check('taiwanPermit', 12345678).ok).toBe(true);
    expect(check('taiwanPermit', '1234567801').ok).toBe(true);
    expect(check('taiwanPermit', '1234567').ok).toBe(false);
    expect(check('taiwanPermit', '123456789').ok).toBe(false);
    expect(check('taiwanPermit', 'T1234567').ok).toBe(false);
  });
});

describe('passport', () => {
  it('recognises PRC forms', () => {
    expect(check('passport', 'E12345678')).toEqual({ ok: true, value: { idType: 'passport', idNumber: 'E12345678', passportKind: 'prc', warnings: [] } });
    const lettered = check('passport', 'ea1234567');
    expect(lettered.ok && lettered.value).toMatchObject({ idNumber: 'EA1234567', passportKind: 'prc' });
  });
  it('accepts foreign passports of 5–17 letters and digits', () => {
    const foreign = check('passport', '533 380 006');
    expect(foreign.ok && foreign.value).toMatchObject({ idNumber: '533380006', passportKind: 'foreign' });
    expect(check('passport', 'AB123').ok).toBe(true);
    expect(check('passport', 'AB12').ok).toBe(false);
    expect(check('passport', 'A'.repeat(18)).ok).toBe(false);
    expect(check('passport', 'E1234-5678').ok).toBe(false);
  });
});

describe('foreign permanent resident card', () => {
  it('accepts the new 18-digit form with MOD 11-2 check', () => {
    // 91562119900101001: 63+9+50+30+16+4+2+9+54+0+0+9+0+5+0+0+2 = 253; 253 mod 11 = 0 → "1"
    expect(check('foreignPermanent', '915621199001010011').ok).toBe(true);
    expect(check('foreignPermanent', '915621199001010012')).toEqual({ ok: false, error: { code: 'ID_CHECKSUM' } });
    expect(check('foreignPermanent', '815621199001010011')).toEqual({ ok: false, error: { code: 'ID_FORMAT' } });
  });
  it('accepts the old form: 3 letters + 12 digits', () => {
    expect(check('foreignPermanent', 'USA310112345678').ok).toBe(true);
    expect(check('foreignPermanent', 'US3101123456789').ok).toBe(false);
  });
});

describe('talentIdentityKey', () => {
  it('joins 15- and 18-digit forms and the residence permits into one namespace', () => {
    expect(talentIdentityKey('resident', '130503670401001')).toBe(talentIdentityKey('resident', '130503196704010016'));
    expect(talentIdentityKey('resident', '11010519491231002x')).toBe('CN:11010519491231002');
    expect(talentIdentityKey('hkMacauResidence', '810000199501010023')).toBe('CN:81000019950101002');
  });
  it('drops permit renewal digits', () => {
    expect(talentIdentityKey('hkMacauPermit', 'H1234567801')).toBe('hkMacauPermit:H12345678');
    expect(talentIdentityKey('taiwanPermit', '1234567801')).toBe('taiwanPermit:12345678');
  });
  it('keys other documents by type and normalised number', () => {
    expect(talentIdentityKey('passport', 'e 12345678')).toBe('passport:E12345678');
    expect(talentIdentityKey('passport', 'E12345678')).not.toBe(talentIdentityKey('foreignPermanent', 'E12345678'));
  });
});

describe('number cells', () => {
  it('treats a 16-digit number cell as ID_NUMERIC even though it is a safe integer', () => {
    // 1234567890123456 < 2^53 but has 16 digits: Excel may already have dropped the 16th.
    expect(validateDocumentNumber('passport', 1234567890123456, { today: '2026-06-30' })).toEqual({ ok: false, error: { code: 'ID_NUMERIC' } });
    // 15 digits are exact in a number cell: 130503670401001 upgrades like the text form.
    const upgraded = validateDocumentNumber('resident', 130503670401001, { today: '2026-06-30' });
    expect(upgraded.ok && upgraded.value.idNumber).toBe('130503196704010016');
  });
});
