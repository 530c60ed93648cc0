// Shell actions: start-up, navigation, counts and toasts.
import type { StateCreator } from 'zustand';
import type { NavCounts } from '../../../../shared/contract/app';
import { api } from '../../api/client';
import type { Screen } from '../../routes';
import type { AppState, Toast } from './initialState';

export interface AppActions {
  start(): Promise<void>;
  navigate(screen: Screen): void;
  refreshCounts(): Promise<void>;
  setCounts(counts: NavCounts): void;
  pushToast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
}

let toastId = 1;

export const appActions: StateCreator<AppState & AppActions, [], [], AppActions> = (set, get) => ({
  async start() {
    try {
      const [info, counts] = await Promise.all([api().call('app.info'), api().call('app.counts')]);
      set({ info, counts, status: 'ready', failure: null });
    } catch (err) {
      set({ status: 'failed', failure: err instanceof Error ? err.message : String(err) });
    }
  },
  navigate(screen) {
    if (get().screen !== screen) set({ screen });
  },
  async refreshCounts() {
    set({ counts: await api().call('app.counts') });
  },
  setCounts: (counts) => set({ counts }),
  pushToast(toast) {
    const id = toastId++;
    set({ toasts: [...get().toasts, { ...toast, id }] });
  },
  dismissToast(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
});
