import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/main/core/clock';

describe('ManualClock', () => {
  it('fires timers in due order, each at its own instant, only when advanced past them', () => {
    const clock = new ManualClock(1_000);
    const fired: [string, number][] = [];
    clock.setTimeout(() => fired.push(['b', clock.now()]), 200);
    clock.setTimeout(() => fired.push(['a', clock.now()]), 100);
    const cancelled = clock.setTimeout(() => fired.push(['x', clock.now()]), 150);
    clock.clearTimeout(cancelled);
    clock.advance(99);
    expect(fired).toEqual([]);
    clock.advance(500);
    expect(fired).toEqual([
      ['a', 1_100],
      ['b', 1_200],
    ]);
    expect(clock.now()).toBe(1_599);
  });

  it('runs timers scheduled by timers within the same advance', () => {
    const clock = new ManualClock(0);
    const seen: number[] = [];
    const tick = () => {
      seen.push(clock.now());
      if (seen.length < 3) clock.setTimeout(tick, 10);
    };
    clock.setTimeout(tick, 10);
    clock.advance(100);
    expect(seen).toEqual([10, 20, 30]);
  });

  it('refuses to go backwards', () => {
    expect(() => new ManualClock(10).advance(-1)).toThrow(/backwards/);
  });
});
