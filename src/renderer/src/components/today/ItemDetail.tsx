// The right-hand pane: the focused row, shown as its kind of item.
import { useQueueStore } from '../../store/queue';
import { queueSelectors } from '../../store/queue/selectors';
import { CallItem } from './CallItem';
import { ChangedDetail } from './ChangedOvernight';
import { DoneDetail } from './DoneList';
import { EmailItem } from './EmailItem';
import { GoingOutDetail } from './GoingOutToday';
import { TaskItem } from './TaskItem';

export function ItemDetail() {
  const view = useQueueStore(queueSelectors.view);
  const focused = useQueueStore(queueSelectors.focused);
  const item = useQueueStore(queueSelectors.focusedItem);
  const done = useQueueStore(queueSelectors.done);
  if (!view || !focused) return <p className="detail-empty muted">Choose an item (j / k) to see it here.</p>;
  if (item?.section === 'emails') return <EmailItem key={item.id} item={item} now={view.now} />;
  if (item?.section === 'calls') return <CallItem key={item.id} item={item} now={view.now} />;
  if (item?.section === 'tasks') return <TaskItem key={item.id} item={item} now={view.now} />;
  if (focused.startsWith('out:')) {
    const out = view.goingOut.items.find((o) => `out:${o.id}` === focused);
    if (out) return <GoingOutDetail key={out.id} item={out} now={view.now} />;
  }
  if (focused.startsWith('changed:')) {
    const c = view.changed.find((x) => `changed:${x.eventId}` === focused);
    if (c) return <ChangedDetail key={c.eventId} item={c} />;
  }
  if (focused.startsWith('done:')) {
    const entry = done.find((d) => `done:${d.seq}` === focused);
    if (entry) return <DoneDetail key={entry.seq} entry={entry} />;
  }
  return <p className="detail-empty muted">This item is no longer in the queue.</p>;
}
