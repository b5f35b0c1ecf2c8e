/**
 * The talent list's search index, off the main thread. It reads every talent from IndexedDB in
 * pages (with progress), keeps a {@link TalentSearchIndex} plus each talent's list record (every
 * column, talentListRecord.ts), and answers one query with the total and the rows of the requested
 * window, ID numbers and phones already masked. It also serves the list's exports from those
 * records (`serveExport`), so an export reads nothing from IndexedDB. Committed writes announced
 * on the talent channel are applied by re-reading just those ids; `{ reset: true }` reloads
 * everything.
 */
import { maskIdNumber, maskPhone } from '../../shared/identity/mask';
import { decodeIndexSnapshot, encodeIndexSnapshotParts, type IndexSnapshot } from '../../shared/search/indexSnapshot';
import { createListRecordInterner, listRecordOf, TALENT_LIST_EXTRA_FIELDS, type TalentListRecord } from '../../shared/search/talentListRecord';
import { TALENT_INDEX_FIELDS, TalentSearchIndex, type TalentIndexSource, type TalentQuery } from '../../shared/search/talentSearch';
import type { Talent } from '../../shared/talent/talent';
import { onTalentChanges, type TalentChange } from '../data/talentEvents';
import { getDatabase } from '../db/db';
import type { MaskPattern } from '../db/types';
import { serveExportCells } from './exportPipeline';
import { recordsInListOrder, talentCellBatches } from './exportTalentSource';
import { exposeWorker, type MessageEndpoint, type WorkerCallContext } from './rpc';

/** Talents read per IndexedDB request while loading (one `getAll` each). */
const LOAD_PAGE = 10_000;
/** Most rows one query returns (a few screens of the virtual list). */
const MAX_WINDOW = 500;
/** One search of each kind (name characters, pinyin initials, ID tail) run once after a load. */
const WARM_UP_SEARCHES: readonly string[] = ['张', 'zs', '1234'];

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
  /** How the last full load went (for the speed figures). */
  lastLoad?: { from: 'snapshot' | 'database'; readMs: number; buildMs: number; newer: number };
}

/** One list query: the pure query plus the mask to apply and any extra columns to fetch. */
export interface TalentListQuery extends TalentQuery {
  mask: MaskPattern;
  /** Columns outside the index fields the visible rows need (only these travel to the page). */
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
const EXTRA_FIELD_SET: ReadonlySet<string> = new Set(TALENT_LIST_EXTRA_FIELDS);

const index = new TalentSearchIndex();
/** Every talent's list record (all its columns), by id: what list rows and exports are made of. */
const sources = new Map<string, TalentListRecord>();
const status: TalentIndexStatus = { ready: false, loaded: 0, total: 0, version: 0 };
let loading: Promise<void> | null = null;
/** Changes heard while a load runs: applied once it finishes (a load may have read the old state). */
let pendingChanges: TalentChange[] = [];
/** Set by a reset or a count mismatch: the next load reads the database, not the snapshot. */
let fullReloadWanted = false;
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

/** Where the index snapshot lives (OPFS: private to the app, like its IndexedDB). */
const SNAPSHOT_DIRECTORY = 'talent-index';
const SNAPSHOT_FILE = 'index.json';
/** Wait after the last applied change before rewriting the snapshot (edits come in bursts). */
const SNAPSHOT_DEBOUNCE_MS = 15_000;

async function snapshotDirectory(): Promise<FileSystemDirectoryHandle | null> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return null;
  try {
    return await (await navigator.storage.getDirectory()).getDirectoryHandle(SNAPSHOT_DIRECTORY, { create: true });
  } catch {
    return null;
  }
}

async function readSnapshot(): Promise<IndexSnapshot | null> {
  try {
    const directory = await snapshotDirectory();
    if (!directory) return null;
    const file = await (await directory.getFileHandle(SNAPSHOT_FILE)).getFile();
    return decodeIndexSnapshot(await file.text());
  } catch {
    return null; // none yet
  }
}

async function deleteSnapshot(): Promise<void> {
  try {
    await (await snapshotDirectory())?.removeEntry(SNAPSHOT_FILE);
  } catch {
    // Nothing to delete.
  }
}

function bySlotOrder(a: TalentIndexSource, b: TalentIndexSource): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function isInSlotOrder(ordered: readonly TalentIndexSource[]): boolean {
  for (let i = 1; i < ordered.length; i += 1) if (bySlotOrder(ordered[i - 1] as TalentIndexSource, ordered[i] as TalentIndexSource) > 0) return false;
  return true;
}

/** Writes the loaded index to OPFS, so the next start can skip the full read. */
async function writeSnapshot(): Promise<void> {
  if (!status.ready || loading) return;
  const directory = await snapshotDirectory();
  if (!directory) return;
  const version = status.version;
  const ordered = [...sources.values()];
  // In order already after a full read (the usual case for a first snapshot): sorting 300,000
  // records again would block queries for a few hundred ms.
  if (!isInSlotOrder(ordered)) ordered.sort(bySlotOrder);
  const newest = ordered[ordered.length - 1];
  const writable = await (await directory.getFileHandle(SNAPSHOT_FILE, { create: true })).createWritable();
  try {
    for (const part of encodeIndexSnapshotParts({ sources: ordered, pinyin: index.pinyinEntries(), latest: newest ? { id: newest.id, updatedAt: newest.updatedAt } : null })) {
      if (part) await writable.write(part);
      await quietForPiece();
      // A change meanwhile: this copy is already stale; the change schedules a new one.
      if (status.version !== version || !status.ready) {
        await writable.abort();
        return;
      }
    }
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

let snapshotTimer: ReturnType<typeof setTimeout> | null = null;
/** When the last list query arrived (performance.now()); the snapshot waits for a pause in them. */
let lastQueryAt = Number.NEGATIVE_INFINITY;
/** A pause in the queries the snapshot waits for: it is written in small pieces, but still competes for the machine's cores. */
const SNAPSHOT_QUIET_MS = 1_000;
/** …but not for long: an unwritten snapshot means a full read (≈ 10–30 s at 300,000) at the next start. */
const SNAPSHOT_MAX_DEFER_MS = 10_000;

/**
 * A pause in the list's queries each piece of a snapshot being written waits for: the pieces are
 * small (a few ms), but while a clerk types, each keystroke that lands on one waits for it and the
 * page loses a core to it (bench 4b just after a full read: p95 74 ms with pieces written between
 * keystrokes). An unfinished write stays open, and goes on at the next pause.
 */
const SNAPSHOT_PIECE_QUIET_MS = 500;

/** Lets waiting queries run, then waits until no query has arrived for {@link SNAPSHOT_PIECE_QUIET_MS}. */
async function quietForPiece(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (let quietFor = performance.now() - lastQueryAt; quietFor < SNAPSHOT_PIECE_QUIET_MS; quietFor = performance.now() - lastQueryAt) {
    await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_PIECE_QUIET_MS - quietFor));
  }
}

function scheduleSnapshot(delayMs: number, deferredSince: number = performance.now()): void {
  if (snapshotTimer !== null) clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(() => {
    snapshotTimer = null;
    // A clerk typing into the list: each piece of the snapshot delays a waiting keystroke's search
    // by a few ms and takes CPU from the page. Wait for a pause in the queries.
    const now = performance.now();
    const quietFor = now - lastQueryAt;
    if (quietFor < SNAPSHOT_QUIET_MS && now - deferredSince < SNAPSHOT_MAX_DEFER_MS) {
      scheduleSnapshot(SNAPSHOT_QUIET_MS - quietFor, deferredSince);
      return;
    }
    writeSnapshot().catch((error: unknown) => {
      console.warn('talent index snapshot not written', error instanceof Error ? error.message : String(error));
    });
  }, delayMs);
}

function install(ordered: readonly TalentListRecord[], pinyin: IndexSnapshot['pinyin']): void {
  index.clear();
  sources.clear();
  index.primePinyin(pinyin);
  index.upsertMany(ordered);
  for (const source of ordered) sources.set(source.id, source);
}

/**
 * Loads from the snapshot when it still describes the database: its newest record is stored
 * unchanged (a restored older backup or another database fails this), records changed since are
 * read through the `updatedAt` index and applied, and the counts then agree (nothing was deleted).
 */
async function loadFromSnapshot(): Promise<boolean> {
  const started = performance.now();
  const snapshot = await readSnapshot();
  if (!snapshot?.latest) return false;
  const db = getDatabase();
  const newest = await db.talents.get(snapshot.latest.id);
  if (!newest || newest.updatedAt !== snapshot.latest.updatedAt) {
    await deleteSnapshot();
    return false;
  }
  const newer = (await db.talents.where('updatedAt').above(snapshot.latest.updatedAt).toArray()).map(listRecordOf).sort(bySlotOrder);
  const readMs = performance.now() - started;
  install(snapshot.sources, snapshot.pinyin);
  index.upsertMany(newer);
  for (const source of newer) sources.set(source.id, source);
  const stored = await db.talents.count();
  if (stored !== index.size) {
    index.clear();
    sources.clear();
    await deleteSnapshot();
    return false;
  }
  status.lastLoad = { from: 'snapshot', readMs, buildMs: performance.now() - started - readMs, newer: newer.length };
  if (newer.length > 1000) scheduleSnapshot(SNAPSHOT_DEBOUNCE_MS);
  return true;
}

async function loadFromDatabase(): Promise<void> {
  const db = getDatabase();
  const started = performance.now();
  status.total = await db.talents.count();
  notifyProgress();
  const loaded: TalentListRecord[] = [];
  // The records of a read each carry their own copies of every value: share the repeated ones.
  const interned = createListRecordInterner();
  let lastId: string | null = null;
  // Primary-key pages: each is one getAll over a key range, and no record is read twice or skipped
  // (paging by updatedAt would need a tie-breaker: thousands of imported records share one stamp).
  for (;;) {
    const page: Talent[] = await (lastId === null ? db.talents.orderBy(':id').limit(LOAD_PAGE) : db.talents.where(':id').above(lastId).limit(LOAD_PAGE)).toArray();
    if (page.length === 0) break;
    for (const talent of page) loaded.push(interned(listRecordOf(talent)));
    lastId = page[page.length - 1]?.id ?? null;
    status.loaded = loaded.length;
    if (status.loaded > status.total) status.total = status.loaded;
    notifyProgress();
    if (page.length < LOAD_PAGE) break;
  }
  const readMs = performance.now() - started;
  // Slots in ascending updatedAt, so the index's default order is "most recently changed first".
  loaded.sort(bySlotOrder);
  install(loaded, []);
  status.lastLoad = { from: 'database', readMs, buildMs: performance.now() - started - readMs, newer: 0 };
  scheduleSnapshot(2_000);
}

async function loadAll(preferSnapshot: boolean): Promise<void> {
  status.ready = false;
  status.loaded = 0;
  if (!(preferSnapshot && (await loadFromSnapshot()))) await loadFromDatabase();
  status.total = index.size;
  status.loaded = index.size;
  status.ready = true;
  // Build the columns now, not inside the first query the clerk waits for, and run each kind of
  // search once: the first name search after a load took ≈ 10× a later one (traced at 300,000:
  // cold code and joined columns read for the first time).
  index.query({ today: '2000-01-01', limit: 0 });
  for (const text of WARM_UP_SEARCHES) index.query({ text, today: '2000-01-01', limit: 50 });
  notifyProgress();
  bumpVersion();
}

function startLoad(): Promise<void> {
  loading ??= (async () => {
    try {
      await loadAll(!fullReloadWanted);
      fullReloadWanted = false;
      while (pendingChanges.length > 0) {
        const changes = pendingChanges;
        pendingChanges = [];
        if (changes.some((change) => 'reset' in change)) {
          await deleteSnapshot();
          await loadAll(false);
        }
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
      const source = listRecordOf(record);
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
  scheduleSnapshot(SNAPSHOT_DEBOUNCE_MS);
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
      if ('reset' in change) {
        fullReloadWanted = true;
        await deleteSnapshot();
        await startLoad();
      } else await applyChanges([change]);
    })
    .catch((error: unknown) => {
      // The message says which step failed; it never holds personal data.
      console.error('talent index refresh failed', error instanceof Error ? error.message : String(error));
    });
}

onTalentChanges(handleChange);

/** Masks a row built for one answer (its own object: the record it came from is untouched). */
function maskRow(row: TalentListRow, mask: MaskPattern): TalentListRow {
  row.idNumber = maskIdNumber(row.idNumber, { keepStart: mask.idNumberKeepStart, keepEnd: mask.idNumberKeepEnd });
  row.phone = maskPhone(row.phone, { keepStart: mask.phoneKeepStart, keepEnd: mask.phoneKeepEnd });
  return row;
}

/** Every id matching `query`, in display order (paging ignored). */
function allMatchingIds(query: TalentQuery): string[] {
  return index.query({ ...query, offset: 0, limit: Number.MAX_SAFE_INTEGER }).ids;
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
    fullReloadWanted = true;
    await deleteSnapshot();
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
    lastQueryAt = started;
    const limit = Math.min(MAX_WINDOW, Math.max(0, input.limit ?? 50));
    const offset = Math.max(0, input.offset ?? 0);
    const { total, ids } = index.query({ ...input, offset, limit });
    // Only the index's fields and the visible extra columns travel to the page (the records hold all).
    const extra = (input.extraFields ?? []).filter((field) => EXTRA_FIELD_SET.has(field));
    const rows: TalentListRow[] = [];
    for (const id of ids) {
      const record = sources.get(id);
      if (!record) continue;
      const row: Record<string, unknown> = {};
      for (const field of INDEX_FIELDS) row[field] = record[field];
      for (const field of extra) row[field] = record[field as keyof TalentListRecord];
      rows.push(maskRow(row as TalentListRow, input.mask));
    }
    return { total, offset, rows, version: status.version, ms: performance.now() - started };
  },

  /**
   * Serves a talent export's rows on `port` (the export worker holds the other end, see
   * exportPipeline.ts): the records matching the export's query, or its ids, in list order, from
   * memory. Waits for the index and for changes already announced, so the file holds what the list
   * shows. Resolves once serving has started.
   */
  async serveExport(input: { port: MessagePort }): Promise<void> {
    if (!status.ready || loading) await startLoad();
    await changeChain;
    serveExportCells(input.port as unknown as MessageEndpoint, async (start) =>
      talentCellBatches(
        getDatabase(),
        start.request,
        start.columns,
        start.readChunk,
        recordsInListOrder(start.request.ids ?? allMatchingIds(start.request.query), (id) => sources.get(id), start.readChunk),
      ),
    );
  },

  /** Every matching id in display order (for an export of what the list shows). */
  async matchingIds(input: TalentQuery): Promise<string[]> {
    if (!status.ready || loading) await startLoad();
    return allMatchingIds(input);
  },
};

export type TalentIndexApi = typeof api;

exposeWorker(api);
