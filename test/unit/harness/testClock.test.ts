import { describe, expect, it } from 'vitest';
import { TestModeClock } from '../../../src/main/harness/testClock';

describe('test-mode clock', () => {
  it('runs work that is already due at once, without moving time', async () => {
    const clock = new TestModeClock(1_000);
    let ran = 0;
    clock.setTimeout(() => ran++, 0);
    await new Promise((r) => setImmediate(r));
    expect(ran).toBe(1);
    expect(clock.now()).toBe(1_000);
  });

  it('keeps future timers until the test moves time', async () => {
    const clock = new TestModeClock(1_000);
    let ran = 0;
    clock.setTimeout(() => ran++, 60_000);
    await new Promise((r) => setImmediate(r));
    expect(ran).toBe(0);
    clock.advance(60_000);
    expect(ran).toBe(1);
  });
});
