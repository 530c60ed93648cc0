// How the window reaches the main process: Electron IPC through the preload, or HTTP to the loopback harness.
import type { ApiResult, EventName } from '../../../shared/contract';
import { bytesMarker } from '../../../shared/contract/bytes';

export interface Transport {
  kind: 'ipc' | 'http';
  call(method: string, request: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

interface PreloadBridge {
  call(method: string, request: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    repdesk?: PreloadBridge;
  }
}

export function pickTransport(win: Window): Transport {
  if (win.repdesk) {
    const bridge = win.repdesk;
    return { kind: 'ipc', call: (m, r) => bridge.call(m, r), subscribe: (l) => bridge.subscribe(l) };
  }
  const token = win.document.querySelector('meta[name="repdesk-token"]')?.getAttribute('content') ?? '';
  return httpTransport(token);
}

export function httpTransport(token: string): Transport {
  let source: EventSource | null = null;
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  return {
    kind: 'http',
    async call(method, request) {
      try {
        const res = await fetch('/api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Repdesk-Token': token },
          body: JSON.stringify({ method, request }, encodeBytes),
        });
        return (await res.json()) as ApiResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'unavailable', message: 'Repdesk is not running. Start it again and reload this page.' } };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource('/events');
        source.onmessage = (e: MessageEvent<string>) => {
          const { name, payload } = JSON.parse(e.data) as { name: EventName; payload: unknown };
          for (const l of listeners) l(name, payload);
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

/** JSON cannot carry bytes: a Uint8Array (a file chunk) travels as base64 and the harness turns it back. */
function encodeBytes(_key: string, value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  let binary = '';
  for (let i = 0; i < value.length; i += 0x8000) binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
  return { [bytesMarker]: btoa(binary) };
}
