// The actions every queue item shares (skip, reschedule), its last error, and the reschedule choices when open.
import type { ReactNode } from 'react';
import type { QueueItem } from '../../../../shared/contract/queue';
import { useQueueStore } from '../../store/queue';
import { queueSelectors } from '../../store/queue/selectors';
import { RescheduleMenu } from './RescheduleMenu';

export function ItemActions({ item, now, children }: { item: QueueItem; now: number; children?: ReactNode }) {
  const busy = useQueueStore(queueSelectors.busy);
  const error = useQueueStore(queueSelectors.itemErrors)[item.id];
  const rescheduling = useQueueStore(queueSelectors.rescheduling) === item.id;
  const skip = useQueueStore((s) => s.skip);
  const openReschedule = useQueueStore((s) => s.openReschedule);
  return (
    <>
      {error && (
        <p className="item-error" role="alert">
          {error}
        </p>
      )}
      <div className="detail-actions">
        {children}
        <span className="spacer" />
        {item.actions.includes('reschedule') && (
          <button type="button" className="button secondary" disabled={busy} onClick={() => openReschedule(rescheduling ? null : item.id)} aria-expanded={rescheduling}>
            Reschedule <kbd>r</kbd>
          </button>
        )}
        {item.actions.includes('skip') && (
          <button type="button" className="button secondary" disabled={busy} onClick={() => void skip(item.id)}>
            Skip <kbd>s</kbd>
          </button>
        )}
      </div>
      {rescheduling && <RescheduleMenu id={item.id} now={now} />}
    </>
  );
}
