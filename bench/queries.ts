/**
 * The bench's search and filter inputs, drawn deterministically from the first talents of the
 * seeded demo stream (who are stored at every size): name prefixes, pinyin initials, ID tails and
 * employer fragments, mixed; and district + category filter changes.
 */
import { generateTalents } from '../shared/demo';
import { namePinyinKeys } from '../shared/search/talentSearch';
import type { Talent } from '../shared/talent/talent';

/** Search queries per kind (4 kinds → 200 queries). */
const QUERIES_PER_KIND = 50;

/** The talents the queries are drawn from: the first of the stream, so they exist at every size. */
function sampleTalents(size: number, seed: number): Talent[] {
  return Array.from(generateTalents(Math.min(size, 2000), seed));
}

/** Every `step`-th talent, `count` of them (wrapping around). */
function spread<T>(items: readonly T[], count: number, offset: number): T[] {
  if (items.length === 0) return [];
  const step = Math.max(1, Math.floor(items.length / count));
  return Array.from({ length: count }, (_, i) => items[(offset + i * step) % items.length] as T);
}

/** The distinctive part of an employer name: after 上海 and before the company-form suffix. */
function employerFragment(employer: string): string {
  const core = employer.replace(/^上海(市)?/u, '').replace(/(股份)?有限(责任)?公司$/u, '');
  return core.slice(0, Math.min(4, core.length)) || employer.slice(0, 4);
}

/** 200 mixed search-box entries: name prefix, pinyin initials, ID tail (6), employer fragment, interleaved. */
export function searchQueries(size: number, seed: number): string[] {
  const talents = sampleTalents(size, seed);
  const names = spread(talents, QUERIES_PER_KIND, 0).map((t) => t.name.slice(0, 2));
  const initials = spread(talents, QUERIES_PER_KIND, 1).map((t) => namePinyinKeys(t.name).initials);
  const idTails = spread(talents, QUERIES_PER_KIND, 2).map((t) => t.idNumber.slice(-6));
  const employers = spread(talents, QUERIES_PER_KIND, 3).map((t) => employerFragment(t.employer));
  const mixed: string[] = [];
  for (let i = 0; i < QUERIES_PER_KIND; i += 1) mixed.push(names[i] as string, initials[i] as string, idTails[i] as string, employers[i] as string);
  return mixed;
}

/** `count` filter changes: one or two districts with one or two categories, taken from stored talents. */
export function filterChanges(size: number, seed: number, count = 50): Array<{ district: string[]; category: string[] }> {
  const talents = sampleTalents(size, seed);
  const picks = spread(talents, count * 2, 5);
  return Array.from({ length: count }, (_, i) => {
    const first = picks[2 * i] as Talent;
    const second = picks[2 * i + 1] as Talent;
    const wide = i % 3 === 2;
    return {
      district: wide ? [...new Set([first.district, second.district])] : [first.district],
      category: wide ? [...new Set([first.category, second.category])] : [first.category],
    };
  });
}
