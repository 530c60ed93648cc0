import { describe, expect, it } from 'vitest';
import { ipcChannel } from '../../../src/shared/contract';
import { createApi } from '../../../src/main/api';
import { registerIpc, type IpcInvokeEventLike, type IpcMainLike } from '../../../src/main/app/ipc';
import { makeTestCore } from '../../support/testCore';

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipc, handlers };
}

describe('IPC transport', () => {
  const trusted = (url: string) => url === 'file:///app/out/renderer/index.html';

  it('dispatches contract calls from our own page', async () => {
    const { core } = makeTestCore();
    const { ipc, handlers } = fakeIpcMain();
    registerIpc(ipc, createApi(core), core.bus, () => [], trusted);
    const handler = handlers.get(ipcChannel.call)!;
    const result = await handler({ senderFrame: { url: 'file:///app/out/renderer/index.html' } }, 'settings.update', { repName: 'Ipc' });
    expect(result).toMatchObject({ ok: true, value: { repName: 'Ipc' } });
  });

  it('refuses calls from any other frame', async () => {
    const { core } = makeTestCore();
    const { ipc, handlers } = fakeIpcMain();
    registerIpc(ipc, createApi(core), core.bus, () => [], trusted);
    const handler = handlers.get(ipcChannel.call)!;
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, 'settings.update', { repName: 'X' })).toMatchObject({ ok: false });
    expect(await handler({ senderFrame: null }, 'settings.get', {})).toMatchObject({ ok: false });
    expect(core.settings.get().repName).toBe('');
  });

  it('forwards core events to live windows only, and unregisters cleanly', () => {
    const { core } = makeTestCore();
    const { ipc, handlers } = fakeIpcMain();
    const sent: unknown[][] = [];
    const live = { isDestroyed: () => false, send: (...args: unknown[]) => void sent.push(args) };
    const dead = { isDestroyed: () => true, send: () => expect.unreachable('sent to a destroyed window') };
    const off = registerIpc(ipc, createApi(core), core.bus, () => [live, dead], trusted);
    core.settings.update({ repName: 'Evented' });
    expect(sent).toEqual([[ipcChannel.event, 'settings.changed', expect.objectContaining({ repName: 'Evented' })]]);
    off();
    core.settings.update({ repName: 'Again' });
    expect(sent).toHaveLength(1);
    expect(handlers.size).toBe(0);
  });
});
