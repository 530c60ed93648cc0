// "Going out today": automatic emails planned for today with their times (yours and theirs) against the day's cap.
import { useEffect, useRef } from 'react';
import type { GoingOutItem, TodayView } from '../../../../shared/contract/queue';
import { useQueueStore } from '../../store/queue';
import { queueSelectors } from '../../store/queue/selectors';
import { RescheduleMenu } from './RescheduleMenu';

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
        {item.status !== 'planned' && <div className="row-flag">{statusText[item.status]}</div>}
      </div>
      <div className="row-when">
        <span className="due">{item.repTime}</span>
        <span className="muted small">{item.prospectTime}</span>
      </div>
    </li>
  );
}

export function GoingOutDetail({ item, now }: { item: GoingOutItem; now: number }) {
  const holdBack = useQueueStore((s) => s.holdBack);
  const openReschedule = useQueueStore((s) => s.openReschedule);
  const rescheduling = useQueueStore(queueSelectors.rescheduling) === item.id;
  const error = useQueueStore(queueSelectors.itemErrors)[item.id];
  const busy = useQueueStore(queueSelectors.busy);
  return (
    <article className="detail" data-testid="detail-going-out" aria-label={`Automatic email to ${item.prospectName}`}>
      <header className="detail-head">
        <div>
          <h2>
            {item.prospectName} {item.demo && <span className="badge badge-demo">Demo data</span>}
          </h2>
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
      <p className="muted">
        {item.sequenceName} · {item.stepLabel}. It goes out by itself at its time.
        {item.reason ? ` ${item.reason}` : ''}
      </p>
      <div className="email-preview">
        <div className="email-meta">
          <span className="muted">To</span> {item.prospectName} &lt;{item.prospectEmail}&gt;
        </div>
        <div className="email-subject">{item.subject || <span className="muted">(reply in the same thread)</span>}</div>
        {/* Sanitised in core (sanitize-html); nothing here can run or load. */}
        <div className="email-body" dangerouslySetInnerHTML={{ __html: item.html }} />
      </div>
      {error && (
        <p className="item-error" role="alert">
          {error}
        </p>
      )}
      <div className="detail-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void holdBack(item.id)}>
          Send to approval and edit <kbd>h</kbd>
        </button>
        {item.actions.includes('reschedule') && (
          <button type="button" className="button secondary" disabled={busy} onClick={() => openReschedule(rescheduling ? null : item.id)} aria-expanded={rescheduling}>
            Hold back to later <kbd>r</kbd>
          </button>
        )}
      </div>
      <p className="hint">Sent to approval, it waits in “Emails to approve” until you approve it; held back, it goes out by itself at the new time.</p>
      {rescheduling && <RescheduleMenu id={item.id} now={now} />}
    </article>
  );
}
