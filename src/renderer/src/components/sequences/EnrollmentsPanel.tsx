// The prospects in one sequence: status, what comes next and when, pause/resume/finish, and each one's timeline.
import { useCallback, useEffect, useState } from 'react';
import type { Enrollment } from '../../../../shared/contract/enrollments';
import { api } from '../../api/client';
import { EnrollDialog } from './EnrollDialog';
import { EnrollmentActionDialog } from './EnrollmentActionDialog';
import { formatWhen, stepTypeLabel } from './format';
import { ProspectPicker, useProspectSearch } from './ProspectSearch';
import { TimelinePanel } from './TimelinePanel';

export function EnrollmentsPanel({ sequenceId, timeZone }: { sequenceId: number; timeZone?: string }) {
  const [items, setItems] = useState<Enrollment[]>([]);
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState<Enrollment | null>(null);
  const [picking, setPicking] = useState(false);
  const [pending, setPending] = useState<number[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ enrollment: Enrollment; action: 'finish' | 'move' } | null>(null);
  const [search, setSearch] = useState('');
  const matching = useProspectSearch(search);

  // "Now" comes from the engine: in tests its clock is not the wall clock.
  const [now, setNow] = useState<number | null>(null);
  const load = useCallback(() => {
    void Promise.all([api().call('enrollments.list', { sequenceId, limit: 200 }), api().call('engine.status')]).then(([r, status]) => {
      setItems(r.items);
      setTotal(r.total);
      setNow(status.now);
    });
  }, [sequenceId]);
  useEffect(() => {
    load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(load, 200);
    };
    const offs = [api().on('enrollments.changed', soon), api().on('queue.changed', soon)];
    return () => {
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [load]);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div className="enrollments-layout">
      <section className="card wide">
        <div className="card-head">
          <h2>
            Prospects in this sequence <span className="muted">({total})</span>
          </h2>
          <button type="button" className="button" onClick={() => setPicking((p) => !p)}>
            Enroll prospects…
          </button>
        </div>
        {picking && (
          <div className="enroll-picker">
            <ProspectPicker label="Enroll one prospect" onPick={(p) => setPending([p.id])} />
            <div>
              <label htmlFor="enroll-filter">Or everyone matching</label>
              <input id="enroll-filter" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="e.g. a company or a domain" />
              <button type="button" className="button secondary" disabled={matching.length === 0} onClick={() => setPending(matching.map((m) => m.id))}>
                Enroll {matching.length} matching
              </button>
              <p className="hint">Shows up to 50 at a time; from the Prospects screen you can enroll any selection.</p>
            </div>
          </div>
        )}
        {error && <p className="form-error">{error}</p>}
        {items.length === 0 ? (
          <p className="muted">Nobody is enrolled yet.</p>
        ) : (
          <table className="data-table" aria-label="Enrolled prospects">
            <thead>
              <tr>
                <th scope="col">Prospect</th>
                <th scope="col">Status</th>
                <th scope="col">Next</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} aria-selected={selected?.id === e.id}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setSelected(e)}>
                      {e.prospectName}
                    </button>
                    <div className="muted small">{e.prospectEmail}</div>
                  </td>
                  <td>
                    <span className={`badge badge-${e.status}`}>{e.status}</span>
                    {e.status === 'paused' && e.pausedUntil !== null && <div className="muted small">until {formatWhen(e.pausedUntil, timeZone)}</div>}
                    {e.finishReason && <div className="muted small">{e.finishReason.replace(/_/g, ' ')}</div>}
                  </td>
                  <td>
                    {e.next ? (
                      <>
                        Step {e.next.stepPosition + 1} · {stepTypeLabel[e.next.stepType]} · {e.next.state.replace('_', ' ')}
                        {now !== null && !e.next.automatic && e.next.dueAt < now && e.status === 'active' && <span className="badge badge-overdue">overdue</span>}
                        <div className="muted small">
                          {formatWhen(e.next.dueAt, timeZone)}
                          {e.next.reason ? ` · ${e.next.reason}` : ''}
                          {e.next.warning ? ` · ${e.next.warning}` : ''}
                        </div>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
              <div className="row-actions">
                    {e.status === 'active' && (
                      <button type="button" className="button secondary small" onClick={() => void act(() => api().call('enrollments.pause', { id: e.id }))}>
                        Pause
                      </button>
                    )}
                    {e.status === 'paused' && (
                      <button type="button" className="button secondary small" onClick={() => void act(() => api().call('enrollments.resume', { id: e.id }))}>
                        Resume
                      </button>
                    )}
                    {e.status !== 'finished' && (
                      <>
                        <button type="button" className="button secondary small" onClick={() => setDialog({ enrollment: e, action: 'move' })}>
                          Move
                        </button>
                        <button type="button" className="button secondary small" onClick={() => setDialog({ enrollment: e, action: 'finish' })}>
                          Finish
                        </button>
                      </>
                    )}
                  </div>
</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {selected && <TimelinePanel key={selected.prospectId} prospectId={selected.prospectId} title={`Timeline: ${selected.prospectName}`} timeZone={timeZone} />}
      {dialog && (
        <EnrollmentActionDialog
          enrollment={dialog.enrollment}
          action={dialog.action}
          onClose={(changed) => {
            setDialog(null);
            if (changed) load();
          }}
        />
      )}
      {pending && (
        <EnrollDialog
          prospectIds={pending}
          sequenceId={sequenceId}
          onClose={() => {
            setPending(null);
            setPicking(false);
            load();
          }}
        />
      )}
    </div>
  );
}
