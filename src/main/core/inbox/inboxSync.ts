// Polls every connected mailbox on the injected clock (history since the stored cursor), hands new mail to the
// inbound handler, checks the calendar for meetings, and offers the engine its pre-send check.
import type { Clock, TimerHandle } from '../clock';
import type { AccountQueries, AccountRow } from '../db/queries/accounts';
import type { InboxLookups } from '../db/queries/inboxLookups';
import type { InboxMessageQueries } from '../db/queries/inboxMessages';
import type { EnrollmentControl } from '../engine/enrollmentControl';
import type { Log } from '../log';
import { ProviderError } from '../mail/errors';
import type { MailAccount, MailProviders } from '../mail/provider';
import { nextRetryDelay } from '../mail/retry';
import type { InboundHandler } from './handleInbound';

const minute = 60_000;
const calendarEveryMs = 15 * minute;

export interface InboxSyncDeps {
  clock: Clock;
  log: Log;
  accounts: AccountQueries;
  providers: MailProviders;
  handle: InboundHandler;
  messages: InboxMessageQueries;
  lookups: InboxLookups;
  control: () => EnrollmentControl | null;
  pollMinutes: () => number;
  /** Called whenever a mailbox's state (syncing, synced, failed) changes. */
  changed: () => void;
  /** A provider said the sign-in is gone: the mailbox needs reconnecting. */
  authFailed: (accountId: number, error: ProviderError) => void;
}

export interface SyncOutcome {
  accountId: number;
  ok: boolean;
  handled: number;
  cost: { calls: number; units: number };
  resynced: boolean;
  error?: string;
}

export interface PreSendCheck {
  /** True when nothing new arrived and the send may go. */
  clear: boolean;
  /** Why the send is held (for the timeline), when it is. */
  reason: string | null;
  messages: number;
}

export const mailAccountOf = (a: AccountRow): MailAccount => ({ id: a.id, provider: a.provider, email: a.email, displayName: a.displayName });

export class InboxSync {
  private readonly timers = new Map<number, TimerHandle>();
  private readonly running = new Map<number, Promise<SyncOutcome>>();
  private readonly failures = new Map<number, number>();
  private started = false;
  /** Set by stop() (core closing): a poll still in flight then ends quietly instead of writing to a closed store. */
  private stopped = false;

  constructor(private readonly deps: InboxSyncDeps) {}

  /** On start (and on wake): sync every connected mailbox now, then on the poll interval. */
  start(): void {
    this.started = true;
    this.stopped = false;
    for (const account of this.deps.accounts.all()) if (account.status === 'connected') this.schedule(account.id, 0);
  }

  stop(): void {
    this.started = false;
    this.stopped = true;
    for (const handle of this.timers.values()) this.deps.clock.clearTimeout(handle);
    this.timers.clear();
  }

  isSyncing(accountId: number): boolean {
    return this.running.has(accountId);
  }

  /** Re-plans polling after a setting changed or a mailbox (re)connected. */
  reschedule(accountId?: number): void {
    if (!this.started) return;
    const ids = accountId ? [accountId] : this.deps.accounts.all().map((a) => a.id);
    for (const id of ids) {
      const account = this.deps.accounts.get(id);
      if (account?.status === 'connected') this.schedule(id, 0);
      else this.unschedule(id);
    }
  }

  async syncAll(): Promise<SyncOutcome[]> {
    const connected = this.deps.accounts.all().filter((a) => a.status === 'connected');
    return Promise.all(connected.map((a) => this.sync(a.id)));
  }

  /** One poll of one mailbox; concurrent calls share the poll in flight. */
  sync(accountId: number): Promise<SyncOutcome> {
    const inFlight = this.running.get(accountId);
    if (inFlight) return inFlight;
    const run = this.runSync(accountId)
      .catch((err: unknown): SyncOutcome => {
        // Core closed (quitting) while this poll was in flight: the store is gone, so there is nothing to record.
        if (this.stopped) return { accountId, ok: false, handled: 0, cost: { calls: 0, units: 0 }, resynced: false, error: String(err) };
        throw err;
      })
      .finally(() => {
        this.running.delete(accountId);
        if (!this.stopped) this.deps.changed();
      });
    this.running.set(accountId, run);
    this.deps.changed();
    return run;
  }

  /**
   * The outbox's pre-send check: right before an automatic send, look for mail from the prospect or in the thread
   * since the last sync. Anything found is handled at once (which stops the enrollment) and the send is held.
   */
  /**
   * Looks for mail from the prospect or in the thread since the last sync, or since `since` when that is
   * earlier (the caller's last send to them), so nothing slips between a sync that never ran and the send.
   */
  async preSendCheck(accountId: number, query: { prospectEmails: string[]; threadIds: string[]; since?: number }): Promise<PreSendCheck> {
    const account = this.deps.accounts.get(accountId);
    if (!account) return { clear: false, reason: 'The mailbox this sequence sends from was removed.', messages: 0 };
    if (account.status !== 'connected') return { clear: false, reason: account.statusReason ?? 'The mailbox needs reconnecting.', messages: 0 };
    const provider = this.deps.providers[account.provider];
    if (!provider) return { clear: false, reason: `${account.provider} is not available in this build.`, messages: 0 };
    const lastSync = account.lastSyncedAt ?? this.deps.clock.now() - 86_400_000;
    const since = query.since === undefined ? lastSync : Math.min(lastSync, query.since);
    const found = await provider.newMailSince(mailAccountOf(account), { from: query.prospectEmails, threadIds: query.threadIds, since });
    let relevant = 0;
    for (const m of found) {
      // null means already stored: that message was handled when it arrived (an out-of-office paused, a reply
      // stopped), so it must not hold a send again once the enrollment resumed. The outbox re-reads the
      // enrollment after this check, which covers a reply handled by a poll while this check ran.
      const handled = this.deps.handle(account, m);
      if (handled !== null && handled.messageId !== null) relevant += 1;
    }
    if (!relevant) return { clear: true, reason: null, messages: 0 };
    return { clear: false, reason: `new mail from the prospect arrived since the last inbox check (${relevant} message${relevant === 1 ? '' : 's'}).`, messages: relevant };
  }

  private schedule(accountId: number, delayMs: number): void {
    this.unschedule(accountId);
    this.timers.set(
      accountId,
      this.deps.clock.setTimeout(() => {
        this.timers.delete(accountId);
        void this.sync(accountId);
      }, delayMs),
    );
  }

  private unschedule(accountId: number): void {
    const handle = this.timers.get(accountId);
    if (handle) this.deps.clock.clearTimeout(handle);
    this.timers.delete(accountId);
  }

  private async runSync(accountId: number): Promise<SyncOutcome> {
    const outcome: SyncOutcome = { accountId, ok: false, handled: 0, cost: { calls: 0, units: 0 }, resynced: false };
    const account = this.deps.accounts.get(accountId);
    if (!account || account.status !== 'connected') return { ...outcome, error: 'The mailbox is not connected.' };
    const provider = this.deps.providers[account.provider];
    if (!provider) return { ...outcome, error: `${account.provider} is not available in this build.` };
    const interval = this.deps.pollMinutes() * minute;
    const startedAt = this.deps.clock.now();
    try {
      const result = await provider.syncSince(mailAccountOf(account), account.syncCursor);
      outcome.cost = { ...result.cost };
      outcome.resynced = result.resynced;
      for (const m of result.messages) {
        try {
          if (this.deps.handle(account, m)?.messageId) outcome.handled += 1;
        } catch (err) {
          // One odd message must not stop the others (nor move the cursor past them silently: it is logged).
          this.deps.log.error('An inbound message could not be handled', { accountId, message: m.providerMessageId, error: String(err) });
        }
      }
      const now = this.deps.clock.now();
      this.deps.accounts.setCursor(accountId, result.cursor, now);
      if (account.statusReason) this.deps.accounts.setReason(accountId, null, now);
      this.failures.delete(accountId);
      await this.checkCalendar(account, provider, outcome);
      outcome.ok = true;
      // The next poll is due an interval after this one started, not after it ended: a slow poll (or a clock that
      // moved on meanwhile) is followed at once rather than pushed a whole interval past the mail that arrived.
      if (this.started) this.schedule(accountId, Math.max(0, startedAt + interval - this.deps.clock.now()));
    } catch (err) {
      const error = err instanceof ProviderError ? err : new ProviderError('transient', err instanceof Error ? err.message : String(err));
      outcome.error = error.message;
      const now = this.deps.clock.now();
      if (error.kind === 'auth') {
        this.deps.authFailed(accountId, error);
        this.unschedule(accountId);
        return outcome;
      }
      const attempt = (this.failures.get(accountId) ?? 0) + 1;
      this.failures.set(accountId, attempt);
      // Polling never gives up; it only waits longer (honouring Retry-After), up to half an hour.
      const delay = Math.max(interval, nextRetryDelay(error, attempt, { maxAttempts: Infinity, maxDelayMs: 30 * minute }) ?? interval);
      this.deps.accounts.setReason(accountId, `Last inbox check failed: ${error.message}`, now);
      this.deps.log.warn('Inbox sync failed', { accountId, kind: error.kind, attempt, retryInMs: delay });
      if (this.started) this.schedule(accountId, delay);
    }
    return outcome;
  }

  /** Meetings: an event in the rep's primary calendar with a prospect as attendee stops their enrollments. */
  private async checkCalendar(account: AccountRow, provider: NonNullable<MailProviders['gmail']>, outcome: SyncOutcome): Promise<void> {
    const now = this.deps.clock.now();
    if (account.calendarCheckedAt !== null && now - account.calendarCheckedAt < calendarEveryMs) return;
    try {
      const events = await provider.calendarEvents(mailAccountOf(account), now - 86_400_000);
      outcome.cost.calls += 1;
      for (const event of events) {
        const prospects = this.deps.lookups.prospectsByEmails(event.attendees.filter((a) => a !== account.email.toLowerCase()));
        if (!prospects.length || !this.deps.accounts.markCalendarSeen(account.id, event.id, now)) continue;
        for (const p of prospects) {
          this.deps.messages.addEvent({ prospectId: p.id, type: 'meeting_booked', reason: 'meeting_booked', data: { eventId: event.id, summary: event.summary, start: event.start }, at: now });
          this.deps.control()?.stop({ prospectId: p.id, reason: 'meeting_booked', detail: `Meeting booked: "${event.summary}" on ${new Date(event.start).toISOString().slice(0, 16).replace('T', ' ')} UTC` });
        }
      }
      this.deps.accounts.setCalendarChecked(account.id, now);
    } catch (err) {
      if (err instanceof ProviderError && err.kind === 'auth') throw err;
      this.deps.log.warn('Calendar check failed; mail sync went on', { accountId: account.id, error: String(err) });
    }
  }
}
