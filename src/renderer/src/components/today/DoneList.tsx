// What the rep did in this session, newest first; opening an entry shows that prospect's timeline.
import type { DoneEntry } from '../../store/queue/initialState';
import { useQueueStore } from '../../store/queue';
import { queueSelectors } from '../../store/queue/selectors';
import { ProspectTimeline } from './ProspectTimeline';

export function DoneList() {
  const done = useQueueStore(queueSelectors.done);
  const focused = useQueueStore(queueSelectors.focused);
  const focus = useQueueStore((s) => s.focus);
  if (done.length === 0) return null;
  return (
    <section className="queue-section" aria-labelledby="section-done" data-testid="section-done">
      <header className="queue-section-head">
        <h2 id="section-done">
          Done <span className="count">{done.length}</span>
        </h2>
      </header>
      <ul className="queue-rows" role="list">
        {done.map((d) => (
          <li key={d.seq} className={`queue-row done-row${focused === `done:${d.seq}` ? ' is-focused' : ''}`} data-testid={`done-${d.runId}`} onClick={() => focus(`done:${d.seq}`)}>
            <span className="kind kind-done" aria-hidden="true">
              ✓
            </span>
            <div className="row-main">
              <div className="row-top">
                <button type="button" className="row-name" onClick={() => focus(`done:${d.seq}`)}>
                  {d.prospectName}
                </button>
              </div>
              <div className="row-summary">{d.what}</div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DoneDetail({ entry }: { entry: DoneEntry }) {
  return (
    <article className="detail" data-testid="detail-done" aria-label={`Done: ${entry.prospectName}`}>
      <header className="detail-head">
        <div>
          <h2>{entry.prospectName}</h2>
          <p className="muted">{entry.what}</p>
        </div>
      </header>
      <ProspectTimeline prospectId={entry.prospectId} limit={12} />
    </article>
  );
}
