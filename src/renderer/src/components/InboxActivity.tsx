// Recent replies, out-of-office messages, bounces and unsubscribe requests from prospects, and what Repdesk did about each.
import { useEffect, useState } from 'react';
import type { InboundMessageView } from '../../../shared/domain/mailbox';
import { mailboxesSelectors, useMailboxesStore } from '../store/mailboxes';
import './mailboxes.css';
import { timeAgo } from './timeAgo';

const labels: Record<InboundMessageView['kind'], { label: string; tone: string; action: string }> = {
  reply: { label: 'Replied', tone: 'success', action: 'Sequence stopped' },
  out_of_office: { label: 'Out of office', tone: 'warn', action: 'Sequence paused until they are back' },
  hard_bounce: { label: 'Bounced', tone: 'danger', action: 'Address marked invalid; sequence stopped' },
  soft_bounce: { label: 'Delivery delayed', tone: 'warn', action: 'Will retry later' },
  unsubscribe: { label: 'Unsubscribed', tone: 'danger', action: 'Sequence stopped; will not be emailed again' },
  other: { label: 'Email', tone: 'neutral', action: '' },
};

export function InboxActivity() {
  const recent = useMailboxesStore(mailboxesSelectors.recent);
  const loadRecent = useMailboxesStore((s) => s.loadRecent);
  const [open, setOpen] = useState<number | null>(null);
  useEffect(() => {
    void loadRecent();
  }, [loadRecent]);
  if (!recent.length) return null;
  return (
    <section className="card inbox-activity" aria-labelledby="inbox-activity-heading" data-testid="inbox-activity">
      <h2 id="inbox-activity-heading">From your prospects</h2>
      <ul>
        {recent.map((m) => {
          const l = labels[m.kind];
          return (
            <li key={m.id} data-testid="inbound-message" data-kind={m.kind}>
              <button type="button" className="inbound-summary" aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>
                <span className={`badge badge-${l.tone}`}>{l.label}</span>
                <span className="inbound-who">{m.prospectName || m.from}</span>
                <span className="inbound-subject">{m.subject || '(no subject)'}</span>
                <span className="muted inbound-when">{timeAgo(m.at)}</span>
              </button>
              {l.action && <p className="hint inbound-action">{l.action}</p>}
              {open === m.id && (
                // Sanitised in the main process (no scripts, remote images blocked); the CSP blocks the rest.
                <div className="inbound-body">{m.html ? <div dangerouslySetInnerHTML={{ __html: m.html }} /> : <pre>{m.text}</pre>}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
