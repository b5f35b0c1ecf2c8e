/**
 * Turns the bytes of a CSV or HTML file into text. Chinese Excel saves CSV as GBK ("ANSI"), newer
 * tools as UTF-8 with or without a BOM, and "Unicode text" as UTF-16LE with a BOM.
 */
import { err, ok, type Result } from '../result';
import { importFileError, type ImportFileError } from './importErrors';

/** Encodings the text reader recognises. */
export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Decoded text and the encoding that decoded it. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function decodeStrict(bytes: Uint8Array, label: string): string | undefined {
  try {
    // `fatal` makes a wrong guess throw instead of silently producing U+FFFD.
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes text bytes: a BOM decides (UTF-8, UTF-16LE/BE); otherwise strict UTF-8; otherwise strict
 * GB18030 (a superset of GBK and GB2312). Bytes that are neither are refused as UNSUPPORTED_FORMAT.
 * A leading BOM is removed from the text.
 */
export function decodeCsvText(bytes: Uint8Array): Result<DecodedText, ImportFileError> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict(bytes, 'utf-8');
    if (text !== undefined) return ok({ text, encoding: 'utf-8' });
    return err(importFileError('FILE_CORRUPT', '文件声明为 UTF-8 编码，但内容不是有效的 UTF-8', 'the file has a UTF-8 BOM but is not valid UTF-8'));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeStrict(bytes, 'utf-16le');
    if (text !== undefined) return ok({ text, encoding: 'utf-16le' });
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeStrict(bytes, 'utf-16be');
    if (text !== undefined) return ok({ text, encoding: 'utf-16be' });
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return ok({ text: utf8, encoding: 'utf-8' });
  const gb = decodeStrict(bytes, 'gb18030');
  if (gb !== undefined) return ok({ text: gb, encoding: 'gb18030' });
  return err(importFileError('UNSUPPORTED_FORMAT', '无法识别文本编码（既不是 UTF-8 也不是 GBK/GB18030）', 'the text is neither UTF-8 nor GBK/GB18030'));
}
