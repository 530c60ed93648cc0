// Builds core with Node adapters and starts the loopback server; used by the CLI and by tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApi } from '../api';
import type { Clock } from '../core/clock';
import { createCore, type Core } from '../core/createCore';
import { openDatabase } from '../core/db/open';
import { EventBus } from '../core/eventBus';
import type { Log } from '../core/log';
import { clientFromEnv, endpointsFor } from '../core/mail/gmail/endpoints';
import { newToken } from './auth';
import { harnessCallLauncher } from './callLauncher';
import { ensureFakeAccount, fakeMailProvider } from './fakeMailbox';
import { fileVault } from './fileVault';
import { startHarness, type Harness } from './server';

export interface LaunchOptions {
  dataDir: string;
  port: number;
  testMode: boolean;
  /** Load the demo workspace at start when it is not there yet. */
  demo?: boolean;
  clock: Clock;
  log: Log;
  rendererDir: string;
  /** Test mode only: send through an in-memory mailbox. */
  fakeMailbox?: boolean;
}

export interface HarnessApp {
  core: Core;
  harness: Harness;
  dataDir: string;
  close(): Promise<void>;
}

export async function launchHarness(options: LaunchOptions): Promise<HarnessApp> {
  const db = openDatabase(options.dataDir);
  const bus = new EventBus();
  const fake = options.testMode && options.fakeMailbox;
  if (fake) ensureFakeAccount(db, options.clock.now());
  const core = createCore({
    db,
    bus,
    clock: options.clock,
    providers: fake ? { gmail: fakeMailProvider(options.clock) } : {},
    log: options.log,
    vault: fileVault(options.dataDir),
    // No OS notifications in a browser tab: they reach the window as in-app toasts.
    notifier: { notify: (n) => bus.emit('notification', n) },
    // No system browser to open from here: the window shows the Google sign-in link (a test follows it).
    google: { endpoints: endpointsFor(options.testMode, process.env), client: clientFromEnv(process.env) },
    launcher: harnessCallLauncher(bus, options.testMode),
    env: {
      appName: 'Repdesk',
      version: packageVersion(),
      dataDir: options.dataDir,
      transport: 'http',
      testMode: options.testMode,
      systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      workersDir: __dirname,
    },
  });
  await core.start();
  if (options.demo && !core.demo.isLoaded()) {
    core.demo.load();
    core.scheduler.wake();
  }
  const harness = await startHarness({
    dispatch: createApi(core),
    bus: core.bus,
    rendererDir: options.rendererDir,
    token: newToken(),
    port: options.port,
  });
  return {
    core,
    harness,
    dataDir: options.dataDir,
    close: async () => {
      await harness.close();
      core.close();
    },
  };
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
