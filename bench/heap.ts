/**
 * Samples the JS heap of a page and its workers over CDP while something runs: the page's
 * `Performance.getMetrics` (JSHeapUsedSize) plus `Runtime.getHeapUsage` of every dedicated worker
 * (auto-attached, so workers the app starts mid-run are counted too). The peak is of the sum.
 */
import type { CDPSession, Page } from '@playwright/test';

interface AttachedEvent {
  sessionId: string;
  targetInfo: { type: string };
}

interface TargetMessageEvent {
  sessionId: string;
  message: string;
}

interface HeapUsageReply {
  id?: number;
  result?: { usedSize?: number };
}

/** One page's heap meter. Create once per page; `measure` can be called many times. */
export class HeapMeter {
  private readonly workers = new Set<string>();
  private readonly pending = new Map<number, (used: number) => void>();
  private nextId = 1;

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event: AttachedEvent) => {
      if (event.targetInfo.type === 'worker') this.workers.add(event.sessionId);
    });
    cdp.on('Target.detachedFromTarget', (event: { sessionId: string }) => {
      this.workers.delete(event.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (event: TargetMessageEvent) => {
      let reply: HeapUsageReply;
      try {
        reply = JSON.parse(event.message) as HeapUsageReply;
      } catch {
        return;
      }
      if (reply.id === undefined) return;
      const resolve = this.pending.get(reply.id);
      if (!resolve) return;
      this.pending.delete(reply.id);
      resolve(reply.result?.usedSize ?? 0);
    });
  }

  /** Attaches to `page` (call before the page starts workers, e.g. right after `newPage`). */
  static async attach(page: Page): Promise<HeapMeter> {
    const cdp = await page.context().newCDPSession(page);
    const meter = new HeapMeter(cdp);
    await cdp.send('Performance.enable');
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return meter;
  }

  private async workerHeap(sessionId: string): Promise<number> {
    const id = this.nextId++;
    const reply = new Promise<number>((resolve) => {
      this.pending.set(id, resolve);
      // A worker that ends before answering counts as zero.
      setTimeout(() => {
        if (this.pending.delete(id)) resolve(0);
      }, 2000);
    });
    try {
      await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    } catch {
      this.pending.delete(id);
      return 0;
    }
    return reply;
  }

  /** Used JS heap now: the page's main thread plus every live worker, in bytes. */
  async usedBytes(): Promise<number> {
    const metrics = await this.cdp.send('Performance.getMetrics');
    const main = metrics.metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    const workers = await Promise.all([...this.workers].map((sessionId) => this.workerHeap(sessionId)));
    return main + workers.reduce((sum, used) => sum + used, 0);
  }

  /** Runs `work` while sampling every `intervalMs`; returns its value and the peak heap seen (bytes). */
  async peakDuring<T>(work: () => Promise<T>, intervalMs = 200): Promise<{ value: T; peakBytes: number }> {
    let peak = await this.usedBytes();
    let running = true;
    const sampler = (async () => {
      while (running) {
        try {
          peak = Math.max(peak, await this.usedBytes());
        } catch {
          // The page may be navigating; the next sample will tell.
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    })();
    try {
      const value = await work();
      peak = Math.max(peak, await this.usedBytes());
      return { value, peakBytes: peak };
    } finally {
      running = false;
      await sampler;
    }
  }

  /** Forces a full garbage collection in the page (so "at rest" is not inflated by garbage). */
  async collectGarbage(): Promise<void> {
    await this.cdp.send('HeapProfiler.collectGarbage');
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}
