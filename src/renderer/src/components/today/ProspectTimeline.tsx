// The prospect's timeline beside an item: every step, send, call and decision, newest first; follows timeline.changed.
import { useEffect, useState } from 'react';
import type { TimelineEvent } from '../../../../shared/domain/timeline';
import { api } from '../../api/client';

const when = (at: number) => new Date(at).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

export function ProspectTimeline({ prospectId, limit = 8, initial }: { prospectId: number; limit?: number; initial?: TimelineEvent[] }) {
  const [events, setEvents] = useState<TimelineEvent[] | null>(initial ?? null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api()
        .call('timeline.list', { prospectId, limit })
        .then((e) => live && (setEvents(e), setError(null)))
        .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    void load();
    const off = api().on('timeline.changed', (p) => p.prospectIds.includes(prospectId) && void load());
    return () => {
      live = false;
      off();
    };
  }, [prospectId, limit]);
  return (
    <section className="timeline" aria-label="Timeline" data-testid="timeline">
      <h3>Timeline</h3>
      {error && <p className="field-error">{error}</p>}
      {!events ? (
        <p className="muted">Loading…</p>
      ) : events.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol>
          {events.map((e) => (
            <li key={e.id} className={`tl tl-${e.type}`}>
              <span className="tl-when">{when(e.at)}</span>
              <span className="tl-what">{e.reason ?? e.type}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
