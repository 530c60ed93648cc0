// A labelled progress bar; indeterminate when the total is unknown.
export function ProgressBar({ value, max, label }: { value: number; max: number | null; label: string }) {
  const pct = max ? Math.min(100, Math.round((value / max) * 100)) : null;
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max ?? undefined} aria-valuenow={max ? value : undefined}>
      <div className={`progress-fill${pct === null ? ' progress-indeterminate' : ''}`} style={pct === null ? undefined : { width: `${pct}%` }} />
    </div>
  );
}
