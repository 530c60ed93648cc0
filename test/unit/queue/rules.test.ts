// Pure rules of the Today queue: ordering, overdue bands, call links and call outcomes.
import { describe, expect, it } from 'vitest';
import { buildCallUri, callExtensionHint, callTemplateProblem, outcomeEffect } from '../../../src/shared/domain/calling';
import { compareQueueItems, countBands, dueBand, sectionOf } from '../../../src/shared/domain/queue';
import { offHours } from '../../../src/main/core/queue/queueService';

const day = Date.parse('2026-03-04T00:00:00Z');
const now = Date.parse('2026-03-04T10:00:00Z');

describe('queue ordering and overdue handling', () => {
  it('calls work left from an earlier day overdue, work due by now due, and the rest of today later', () => {
    expect(dueBand(day - 1, now, day)).toBe('overdue');
    expect(dueBand(day, now, day)).toBe('due');
    expect(dueBand(now, now, day)).toBe('due');
    expect(dueBand(now + 1, now, day)).toBe('later');
  });

  it('puts overdue first, then due, then later; earliest first within a band; ties by id', () => {
    const items = [
      { id: 5, dueAt: now + 3600_000, band: dueBand(now + 3600_000, now, day) },
      { id: 4, dueAt: now - 60_000, band: dueBand(now - 60_000, now, day) },
      { id: 3, dueAt: day - 86_400_000, band: dueBand(day - 86_400_000, now, day) },
      { id: 2, dueAt: now - 60_000, band: dueBand(now - 60_000, now, day) },
      { id: 1, dueAt: day - 3600_000, band: dueBand(day - 3600_000, now, day) },
    ];
    expect([...items].sort(compareQueueItems).map((i) => i.id)).toEqual([3, 1, 2, 4, 5]);
    expect(countBands(items)).toEqual({ total: 5, overdue: 2, due: 2, later: 1 });
  });

  it('files each step type in its section', () => {
    expect(sectionOf('manual_email')).toBe('emails');
    expect(sectionOf('auto_email')).toBe('emails');
    expect(sectionOf('call')).toBe('calls');
    expect(sectionOf('task')).toBe('tasks');
  });
});

describe('call links', () => {
  it('builds tel: by default and softphone schemes from the template', () => {
    expect(buildCallUri('tel:{phone}', '+14155550142')).toEqual({ ok: true, uri: 'tel:+14155550142' });
    expect(buildCallUri('callto:{phone}', '+44 20 7946 0321')).toEqual({ ok: true, uri: 'callto:+442079460321' });
    expect(buildCallUri('sip:{phone}@pbx.example.com', '+14155550142')).toEqual({ ok: true, uri: 'sip:+14155550142@pbx.example.com' });
    expect(buildCallUri('zoomphonecall:{digits}', '+14155550142')).toEqual({ ok: true, uri: 'zoomphonecall:14155550142' });
  });

  it('puts an extension into tel: links the RFC 3966 way, and tells the rep to dial it where the scheme has no place for it', () => {
    const tel = buildCallUri('tel:{phone}', '+12125550100', '204');
    expect(tel).toEqual({ ok: true, uri: 'tel:+12125550100;ext=204' });
    expect(buildCallUri('TEL:{digits}', '+12125550100', '204')).toEqual({ ok: true, uri: 'TEL:12125550100;ext=204' });
    expect(callExtensionHint('tel:+12125550100;ext=204', '204')).toBeNull();
    const sip = buildCallUri('sip:{phone}@pbx.example.com', '+12125550100', '204');
    expect(sip).toEqual({ ok: true, uri: 'sip:+12125550100@pbx.example.com' });
    expect(callExtensionHint('sip:+12125550100@pbx.example.com', '204')).toBe('Dial extension 204 when the line answers.');
    expect(callExtensionHint('tel:+12125550100', null)).toBeNull();
    // Anything but digits never reaches a link.
    expect(buildCallUri('tel:{phone}', '+12125550100', '20;x=1')).toEqual({ ok: true, uri: 'tel:+12125550100' });
  });

  it('refuses web pages, scripts and files, and templates without the number', () => {
    for (const bad of ['https://dial.example.com/{phone}', 'http:{phone}', 'javascript:alert({phone})', 'JavaScript:{phone}', 'file:///{phone}', 'data:text/html,{phone}'])
      expect(callTemplateProblem(bad), bad).toMatch(/opens a page or runs code/);
    expect(callTemplateProblem('tel:')).toMatch(/\{phone\}/);
    expect(callTemplateProblem('{phone}')).toMatch(/Start with a scheme/);
    expect(callTemplateProblem('tel: {phone}')).toMatch(/spaces/);
  });

  it('says what to do when the prospect has no usable number', () => {
    const r = buildCallUri('tel:{phone}', null);
    expect(r.ok).toBe(false);
    expect(buildCallUri('tel:{phone}', '415-555-0142').ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/international format/);
  });
});

describe('call outcomes', () => {
  const stopOn = ['connected', 'meeting_booked'] as const;
  it('finishes on the sequence’s stop outcomes and moves on otherwise', () => {
    expect(outcomeEffect('connected', stopOn, false)).toBe('finishes');
    expect(outcomeEffect('meeting_booked', stopOn, true)).toBe('finishes');
    expect(outcomeEffect('voicemail', stopOn, false)).toBe('next_step');
    expect(outcomeEffect('no_answer', stopOn, true)).toBe('completes');
    expect(outcomeEffect('wrong_number', ['wrong_number'], false)).toBe('finishes');
  });
});

describe('the prospect’s working hours', () => {
  it('flags calls that would land before 8:00, from 19:00 or on a weekend where the prospect is', () => {
    const wed15utc = Date.parse('2026-03-04T15:00:00Z');
    expect(offHours(wed15utc, 'America/New_York')).toBe(false); // 10:00
    expect(offHours(wed15utc, 'Asia/Tokyo')).toBe(true); // 00:00 Thursday
    expect(offHours(wed15utc, 'Europe/Berlin')).toBe(false); // 16:00
    expect(offHours(Date.parse('2026-03-04T18:30:00Z'), 'Europe/Berlin')).toBe(true); // 19:30
    expect(offHours(Date.parse('2026-03-07T15:00:00Z'), 'America/New_York')).toBe(true); // Saturday
  });
});
