// A prospect's timeline: every decision the engine and the rep made, newest first, live.
import { useEffect, useState } from 'react';
import type { TimelineEvent } from '../../../../shared/domain/timeline';
import { api } from '../../api/client';
import { formatWhen } from './format';

const typeLabel: Record<string, string> = {
  enrolled: 'Enrolled',
  scheduled: 'Planned',
  rescheduled: 'Rescheduled',
  awaiting_approval: 'Waiting for you',
  approved: 'Approved',
  sending: 'Sending',
  sent: 'Sent',
  send_retry: 'Will retry',
  failed: 'Failed',
  skipped: 'Skipped',
  completed: 'Done',
  call_logged: 'Call',
  paused: 'Paused',
  resumed: 'Resumed',
  finished: 'Finished',
  moved: 'Moved',
  cancelled: 'Cancelled',
};

export function TimelinePanel({ prospectId, title, timeZone }: { prospectId: number; title: string; timeZone?: string }) {
  const [events, setEvents] = useState<TimelineEvent[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void api().call('timeline.list', { prospectId, limit: 200 }).then((e) => live && setEvents(e));
    load();
    const off = api().on('timeline.changed', (p) => p.prospectIds.includes(prospectId) && load());
    return () => {
      live = false;
      off();
    };
  }, [prospectId]);
  return (
    <section className="card timeline-panel" aria-label={`Timeline of ${title}`} data-testid="timeline">
      <h2>{title}</h2>
      {events === null && <p className="muted">Loading…</p>}
      {events?.length === 0 && <p className="muted">Nothing has happened yet.</p>}
      <ol className="timeline-list">
        {events?.map((e) => (
          <li key={e.id} className={`timeline-item t-${e.type}`} data-type={e.type}>
            <span className="timeline-type">{typeLabel[e.type] ?? e.type}</span>
            <time className="muted" dateTime={new Date(e.at).toISOString()}>
              {formatWhen(e.at, timeZone)}
            </time>
            {e.reason && <p>{e.reason}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
