// What changed since the day began: replies, bounces and other inbox events that stopped or paused an enrollment.
import type { ChangedItem, TodayView } from '../../../../shared/contract/queue';
import { useQueueStore } from '../../store/queue';
import { queueSelectors } from '../../store/queue/selectors';
import { ProspectTimeline } from './ProspectTimeline';

export function ChangedOvernight({ changed }: { changed: TodayView['changed'] }) {
  const focused = useQueueStore(queueSelectors.focused);
  const focus = useQueueStore((s) => s.focus);
  if (changed.length === 0) return null;
  return (
    <section className="changed card-lite" aria-labelledby="changed-title" data-testid="changed-overnight">
      <h2 id="changed-title">
        Changed since this morning <span className="count">{changed.length}</span>
      </h2>
      <ul>
        {changed.map((c) => (
          <li key={c.eventId} className={focused === `changed:${c.eventId}` ? 'is-focused' : undefined}>
            <span className={`dot dot-${c.type}`} aria-hidden="true" />
            <button type="button" className="row-name" onClick={() => focus(`changed:${c.eventId}`)}>
              {c.prospectName}
            </button>
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

export function ChangedDetail({ item }: { item: ChangedItem }) {
  return (
    <article className="detail" data-testid="detail-changed" aria-label={`What changed for ${item.prospectName}`}>
      <header className="detail-head">
        <div>
          <h2>{item.prospectName}</h2>
          <p className="muted">
            {item.reason} · {item.timeText}
            {item.sequenceName ? ` · ${item.sequenceName}` : ''}
          </p>
        </div>
      </header>
      <ProspectTimeline prospectId={item.prospectId} limit={12} />
    </article>
  );
}
