// The Electron adapters of the queue: the OS notification re-emitted as clicked, and call links handed to the OS.
import { describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async () => undefined);
const shown: { options: { title: string; body: string }; handlers: Record<string, () => void> }[] = [];

vi.mock('electron', () => {
  class Notification {
    static isSupported = () => true;
    handlers: Record<string, () => void> = {};
    constructor(readonly options: { title: string; body: string }) {}
    on(name: string, fn: () => void) {
      this.handlers[name] = fn;
    }
    show() {
      shown.push({ options: this.options, handlers: this.handlers });
    }
  }
  return { Notification, shell: { openExternal } };
});

const { osNotifier } = await import('../../../src/main/app/osNotifier');
const { shellCallLauncher } = await import('../../../src/main/app/callLauncher');
const { EventBus } = await import('../../../src/main/core/eventBus');

describe('OS notifications', () => {
  it('show natively; a click focuses the window and tells it to open the target', () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.subscribe((name, payload) => name === 'notification' && seen.push(payload));
    const focus = vi.fn();
    osNotifier(bus, focus).notify({ title: 'Call Ana now', body: 'Ask about timing', target: { kind: 'queue-item', id: 7 } });
    expect(shown[0]!.options).toEqual({ title: 'Call Ana now', body: 'Ask about timing' });
    expect(seen).toEqual([]);
    shown[0]!.handlers.click!();
    expect(focus).toHaveBeenCalled();
    expect(seen).toEqual([{ title: 'Call Ana now', body: 'Ask about timing', target: { kind: 'queue-item', id: 7 }, clicked: true }]);
  });
});

describe('call links', () => {
  it('go to the OS for call schemes and never for web pages or scripts', async () => {
    const launcher = shellCallLauncher();
    await launcher.openExternal('tel:+14155550142');
    await launcher.openExternal('sip:+14155550142@pbx.example.com');
    await expect(launcher.openExternal('https://example.com/+14155550142')).rejects.toThrow(/Refused/);
    await expect(launcher.openExternal('javascript:alert(1)')).rejects.toThrow(/Refused/);
    expect(openExternal.mock.calls).toEqual([['tel:+14155550142'], ['sip:+14155550142@pbx.example.com']]);
  });
});
