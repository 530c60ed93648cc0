// One section of the queue (emails, calls, tasks): its counts and its rows, overdue first, later today set apart.
import type { ReactNode } from 'react';
import type { QueueItem } from '../../../../shared/contract/queue';
import { QueueRow } from './QueueRow';

export interface SectionProps {
  id: 'emails' | 'calls' | 'tasks';
  title: string;
  items: QueueItem[];
  counts: { total: number; overdue: number; due: number; later: number };
  actions?: ReactNode;
  empty: string;
}

export function QueueSection({ id, title, items, counts, actions, empty }: SectionProps) {
  const now = items.filter((i) => i.band !== 'later');
  const later = items.filter((i) => i.band === 'later');
  return (
    <section className="queue-section" aria-labelledby={`section-${id}`} data-testid={`section-${id}`}>
      <header className="queue-section-head">
        <h2 id={`section-${id}`}>
          {title} <span className="count" data-testid={`count-${id}`}>{counts.total}</span>
        </h2>
        {counts.overdue > 0 && <span className="pill pill-danger">{counts.overdue} overdue</span>}
        {counts.later > 0 && <span className="pill">{counts.later} later</span>}
        <span className="spacer" />
        {actions}
      </header>
      {items.length === 0 ? (
        <p className="queue-empty muted">{empty}</p>
      ) : (
        <ul className="queue-rows" role="list">
          {now.map((i) => (
            <QueueRow key={i.id} item={i} />
          ))}
          {later.length > 0 && (
            <li className="later-divider" aria-hidden="true">
              Later today
            </li>
          )}
          {later.map((i) => (
            <QueueRow key={i.id} item={i} />
          ))}
        </ul>
      )}
    </section>
  );
}

