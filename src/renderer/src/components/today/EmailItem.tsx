// An email to approve: the rendered preview (sanitised in core), the editor, and approve / skip / reschedule.
import type { QueueItem } from '../../../../shared/contract/queue';
import { displayEmail } from '../../lib/displayEmail';
import { useQueueStore } from '../../store/queue';
import { queueSelectors } from '../../store/queue/selectors';
import { ItemActions } from './ItemActions';
import { ItemHeader } from './ItemHeader';
import { ProspectTimeline } from './ProspectTimeline';

export function EmailItem({ item, now }: { item: QueueItem; now: number }) {
  const email = item.email!;
  const editing = useQueueStore(queueSelectors.editing);
  const busy = useQueueStore(queueSelectors.busy);
  const { approve, retry, startEdit, changeDraft, cancelEdit } = useQueueStore.getState();
  const draft = editing?.id === item.id ? editing : null;
  const unresolved = draft ? /\{\{|\{%/.test(draft.subject + draft.body) : email.missingFields.length > 0;
  return (
    <article className="detail" data-testid="detail-email" aria-label={`Email to ${item.prospect.name}`}>
      <ItemHeader item={item} />
      {item.state === 'failed' && <p className="banner banner-danger">Not sent: {item.reason}. Send it again, or skip it.</p>}
      {email.missingFields.length > 0 && (
        <p className="banner banner-warning" data-testid="missing-fields">
          No value for <strong>{email.missingFields.join(', ')}</strong>. Edit the email (<kbd>e</kbd>) and write those words in; bulk approval leaves it here.
        </p>
      )}
      {draft ? (
        <form
          className="email-editor"
          onSubmit={(e) => {
            e.preventDefault();
            void approve(item.id);
          }}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter approves from inside the editor.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void approve(item.id);
            }
          }}
        >
          <label htmlFor={`subject-${item.id}`}>Subject</label>
          <input id={`subject-${item.id}`} type="text" value={draft.subject} onChange={(e) => changeDraft({ subject: e.target.value })} autoFocus={!email.threadReply} />
          <label htmlFor={`body-${item.id}`}>Message</label>
          <textarea id={`body-${item.id}`} rows={12} value={draft.body} onChange={(e) => changeDraft({ body: e.target.value })} autoFocus={email.threadReply} />
          <p className="hint">
            To {displayEmail(item.prospect.email)}
            {email.threadReply ? ' · a reply in the same thread' : ''} · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> approves, <kbd>Esc</kbd> cancels
          </p>
          <ItemActions item={item} now={now}>
            <button type="submit" className="button" disabled={busy || unresolved} title={unresolved ? 'Replace every {{ … }} first' : undefined}>
              Approve and send
            </button>
            <button type="button" className="button secondary" onClick={cancelEdit}>
              Cancel
            </button>
          </ItemActions>
        </form>
      ) : (
        <>
          <div className="email-preview">
            <div className="email-meta">
              <span className="muted">To</span> {item.prospect.name} &lt;{displayEmail(item.prospect.email)}&gt;
            </div>
            <div className="email-subject" data-testid="email-subject">
              {email.subject || <span className="muted">(no subject)</span>}
            </div>
            {/* Sanitised in core (sanitize-html: no scripts, styles or images); nothing here can run or load. */}
            <div className="email-body" data-testid="email-body" dangerouslySetInnerHTML={{ __html: email.html }} />
          </div>
          <ItemActions item={item} now={now}>
            {item.actions.includes('retry') ? (
              <button type="button" className="button" disabled={busy} onClick={() => void retry(item.id)}>
                Send again <kbd>a</kbd>
              </button>
            ) : (
              <>
                <button type="button" className="button" disabled={busy || !item.actions.includes('approve')} onClick={() => void approve(item.id)}>
                  Approve <kbd>a</kbd>
                </button>
                <button type="button" className="button secondary" onClick={() => startEdit(item.id)}>
                  Edit <kbd>e</kbd>
                </button>
              </>
            )}
          </ItemActions>
        </>
      )}
      <ProspectTimeline prospectId={item.prospect.id} />
    </article>
  );
}
