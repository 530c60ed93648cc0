// Shows the draft sequence for one prospect: every email rendered with their fields and when each step would land.
import { useEffect, useState } from 'react';
import type { SequencePreview as Preview } from '../../../../shared/contract/sequences';
import type { SequenceInput } from '../../../../shared/domain/sequence';
import { api, ApiCallError } from '../../api/client';
import { stepTypeLabel } from './format';
import { ProspectPicker, type FoundProspect } from './ProspectSearch';

export function SequencePreview({ draft }: { draft: SequenceInput }) {
  const [prospect, setProspect] = useState<FoundProspect | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!prospect) return;
    let live = true;
    api()
      .call('sequences.preview', { prospectId: prospect.id, sequence: draft })
      .then((p) => live && (setPreview(p), setError(null)))
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiCallError && err.error.code === 'invalid_request' && err.error.issues?.length)
          setError(`The sequence is not complete yet: ${err.error.issues.map((i) => `${i.path.replace(/^sequence\./, '').replace(/^steps\.(\d+)/, (_, n: string) => `step ${Number(n) + 1}`)}: ${i.message}`).join('; ')}.`);
        else setError(err instanceof Error ? err.message : String(err));
      });
    return () => {
      live = false;
    };
  }, [prospect, draft]);

  return (
    <div className="preview-layout">
      <aside className="card">
        <ProspectPicker label="Preview for" onPick={setProspect} />
      </aside>
      <section aria-label="Preview" className="preview-steps">
        {!prospect && <p className="muted">Choose a prospect to see every email with their details and when each step would land for them.</p>}
        {error && <p className="form-error">{error}</p>}
        {preview && (
          <>
            <p className="preview-meta" data-testid="preview-meta">
              For <strong>{preview.prospectName}</strong>, in {preview.timeZone} ({preview.timeZoneSource === 'prospect' ? 'their time zone' : preview.timeZoneSource === 'rep' ? 'your time zone: theirs is unknown' : 'the sequence’s fixed zone'}
              ), holidays of {preview.country}. Starting now.
            </p>
            <ol className="timeline-preview">
              {preview.steps.map((s) => (
                <li key={s.index} className="preview-step" data-testid={`preview-step-${s.index}`}>
                  <div className="preview-when">
                    <strong>Step {s.index + 1}</strong> · {stepTypeLabel[s.type]} · <span data-testid="preview-due">{s.localDueAt}</span>
                  </div>
                  {s.emails.map((e) => (
                    <article key={e.variant} className="email-preview">
                      {s.emails.length > 1 && <p className="muted">Variant {String.fromCharCode(65 + e.variant)}</p>}
                      <p className="email-subject">{e.subject || <em className="muted">(no subject)</em>}</p>
                      {/* Sanitised in core (sanitize-html): formatting and links only. */}
                      <div className="email-body" dangerouslySetInnerHTML={{ __html: e.html }} />
                      {e.missingFields.length > 0 && (
                        <p className="warning" role="note">
                          Missing for this prospect: {e.missingFields.join(', ')}. This email will wait in the queue for you instead of being sent automatically.
                        </p>
                      )}
                    </article>
                  ))}
                  {s.note && <p className="muted">{s.note}</p>}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}
