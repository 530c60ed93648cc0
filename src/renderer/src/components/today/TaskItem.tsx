// A task: the instructions, a note and "Done" (d, then Enter), or skip / reschedule.
import { useState } from 'react';
import type { QueueItem } from '../../../../shared/contract/queue';
import { useQueueStore } from '../../store/queue';
import { queueSelectors } from '../../store/queue/selectors';
import { ItemActions } from './ItemActions';
import { ItemHeader } from './ItemHeader';
import { ProspectTimeline } from './ProspectTimeline';

export function TaskItem({ item, now }: { item: QueueItem; now: number }) {
  const [note, setNote] = useState('');
  const busy = useQueueStore(queueSelectors.busy);
  const complete = useQueueStore((s) => s.complete);
  return (
    <article className="detail" data-testid="detail-task" aria-label={`Task for ${item.prospect.name}`}>
      <ItemHeader item={item} />
      <section className="script">
        <h3>What to do</h3>
        <p>{item.task!.instructions}</p>
      </section>
      <form
        className="task-done"
        onSubmit={(e) => {
          e.preventDefault();
          void complete(item.id, note);
        }}
      >
        <input id={`task-note-${item.id}`} type="text" aria-label="Task note" placeholder="What did you find or do? (optional), Enter to mark done" value={note} onChange={(e) => setNote(e.target.value)} />
        <ItemActions item={item} now={now}>
          <button type="submit" className="button" disabled={busy}>
            Mark done <kbd>d</kbd>
          </button>
        </ItemActions>
      </form>
      <ProspectTimeline prospectId={item.prospect.id} />
    </article>
  );
}
