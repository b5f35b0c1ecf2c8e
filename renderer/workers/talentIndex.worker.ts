/**
 * The talent list's search index, off the main thread. It reads every talent from IndexedDB in
 * pages (with progress), keeps a {@link TalentSearchIndex} plus the list fields of each talent, and
 * answers one query with the total and the rows of the requested window, ID numbers and phones
 * already masked. Committed writes announced on the talent channel are applied by re-reading
 * just those ids; `{ reset: true }` reloads everything.
 */
import { maskIdNumber, maskPhone } from '../../shared/identity/mask';
import { TALENT_INDEX_FIELDS, TalentSearchIndex, type TalentIndexSource, type TalentQuery } from '../../shared/search/talentSearch';
import type { Talent } from '../../shared/talent/talent';
import { onTalentChanges, type TalentChange } from '../data/talentEvents';
import { getDatabase } from '../db/db';
import type { MaskPattern } from '../db/types';
import { exposeWorker, type WorkerCallContext } from './rpc';

/** Talents read per IndexedDB request while loading (one `getAll` each). */
const LOAD_PAGE = 10_000;
/** Most rows one query returns (a few screens of the virtual list). */
const MAX_WINDOW = 500;

/** The fields a list row can show, as the worker returns them (ID number and phone masked). */
export type TalentListRow = TalentIndexSource & Partial<Omit<Talent, keyof TalentIndexSource>>;

/** Loading state of the index. */
export interface TalentIndexStatus {
  ready: boolean;
  loaded: number;
  /** Talents to load (the count when loading started). */
  total: number;
  /** Bumped after every applied change: cached pages of an older version are stale. */
  version: number;
}

/** One list query: the pure query plus the mask to apply and any extra columns to fetch. */
export interface TalentListQuery extends TalentQuery {
  mask: MaskPattern;
  /** Columns outside the index fields the visible rows need (read from IndexedDB for the window only). */
  extraFields?: readonly (keyof Talent)[];
}

export interface TalentListResult {
  total: number;
  offset: number;
  rows: TalentListRow[];
  version: number;
  /** Milliseconds spent in the worker (search, filter, page). */
  ms: number;
}

const INDEX_FIELDS: readonly (keyof TalentIndexSource)[] = TALENT_INDEX_FIELDS;
const INDEX_FIELD_SET: ReadonlySet<string> = new Set(INDEX_FIELDS);

/** The index fields of a stored talent (records from old versions may lack some: defaults fill in). */
export function indexSourceOf(talent: Talent): TalentIndexSource {
  return {
    id: talent.id,
    name: talent.name ?? '',
    gender: talent.gender ?? '',
    idType: talent.idType ?? 'resident',
    idNumber: talent.idNumber ?? '',
    birthDate: talent.birthDate ?? '',
    phone: talent.phone ?? '',
    education: talent.education ?? '',
    employer: talent.employer ?? '',
    district: talent.district ?? '',
    cluster: talent.cluster ?? '',
    category: talent.category ?? 'other',
    titleLevel: talent.titleLevel ?? 'none',
    skillLevel: talent.skillLevel ?? 0,
    status: talent.status ?? 'active',
    overseas: talent.overseas === true,
    joinedDate: talent.joinedDate ?? '',
    updatedAt: talent.updatedAt ?? '',
  };
}

const index = new TalentSearchIndex();
const sources = new Map<string, TalentIndexSource>();
const status: TalentIndexStatus = { ready: false, loaded: 0, total: 0, version: 0 };
let loading: Promise<void> | null = null;
/** Changes heard while a load runs: applied once it finishes (a load may have read the old state). */
let pendingChanges: TalentChange[] = [];
const progressListeners = new Set<(value: TalentIndexStatus) => void>();
const versionWaiters = new Set<{ since: number; resolve: (value: TalentIndexStatus) => void }>();

function snapshot(): TalentIndexStatus {
  return { ...status };
}

function notifyProgress(): void {
  const value = snapshot();
  for (const listener of progressListeners) listener(value);
}

function bumpVersion(): void {
  status.version += 1;
  const value = snapshot();
  for (const waiter of [...versionWaiters]) {
    if (value.version > waiter.since) {
      versionWaiters.delete(waiter);
      waiter.resolve(value);
    }
  }
}

async function loadAll(): Promise<void> {
  const db = getDatabase();
  status.ready = false;
  status.loaded = 0;
  status.total = await db.talents.count();
  notifyProgress();
  const loaded: TalentIndexSource[] = [];
  let lastId: string | null = null;
  // Primary-key pages: each is one getAll over a key range, and no record is read twice or skipped
  // (paging by updatedAt would need a tie-breaker: thousands of imported records share one stamp).
  for (;;) {
    const page: Talent[] = await (lastId === null ? db.talents.orderBy(':id').limit(LOAD_PAGE) : db.talents.where(':id').above(lastId).limit(LOAD_PAGE)).toArray();
    if (page.length === 0) break;
    for (const talent of page) loaded.push(indexSourceOf(talent));
    lastId = page[page.length - 1]?.id ?? null;
    status.loaded = loaded.length;
    if (status.loaded > status.total) status.total = status.loaded;
    notifyProgress();
    if (page.length < LOAD_PAGE) break;
  }
  // Slots in ascending updatedAt, so the index's default order is "most recently changed first".
  loaded.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
  index.clear();
  sources.clear();
  index.upsertMany(loaded);
  for (const source of loaded) sources.set(source.id, source);
  status.total = loaded.length;
  status.loaded = loaded.length;
  status.ready = true;
  // Build the columns now, not inside the first query the clerk waits for.
  index.query({ today: '2000-01-01', limit: 0 });
  notifyProgress();
  bumpVersion();
}

function startLoad(): Promise<void> {
  loading ??= (async () => {
    try {
      await loadAll();
      while (pendingChanges.length > 0) {
        const changes = pendingChanges;
        pendingChanges = [];
        if (changes.some((change) => 'reset' in change)) await loadAll();
        else await applyChanges(changes);
      }
    } finally {
      loading = null;
    }
  })();
  return loading;
}

async function applyChanges(changes: readonly TalentChange[]): Promise<void> {
  const upserted = new Set<string>();
  const removed = new Set<string>();
  for (const change of changes) {
    if ('reset' in change) continue;
    for (const id of change.upserted) upserted.add(id);
    for (const id of change.removed) removed.add(id);
  }
  const ids = [...upserted];
  const records = ids.length > 0 ? await getDatabase().talents.bulkGet(ids) : [];
  records.forEach((record, position) => {
    const id = ids[position] as string;
    if (record) {
      const source = indexSourceOf(record);
      index.upsert(source);
      sources.set(id, source);
    } else removed.add(id);
  });
  for (const id of removed) {
    index.remove(id);
    sources.delete(id);
  }
  status.total = index.size;
  status.loaded = index.size;
  bumpVersion();
}

/** Serialises change handling so two quick announcements never interleave their reads. */
let changeChain: Promise<void> = Promise.resolve();

function handleChange(change: TalentChange): void {
  if (loading || !status.ready) {
    pendingChanges.push(change);
    return;
  }
  changeChain = changeChain
    .then(async () => {
      if ('reset' in change) await startLoad();
      else await applyChanges([change]);
    })
    .catch((error: unknown) => {
      // The message says which step failed; it never holds personal data.
      console.error('talent index refresh failed', error instanceof Error ? error.message : String(error));
    });
}

onTalentChanges(handleChange);

function maskRow(row: TalentListRow, mask: MaskPattern): TalentListRow {
  return {
    ...row,
    idNumber: maskIdNumber(row.idNumber, { keepStart: mask.idNumberKeepStart, keepEnd: mask.idNumberKeepEnd }),
    phone: maskPhone(row.phone, { keepStart: mask.phoneKeepStart, keepEnd: mask.phoneKeepEnd }),
  };
}

const api = {
  /** Starts loading (once) and resolves when the index is ready; progress reports loaded / total. */
  async load(_input: undefined, { progress }: WorkerCallContext<TalentIndexStatus>): Promise<TalentIndexStatus> {
    progressListeners.add(progress);
    try {
      progress(snapshot());
      if (!status.ready || loading) await startLoad();
      return snapshot();
    } finally {
      progressListeners.delete(progress);
    }
  },

  /** The loading state now. */
  status(): TalentIndexStatus {
    return snapshot();
  },

  /**
   * Reloads when the stored count differs from the index (a writer that did not announce, e.g. a
   * bulk job in another worker). Returns whether it reloaded.
   */
  async verify(): Promise<boolean> {
    if (!status.ready || loading) return false;
    const stored = await getDatabase().talents.count();
    if (stored === index.size) return false;
    await startLoad();
    return true;
  },

  /** Resolves once the index version is above `since` (the page long-polls this to refresh its rows). */
  waitForChange(input: { since: number }, { signal }: WorkerCallContext): Promise<TalentIndexStatus> {
    if (status.version > input.since) return Promise.resolve(snapshot());
    return new Promise((resolve) => {
      const waiter = { since: input.since, resolve };
      versionWaiters.add(waiter);
      signal.addEventListener('abort', () => versionWaiters.delete(waiter), { once: true });
    });
  },

  /** Search + filters + sort: the total and the rows of [offset, offset + limit). Waits for the index. */
  async query(input: TalentListQuery): Promise<TalentListResult> {
    if (!status.ready || loading) await startLoad();
    const started = performance.now();
    const limit = Math.min(MAX_WINDOW, Math.max(0, input.limit ?? 50));
    const offset = Math.max(0, input.offset ?? 0);
    const { total, ids } = index.query({ ...input, offset, limit });
    let rows: TalentListRow[] = ids.map((id) => sources.get(id)).filter((row): row is TalentIndexSource => row !== undefined);
    const extra = (input.extraFields ?? []).filter((field) => !INDEX_FIELD_SET.has(field));
    if (extra.length > 0 && rows.length > 0) {
      const records = await getDatabase().talents.bulkGet(rows.map((row) => row.id));
      rows = rows.map((row, position) => {
        const record = records[position];
        if (!record) return row;
        const withExtra: Record<string, unknown> = { ...row };
        for (const field of extra) withExtra[field] = record[field];
        return withExtra as TalentListRow;
      });
    }
    return { total, offset, rows: rows.map((row) => maskRow(row, input.mask)), version: status.version, ms: performance.now() - started };
  },

  /** Every matching id in display order (for an export of what the list shows). */
  async matchingIds(input: TalentQuery): Promise<string[]> {
    if (!status.ready || loading) await startLoad();
    return index.query({ ...input, offset: 0, limit: Number.MAX_SAFE_INTEGER }).ids;
  },
};

export type TalentIndexApi = typeof api;

exposeWorker(api);
