/**
 * The gate every renderer request passes: known channel, our own main frame on our own origin,
 * a payload that fits the channel's zod schema, and a handler whose failures come back as values.
 * Only Electron *types* are imported, so Node tests import this file directly.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcArgSchemas, ipcChannels, ipcErrorCodes, type IpcArgs, type IpcMethod, type IpcResults } from '../shared/ipc';
import { err, type Result } from '../shared/result';
import type { IpcHandlers } from './fileHandlers';
import { isAppOrigin } from './protocol';

export type { IpcHandlers } from './fileHandlers';

/** Where the IPC layer reports handler exceptions; the renderer only ever sees a code. */
export type IpcErrorLogger = (message: string, error: unknown) => void;

const methodByChannel: ReadonlyMap<string, IpcMethod> = new Map(
  (Object.keys(ipcChannels) as IpcMethod[]).map((method) => [ipcChannels[method], method]),
);

/** The method for a channel string, or `undefined` for anything not in the contract. */
export function methodForChannel(channel: string): IpcMethod | undefined {
  return methodByChannel.get(channel);
}

function callHandler<K extends IpcMethod>(handlers: IpcHandlers, method: K, args: IpcArgs[K]): Promise<Result<IpcResults[K]>> {
  return handlers[method](args);
}

/**
 * Runs one IPC request through every check and the handler. Pure apart from calling the handler,
 * so unit tests drive it without Electron.
 *
 * @param channel     the channel the renderer invoked
 * @param senderUrl   URL of the sending frame (`event.senderFrame.url`), `undefined` when the frame is gone
 * @param isMainFrame whether the sender is the main frame of our window
 * @param rawArgs     the single argument the renderer passed, unvalidated
 */
export async function dispatchIpc(
  channel: string,
  senderUrl: string | undefined,
  isMainFrame: boolean,
  rawArgs: unknown,
  handlers: IpcHandlers,
  logError: IpcErrorLogger = defaultLogger,
): Promise<Result<unknown>> {
  const method = methodForChannel(channel);
  if (method === undefined) {
    return err({ code: ipcErrorCodes.unknownChannel, message: '未知的请求类型。', messageEn: 'Unknown request channel.' });
  }
  if (!isMainFrame || senderUrl === undefined || !isAppOrigin(senderUrl)) {
    return err({ code: ipcErrorCodes.forbiddenSender, message: '请求来源不受信任，已拒绝。', messageEn: 'The request came from an untrusted frame and was refused.' });
  }
  const parsed = ipcArgSchemas[method].safeParse(rawArgs);
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'args'}: ${issue.message}`)
      .join('; ');
    return err({ code: ipcErrorCodes.badPayload, message: `请求参数不正确（${details}）。`, messageEn: `Invalid request arguments (${details}).` });
  }
  try {
    return await callHandler(handlers, method, parsed.data as IpcArgs[typeof method]);
  } catch (error) {
    logError(`IPC handler for ${channel} threw`, error);
    return err({ code: ipcErrorCodes.handlerFailed, message: '操作失败：程序内部出错，详情已写入日志。', messageEn: 'The operation failed because of an internal error; details are in the log.' });
  }
}

function defaultLogger(message: string, error: unknown): void {
  console.error(message, error);
}

/** Whether an invoke event came from the main frame of `contents` (our window), not a subframe or another window. */
export function isFromMainFrameOf(event: IpcMainInvokeEvent, contents: WebContents | null | undefined): { isMainFrame: boolean; senderUrl: string | undefined } {
  let frame: IpcMainInvokeEvent['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    frame = null;
  }
  if (frame === null || contents === null || contents === undefined || contents.isDestroyed() || event.sender !== contents) {
    return { isMainFrame: false, senderUrl: frame?.url };
  }
  const main = contents.mainFrame;
  const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return { isMainFrame, senderUrl: frame.url };
}

/**
 * Registers `ipcMain.handle` for every channel of the contract. `getMainWebContents` returns our
 * window's contents (or nothing while no window exists). Returns a function that removes the handlers.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: IpcHandlers,
  getMainWebContents: () => WebContents | null | undefined,
  logError: IpcErrorLogger = defaultLogger,
): () => void {
  const channels = Object.values(ipcChannels);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      const { isMainFrame, senderUrl } = isFromMainFrameOf(event, getMainWebContents());
      // The contract is one argument per call; anything else fails the schema as an array.
      const rawArgs = args.length === 1 ? args[0] : args;
      return dispatchIpc(channel, senderUrl, isMainFrame, rawArgs, handlers, logError);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
