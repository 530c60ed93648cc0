// Reschedule choices for an item: an hour or three later, tomorrow morning, next Monday, or an exact time.
import { useState } from 'react';
import { useQueueStore } from '../../store/queue';

function at(days: number, hour: number, from = new Date()): number {
  const d = new Date(from);
  d.setDate(d.getDate() + days);
  d.setHours(hour, 0, 0, 0);
  return d.getTime();
}

export function RescheduleMenu({ id, now }: { id: number; now: number }) {
  const reschedule = useQueueStore((s) => s.reschedule);
  const close = useQueueStore((s) => s.openReschedule);
  const [custom, setCustom] = useState('');
  const base = new Date(now);
  const nextMonday = ((8 - base.getDay()) % 7) || 7;
  const options: [string, number][] = [
    ['In 1 hour', now + 3600_000],
    ['In 3 hours', now + 3 * 3600_000],
    ['Tomorrow, 9:00', at(1, 9, base)],
    ['Next Monday, 9:00', at(nextMonday, 9, base)],
  ];
  return (
    <div className="reschedule" role="group" aria-label="Reschedule">
      {options.map(([label, when], i) => (
        <button key={label} type="button" className="button secondary" autoFocus={i === 0} onClick={() => void reschedule(id, when)}>
          {label}
        </button>
      ))}
      <form
        className="reschedule-custom"
        onSubmit={(e) => {
          e.preventDefault();
          const t = new Date(custom).getTime();
          if (Number.isFinite(t)) void reschedule(id, t);
        }}
      >
        <input type="datetime-local" aria-label="Exact time" value={custom} onChange={(e) => setCustom(e.target.value)} />
        <button type="submit" className="button secondary" disabled={!custom}>
          Set
        </button>
        <button type="button" className="button secondary" onClick={() => close(null)}>
          Cancel
        </button>
      </form>
    </div>
  );
}
