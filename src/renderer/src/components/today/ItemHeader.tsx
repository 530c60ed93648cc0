// Who the item is about: name, title and company, their local time, the sequence step, and the demo badge.
import type { QueueItem } from '../../../../shared/contract/queue';
import { displayEmail } from '../../lib/displayEmail';

export function ItemHeader({ item }: { item: QueueItem }) {
  const p = item.prospect;
  return (
    <header className="detail-head">
      <div>
        <h2>
          {p.name} {p.demo && <span className="badge badge-demo">Demo data</span>}
        </h2>
        <p className="muted">
          {[p.title, p.company].filter(Boolean).join(' · ')}
          {p.email && <> · {displayEmail(p.email)}</>}
        </p>
      </div>
      <dl className="detail-facts">
        <div>
          <dt>Their time</dt>
          <dd data-testid="local-time" title={`${p.timeZone}${p.timeZoneSource === 'rep' ? ' (unknown; your time zone is used)' : ''}`}>
            {p.localTime}
            {p.timeZoneSource === 'rep' && <span className="muted"> (your zone)</span>}
            {p.offHours && item.section === 'calls' && <span className="pill pill-warning">Outside their working hours</span>}
          </dd>
        </div>
        <div>
          <dt>Step</dt>
          <dd>
            {item.sequenceName} · {item.stepLabel}
          </dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd className={`due-${item.band}`}>{item.band === 'overdue' ? `Overdue since ${item.dueText}` : item.band === 'later' ? `Later today, ${item.dueText}` : item.dueText}</dd>
        </div>
      </dl>
    </header>
  );
}
