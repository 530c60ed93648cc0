// Property-style simulation: many prospects in many zones, random replies; no send outside a window, above a cap, twice, or after a stop.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isSendable, makeCalendar } from '../../../src/main/core/schedule/calendar';
import { defaultSchedule } from '../../../src/shared/domain/sequence';
import { autoEmail, makeWorld, seeded, sequenceInput } from '../../support/engineWorld';

const zones = ['America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney', 'America/Sao_Paulo'];
const countries = ['US', 'US', 'DE', 'GB', 'JP', 'AU', 'BR'];

describe('simulation', () => {
  it.each([1, 2, 3])('seed %i: every invariant holds over three weeks', async (seed) => {
    const rnd = seeded(seed * 7919);
    const cap = 40;
    const w = makeWorld('2026-03-02T00:00:00Z', { random: seeded(seed), settings: { dailySendCap: cap, perDomainDailyCap: 2 } });
    const seq = w.core.sequences.create(
      sequenceInput([autoEmail('Hi {{first_name}}', 'One'), autoEmail('', 'Two', 2), autoEmail('News', 'Three', 3, { threadMode: 'new' }), autoEmail('', 'Four', 4)]),
    );
    const prospects = Array.from({ length: 120 }, (_, i) => {
      const z = i % zones.length;
      return { id: w.addProspect({ email: `p${seed}-${i}@co${i % 30}.test`, domain: `co${i % 30}.test`, time_zone: zones[z]!, country: countries[z]! }), zone: zones[z]!, country: countries[z]!, email: `p${seed}-${i}@co${i % 30}.test` };
    });
    w.core.enrollments.create(seq.id, prospects.map((p) => p.id));
    const stoppedAt = new Map<string, number>();
    const end = Date.parse('2026-03-23T00:00:00Z');
    while (w.clock.now() < end) {
      await w.advance(3 * 3_600_000);
      // Some prospects reply: some replies are synced (stop), some only visible to the pre-send check.
      for (const p of prospects) {
        if (stoppedAt.has(p.email) || rnd() > 0.01) continue;
        const sent = w.mail.sent.find((s) => s.email.to.email === p.email);
        if (!sent) continue;
        stoppedAt.set(p.email, w.clock.now());
        w.mail.reply(p.email, sent.result.threadId, w.clock.now() - 1);
        if (rnd() < 0.5) w.core.enrollments.stop({ prospectId: p.id, reason: 'replied', detail: 'synced' });
      }
    }
    expect(w.mail.sent.length).toBeGreaterThan(200);
    const byProspect = new Map(prospects.map((p) => [p.email, p]));
    const perDay = new Map<string, number>();
    const seen = new Set<string>();
    for (const s of w.mail.sent) {
      const p = byProspect.get(s.email.to.email)!;
      expect(isSendable(makeCalendar(defaultSchedule(), p.zone, p.country, []), s.at), `${p.zone} ${new Date(s.at).toISOString()}`).toBe(true);
      const day = DateTime.fromMillis(s.at, { zone: 'America/New_York' }).toISODate()!;
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      expect(seen.has(s.email.messageId)).toBe(false);
      seen.add(s.email.messageId);
      const stop = stoppedAt.get(p.email);
      if (stop !== undefined) expect(s.at).toBeLessThan(stop);
    }
    for (const n of perDay.values()) expect(n).toBeLessThanOrEqual(cap);
    // Each prospect receives each step at most once.
    const perStep = new Map<string, number>();
    for (const s of w.mail.sent) perStep.set(`${s.email.to.email}|${s.email.html}`, (perStep.get(`${s.email.to.email}|${s.email.html}`) ?? 0) + 1);
    expect(Math.max(...perStep.values())).toBe(1);
  }, 60_000);
});
