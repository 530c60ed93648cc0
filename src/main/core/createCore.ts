// Wires core's services from the dependencies it is given; nothing happens at import time.
import { DateTime } from 'luxon';
import type { Clock } from './clock';
import { countQueries } from './db/queries/counts';
import type { Db } from './db/open';
import { EventBus } from './eventBus';
import type { Log } from './log';
import type { MailProviders } from './mail/provider';
import type { Environment, Notifier, Vault } from './ports';
import { SettingsService } from './settings/settingsService';
import type { EnrollmentControl } from './engine/enrollmentControl';
import { createMail, type GoogleDeps, type MailCore } from './mail/createMail';

export interface CoreDeps {
  db: Db;
  clock: Clock;
  /** Gmail and Outlook, each built with its SDK; absent ones are simply not offered. */
  providers: MailProviders;
  vault: Vault;
  notifier: Notifier;
  log: Log;
  env: Environment;
  /** Given when a transport or adapter needs the bus before core exists; otherwise core makes one. */
  bus?: EventBus;
  /** The engine's stop/pause, which inbox sync calls (connected to the sequences engine at merge). */
  enrollmentControl?: EnrollmentControl;
  /** Google endpoints (a fake in test mode), an OAuth client from the environment, and how to open the browser. */
  google?: GoogleDeps;
}

export interface Core {
  readonly deps: CoreDeps;
  readonly bus: EventBus;
  readonly settings: SettingsService;
  /** Mailboxes, the guarded providers, inbox sync and the inbound mail store. */
  readonly mail: MailCore;
  navCounts(): { today: number; prospects: number; sequences: number };
  close(): void;
}

export function createCore(deps: CoreDeps): Core {
  const bus = deps.bus ?? new EventBus();
  const settings = new SettingsService(deps.db, bus, deps.env.systemTimeZone);
  const counts = countQueries(deps.db);
  const mail = createMail(deps, bus, () => settings.get().timeZone);
  mail.inbox.start();
  return {
    deps,
    bus,
    settings,
    mail,
    navCounts: () => counts.nav(endOfRepDay(deps.clock.now(), settings.get().timeZone)),
    close: () => {
      mail.close();
      deps.db.close();
    },
  };
}

function endOfRepDay(now: number, timeZone: string): number {
  return DateTime.fromMillis(now, { zone: timeZone }).endOf('day').toMillis();
}
