// A call to place: who and when it is for them, the Call button (the OS dials), the script, the outcome logger and recent history.
import { callExtensionHint, callOutcomeKeys, callOutcomeLabels, outcomeEffect } from '../../../../shared/domain/calling';
import { callOutcomes } from '../../../../shared/domain/sequence';
import type { QueueItem } from '../../../../shared/contract/queue';
import { useQueueStore } from '../../store/queue';
import { queueSelectors } from '../../store/queue/selectors';
import { ItemActions } from './ItemActions';
import { ItemHeader } from './ItemHeader';
import { ProspectTimeline } from './ProspectTimeline';

const effectText = { finishes: 'finishes the sequence for them', next_step: 'moves them to the next step', completes: 'completes the sequence (last step)' };

export function CallItem({ item, now }: { item: QueueItem; now: number }) {
  const call = item.call!;
  const logging = useQueueStore(queueSelectors.logging);
  const busy = useQueueStore(queueSelectors.busy);
  const { call: dial, startLogging, chooseOutcome, changeNotes, logCall, cancelLogging } = useQueueStore.getState();
  const log = logging?.id === item.id ? logging : null;
  return (
    <article className="detail" data-testid="detail-call" aria-label={`Call ${item.prospect.name}`}>
      <ItemHeader item={item} />
      <div className="call-line">
        <span className="phone" data-testid="phone">
          {item.prospect.phoneText ?? 'No phone number'}
        </span>
        <button type="button" className="button" disabled={busy || !item.prospect.phone} onClick={() => void dial(item.id)}>
          Call <kbd>c</kbd>
        </button>
        {!log && (
          <button type="button" className="button secondary" onClick={() => startLogging(item.id)}>
            Log a call <kbd>l</kbd>
          </button>
        )}
      </div>
      {log?.uri && (
        <p className="hint" data-testid="call-opened">
          Opened {log.uri} in your phone app. {callExtensionHint(log.uri, item.prospect.phoneExt)} Log the outcome when you hang up (keys 1–5).
        </p>
      )}
      <section className="script">
        <h3>Call script</h3>
        <p>{call.script}</p>
      </section>
      {log && (
        <form
          className="outcome-logger"
          data-testid="outcome-logger"
          onSubmit={(e) => {
            e.preventDefault();
            void logCall();
          }}
        >
          <h3>How did it go?</h3>
          <div className="outcomes" role="radiogroup" aria-label="Call outcome">
            {callOutcomes.map((o) => (
              <button
                key={o}
                type="button"
                role="radio"
                aria-checked={log.outcome === o}
                className={`outcome${log.outcome === o ? ' is-chosen' : ''}`}
                onClick={() => chooseOutcome(o)}
              >
                <kbd>{callOutcomeKeys[o]}</kbd> {callOutcomeLabels[o]}
              </button>
            ))}
          </div>
          <input
            id={`call-notes-${item.id}`}
            type="text"
            placeholder="Notes (optional), Enter to log"
            aria-label="Call notes"
            value={log.notes}
            onChange={(e) => changeNotes(e.target.value)}
          />
          {log.outcome && (
            <p className="hint">
              {callOutcomeLabels[log.outcome as keyof typeof callOutcomeLabels]} {effectText[outcomeEffect(log.outcome as (typeof callOutcomes)[number], call.stopOnCallOutcomes, item.isLastStep)]}.
            </p>
          )}
          <div className="detail-actions">
            <button type="submit" className="button" disabled={busy || !log.outcome}>
              Log outcome
            </button>
            <button type="button" className="button secondary" onClick={cancelLogging}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ItemActions item={item} now={now} />
      <ProspectTimeline prospectId={item.prospect.id} initial={call.recent} limit={5} />
    </article>
  );
}
