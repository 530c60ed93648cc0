// Today queue state: the day's view, where the rep is in it, and what they are in the middle of.
import type { TodayView } from '../../../../shared/contract/queue';

/**
 * A row the rep can land on: a queue item ("run:12"), an email going out today ("out:15"), an action done this
 * session ("done:3"), or a change since the morning ("changed:40", by click; j/k walk the work, not the news).
 */
export type RowKey = `run:${number}` | `out:${number}` | `done:${number}` | `changed:${number}`;

export interface DoneEntry {
  seq: number;
  runId: number;
  prospectId: number;
  prospectName: string;
  what: string;
  at: number;
}

export interface QueueState {
  view: TodayView | null;
  loading: boolean;
  loadError: string | null;
  focused: RowKey | null;
  /** The email being edited (subject and body as the rep typed them). */
  editing: { id: number; subject: string; body: string } | null;
  /** The call whose outcome is being logged (after the Call button or c). */
  logging: { id: number; outcome: string | null; notes: string; /** The call link opened, once the OS was asked to dial. */ uri?: string } | null;
  rescheduling: number | null;
  /** Emails ticked for bulk approval. */
  selected: number[];
  /** The last error per item, shown on the item until the next try. */
  itemErrors: Record<number, string>;
  busy: boolean;
  helpOpen: boolean;
  done: DoneEntry[];
}

export const initialQueueState: QueueState = {
  view: null,
  loading: false,
  loadError: null,
  focused: null,
  editing: null,
  logging: null,
  rescheduling: null,
  selected: [],
  itemErrors: {},
  busy: false,
  helpOpen: false,
  done: [],
};
