// Sequences: the rep's multi-step cadences of emails, calls and tasks.
import { EmptyState } from '../components/EmptyState';
import { ScreenHeader } from '../components/ScreenHeader';

export function SequencesScreen() {
  return (
    <>
      <ScreenHeader title="Sequences" subtitle="Cadences of emails, calls and tasks, spaced over days" />
      <EmptyState icon="sequences" title="No sequences yet">
        <p>
          A sequence is a series of 5 to 9 steps: automatic or hand-approved emails, calls and tasks, each sent in the prospect&apos;s business hours. Your
          sequences, with how many prospects are in each and how they perform, will be listed here.
        </p>
        <p className="muted">The sequence editor is not built yet.</p>
      </EmptyState>
    </>
  );
}
