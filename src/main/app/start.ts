// Starts the desktop app: one instance, core with Electron adapters, the window, IPC.
import { app, BrowserWindow, ipcMain, powerMonitor, shell } from 'electron';
import { createApi } from '../api';
import { systemClock } from '../core/clock';
import { createCore } from '../core/createCore';
import { openDatabase } from '../core/db/open';
import { EventBus } from '../core/eventBus';
import { consoleLog } from '../core/log';
import { clientFromEnv, googleEndpoints } from '../core/mail/gmail/endpoints';
import { shellCallLauncher } from './callLauncher';
import { registerIpc } from './ipc';
import { createMainWindow } from './mainWindow';
import { installMenu } from './menu';
import { osNotifier } from './osNotifier';
import { safeStorageVault } from './safeStorageVault';
import { isOwnPage } from './windowSecurity';

export function startApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  let win: BrowserWindow | null = null;
  const focus = () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  };
  app.on('second-instance', focus);

  app.whenReady().then(() => {
    const dataDir = process.env.REPDESK_DATA_DIR || app.getPath('userData');
    const log = consoleLog('app');
    const bus = new EventBus();
    const core = createCore({
      db: openDatabase(dataDir),
      bus,
      clock: systemClock(),
      providers: {},
      log,
      vault: safeStorageVault(dataDir),
      notifier: osNotifier(bus, focus),
      // The desktop OAuth flow opens the rep's own browser; production always talks to Google itself.
      google: { endpoints: googleEndpoints, client: clientFromEnv(process.env), openExternal: (url) => shell.openExternal(url) },
      launcher: shellCallLauncher(),
      env: {
        appName: app.getName(),
        version: app.getVersion(),
        dataDir,
        transport: 'ipc',
        testMode: false,
        systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        workersDir: __dirname,
      },
    });
    core.start().catch((err: unknown) => log.error('The sending engine did not start', { error: String(err) }));
    registerIpc(ipcMain, createApi(core), bus, () => BrowserWindow.getAllWindows().map((w) => w.webContents), (url) => isOwnPage(url, devServerUrl));
    // After sleep: the inbox may have moved on, and overdue sends are re-planned (never sent in a burst).
    powerMonitor.on('resume', () => core.wake());
    installMenu();
    win = createMainWindow(devServerUrl);
    win.on('closed', () => (win = null));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) win = createMainWindow(devServerUrl);
    });
    app.on('will-quit', () => core.close());
  }).catch((err: unknown) => {
    console.error(err);
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
