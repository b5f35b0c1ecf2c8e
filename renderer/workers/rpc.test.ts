import { afterEach, describe, expect, it } from 'vitest';
import { exposeWorker, wrapWorker, type MessageEndpoint, type WorkerCallContext } from './rpc';

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const api = {
  async sum(input: { values: number[] }, { progress }: WorkerCallContext<{ done: number; total: number }>) {
    let total = 0;
    for (const [index, value] of input.values.entries()) {
      total += value;
      progress({ done: index + 1, total: input.values.length });
    }
    return total;
  },
  async countUntilCanceled(_input: { stepMs: number }, { signal }: WorkerCallContext<number>) {
    let steps = 0;
    while (!signal.aborted) {
      await wait(_input.stepMs);
      steps += 1;
    }
    workerSide.canceledAfterSteps = steps;
    return steps;
  },
  byteLength(input: { bytes: ArrayBuffer }) {
    return input.bytes.byteLength;
  },
  makeBytes(input: { size: number }, { transferResult }: WorkerCallContext) {
    const bytes = new Uint8Array(input.size).fill(7);
    transferResult([bytes.buffer]);
    return bytes;
  },
  fail() {
    throw new RangeError('行号超出范围');
  },
  hello() {
    return '你好';
  },
};

type TestApi = typeof api;

const workerSide: { canceledAfterSteps?: number } = {};
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function connect() {
  const channel = new MessageChannel();
  const stop = exposeWorker(api, channel.port2 as unknown as MessageEndpoint);
  const remote = wrapWorker<TestApi>(channel.port1 as unknown as MessageEndpoint);
  cleanups.push(() => {
    remote.close();
    stop();
    channel.port1.close();
    channel.port2.close();
  });
  return remote;
}

describe('worker rpc', () => {
  it('calls a method with typed input, result and progress', async () => {
    const remote = connect();
    const seen: string[] = [];
    const total = await remote.call.sum({ values: [3, 4, 5] }, { onProgress: (p) => seen.push(`${p.done}/${p.total}`) });
    expect(total).toBe(12);
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
    expect(await remote.call.hello()).toBe('你好');
  });

  it('runs calls concurrently and matches each answer to its call', async () => {
    const remote = connect();
    const results = await Promise.all([remote.call.sum({ values: [1] }), remote.call.sum({ values: [2, 2] }), remote.call.hello()]);
    expect(results).toEqual([1, 4, '你好']);
  });

  it('cancels with an AbortSignal: the page rejects at once and the worker sees the abort', async () => {
    const remote = connect();
    const controller = new AbortController();
    const running = remote.call.countUntilCanceled({ stepMs: 5 }, { signal: controller.signal });
    await wait(30);
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await wait(20);
    expect(workerSide.canceledAfterSteps).toBeGreaterThan(0);
    await expect(remote.call.hello(undefined, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('moves transferred buffers instead of copying them', async () => {
    const remote = connect();
    const buffer = new Uint8Array(1024).buffer;
    expect(await remote.call.byteLength({ bytes: buffer }, { transfer: [buffer] })).toBe(1024);
    expect(buffer.byteLength).toBe(0);
    const made = await remote.call.makeBytes({ size: 16 });
    expect([...made]).toEqual(new Array(16).fill(7));
  });

  it('rejects with the worker error, name and message kept', async () => {
    const remote = connect();
    await expect(remote.call.fail()).rejects.toMatchObject({ name: 'RangeError', message: '行号超出范围' });
    const unknown = (remote.call as unknown as Record<string, () => Promise<unknown>>).nope;
    await expect(unknown?.()).rejects.toThrow(/Unknown worker method: nope/);
  });

  it('rejects pending calls when closed', async () => {
    const remote = connect();
    const running = remote.call.countUntilCanceled({ stepMs: 5 });
    remote.close();
    await expect(running).rejects.toThrow(/closed/);
    await expect(remote.call.hello()).rejects.toThrow(/closed/);
  });
});
