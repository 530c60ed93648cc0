// The IPC transport: one handler for contract calls, one channel for push events.
// Takes an IpcMainLike rather than Electron itself so it runs in a plain Node test.
import { ipcChannel } from '../../shared/contract';
import type { Dispatch } from '../api';
import type { EventBus } from '../core/eventBus';

export interface IpcSenderFrame {
  url: string;
}

export interface IpcInvokeEventLike {
  senderFrame: IpcSenderFrame | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  bus: EventBus,
  windows: () => WebContentsLike[],
  isTrustedUrl: (url: string) => boolean,
): () => void {
  ipcMain.handle(ipcChannel.call, async (event, method, request) => {
    // Only our own page may call the API, never a navigated-away or embedded frame.
    if (!event.senderFrame || !isTrustedUrl(event.senderFrame.url)) {
      return { ok: false, error: { code: 'invalid_request', message: 'This window is not allowed to call Repdesk.' } };
    }
    return dispatch(method, request);
  });
  const unsubscribe = bus.subscribe((name, payload) => {
    for (const contents of windows()) if (!contents.isDestroyed()) contents.send(ipcChannel.event, name, payload);
  });
  return () => {
    ipcMain.removeHandler(ipcChannel.call);
    unsubscribe();
  };
}
