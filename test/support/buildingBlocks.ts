// Pure helpers shared by unit tests, end-to-end tests and benchmarks: a seeded random source and email steps.
// Nothing here touches core or the store, so a Playwright spec can import it too.
import type { StepInput } from '../../src/shared/domain/sequence';

/** A small seeded random source (mulberry32), so spacing and simulations are repeatable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An automatic email step, replying in the thread after a delay in business days. */
export const autoEmail = (subject: string, body: string, delayAmount = 0, extra: Partial<StepInput> = {}): StepInput => ({
  type: 'auto_email',
  delayAmount,
  delayUnit: 'business_days',
  threadMode: 'reply',
  variants: [{ subject, body }],
  note: '',
  attachmentIds: [],
  ...extra,
});
