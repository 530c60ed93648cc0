// What every engine service shares: the store's queries, the clock, settings, and the timeline recorder.
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { enrollmentQueries } from '../db/queries/enrollments';
import type { ProspectRow } from '../db/queries/prospects';
import { eventQueries, type NewEvent } from '../db/queries/events';
import { pacingQueries } from '../db/queries/pacing';
import { sequenceQueries, parseSchedule } from '../db/queries/sequences';
import { stepRunQueries } from '../db/queries/stepRuns';
import type { EventBus } from '../eventBus';
import type { Log } from '../log';
import type { MailProviders } from '../mail/provider';
import type { Notifier } from '../ports';
import type { SettingsService } from '../settings/settingsService';
import { makeCalendar, timeOffIntervals, type WorkCalendar } from '../schedule/calendar';
import type { Schedule } from '../../../shared/domain/sequence';
import { isTimeZone } from '../../../shared/domain/timeZones';

export interface EngineContext {
  db: Db;
  clock: Clock;
  bus: EventBus;
  log: Log;
  notifier: Notifier;
  providers: MailProviders;
  /** The rep's settings, cached until they change (the tick reads them for every run). */
  settings: Pick<SettingsService, 'get'>;
  random: () => number;
  dataDir: string;
  /** The inbox's pre-send check (classifies and acts on what it finds); without it the outbox asks the provider. */
  preSendCheck?: (accountId: number, query: { prospectEmails: string[]; threadIds: string[]; since: number }) => Promise<{ clear: boolean; reason: string | null }>;
  q: {
    sequences: ReturnType<typeof sequenceQueries>;
    enrollments: ReturnType<typeof enrollmentQueries>;
    runs: ReturnType<typeof stepRunQueries>;
    events: ReturnType<typeof eventQueries>;
    pacing: ReturnType<typeof pacingQueries>;
  };
  recorder: Recorder;
}

/** Writes timeline events and remembers whose timeline and queue changed, to tell the window once. */
export class Recorder {
  private timeline = new Set<number>();
  private queue = new Set<number>();
  private sequences = new Set<number>();

  constructor(
    private readonly events: ReturnType<typeof eventQueries>,
    private readonly bus: EventBus,
  ) {}

  event(e: NewEvent, touchesQueue = true): void {
    this.events.add(e);
    if (e.prospectId !== null) {
      this.timeline.add(e.prospectId);
      if (touchesQueue) this.queue.add(e.prospectId);
    }
  }

  sequenceChanged(id: number): void {
    this.sequences.add(id);
  }

  flush(): void {
    if (this.timeline.size) this.bus.emit('timeline.changed', { prospectIds: [...this.timeline] });
    if (this.queue.size) this.bus.emit('queue.changed', { prospectIds: [...this.queue] });
    if (this.sequences.size || this.queue.size)
      this.bus.emit('enrollments.changed', { sequenceIds: [...this.sequences], prospectIds: [...this.queue] });
    this.timeline.clear();
    this.queue.clear();
    this.sequences.clear();
  }
}

export function makeContext(base: Omit<EngineContext, 'q' | 'recorder'>): EngineContext {
  const events = eventQueries(base.db);
  let cached: ReturnType<SettingsService['get']> | null = null;
  base.bus.subscribe((name) => {
    if (name === 'settings.changed') cached = null;
  });
  return {
    ...base,
    settings: { get: () => (cached ??= base.settings.get()) },
    q: {
      sequences: sequenceQueries(base.db),
      enrollments: enrollmentQueries(base.db),
      runs: stepRunQueries(base.db),
      events,
      pacing: pacingQueries(base.db),
    },
    recorder: new Recorder(events, base.bus),
  };
}

export interface ZoneChoice {
  zone: string;
  source: 'prospect' | 'rep' | 'sequence';
  country: string;
}

/** The prospect's zone and country, falling back to the rep's settings. */
export function zoneFor(ctx: EngineContext, prospect: Pick<ProspectRow, 'time_zone' | 'country'>, schedule: Schedule): ZoneChoice {
  const s = ctx.settings.get();
  const country = prospect.country?.toUpperCase() || s.defaultCountry;
  if (schedule.timeZone) return { zone: schedule.timeZone, source: 'sequence', country };
  if (prospect.time_zone && isTimeZone(prospect.time_zone)) return { zone: prospect.time_zone, source: 'prospect', country };
  return { zone: s.timeZone, source: 'rep', country };
}

export function calendarFor(ctx: EngineContext, prospect: Pick<ProspectRow, 'time_zone' | 'country'>, schedule: Schedule): WorkCalendar {
  const s = ctx.settings.get();
  const z = zoneFor(ctx, prospect, schedule);
  return makeCalendar(schedule, z.zone, z.country, timeOffIntervals(s.timeOff, s.timeZone));
}

export function calendarForEnrollment(ctx: EngineContext, enrollment: { prospect_id: number; sequence_id: number }): WorkCalendar {
  const prospect = ctx.q.enrollments.prospect(enrollment.prospect_id);
  const seq = ctx.q.sequences.get.get(enrollment.sequence_id);
  if (!prospect || !seq) throw new Error('Enrollment without prospect or sequence');
  return calendarFor(ctx, prospect, parseSchedule(seq.schedule));
}
