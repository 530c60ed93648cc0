// Transient messages in the corner: notifications in the browser harness, errors, confirmations.
import { useEffect } from 'react';
import { useAppStore } from '../store/app';
import { appSelectors } from '../store/app/selectors';

export function Toasts() {
  const toasts = useAppStore(appSelectors.toasts);
  const dismiss = useAppStore((s) => s.dismissToast);
  useEffect(() => {
    if (toasts.length === 0) return;
    const timer = setTimeout(() => dismiss(toasts[0]!.id), 8000);
    return () => clearTimeout(timer);
  }, [toasts, dismiss]);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}${t.action ? ' toast-action' : ''}`} data-testid="toast">
          {t.action ? (
            <button
              type="button"
              className="toast-open"
              onClick={() => {
                dismiss(t.id);
                t.action!.run();
              }}
            >
              <strong>{t.title}</strong>
              <p>{t.body}</p>
              <span className="toast-link">{t.action.label} →</span>
            </button>
          ) : (
            <div>
              <strong>{t.title}</strong>
              <p>{t.body}</p>
            </div>
          )}
          <button type="button" className="toast-close" onClick={() => dismiss(t.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
