// Enrolls prospects (a list, or everyone matching a filter) in a sequence and shows who was refused and why. Usable from any screen.
import { useEffect, useRef, useState } from 'react';
import type { RequestOf, ResponseOf } from '../../../../shared/contract';
import type { SequenceSummary } from '../../../../shared/domain/sequence';
import { api } from '../../api/client';

type Result = ResponseOf<'enrollments.create'>;
type Refused = Result['results'][number];
export type EnrollFilter = NonNullable<RequestOf<'enrollments.create'>['filter']>;

/** A long refusal list is cut here; the summary line still counts every one. */
const shownRefusals = 200;

export interface EnrollDialogProps {
  /** The prospects to enroll; the dialog's count is their number unless `count` says otherwise. */
  prospectIds?: number[];
  /** Or everyone matching this filter (the server resolves it, so the list can be any size). */
  filter?: EnrollFilter;
  /** How many prospects the rep is enrolling, as shown in the title. */
  count?: number;
  /** What the prospects are, e.g. "from fair.csv" (shown after the count). */
  description?: string;
  /** A sentence shown before enrolling, e.g. which prospects will be refused. */
  note?: string;
  sequenceId?: number;
  onClose(enrolled: number): void;
}

export function EnrollDialog({ prospectIds, filter, count, description, note, sequenceId, onClose }: EnrollDialogProps) {
  const [sequences, setSequences] = useState<SequenceSummary[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(sequenceId ?? null);
  const [allowElsewhere, setAllowElsewhere] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [extra, setExtra] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const n = count ?? prospectIds?.length ?? 0;
  const enrolled = (result?.enrolled ?? 0) + extra;

  useEffect(() => {
    ref.current?.showModal?.();
    void api()
      .call('sequences.list', {})
      .then(
        (list) => {
          const live = list.filter((s) => s.status !== 'archived' && s.stepCount > 0);
          setSequences(live);
          setChosen((c) => c ?? live[0]?.id ?? null);
        },
        (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
      );
  }, []);

  const enroll = async () => {
    if (chosen === null) return;
    setBusy(true);
    setError(null);
    try {
      const target = filter ? { filter } : { prospectIds: prospectIds ?? [] };
      setResult(await api().call('enrollments.create', { sequenceId: chosen, ...target, allowActiveElsewhere: allowElsewhere }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  /** The rep allows this one prospect to be in two sequences at once. */
  const enrollAnyway = async (ids: number[]) => {
    if (chosen === null || !result) return;
    setBusy(true);
    setError(null);
    try {
      const again = await api().call('enrollments.create', { sequenceId: chosen, prospectIds: ids, allowActiveElsewhere: true });
      const now = new Map(again.results.map((r) => [r.prospectId, r]));
      setResult({ ...result, results: result.results.map((r) => now.get(r.prospectId) ?? r) });
      setExtra((x) => x + again.enrolled);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const refused = result?.results.filter((r) => r.refusal) ?? [];
  const elsewhere = refused.filter((r) => r.refusal!.code === 'active_elsewhere');
  const noSequence = sequences !== null && sequences.length === 0;
  return (
    <dialog ref={ref} className="dialog enroll-dialog" aria-labelledby="enroll-title" onCancel={() => onClose(enrolled)}>
      <h2 id="enroll-title">
        Enroll {n.toLocaleString()} prospect{n === 1 ? '' : 's'}
        {description ? ` ${description}` : ''}
      </h2>
      {!result && (
        <>
          {note && <p className="hint">{note}</p>}
          {noSequence ? (
            <p className="form-error">There is no sequence with steps to enroll in yet. Create one under Sequences (or start from the library), then come back.</p>
          ) : (
            <>
              <label htmlFor="enroll-sequence">Sequence</label>
              <select id="enroll-sequence" value={chosen ?? ''} disabled={sequences === null} onChange={(e) => setChosen(Number(e.target.value))}>
                {(sequences ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                    {s.status === 'paused' ? ' (paused)' : ''}
                  </option>
                ))}
              </select>
              <label className="check">
                <input type="checkbox" checked={allowElsewhere} onChange={(e) => setAllowElsewhere(e.target.checked)} />
                Also enroll prospects who are active in another sequence
              </label>
            </>
          )}
          {error && <p className="form-error" role="alert">{error}</p>}
          <div className="form-actions">
            <button type="button" className="button secondary" onClick={() => onClose(0)}>
              Cancel
            </button>
            <button type="button" className="button" disabled={busy || chosen === null || n === 0} onClick={() => void enroll()}>
              {busy ? 'Enrolling…' : 'Enroll'}
            </button>
          </div>
        </>
      )}
      {result && (
        <>
          <p data-testid="enroll-summary">
            {enrolled.toLocaleString()} enrolled{refused.length ? `, ${refused.length.toLocaleString()} not enrolled` : ''}.
          </p>
          {refused.length > 0 && (
            <ul className="refusals" aria-label="Not enrolled">
              {refused.slice(0, shownRefusals).map((r) => (
                <RefusalItem key={r.prospectId} item={r} busy={busy} onAllow={() => void enrollAnyway([r.prospectId])} />
              ))}
              {refused.length > shownRefusals && <li className="muted">and {(refused.length - shownRefusals).toLocaleString()} more.</li>}
            </ul>
          )}
          {error && <p className="form-error" role="alert">{error}</p>}
          <div className="form-actions">
            {elsewhere.length > 1 && (
              <button type="button" className="button secondary" disabled={busy} onClick={() => void enrollAnyway(elsewhere.map((r) => r.prospectId))}>
                Enroll all {elsewhere.length.toLocaleString()} anyway
              </button>
            )}
            <button type="button" className="button" onClick={() => onClose(enrolled)}>
              Done
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

function RefusalItem({ item, busy, onAllow }: { item: Refused; busy: boolean; onAllow(): void }) {
  return (
    <li data-code={item.refusal!.code}>
      <span>{item.refusal!.message}</span>
      {item.refusal!.code === 'active_elsewhere' && (
        <button type="button" className="link-button" disabled={busy} onClick={onAllow}>
          Enroll anyway
        </button>
      )}
    </li>
  );
}
