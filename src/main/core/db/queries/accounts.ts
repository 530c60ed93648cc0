// SQL for the accounts table (connected mailboxes) and the sends each made in the last day.
import type { MailProviderKind } from '../../../../shared/domain/mail';
import type { MailboxStatus } from '../../../../shared/domain/mailbox';
import type { Db } from '../open';

export interface AccountRow {
  id: number;
  provider: MailProviderKind;
  email: string;
  displayName: string | null;
  status: MailboxStatus;
  statusReason: string | null;
  syncCursor: string | null;
  lastSyncedAt: number | null;
  dailyCap: number | null;
  signatureHtml: string | null;
  workspace: boolean;
  calendarCheckedAt: number | null;
}

interface RawAccount {
  id: number;
  provider: MailProviderKind;
  email: string;
  display_name: string | null;
  status: MailboxStatus;
  status_reason: string | null;
  sync_cursor: string | null;
  last_synced_at: number | null;
  daily_cap: number | null;
  signature_html: string | null;
  workspace: number;
  calendar_checked_at: number | null;
}

const toAccount = (r: RawAccount): AccountRow => ({
  id: r.id,
  provider: r.provider,
  email: r.email,
  displayName: r.display_name,
  status: r.status,
  statusReason: r.status_reason,
  syncCursor: r.sync_cursor,
  lastSyncedAt: r.last_synced_at,
  dailyCap: r.daily_cap,
  signatureHtml: r.signature_html,
  workspace: r.workspace === 1,
  calendarCheckedAt: r.calendar_checked_at,
});

export interface UpsertAccount {
  provider: MailProviderKind;
  email: string;
  displayName: string | null;
  signatureHtml: string | null;
  workspace: boolean;
  syncCursor: string | null;
  dailyCap: number;
  now: number;
}

export function accountQueries(db: Db) {
  const all = db.prepare<[], RawAccount>('SELECT * FROM accounts ORDER BY id');
  const byId = db.prepare<[number], RawAccount>('SELECT * FROM accounts WHERE id = ?');
  const upsert = db.prepare<UpsertAccount & { workspaceFlag: number }, { id: number }>(`
    INSERT INTO accounts (provider, email, display_name, status, status_reason, sync_cursor, daily_cap, signature_html, workspace, created_at, updated_at)
    VALUES (@provider, @email, @displayName, 'connected', NULL, @syncCursor, @dailyCap, @signatureHtml, @workspaceFlag, @now, @now)
    ON CONFLICT (provider, email) DO UPDATE SET
      display_name = excluded.display_name, status = 'connected', status_reason = NULL,
      -- A reconnect keeps the old cursor so nothing that arrived meanwhile is missed.
      sync_cursor = coalesce(accounts.sync_cursor, excluded.sync_cursor),
      daily_cap = coalesce(accounts.daily_cap, excluded.daily_cap),
      signature_html = excluded.signature_html, workspace = excluded.workspace, updated_at = excluded.updated_at
    RETURNING id`);
  const setStatus = db.prepare<{ id: number; status: MailboxStatus; reason: string | null; now: number }>(
    'UPDATE accounts SET status = @status, status_reason = @reason, last_error_at = CASE WHEN @reason IS NULL THEN last_error_at ELSE @now END, updated_at = @now WHERE id = @id',
  );
  const setCursor = db.prepare<{ id: number; cursor: string; now: number }>(
    'UPDATE accounts SET sync_cursor = @cursor, last_synced_at = @now, updated_at = @now WHERE id = @id',
  );
  const setReason = db.prepare<{ id: number; reason: string | null; now: number }>(
    'UPDATE accounts SET status_reason = @reason, last_error_at = CASE WHEN @reason IS NULL THEN last_error_at ELSE @now END, updated_at = @now WHERE id = @id',
  );
  const setCap = db.prepare<{ id: number; cap: number; now: number }>('UPDATE accounts SET daily_cap = @cap, updated_at = @now WHERE id = @id');
  const setCalendar = db.prepare<{ id: number; now: number }>('UPDATE accounts SET calendar_checked_at = @now WHERE id = @id');
  const disconnect = db.prepare<{ id: number; now: number }>(
    "UPDATE accounts SET status = 'disconnected', status_reason = NULL, sync_cursor = NULL, updated_at = @now WHERE id = @id",
  );
  const recordSend = db.prepare<{ accountId: number; messageId: string; at: number }>(
    'INSERT INTO account_sends (account_id, message_id, at) VALUES (@accountId, @messageId, @at)',
  );
  const sendsSince = db.prepare<{ accountId: number; since: number }, { n: number; oldest: number | null }>(
    'SELECT count(*) AS n, min(at) AS oldest FROM account_sends WHERE account_id = @accountId AND at > @since',
  );
  const pruneSends = db.prepare<{ before: number }>('DELETE FROM account_sends WHERE at <= @before');
  const calendarSeen = db.prepare<{ accountId: number; eventId: string; at: number }>(
    'INSERT OR IGNORE INTO calendar_seen (account_id, event_id, at) VALUES (@accountId, @eventId, @at)',
  );

  const addConnected = db.prepare<[string, string, string, number, number]>(
    'INSERT INTO accounts (provider, email, display_name, status, created_at, updated_at) VALUES (?, ?, ?, \'connected\', ?, ?) ON CONFLICT (provider, email) DO NOTHING',
  );
  const must = (changes: number, what: string) => {
    if (changes !== 1) throw new Error(`${what} changed ${changes} rows`);
  };

  return {
    /** Adds a connected mailbox unless one with this provider and address exists (the harness's fake mailbox). */
    addConnectedIfMissing: (provider: string, email: string, displayName: string, now: number) => void addConnected.run(provider, email, displayName, now, now),
    all: (): AccountRow[] => all.all().map(toAccount),
    get: (id: number): AccountRow | null => {
      const r = byId.get(id);
      return r ? toAccount(r) : null;
    },
    upsert: (a: UpsertAccount): number => upsert.get({ ...a, workspaceFlag: a.workspace ? 1 : 0 })!.id,
    setStatus: (id: number, status: MailboxStatus, reason: string | null, now: number) => must(setStatus.run({ id, status, reason, now }).changes, 'account status'),
    setReason: (id: number, reason: string | null, now: number) => must(setReason.run({ id, reason, now }).changes, 'account reason'),
    setCursor: (id: number, cursor: string, now: number) => must(setCursor.run({ id, cursor, now }).changes, 'account cursor'),
    setDailyCap: (id: number, cap: number, now: number) => must(setCap.run({ id, cap, now }).changes, 'account daily cap'),
    setCalendarChecked: (id: number, now: number) => must(setCalendar.run({ id, now }).changes, 'calendar check'),
    disconnect: (id: number, now: number) => must(disconnect.run({ id, now }).changes, 'account disconnect'),
    recordSend: (accountId: number, messageId: string, at: number) => void recordSend.run({ accountId, messageId, at }),
    sendsSince: (accountId: number, since: number) => sendsSince.get({ accountId, since })!,
    pruneSends: (before: number) => void pruneSends.run({ before }),
    /** True the first time an event is seen. */
    markCalendarSeen: (accountId: number, eventId: string, at: number): boolean => calendarSeen.run({ accountId, eventId, at }).changes === 1,
  };
}
export type AccountQueries = ReturnType<typeof accountQueries>;
