// The object the preload exposes; built from an IpcRendererLike so it is testable without Electron.
import { ipcChannel, isEventName, isMethodName, methodNames, type ApiResult, type EventName } from '../shared/contract';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface RepdeskBridge {
  methods: readonly string[];
  call(method: string, request: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

export function buildBridge(ipc: IpcRendererLike): RepdeskBridge {
  return {
    methods: Object.freeze([...methodNames]),
    call(method, request) {
      if (!isMethodName(method)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `There is no API method called ${String(method)}.` } });
      }
      return ipc.invoke(ipcChannel.call, method, request) as Promise<ApiResult<unknown>>;
    },
    subscribe(listener) {
      const forward = (_event: unknown, name: unknown, payload: unknown) => {
        if (isEventName(name)) listener(name, payload);
      };
      ipc.on(ipcChannel.event, forward);
      return () => {
        ipc.removeListener(ipcChannel.event, forward);
      };
    },
  };
}
