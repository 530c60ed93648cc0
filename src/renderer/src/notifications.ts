// What a notification opens: a queue item (and, when the rep wants it, starts that call), the queue, or Settings.
import type { EventPayload } from '../../shared/contract';
import { useAppStore } from './store/app';
import { useQueueStore } from './store/queue';
import { itemById } from './store/queue/selectors';
import { useSettingsStore } from './store/settings';
import { api } from './api/client';

type Target = NonNullable<EventPayload<'notification'>['target']>;

export async function openTarget(target: Target): Promise<void> {
  if (target.kind === 'settings') {
    window.location.hash = '#/settings';
    return;
  }
  window.location.hash = '#/today';
  if (target.kind !== 'queue-item' || target.id === undefined) return;
  const found = await useQueueStore.getState().open(target.id);
  if (!found) {
    useAppStore.getState().pushToast({ title: 'Already handled', body: 'That item is no longer in your queue.', tone: 'info' });
    return;
  }
  const settings = useSettingsStore.getState().settings ?? (await api().call('settings.get'));
  const item = itemById(useQueueStore.getState(), target.id);
  if (item?.section === 'calls' && settings.startCallFromReminder) await useQueueStore.getState().call(target.id);
}

/**
 * In the desktop app the OS notification was already clicked (the main process re-emits it, marked clicked): open it.
 * Otherwise (the browser harness, or no OS notifications) it arrives as a toast the rep can click.
 */
export function receiveNotification(n: EventPayload<'notification'>): void {
  const target = n.target;
  if (n.clicked && target) {
    void openTarget(target);
    return;
  }
  useAppStore.getState().pushToast({ title: n.title, body: n.body, tone: 'info', ...(target ? { action: { label: target.kind === 'settings' ? 'Open Settings' : 'Open', run: () => void openTarget(target) } } : {}) });
}
