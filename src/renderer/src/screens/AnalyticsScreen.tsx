// Analytics: which steps, messages and timings earn replies and meetings.
import { EmptyState } from '../components/EmptyState';
import { ScreenHeader } from '../components/ScreenHeader';

export function AnalyticsScreen() {
  return (
    <>
      <ScreenHeader title="Analytics" subtitle="What earns replies and meetings" />
      <EmptyState icon="analytics" title="No results to show yet">
        <p>
          Once emails go out and calls are logged, this screen will compare steps, message variants and send times by reply rate, meetings booked,
          bounces and opt-outs.
        </p>
        <p className="muted">Figures appear here only from real sends and replies; nothing is estimated.</p>
      </EmptyState>
    </>
  );
}
