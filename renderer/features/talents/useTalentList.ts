/**
 * The talent list's data: pages of rows from the search-index worker, fetched around the viewport
 * and cached per query and index version. Before the worker has loaded every talent, the first
 * page comes straight from IndexedDB (most recently changed first, the index's default order), so
 * the list paints at once even at 300,000 records.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** Listeners of the page cache: rows beyond the first page re-render only the table, not the whole page. */
interface PageArrivals {
  version: number;
  listeners: Set<() => void>;
}
import { todayYmd } from '../../../shared/dates';
import type { TalentFilters, TalentQuery } from '../../../shared/search/talentSearch';
import type { Talent } from '../../../shared/talent/talent';
import { queryTalentIndex, startTalentIndex, useTalentIndexStatus, verifyTalentIndex, type TalentIndexStatus, type TalentListRow } from '../../data/talentIndexClient';
import { getDatabase, type MaskPattern } from '../../db';
import { maskIdNumber, maskPhone } from '../../../shared/identity/mask';
import { maskPatterns } from './talentDisplay';

/** Rows per request; the viewport shows about 15–20. */
export const PAGE_SIZE = 50;

/** Start the index worker after this long even if the cold first page has not arrived. */
const INDEX_START_FALLBACK_MS = 1_500;

export interface TalentListRequest {
  text: string;
  /** When `text` was typed (performance.now()): a new search is timed from then, not from sending it. */
  typedAt?: number;
  filters: TalentFilters;
  sort: TalentQuery['sort'];
  /** Visible columns outside the index fields (read for the visible rows only). */
  extraFields: readonly (keyof Talent)[];
  mask: MaskPattern;
}

export interface TalentListView {
  status: TalentIndexStatus;
  /** Matching talents; null until known. */
  total: number | null;
  /** Rows the table can show: `total`, or the cold first page's rows while the count is still coming. */
  rowCount: number | null;
  /** The row at a position, or undefined while its page loads. */
  rowAt: (index: number) => TalentListRow | undefined;
  /** Asks for the rows of [first, last] (the virtual list's visible range plus overscan). */
  requestRange: (first: number, last: number) => void;
  /** ms from the keystroke (or filter/sort change) to the query's first page on screen (the last search). */
  lastQueryMs: number | null;
  /** ms the worker spent on the last first page (search, filter, page of rows). */
  lastWorkerMs: number | null;
  /** True while rows come from IndexedDB before the index is ready. */
  cold: boolean;
  /** For useSyncExternalStore in the table: fires when a page of rows other than the first arrives. */
  subscribeRows: (listener: () => void) => () => void;
  /** Bumped on each such arrival. */
  rowsVersion: () => number;
}

function isDefaultQuery(request: TalentListRequest): boolean {
  return request.text.trim() === '' && !request.sort && Object.values(request.filters).every((value) => value === undefined || (Array.isArray(value) && value.length === 0));
}

function maskedColdRow(talent: Talent, mask: MaskPattern): TalentListRow {
  const patterns = maskPatterns(mask);
  return { ...talent, idNumber: maskIdNumber(talent.idNumber ?? '', patterns.idNumber), phone: maskPhone(talent.phone ?? '', patterns.phone) };
}

interface PageCache {
  key: string;
  version: number;
  pages: Map<number, TalentListRow[]>;
  inflight: Set<number>;
  controller: AbortController;
}

export function useTalentList(request: TalentListRequest): TalentListView {
  const status = useTalentIndexStatus();
  const [total, setTotal] = useState<number | null>(null);
  const [, setTick] = useState(0);
  const [coldRows, setColdRows] = useState<TalentListRow[] | null>(null);
  const [coldTotal, setColdTotal] = useState<number | null>(null);
  const [lastQueryMs, setLastQueryMs] = useState<number | null>(null);
  const queryStarted = useRef<{ key: string; at: number } | null>(null);
  const lastWorkerMs = useRef<number | null>(null);
  const arrivals = useRef<PageArrivals>({ version: 0, listeners: new Set() });
  const subscribeRows = useCallback((listener: () => void) => {
    const listeners = arrivals.current.listeners;
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  const rowsVersion = useCallback(() => arrivals.current.version, []);
  const key = JSON.stringify([request.text.trim(), request.filters, request.sort ?? null, request.extraFields, request.mask]);
  const cache = useRef<PageCache>({ key: '', version: -1, pages: new Map(), inflight: new Set(), controller: new AbortController() });
  const requestRef = useRef(request);
  const lastText = useRef('');
  requestRef.current = request;

  // The index worker's first read competes with the cold page for IndexedDB: start it once the
  // first rows are on screen (or at once for a search, or after a moment if the cold read stalls).
  const defaultQuery = isDefaultQuery(request);
  const coldPainted = coldRows !== null;
  useEffect(() => {
    if (coldPainted || !defaultQuery) {
      startTalentIndex();
      return undefined;
    }
    const timer = setTimeout(startTalentIndex, INDEX_START_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [coldPainted, defaultQuery]);

  // Once ready, make sure nothing was written behind the index's back (a writer that did not announce).
  useEffect(() => {
    if (status.ready) void verifyTalentIndex();
  }, [status.ready]);

  // Cold start: the first page straight from IndexedDB.
  const mask = request.mask;
  useEffect(() => {
    if (status.ready) return;
    let active = true;
    const db = getDatabase();
    void db.talents
      .orderBy('updatedAt')
      .reverse()
      .limit(PAGE_SIZE)
      .toArray()
      .then((talents) => {
        if (active) setColdRows(talents.map((talent) => maskedColdRow(talent, mask)));
      });
    void db.talents.count().then((count) => {
      if (active) setColdTotal(count);
    });
    return () => {
      active = false;
    };
  }, [status.ready, mask]);

  const fetchPage = useCallback((page: number) => {
    const current = cache.current;
    if (current.pages.has(page) || current.inflight.has(page)) return;
    current.inflight.add(page);
    const { text, filters, sort, extraFields, mask: queryMask } = requestRef.current;
    const query = {
      text,
      filters,
      ...(sort ? { sort } : {}),
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
      today: todayYmd(),
      mask: queryMask,
      extraFields: [...extraFields],
    };
    queryTalentIndex(query, current.controller.signal).then(
      (result) => {
        if (cache.current !== current) return;
        current.inflight.delete(page);
        current.pages.set(page, result.rows);
        if (page === 0) lastWorkerMs.current = result.ms;
        setTotal(result.total);
        if (page === 0) setTick((tick) => tick + 1);
        else {
          // Scrolling fetched further rows: only the table needs to draw them.
          arrivals.current.version += 1;
          for (const listener of arrivals.current.listeners) listener();
        }
      },
      (error: unknown) => {
        current.inflight.delete(page);
        if (error instanceof Error && error.name === 'AbortError') return;
        console.error('talent list query failed', error instanceof Error ? error.message : String(error));
      },
    );
  }, []);

  // A new query or a new index version: drop the cached pages and fetch the first one.
  useEffect(() => {
    if (!status.ready) return;
    const previous = cache.current;
    if (previous.key === key && previous.version === status.version) return;
    previous.controller.abort();
    cache.current = { key, version: status.version, pages: new Map(), inflight: new Set(), controller: new AbortController() };
    // Only a changed query is a "search"; a refresh after an edit keeps the current figure. A new
    // search text counts from its keystroke, other changes from now.
    if (previous.key !== key) {
      const now = performance.now();
      const { text, typedAt } = requestRef.current;
      const textChanged = text.trim() !== lastText.current;
      queryStarted.current = { key, at: textChanged && typedAt !== undefined && typedAt > 0 ? Math.min(typedAt, now) : now };
    }
    lastText.current = requestRef.current.text.trim();
    fetchPage(0);
  }, [key, status.ready, status.version, fetchPage]);

  // The first page of a search is on screen: record how long it took.
  const firstPage = cache.current.pages.get(0);
  useEffect(() => {
    const started = queryStarted.current;
    if (!firstPage || !started || started.key !== cache.current.key) return;
    queryStarted.current = null;
    const end = performance.now();
    setLastQueryMs(end - started.at);
    try {
      performance.measure('talent-list-query', { start: started.at, end });
    } catch {
      // Measuring is a nicety; an old engine without the options form must not break the list.
    }
  }, [firstPage]);

  const requestRange = useCallback(
    (first: number, last: number) => {
      if (!status.ready) return;
      const firstPageIndex = Math.max(0, Math.floor(first / PAGE_SIZE));
      const lastPageIndex = Math.max(firstPageIndex, Math.floor(last / PAGE_SIZE));
      for (let page = firstPageIndex; page <= lastPageIndex; page += 1) fetchPage(page);
    },
    [status.ready, fetchPage],
  );

  const cold = !status.ready || cache.current.pages.size === 0;
  const useColdRows = cold && isDefaultQuery(request);
  const rowAt = useCallback(
    (index: number): TalentListRow | undefined => {
      if (useColdRows) return coldRows?.[index];
      const page = cache.current.pages.get(Math.floor(index / PAGE_SIZE));
      return page?.[index % PAGE_SIZE];
    },
    // The page cache is a ref; `total` and the tick re-render when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [useColdRows, coldRows, total, key, status.version],
  );

  const shownTotal = status.ready && cache.current.pages.size > 0 ? total : isDefaultQuery(request) ? coldTotal : null;
  // The cold first page need not wait for IndexedDB's count (≈ 0.5 s at 300,000): show its rows now.
  const rowCount = shownTotal ?? (useColdRows && coldRows ? coldRows.length : null);
  return { status, total: shownTotal, rowCount, rowAt, requestRange, lastQueryMs, lastWorkerMs: lastWorkerMs.current, cold, subscribeRows, rowsVersion };
}
