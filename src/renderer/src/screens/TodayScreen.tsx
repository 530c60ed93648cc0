// Today: the rep's daily queue of emails to approve, calls to place and tasks to do, worked top to bottom from the keyboard.
import { useEffect } from 'react';
import { api } from '../api/client';
import { EmptyState } from '../components/EmptyState';
import { InboxActivity } from '../components/InboxActivity';
import { MailboxStatus } from '../components/MailboxStatus';
import { ScreenHeader } from '../components/ScreenHeader';
import { ChangedOvernight } from '../components/today/ChangedOvernight';
import { DoneList } from '../components/today/DoneList';
import { GoingOutToday } from '../components/today/GoingOutToday';
import { ItemDetail } from '../components/today/ItemDetail';
import { MailboxBanner } from '../components/today/MailboxBanner';
import { QueueSection } from '../components/today/QueueSection';
import { ShortcutHelp } from '../components/today/ShortcutHelp';
import { useQueueKeys } from '../components/today/useQueueKeys';
import { useQueueStore } from '../store/queue';
import { queueSelectors } from '../store/queue/selectors';

export function TodayScreen() {
  const view = useQueueStore(queueSelectors.view);
  const loadError = useQueueStore(queueSelectors.loadError);
  const isEmpty = useQueueStore(queueSelectors.isEmpty);
  const busy = useQueueStore(queueSelectors.busy);
  const selected = useQueueStore(queueSelectors.selected);
  const { load, loadDemo, clearDemo, setHelp, approveMany } = useQueueStore.getState();
  useQueueKeys();
  useEffect(() => {
    void load();
    const offs = [
      api().on('queue.changed', () => void load()),
      api().on('settings.changed', () => void load()),
      // A reminder means something fell due: its band (later → due) changed without the run changing.
      api().on('notification', () => void load()),
    ];
    // Local times and due bands move with the clock; refresh them every minute while Today is open.
    const timer = window.setInterval(() => void load(), 60_000);
    return () => {
      offs.forEach((off) => off());
      window.clearInterval(timer);
    };
  }, [load]);

  if (!view) return <>{loadError ? <p className="banner banner-danger">The queue did not load: {loadError}</p> : <p className="muted">Loading today’s queue…</p>}</>;

  const { emails, calls, tasks } = view.sections;
  const waiting = view.goingOut.items.filter((i) => i.status === 'waiting_mailbox').length;
  const header = (
    <ScreenHeader
      title="Today"
      subtitle={view.dateText}
      actions={
        <>
          {view.demo && (
            <>
              <span className="badge badge-demo" data-testid="demo-badge">
                Demo data
              </span>
              <button type="button" className="button secondary" disabled={busy} onClick={() => void clearDemo()}>
                Remove demo data
              </button>
            </>
          )}
          <button type="button" className="button secondary" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            Shortcuts <kbd>?</kbd>
          </button>
        </>
      }
    />
  );

  if (isEmpty)
    return (
      <>
        {header}
        <MailboxBanner mailbox={view.mailbox} waiting={0} />
        <MailboxStatus />
        <ChangedOvernight changed={view.changed} />
        <InboxActivity />
        <EmptyState icon="today" title="Nothing to work on yet">
          <p>
            This is your daily queue. Emails waiting for your approval, calls to place and tasks to do will appear here, overdue items first, as prospects move
            through your sequences.
          </p>
          <p className="muted">Import prospects and enroll them in a sequence to fill it, or look around with sample data first.</p>
          <div className="empty-actions">
            <a className="button secondary" href="#/prospects">
              Go to Prospects
            </a>
            <button type="button" className="button" disabled={busy} onClick={() => void loadDemo()}>
              Load the demo workspace
            </button>
          </div>
        </EmptyState>
        <ShortcutHelp />
      </>
    );

  return (
    <>
      {header}
      <MailboxBanner mailbox={view.mailbox} waiting={waiting} />
      <MailboxStatus />
      <div className="today-summary" aria-label="Today at a glance">
        <Summary label="Emails to approve" counts={emails.counts} />
        <Summary label="Calls" counts={calls.counts} />
        <Summary label="Tasks" counts={tasks.counts} />
        <Summary label="Going out" counts={{ total: view.goingOut.items.length, overdue: 0, later: 0 }} />
      </div>
      <ChangedOvernight changed={view.changed} />
      <InboxActivity />
      <div className="today">
        <div className="queue-list" data-testid="queue-list">
          <QueueSection
            id="emails"
            title="Emails to approve"
            items={emails.items}
            counts={emails.counts}
            empty="No emails wait for your approval."
            actions={
              emails.items.length > 0 && (
                <button type="button" className="button secondary small" disabled={busy} onClick={() => void approveMany()} aria-keyshortcuts="Shift+A">
                  {selected.length ? `Approve ${selected.length} ticked` : `Approve all ${emails.items.length}`}
                </button>
              )
            }
          />
          <QueueSection id="calls" title="Calls to place" items={calls.items} counts={calls.counts} empty="No calls due today." />
          <QueueSection id="tasks" title="Tasks" items={tasks.items} counts={tasks.counts} empty="No tasks due today." />
          <GoingOutToday goingOut={view.goingOut} />
          <DoneList />
        </div>
        <div className="queue-detail">
          <ItemDetail />
        </div>
      </div>
      <ShortcutHelp />
    </>
  );
}

function Summary({ label, counts }: { label: string; counts: { total: number; overdue: number; later: number } }) {
  return (
    <div className="summary">
      <span className="summary-n">{counts.total}</span>
      <span className="summary-label">{label}</span>
      {counts.overdue > 0 && <span className="summary-sub due-overdue">{counts.overdue} overdue</span>}
      {counts.later > 0 && <span className="summary-sub muted">{counts.later} later</span>}
    </div>
  );
}
