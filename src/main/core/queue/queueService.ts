// The Today view: the rep's queue in sections, today's automatic sends against the cap, and what changed overnight.
import { phoneExtension, phoneForReading } from '../import/phone';
import { DateTime } from 'luxon';
import type { ChangedItem, GoingOutItem, QueueItem, TodayView } from '../../../shared/contract/queue';
import { compareQueueItems, countBands, dueBand, sectionOf } from '../../../shared/domain/queue';
import { allowedActions } from '../../../shared/domain/stepRun';
import { parseOptions, parseSchedule } from '../db/queries/sequences';
import { queueQueries, type QueueRow } from '../db/queries/queue';
import { prospectQueries } from '../db/queries/prospects';
import { prospectName } from '../db/queries/enrollments';
import { prospectContext } from '../engine/composer';
import { zoneFor, type EngineContext } from '../engine/context';
import { describeStep } from '../engine/planner';
import { renderEmail } from '../templates/render';
import { draftFor, previewHtml } from './draft';

/** A sane ceiling for one day's queue; a rep cannot work more in a day, and the view stays fast. */
const maxItems = 1000;
const recentTimeline = 5;
/** Inbox-driven stops the rep should hear about; the rep's own actions are not news to them. */
const newsReasons = new Set(['replied', 'bounced', 'unsubscribed', 'contacted_outside', 'colleague_replied']);

export interface RepDay {
  now: number;
  zone: string;
  start: number;
  end: number;
}

export function repDay(ctx: EngineContext): RepDay {
  const now = ctx.clock.now();
  const zone = ctx.settings.get().timeZone;
  const d = DateTime.fromMillis(now, { zone });
  return { now, zone, start: d.startOf('day').toMillis(), end: d.endOf('day').toMillis() };
}

const timeText = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toFormat('h:mm a');

// Luxon builds a new Intl formatter for every zone name it prints (ZZZZ): remember them per zone and hour.
const zoneNames = new Map<string, string>();
function zonedTimeText(at: number, zone: string): string {
  const key = `${zone}|${Math.floor(at / 3_600_000)}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    if (zoneNames.size > 5000) zoneNames.clear();
    name = DateTime.fromMillis(at, { zone }).toFormat('ZZZZ');
    zoneNames.set(key, name);
  }
  return `${timeText(at, zone)} ${name}`;
}

/** Outside the prospect's working day: before 8:00, from 19:00, or Saturday/Sunday in their zone. */
export function offHours(at: number, zone: string): boolean {
  const local = DateTime.fromMillis(at, { zone });
  return local.hour < 8 || local.hour >= 19 || local.weekday >= 6;
}

export class QueueService {
  readonly q;
  private readonly prospects;

  constructor(private ctx: EngineContext) {
    this.q = queueQueries(ctx.db);
    this.prospects = prospectQueries(ctx.db);
  }

  /** The nav's Today figure: exactly the rows the queue shows. */
  count(): number {
    return this.q.count(repDay(this.ctx).end);
  }

  today(): TodayView {
    // One view reads the settings hundreds of times (zones, merge fields): read them once.
    const settings = this.ctx.settings.get();
    const base = this.ctx;
    this.ctx = { ...base, settings: { get: () => settings } };
    try {
      return this.build();
    } finally {
      this.ctx = base;
    }
  }

  private build(): TodayView {
    const day = repDay(this.ctx);
    const items = this.q.queue(day.end, maxItems).map((r) => this.item(r, day));
    items.sort(compareQueueItems);
    const section = (name: QueueItem['section']) => {
      const list = items.filter((i) => i.section === name);
      return { items: list, counts: countBands(list) };
    };
    return {
      now: day.now,
      repTimeZone: day.zone,
      dateText: DateTime.fromMillis(day.now, { zone: day.zone }).toFormat('cccc, LLLL d'),
      sections: { emails: section('emails'), calls: section('calls'), tasks: section('tasks') },
      goingOut: this.goingOut(day),
      changed: this.changed(day),
      mailbox: this.mailbox(),
      demo: this.prospects.anyFromSource('demo'),
    };
  }

  /** One item as the queue shows it (null when it is no longer queue work). */
  itemById(id: number): QueueItem | null {
    const row = this.q.get(id);
    return row ? this.item(row, repDay(this.ctx)) : null;
  }

  private item(r: QueueRow, day: RepDay): QueueItem {
    const zone = zoneFor(this.ctx, r, parseSchedule(r.sequence_schedule));
    const band = dueBand(r.due_at, day.now, day.start);
    const due = DateTime.fromMillis(r.due_at, { zone: day.zone });
    const section = sectionOf(r.step_type);
    const prospect = this.ctx.q.enrollments.prospect(r.prospect_id)!;
    const ext = phoneExtension(r.phone_raw, r.phone);
    const note = () => renderEmail(r.step_note ?? '', '', prospectContext(this.ctx, prospect)).subject;
    return {
      id: r.id,
      section,
      stepType: r.step_type,
      state: r.state,
      band,
      dueAt: r.due_at,
      dueText: band === 'overdue' ? due.toFormat('ccc h:mm a') : due.toFormat('h:mm a'),
      prospect: {
        id: r.prospect_id,
        name: prospectName(r),
        email: r.email,
        company: r.company,
        title: r.title,
        phone: r.phone,
        phoneExt: ext,
        phoneText: r.phone ? phoneForReading(r.phone, ext) : null,
        timeZone: zone.zone,
        timeZoneSource: zone.source,
        localTime: zonedTimeText(day.now, zone.zone),
        offHours: offHours(day.now, zone.zone),
        demo: r.prospect_source === 'demo',
      },
      sequenceId: r.sequence_id,
      sequenceName: r.sequence_name,
      stepLabel: describeStep({ type: r.step_type, position: r.step_position }),
      isLastStep: r.step_position >= r.last_position,
      actions: allowedActions(r.step_type, r.state),
      reason: r.reason,
      warning: r.warning,
      email: section === 'emails' ? draftFor(this.ctx, r) : null,
      call:
        section === 'calls'
          ? { script: note(), stopOnCallOutcomes: parseOptions(r.sequence_options).stopOnCallOutcomes, recent: this.ctx.q.events.timeline(r.prospect_id, recentTimeline) }
          : null,
      task: section === 'tasks' ? { instructions: note() } : null,
    };
  }

  private goingOut(day: RepDay): TodayView['goingOut'] {
    const s = this.ctx.settings.get();
    const account = this.ctx.q.pacing.defaultAccount();
    const sentToday = account ? this.ctx.q.pacing.sentSince(account.id, day.start) : 0;
    // The same cap the scheduler applies per mailbox (the lower of the mailbox's and the rep's).
    const dailyCap = account ? Math.min(account.daily_cap ?? s.dailySendCap, s.dailySendCap) : s.dailySendCap;
    let room = Math.max(0, dailyCap - sentToday);
    const items: GoingOutItem[] = this.q.goingOut(day.end, maxItems).map((r) => {
      const zone = zoneFor(this.ctx, r, parseSchedule(r.sequence_schedule)).zone;
      const draft = draftFor(this.ctx, r);
      const approved = r.approved_at !== null;
      let status: GoingOutItem['status'] = 'planned';
      if (!account) status = 'waiting_mailbox';
      else if (room > 0) room--;
      else status = 'over_cap';
      return {
        id: r.id,
        prospectId: r.prospect_id,
        prospectName: prospectName(r),
        prospectEmail: r.email,
        company: r.company,
        sequenceName: r.sequence_name,
        stepLabel: `${describeStep({ type: r.step_type, position: r.step_position })}${approved ? ', approved by you' : ''}`,
        subject: approved ? (r.subject ?? draft.subject) : draft.subject,
        html: approved && r.body !== null ? previewHtml(r.body) : draft.html,
        dueAt: r.due_at,
        repTime: timeText(Math.max(r.due_at, day.now), day.zone),
        prospectTime: zonedTimeText(Math.max(r.due_at, day.now), zone),
        prospectTimeZone: zone,
        demo: r.prospect_source === 'demo',
        status,
        reason: r.reason,
        actions: allowedActions(r.step_type, r.state),
      };
    });
    return { items, dailyCap, sentToday, mailbox: account?.email ?? null };
  }

  private changed(day: RepDay): ChangedItem[] {
    // "Overnight": since the start of the rep's previous working evening is vague; since the start of today is honest.
    return this.q
      .stopsSince(day.start, 200)
      .filter((e) => {
        if (e.type === 'paused') return !(e.reason ?? '').startsWith('Paused by the rep');
        const reason = (JSON.parse(e.data) as { reason?: string }).reason;
        return reason !== undefined && newsReasons.has(reason);
      })
      .slice(0, 50)
      .map((e) => ({
        eventId: e.id,
        prospectId: e.prospect_id,
        prospectName: prospectName(e),
        sequenceName: e.sequence_name,
        type: e.type,
        reason: e.reason,
        at: e.at,
        timeText: timeText(e.at, day.zone),
      }));
  }

  private mailbox(): TodayView['mailbox'] {
    const accounts = this.ctx.q.pacing.accounts();
    const problems = accounts.filter((a) => a.status !== 'connected').map((a) => ({ email: a.email, status: a.status, reason: a.status_reason }));
    const connected = accounts.some((a) => a.status === 'connected');
    return { state: connected ? 'connected' : accounts.length === 0 ? 'none' : 'problem', problems };
  }
}
