// Sequences: the rep's multi-step cadences of emails, calls and tasks; list, library and editor.
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { EmptyState } from '../components/EmptyState';
import { ScreenHeader } from '../components/ScreenHeader';
import { NewSequence, SequenceList } from '../components/sequences/SequenceList';
import { SequenceDetail } from '../components/sequences/SequenceDetail';
import { useSequencesStore } from '../store/sequences';
import '../sequences.css';

export function SequencesScreen() {
  const list = useSequencesStore((s) => s.list);
  const current = useSequencesStore((s) => s.current);
  const { loadList, open } = useSequencesStore.getState();
  const [waiting, setWaiting] = useState(0);
  useEffect(() => {
    // Counts change as the engine and the rep work: keep the list and the open sequence current.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      // Coalesced: a busy engine tick announces many changes at once.
      clearTimeout(timer);
      timer = setTimeout(() => {
        void loadList();
        void useSequencesStore.getState().refreshCurrent();
      }, 300);
    };
    const offs = [api().on('enrollments.changed', refresh), api().on('sequences.changed', refresh)];
    return () => {
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [loadList]);
  useEffect(() => {
    void loadList();
    void api()
      .call('engine.status')
      .then((s) => setWaiting(s.mailboxes.some((m) => m.status === 'connected') ? 0 : s.waitingForMailbox));
  }, [loadList]);

  if (current) return <SequenceDetail key={current.id} />;
  return (
    <>
      <ScreenHeader title="Sequences" subtitle="Cadences of emails, calls and tasks, spaced over days in each prospect’s business hours" />
      {waiting > 0 && (
        <p className="banner banner-warning" role="status">
          {waiting} enrollment{waiting === 1 ? ' is' : 's are'} waiting for a connected mailbox: automatic emails are not sent until you connect Gmail or Outlook in Settings. Calls, tasks and manual emails
          still reach your queue.
        </p>
      )}
      {list && list.length === 0 && (
        <EmptyState icon="sequences" title="No sequences yet">
          <p>A sequence is a series of steps: automatic or hand-approved emails, calls and tasks, each landing in the prospect’s business hours. Start from the library below or from a blank one.</p>
        </EmptyState>
      )}
      {list && list.length > 0 && <SequenceList list={list} onOpen={(id) => void open(id)} />}
      {list && <NewSequence onCreated={(id) => void open(id)} />}
    </>
  );
}
