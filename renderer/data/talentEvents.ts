/**
 * Talent change notifications. Every writer of the talents table announces its committed changes
 * here, so readers that keep their own copy (the search-index worker, open lists) can refresh just
 * those records instead of re-reading 300,000 rows. Announcements go to other windows and workers
 * over a BroadcastChannel and to listeners in this window directly (a BroadcastChannel does not
 * deliver to its own sender).
 */

/** Name of the BroadcastChannel all windows and workers listen on. */
export const TALENT_CHANNEL_NAME = 'talentledger:talents';

/** Above this many ids a writer sends `{ reset: true }` instead of the id list. */
export const TALENT_CHANGE_ID_LIMIT = 5_000;

/** What changed in the talents table: the ids written or removed, or "reload everything". */
export type TalentChange = { upserted: string[]; removed: string[] } | { reset: true };

/** Receives one committed change. */
export type TalentChangeListener = (change: TalentChange) => void;

const localListeners = new Set<TalentChangeListener>();
let sendChannel: BroadcastChannel | undefined;

function channelForSending(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel !== 'function') return undefined;
  sendChannel ??= new BroadcastChannel(TALENT_CHANNEL_NAME);
  return sendChannel;
}

/** Whether a message received on the channel is a well-formed change (messages cross windows). */
export function isTalentChange(value: unknown): value is TalentChange {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (candidate.reset === true) return true;
  const isIdList = (list: unknown) => Array.isArray(list) && list.every((id) => typeof id === 'string');
  return isIdList(candidate.upserted) && isIdList(candidate.removed);
}

/**
 * Folds a change into the wire form: long id lists become `{ reset: true }`, so one import of
 * 300,000 rows does not post a 300,000-id message.
 */
export function normalizeTalentChange(change: TalentChange): TalentChange | undefined {
  if ('reset' in change) return { reset: true };
  if (change.upserted.length + change.removed.length > TALENT_CHANGE_ID_LIMIT) return { reset: true };
  if (change.upserted.length === 0 && change.removed.length === 0) return undefined;
  return { upserted: [...change.upserted], removed: [...change.removed] };
}

/**
 * Announces a COMMITTED change of the talents table (call after the transaction resolves, never
 * inside it: a rolled-back write must not be announced). Empty changes are dropped.
 */
export function announceTalentChanges(change: TalentChange): void {
  const message = normalizeTalentChange(change);
  if (!message) return;
  try {
    channelForSending()?.postMessage(message);
  } catch {
    // A closed channel (page unloading) must not turn a committed write into a failure.
  }
  for (const listener of [...localListeners]) {
    try {
      listener(message);
    } catch (error) {
      // One failing listener must not keep others from refreshing; the error says nothing personal.
      console.error('talent change listener failed', error instanceof Error ? error.message : error);
    }
  }
}

/**
 * Listens to talent changes from this window and from other windows/workers. Returns a function
 * that stops listening. Works in workers too (they only hear other contexts' announcements and
 * their own `announceTalentChanges` calls).
 */
export function onTalentChanges(listener: TalentChangeListener): () => void {
  localListeners.add(listener);
  let channel: BroadcastChannel | undefined;
  const onMessage = (event: MessageEvent) => {
    if (isTalentChange(event.data)) listener(event.data);
  };
  if (typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(TALENT_CHANNEL_NAME);
    channel.addEventListener('message', onMessage);
  }
  return () => {
    localListeners.delete(listener);
    channel?.removeEventListener('message', onMessage);
    channel?.close();
  };
}
