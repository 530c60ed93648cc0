import { describe, expect, it, vi } from 'vitest';
import { ipcChannel, methodNames } from '../../../src/shared/contract';
import { buildBridge, type IpcRendererLike } from '../../../src/preload/bridge';

function fakeIpc() {
  const listeners = new Map<string, Set<(e: unknown, ...a: unknown[]) => void>>();
  const ipc: IpcRendererLike & { emit(channel: string, ...args: unknown[]): void } = {
    invoke: vi.fn(async () => ({ ok: true, value: 'answered' })),
    on: (c, l) => listeners.set(c, (listeners.get(c) ?? new Set()).add(l)),
    removeListener: (c, l) => listeners.get(c)?.delete(l),
    emit: (c, ...args) => listeners.get(c)?.forEach((l) => l({}, ...args)),
  };
  return ipc;
}

describe('preload bridge', () => {
  it('exposes exactly call, subscribe and the contract method list', () => {
    const bridge = buildBridge(fakeIpc());
    expect(Object.keys(bridge).sort()).toEqual(['call', 'methods', 'subscribe']);
    expect(bridge.methods).toEqual(methodNames);
    expect(Object.isFrozen(bridge.methods)).toBe(true);
  });

  it('passes contract methods through and refuses anything else without touching IPC', async () => {
    const ipc = fakeIpc();
    const bridge = buildBridge(ipc);
    expect(await bridge.call('settings.get', {})).toEqual({ ok: true, value: 'answered' });
    expect(ipc.invoke).toHaveBeenCalledWith(ipcChannel.call, 'settings.get', {});
    expect(await bridge.call('shell.exec', { cmd: 'rm -rf /' })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await bridge.call('constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(ipc.invoke).toHaveBeenCalledTimes(1);
  });

  it('delivers only contract events and can unsubscribe', () => {
    const ipc = fakeIpc();
    const seen: unknown[] = [];
    const off = buildBridge(ipc).subscribe((name, payload) => seen.push([name, payload]));
    ipc.emit(ipcChannel.event, 'settings.changed', { repName: 'A' });
    ipc.emit(ipcChannel.event, 'made.up', {});
    off();
    ipc.emit(ipcChannel.event, 'settings.changed', { repName: 'B' });
    expect(seen).toEqual([['settings.changed', { repName: 'A' }]]);
  });
});
