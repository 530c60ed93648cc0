// The mailbox status bar on Today: when each mailbox last checked the inbox, and any problem (the banner above it says what waits).
import { useEffect, useState } from 'react';
import { mailboxesSelectors, useMailboxesStore } from '../store/mailboxes';
import './mailboxes.css';
import { timeAgo } from './timeAgo';

export function MailboxStatus() {
  const overview = useMailboxesStore(mailboxesSelectors.overview);
  const load = useMailboxesStore((s) => s.load);
  const [, tick] = useState(0);
  useEffect(() => {
    if (!overview) void load();
    // Re-render "2 min ago" as time passes.
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, [overview, load]);
  if (!overview) return null;
  const mailboxes = overview.mailboxes;
  if (!mailboxes.length) return null;
  return (
    <>
      <div className="mailbox-status" data-testid="mailbox-status">
        {mailboxes.map((m) => (
          <span key={m.id} className="mailbox-status-item">
            <span className={`status-dot ${m.status === 'needs_reconnect' ? 'bad' : m.statusReason ? 'warn' : 'ok'}`} aria-hidden="true" />
            {m.email}: {m.status === 'needs_reconnect' ? 'sign-in expired' : m.syncing ? 'checking…' : m.lastSyncedAt ? `synced ${timeAgo(m.lastSyncedAt)}` : 'not synced yet'}
            {m.status === 'connected' && m.statusReason && <span className="warning-text"> · {m.statusReason}</span>}
          </span>
        ))}
      </div>
    </>
  );
}
