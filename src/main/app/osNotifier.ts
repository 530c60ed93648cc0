// The app's Notifier: native OS notifications; a click focuses the window and opens the target.
import { Notification } from 'electron';
import type { Notifier } from '../core/ports';
import type { EventBus } from '../core/eventBus';

export function osNotifier(bus: EventBus, focusWindow: () => void): Notifier {
  return {
    notify(n) {
      if (!Notification.isSupported()) {
        bus.emit('notification', n);
        return;
      }
      const native = new Notification({ title: n.title, body: n.body });
      native.on('click', () => {
        focusWindow();
        bus.emit('notification', { ...n, clicked: true });
      });
      native.show();
    },
  };
}
