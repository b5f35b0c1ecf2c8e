import { describe, expect, it } from 'vitest';
import { extractCspMetaContents, findCspProblems } from './csp.mjs';

const page = (meta: string) => `<!doctype html><html><head><meta charset="UTF-8" />${meta}<title>人才台账</title></head><body></body></html>`;
const good = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'">`;

describe('findCspProblems', () => {
  it('passes a strict policy', () => {
    expect(findCspProblems(page(good))).toEqual([]);
    expect(extractCspMetaContents(page(good))).toEqual(["default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'"]);
  });

  it('reads entity-encoded quotes and any attribute order', () => {
    const meta = `<meta content="script-src &#39;self&#39;" HTTP-EQUIV='content-security-policy'>`;
    expect(findCspProblems(page(meta))).toEqual([]);
  });

  it('fails without a CSP meta', () => {
    expect(findCspProblems(page(''))).toHaveLength(1);
    expect(findCspProblems(page(`<meta name="Content-Security-Policy" content="script-src 'self'">`))).toHaveLength(1);
  });

  it("fails on 'unsafe-eval' in any directive and on script-src without 'self'", () => {
    expect(findCspProblems(page(`<meta http-equiv="Content-Security-Policy" content="default-src 'self' 'unsafe-eval'; script-src 'self'">`)))
      .toEqual(["default-src 允许 'unsafe-eval' / default-src allows 'unsafe-eval'"]);
    expect(findCspProblems(page(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`))[0]).toContain('script-src');
    expect(findCspProblems(page(`<meta http-equiv="Content-Security-Policy" content="script-src https://cdn.example">`))[0]).toContain("'self'");
  });

  it("fails on script sources that undo 'self'", () => {
    const problems = findCspProblems(page(`<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline' data:">`));
    expect(problems).toHaveLength(2);
  });
});
