// Reads of the Today queue; components select through these.
import type { QueueItem } from '../../../../shared/contract/queue';
import type { QueueStore } from './index';
import type { RowKey } from './initialState';

const emptyItems: QueueItem[] = [];

/** Every row in the order the rep works them: emails, calls, tasks, then today's sends, then what was done. */
export function rowOrder(s: Pick<QueueStore, 'view' | 'done'>): RowKey[] {
  const v = s.view;
  if (!v) return [];
  return [
    ...v.sections.emails.items.map((i) => `run:${i.id}` as const),
    ...v.sections.calls.items.map((i) => `run:${i.id}` as const),
    ...v.sections.tasks.items.map((i) => `run:${i.id}` as const),
    ...v.goingOut.items.map((i) => `out:${i.id}` as const),
    ...s.done.map((d) => `done:${d.seq}` as const),
  ];
}

export function itemById(s: Pick<QueueStore, 'view'>, id: number): QueueItem | null {
  const v = s.view;
  if (!v) return null;
  return v.sections.emails.items.find((i) => i.id === id) ?? v.sections.calls.items.find((i) => i.id === id) ?? v.sections.tasks.items.find((i) => i.id === id) ?? null;
}

export const queueSelectors = {
  view: (s: QueueStore) => s.view,
  loading: (s: QueueStore) => s.loading,
  loadError: (s: QueueStore) => s.loadError,
  focused: (s: QueueStore) => s.focused,
  editing: (s: QueueStore) => s.editing,
  logging: (s: QueueStore) => s.logging,
  rescheduling: (s: QueueStore) => s.rescheduling,
  selected: (s: QueueStore) => s.selected,
  itemErrors: (s: QueueStore) => s.itemErrors,
  busy: (s: QueueStore) => s.busy,
  helpOpen: (s: QueueStore) => s.helpOpen,
  done: (s: QueueStore) => s.done,
  emails: (s: QueueStore) => s.view?.sections.emails.items ?? emptyItems,
  focusedItem: (s: QueueStore): QueueItem | null => (s.focused?.startsWith('run:') ? itemById(s, Number(s.focused.slice(4))) : null),
  isEmpty: (s: QueueStore) => {
    const v = s.view;
    return !!v && v.sections.emails.items.length + v.sections.calls.items.length + v.sections.tasks.items.length + v.goingOut.items.length === 0;
  },
};
