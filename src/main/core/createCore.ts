// Wires core's services from the dependencies it is given; nothing happens at import time.
import { DateTime } from 'luxon';
import type { Clock } from './clock';
import { countQueries } from './db/queries/counts';
import type { Db } from './db/open';
import { EventBus } from './eventBus';
import type { Log } from './log';
import type { MailProviders } from './mail/provider';
import type { CallLauncher, Environment, Notifier, Vault } from './ports';
import { SettingsService } from './settings/settingsService';
import { makeContext, type EngineContext } from './engine/context';
import { EnrollmentService } from './engine/enrollmentService';
import { replanForTimeOff } from './engine/timeOff';
import type { EventPayload } from '../../shared/contract';
import { Scheduler } from './engine/scheduler';
import { StepRunService } from './engine/stepRunService';
import { SequenceService } from './sequences/sequenceService';
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
  /** Random source for send spacing and A/B; tests pass a seeded one. */
  random?: () => number;
}

export interface Core {
  readonly deps: CoreDeps;
  readonly bus: EventBus;
  readonly settings: SettingsService;
  readonly sequences: SequenceService;
  readonly enrollments: EnrollmentService;
  /** The rep's actions on step runs (approve, skip, reschedule, complete, log a call, retry). */
  readonly stepRuns: StepRunService;
  readonly scheduler: Scheduler;
  readonly engine: EngineContext;
  /** The Today view and the queue's own actions (bulk approve, hold back, click-to-call). */
  readonly queue: QueueService;
  readonly queueActions: QueueActions;
  readonly reminders: Reminders;
  readonly demo: DemoWorkspace;
  navCounts(): { today: number; prospects: number; sequences: number };
  /** Starts the engine loop: reconcile sends left in flight, catch up, then tick on the clock. */
  start(): Promise<void>;
  close(): void;
}

export function createCore(deps: CoreDeps): Core {
  const bus = deps.bus ?? new EventBus();
  const settings = new SettingsService(deps.db, bus, deps.env.systemTimeZone);
  const counts = countQueries(deps.db);
  const engine = makeContext({
    db: deps.db,
    clock: deps.clock,
    bus,
    log: deps.log,
    notifier: deps.notifier,
    providers: deps.providers,
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
  // counts.nav's today figure uses the queue's own definition of queue work (see QueueService.count).
  const navCounts = () => counts.nav(endOfRepDay(deps.clock.now(), settings.get().timeZone));
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
  return {
    deps,
    bus,
    settings,
    sequences,
    enrollments,
    stepRuns,
    scheduler,
    engine,
    queue,
    queueActions,
    reminders,
    demo,
    start: async () => {
      await scheduler.start();
      reminders.start();
    },
    navCounts,
    close: () => {
      reminders.stop();
      scheduler.stop();
      deps.db.close();
    },
  };
}

function endOfRepDay(now: number, timeZone: string): number {
  return DateTime.fromMillis(now, { zone: timeZone }).endOf('day').toMillis();
}
