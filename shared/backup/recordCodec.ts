/**
 * One record ⇄ one JSON line. Plain JSON values pass through untouched (and fast); the few values
 * JSON cannot carry are written as single-key tagged objects and read back as the same value:
 *
 * | value                          | written as                          |
 * |--------------------------------|-------------------------------------|
 * | `Uint8Array`                   | `{"$bytes":"<base64>"}`             |
 * | `Date` (should not occur)      | `{"$date":"<ISO>"}` (`null` if invalid) |
 * | `NaN`, `Infinity`, `-Infinity` | `{"$number":"NaN"}` …               |
 * | `bigint`                       | `{"$bigint":"123"}`                 |
 * | a plain object whose only key is one of these tags (or `$literal`) | `{"$literal":{…}}` |
 *
 * A record that would start with the control-line prefix `{"tlbak":"` is also wrapped in
 * `{"$literal":…}`, so record lines and structural lines can never be confused.
 * `undefined` properties are dropped, as IndexedDB's structured clone would keep them but JSON cannot;
 * a Map, Set or other class instance is a bug in the caller and throws.
 */
import type { BackupRecord } from './format';

const TAGS = new Set(['$bytes', '$date', '$number', '$bigint', '$literal']);
const LITERAL = '$literal';

/** `{"$literal": …}` wrappers made by the replacer, so it does not wrap their content a second time. */
const literalWrappers = new WeakSet<object>();

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += step) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + step));
  }
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The only key of `value`, or undefined when it has none or several. Avoids `Object.keys` allocation. */
function soleKey(value: object): string | undefined {
  let found: string | undefined;
  for (const key in value) {
    if (found !== undefined) return undefined;
    found = key;
  }
  return found;
}

/** JSON.stringify replacer. `this` is the holder, needed because Date.toJSON runs before the replacer sees the value. */
function encodeValue(this: unknown, key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'string':
      if ((this as Record<string, unknown>)[key] instanceof Date) return { $date: value };
      return value;
    case 'number':
      return Number.isFinite(value) ? value : { $number: String(value) };
    case 'bigint':
      return { $bigint: value.toString() };
    case 'object': {
      if (value === null) {
        return (this as Record<string, unknown>)[key] instanceof Date ? { $date: null } : null;
      }
      if (value instanceof Uint8Array) return { $bytes: bytesToBase64(value) };
      if (Array.isArray(value)) return value;
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) {
        throw new TypeError(`backup: cannot store a ${(value as { constructor?: { name?: string } }).constructor?.name ?? 'non-plain object'} at "${key}"`);
      }
      if (!literalWrappers.has(this as object)) {
        const only = soleKey(value);
        if (only !== undefined && TAGS.has(only)) {
          const wrapper = { [LITERAL]: value };
          literalWrappers.add(wrapper);
          return wrapper;
        }
      }
      return value;
    }
    default:
      return value;
  }
}

/**
 * Serialises one record as one line of JSON (without the newline). Keys keep the record's order.
 * Throws on values that cannot be stored faithfully (see the module comment) — a caller bug.
 */
export function encodeRecordLine(record: BackupRecord): string {
  const line = JSON.stringify(record, encodeValue);
  return line.startsWith('{"tlbak"') ? `{"${LITERAL}":${line}}` : line;
}

function decodeTagged(tag: string, payload: unknown): { value: unknown } | undefined {
  switch (tag) {
    case '$bytes':
      return typeof payload === 'string' ? { value: base64ToBytes(payload) } : undefined;
    case '$date':
      return payload === null ? { value: new Date(Number.NaN) } : typeof payload === 'string' ? { value: new Date(payload) } : undefined;
    case '$number':
      return payload === 'NaN' || payload === 'Infinity' || payload === '-Infinity' ? { value: Number(payload) } : undefined;
    case '$bigint':
      return typeof payload === 'string' && /^-?\d+$/.test(payload) ? { value: BigInt(payload) } : undefined;
    default:
      return undefined;
  }
}

/** Replaces tagged objects inside a parsed value, top-down (so `$literal` can stop the tag reading one level). */
function decodeValue(value: unknown, literal: boolean): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = decodeValue(value[i], false);
    return value;
  }
  const object = value as Record<string, unknown>;
  if (!literal) {
    const only = soleKey(object);
    if (only === LITERAL) return decodeValue(object[LITERAL], true);
    if (only !== undefined && TAGS.has(only)) {
      const decoded = decodeTagged(only, object[only]);
      if (decoded) return decoded.value;
    }
  }
  for (const key in object) object[key] = decodeValue(object[key], false);
  return object;
}

/**
 * Parses one record line (without its newline). Throws SyntaxError on bad JSON and TypeError when
 * the line is not a JSON object; the reader turns both into BACKUP_CORRUPT with the line number.
 */
export function decodeRecordLine(text: string): BackupRecord {
  const parsed: unknown = JSON.parse(text);
  // Tagged values are rare; the quoted `{"$` cannot occur inside a JSON string (quotes there are escaped).
  const value = text.includes('{"$') ? decodeValue(parsed, false) : parsed;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('a record line must hold a JSON object');
  return value as BackupRecord;
}
