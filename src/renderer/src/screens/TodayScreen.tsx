// Today: the rep's daily queue of emails to approve, calls to place and tasks to do.
import { EmptyState } from '../components/EmptyState';
import { InboxActivity } from '../components/InboxActivity';
import { MailboxStatus } from '../components/MailboxStatus';
import { ScreenHeader } from '../components/ScreenHeader';

export function TodayScreen() {
  const date = new Date().toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
  return (
    <>
      <ScreenHeader title="Today" subtitle={date} />
      <MailboxStatus />
      <InboxActivity />
      <EmptyState icon="today" title="Nothing to work on yet">
        <p>
          This is your daily queue. Emails waiting for your approval, calls to place and tasks to do will appear here, overdue items first, as
          prospects move through your sequences.
        </p>
        <p className="muted">Import prospects and enroll them in a sequence to fill it.</p>
        <a className="button" href="#/prospects">
          Go to Prospects
        </a>
      </EmptyState>
    </>
  );
}
