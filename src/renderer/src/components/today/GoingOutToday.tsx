// "Going out today": automatic emails planned for today with their times (yours and theirs) against the day's cap.
import { useEffect, useRef } from 'react';
import type { GoingOutItem, TodayView } from '../../../../shared/contract/queue';
import { useQueueStore } from '../../store/queue';
import { queueSelectors } from '../../store/queue/selectors';

const statusText: Record<GoingOutItem['status'], string> = {
  planned: 'Planned',
  over_cap: 'Over today’s cap: moves to tomorrow',
  waiting_mailbox: 'Waits for a mailbox',
};

export function GoingOutToday({ goingOut }: { goingOut: TodayView['goingOut'] }) {
  return (
    <section className="queue-section" aria-labelledby="section-out" data-testid="section-going-out">
      <header className="queue-section-head">
        <h2 id="section-out">
          Going out today <span className="count">{goingOut.items.length}</span>
        </h2>
        <span className="spacer" />
        <span className="muted cap" data-testid="cap">
          {goingOut.mailbox ? `${goingOut.sentToday} of ${goingOut.dailyCap} sent from ${goingOut.mailbox}` : `Daily cap ${goingOut.dailyCap}`}
        </span>
      </header>
      {goingOut.items.length === 0 ? (
        <p className="queue-empty muted">No automatic emails planned for the rest of today.</p>
      ) : (
        <ul className="queue-rows" role="list">
          {goingOut.items.map((i) => (
            <GoingOutRow key={i.id} item={i} />
          ))}
        </ul>
      )}
    </section>
  );
}

function GoingOutRow({ item }: { item: GoingOutItem }) {
  const focused = useQueueStore(queueSelectors.focused) === `out:${item.id}`;
  const focus = useQueueStore((s) => s.focus);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);
  return (
    <li ref={ref} className={`queue-row out-${item.status}${focused ? ' is-focused' : ''}`} aria-current={focused ? 'true' : undefined} data-testid={`out-${item.id}`} onClick={() => focus(`out:${item.id}`)}>
      <span className="kind kind-auto" aria-hidden="true">
        A
      </span>
      <div className="row-main">
        <div className="row-top">
          <button type="button" className="row-name" onClick={() => focus(`out:${item.id}`)}>
            {item.prospectName}
          </button>
          {item.company && <span className="row-company">{item.company}</span>}
        </div>
        <div className="row-summary">{item.subject || '(reply in thread)'}</div>
      </div>
      <div className="row-when">
        <span className="due">{item.repTime}</span>
        <span className="muted small">{item.prospectTime}</span>
      </div>
    </li>
  );
}

export function GoingOutDetail({ item }: { item: GoingOutItem }) {
  const holdBack = useQueueStore((s) => s.holdBack);
  const busy = useQueueStore(queueSelectors.busy);
  return (
    <article className="detail" data-testid="detail-going-out" aria-label={`Automatic email to ${item.prospectName}`}>
      <header className="detail-head">
        <div>
          <h2>{item.prospectName}</h2>
          <p className="muted">
            {item.company ? `${item.company} · ` : ''}
            {item.prospectEmail}
          </p>
        </div>
        <dl className="detail-facts">
          <div>
            <dt>Your time</dt>
            <dd>{item.repTime}</dd>
          </div>
          <div>
            <dt>Their time</dt>
            <dd title={item.prospectTimeZone}>{item.prospectTime}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd className={`status-${item.status}`}>{statusText[item.status]}</dd>
          </div>
        </dl>
      </header>
      <p>
        <strong>{item.subject || '(reply in the same thread)'}</strong>
      </p>
      <p className="muted">
        {item.sequenceName} · {item.stepLabel}. It goes out by itself at its time.
        {item.reason ? ` ${item.reason}` : ''}
      </p>
      <div className="detail-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void holdBack(item.id)}>
          Hold back and edit <kbd>h</kbd>
        </button>
        <p className="hint">It moves to “Emails to approve” and waits for you.</p>
      </div>
    </article>
  );
}
