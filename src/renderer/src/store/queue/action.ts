// Today queue actions: load the day, move through it, and act on items through the API, keeping the rep's place.
import type { StateCreator } from 'zustand';
import type { CallOutcome } from '../../../../shared/domain/sequence';
import { callOutcomeLabels } from '../../../../shared/domain/calling';
import { api } from '../../api/client';
import { useAppStore } from '../app';
import type { QueueState, RowKey } from './initialState';
import { itemById, rowOrder } from './selectors';

export interface QueueActions {
  load(): Promise<void>;
  focus(key: RowKey | null): void;
  move(delta: 1 | -1): void;
  /** Opens a queue item by id (a reminder click); false when it is no longer in the queue. */
  open(id: number): Promise<boolean>;
  startEdit(id: number): void;
  changeDraft(draft: { subject?: string; body?: string }): void;
  cancelEdit(): void;
  approve(id: number): Promise<void>;
  toggleSelected(id: number): void;
  approveMany(): Promise<void>;
  skip(id: number): Promise<void>;
  /** A failed send goes out again at the next sending window. */
  retry(id: number): Promise<void>;
  openReschedule(id: number | null): void;
  reschedule(id: number, dueAt: number): Promise<void>;
  complete(id: number, note: string): Promise<void>;
  call(id: number): Promise<void>;
  /** Opens the outcome logger without dialling (a call placed from another phone). */
  startLogging(id: number): void;
  chooseOutcome(outcome: CallOutcome): void;
  changeNotes(notes: string): void;
  cancelLogging(): void;
  logCall(): Promise<void>;
  holdBack(id: number): Promise<void>;
  setHelp(open: boolean): void;
  loadDemo(): Promise<void>;
  clearDemo(): Promise<void>;
}

type Store = QueueState & QueueActions;

let doneSeq = 1;
let loading: Promise<void> | null = null;
let again = false;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export const queueActions: StateCreator<Store, [], [], QueueActions> = (set, get) => {
  /** Runs one rep action on an item; on success notes it in "Done" and reloads, keeping the rep's place. */
  async function act(id: number, what: string, fn: () => Promise<unknown>): Promise<boolean> {
    const item = itemById(get(), id);
    set({ busy: true, itemErrors: { ...get().itemErrors, [id]: '' } });
    try {
      await fn();
      if (item) set({ done: [{ seq: doneSeq++, runId: id, prospectId: item.prospect.id, prospectName: item.prospect.name, what, at: Date.now() }, ...get().done].slice(0, 30) });
      set({ busy: false });
      await get().load();
      return true;
    } catch (err) {
      set({ busy: false, itemErrors: { ...get().itemErrors, [id]: message(err) } });
      return false;
    }
  }

  return {
    async load() {
      // Coalesce bursts of queue.changed events: one load in flight, at most one more after it.
      if (loading) {
        again = true;
        return loading;
      }
      set({ loading: true });
      loading = (async () => {
        try {
          do {
            again = false;
            const before = rowOrder(get());
            const index = get().focused ? before.indexOf(get().focused!) : -1;
            const view = await api().call('queue.today');
            set({ view, loadError: null });
            const rows = rowOrder(get());
            const focused = get().focused;
            // The rep's place survives the reload: the same row, or the one that took its place.
            const stillNews = focused?.startsWith('changed:') && view.changed.some((c) => `changed:${c.eventId}` === focused);
            if (!stillNews && (!focused || !rows.includes(focused))) set({ focused: rows.length ? rows[Math.min(Math.max(index, 0), rows.length - 1)]! : null });
            const editing = get().editing;
            if (editing && !itemById(get(), editing.id)) set({ editing: null });
            const logging = get().logging;
            if (logging && !itemById(get(), logging.id)) set({ logging: null });
            set({ selected: get().selected.filter((id) => itemById(get(), id)) });
          } while (again);
        } catch (err) {
          set({ loadError: message(err) });
        } finally {
          set({ loading: false });
          loading = null;
        }
      })();
      return loading;
    },
    focus(key) {
      if (get().focused !== key) set({ focused: key, rescheduling: null });
    },
    move(delta) {
      const rows = rowOrder(get());
      if (!rows.length) return;
      const at = get().focused ? rows.indexOf(get().focused!) : -1;
      const next = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + delta));
      get().focus(rows[next]!);
    },
    async open(id) {
      await get().load();
      if (!itemById(get(), id)) return false;
      get().focus(`run:${id}`);
      return true;
    },
    startEdit(id) {
      const item = itemById(get(), id);
      if (!item?.email) return;
      set({ focused: `run:${id}`, editing: { id, subject: item.email.subject, body: item.email.body } });
    },
    changeDraft(draft) {
      const e = get().editing;
      if (e) set({ editing: { ...e, ...draft } });
    },
    cancelEdit: () => set({ editing: null }),
    async approve(id) {
      const item = itemById(get(), id);
      if (!item?.email) return;
      const e = get().editing?.id === id ? get().editing! : null;
      const email = e ? { subject: e.subject, body: e.body } : { subject: item.email.subject, body: item.email.body };
      const ok = await act(id, e ? 'Edited and approved the email' : 'Approved the email', () => api().call('stepRuns.approve', { id, ...email }));
      if (ok && get().editing?.id === id) set({ editing: null });
    },
    toggleSelected(id) {
      const s = get().selected;
      set({ selected: s.includes(id) ? s.filter((x) => x !== id) : [...s, id] });
    },
    async approveMany() {
      const emails = get().view?.sections.emails.items ?? [];
      const ids = get().selected.length ? get().selected : emails.filter((i) => i.actions.includes('approve')).map((i) => i.id);
      if (!ids.length) return;
      set({ busy: true });
      try {
        const out = await api().call('queue.approveMany', { ids });
        const errors = { ...get().itemErrors };
        for (const r of out.refused) errors[r.id] = r.message;
        const approved = emails.filter((i) => out.approved.includes(i.id));
        set({
          busy: false,
          selected: [],
          itemErrors: errors,
          done: [...approved.map((i) => ({ seq: doneSeq++, runId: i.id, prospectId: i.prospect.id, prospectName: i.prospect.name, what: 'Approved the email (bulk)', at: Date.now() })), ...get().done].slice(0, 30),
        });
        const refusedText = out.refused.length ? ` ${out.refused.length} not approved: ${out.refused.map((r) => `${r.prospectName} (${r.message})`).join('; ')}` : '';
        useAppStore.getState().pushToast({ title: `${out.approved.length} email${out.approved.length === 1 ? '' : 's'} approved`, body: `They go out at the next send slots.${refusedText}`, tone: out.refused.length ? 'error' : 'info' });
        await get().load();
        const firstRefused = out.refused[0];
        if (firstRefused) get().focus(`run:${firstRefused.id}`);
      } catch (err) {
        set({ busy: false });
        useAppStore.getState().pushToast({ title: 'Nothing was approved', body: message(err), tone: 'error' });
      }
    },
    skip: async (id) => void (await act(id, 'Skipped', () => api().call('stepRuns.skip', { id }))),
    retry: async (id) => void (await act(id, 'Asked to send again', () => api().call('stepRuns.retry', { id }))),
    openReschedule: (id) => set({ rescheduling: id }),
    async reschedule(id, dueAt) {
      const ok = await act(id, `Rescheduled to ${new Date(dueAt).toLocaleString(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' })}`, () => api().call('stepRuns.reschedule', { id, dueAt }));
      if (ok) set({ rescheduling: null });
    },
    complete: async (id, note) => void (await act(id, note.trim() ? `Task done: ${note.trim()}` : 'Task done', () => api().call('stepRuns.complete', { id, note }))),
    async call(id) {
      set({ focused: `run:${id}`, logging: { id, outcome: get().logging?.id === id ? get().logging!.outcome : null, notes: get().logging?.id === id ? get().logging!.notes : '' }, itemErrors: { ...get().itemErrors, [id]: '' } });
      try {
        const { uri } = await api().call('queue.call', { id });
        // Said beside the call, not in a toast that would cover the outcome logger.
        const l = get().logging;
        if (l?.id === id) set({ logging: { ...l, uri } });
      } catch (err) {
        set({ itemErrors: { ...get().itemErrors, [id]: message(err) } });
      }
    },
    startLogging(id) {
      if (get().logging?.id !== id) set({ focused: `run:${id}`, logging: { id, outcome: null, notes: '' } });
    },
    chooseOutcome(outcome) {
      const l = get().logging;
      if (l) set({ logging: { ...l, outcome } });
    },
    changeNotes(notes) {
      const l = get().logging;
      if (l) set({ logging: { ...l, notes } });
    },
    cancelLogging: () => set({ logging: null }),
    async logCall() {
      const l = get().logging;
      if (!l?.outcome) return;
      const outcome = l.outcome as CallOutcome;
      const ok = await act(l.id, `Call logged: ${callOutcomeLabels[outcome]}${l.notes.trim() ? ` (${l.notes.trim()})` : ''}`, () =>
        api().call('stepRuns.logCall', { id: l.id, outcome, ...(l.notes.trim() ? { notes: l.notes } : {}) }),
      );
      if (ok) set({ logging: null });
    },
    async holdBack(id) {
      try {
        await api().call('queue.holdBack', { id });
        await get().load();
        get().startEdit(id);
      } catch (err) {
        useAppStore.getState().pushToast({ title: 'The email was not held back', body: message(err), tone: 'error' });
      }
    },
    setHelp: (open) => set({ helpOpen: open }),
    async loadDemo() {
      set({ busy: true });
      try {
        await api().call('demo.load');
      } catch (err) {
        useAppStore.getState().pushToast({ title: 'The demo did not load', body: message(err), tone: 'error' });
      }
      set({ busy: false });
      await get().load();
    },
    async clearDemo() {
      set({ busy: true, done: [] });
      try {
        await api().call('demo.clear');
      } catch (err) {
        useAppStore.getState().pushToast({ title: 'The demo data was not removed', body: message(err), tone: 'error' });
      }
      set({ busy: false, focused: null });
      await get().load();
    },
  };
};
