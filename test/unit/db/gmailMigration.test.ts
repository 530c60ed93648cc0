// The Gmail/inbox migration: its tables, and the indexes inbound matching relies on.
import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../src/main/core/db/open';

describe('0004 gmail-inbox migration', () => {
  it('adds the suppression list, the daily-cap log and calendar bookkeeping', () => {
    const db = openMemoryDatabase();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['suppressions', 'account_sends', 'calendar_seen']));
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('accounts');
    expect(columns).toEqual(expect.arrayContaining(['signature_html', 'workspace', 'calendar_checked_at']));
  });

  it('matches inbound mail by Message-ID and thread through indexes, not scans', () => {
    const db = openMemoryDatabase();
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM messages WHERE message_id_header = 'x'")).toContain('messages_message_id_header');
    expect(plan("SELECT id FROM step_runs WHERE provider_thread_id = 'x'")).toContain('step_runs_thread');
    expect(plan("SELECT id FROM enrollments WHERE thread_id = 'x'")).toContain('enrollments_thread');
    expect(plan("SELECT count(*) FROM account_sends WHERE account_id = 1 AND at > 0")).toContain('account_sends_window');
  });
});

describe('inbound matching queries', () => {
  it('find colleagues at a company domain through the prospects_domain index', () => {
    const db = openMemoryDatabase();
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT e.id FROM prospects p JOIN enrollments e ON e.prospect_id = p.id AND e.status <> 'finished' WHERE p.domain = 'x.com'").all() as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toContain('prospects_domain');
  });
});
