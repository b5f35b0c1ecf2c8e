/** Normalising document numbers as clerks type them or spreadsheets deliver them. */

/**
 * Brings a document number to its canonical form before any check: NFKC (full-width → half-width),
 * every space removed (ASCII, U+3000 ideographic, NBSP, tabs, zero-width), letters upper-case
 * (`x` → `X`). Spreadsheet text-forcing wrappers are dropped too: a leading apostrophe
 * (`'310101…`) and the CSV formula form `="310101…"`.
 */
export function normalizeDocumentNumber(raw: string): string {
  let text = raw.normalize('NFKC').replace(/(?:[\s\u00a0\u3000\u200b\u200c\u2060\ufeff]|\u200d)+/g, '');
  const formula = /^="(.*)"$/.exec(text);
  if (formula) text = formula[1] ?? '';
  if (text.startsWith("'")) text = text.slice(1);
  return text.toUpperCase();
}

/**
 * True when a cell shows the scientific-notation form Excel gives an ID stored as a number
 * (`3.10101E+17`): the trailing digits are already lost and cannot be recovered.
 */
export function looksLikeScientificNotation(normalized: string): boolean {
  return /^\d+(?:\.\d+)?E\+?\d+$/.test(normalized);
}
