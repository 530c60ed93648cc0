import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Record<string, unknown>; handlers: Record<string, (...a: unknown[]) => void>; openHandler?: (d: { url: string }) => unknown }[] = [];
const openExternal = vi.fn(async () => undefined);

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const entry: (typeof created)[number] = { options, handlers: {} };
      created.push(entry);
      this.webContents = {
        setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (entry.openHandler = fn),
        on: (name: string, fn: (...a: unknown[]) => void) => (entry.handlers[name] = fn),
      };
    }
    once() {}
    loadFile() {
      return Promise.resolve();
    }
    loadURL() {
      return Promise.resolve();
    }
  }
  return { BrowserWindow, shell: { openExternal } };
});

const { createMainWindow } = await import('../../../src/main/app/mainWindow');

describe('main window', () => {
  beforeEach(() => {
    created.length = 0;
    openExternal.mockClear();
  });

  it('is sandboxed and isolated with no Node in the page', () => {
    createMainWindow(undefined);
    const prefs = created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/);
  });

  it('denies new windows and opens web links in the system browser', () => {
    createMainWindow(undefined);
    const { openHandler } = created[0]!;
    expect(openHandler!({ url: 'https://example.com/guide' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/guide');
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks navigation away from our page', () => {
    createMainWindow(undefined);
    const willNavigate = created[0]!.handlers['will-navigate']!;
    const away = { preventDefault: vi.fn() };
    willNavigate(away, 'https://phish.example/login');
    expect(away.preventDefault).toHaveBeenCalled();
    const own = { preventDefault: vi.fn() };
    willNavigate(own, 'file:///opt/repdesk/out/renderer/index.html#/settings');
    expect(own.preventDefault).not.toHaveBeenCalled();
  });
});
