// A prospect's timeline from the events table, newest first; later features add sends, replies and calls.
import type { TimelineEvent } from '../../../../shared/contract/prospects';

const labels: Record<string, string> = {
  prospect_edited: 'Edited',
};

export function Timeline({ events }: { events: TimelineEvent[] }) {
  return (
    <section className="timeline" aria-label="Timeline" data-testid="prospect-timeline">
      <h3>Timeline</h3>
      {events.length === 0 ? (
        <p className="muted">Nothing yet. Emails, replies, calls and changes will appear here.</p>
      ) : (
        <ol>
          {events.map((e) => (
            <li key={e.id} data-type={e.type}>
              <time dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toLocaleString()}</time>
              <span>
                {labels[e.type] ?? e.type.replaceAll('_', ' ')}
                {e.type === 'prospect_edited' && Array.isArray(e.data.fields) ? `: ${(e.data.fields as string[]).join(', ')}` : ''}
                {e.reason ? ` — ${e.reason}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
