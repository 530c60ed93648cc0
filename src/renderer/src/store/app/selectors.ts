// Reads of the shell state; components select through these, never the whole store.
import type { AppStore } from './index';

export const appSelectors = {
  status: (s: AppStore) => s.status,
  failure: (s: AppStore) => s.failure,
  screen: (s: AppStore) => s.screen,
  counts: (s: AppStore) => s.counts,
  info: (s: AppStore) => s.info,
  toasts: (s: AppStore) => s.toasts,
};
