/**
 * A tiny typed RPC over postMessage between the page and a Web Worker (Comlink-style, no dependency).
 *
 * Worker:   exposeWorker({ parse: async (input: ParseInput, { progress, signal }) => ... });
 *           export type ParserApi = typeof api;
 * Page:     const parser = wrapWorker<ParserApi>(new Worker(new URL('./parser.worker.ts', import.meta.url), { type: 'module' }));
 *           const rows = await parser.call.parse(input, { onProgress: (p) => ..., signal, transfer: [input.bytes.buffer] });
 *
 * Each method takes ONE structured-cloneable input and a context with `progress(value)` and an
 * AbortSignal. Cancelling rejects the page-side promise at once with an AbortError and aborts the
 * worker-side signal; the method should check `signal.aborted` between chunks and stop. Domain
 * failures should be returned as Result values; a thrown exception is a bug and rejects the call.
 */

/** What a worker method receives besides its input. */
export interface WorkerCallContext<Progress = unknown> {
  /** Aborted when the caller cancels; check it between chunks of work. */
  signal: AbortSignal;
  /** Reports progress to the caller's `onProgress` (dropped when the caller gave none). */
  progress: (value: Progress) => void;
  /** Marks buffers to move, not copy, with the result (e.g. a generated file's bytes). */
  transferResult: (transferables: Transferable[]) => void;
}

/** Options of one call from the page. */
export interface CallOptions<Progress> {
  onProgress?: (value: Progress) => void;
  signal?: AbortSignal;
  /** Buffers in the input to move into the worker instead of copying (the page loses access to them). */
  transfer?: Transferable[];
}

type MethodOf<Api> = {
  [K in keyof Api]: Api[K] extends (input: infer Input, context: WorkerCallContext<infer Progress>) => infer Output
    ? unknown extends Input
      ? (input?: undefined, options?: CallOptions<Progress>) => Promise<Awaited<Output>>
      : (input: Input, options?: CallOptions<Progress>) => Promise<Awaited<Output>>
    : never;
};

/** The page-side view of a worker API: every method is async and takes call options. */
export type RemoteApi<Api> = MethodOf<Api>;

/** The message port shape shared by Worker, DedicatedWorkerGlobalScope and MessagePort. */
export interface MessageEndpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  /** MessagePort needs start() when listening through addEventListener. */
  start?: () => void;
}

/** Wire messages. Kept tiny and versionless: page and worker always come from the same build. */
type RequestMessage =
  | { kind: 'call'; id: number; method: string; input: unknown; wantsProgress: boolean }
  | { kind: 'abort'; id: number };

type ResponseMessage =
  | { kind: 'progress'; id: number; value: unknown }
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: { name: string; message: string; stack?: string } };

/** The marker both sides use to ignore foreign messages on a shared port. */
const CHANNEL = 'talentledger-rpc';

interface Envelope<T> {
  channel: typeof CHANNEL;
  message: T;
}

function isEnvelope<T>(data: unknown): data is Envelope<T> {
  return typeof data === 'object' && data !== null && (data as { channel?: unknown }).channel === CHANNEL;
}

function abortError(): Error {
  return typeof DOMException === 'function'
    ? new DOMException('The call was canceled', 'AbortError')
    : Object.assign(new Error('The call was canceled'), { name: 'AbortError' });
}

type ServedMethod = (input: unknown, context: WorkerCallContext<unknown>) => unknown;

/**
 * Serves `api` on `endpoint` (default: the worker's global scope). Call once at the top of a worker module.
 * Returns a function that stops serving.
 */
export function exposeWorker<Api extends object>(api: Api, endpoint: MessageEndpoint = globalThis as unknown as MessageEndpoint): () => void {
  const running = new Map<number, AbortController>();
  const methods = api as unknown as Record<string, ServedMethod | undefined>;

  const send = (message: ResponseMessage, transfer: Transferable[] = []) => {
    endpoint.postMessage({ channel: CHANNEL, message } satisfies Envelope<ResponseMessage>, transfer);
  };

  const listener = (event: MessageEvent) => {
    if (!isEnvelope<RequestMessage>(event.data)) return;
    const request = event.data.message;
    if (request.kind === 'abort') {
      running.get(request.id)?.abort();
      return;
    }
    const method = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
    if (typeof method !== 'function') {
      send({ kind: 'error', id: request.id, error: { name: 'TypeError', message: `Unknown worker method: ${request.method}` } });
      return;
    }
    const controller = new AbortController();
    running.set(request.id, controller);
    let resultTransfer: Transferable[] = [];
    const context: WorkerCallContext<unknown> = {
      signal: controller.signal,
      progress: (value) => {
        if (request.wantsProgress && !controller.signal.aborted) send({ kind: 'progress', id: request.id, value });
      },
      transferResult: (transferables) => {
        resultTransfer = transferables;
      },
    };
    void (async () => {
      try {
        const value = await method.call(api, request.input, context);
        // A canceled caller has stopped listening; skip the (possibly large) result.
        if (!controller.signal.aborted) send({ kind: 'result', id: request.id, value }, resultTransfer);
      } catch (error) {
        if (!controller.signal.aborted) {
          const failure = error instanceof Error ? error : new Error(String(error));
          send({ kind: 'error', id: request.id, error: { name: failure.name, message: failure.message, ...(failure.stack ? { stack: failure.stack } : {}) } });
        }
      } finally {
        running.delete(request.id);
      }
    })();
  };

  endpoint.addEventListener('message', listener);
  endpoint.start?.();
  return () => {
    endpoint.removeEventListener('message', listener);
    for (const controller of running.values()) controller.abort();
    running.clear();
  };
}

/** The page-side handle of a wrapped worker. */
export interface WrappedWorker<Api> {
  /** Typed async methods mirroring the worker API. */
  call: RemoteApi<Api>;
  /** Rejects every pending call and stops listening (terminates the worker when it is a Worker). */
  close: () => void;
}

interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  onProgress: ((value: unknown) => void) | undefined;
  cleanup: () => void;
}

/** Wraps a Worker (or MessagePort) serving `exposeWorker(api)` as typed async methods. */
export function wrapWorker<Api extends object>(endpoint: MessageEndpoint & { terminate?: () => void }): WrappedWorker<Api> {
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, PendingCall>();

  const post = (message: RequestMessage, transfer: Transferable[] = []) => {
    endpoint.postMessage({ channel: CHANNEL, message } satisfies Envelope<RequestMessage>, transfer);
  };

  const listener = (event: MessageEvent) => {
    if (!isEnvelope<ResponseMessage>(event.data)) return;
    const response = event.data.message;
    const call = pending.get(response.id);
    if (!call) return;
    if (response.kind === 'progress') {
      call.onProgress?.(response.value);
      return;
    }
    pending.delete(response.id);
    call.cleanup();
    if (response.kind === 'result') call.resolve(response.value);
    else {
      const error = new Error(response.error.message);
      error.name = response.error.name;
      if (response.error.stack) error.stack = response.error.stack;
      call.reject(error);
    }
  };
  endpoint.addEventListener('message', listener);
  endpoint.start?.();

  function invoke(method: string, input: unknown, options: CallOptions<unknown> = {}): Promise<unknown> {
    if (closed) return Promise.reject(new Error('The worker has been closed'));
    const { signal, onProgress, transfer = [] } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (!pending.delete(id)) return;
        post({ kind: 'abort', id });
        signal?.removeEventListener('abort', onAbort);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.set(id, { resolve, reject, onProgress, cleanup: () => signal?.removeEventListener('abort', onAbort) });
      post({ kind: 'call', id, method, input, wantsProgress: onProgress !== undefined }, transfer);
    });
  }

  const call = new Proxy(
    {},
    {
      get(_target, property) {
        if (typeof property !== 'string' || property === 'then') return undefined;
        return (input: unknown, options?: CallOptions<unknown>) => invoke(property, input, options);
      },
    },
  ) as RemoteApi<Api>;

  return {
    call,
    close() {
      if (closed) return;
      closed = true;
      endpoint.removeEventListener('message', listener);
      for (const [id, entry] of pending) {
        // Let a shared worker stop the work too (a terminated one stops anyway).
        if (!endpoint.terminate) post({ kind: 'abort', id });
        entry.cleanup();
        entry.reject(new Error('The worker has been closed'));
        pending.delete(id);
      }
      endpoint.terminate?.();
    },
  };
}
