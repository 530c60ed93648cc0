// Shell state: where the rep is, what the app is, the navigation counts and transient toasts.
import type { AppInfo, NavCounts } from '../../../../shared/contract/app';
import type { Screen } from '../../routes';

export interface Toast {
  id: number;
  title: string;
  body: string;
  tone: 'info' | 'error';
  /** Clicking the toast runs this (a reminder opens its queue item). */
  action?: { label: string; run(): void };
}

export interface AppState {
  status: 'loading' | 'ready' | 'failed';
  failure: string | null;
  screen: Screen;
  info: AppInfo | null;
  counts: NavCounts;
  toasts: Toast[];
}

export const initialAppState: AppState = {
  status: 'loading',
  failure: null,
  screen: 'today',
  info: null,
  counts: { today: 0, prospects: 0, sequences: 0 },
  toasts: [],
};
