// Return dates in out-of-office replies: common forms in several languages, "until" versus "back on", year roll-over.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseReturnDate } from '../../../src/main/core/inbox/returnDate';

const received = Date.parse('2026-03-02T10:00:00Z');
const day = (text: string, at = received, timeZone = 'UTC') => {
  const r = parseReturnDate(text, { receivedAt: at, timeZone });
  return r === null ? null : DateTime.fromMillis(r, { zone: timeZone }).toISODate();
};

describe('parseReturnDate', () => {
  it.each([
    ['I will be back on Monday, March 9, 2026.', '2026-03-09'],
    ['I am out of the office until March 9th.', '2026-03-10'],
    ['Back on 9 March.', '2026-03-09'],
    ['Returning 2026-03-11.', '2026-03-11'],
    ['Out until 3/13 with limited access.', '2026-03-14'],
    ['Ich bin ab dem 16.03.2026 wieder im Büro.', '2026-03-16'],
    ['Ich bin bis zum 13. März nicht erreichbar.', '2026-03-14'],
    ['Je serai de retour le 12 mars.', '2026-03-12'],
    ["Absente jusqu'au 10 mars inclus.", '2026-03-11'],
    ['Estaré fuera hasta el 12 de marzo de 2026.', '2026-03-13'],
    ['Rientrerò il 20 marzo.', '2026-03-20'],
    ['Ik ben terug op 18 maart.', '2026-03-18'],
    ['Estarei ausente até 19 de março.', '2026-03-20'],
    ['On leave from 2 March to 6 March.', '2026-03-07'],
  ])('%s', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it('rolls a date without a year into next year across New Year', () => {
    expect(day('Back on 5 January.', Date.parse('2026-12-22T10:00:00Z'))).toBe('2027-01-05');
  });

  it('ignores dates in the past, far in the future, or none at all', () => {
    expect(day('Sent on 1 February 2026.')).toBeNull();
    expect(day('Back on 1 December 2027.')).toBeNull();
    expect(day('I am on parental leave.')).toBeNull();
  });

  it('returns the start of that day in the rep’s time zone', () => {
    const r = parseReturnDate('Back on March 9, 2026.', { receivedAt: received, timeZone: 'America/New_York' })!;
    expect(DateTime.fromMillis(r, { zone: 'America/New_York' }).toISO()).toBe('2026-03-09T00:00:00.000-04:00');
  });
});
