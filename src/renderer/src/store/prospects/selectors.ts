// Reads of the prospects screen state; components select through these.
import type { ProspectsStore } from './index';
import { pageSize } from './initialState';

export const prospectsSelectors = {
  query: (s: ProspectsStore) => s.query,
  total: (s: ProspectsStore) => s.total,
  pages: (s: ProspectsStore) => s.pages,
  loading: (s: ProspectsStore) => s.loading,
  error: (s: ProspectsStore) => s.error,
  selected: (s: ProspectsStore) => s.selected,
  selectedCount: (s: ProspectsStore) => s.selected.length,
  openId: (s: ProspectsStore) => s.openId,
  facets: (s: ProspectsStore) => s.facets,
  view: (s: ProspectsStore) => s.view,
  filtered: (s: ProspectsStore) => Boolean(s.query.search || s.query.tagId || s.query.importId || s.query.status || s.query.timeZone),
};

export function rowAt(s: ProspectsStore, index: number) {
  return s.pages[Math.floor(index / pageSize)]?.[index % pageSize] ?? null;
}
