// The list of sequences with their status and counts, and the ways to start a new one.
import { useState, type FormEvent } from 'react';
import type { SequenceSummary } from '../../../../shared/domain/sequence';
import { useSequencesStore } from '../../store/sequences';
import { stepTypeShort } from './format';

export function SequenceList({ list, onOpen }: { list: SequenceSummary[]; onOpen: (id: number) => void }) {
  const { setStatus, duplicate } = useSequencesStore.getState();
  if (list.length === 0) return null;
  return (
    <table className="data-table" aria-label="Sequences">
      <thead>
        <tr>
          <th scope="col">Sequence</th>
          <th scope="col">Status</th>
          <th scope="col">Steps</th>
          <th scope="col">Active</th>
          <th scope="col">Paused</th>
          <th scope="col">Finished</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((s) => (
          <tr key={s.id} data-testid={`sequence-row-${s.id}`}>
            <td>
              <button type="button" className="link-button" onClick={() => onOpen(s.id)}>
                {s.name}
              </button>
            </td>
            <td>
              <span className={`badge badge-${s.status}`}>{s.status}</span>
            </td>
            <td>
              <span className="step-chips" aria-label={`${s.stepCount} steps`}>
                {s.stepTypes.map((t, i) => (
                  <span key={i} className={`chip chip-${t}`}>
                    {stepTypeShort[t]}
                  </span>
                ))}
              </span>
            </td>
            <td>{s.counts.active}</td>
            <td>{s.counts.paused}</td>
            <td>{s.counts.finished}</td>
            <td>
              <div className="row-actions">
              {s.status === 'active' && (
                <button type="button" className="button secondary small" onClick={() => void setStatus(s.id, 'paused')}>
                  Pause
                </button>
              )}
              {s.status !== 'active' && (
                <button type="button" className="button secondary small" onClick={() => void setStatus(s.id, 'active')}>
                  {s.status === 'archived' ? 'Restore' : 'Resume'}
                </button>
              )}
              <button type="button" className="button secondary small" onClick={() => void duplicate(s.id)}>
                Duplicate
              </button>
              {s.status !== 'archived' && (
                <button type="button" className="button secondary small" onClick={() => void setStatus(s.id, 'archived')}>
                  Archive
                </button>
              )}
            </div>
</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NewSequence({ onCreated }: { onCreated: (id: number) => void }) {
  const starters = useSequencesStore((s) => s.starters);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('Give the sequence a name');
    try {
      onCreated(await useSequencesStore.getState().createBlank(name.trim()));
      setName('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section className="new-sequence" aria-labelledby="new-sequence-heading">
      <h2 id="new-sequence-heading">Start a sequence</h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="new-sequence-name">Name</label>
        <input id="new-sequence-name" type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Q3 outbound, fintech" />
        <button type="submit" className="button">
          Create blank sequence
        </button>
      </form>
      {error && <p className="field-error">{error}</p>}
      <h3 className="subhead">Or start from the library</h3>
      <ul className="starter-grid">
        {starters.map((s) => (
          <li key={s.key} className="starter-card">
            <h4>{s.name}</h4>
            <p>{s.description}</p>
            <p className="muted">{s.stepCount} steps</p>
            <button type="button" className="button secondary" onClick={() => void useSequencesStore.getState().createFromStarter(s.key).then(onCreated)}>
              Use “{s.name}”
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
