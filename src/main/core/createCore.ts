// Wires core's services from the dependencies it is given; nothing happens at import time.
import { existsSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Clock } from './clock';
import { countQueries } from './db/queries/counts';
import type { Db } from './db/open';
import { EventBus } from './eventBus';
import { ImportIssues } from './import/importIssues';
import { ImportService } from './import/importService';
import type { Log } from './log';
import type { MailProviders } from './mail/provider';
import type { Environment, Notifier, Vault } from './ports';
import { ProspectService } from './prospects/prospectService';
import { SettingsService } from './settings/settingsService';
import { SuppressionService } from './suppressions/suppressionService';

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
}

export interface Core {
  readonly deps: CoreDeps;
  readonly bus: EventBus;
  readonly settings: SettingsService;
  readonly imports: ImportService;
  readonly importIssues: ImportIssues;
  readonly prospects: ProspectService;
  readonly suppressions: SuppressionService;
  navCounts(): { today: number; prospects: number; sequences: number };
  close(): void;
}

export function createCore(deps: CoreDeps): Core {
  const bus = deps.bus ?? new EventBus();
  const settings = new SettingsService(deps.db, bus, deps.env.systemTimeZone);
  const counts = countQueries(deps.db);
  const navCounts = () => counts.nav(endOfRepDay(deps.clock.now(), settings.get().timeZone));
  const prospectsChanged = (reason: string) => {
    bus.emit('prospects.changed', { reason });
    bus.emit('counts.changed', navCounts());
  };
  const workerPath = deps.env.importWorkerPath && existsSync(deps.env.importWorkerPath) ? deps.env.importWorkerPath : null;
  const imports = new ImportService({ db: deps.db, clock: deps.clock, bus, log: deps.log, settings, changed: prospectsChanged, workerPath });
  const guard = { isImporting: () => imports.isRunning() };
  return {
    deps,
    bus,
    settings,
    imports,
    importIssues: new ImportIssues(deps.db, deps.clock, settings, prospectsChanged),
    prospects: new ProspectService(deps.db, deps.clock, settings, guard, prospectsChanged),
    suppressions: new SuppressionService(deps.db, deps.clock, guard, prospectsChanged),
    navCounts,
    close: () => {
      imports.close();
      deps.db.close();
    },
  };
}

function endOfRepDay(now: number, timeZone: string): number {
  return DateTime.fromMillis(now, { zone: timeZone }).endOf('day').toMillis();
}
