/**
 * Long synchronous loops on the page (a 30,000-row roster matched and written) are cut into slices
 * of about {@link SLICE_MS} so that the screen keeps painting and answering input in between.
 */

/** Work per slice before the page gets a turn: under the 50 ms of a "long task", with room to spare. */
export const SLICE_MS = 30;

/**
 * Resolves in a later task. A MessageChannel message rather than setTimeout: timers are throttled
 * to once a second in a background tab, messages are not. Never inside an IndexedDB transaction:
 * with no request pending across a task boundary the transaction commits.
 */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Tells a loop when its slice is used up: `if (slicer.due()) await slicer.pause();`. The check is
 * synchronous on purpose: inside a Dexie transaction every extra native `await` costs Dexie a step
 * of its zone tracking, and after tens of thousands of them it loses the transaction (later writes
 * would run outside it). `pause` is how the loop lets the page in: by default {@link yieldToPage};
 * inside a transaction, a small Dexie read of that transaction (its success event arrives in a later
 * task, keeps the transaction alive, and Dexie follows its own promises).
 */
export class PageSlicer {
  private sliceStart = performance.now();
  /** How many times the loop let the page in (tests look at it). */
  pauses = 0;

  constructor(private readonly letPageIn: () => PromiseLike<unknown> = yieldToPage, private readonly sliceMs = SLICE_MS) {}

  /** Whether the current slice has run for its time. */
  due(): boolean {
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** Lets the page in, then starts a new slice. Returns the pause function's own promise chain. */
  pause(): PromiseLike<void> {
    this.pauses += 1;
    return this.letPageIn().then(() => {
      this.sliceStart = performance.now();
    });
  }
}
