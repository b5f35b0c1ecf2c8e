/**
 * In-memory search and filter index over all talents. IndexedDB answers a prefix or equality
 * lookup in milliseconds but needs 0.2–2 s for counts and group-bys at 300,000 records, so the
 * list's search box, filters and live count run over these compact columns instead; the
 * index is fed from the database and kept in step with every committed write.
 */
import { pinyin } from 'pinyin-pro';
import type { Talent } from '../talent/talent';
import { buildPrefixColumn, markLinesWithPrefix, type PrefixColumn } from './prefixColumn';
import { buildTailIndex, forEachLineEndingWith, type TailIndex } from './tailIndex';

/** The talent fields the list can search, filter and sort on (the index worker copies exactly these). */
export const TALENT_INDEX_FIELDS = [
  'id',
  'name',
  'gender',
  'idType',
  'idNumber',
  'birthDate',
  'phone',
  'education',
  'employer',
  'district',
  'cluster',
  'category',
  'titleLevel',
  'skillLevel',
  'status',
  'overseas',
  'joinedDate',
  'updatedAt',
] as const satisfies readonly (keyof Talent)[];

export type TalentIndexSource = Pick<Talent, (typeof TALENT_INDEX_FIELDS)[number]>;

export type AgeBand = 'le35' | '36to45' | '46to54' | 'ge55';

/** Age bands of the annual report (DOMAIN.md §9): ≤35, 36–45, 46–54, ≥55. */
export const AGE_BANDS: readonly AgeBand[] = ['le35', '36to45', '46to54', 'ge55'];

export interface TalentFilters {
  district?: readonly string[];
  cluster?: readonly string[];
  category?: readonly string[];
  education?: readonly string[];
  titleLevel?: readonly string[];
  status?: readonly string[];
  overseas?: boolean;
  ageBand?: readonly AgeBand[];
}

export type TalentSortKey = keyof TalentIndexSource;

export interface TalentQuery {
  text?: string;
  filters?: TalentFilters;
  sort?: { key: TalentSortKey; direction: 'asc' | 'desc' };
  offset?: number;
  limit?: number;
  /** `YYYY-MM-DD`, the day ages are computed on. */
  today: string;
}

/** Whether any filter is set (`overseas: false`, 无海外经历, is one). */
export function hasTalentFilters(filters: TalentFilters | undefined): boolean {
  return Object.values(filters ?? {}).some((value) => value !== undefined && (!Array.isArray(value) || value.length > 0));
}

/**
 * Whether a query asks for the whole registry in the index's default order (most recently changed
 * first): no text, no filter, no sort. The list reads its first page and the export its rows straight
 * from IndexedDB's `updatedAt` index for it.
 */
export function isWholeListQuery(query: Pick<TalentQuery, 'text' | 'filters' | 'sort'>): boolean {
  return (query.text ?? '').trim() === '' && !hasTalentFilters(query.filters) && query.sort === undefined;
}

export interface TalentQueryResult {
  total: number;
  ids: string[];
}

/**
 * One indexed talent: the caller's record (held, not copied: the index never changes it) and what
 * the index derives from it. Copying the record's fields made 300,000 objects of 22 fields beside
 * the records themselves, and every one of them is marked by each full GC of the worker.
 */
interface IndexedTalent {
  talent: TalentIndexSource;
  /** Shared by every talent of the same name (the pinyin cache's value). */
  pinyin: { full: string; initials: string };
  /** Shared by every talent of the same employer. */
  employerLower: string;
  /** Birth date as the integer YYYYMMDD, 0 when unknown: age = ⌊(today − birth) / 10000⌋. */
  birthNumber: number;
}

/** Full pinyin and initials of a name, surname readings first (单 → shan, 曾 → zeng). */
export function namePinyinKeys(name: string): { full: string; initials: string } {
  if (!/[\u3400-\u9fff]/u.test(name)) {
    const latin = name.toLowerCase().replace(/[^a-z]/g, '');
    return { full: latin, initials: latin };
  }
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, '')).filter((s) => s.length > 0);
  return { full: clean.join(''), initials: clean.map((s) => s[0]).join('') };
}

/** The age band of an age in whole years. */
export function ageBandOf(age: number): AgeBand {
  if (age <= 35) return 'le35';
  if (age <= 45) return '36to45';
  if (age <= 54) return '46to54';
  return 'ge55';
}

function ymdNumber(ymd: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(ymd) ? Number(ymd.replaceAll('-', '')) : 0;
}

/** What a search box entry can match, decided once per query. */
interface TextQueryPlan {
  /** Lowercase pinyin prefix (initials or full pinyin). */
  pinyinPrefix: string | null;
  /** Upper-case document-number tail (4+ characters). */
  idTail: string | null;
  /** Four-digit phone tail. */
  phoneTail: string | null;
  /** Substring of the name or the (lower-cased) employer. */
  contains: string;
}

/** Splits one search box entry into what it can match: name characters, pinyin, ID tail, phone tail, employer. */
export function planTextQuery(rawText: string): TextQueryPlan | null {
  const text = rawText.normalize('NFKC').trim().toLowerCase().replace(/[\s\u3000]+/g, '');
  if (text.length === 0 || text.includes('\n')) return null;
  return {
    pinyinPrefix: /^[a-z]+$/.test(text) ? text : null,
    idTail: /^[0-9x]{4,}$/.test(text) ? text.toUpperCase() : null,
    phoneTail: /^\d{4}$/.test(text) ? text : null,
    contains: text,
  };
}

/**
 * One text column joined as "\nv0\nv1\n…\n" so a native `indexOf` scans all rows at once;
 * `starts[line]` is where line's value begins.
 */
interface JoinedColumn {
  text: string;
  starts: Int32Array;
}

function joinColumn(values: readonly string[]): JoinedColumn {
  const starts = new Int32Array(values.length);
  let offset = 1;
  for (let i = 0; i < values.length; i += 1) {
    starts[i] = offset;
    offset += (values[i] as string).length + 1;
  }
  return { text: `\n${values.join('\n')}\n`, starts };
}

/** The line whose value holds character `position`, at or after line `low` (matches come in order). */
function lineAt(column: JoinedColumn, position: number, low: number): number {
  const starts = column.starts;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= position) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Marks every line whose value contains `needle`. */
function markMatches(column: JoinedColumn, needle: string, marks: Uint8Array): void {
  const text = column.text;
  let from = 0;
  let line = 0;
  for (;;) {
    const found = text.indexOf(needle, from);
    if (found < 0) return;
    line = lineAt(column, found, line);
    marks[line] = 1;
    // Skip to the next line: one value matches once.
    from = line + 1 < column.starts.length ? (column.starts[line + 1] as number) : text.length;
  }
}

type CodedField = 'district' | 'cluster' | 'category' | 'education' | 'titleLevel' | 'status';
const CODED_FIELDS: readonly CodedField[] = ['district', 'cluster', 'category', 'education', 'titleLevel', 'status'];

/** Column store rebuilt lazily after changes: lines are the live slots, oldest change first. */
interface ColumnStore {
  ids: string[];
  names: JoinedColumn;
  /** Pinyin keys by sorted rank: a prefix is one range (see prefixColumn.ts). */
  pinyinFull: PrefixColumn;
  pinyinInitials: PrefixColumn;
  /** ID numbers and phones by their last four characters: a tail query reads one bucket. */
  idTails: TailIndex;
  phoneTails: TailIndex;
  /**
   * Employers repeat (a company employs thousands): the distinct names are scanned, then lines are
   * marked through `codes`. A common character such as 张 (in 张江) would otherwise match and
   * binary-search on a large share of 300,000 lines.
   */
  employers: DistinctColumn;
  codes: Record<CodedField, { column: Uint16Array; dictionary: Map<string, number> }>;
  overseas: Uint8Array;
  birthNumbers: Int32Array;
  entries: IndexedTalent[];
  sortOrders: Map<string, Int32Array>;
}

/** The distinct values of a text column joined once, and each line's position among them. */
interface DistinctColumn {
  values: JoinedColumn;
  codes: Uint32Array;
  /** Number of distinct values. */
  size: number;
}

function distinctColumn(entries: readonly IndexedTalent[], valueOf: (entry: IndexedTalent) => string): DistinctColumn {
  const codeByValue = new Map<string, number>();
  const codes = new Uint32Array(entries.length);
  for (let line = 0; line < entries.length; line += 1) {
    const value = valueOf(entries[line] as IndexedTalent);
    let code = codeByValue.get(value);
    if (code === undefined) {
      code = codeByValue.size;
      codeByValue.set(value, code);
    }
    codes[line] = code;
  }
  return { values: joinColumn([...codeByValue.keys()]), codes, size: codeByValue.size };
}

/** Sets `marks[line]` for each line whose distinct value is marked. */
function markLinesByValue(column: DistinctColumn, valueMarks: Uint8Array, marks: Uint8Array): void {
  if (!valueMarks.includes(1)) return;
  const codes = column.codes;
  for (let line = 0; line < codes.length; line += 1) if (valueMarks[codes[line] as number] === 1) marks[line] = 1;
}

/**
 * A talent changed since the columns were built, at its place in line order: a base line's
 * place for a record rewritten with the same stamp, after every base line for one that moved to
 * the end (changed or new). Queries check these few entries one by one.
 */
interface ChangedLine {
  line: number;
  entry: IndexedTalent;
}

/**
 * Changes applied since the columns were built: base lines no longer valid, and the changed
 * talents. Rebuilding the columns costs ≈ 1 s at 300,000 talents; an edit costs this instead.
 */
interface ColumnDelta {
  /** 1 for a base line whose talent was changed or removed. */
  dead: Uint8Array;
  deadCount: number;
  changed: Map<string, ChangedLine>;
  /** Next line number after the base lines (changed talents move to the end, in change order). */
  nextLine: number;
  /** `changed` in ascending line order; null after a change. */
  ordered: ChangedLine[] | null;
}

/** Changes kept beside the columns before they are rebuilt (each query checks them one by one). */
const MAX_DELTA = 4096;

/** What a column sorts by: names by pinyin, the order Chinese office lists use. */
function sortValue(entry: IndexedTalent, key: TalentSortKey): unknown {
  return key === 'name' ? entry.pinyin.full + entry.talent.name : entry.talent[key];
}

/** Whether one talent matches a search box entry: the column scans of {@link TalentSearchIndex.query}, for a single entry. */
function entryMatchesText(entry: IndexedTalent, plan: TextQueryPlan): boolean {
  const talent = entry.talent;
  if (plan.idTail && talent.idNumber.endsWith(plan.idTail)) return true;
  if (plan.phoneTail && talent.phone.endsWith(plan.phoneTail)) return true;
  if (plan.pinyinPrefix && (entry.pinyin.initials.startsWith(plan.pinyinPrefix) || entry.pinyin.full.startsWith(plan.pinyinPrefix))) return true;
  if (!plan.idTail && talent.name.toLowerCase().includes(plan.contains)) return true;
  return entry.employerLower.includes(plan.contains);
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a ?? '');
  const right = String(b ?? '');
  return left < right ? -1 : left > right ? 1 : 0;
}

export class TalentSearchIndex {
  private slots: (IndexedTalent | undefined)[] = [];
  private slotById = new Map<string, number>();
  private pinyinCache = new Map<string, { full: string; initials: string }>();
  /** Lower-cased employer names, one string per employer (a company employs thousands). */
  private employerLowerCache = new Map<string, string>();
  private store: ColumnStore | null = null;
  private delta: ColumnDelta | null = null;
  /** Base line of each slot when the columns were built (-1: empty slot); later slots hold no base line. */
  private baseLineOfSlot: Int32Array = new Int32Array(0);
  private live = 0;
  private tombstones = 0;

  /**
   * The pinyin keys computed so far, one per distinct name (names repeat: 300,000 talents have far
   * fewer distinct names), for a snapshot that spares the next start the pinyin work.
   */
  pinyinEntries(): [name: string, full: string, initials: string][] {
    return [...this.pinyinCache].map(([name, keys]) => [name, keys.full, keys.initials]);
  }

  /** Seeds the pinyin cache from {@link pinyinEntries} of an earlier index. */
  primePinyin(entries: Iterable<readonly [string, string, string]>): void {
    for (const [name, full, initials] of entries) this.pinyinCache.set(name, { full, initials });
  }

  /** Number of talents in the index. */
  get size(): number {
    return this.live;
  }

  /**
   * Adds or replaces talents (after a commit, or while loading: load in ascending `updatedAt`).
   * The index keeps each record object it is given: a change comes as a new object, never as the
   * old one changed in place.
   */
  upsertMany(talents: Iterable<TalentIndexSource>): void {
    for (const talent of talents) this.upsert(talent);
  }

  upsert(talent: TalentIndexSource): void {
    let keys = this.pinyinCache.get(talent.name);
    if (!keys) {
      keys = namePinyinKeys(talent.name);
      this.pinyinCache.set(talent.name, keys);
    }
    let employerLower = this.employerLowerCache.get(talent.employer);
    if (employerLower === undefined) {
      employerLower = talent.employer.toLowerCase();
      this.employerLowerCache.set(talent.employer, employerLower);
    }
    const entry: IndexedTalent = { talent, pinyin: keys, employerLower, birthNumber: ymdNumber(talent.birthDate) };
    const slot = this.slotById.get(talent.id);
    const previous = slot === undefined ? undefined : this.slots[slot];
    if (slot !== undefined && previous && previous.talent.updatedAt === talent.updatedAt) {
      this.slots[slot] = entry;
      this.changeColumns(talent.id, slot, entry, false);
    } else {
      // A changed record moves to the end, so reverse slot order stays "most recently changed
      // first" without re-sorting 300,000 entries after each edit.
      if (slot !== undefined) {
        this.slots[slot] = undefined;
        this.tombstones += 1;
      } else {
        this.live += 1;
      }
      this.slotById.set(talent.id, this.slots.length);
      this.slots.push(entry);
      this.changeColumns(talent.id, slot, entry, true);
      this.compactIfSparse();
    }
  }

  /**
   * Keeps built columns in step with one change instead of dropping them: `entry` replaces the
   * talent `id` (held in `slot` until now, if any) at its place (`toEnd` false) or after
   * everything else (`toEnd` true); no entry removes it. Too many changes drop the columns (the
   * next query rebuilds them).
   */
  private changeColumns(id: string, slot: number | undefined, entry: IndexedTalent | undefined, toEnd: boolean): void {
    const store = this.store;
    if (!store) return;
    let delta = this.delta;
    if (!delta) {
      delta = { dead: new Uint8Array(store.ids.length), deadCount: 0, changed: new Map(), nextLine: store.ids.length, ordered: null };
      this.delta = delta;
    }
    const earlier = delta.changed.get(id);
    const baseLine = slot !== undefined && slot < this.baseLineOfSlot.length ? (this.baseLineOfSlot[slot] as number) : -1;
    let line: number | undefined;
    if (earlier) {
      line = toEnd ? undefined : earlier.line;
      delta.changed.delete(id);
    } else if (baseLine >= 0 && delta.dead[baseLine] === 0) {
      delta.dead[baseLine] = 1;
      delta.deadCount += 1;
      line = toEnd ? undefined : baseLine;
    }
    if (entry) {
      if (line === undefined) {
        line = delta.nextLine;
        delta.nextLine += 1;
      }
      delta.changed.set(id, { line, entry });
    }
    delta.ordered = null;
    if (delta.changed.size > MAX_DELTA || delta.deadCount > MAX_DELTA + store.ids.length / 4) {
      this.store = null;
      this.delta = null;
    }
  }

  private compactIfSparse(): void {
    if (this.tombstones < 1024 || this.tombstones * 4 < this.slots.length) return;
    const kept = this.slots.filter((entry): entry is IndexedTalent => entry !== undefined);
    this.slots = kept;
    // Slots are renumbered: the columns' slot-to-line map no longer holds.
    this.store = null;
    this.delta = null;
    this.slotById.clear();
    kept.forEach((entry, index) => this.slotById.set(entry.talent.id, index));
    this.tombstones = 0;
  }

  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.slots[slot] = undefined;
    this.slotById.delete(id);
    this.live -= 1;
    this.tombstones += 1;
    this.changeColumns(id, slot, undefined, false);
    this.compactIfSparse();
  }

  clear(): void {
    this.slots = [];
    this.employerLowerCache.clear();
    this.slotById.clear();
    this.store = null;
    this.delta = null;
    this.live = 0;
    this.tombstones = 0;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  /** Builds the column store (0.2–1 s at 300,000); kept until the next change. */
  private columns(): ColumnStore {
    if (this.store) return this.store;
    this.delta = null;
    const entries: IndexedTalent[] = [];
    this.baseLineOfSlot = new Int32Array(this.slots.length);
    this.slots.forEach((entry, slot) => {
      this.baseLineOfSlot[slot] = entry ? entries.push(entry) - 1 : -1;
    });
    const count = entries.length;
    const codes = {} as ColumnStore['codes'];
    for (const field of CODED_FIELDS) {
      const dictionary = new Map<string, number>();
      const column = new Uint16Array(count);
      for (let i = 0; i < count; i += 1) {
        const value = (entries[i] as IndexedTalent).talent[field];
        let code = dictionary.get(value);
        if (code === undefined) {
          code = dictionary.size;
          dictionary.set(value, code);
        }
        column[i] = code;
      }
      codes[field] = { column, dictionary };
    }
    const overseas = new Uint8Array(count);
    const birthNumbers = new Int32Array(count);
    for (let i = 0; i < count; i += 1) {
      const entry = entries[i] as IndexedTalent;
      overseas[i] = entry.talent.overseas ? 1 : 0;
      birthNumbers[i] = entry.birthNumber;
    }
    this.store = {
      ids: entries.map((e) => e.talent.id),
      names: joinColumn(entries.map((e) => e.talent.name.toLowerCase())),
      pinyinFull: buildPrefixColumn(entries.map((e) => e.pinyin.full)),
      pinyinInitials: buildPrefixColumn(entries.map((e) => e.pinyin.initials)),
      idTails: buildTailIndex(entries.map((e) => e.talent.idNumber)),
      phoneTails: buildTailIndex(entries.map((e) => e.talent.phone)),
      employers: distinctColumn(entries, (entry) => entry.employerLower),
      codes,
      overseas,
      birthNumbers,
      entries,
      sortOrders: new Map(),
    };
    return this.store;
  }

  /** Line order for a sort, cached until the next change. */
  private sortOrder(store: ColumnStore, sort: NonNullable<TalentQuery['sort']>): Int32Array {
    const cacheKey = `${sort.key}:${sort.direction}`;
    const cached = store.sortOrders.get(cacheKey);
    if (cached) return cached;
    // Group lines by value, sort the distinct values once: code columns have a handful.
    const groups = new Map<unknown, number[]>();
    store.entries.forEach((entry, line) => {
      // Names sort by pinyin, the order Chinese office lists use.
      const value = sortValue(entry, sort.key);
      const group = groups.get(value);
      if (group) group.push(line);
      else groups.set(value, [line]);
    });
    const values = [...groups.keys()].sort(compareValues);
    if (sort.direction === 'desc') values.reverse();
    const order = new Int32Array(store.entries.length);
    let at = 0;
    for (const value of values) for (const line of groups.get(value) as number[]) order[at++] = line;
    store.sortOrders.set(cacheKey, order);
    return order;
  }

  /** Runs a search + filter: total count and the ids of the requested page. */
  query(query: TalentQuery): TalentQueryResult {
    const store = this.columns();
    const count = store.ids.length;
    const offset = Math.max(0, query.offset ?? 0);
    const limit = Math.max(0, query.limit ?? 50);

    // Text: native indexOf over joined columns marks candidate lines.
    const plan = planTextQuery(query.text ?? '');
    let marks: Uint8Array | null = null;
    if (plan) {
      marks = new Uint8Array(count);
      const lineMarks = marks;
      const markLine = (line: number) => {
        lineMarks[line] = 1;
      };
      const entries = store.entries;
      if (plan.idTail) forEachLineEndingWith(store.idTails, (line) => (entries[line] as IndexedTalent).talent.idNumber, plan.idTail, markLine);
      if (plan.phoneTail) forEachLineEndingWith(store.phoneTails, (line) => (entries[line] as IndexedTalent).talent.phone, plan.phoneTail, markLine);
      if (plan.pinyinPrefix) {
        markLinesWithPrefix(store.pinyinInitials, plan.pinyinPrefix, marks);
        markLinesWithPrefix(store.pinyinFull, plan.pinyinPrefix, marks);
      }
      // Names hold no digits: an ID or phone tail need not scan them.
      if (!plan.idTail) markMatches(store.names, plan.contains, marks);
      const employerMarks = new Uint8Array(store.employers.size);
      markMatches(store.employers.values, plan.contains, employerMarks);
      markLinesByValue(store.employers, employerMarks, marks);
    }

    // Filters: a lookup table of allowed codes per coded column.
    const f = query.filters ?? {};
    const codeFilters: { column: Uint16Array; allowed: Uint8Array }[] = [];
    const wantedCodes: { field: CodedField; values: ReadonlySet<string> }[] = [];
    for (const field of CODED_FIELDS) {
      const wanted = f[field];
      if (!wanted || wanted.length === 0) continue;
      const { column, dictionary } = store.codes[field];
      const allowed = new Uint8Array(dictionary.size + 1);
      for (const value of wanted) {
        const code = dictionary.get(value);
        if (code !== undefined) allowed[code] = 1;
      }
      codeFilters.push({ column, allowed });
      wantedCodes.push({ field, values: new Set(wanted) });
    }
    const overseasWanted = f.overseas === undefined ? -1 : f.overseas ? 1 : 0;
    const ageBands = f.ageBand && f.ageBand.length > 0 ? new Set<AgeBand>(f.ageBand) : null;
    const todayNumber = ymdNumber(query.today);
    const dead = this.delta?.dead;

    // Filters narrow the kept lines one column at a time (tight loops over typed arrays), so the
    // ordered pass below reads one byte per line instead of testing each filter per line.
    let kept: Uint8Array | null = marks;
    if (codeFilters.length > 0 || overseasWanted >= 0 || ageBands || dead) {
      const keep = kept ?? new Uint8Array(count).fill(1);
      for (const { column, allowed } of codeFilters) {
        for (let line = 0; line < count; line += 1) keep[line] = (keep[line] as number) & (allowed[column[line] as number] as number);
      }
      if (overseasWanted >= 0) {
        const overseas = store.overseas;
        for (let line = 0; line < count; line += 1) if (overseas[line] !== overseasWanted) keep[line] = 0;
      }
      if (ageBands) {
        const births = store.birthNumbers;
        for (let line = 0; line < count; line += 1) {
          if (keep[line] === 0) continue;
          const birth = births[line] as number;
          if (birth === 0 || !ageBands.has(ageBandOf(Math.floor((todayNumber - birth) / 10000)))) keep[line] = 0;
        }
      }
      if (dead) for (let line = 0; line < count; line += 1) if (dead[line] === 1) keep[line] = 0;
      kept = keep;
    }
    const keptLines = kept;
    const accepts = keptLines ? (line: number): boolean => keptLines[line] === 1 : (): boolean => true;

    // Talents changed since the columns were built: checked one by one, the same tests.
    const acceptsEntry = (entry: IndexedTalent): boolean => {
      if (plan && !entryMatchesText(entry, plan)) return false;
      for (const { field, values } of wantedCodes) if (!values.has(entry.talent[field])) return false;
      if (overseasWanted >= 0 && (entry.talent.overseas ? 1 : 0) !== overseasWanted) return false;
      if (ageBands) {
        const birth = entry.birthNumber;
        if (birth === 0 || !ageBands.has(ageBandOf(Math.floor((todayNumber - birth) / 10000)))) return false;
      }
      return true;
    };
    const changed = this.changedInLineOrder().filter((item) => acceptsEntry(item.entry));

    const ids: string[] = [];
    let total = 0;
    const end = offset + limit;
    const take = (id: string) => {
      if (total >= offset && total < end) ids.push(id);
      total += 1;
    };
    if (query.sort) {
      const order = this.sortOrder(store, query.sort);
      const key = query.sort.key;
      const direction = query.sort.direction === 'desc' ? -1 : 1;
      // Sorted order: by value, equal values in line order (as the base order groups them).
      const before = (a: { value: unknown; line: number }, b: { value: unknown; line: number }) => {
        const byValue = compareValues(a.value, b.value) * direction;
        return byValue < 0 || (byValue === 0 && a.line < b.line);
      };
      const pending = changed.map((item) => ({ value: sortValue(item.entry, key), line: item.line, id: item.entry.talent.id }));
      pending.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
      let next = 0;
      for (let i = 0; i < count; i += 1) {
        const line = order[i] as number;
        if (!accepts(line)) continue;
        if (next < pending.length) {
          const here = { value: sortValue(store.entries[line] as IndexedTalent, key), line };
          while (next < pending.length && before(pending[next] as { value: unknown; line: number }, here)) take((pending[next++] as { id: string }).id);
        }
        take(store.ids[line] as string);
      }
      while (next < pending.length) take((pending[next++] as { id: string }).id);
    } else {
      // Default order: most recently changed first (highest line first).
      let next = changed.length - 1;
      for (let line = count - 1; line >= 0; line -= 1) {
        while (next >= 0 && (changed[next] as ChangedLine).line > line) take((changed[next--] as ChangedLine).entry.talent.id);
        if (!accepts(line)) continue;
        take(store.ids[line] as string);
      }
      while (next >= 0) take((changed[next--] as ChangedLine).entry.talent.id);
    }
    return { total, ids };
  }

  /** The talents changed since the columns were built, in line order. */
  private changedInLineOrder(): ChangedLine[] {
    const delta = this.delta;
    if (!delta || delta.changed.size === 0) return [];
    delta.ordered ??= [...delta.changed.values()].sort((a, b) => a.line - b.line);
    return delta.ordered;
  }
}
