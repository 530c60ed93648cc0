// The prospects screen store, built from its state and actions.
import { create } from 'zustand';
import { prospectsActions, type ProspectsActions } from './action';
import { initialProspectsState, type ProspectsState } from './initialState';

export type ProspectsStore = ProspectsState & ProspectsActions;

export const useProspectsStore = create<ProspectsStore>()((...a) => ({ ...initialProspectsState, ...prospectsActions(...a) }));
