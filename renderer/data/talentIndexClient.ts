/**
 * Page side of the talent search-index worker: one worker per window, started on first use and
 * kept for the life of the page (loading 300,000 talents takes seconds; a list opened again
 * must not pay that twice). Exposes the loading state as a subscribable store for React.
 */
import { useSyncExternalStore } from 'react';
import type { TalentQuery } from '../../shared/search/talentSearch';
import { wrapWorker, type WrappedWorker } from '../workers/rpc';
import type { TalentIndexApi, TalentIndexStatus, TalentListQuery, TalentListResult } from '../workers/talentIndex.worker';

export type { TalentIndexStatus, TalentListQuery, TalentListResult, TalentListRow } from '../workers/talentIndex.worker';

let worker: WrappedWorker<TalentIndexApi> | null = null;
let current: TalentIndexStatus = { ready: false, loaded: 0, total: 0, version: 0 };
const listeners = new Set<() => void>();

function publish(next: TalentIndexStatus): void {
  // Progress can arrive after a newer version: never go back.
  if (next.version < current.version) return;
  if (next.ready === current.ready && next.loaded === current.loaded && next.total === current.total && next.version === current.version) return;
  current = next;
  for (const listener of listeners) listener();
}

async function followChanges(handle: WrappedWorker<TalentIndexApi>): Promise<void> {
  for (;;) {
    try {
      publish(await handle.call.waitForChange({ since: current.version }));
    } catch {
      return; // closed
    }
  }
}

function startWorker(): WrappedWorker<TalentIndexApi> {
  const handle = wrapWorker<TalentIndexApi>(new Worker(new URL('../workers/talentIndex.worker.ts', import.meta.url), { type: 'module', name: 'talent-index' }));
  void handle.call.load(undefined, { onProgress: publish }).then(publish, (error: unknown) => {
    console.error('talent index failed to load', error instanceof Error ? error.message : String(error));
  });
  void followChanges(handle);
  return handle;
}

function talentIndex(): WrappedWorker<TalentIndexApi> {
  worker ??= startWorker();
  return worker;
}

/** Starts the index worker (loading begins at once) if it is not running yet. */
export function startTalentIndex(): void {
  talentIndex();
}

/** One list query (waits for the index to be ready). */
export function queryTalentIndex(query: TalentListQuery, signal?: AbortSignal): Promise<TalentListResult> {
  return talentIndex().call.query(query, signal ? { signal } : {});
}

/** Every id matching a query, in display order (paging ignored). */
export function matchingTalentIds(query: TalentQuery): Promise<string[]> {
  return talentIndex().call.matchingIds(query);
}

/** Has the index worker serve a talent export's rows on `port` (see renderer/data/exports.ts). */
export function serveTalentExport(port: MessagePort): Promise<void> {
  return talentIndex().call.serveExport({ port }, { transfer: [port] });
}

/** Reloads the index when the stored count no longer matches it (a writer that did not announce). */
export function verifyTalentIndex(): Promise<boolean> {
  return talentIndex().call.verify();
}

/** The current loading state and version (no worker is started by reading it). */
export function talentIndexStatus(): TalentIndexStatus {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** React: the index's loading state and version; re-renders on progress and after each applied change. */
export function useTalentIndexStatus(): TalentIndexStatus {
  return useSyncExternalStore(subscribe, talentIndexStatus, talentIndexStatus);
}

/** Stops the worker (tests, or freeing memory); the next use starts a fresh one. */
export function stopTalentIndex(): void {
  worker?.close();
  worker = null;
  current = { ready: false, loaded: 0, total: 0, version: 0 };
  for (const listener of listeners) listener();
}
