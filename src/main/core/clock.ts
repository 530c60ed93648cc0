// Time as core sees it: injected so tests, the simulator and the harness can drive it.
export type TimerHandle = { readonly id: number };

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

let nextTimerId = 1;

export function systemClock(): Clock {
  const live = new Map<number, NodeJS.Timeout>();
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const handle = { id: nextTimerId++ };
      const timer = setTimeout(() => {
        live.delete(handle.id);
        fn();
      }, ms);
      timer.unref?.();
      live.set(handle.id, timer);
      return handle;
    },
    clearTimeout(handle) {
      const timer = live.get(handle.id);
      if (timer) clearTimeout(timer);
      live.delete(handle.id);
    },
  };
}

interface PendingTimer {
  handle: TimerHandle;
  at: number;
  fn: () => void;
}

/** A clock that only moves when told to; timers fire in due order as time is advanced. */
export class ManualClock implements Clock {
  private current: number;
  private timers: PendingTimer[] = [];

  constructor(start: number | Date) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const handle = { id: nextTimerId++ };
    this.timers.push({ handle, at: this.current + Math.max(0, ms), fn });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.handle.id !== handle.id);
  }

  /** Moves time forward, firing every timer that falls due on the way, at its own instant. */
  advance(ms: number): void {
    if (ms < 0) throw new Error('A clock cannot go backwards');
    const target = this.current + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.handle.id - b.handle.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.at);
      next.fn();
    }
    this.current = target;
  }

  set(to: number | Date): void {
    const at = typeof to === 'number' ? to : to.getTime();
    this.advance(at - this.current);
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}
