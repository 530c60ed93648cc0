// How the window reaches the main process: Electron IPC through the preload, or HTTP to the loopback harness.
import type { ApiResult, EventName } from '../../../shared/contract';

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
          body: JSON.stringify({ method, request }),
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
