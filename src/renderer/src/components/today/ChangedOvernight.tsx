// What changed since the day began: replies, bounces and other inbox events that stopped or paused an enrollment.
import type { TodayView } from '../../../../shared/contract/queue';

export function ChangedOvernight({ changed }: { changed: TodayView['changed'] }) {
  if (changed.length === 0) return null;
  return (
    <section className="changed card-lite" aria-labelledby="changed-title" data-testid="changed-overnight">
      <h2 id="changed-title">
        Changed since this morning <span className="count">{changed.length}</span>
      </h2>
      <ul>
        {changed.map((c) => (
          <li key={c.eventId}>
            <span className={`dot dot-${c.type}`} aria-hidden="true" />
            <strong>{c.prospectName}</strong>
            <span className="changed-why" title={`${c.reason ?? ''}${c.sequenceName ? ` (${c.sequenceName})` : ''}`}>
              {c.reason}
              {c.sequenceName && <span className="muted"> · {c.sequenceName}</span>}
            </span>
            <span className="muted small">{c.timeText}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
