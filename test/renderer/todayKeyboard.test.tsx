// The Today screen's keyboard and focus rules against a fake transport: j/k, a, e, x, Shift+A, ?, Esc; reminders open items.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/contract';
import type { QueueItem, TodayView } from '../../src/shared/contract/queue';
import { createClient, setClient } from '../../src/renderer/src/api/client';
import type { Transport } from '../../src/renderer/src/api/transport';
import { receiveNotification } from '../../src/renderer/src/notifications';
import { TodayScreen } from '../../src/renderer/src/screens/TodayScreen';
import { useAppStore } from '../../src/renderer/src/store/app';
import { useQueueStore } from '../../src/renderer/src/store/queue';
import { initialQueueState } from '../../src/renderer/src/store/queue/initialState';

const counts = (items: QueueItem[]) => ({ total: items.length, overdue: items.filter((i) => i.band === 'overdue').length, due: items.filter((i) => i.band === 'due').length, later: items.filter((i) => i.band === 'later').length });

function item(id: number, name: string, section: QueueItem['section'], extra: Partial<QueueItem> = {}): QueueItem {
  return {
    id,
    section,
    stepType: section === 'emails' ? 'manual_email' : section === 'calls' ? 'call' : 'task',
    state: 'scheduled',
    band: 'due',
    dueAt: 0,
    dueText: '9:00 AM',
    prospect: { id: id * 10, name, email: `${name.toLowerCase()}@x.example.com`, company: 'X', title: null, phone: '+14155550142', phoneExt: null, phoneText: '+1 415 555 0142', timeZone: 'UTC', timeZoneSource: 'prospect', localTime: '9:00 AM UTC', offHours: false, demo: false },
    sequenceId: 1,
    sequenceName: 'Seq',
    stepLabel: 'Step 1',
    isLastStep: false,
    actions: section === 'emails' ? ['approve', 'skip', 'reschedule'] : section === 'calls' ? ['logCall', 'skip', 'reschedule'] : ['complete', 'skip', 'reschedule'],
    reason: null,
    warning: null,
    email: section === 'emails' ? { subject: `Hi ${name}`, body: `Hello ${name}`, html: `<p>Hello ${name}</p>`, missingFields: [], threadReply: false } : null,
    call: section === 'calls' ? { script: 'Ask about timing', stopOnCallOutcomes: ['connected', 'meeting_booked'], recent: [] } : null,
    task: section === 'tasks' ? { instructions: 'Research' } : null,
    ...extra,
  };
}

let calls: [string, unknown][];
let emails: QueueItem[];
let others: QueueItem[];

function view(): TodayView {
  const c = others.filter((i) => i.section === 'calls');
  const t = others.filter((i) => i.section === 'tasks');
  return {
    now: Date.parse('2026-03-04T09:00:00Z'),
    repTimeZone: 'UTC',
    dateText: 'Wednesday, March 4',
    sections: { emails: { items: emails, counts: counts(emails) }, calls: { items: c, counts: counts(c) }, tasks: { items: t, counts: counts(t) } },
    goingOut: { items: [], dailyCap: 80, sentToday: 0, mailbox: 'me@x.example.com' },
    changed: [],
    mailbox: { state: 'connected', problems: [] },
    demo: false,
  };
}

function fakeTransport(): Transport {
  return {
    kind: 'http',
    async call(method, request): Promise<ApiResult<unknown>> {
      calls.push([method, request]);
      const id = (request as { id?: number }).id;
      if (method === 'queue.today') return { ok: true, value: view() };
      if (method === 'stepRuns.approve') {
        emails = emails.filter((i) => i.id !== id);
        return { ok: true, value: {} };
      }
      if (method === 'queue.approveMany') {
        const ids = (request as { ids: number[] }).ids;
        emails = emails.filter((i) => !ids.includes(i.id) || i.email!.missingFields.length);
        const refused = ids.filter((x) => emails.some((i) => i.id === x)).map((x) => ({ id: x, prospectName: 'Cat', message: 'Has no value for custom.topic.' }));
        return { ok: true, value: { approved: ids.filter((x) => !refused.some((r) => r.id === x)), refused } };
      }
      if (method === 'settings.get') return { ok: true, value: { startCallFromReminder: true } };
      if (method === 'queue.call') return { ok: true, value: { uri: 'tel:+14155550142' } };
      return { ok: false, error: { code: 'unknown_method', message: method } };
    },
    subscribe: () => () => {},
  };
}

const focusedName = () => document.querySelector('.queue-row.is-focused')?.getAttribute('data-prospect');
const key = (k: string, init: KeyboardEventInit = {}) => act(() => void fireEvent.keyDown(window, { key: k, ...init }));

beforeEach(() => {
  // jsdom does not lay out: scrolling the focused row into view is a no-op here.
  Element.prototype.scrollIntoView = () => {};
  calls = [];
  emails = [item(1, 'Ann', 'emails'), item(2, 'Ben', 'emails'), item(3, 'Cat', 'emails', { email: { subject: 'Hi Cat', body: 'About {{ custom.topic }}', html: '', missingFields: ['custom.topic'], threadReply: false } })];
  others = [item(4, 'Dan', 'calls'), item(5, 'Eve', 'tasks')];
  useQueueStore.setState({ ...initialQueueState });
  useAppStore.setState({ toasts: [] });
  setClient(createClient(fakeTransport()));
});

describe('Today keyboard', () => {
  it('moves with j/k across sections and keeps the rep’s place after an approval', async () => {
    render(<TodayScreen />);
    await waitFor(() => expect(focusedName()).toBe('Ann'));
    key('j');
    expect(focusedName()).toBe('Ben');
    key('k');
    key('k');
    expect(focusedName()).toBe('Ann');
    key('j');
    key('a');
    await waitFor(() => expect(calls).toContainEqual(['stepRuns.approve', { id: 2, subject: 'Hi Ben', body: 'Hello Ben' }]));
    // Ben is gone: the row that took his place is focused.
    await waitFor(() => expect(focusedName()).toBe('Cat'));
    key('j');
    key('j');
    expect(focusedName()).toBe('Eve');
    key('a'); // not an email: nothing happens
    expect(calls.filter(([m]) => m === 'stepRuns.approve')).toHaveLength(1);
  });

  it('e opens the editor, Esc closes it, and approving sends the edited text', async () => {
    render(<TodayScreen />);
    await waitFor(() => expect(focusedName()).toBe('Ann'));
    key('e');
    const subject = await screen.findByLabelText('Subject');
    fireEvent.change(subject, { target: { value: 'Edited subject' } });
    fireEvent.keyDown(subject, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByLabelText('Subject')).toBeNull());
    key('e');
    fireEvent.change(await screen.findByLabelText('Subject'), { target: { value: 'Edited subject' } });
    fireEvent.click(screen.getByRole('button', { name: 'Approve and send' }));
    await waitFor(() => expect(calls).toContainEqual(['stepRuns.approve', { id: 1, subject: 'Edited subject', body: 'Hello Ann' }]));
  });

  it('Shift+A approves all, reports the refusal and lands on the refused email', async () => {
    render(<TodayScreen />);
    await waitFor(() => expect(focusedName()).toBe('Ann'));
    key('A', { shiftKey: true });
    await waitFor(() => expect(calls).toContainEqual(['queue.approveMany', { ids: [1, 2, 3] }]));
    await waitFor(() => expect(focusedName()).toBe('Cat'));
    expect(useAppStore.getState().toasts[0]).toMatchObject({ title: '2 emails approved', tone: 'error' });
    expect(document.querySelector('[data-prospect="Cat"]')).toHaveTextContent('Has no value for custom.topic.');
  });

  it('x ticks emails for bulk approval, and ? shows the shortcuts', async () => {
    render(<TodayScreen />);
    await waitFor(() => expect(focusedName()).toBe('Ann'));
    key('x');
    expect(await screen.findByRole('button', { name: /Approve 1 ticked/ })).toBeInTheDocument();
    key('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    // Nothing moves or happens behind the help.
    key('j');
    key('a');
    expect(focusedName()).toBe('Ann');
    expect(calls.some(([m]) => m === 'stepRuns.approve')).toBe(false);
    key('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a clicked reminder opens its call and, when the rep wants it, dials', async () => {
    render(<TodayScreen />);
    await waitFor(() => expect(focusedName()).toBe('Ann'));
    receiveNotification({ title: 'Call Dan now', body: 'Due', target: { kind: 'queue-item', id: 4 }, clicked: true });
    await waitFor(() => expect(focusedName()).toBe('Dan'));
    await waitFor(() => expect(calls).toContainEqual(['queue.call', { id: 4 }]));
    expect(screen.getByTestId('outcome-logger')).toBeInTheDocument();
    // An unclicked one (the browser harness) becomes a toast that opens the item when clicked.
    receiveNotification({ title: 'Task due: Eve', body: 'Due', target: { kind: 'queue-item', id: 5 } });
    const toast = useAppStore.getState().toasts.find((t) => t.title === 'Task due: Eve')!;
    expect(toast.action?.label).toBe('Open');
    await act(async () => toast.action!.run());
    await waitFor(() => expect(focusedName()).toBe('Eve'));
  });
});
