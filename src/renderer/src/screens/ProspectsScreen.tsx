// Prospects: everyone the rep can reach, imported from spreadsheets.
import { EmptyState } from '../components/EmptyState';
import { ScreenHeader } from '../components/ScreenHeader';

export function ProspectsScreen() {
  return (
    <>
      <ScreenHeader title="Prospects" subtitle="People you can enroll in sequences" />
      <EmptyState icon="prospects" title="No prospects yet">
        <p>
          Your prospects will be listed here, searchable by name, email and company, with their time zone, status and every touch in their timeline.
        </p>
        <p className="muted">Spreadsheet import (CSV and Excel) is not built yet.</p>
      </EmptyState>
    </>
  );
}
