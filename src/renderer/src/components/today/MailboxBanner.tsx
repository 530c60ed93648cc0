// The honest banner: without a connected mailbox automatic emails wait; a mailbox with a problem says so.
import type { TodayView } from '../../../../shared/contract/queue';

export function MailboxBanner({ mailbox, waiting }: { mailbox: TodayView['mailbox']; waiting: number }) {
  if (mailbox.state === 'connected' && mailbox.problems.length === 0) return null;
  if (mailbox.state === 'none')
    return (
      <div className="banner banner-warning" role="status" data-testid="mailbox-banner">
        <strong>No mailbox connected.</strong> Automatic emails{waiting > 0 ? ` (${waiting} planned today)` : ''} wait here; sends start once you connect Gmail or Outlook. Nothing has been sent.{' '}
        <a href="#/settings">Connect a mailbox in Settings</a>
      </div>
    );
  return (
    <div className={`banner ${mailbox.state === 'problem' ? 'banner-danger' : 'banner-warning'}`} role="status" data-testid="mailbox-banner">
      {mailbox.problems.map((p) => (
        <p key={p.email}>
          <strong>{p.email} {p.status === 'needs_reconnect' ? 'needs reconnecting' : 'is disconnected'}.</strong> Automatic emails from it are paused; nothing was sent meanwhile.{' '}
          {p.reason && <span className="muted">({p.reason}) </span>}
          <a href="#/settings">Reconnect in Settings</a>
        </p>
      ))}
    </div>
  );
}
