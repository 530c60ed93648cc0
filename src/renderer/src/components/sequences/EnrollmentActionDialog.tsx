// Finishing an enrollment by hand (with a reason) or moving it to another sequence.
import { useEffect, useRef, useState } from 'react';
import type { Enrollment } from '../../../../shared/contract/enrollments';
import type { SequenceSummary } from '../../../../shared/domain/sequence';
import { api } from '../../api/client';

export function EnrollmentActionDialog({ enrollment, action, onClose }: { enrollment: Enrollment; action: 'finish' | 'move'; onClose(changed: boolean): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [sequences, setSequences] = useState<SequenceSummary[]>([]);
  const [target, setTarget] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ref.current?.showModal?.();
    if (action === 'move')
      void api()
        .call('sequences.list', {})
        .then((list) => {
          const others = list.filter((s) => s.id !== enrollment.sequenceId && s.status !== 'archived' && s.stepCount > 0);
          setSequences(others);
          setTarget(others[0]?.id ?? null);
        });
  }, [action, enrollment.sequenceId]);

  const submit = async () => {
    setError(null);
    try {
      if (action === 'finish') await api().call('enrollments.finish', { id: enrollment.id, reason });
      else if (target !== null) await api().call('enrollments.move', { id: enrollment.id, toSequenceId: target });
      onClose(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="enrollment-action-title" onCancel={() => onClose(false)}>
      <h2 id="enrollment-action-title">
        {action === 'finish' ? 'Finish' : 'Move'} {enrollment.prospectName}
      </h2>
      {action === 'finish' ? (
        <>
          <label htmlFor="finish-reason">Why?</label>
          <input id="finish-reason" type="text" value={reason} placeholder="e.g. Not the right person" onChange={(e) => setReason(e.target.value)} />
          <p className="hint">Pending steps are cancelled; the reason goes in the timeline.</p>
        </>
      ) : (
        <>
          <label htmlFor="move-target">Move to</label>
          <select id="move-target" value={target ?? ''} onChange={(e) => setTarget(Number(e.target.value))}>
            {sequences.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {sequences.length === 0 && <p className="muted">There is no other sequence with steps to move to.</p>}
          <p className="hint">This sequence finishes for them (“moved”) and the other one starts from its first step.</p>
        </>
      )}
      {error && <p className="form-error">{error}</p>}
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={() => onClose(false)}>
          Cancel
        </button>
        <button type="button" className="button" disabled={action === 'finish' ? !reason.trim() : target === null} onClick={() => void submit()}>
          {action === 'finish' ? 'Finish enrollment' : 'Move'}
        </button>
      </div>
    </dialog>
  );
}
