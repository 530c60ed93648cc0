// Builds a real core over an in-memory store with a manual clock, for unit tests and benchmarks.
import { ManualClock } from '../../src/main/core/clock';
import { createCore, type Core } from '../../src/main/core/createCore';
import { openMemoryDatabase, type Db } from '../../src/main/core/db/open';
import { silentLog } from '../../src/main/core/log';
import type { EnrollmentControl } from '../../src/main/core/engine/enrollmentControl';
import type { GoogleDeps } from '../../src/main/core/mail/createMail';
import type { Notification, Vault } from '../../src/main/core/ports';

export interface TestCore {
  core: Core;
  clock: ManualClock;
  notifications: Notification[];
  secrets: Map<string, string>;
}

export function memoryVault(secrets = new Map<string, string>()): Vault {
  return {
    protection: 'os',
    get: async (k) => secrets.get(k) ?? null,
    set: async (k, v) => void secrets.set(k, v),
    delete: async (k) => void secrets.delete(k),
  };
}

export interface TestCoreOptions {
  systemTimeZone?: string;
  google?: GoogleDeps;
  enrollmentControl?: EnrollmentControl;
  vaultProtection?: 'os' | 'weak';
  /** A store other than a fresh in-memory one (e.g. a WAL file, to test two connections). */
  db?: Db;
  /** Where the built workers are (out/main), for the import and checkpoint workers; none by default. */
  workersDir?: string;
}

export function makeTestCore(start = '2026-03-02T09:00:00Z', options: TestCoreOptions = {}): TestCore {
  const clock = new ManualClock(new Date(start));
  const notifications: Notification[] = [];
  const secrets = new Map<string, string>();
  const core = createCore({
    db: options.db ?? openMemoryDatabase(),
    clock,
    providers: {},
    log: silentLog,
    vault: { ...memoryVault(secrets), protection: options.vaultProtection ?? 'os' },
    ...(options.google ? { google: options.google } : {}),
    ...(options.enrollmentControl ? { enrollmentControl: options.enrollmentControl } : {}),
    notifier: { notify: (n) => notifications.push(n) },
    env: {
      appName: 'Repdesk',
      version: '0.0.0-test',
      dataDir: '/nonexistent',
      transport: 'http',
      testMode: true,
      systemTimeZone: options.systemTimeZone ?? 'America/New_York',
      ...(options.workersDir ? { workersDir: options.workersDir } : {}),
    },
  });
  return { core, clock, notifications, secrets };
}
