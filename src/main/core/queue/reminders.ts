// Reminders: an OS notification when a call or task in the queue comes due; clicking it opens the item.
import type { TimerHandle } from '../clock';
import { prospectName } from '../db/queries/enrollments';
import type { QueueRow } from '../db/queries/queue';
import { settingsQueries, type SettingsQueries } from '../db/queries/settings';
import { prospectContext } from '../engine/composer';
import type { EngineContext } from '../engine/context';
import { renderEmail } from '../templates/render';
import type { QueueService } from './queueService';
import { repDay } from './queueService';

/** Re-checks at least this often, so a laptop that slept through a timer still reminds soon after waking. */
const maxWait = 5 * 60_000;
const markKey = 'reminders.announcedUpTo';

export class Reminders {
  private timer: TimerHandle | null = null;
  private running = false;
  /** Up to when calls and tasks have been announced; each run is announced once. */
  private checkedUpTo = 0;
  private readonly announced = new Set<number>();
  private unsubscribe: (() => void) | null = null;
  private readonly settingsRows: SettingsQueries;

  constructor(
    private readonly ctx: EngineContext,
    private readonly queue: QueueService,
  ) {
    this.settingsRows = settingsQueries(ctx.db);
  }

  /**
   * Announces what fell due today since the last announcement (once, as one notification: at the first start of
   * the day that is everything due so far; after a restart only what fell due while Repdesk was closed), then
   * each call or task as it falls due.
   */
  start(): void {
    this.running = true;
    const day = repDay(this.ctx);
    const since = Math.max(day.start - 1, this.storedMark() ?? 0);
    const due = since < day.now ? this.queue.q.comingDue(since, day.now) : [];
    due.forEach((r) => this.announced.add(r.id));
    if (due.length === 1) this.announce(due[0]!);
    else if (due.length > 1)
      this.ctx.notifier.notify({
        title: `${due.length} calls and tasks are due`,
        body: 'They are at the top of your Today queue.',
        target: { kind: 'queue' },
      });
    this.checkedUpTo = day.now;
    this.storeMark();
    // A rescheduled or newly planned call may now fall due sooner than the timer.
    this.unsubscribe = this.ctx.bus.subscribe((name) => {
      if (name === 'queue.changed' && this.running) this.arm();
    });
    this.arm();
  }

  stop(): void {
    this.running = false;
    this.unsubscribe?.();
    if (this.timer) this.ctx.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Announces every call and task that fell due since the last check. */
  check(): number {
    const now = this.ctx.clock.now();
    // Work planned already due (the next step after one the rep just finished) lands in the queue they are
    // working; a reminder is for what falls due while they are not looking.
    const rows = this.queue.q.comingDue(this.checkedUpTo, now).filter((r) => !this.announced.has(r.id) && r.due_at > r.created_at);
    this.checkedUpTo = Math.max(this.checkedUpTo, now);
    if (rows.length) this.storeMark();
    for (const r of rows) {
      this.announced.add(r.id);
      this.announce(r);
    }
    return rows.length;
  }

  // The mark survives restarts (a raw settings row the rep's settings ignore), so nothing is announced twice.
  private storedMark(): number | null {
    const v = this.settingsRows.value(markKey);
    return typeof v === 'number' ? v : null;
  }

  private storeMark(): void {
    this.settingsRows.upsert(markKey, this.checkedUpTo);
  }

  private arm(): void {
    if (this.timer) this.ctx.clock.clearTimeout(this.timer);
    const now = this.ctx.clock.now();
    // Rescheduled into the past of our mark: look again from there so it is not missed.
    const next = this.queue.q.nextDueAfter(Math.min(this.checkedUpTo, now));
    const wait = next === null ? maxWait : Math.min(maxWait, Math.max(0, next - now));
    this.timer = this.ctx.clock.setTimeout(() => {
      this.timer = null;
      if (!this.running) return;
      try {
        this.check();
      } catch (err) {
        this.ctx.log.error('Reminder check failed', { error: err instanceof Error ? err.stack : String(err) });
      }
      this.arm();
    }, wait);
  }

  private announce(r: QueueRow): void {
    const who = prospectName(r);
    const company = r.company ? ` (${r.company})` : '';
    // The step's instructions with merge fields filled, as the queue shows them.
    const prospect = this.ctx.q.enrollments.prospect(r.prospect_id);
    const rendered = prospect ? renderEmail(r.step_note ?? '', '', prospectContext(this.ctx, prospect)).subject : '';
    const note = rendered.length > 120 ? `${rendered.slice(0, 119).trimEnd()}…` : rendered;
    this.ctx.notifier.notify(
      r.step_type === 'call'
        ? { title: `Call ${who}${company} now`, body: note || `${r.sequence_name}: the call is due.`, target: { kind: 'queue-item', id: r.id } }
        : { title: `Task due: ${who}${company}`, body: note || `${r.sequence_name}: the task is due.`, target: { kind: 'queue-item', id: r.id } },
    );
  }
}
