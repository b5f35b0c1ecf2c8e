import { describe, expect, it } from 'vitest';
import { decodeRecordLine, encodeRecordLine } from './recordCodec';

describe('record lines', () => {
  it('writes plain records as compact JSON in their own key order', () => {
    expect(encodeRecordLine({ z: 1, a: '张三', list: [true, null], nested: { b: 2 } })).toBe('{"z":1,"a":"张三","list":[true,null],"nested":{"b":2}}');
    expect(decodeRecordLine('{"z":1,"a":"张三"}')).toEqual({ z: 1, a: '张三' });
  });

  it('keeps values JSON cannot carry', () => {
    const record = {
      photo: new Uint8Array([0, 127, 128, 255]),
      deep: [{ bytes: new Uint8Array(0) }],
      when: new Date('2026-11-26T01:02:03.004Z'),
      broken: new Date(Number.NaN),
      ratio: Number.NaN,
      big: Number.POSITIVE_INFINITY,
      small: Number.NEGATIVE_INFINITY,
      count: 12345678901234567890n,
    };
    const line = encodeRecordLine(record);
    expect(line).toBe(
      '{"photo":{"$bytes":"AH+A/w=="},"deep":[{"bytes":{"$bytes":""}}],"when":{"$date":"2026-11-26T01:02:03.004Z"},"broken":{"$date":null},' +
        '"ratio":{"$number":"NaN"},"big":{"$number":"Infinity"},"small":{"$number":"-Infinity"},"count":{"$bigint":"12345678901234567890"}}',
    );
    const back = decodeRecordLine(line);
    expect(back).toEqual(record);
    expect(back.photo).toBeInstanceOf(Uint8Array);
    expect(back.when).toBeInstanceOf(Date);
  });

  it('escapes plain objects that look like tags, so they come back as they were', () => {
    const record = { a: { $bytes: 'not bytes' }, b: { $literal: { $date: 'x' } }, c: { $number: 'NaN', other: 1 }, d: { $literal: new Uint8Array([1]) } };
    const line = encodeRecordLine(record);
    expect(decodeRecordLine(line)).toEqual(record);
    const odd = { x: 1, $literal: { $bytes: 'AQ==' } };
    expect(decodeRecordLine(encodeRecordLine(odd))).toEqual(odd);
  });

  it('never lets a record line look like a structural line', () => {
    const record = { tlbak: 'end', table: 'talents', rows: 0 };
    const line = encodeRecordLine(record);
    expect(line.startsWith('{"tlbak"')).toBe(false);
    expect(decodeRecordLine(line)).toEqual(record);
  });

  it('keeps strings that merely contain tag-like text', () => {
    const record = { note: '{"$bytes":"AA=="}', other: '{"tlbak":"end"}' };
    expect(decodeRecordLine(encodeRecordLine(record))).toEqual(record);
  });

  it('refuses values that would be silently lost (a caller bug)', () => {
    expect(() => encodeRecordLine({ m: new Map([[1, 2]]) })).toThrow(TypeError);
    expect(() => encodeRecordLine({ s: new Set([1]) })).toThrow(TypeError);
  });

  it('refuses lines that are not JSON objects', () => {
    expect(() => decodeRecordLine('[1,2]')).toThrow();
    expect(() => decodeRecordLine('{"a":')).toThrow();
    expect(() => decodeRecordLine('null')).toThrow();
  });
});
