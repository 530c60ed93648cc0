// Schedule math: windows, business days, holidays, time off, and both DST changes in the US and Europe.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isSendable, makeCalendar, nextSendable, planDue, timeOffIntervals } from '../../../src/main/core/schedule/calendar';
import { isPublicHoliday } from '../../../src/main/core/schedule/holidays';
import { defaultSchedule } from '../../../src/shared/domain/sequence';

const cal = (zone: string, country: string | null = null, timeOff: { start: number; end: number }[] = []) => makeCalendar(defaultSchedule(), zone, country, timeOff);
const local = (t: number, zone: string) => DateTime.fromMillis(t, { zone }).toFormat("ccc yyyy-LL-dd HH:mm");
const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();

describe('sending windows', () => {
  it('keeps an instant inside Mon-Fri 08:00-17:30 and moves one outside to the next window start', () => {
    const ny = cal('America/New_York');
    expect(local(nextSendable(ny, at('2026-03-04T10:15', 'America/New_York')), ny.zone)).toBe('Wed 2026-03-04 10:15');
    expect(local(nextSendable(ny, at('2026-03-04T06:00', 'America/New_York')), ny.zone)).toBe('Wed 2026-03-04 08:00');
    expect(local(nextSendable(ny, at('2026-03-04T17:30', 'America/New_York')), ny.zone)).toBe('Thu 2026-03-05 08:00');
    expect(local(nextSendable(ny, at('2026-03-06T18:00', 'America/New_York')), ny.zone)).toBe('Mon 2026-03-09 08:00');
    expect(local(nextSendable(ny, at('2026-03-07T12:00', 'America/New_York')), ny.zone)).toBe('Mon 2026-03-09 08:00');
  });

  it('evaluates the window in each prospect zone, not the rep zone', () => {
    const instant = Date.parse('2026-03-04T15:00:00Z'); // 10:00 NY, 16:00 Berlin, 00:00 Tokyo (Thu)
    expect(isSendable(cal('America/New_York'), instant)).toBe(true);
    expect(isSendable(cal('Europe/Berlin'), instant)).toBe(true);
    expect(isSendable(cal('Asia/Tokyo'), instant)).toBe(false);
    expect(local(nextSendable(cal('Asia/Tokyo'), instant), 'Asia/Tokyo')).toBe('Thu 2026-03-05 08:00');
    expect(local(nextSendable(cal('Australia/Sydney'), instant), 'Australia/Sydney')).toBe('Thu 2026-03-05 08:00');
    expect(local(nextSendable(cal('America/Los_Angeles'), instant), 'America/Los_Angeles')).toBe('Wed 2026-03-04 08:00');
  });

  it('honours custom days and hours', () => {
    const c = makeCalendar({ ...defaultSchedule(), days: [2, 4], start: '13:00', end: '15:00' }, 'Europe/London', null, []);
    expect(local(nextSendable(c, at('2026-03-02T09:00', 'Europe/London')), c.zone)).toBe('Tue 2026-03-03 13:00');
    expect(local(nextSendable(c, at('2026-03-03T15:00', 'Europe/London')), c.zone)).toBe('Thu 2026-03-05 13:00');
  });
});

describe('business days and delays', () => {
  const ny = cal('America/New_York');
  it('counts business days over a weekend, keeping the time of day', () => {
    expect(local(planDue(ny, at('2026-03-05T10:00', ny.zone), 2, 'business_days'), ny.zone)).toBe('Mon 2026-03-09 10:00');
    expect(local(planDue(ny, at('2026-03-06T10:00', ny.zone), 1, 'business_days'), ny.zone)).toBe('Mon 2026-03-09 10:00');
  });
  it('starts from the window start when the previous step landed after hours', () => {
    expect(local(planDue(ny, at('2026-03-05T19:00', ny.zone), 1, 'business_days'), ny.zone)).toBe('Fri 2026-03-06 08:00');
  });
  it('calendar days may land on a weekend and then move to Monday', () => {
    expect(local(planDue(ny, at('2026-03-05T10:00', ny.zone), 2, 'days'), ny.zone)).toBe('Mon 2026-03-09 08:00');
    expect(local(planDue(ny, at('2026-03-05T10:00', ny.zone), 1, 'days'), ny.zone)).toBe('Fri 2026-03-06 10:00');
  });
  it('hours are elapsed time, then moved into the window', () => {
    expect(local(planDue(ny, at('2026-03-05T10:00', ny.zone), 4, 'hours'), ny.zone)).toBe('Thu 2026-03-05 14:00');
    expect(local(planDue(ny, at('2026-03-05T16:00', ny.zone), 4, 'hours'), ny.zone)).toBe('Fri 2026-03-06 08:00');
  });
});

describe('daylight saving changes', () => {
  it('US spring forward (8 Mar 2026): a day delay keeps 09:00 local, 23 hours later', () => {
    const ny = cal('America/New_York');
    const base = at('2026-03-06T09:00', ny.zone); // Friday, EST
    const due = planDue(ny, base, 1, 'business_days'); // Monday, EDT
    expect(local(due, ny.zone)).toBe('Mon 2026-03-09 09:00');
    expect((due - base) / 3_600_000).toBe(71);
  });
  it('US fall back (1 Nov 2026): 09:00 local stays 09:00, 25 hours later', () => {
    const ny = cal('America/New_York');
    const base = at('2026-10-31T09:00', ny.zone); // Saturday
    const c = makeCalendar({ ...defaultSchedule(), days: [1, 2, 3, 4, 5, 6, 7] }, ny.zone, null, []);
    const due = planDue(c, base, 1, 'days');
    expect(local(due, ny.zone)).toBe('Sun 2026-11-01 09:00');
    expect((due - base) / 3_600_000).toBe(25);
  });
  it('Europe spring forward (29 Mar 2026) and fall back (25 Oct 2026) keep the wall clock', () => {
    const c = makeCalendar({ ...defaultSchedule(), days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59' }, 'Europe/Berlin', null, []);
    const spring = at('2026-03-28T02:30', 'Europe/Berlin');
    const s = planDue(c, spring, 1, 'days'); // 02:30 does not exist on 29 Mar: the next valid time
    expect(local(s, 'Europe/Berlin')).toBe('Sun 2026-03-29 03:30');
    const fall = at('2026-10-24T10:00', 'Europe/Berlin');
    const f = planDue(c, fall, 1, 'days');
    expect(local(f, 'Europe/Berlin')).toBe('Sun 2026-10-25 10:00');
    expect((f - fall) / 3_600_000).toBe(25);
  });
  it('a window start on the DST day is the local 08:00 of that day in both directions', () => {
    const c = makeCalendar({ ...defaultSchedule(), days: [7] }, 'Europe/London', null, []);
    expect(new Date(nextSendable(c, at('2026-03-28T12:00', 'Europe/London'))).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(new Date(nextSendable(c, at('2026-10-24T12:00', 'Europe/London'))).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });
  it('hours across the change are elapsed hours', () => {
    const c = makeCalendar({ ...defaultSchedule(), days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59' }, 'America/Chicago', null, []);
    const base = at('2026-03-08T00:30', 'America/Chicago');
    expect(local(planDue(c, base, 3, 'hours'), c.zone)).toBe('Sun 2026-03-08 04:30');
  });
});

describe('holidays and time off', () => {
  it('knows public holidays per country, substitute days included', () => {
    expect(isPublicHoliday('US', '2026-07-03')).toBe(true); // Independence Day observed
    expect(isPublicHoliday('DE', '2026-10-03')).toBe(true);
    expect(isPublicHoliday('GB', '2026-12-28')).toBe(true); // Boxing Day substitute
    expect(isPublicHoliday('US', '2026-07-06')).toBe(false);
  });
  it('skips the prospect country holidays, but not another country', () => {
    const us = cal('America/New_York', 'US');
    expect(local(nextSendable(us, at('2026-07-03T09:00', us.zone)), us.zone)).toBe('Mon 2026-07-06 08:00');
    const de = cal('America/New_York', 'DE');
    expect(local(nextSendable(de, at('2026-07-03T09:00', de.zone)), de.zone)).toBe('Fri 2026-07-03 09:00');
    expect(local(planDue(us, at('2026-07-02T09:00', us.zone), 1, 'business_days'), us.zone)).toBe('Mon 2026-07-06 09:00');
  });
  it('a schedule may choose not to skip holidays', () => {
    const c = makeCalendar({ ...defaultSchedule(), skipHolidays: false }, 'America/New_York', 'US', []);
    expect(local(nextSendable(c, at('2026-07-03T09:00', c.zone)), c.zone)).toBe('Fri 2026-07-03 09:00');
  });
  it('the rep time off shifts work past those days, in the rep zone', () => {
    const off = timeOffIntervals([{ start: '2026-03-09', end: '2026-03-11', label: 'Trip' }], 'America/New_York');
    const c = cal('America/New_York', null, off);
    expect(local(nextSendable(c, at('2026-03-09T09:00', c.zone)), c.zone)).toBe('Thu 2026-03-12 08:00');
    expect(local(planDue(c, at('2026-03-06T10:00', c.zone), 1, 'business_days'), c.zone)).toBe('Thu 2026-03-12 10:00');
    // A Berlin prospect: the rep is off until midnight New York time, which is 06:00 Thursday in Berlin.
    const b = cal('Europe/Berlin', null, off);
    expect(local(nextSendable(b, at('2026-03-11T09:00', 'Europe/Berlin')), 'Europe/Berlin')).toBe('Thu 2026-03-12 08:00');
  });
});
