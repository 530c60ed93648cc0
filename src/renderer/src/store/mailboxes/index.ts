// Mailboxes as Settings and the status bar show them: overview, the running Gmail sign-in, recent inbound mail.
import { create } from 'zustand';
import type { MailboxesOverview } from '../../../../shared/contract/mailboxes';
import type { GoogleClient, InboundMessageView, InboxOptions, Mailbox } from '../../../../shared/domain/mailbox';
import { api, ApiCallError } from '../../api/client';

export interface ConnectFlowState {
  flowId: string;
  authorizeUrl: string;
}

export interface MailboxesState {
  overview: MailboxesOverview | null;
  flow: ConnectFlowState | null;
  busy: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  recent: InboundMessageView[];
}

export interface MailboxesActions {
  load(): Promise<void>;
  loadRecent(): Promise<void>;
  setGoogleClient(client: GoogleClient): Promise<boolean>;
  setOptions(options: Partial<InboxOptions>): Promise<boolean>;
  connectGmail(acceptWeakStorage: boolean): Promise<void>;
  cancelConnect(): Promise<void>;
  disconnect(accountId: number): Promise<void>;
  setDailyCap(accountId: number, dailyCap: number): Promise<boolean>;
  syncNow(accountId?: number): Promise<void>;
  received(mailboxes: Mailbox[]): void;
  inbound(message: InboundMessageView): void;
  clearError(): void;
}

export type MailboxesStore = MailboxesState & MailboxesActions;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
const fieldErrorsOf = (err: unknown) => {
  const out: Record<string, string> = {};
  if (err instanceof ApiCallError) for (const i of err.error.issues ?? []) out[i.path] = i.message;
  return out;
};

/** Bumped by every mailboxes.changed event: a list fetched before the event must not overwrite it. */
let eventSeq = 0;

export const useMailboxesStore = create<MailboxesStore>()((set, get) => {
  const run = async (fn: () => Promise<MailboxesOverview>): Promise<boolean> => {
    set({ busy: true, error: null, fieldErrors: {} });
    try {
      set({ overview: await fn(), busy: false });
      return true;
    } catch (err) {
      set({ busy: false, error: messageOf(err), fieldErrors: fieldErrorsOf(err) });
      return false;
    }
  };
  return {
    overview: null,
    flow: null,
    busy: false,
    error: null,
    fieldErrors: {},
    recent: [],
    async load() {
      const seq = eventSeq;
      try {
        const fresh = await api().call('mailboxes.list');
        const current = get().overview;
        set({ overview: seq !== eventSeq && current ? { ...fresh, mailboxes: current.mailboxes } : fresh });
      } catch (err) {
        set({ error: messageOf(err) });
      }
    },
    async loadRecent() {
      try {
        set({ recent: await api().call('inbox.recent', { limit: 20 }) });
      } catch {
        // The list is informative; the status bar says when sync has a problem.
      }
    },
    setGoogleClient: (client) => run(() => api().call('mailboxes.setGoogleClient', client)),
    setOptions: (options) => run(() => api().call('mailboxes.setOptions', options)),
    async connectGmail(acceptWeakStorage) {
      set({ busy: true, error: null });
      let flow: ConnectFlowState;
      try {
        flow = await api().call('mailboxes.connectGmail', { acceptWeakStorage });
      } catch (err) {
        set({ busy: false, error: messageOf(err) });
        return;
      }
      set({ flow, busy: false });
      try {
        await api().call('mailboxes.awaitConnect', { flowId: flow.flowId });
        if (get().flow?.flowId === flow.flowId) set({ flow: null });
      } catch (err) {
        if (get().flow?.flowId === flow.flowId) set({ flow: null, error: err instanceof ApiCallError && err.error.code === 'conflict' ? null : messageOf(err) });
      }
      await get().load();
    },
    async cancelConnect() {
      const flow = get().flow;
      set({ flow: null });
      if (flow) await api().call('mailboxes.cancelConnect', { flowId: flow.flowId }).catch(() => undefined);
    },
    disconnect: async (accountId) => void (await run(() => api().call('mailboxes.disconnect', { accountId }))),
    setDailyCap: (accountId, dailyCap) => run(() => api().call('mailboxes.setDailyCap', { accountId, dailyCap })),
    syncNow: async (accountId) => void (await run(() => api().call('mailboxes.syncNow', accountId ? { accountId } : {}))),
    received(mailboxes) {
      eventSeq += 1;
      const overview = get().overview;
      if (overview) set({ overview: { ...overview, mailboxes } });
      else void get().load();
    },
    inbound(message) {
      set({ recent: [message, ...get().recent.filter((m) => m.id !== message.id)].slice(0, 20) });
    },
    clearError: () => set({ error: null, fieldErrors: {} }),
  };
});

export const mailboxesSelectors = {
  overview: (s: MailboxesStore) => s.overview,
  mailboxes: (s: MailboxesStore) => s.overview?.mailboxes ?? [],
  flow: (s: MailboxesStore) => s.flow,
  busy: (s: MailboxesStore) => s.busy,
  error: (s: MailboxesStore) => s.error,
  fieldErrors: (s: MailboxesStore) => s.fieldErrors,
  recent: (s: MailboxesStore) => s.recent,
};
