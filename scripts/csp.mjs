/**
 * Checks the Content-Security-Policy meta of the built renderer page. Used by scripts/build.mjs,
 * which fails the build on any problem; kept apart so a unit test can call it.
 */

const META_TAG = /<meta\b[^>]*>/giu;
const ATTRIBUTE = /([^\s=/>]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/gu;

/** @param {string} value */
function decodeEntities(value) {
  return value
    .replace(/&quot;/gu, '"')
    .replace(/&#0*39;|&apos;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
}

/**
 * Returns the `content` of every `<meta http-equiv="Content-Security-Policy">` in `html`.
 * @param {string} html
 * @returns {string[]}
 */
export function extractCspMetaContents(html) {
  const found = [];
  for (const [tag] of html.matchAll(META_TAG)) {
    /** @type {Record<string, string>} */
    const attributes = {};
    for (const match of tag.slice(5).matchAll(ATTRIBUTE)) {
      const name = match[1];
      if (name === undefined) continue;
      attributes[name.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
    }
    if ((attributes['http-equiv'] ?? '').toLowerCase() === 'content-security-policy' && attributes.content !== undefined) {
      found.push(attributes.content);
    }
  }
  return found;
}

/** Script sources that would undo the point of `script-src 'self'`. */
const UNSAFE_SCRIPT_SOURCES = new Set(["'unsafe-inline'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'http:', 'https:', 'file:', 'filesystem:']);

/**
 * Lists what is wrong with the page's CSP; an empty list means the page passes:
 * a CSP meta exists, its `script-src` contains `'self'` and no unsafe source, and no directive
 * allows `'unsafe-eval'`.
 * @param {string} html the built index.html
 * @returns {string[]} problems, in Chinese and English
 */
export function findCspProblems(html) {
  const policies = extractCspMetaContents(html);
  if (policies.length === 0) {
    return ['缺少 Content-Security-Policy meta 标签 / no Content-Security-Policy meta tag'];
  }
  const problems = [];
  for (const policy of policies) {
    /** @type {Map<string, string[]>} */
    const directives = new Map();
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/u);
      if (!name) continue;
      // Per the CSP spec, a repeated directive is ignored after its first occurrence.
      if (!directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
    }
    const scriptSources = directives.get('script-src');
    if (scriptSources === undefined) {
      problems.push(`CSP 缺少 script-src 指令 / CSP has no script-src directive: ${policy}`);
    } else {
      const lowered = scriptSources.map((source) => source.toLowerCase());
      if (!lowered.includes("'self'")) problems.push(`script-src 不含 'self' / script-src lacks 'self': ${policy}`);
      for (const source of lowered) {
        if (UNSAFE_SCRIPT_SOURCES.has(source)) problems.push(`script-src 含不安全来源 ${source} / script-src allows ${source}`);
      }
    }
    for (const [name, sources] of directives) {
      if (sources.some((source) => source.toLowerCase() === "'unsafe-eval'")) {
        problems.push(`${name} 允许 'unsafe-eval' / ${name} allows 'unsafe-eval'`);
      }
    }
  }
  return problems;
}
