/** Test helpers: read a written workbook back with SheetJS and look at its XML parts. */
import * as XLSX from 'xlsx';

interface CfbEntry {
  content: Uint8Array | number[];
}

interface CfbContainer {
  FullPaths: string[];
  FileIndex: CfbEntry[];
}

interface CfbApi {
  read(data: Uint8Array, options: { type: 'array' }): CfbContainer;
}

const cfb = (XLSX as unknown as { CFB: CfbApi }).CFB;

/** The text of one part of a zip (throws when missing). */
export function unzipText(bytes: Uint8Array, path: string): string {
  const container = cfb.read(bytes, { type: 'array' });
  const entry = container.FileIndex[container.FullPaths.indexOf(`Root Entry/${path}`)];
  if (!entry) throw new Error(`No ${path} in the archive`);
  return new TextDecoder().decode(entry.content instanceof Uint8Array ? entry.content : new Uint8Array(entry.content));
}

/** SheetJS's reading of a workbook, with styles and comments. */
export function readBack(bytes: Uint8Array): { workbook: XLSX.WorkBook } {
  return { workbook: XLSX.read(bytes, { type: 'array', cellStyles: true, cellNF: true, dense: false }) };
}
