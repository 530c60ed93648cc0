// The scheduler: finds due automatic work, paces it like a person, and sends it through the outbox protocol.
import { DateTime } from 'luxon';
import type { TimerHandle } from '../clock';
import type { AccountRow } from '../db/queries/pacing';
import type { StepRunRow } from '../db/queries/stepRuns';
import type { MailProvider } from '../mail/provider';
import { isSendable, localText } from '../schedule/calendar';
import { calendarForEnrollment, type EngineContext } from './context';
import type { EnrollmentService } from './enrollmentService';
import { nextWindowFor } from './planner';
import { Outbox, toMailAccount } from './outbox';

export interface TickResult {
  /** Something was sent, moved or resumed: more may be ready at the same instant. */
  progressed: boolean;
  sent: number;
  nextWakeAt: number;
}

// Small: a tick that made progress runs again at once, so a page is enough.
const batch = 50;
const idleWake = 5 * 60_000;
/** A gap this long between two ticks means the laptop slept or Repdesk was closed. */
const sleepGap = 10 * 60_000;

interface Lane {
  account: AccountRow;
  provider: MailProvider | null;
  sentToday: number;
  cap: number;
  nextSendAt: number;
  dayStart: number;
  nextDayStart: number;
}

export class Scheduler {
  private timer: TimerHandle | null = null;
  private running = false;
  private ticking: Promise<TickResult> | null = null;
  lastTickAt: number | null = null;
  nextWakeAt: number | null = null;
  readonly outbox: Outbox;

  constructor(
    private readonly ctx: EngineContext,
    private readonly enrollments: EnrollmentService,
  ) {
    this.outbox = new Outbox(ctx, enrollments);
  }

  /** Starts the loop: reconcile sends left mid-flight, re-plan what fell due while closed, then tick. */
  async start(): Promise<void> {
    this.running = true;
    await this.outbox.reconcile();
    this.catchUp('Repdesk was not running when this fell due');
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) this.ctx.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** New work may be due now (an approval, an enrollment): tick soon. */
  wake(): void {
    if (this.running) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) this.ctx.clock.clearTimeout(this.timer);
    this.nextWakeAt = this.ctx.clock.now() + ms;
    this.timer = this.ctx.clock.setTimeout(() => {
      this.timer = null;
      void this.tick().then(
        (r) => this.running && this.schedule(r.progressed ? 0 : Math.max(1000, r.nextWakeAt - this.ctx.clock.now())),
        (err: unknown) => {
          this.ctx.log.error('Scheduler tick failed', { error: err instanceof Error ? err.stack : String(err) });
          if (this.running) this.schedule(60_000);
        },
      );
    }, ms);
  }

  /** Drives the engine to `target` with a manual clock: every tick that falls due on the way, in order. */
  async runUntil(target: number, setClock: (at: number) => void): Promise<void> {
    for (let guard = 0; guard < 5_000_000; guard++) {
      const r = await this.tick();
      if (r.progressed) continue;
      if (r.nextWakeAt > target) break;
      setClock(Math.max(r.nextWakeAt, this.ctx.clock.now()));
    }
    if (this.ctx.clock.now() < target) setClock(target);
    await this.tick();
  }

  tick(): Promise<TickResult> {
    // One tick at a time: a timer and a test driver never interleave two claims.
    if (this.ticking) return this.ticking;
    this.ticking = this.tickOnce().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async tickOnce(): Promise<TickResult> {
    const { q, clock } = this.ctx;
    const now = clock.now();
    if (this.lastTickAt !== null && now - this.lastTickAt > sleepGap) this.catchUp('Repdesk was asleep or closed when this fell due');
    this.lastTickAt = now;
    let progressed = this.enrollments.resumeDue(now) > 0;
    this.assignMailbox();
    const lanes = new Map<number, Lane>();
    for (const a of q.pacing.accounts()) {
      const lane = this.lane(a.id, now);
      if (lane) lanes.set(a.id, lane);
    }
    let sent = 0;
    let blockedUntil = Number.POSITIVE_INFINITY;
    const open = [...lanes.values()].filter((l) => l.account.status === 'connected' && l.provider && now >= l.nextSendAt);
    for (const l of lanes.values()) if (l.account.status === 'connected' && now < l.nextSendAt) blockedUntil = Math.min(blockedUntil, l.nextSendAt);
    // While every mailbox waits for its next slot only rep-approved emails can go, so only they are looked up.
    const candidates = open.length > 0 ? q.runs.due(now, batch) : q.runs.dueApproved(now, batch);
    const domainCap = this.ctx.settings.get().perDomainDailyCap;
    for (const run of candidates) {
      if (run.account_id === null) continue;
      const lane = lanes.get(run.account_id);
      if (!lane) continue;
      if (lane.account.status !== 'connected' || !lane.provider) continue;
      const approved = run.approved_at !== null;
      // Cheapest first: while the mailbox waits for its next slot, nothing else about the run matters yet.
      if (!approved && now < lane.nextSendAt) {
        blockedUntil = Math.min(blockedUntil, lane.nextSendAt);
        continue;
      }
      const e = q.enrollments.get(run.enrollment_id)!;
      if (!approved && !isSendable(calendarForEnrollment(this.ctx, e), now)) {
        this.moveToWindow(run, now, now, 'Outside the sending hours when its turn came');
        progressed = true;
        continue;
      }
      if (lane.sentToday >= lane.cap) {
        if (approved) continue; // the rep's own approval waits for tomorrow's first slot, untouched
        this.spreadOverflow(lane, now);
        progressed = true;
        continue;
      }
      const domain = q.enrollments.prospect(run.prospect_id)?.domain ?? null;
      if (!approved && domainCap !== null && domain && q.pacing.domainSentSince(lane.account.id, domain, lane.dayStart) >= domainCap) {
        this.moveToWindow(run, now, lane.nextDayStart, `Already ${domainCap} emails to ${domain} today (the per-company limit)`);
        progressed = true;
        continue;
      }
      const outcome = await this.outbox.send(run, toMailAccount(lane.account), lane.provider, domain);
      progressed = true;
      if (outcome === 'paused') lane.account = { ...lane.account, status: 'needs_reconnect' };
      if (outcome === 'sent') {
        sent++;
        lane.sentToday++;
      }
      // Spacing follows every contact with the provider; a hold for review or a cancel costs no slot.
      if (outcome !== 'held' && outcome !== 'cancelled') {
        // The outbox may have pushed the slot further (a rate limit): keep the later of the two.
        lane.nextSendAt = Math.max(q.pacing.nextSendAt(lane.account.id), this.ctx.clock.now() + this.spacing());
        q.pacing.setNextSendAt(lane.account.id, lane.nextSendAt);
      }
    }
    const nextDue = q.runs.nextDueAfter(now);
    const nextResume = q.enrollments.nextResumeAt();
    const nextWakeAt = Math.min(now + idleWake, nextDue ?? Infinity, nextResume ?? Infinity, blockedUntil);
    return { progressed, sent, nextWakeAt };
  }

  private lane(accountId: number, now: number): Lane | null {
    const account = this.ctx.q.pacing.account(accountId);
    if (!account) return null;
    const s = this.ctx.settings.get();
    const day = DateTime.fromMillis(now, { zone: s.timeZone }).startOf('day');
    const dayStart = day.toMillis();
    return {
      account,
      provider: this.ctx.providers[account.provider] ?? null,
      sentToday: this.ctx.q.pacing.sentSince(accountId, dayStart),
      cap: Math.min(account.daily_cap ?? s.dailySendCap, s.dailySendCap),
      nextSendAt: this.ctx.q.pacing.nextSendAt(accountId),
      dayStart,
      nextDayStart: day.plus({ days: 1 }).toMillis(),
    };
  }

  /** A random gap between sends, like a person working through their outbox. */
  private spacing(): number {
    const s = this.ctx.settings.get();
    const lo = Math.min(s.sendSpacingMinSeconds, s.sendSpacingMaxSeconds);
    const hi = Math.max(s.sendSpacingMinSeconds, s.sendSpacingMaxSeconds);
    return Math.round((lo + this.ctx.random() * (hi - lo)) * 1000);
  }

  private moveToWindow(run: StepRunRow, now: number, from: number, why: string): void {
    const e = this.ctx.q.enrollments.get(run.enrollment_id)!;
    const w = nextWindowFor(this.ctx, e, from);
    this.ctx.db.transaction(() => {
      this.ctx.q.runs.update(run.id, now, { dueAt: w.at, reason: why }, 'scheduled');
      this.ctx.recorder.event({ prospectId: run.prospect_id, enrollmentId: run.enrollment_id, stepRunId: run.id, type: 'rescheduled', reason: `${why}; moved to ${localText(w.at, w.zone)}`, data: { dueAt: w.at }, at: now });
    })();
    this.ctx.recorder.flush();
  }

  /**
   * The daily cap is reached: the mailbox's whole backlog moves forward once, filling the next days'
   * slots in due order (cap per day, spaced by the mean spacing), rather than being pushed a day at a time.
   */
  private spreadOverflow(lane: Lane, now: number): void {
    const { q } = this.ctx;
    const s = this.ctx.settings.get();
    const gap = ((s.sendSpacingMinSeconds + s.sendSpacingMaxSeconds) / 2) * 1000;
    const why = `The daily limit of ${lane.cap} automatic emails for ${lane.account.email} is reached`;
    const backlog = q.runs.dueForAccount(now, lane.account.id);
    const repDay = DateTime.fromMillis(lane.nextDayStart, { zone: s.timeZone });
    this.ctx.db.transaction(() => {
      backlog.forEach((run, k) => {
        const e = q.enrollments.get(run.enrollment_id)!;
        const from = repDay.plus({ days: Math.floor(k / lane.cap) }).toMillis();
        const w = nextWindowFor(this.ctx, e, from);
        const slot = w.at + (k % lane.cap) * gap;
        const at = isSendable(calendarForEnrollment(this.ctx, e), slot) ? slot : nextWindowFor(this.ctx, e, slot).at;
        q.runs.update(run.id, now, { dueAt: at, reason: why }, 'scheduled');
        this.ctx.recorder.event({ prospectId: run.prospect_id, enrollmentId: e.id, stepRunId: run.id, type: 'rescheduled', reason: `${why}; moved to ${localText(at, w.zone)}`, data: { dueAt: at }, at: now });
      });
    })();
    this.ctx.recorder.flush();
  }

  /**
   * After a sleep or a closed app: every automatic send that fell due meanwhile is re-planned into its
   * next window and spread out by the mean spacing per mailbox, so the backlog never goes out in a burst.
   */
  catchUp(why: string): number {
    const { q, clock } = this.ctx;
    const now = clock.now();
    const s = this.ctx.settings.get();
    const gap = ((s.sendSpacingMinSeconds + s.sendSpacingMaxSeconds) / 2) * 1000;
    const lastSlot = new Map<number, number>();
    let moved = 0;
    this.ctx.db.transaction(() => {
      for (;;) {
        const overdue = q.runs.overdue(now, 500);
        if (overdue.length === 0) break;
        for (const run of overdue) {
          const e = q.enrollments.get(run.enrollment_id)!;
          const key = e.account_id ?? 0;
          const w = nextWindowFor(this.ctx, e, now);
          const previous = lastSlot.get(key);
          const at = previous === undefined ? w.at : Math.max(w.at, previous + gap);
          const dueAt = at === w.at ? at : nextWindowFor(this.ctx, e, at).at;
          lastSlot.set(key, dueAt);
          q.runs.update(run.id, now, { dueAt, reason: why }, 'scheduled');
          this.ctx.recorder.event({ prospectId: run.prospect_id, enrollmentId: e.id, stepRunId: run.id, type: 'rescheduled', reason: `${why}; moved to ${localText(dueAt, w.zone)}`, data: { dueAt }, at: now });
          moved++;
        }
        if (overdue.length < 500) break;
      }
    })();
    this.ctx.recorder.flush();
    return moved;
  }

  /** Enrollments made before a mailbox was connected send from the first connected one. */
  private assignMailbox(): void {
    const { q } = this.ctx;
    if (q.enrollments.withoutAccount() === 0) return;
    const account = q.pacing.defaultAccount();
    if (account) q.enrollments.assignAccount(account.id);
  }
}

