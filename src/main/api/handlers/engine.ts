// Handlers for the engine's status and the test-only controls (refused unless the app runs in test mode).
import { DateTime } from 'luxon';
import { ManualClock } from '../../core/clock';
import type { Core } from '../../core/createCore';
import { prospectQueries, type ProspectQueries } from '../../core/db/queries/prospects';
import { UserError } from '../../core/errors';
import type { HandlerGroup } from '../handlers';

function testClock(core: Core): ManualClock {
  if (!core.deps.env.testMode || !(core.deps.clock instanceof ManualClock))
    throw new UserError('conflict', 'Clock control is only available when Repdesk runs in test mode (harness --test-mode). Nothing was changed.');
  return core.deps.clock;
}

export function engineHandlers(core: Core): HandlerGroup<'engine.status' | 'test.clock.advance' | 'test.clock.set' | 'test.prospects.add'> {
  const { q } = core.engine;
  // Test mode only: prepared on first use, then kept.
  let testProspects: ProspectQueries | null = null;
  return {
    'engine.status': () => {
      const now = core.deps.clock.now();
      const s = core.settings.get();
      const dayStart = DateTime.fromMillis(now, { zone: s.timeZone }).startOf('day').toMillis();
      return {
        now,
        lastTickAt: core.scheduler.lastTickAt,
        nextWakeAt: core.scheduler.nextWakeAt,
        mailboxes: q.pacing.accounts().map((a) => ({
          accountId: a.id,
          email: a.email,
          status: a.status,
          sentToday: q.pacing.sentSince(a.id, dayStart),
          dailyCap: Math.min(a.daily_cap ?? s.dailySendCap, s.dailySendCap),
          nextSendAt: q.pacing.nextSendAt(a.id) || null,
        })),
        waitingForMailbox: q.enrollments.withoutAccount(),
      };
    },
    'test.clock.advance': async ({ ms }) => {
      const clock = testClock(core);
      await core.scheduler.runUntil(clock.now() + ms, (at) => clock.set(at));
      return { now: clock.now() };
    },
    'test.clock.set': async ({ at }) => {
      const clock = testClock(core);
      if (at < clock.now()) throw new UserError('invalid_request', 'The test clock cannot go backwards.');
      // A jump, like a laptop waking up: one tick afterwards (catch-up applies), nothing in between.
      clock.set(at);
      await core.scheduler.tick();
      return { now: clock.now() };
    },
    'test.prospects.add': ({ prospects }) => {
      testClock(core);
      const now = core.deps.clock.now();
      const store = (testProspects ??= prospectQueries(core.deps.db));
      const ids = core.deps.db.transaction(() =>
        prospects.map((p) =>
          store.insertTest({
            email: p.email,
            email_normalized: p.email.toLowerCase(),
            first_name: p.firstName ?? null,
            last_name: p.lastName ?? null,
            company: p.company ?? null,
            title: p.title ?? null,
            country: p.country ?? null,
            time_zone: p.timeZone ?? null,
            domain: p.email.split('@')[1]!.toLowerCase(),
            custom_fields: JSON.stringify(p.customFields ?? {}),
            phone: p.phone ?? null,
            now,
          }),
        ),
      )();
      return { ids };
    },
  };
}
