// A row of the queue list: who, what and when, with its due state; clicking it opens the item.
import { useEffect, useRef } from 'react';
import type { QueueItem } from '../../../../shared/contract/queue';
import { useQueueStore } from '../../store/queue';
import { queueSelectors } from '../../store/queue/selectors';

const kindLabel = { emails: 'Email', calls: 'Call', tasks: 'Task' } as const;

export function summaryOf(item: QueueItem): string {
  if (item.email) return item.email.subject || '(no subject)';
  if (item.call) return item.call.script.split('\n')[0] ?? '';
  return item.task?.instructions.split('\n')[0] ?? '';
}

export function QueueRow({ item }: { item: QueueItem }) {
  const focused = useQueueStore(queueSelectors.focused) === `run:${item.id}`;
  const selected = useQueueStore(queueSelectors.selected).includes(item.id);
  const error = useQueueStore(queueSelectors.itemErrors)[item.id];
  const focus = useQueueStore((s) => s.focus);
  const toggle = useQueueStore((s) => s.toggleSelected);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);
  const unresolved = (item.email?.missingFields.length ?? 0) > 0;
  return (
    <li
      ref={ref}
      className={`queue-row band-${item.band}${focused ? ' is-focused' : ''}`}
      aria-current={focused ? 'true' : undefined}
      data-testid={`row-${item.id}`}
      data-prospect={item.prospect.name}
      onClick={() => focus(`run:${item.id}`)}
    >
      {item.email && (
        <input
          type="checkbox"
          className="row-check"
          aria-label={`Select the email to ${item.prospect.name}`}
          checked={selected}
          onClick={(e) => e.stopPropagation()}
          onChange={() => toggle(item.id)}
          tabIndex={-1}
        />
      )}
      <span className={`kind kind-${item.section}`} aria-hidden="true">
        {kindLabel[item.section][0]}
      </span>
      <div className="row-main">
        <div className="row-top">
          <button type="button" className="row-name" onClick={() => focus(`run:${item.id}`)}>
            {item.prospect.name}
          </button>
          {item.prospect.company && <span className="row-company">{item.prospect.company}</span>}
        </div>
        <div className="row-summary">{summaryOf(item)}</div>
        {(unresolved || item.state === 'failed' || error) && (
          <div className="row-flag">{error ? error : item.state === 'failed' ? 'Send failed' : `Missing ${item.email!.missingFields.join(', ')}`}</div>
        )}
      </div>
      <div className="row-when">
        <span className={`due due-${item.band}`}>{item.band === 'overdue' ? `Overdue · ${item.dueText}` : item.dueText}</span>
      </div>
    </li>
  );
}
