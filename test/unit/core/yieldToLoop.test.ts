// yieldToLoop lets a whole round of the event loop run, wherever it is called from.
import { stat } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { yieldToLoop } from '../../../src/main/core/yieldToLoop';

/** Schedules a timer, waits until it is due, yields with `yieldNow`, and says which came first. */
async function order(yieldNow: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  setTimeout(() => seen.push('timer'), 0);
  const until = performance.now() + 5;
  while (performance.now() < until) {
    // The timer is due once this ends.
  }
  await yieldNow();
  seen.push('resumed');
  // Whatever was not seen yet has had its chance by then.
  await new Promise((r) => setTimeout(r, 10));
  return seen;
}

const from = {
  'an I/O callback': (run: () => void) => stat('.', () => run()),
  'a timer': (run: () => void) => setTimeout(run, 0),
  'a setImmediate callback': (run: () => void) => setImmediate(run),
};
const inside = (where: (run: () => void) => void, yieldNow: () => Promise<void>) => new Promise<string[]>((done) => where(() => void order(yieldNow).then(done)));

describe('yieldToLoop', () => {
  for (const [name, where] of Object.entries(from)) {
    it(`lets a due timer fire before resuming, called from ${name}`, async () => {
      expect(await inside(where, yieldToLoop)).toEqual(['timer', 'resumed']);
    });
  }

  it('where one setImmediate, called from an I/O callback, resumed before the due timer', async () => {
    const once = () => new Promise<void>((resolve) => setImmediate(resolve));
    expect(await inside(from['an I/O callback'], once)).toEqual(['resumed', 'timer']);
  });
});
