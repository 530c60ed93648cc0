// SQL for the sending side of mailboxes: which are connected, the send ledger, and each one's next slot.
import type { MailProviderKind } from '../../../../shared/domain/mail';
import type { Db } from '../open';

export interface AccountRow {
  id: number;
  provider: MailProviderKind;
  email: string;
  display_name: string | null;
  status: 'connected' | 'needs_reconnect' | 'disconnected';
  status_reason: string | null;
  daily_cap: number | null;
}

export function pacingQueries(db: Db) {
  const s = {
    account: db.prepare<[number], AccountRow>('SELECT id, provider, email, display_name, status, status_reason, daily_cap FROM accounts WHERE id = ?'),
    accounts: db.prepare<[], AccountRow>('SELECT id, provider, email, display_name, status, status_reason, daily_cap FROM accounts ORDER BY id'),
    defaultAccount: db.prepare<[], AccountRow>("SELECT id, provider, email, display_name, status, status_reason, daily_cap FROM accounts WHERE status = 'connected' ORDER BY id LIMIT 1"),
    sentSince: db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM send_ledger WHERE account_id = ? AND at >= ?'),
    domainSince: db.prepare<[number, string, number], { n: number }>('SELECT count(*) AS n FROM send_ledger WHERE account_id = ? AND domain = ? AND at >= ?'),
    record: db.prepare<[number, number, string | null, number]>('INSERT INTO send_ledger (account_id, step_run_id, domain, at) VALUES (?, ?, ?, ?)'),
    next: db.prepare<[number], { next_send_at: number; paused_reason: string | null }>('SELECT next_send_at, paused_reason FROM account_pacing WHERE account_id = ?'),
    setNext: db.prepare<[number, number, string | null]>(
      'INSERT INTO account_pacing (account_id, next_send_at, paused_reason) VALUES (?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET next_send_at = excluded.next_send_at, paused_reason = excluded.paused_reason',
    ),
  };
  return {
    account: (id: number) => s.account.get(id) ?? null,
    accounts: () => s.accounts.all(),
    defaultAccount: () => s.defaultAccount.get() ?? null,
    sentSince: (accountId: number, since: number) => s.sentSince.get(accountId, since)!.n,
    domainSentSince: (accountId: number, domain: string, since: number) => s.domainSince.get(accountId, domain, since)!.n,
    record: (accountId: number, stepRunId: number, domain: string | null, at: number) => s.record.run(accountId, stepRunId, domain, at),
    nextSendAt: (accountId: number) => s.next.get(accountId)?.next_send_at ?? 0,
    setNextSendAt: (accountId: number, at: number, reason: string | null = null) => s.setNext.run(accountId, at, reason),
  };
}
export type PacingQueries = ReturnType<typeof pacingQueries>;
