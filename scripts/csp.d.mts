/** Types for scripts/csp.mjs. */

/** Returns the `content` of every `<meta http-equiv="Content-Security-Policy">` in `html`. */
export function extractCspMetaContents(html: string): string[];

/** Lists what is wrong with the page's CSP (Chinese / English); empty means it passes. */
export function findCspProblems(html: string): string[];
