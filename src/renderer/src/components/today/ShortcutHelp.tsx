// The visible list of keyboard shortcuts (?), so the rep can work the queue without the mouse.
import { useQueueStore } from '../../store/queue';
import { queueSelectors } from '../../store/queue/selectors';

export const shortcuts: [string, string][] = [
  ['j / ↓', 'Next item'],
  ['k / ↑', 'Previous item'],
  ['a', 'Approve the email'],
  ['e / Enter', 'Edit the email'],
  ['x', 'Tick an email for bulk approval'],
  ['Shift+A', 'Approve ticked (or all) emails'],
  ['s', 'Skip'],
  ['r', 'Reschedule (or hold back a send)'],
  ['c', 'Call (then 1–5 for the outcome, notes, Enter)'],
  ['l', 'Log a call placed elsewhere'],
  ['d', 'Mark the task done (type a note, Enter)'],
  ['h', 'Send an email going out today to approval'],
  ['Esc', 'Close the editor or panel'],
  ['?', 'Show or hide this help'],
];

export function ShortcutHelp() {
  const open = useQueueStore(queueSelectors.helpOpen);
  const setHelp = useQueueStore((s) => s.setHelp);
  if (!open) return null;
  return (
    <div className="modal-backdrop" onClick={() => setHelp(false)}>
      <div className="modal shortcut-help" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcut-list">
          {shortcuts.map(([k, what]) => (
            <div key={k}>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="button secondary" onClick={() => setHelp(false)} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
