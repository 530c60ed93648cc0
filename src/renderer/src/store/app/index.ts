// The shell store, built from its state and actions.
import { create } from 'zustand';
import { appActions, type AppActions } from './action';
import { initialAppState, type AppState } from './initialState';

export type AppStore = AppState & AppActions;

export const useAppStore = create<AppStore>()((...a) => ({ ...initialAppState, ...appActions(...a) }));
