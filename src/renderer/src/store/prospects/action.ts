// Prospects screen actions: query, page loading, selection, delete and export.
import type { StateCreator } from 'zustand';
import { api } from '../../api/client';
import { downloadText } from '../../lib/download';
import { initialQuery, pageSize, type ProspectQuery, type ProspectsState } from './initialState';

export interface ProspectsActions {
  setQuery(patch: Partial<ProspectQuery>): void;
  resetFilters(): void;
  reload(): Promise<void>;
  ensurePage(page: number): Promise<void>;
  loadFacets(): Promise<void>;
  toggleSelected(id: number): void;
  setSelected(ids: number[]): void;
  selectAllMatching(): Promise<void>;
  clearSelection(): void;
  deleteSelected(): Promise<number>;
  exportView(): Promise<number>;
  open(id: number | null): void;
  setView(view: ProspectsState['view']): void;
}

const inFlight = new Set<string>();

export const prospectsActions: StateCreator<ProspectsState & ProspectsActions, [], [], ProspectsActions> = (set, get) => ({
  setQuery(patch) {
    set({ query: { ...get().query, ...patch }, pages: {}, total: null, generation: get().generation + 1, selected: [] });
    void get().ensurePage(0);
  },
  resetFilters() {
    get().setQuery({ ...initialQuery, sort: get().query.sort, dir: get().query.dir });
  },
  async reload() {
    set({ pages: {}, total: null, generation: get().generation + 1 });
    await Promise.all([get().ensurePage(0), get().loadFacets()]);
  },
  async ensurePage(page) {
    const { generation, query, pages } = get();
    const key = `${generation}:${page}`;
    if (pages[page] || inFlight.has(key)) return;
    inFlight.add(key);
    set({ loading: true });
    try {
      const result = await api().call('prospects.list', { ...query, offset: page * pageSize, limit: pageSize });
      if (get().generation !== generation) return;
      set({ pages: { ...get().pages, [page]: result.rows }, total: result.total, loading: false, error: null });
    } catch (err) {
      if (get().generation === generation) set({ loading: false, error: err instanceof Error ? err.message : String(err) });
    } finally {
      inFlight.delete(key);
    }
  },
  async loadFacets() {
    set({ facets: await api().call('prospects.facets') });
  },
  toggleSelected(id) {
    const selected = get().selected;
    set({ selected: selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id] });
  },
  setSelected: (ids) => set({ selected: ids }),
  async selectAllMatching() {
    const { search, tagId, importId, status, timeZone } = get().query;
    const { ids } = await api().call('prospects.ids', { search, tagId, importId, status, timeZone });
    set({ selected: ids });
  },
  clearSelection: () => set({ selected: [] }),
  async deleteSelected() {
    const ids = get().selected;
    if (ids.length === 0) return 0;
    const { deleted } = await api().call('prospects.delete', { ids });
    set({ selected: [], openId: ids.includes(get().openId ?? -1) ? null : get().openId });
    await get().reload();
    return deleted;
  },
  async exportView() {
    const out = await api().call('prospects.exportCsv', get().query);
    downloadText(out.fileName, out.csv, 'text/csv');
    return out.rows;
  },
  open: (id) => set({ openId: id }),
  setView: (view) => set({ view }),
});
