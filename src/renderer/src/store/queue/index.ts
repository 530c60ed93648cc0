// The Today queue store, built from its state and actions.
import { create } from 'zustand';
import { queueActions, type QueueActions } from './action';
import { initialQueueState, type QueueState } from './initialState';

export type QueueStore = QueueState & QueueActions;

export const useQueueStore = create<QueueStore>()((...a) => ({ ...initialQueueState, ...queueActions(...a) }));
