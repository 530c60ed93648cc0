// Wires core's services from the dependencies it is given; nothing happens at import time.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Clock } from './clock';
import { countQueries } from './db/queries/counts';
import { storeFile, type Db } from './db/open';
import { indexBuilder } from './db/indexBuilder';
import { indexesElsewhereFrom } from './import/promoteImport';
import { logEraser, walCheckpointer } from './db/walCheckpointer';
import { EventBus } from './eventBus';
import { ImportIssues } from './import/importIssues';
import { ImportService } from './import/importService';
import type { Log } from './log';
import type { MailProviders } from './mail/provider';
import type { CallLauncher, Environment, Notifier, Vault } from './ports';
import { ProspectService } from './prospects/prospectService';
import { SettingsService } from './settings/settingsService';
import type { EnrollmentControl } from './engine/enrollmentControl';
import { createMail, type GoogleDeps, type MailCore } from './mail/createMail';
import { makeContext, type EngineContext } from './engine/context';
import { EnrollmentService } from './engine/enrollmentService';
import { replanForTimeOff } from './engine/timeOff';
import type { EventPayload } from '../../shared/contract';
import { Scheduler } from './engine/scheduler';
import { StepRunService } from './engine/stepRunService';
import { SequenceService } from './sequences/sequenceService';
import { SuppressionService } from './suppressions/suppressionService';
import { DemoWorkspace } from './queue/demoWorkspace';
import { QueueActions } from './queue/queueActions';
import { QueueService } from './queue/queueService';
import { Reminders } from './queue/reminders';

export interface CoreDeps {
  db: Db;
  clock: Clock;
  /** Gmail and Outlook, each built with its SDK; absent ones are simply not offered. */
  providers: MailProviders;
  vault: Vault;
  notifier: Notifier;
  /** Opens call links (tel:, sip:, a softphone's scheme) through the OS; absent where nothing can dial. */
  launcher?: CallLauncher;
  log: Log;
  env: Environment;
  /** Given when a transport or adapter needs the bus before core exists; otherwise core makes one. */
  bus?: EventBus;
  /** The engine's stop/pause, which inbox sync calls (connected to the sequences engine at merge). */
  enrollmentControl?: EnrollmentControl;
  /** Google endpoints (a fake in test mode), an OAuth client from the environment, and how to open the browser. */
  google?: GoogleDeps;
  /** Random source for send spacing and A/B; tests pass a seeded one. */
  random?: () => number;
}

export interface Core {
  readonly deps: CoreDeps;
  readonly bus: EventBus;
  readonly settings: SettingsService;
  /** Mailboxes, the guarded providers, inbox sync and the inbound mail store. */
  readonly mail: MailCore;
  readonly sequences: SequenceService;
  readonly enrollments: EnrollmentService;
  /** The rep's actions on step runs (approve, skip, reschedule, complete, log a call, retry). */
  readonly stepRuns: StepRunService;
  readonly scheduler: Scheduler;
  readonly engine: EngineContext;
  readonly imports: ImportService;
  readonly importIssues: ImportIssues;
  readonly prospects: ProspectService;
  readonly suppressions: SuppressionService;
  /** The Today view and the queue's own actions (bulk approve, hold back, click-to-call). */
  readonly queue: QueueService;
  readonly queueActions: QueueActions;
  readonly reminders: Reminders;
  readonly demo: DemoWorkspace;
  navCounts(): { today: number; prospects: number; sequences: number };
  /** Starts the engine loop (reconcile sends left in flight, catch up, then tick) and inbox polling. */
  start(): Promise<void>;
  /** After sleep or coming back online: poll the inbox now and let the engine re-plan what is overdue. */
  wake(): void;
  close(): void;
}

export function createCore(deps: CoreDeps): Core {
  const bus = deps.bus ?? new EventBus();
  const settings = new SettingsService(deps.db, bus, deps.env.systemTimeZone);
  const counts = countQueries(deps.db);
  // counts.nav's today figure uses the queue's own definition of queue work (see QueueService.count).
  const navCounts = () => counts.nav(endOfRepDay(deps.clock.now(), settings.get().timeZone));
  const prospectsChanged = (reason: string) => {
    bus.emit('prospects.changed', { reason });
    bus.emit('counts.changed', navCounts());
  };
  const workerPath = builtWorker(deps.env.workersDir, 'importWorker.js');
  const checkpointer = walCheckpointer(storeFile(deps.db), builtWorker(deps.env.workersDir, 'checkpointWorker.js'), deps.log);
  const buildIndexes = indexBuilder(storeFile(deps.db), builtWorker(deps.env.workersDir, 'indexWorker.js'));
  const indexesElsewhere = buildIndexes ? { build: buildIndexes, from: indexesElsewhereFrom } : null;
  const imports = new ImportService({ db: deps.db, clock: deps.clock, bus, log: deps.log, settings, changed: prospectsChanged, workerPath, checkpointer, indexesElsewhere });
  const mail = createMail(deps, bus, () => settings.get().timeZone);
  const engine = makeContext({
    db: deps.db,
    clock: deps.clock,
    bus,
    log: deps.log,
    notifier: deps.notifier,
    // The engine sends through the guarded providers: a mailbox that needs reconnecting or is at its cap waits.
    providers: mail.providers,
    preSendCheck: (accountId, query) => mail.inbox.preSendCheck(accountId, query),
    settings,
    random: deps.random ?? Math.random,
    dataDir: deps.env.dataDir,
  });
  const enrollments = new EnrollmentService(engine);
  const scheduler = new Scheduler(engine, enrollments);
  const stepRuns = new StepRunService(engine, enrollments, () => scheduler.wake());
  const sequences = new SequenceService(engine, () => scheduler.wake());
  // Days off added in Settings move the work already planned on them.
  let knownTimeOff = JSON.stringify(settings.get().timeOff);
  bus.subscribe((name, payload) => {
    if (name !== 'settings.changed') return;
    const timeOff = (payload as EventPayload<'settings.changed'>).timeOff;
    if (JSON.stringify(timeOff) === knownTimeOff) return;
    const before = new Set((JSON.parse(knownTimeOff) as typeof timeOff).map((t) => `${t.start}|${t.end}`));
    knownTimeOff = JSON.stringify(timeOff);
    replanForTimeOff(engine, timeOff.filter((t) => !before.has(`${t.start}|${t.end}`)));
  });
  const queue = new QueueService(engine);
  const queueActions = new QueueActions(engine, queue, stepRuns, deps.launcher ?? null);
  const reminders = new Reminders(engine, queue);
  const demo = new DemoWorkspace(engine, sequences, enrollments, stepRuns, queue, settings);
  // The nav's Today figure follows the queue: whatever changed it, the window hears the new counts.
  // Coalesced per turn of the event loop (not on the injected clock, which stands still in test mode):
  // a burst of changes (an engine tick, a bulk approval) sends one count.
  let countsPending = false;
  bus.subscribe((name) => {
    if (countsPending || (name !== 'queue.changed' && name !== 'enrollments.changed' && name !== 'sequences.changed')) return;
    countsPending = true;
    queueMicrotask(() => {
      countsPending = false;
      // The store may have closed meanwhile (shutdown): nobody is left to tell.
      if (deps.db.open) bus.emit('counts.changed', navCounts());
    });
  });
  // Inbox sync stops and pauses enrollments through the engine (tests may pass a recording double instead).
  if (!deps.enrollmentControl) mail.setEnrollmentControl(enrollments);
  // A mailbox that (re)connects: the sends it held (needs_reconnect, or no mailbox yet) go now, not at the next idle tick.
  const mailboxStatus = new Map<number, string>();
  bus.subscribe((name, payload) => {
    if (name !== 'mailboxes.changed') return;
    let connected = false;
    for (const m of payload as EventPayload<'mailboxes.changed'>) {
      if (m.status === 'connected' && mailboxStatus.get(m.id) !== 'connected') connected = true;
      mailboxStatus.set(m.id, m.status);
    }
    if (connected) scheduler.wake();
  });
  return {
    deps,
    bus,
    settings,
    mail,
    sequences,
    enrollments,
    stepRuns,
    scheduler,
    engine,
    queue,
    queueActions,
    reminders,
    demo,
    async start() {
      await scheduler.start();
      mail.inbox.start();
      reminders.start();
    },
    wake() {
      scheduler.wake();
      void mail.inbox.syncAll();
    },
    imports,
    importIssues: new ImportIssues(deps.db, deps.clock, settings, prospectsChanged),
    prospects: new ProspectService(deps.db, deps.clock, settings, prospectsChanged, logEraser(deps.db, checkpointer, deps.log)),
    suppressions: new SuppressionService(deps.db, deps.clock, prospectsChanged),
    navCounts,
    close: () => {
      reminders.stop();
      imports.close();
      scheduler.stop();
      mail.close();
      deps.db.close();
    },
  };
}

function endOfRepDay(now: number, timeZone: string): number {
  return DateTime.fromMillis(now, { zone: timeZone }).endOf('day').toMillis();
}

/** A built worker entry (named as in electron.vite.config.ts), when the build that should hold it exists; tests without a build run inline. */
function builtWorker(dir: string | undefined, entry: string): string | null {
  const path = dir ? join(dir, entry) : null;
  return path && existsSync(path) ? path : null;
}
