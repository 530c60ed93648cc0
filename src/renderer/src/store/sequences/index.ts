// The Sequences screen's state: the list, the sequence being edited (a draft), and the last save notice.
import { create } from 'zustand';
import type { Sequence, SequenceInput, SequenceStatus, SequenceSummary } from '../../../../shared/domain/sequence';
import type { Starter } from '../../../../shared/contract/sequences';
import { api, ApiCallError } from '../../api/client';

export interface SequencesState {
  list: SequenceSummary[] | null;
  starters: Starter[];
  current: Sequence | null;
  draft: SequenceInput | null;
  saving: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  notice: string | null;
}

export interface SequencesActions {
  loadList(): Promise<void>;
  open(id: number): Promise<void>;
  close(): void;
  /** Fresh counts and status for the open sequence, without touching the rep's unsaved draft. */
  refreshCurrent(): Promise<void>;
  createBlank(name: string): Promise<number>;
  createFromStarter(key: string): Promise<number>;
  edit(draft: SequenceInput): void;
  save(): Promise<boolean>;
  setStatus(id: number, status: SequenceStatus): Promise<void>;
  duplicate(id: number): Promise<void>;
}

export const toInput = (s: Sequence): SequenceInput => ({
  name: s.name,
  schedule: s.schedule,
  options: s.options,
  steps: s.steps.map((st) => ({ id: st.id, type: st.type, delayAmount: st.delayAmount, delayUnit: st.delayUnit, threadMode: st.threadMode, variants: st.variants, note: st.note, attachmentIds: st.attachments.map((a) => a.id) })),
});

const errorsOf = (err: unknown) => {
  const fieldErrors: Record<string, string> = {};
  if (err instanceof ApiCallError) for (const i of err.error.issues ?? []) fieldErrors[i.path.replace(/^sequence\./, '')] = i.message;
  return { error: err instanceof Error ? err.message : String(err), fieldErrors };
};

export const useSequencesStore = create<SequencesState & SequencesActions>()((set, get) => ({
  list: null,
  starters: [],
  current: null,
  draft: null,
  saving: false,
  error: null,
  fieldErrors: {},
  notice: null,
  async loadList() {
    const [list, starters] = await Promise.all([api().call('sequences.list', { includeArchived: true }), api().call('sequences.starters')]);
    set({ list, starters });
  },
  async open(id) {
    const current = await api().call('sequences.get', { id });
    set({ current, draft: toInput(current), error: null, fieldErrors: {}, notice: null });
  },
  async refreshCurrent() {
    const id = get().current?.id;
    if (!id) return;
    const fresh = await api().call('sequences.get', { id });
    const current = get().current;
    if (current?.id === id) set({ current: { ...current, counts: fresh.counts, status: fresh.status } });
  },
  close: () => set({ current: null, draft: null, notice: null, error: null, fieldErrors: {} }),
  async createBlank(name) {
    const s = await api().call('sequences.create', {
      name,
      schedule: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:30', skipHolidays: true, timeZone: null },
      options: { stopOnCallOutcomes: ['connected', 'meeting_booked'], description: '' },
      steps: [],
    });
    await get().loadList();
    return s.id;
  },
  async createFromStarter(key) {
    const s = await api().call('sequences.createFromStarter', { key });
    await get().loadList();
    return s.id;
  },
  edit: (draft) => set({ draft, notice: null }),
  async save() {
    const { current, draft } = get();
    if (!current || !draft) return false;
    set({ saving: true, error: null, fieldErrors: {} });
    try {
      const { sequence, liveNotice } = await api().call('sequences.update', { id: current.id, sequence: draft });
      set({ current: sequence, draft: toInput(sequence), saving: false, notice: liveNotice ?? 'Saved.' });
      void get().loadList();
      return true;
    } catch (err) {
      set({ saving: false, ...errorsOf(err) });
      return false;
    }
  },
  async setStatus(id, status) {
    const s = await api().call('sequences.setStatus', { id, status });
    if (get().current?.id === id) set({ current: s });
    await get().loadList();
  },
  async duplicate(id) {
    await api().call('sequences.duplicate', { id });
    await get().loadList();
  },
}));
