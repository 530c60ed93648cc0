// Methods for the engine's state and the test-only clock control (refused unless the app runs in test mode).
import { z } from 'zod';
import { empty, method } from './define';

export const EngineStatusSchema = z.object({
  now: z.number(),
  lastTickAt: z.number().nullable(),
  nextWakeAt: z.number().nullable(),
  mailboxes: z.array(
    z.object({ accountId: z.number().int(), email: z.string(), status: z.string(), sentToday: z.number().int(), dailyCap: z.number().int(), nextSendAt: z.number().nullable() }),
  ),
  /** Automatic emails that wait because no mailbox is connected. */
  waitingForMailbox: z.number().int(),
});

export const engineMethods = {
  'engine.status': method(empty, EngineStatusSchema),
  /** Test mode only: moves the clock forward, running every engine tick that falls due on the way. */
  'test.clock.advance': method(z.object({ ms: z.number().int().min(0).max(400 * 86_400_000) }).strict(), z.object({ now: z.number() })),
  /** Test mode only: jumps the clock to an instant (never backwards), like a laptop waking up, then runs one tick. */
  'test.clock.set': method(z.object({ at: z.number() }).strict(), z.object({ now: z.number() })),
  /** Test mode only: adds prospects straight to the store, for end-to-end tests of enrollment. */
  'test.prospects.add': method(
    z
      .object({
        prospects: z
          .array(
            z.object({
              email: z.string().email(),
              firstName: z.string().optional(),
              lastName: z.string().optional(),
              company: z.string().optional(),
              title: z.string().optional(),
              country: z.string().length(2).optional(),
              timeZone: z.string().optional(),
              /** E.164, e.g. +14155550100 (the Today queue's calls dial it). */
              phone: z.string().regex(/^\+[1-9]\d{6,14}$/).optional(),
              customFields: z.record(z.string(), z.string()).optional(),
            }),
          )
          .max(1000),
      })
      .strict(),
    z.object({ ids: z.array(z.number().int()) }),
  ),
};
