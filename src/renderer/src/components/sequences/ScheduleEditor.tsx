// The sequence's sending days and hours, time zone handling, holidays, and what a logged call does.
import { callOutcomes, type SequenceInput } from '../../../../shared/domain/sequence';

const dayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const outcomeLabel = { connected: 'Connected', voicemail: 'Voicemail', no_answer: 'No answer', wrong_number: 'Wrong number', meeting_booked: 'Meeting booked' };

export function ScheduleEditor({ draft, timeZones, errors, onChange }: { draft: SequenceInput; timeZones: string[]; errors: Record<string, string>; onChange(d: SequenceInput): void }) {
  const s = draft.schedule;
  const setSchedule = (patch: Partial<SequenceInput['schedule']>) => onChange({ ...draft, schedule: { ...s, ...patch } });
  return (
    <div className="card wide">
      <h2>When this sequence sends</h2>
      <p className="muted">Evaluated in each prospect’s time zone (yours when theirs is unknown). Your time off in Settings moves every sequence’s work past those days.</p>
      <div className="form-grid">
        <span className="form-label" id="days-label">
          Days
        </span>
        <div role="group" aria-labelledby="days-label" className="day-picker">
          {dayNames.map((d, i) => (
            <label key={d} className="check">
              <input
                type="checkbox"
                checked={s.days.includes(i + 1)}
                onChange={(e) => setSchedule({ days: e.target.checked ? [...s.days, i + 1].sort() : s.days.filter((x) => x !== i + 1) })}
              />
              {d}
            </label>
          ))}
          {errors['schedule.days'] && <p className="field-error">{errors['schedule.days']}</p>}
        </div>
        <label htmlFor="schedule-start">From</label>
        <div className="step-row">
          <input id="schedule-start" type="time" value={s.start} onChange={(e) => setSchedule({ start: e.target.value })} />
          <label htmlFor="schedule-end">to</label>
          <input id="schedule-end" type="time" value={s.end} aria-invalid={errors['schedule.end'] ? true : undefined} onChange={(e) => setSchedule({ end: e.target.value })} />
          {errors['schedule.end'] && <p className="field-error">{errors['schedule.end']}</p>}
        </div>
        <label htmlFor="schedule-zone">Time zone</label>
        <div>
          <select id="schedule-zone" value={s.timeZone ?? ''} onChange={(e) => setSchedule({ timeZone: e.target.value || null })}>
            <option value="">Each prospect’s own (recommended)</option>
            {timeZones.map((z) => (
              <option key={z} value={z}>
                Always {z}
              </option>
            ))}
          </select>
        </div>
        <span className="form-label">Holidays</span>
        <label className="check">
          <input type="checkbox" checked={s.skipHolidays} onChange={(e) => setSchedule({ skipHolidays: e.target.checked })} />
          Skip public holidays in the prospect’s country
        </label>
        <span className="form-label" id="stop-label">
          Calls that end the sequence
        </span>
        <div role="group" aria-labelledby="stop-label" className="day-picker">
          {callOutcomes.map((o) => (
            <label key={o} className="check">
              <input
                type="checkbox"
                checked={draft.options.stopOnCallOutcomes.includes(o)}
                onChange={(e) =>
                  onChange({ ...draft, options: { ...draft.options, stopOnCallOutcomes: e.target.checked ? [...draft.options.stopOnCallOutcomes, o] : draft.options.stopOnCallOutcomes.filter((x) => x !== o) } })
                }
              />
              {outcomeLabel[o]}
            </label>
          ))}
        </div>
      </div>
    </div>
  );
}
