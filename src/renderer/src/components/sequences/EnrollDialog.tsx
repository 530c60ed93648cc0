// Enrolls a list of prospects in a sequence and shows who was refused and why. Usable from any screen.
import { useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import type { SequenceSummary } from '../../../../shared/domain/sequence';
import { api } from '../../api/client';

type Result = ResponseOf<'enrollments.create'>;

export function EnrollDialog({ prospectIds, sequenceId, onClose }: { prospectIds: number[]; sequenceId?: number; onClose(enrolled: number): void }) {
  const [sequences, setSequences] = useState<SequenceSummary[]>([]);
  const [chosen, setChosen] = useState<number | null>(sequenceId ?? null);
  const [allowElsewhere, setAllowElsewhere] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    ref.current?.showModal?.();
    void api()
      .call('sequences.list', {})
      .then((list) => {
        const live = list.filter((s) => s.status !== 'archived' && s.stepCount > 0);
        setSequences(live);
        setChosen((c) => c ?? live[0]?.id ?? null);
      });
  }, []);

  const enroll = async () => {
    if (chosen === null) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api().call('enrollments.create', { sequenceId: chosen, prospectIds, allowActiveElsewhere: allowElsewhere }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="enroll-title" onCancel={() => onClose(result?.enrolled ?? 0)}>
      <h2 id="enroll-title">
        Enroll {prospectIds.length} prospect{prospectIds.length === 1 ? '' : 's'}
      </h2>
      {!result && (
        <>
          <label htmlFor="enroll-sequence">Sequence</label>
          <select id="enroll-sequence" value={chosen ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
            {sequences.map((s) => (
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
          {error && <p className="form-error">{error}</p>}
          <div className="form-actions">
            <button type="button" className="button secondary" onClick={() => onClose(0)}>
              Cancel
            </button>
            <button type="button" className="button" disabled={busy || chosen === null} onClick={() => void enroll()}>
              Enroll
            </button>
          </div>
        </>
      )}
      {result && (
        <>
          <p data-testid="enroll-summary">
            {result.enrolled} enrolled{result.refused ? `, ${result.refused} not enrolled` : ''}.
          </p>
          {result.refused > 0 && (
            <ul className="refusals">
              {result.results
                .filter((r) => r.refusal)
                .map((r) => (
                  <li key={r.prospectId}>{r.refusal!.message}</li>
                ))}
            </ul>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => onClose(result.enrolled)}>
              Done
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
