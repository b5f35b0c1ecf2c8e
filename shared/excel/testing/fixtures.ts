/**
 * Test fixtures for the import pipeline, generated in memory at test time (no binary files are
 * committed): workbooks in every supported format, GBK-encoded CSV, and hostile files — zip bombs
 * that declare or hide their size, truncated and random bytes, encrypted containers.
 */
import * as XLSX from 'xlsx';
import { addDays } from '../../dates/ymd';
import { citizenIdCheckChar } from '../../identity/citizenId';

/** A cell value for a fixture sheet: text, a number, or a SheetJS cell object (e.g. a date-formatted serial). */
export type FixtureCell = string | number | boolean | null | { t: 'n' | 's'; v: number | string; z?: string };

/** A sheet to write: name, rows, and optionally hidden/merged ranges. */
export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  hidden?: boolean;
  /** Merged ranges such as `A1:S1`. */
  merges?: string[];
}

/** An 18-digit resident ID with a correct check character, from its first 17 characters. */
export function citizenId(first17: string): string {
  return `${first17}${citizenIdCheckChar(first17)}`;
}

/**
 * A valid, distinct ID for trainee `n` (n < 3,650,000): area 310101, born 1960-01-01 plus
 * ⌊n / 500⌋ days, sequence from n (odd = male, even = female).
 */
export function traineeId(n: number, gender: 'M' | 'F' = 'M'): string {
  const birth = addDays('1960-01-01', Math.floor(n / 500)).replace(/-/g, '');
  const sequence = 2 * (n % 500) + (gender === 'M' ? 1 : 0);
  return citizenId(`310101${birth}${String(sequence).padStart(3, '0')}`);
}

/** Builds a workbook from fixture sheets and writes it in the given SheetJS book type (`date1904`: old Mac date system). */
export function writeWorkbook(sheets: readonly FixtureSheet[], bookType: 'xlsx' | 'biff8' | 'ods' | 'xlsb' = 'xlsx', date1904 = false): Uint8Array {
  const workbook = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const worksheet = XLSX.utils.aoa_to_sheet(sheet.rows, { dense: true });
    if (sheet.merges) worksheet['!merges'] = sheet.merges.map((range) => XLSX.utils.decode_range(range));
    XLSX.utils.book_append_sheet(workbook, worksheet, sheet.name);
  }
  workbook.Workbook = { Sheets: sheets.map((sheet) => ({ name: sheet.name, Hidden: sheet.hidden ? 1 : 0 })), WBProps: { date1904 } };
  const output = XLSX.write(workbook, { type: 'array', bookType, compression: true }) as ArrayBuffer;
  return new Uint8Array(output);
}

/** The roster header as a training base writes it. */
export const ROSTER_HEADER = [
  '序号', '姓名', '性别', '证件类型', '身份证号码', '出生日期', '手机号码', '学历', '工作单位', '职业/工种', '等级',
  '培训开始日期', '培训结束日期', '学时', '考核结果', '理论成绩', '实操成绩', '证书编号', '备注',
];

/** One valid roster row for trainee `n` (text cells throughout, as a careful clerk types them). */
export function rosterRow(n: number): FixtureCell[] {
  const gender = n % 2 === 0 ? 'M' : 'F';
  const id = traineeId(n, gender);
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return [
    n, `学员${n}`, gender === 'M' ? '男' : '女', '居民身份证', id, birth, `1381234${String(n % 10000).padStart(4, '0')}`, '本科',
    '上海某某智能科技有限公司', '人工智能训练师', '四级/中级工', '2023-05-01', '2023-06-30', 64, '合格', 85, 90, '', '',
  ];
}

/** The 职称申报汇总表 header as units fill it (the bureau's form; 身份证号码 is a synonym of 身份证号). */
export const APPLICATION_HEADER = [
  '序号', '姓名', '性别', '出生年月', '身份证号码', '工作单位', '统一社会信用代码', '现从事专业', '学历/学位', '毕业院校及专业',
  '毕业时间', '现职称及取得时间', '申报系列/专业/级别', '申报途径', '年度考核', '继续教育学时', '社保/居住证', '业绩摘要', '单位公示起止', '审核意见',
];

/** One valid 职称申报汇总表 row for applicant `n` (text cells, as a unit types them). */
export function applicationRow(n: number): FixtureCell[] {
  const gender = n % 2 === 0 ? 'M' : 'F';
  const id = traineeId(n, gender);
  return [
    n, `申报人${n}`, gender === 'M' ? '男' : '女', `${id.slice(6, 10)}.${Number(id.slice(10, 12))}`, id, '上海某某智能科技有限公司', '', '人工智能',
    '硕士/工学硕士', '上海交通大学 计算机科学与技术', '2015年7月', '工程师 2019-12', '工程系列/人工智能/高级工程师', '正常晋升', '优秀', 96, '上海户籍',
    '主持大模型推理平台研发', '2025-03-03至2025-03-07', '',
  ];
}

/** A unit's 职称申报汇总表: a title line, the 填报单位 line, the header, the rows and a 制表 footer. */
export function applicationSheets(dataRows: FixtureCell[][]): FixtureSheet[] {
  return [
    {
      name: '职称申报汇总表',
      rows: [['2025年度工程系列人工智能专业职称申报人员汇总表'], ['填报单位（盖章）：上海某某智能科技有限公司'], APPLICATION_HEADER, ...dataRows, ['制表人：张老师']],
      merges: ['A1:T1'],
    },
  ];
}

/**
 * The roster a real training base sends: an instruction sheet first, a merged title, a 填报单位
 * line and a blank row above the header, blank rows inside, 合计/制表人 footers, and a hidden sheet.
 */
export function realisticRosterSheets(dataRows: FixtureCell[][]): FixtureSheet[] {
  return [
    {
      name: '填表说明',
      rows: [['填表说明'], ['1. 身份证号码请设置为文本格式，否则末尾数字会丢失'], ['2. 姓名、身份证号码为必填项'], ['3. 日期格式为 2023-05-01']],
    },
    {
      name: '花名册',
      rows: [
        ['2023年人工智能训练师培训花名册'],
        ['填报单位：上海某某培训学校', null, null, null, null, null, null, null, null, null, null, null, null, null, null, '填报日期：2023-07-01'],
        [],
        ROSTER_HEADER,
        ...dataRows.slice(0, 2),
        [],
        ...dataRows.slice(2),
        [],
        ['合计', `${dataRows.length}人`],
        ['制表人：王老师', null, null, null, '审核人：李主任'],
      ],
      merges: ['A1:S1'],
    },
    { name: '旧数据', hidden: true, rows: [ROSTER_HEADER, rosterRow(9999)] },
  ];
}

/** An HTML page with one table, as web systems "export to Excel" (saved as .xls). */
export function htmlTable(rows: readonly FixtureCell[][]): string {
  const escape = (value: FixtureCell): string =>
    String(value === null ? '' : typeof value === 'object' ? value.v : value).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table border="1">\n${body}\n</table></body></html>`;
}

/** Rows as CSV text (quoted where needed), CRLF line ends as Excel writes them. */
export function csvText(rows: readonly FixtureCell[][]): string {
  return rows
    .map((row) =>
      row
        .map((cell) => {
          const text = cell === null ? '' : typeof cell === 'object' ? String(cell.v) : String(cell);
          return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
        })
        .join(','),
    )
    .join('\r\n');
}

let gbkTable: Map<string, [number, number]> | undefined;

/**
 * Encodes text as GBK/GB18030 two-byte sequences. The table is built by decoding every two-byte
 * pair (lead 0x81–0xFE, trail 0x40–0xFE) with the platform's GB18030 decoder, so it is exactly the
 * decoder's own mapping; ASCII passes through. Characters outside the two-byte range throw.
 */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        try {
          const char = decoder.decode(new Uint8Array([lead, trail]));
          if (char.length === 1 && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
        } catch {
          // Not a valid pair.
        }
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = gbkTable.get(char);
    if (!pair) throw new Error(`no GBK two-byte code for ${char}`);
    bytes.push(pair[0], pair[1]);
  }
  return new Uint8Array(bytes);
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const output = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}

/** UTF-8 bytes, optionally with a BOM. */
export function utf8Bytes(text: string, withBom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  return withBom ? concatBytes(new Uint8Array([0xef, 0xbb, 0xbf]), body) : body;
}

/** Deterministic pseudo-random bytes (xorshift32), for "random garbage" files. */
export function randomBytes(length: number, seed = 0x2545f491): Uint8Array {
  const output = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    output[index] = state & 0xff;
  }
  return output;
}

/**
 * A raw deflate stream (fixed Huffman codes) that inflates to `length` zero bytes: one literal 0
 * followed by back-references of length 258 at distance 1 — 13 bits per 258 bytes, so 1 GiB costs
 * about 6.8 MB. Built bit by bit, without any compressor, so a bomb costs nothing to make.
 */
export function deflateZeros(length: number): Uint8Array {
  const bytes: number[] = [];
  let bitBuffer = 0;
  let bitCount = 0;
  const putBits = (value: number, count: number): void => {
    // Deflate packs values LSB-first, except Huffman codes, which callers pass already reversed.
    bitBuffer |= value << bitCount;
    bitCount += count;
    while (bitCount >= 8) {
      bytes.push(bitBuffer & 0xff);
      bitBuffer >>>= 8;
      bitCount -= 8;
    }
  };
  const putCode = (code: number, count: number): void => {
    let reversed = 0;
    for (let bit = 0; bit < count; bit += 1) reversed |= ((code >> bit) & 1) << (count - 1 - bit);
    putBits(reversed, count);
  };
  putBits(1, 1); // BFINAL
  putBits(1, 2); // BTYPE = 01, fixed Huffman
  let remaining = length;
  if (remaining > 0) {
    putCode(0x30, 8); // literal 0 (fixed code 00110000)
    remaining -= 1;
  }
  while (remaining >= 258) {
    putCode(0b11000101, 8); // length code 285 = 258 bytes
    putCode(0, 5); // distance code 0 = distance 1
    remaining -= 258;
  }
  while (remaining > 0) {
    putCode(0x30, 8);
    remaining -= 1;
  }
  putCode(0, 7); // end of block (256)
  if (bitCount > 0) bytes.push(bitBuffer & 0xff);
  return new Uint8Array(bytes);
}

/** One entry of a hand-made zip, sizes as declared (true or not). */
export interface CraftedZipEntry {
  name: string;
  /** The bytes stored in the zip (already compressed for method 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the headers declare (may lie). */
  declaredSize: number;
  crc32?: number;
}

/** Writes a zip with exactly the headers given, lies included. */
export function craftZip(entries: readonly CraftedZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new Uint8Array(30 + name.length);
    const localView = new DataView(local.buffer);
    localView.setUint32(0, 0x04034b50, true);
    localView.setUint16(4, 20, true);
    localView.setUint16(8, entry.method, true);
    localView.setUint32(14, entry.crc32 ?? 0, true);
    localView.setUint32(18, entry.data.length, true);
    localView.setUint32(22, entry.declaredSize >>> 0, true);
    localView.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const centralView = new DataView(central.buffer);
    centralView.setUint32(0, 0x02014b50, true);
    centralView.setUint16(4, 20, true);
    centralView.setUint16(6, 20, true);
    centralView.setUint16(10, entry.method, true);
    centralView.setUint32(16, entry.crc32 ?? 0, true);
    centralView.setUint32(20, entry.data.length, true);
    centralView.setUint32(24, entry.declaredSize >>> 0, true);
    centralView.setUint16(28, name.length, true);
    centralView.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const directory = concatBytes(...centrals);
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, entries.length, true);
  endView.setUint16(10, entries.length, true);
  endView.setUint32(12, directory.length, true);
  endView.setUint32(16, offset, true);
  return concatBytes(...locals, directory, end);
}

/** The minimal files of an xlsx, as stored entries, plus `extra` entries (e.g. a bomb sheet). */
export function craftXlsxLikeZip(sheetEntry: CraftedZipEntry): Uint8Array {
  const stored = (name: string, text: string): CraftedZipEntry => {
    const data = new TextEncoder().encode(text);
    return { name, data, method: 0, declaredSize: data.length };
  };
  return craftZip([
    stored('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    stored('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>'),
    sheetEntry,
  ]);
}

/**
 * An "encrypted xlsx" container: an OLE2 compound file holding `EncryptionInfo` and
 * `EncryptedPackage` streams, built with SheetJS's bundled CFB writer.
 */
export function encryptedOleContainer(): Uint8Array {
  const cfb = XLSX.CFB as {
    utils: { cfb_new(): unknown; cfb_add(container: unknown, name: string, content: Uint8Array): void };
    write(container: unknown, options: { type: 'array' }): ArrayBuffer | number[];
  };
  const container = cfb.utils.cfb_new();
  // EncryptionInfo version 4.4 (agile) header followed by a stub XML descriptor.
  const info = concatBytes(new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]), utf8Bytes('<?xml version="1.0"?><encryption/>'));
  cfb.utils.cfb_add(container, '/EncryptionInfo', info);
  cfb.utils.cfb_add(container, '/EncryptedPackage', randomBytes(4096, 7));
  const written = cfb.write(container, { type: 'array' });
  return written instanceof ArrayBuffer ? new Uint8Array(written) : new Uint8Array(written);
}

/**
 * A password-protected legacy .xls: a SheetJS-written BIFF8 workbook with an RC4 FILEPASS record
 * (type 0x002F) inserted after the first BOF record of its `Workbook` stream, as Excel and WPS
 * write it when a password to open is set. The rest of the stream stays plain; readers must stop
 * at FILEPASS anyway.
 */
export function passwordProtectedXls(): Uint8Array {
  const cfb = XLSX.CFB as {
    read(data: Uint8Array, options: { type: 'array' }): unknown;
    find(container: unknown, path: string): { content: ArrayLike<number>; size: number } | null;
    write(container: unknown, options: { type: 'array' }): ArrayBuffer | number[];
  };
  const container = cfb.read(writeWorkbook([{ name: 'S', rows: [['姓名', '身份证号码'], ['张三', '11010519491231002X']] }], 'biff8'), { type: 'array' });
  const entry = cfb.find(container, '/Workbook');
  if (!entry) throw new Error('no Workbook stream');
  const stream = Uint8Array.from(entry.content);
  const bofEnd = 4 + ((stream[2] as number) | ((stream[3] as number) << 8));
  // FILEPASS: wEncryptionType 1 (RC4), then an RC4 header v1.1 (salt, verifier, verifier hash: 48 bytes).
  const filepass = new Uint8Array(4 + 54);
  filepass.set([0x2f, 0x00, 54, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00]);
  entry.content = concatBytes(stream.subarray(0, bofEnd), filepass, stream.subarray(bofEnd));
  entry.size = stream.length + filepass.length;
  const written = cfb.write(container, { type: 'array' });
  return written instanceof ArrayBuffer ? new Uint8Array(written) : new Uint8Array(written);
}
