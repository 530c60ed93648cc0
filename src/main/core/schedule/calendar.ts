// Pure schedule math: sending windows, business days, holidays and time off, in one IANA zone, DST-safe.
import { DateTime } from 'luxon';
import type { DelayUnit, Schedule } from '../../../shared/domain/sequence';
import type { TimeOff } from '../../../shared/domain/sendingSettings';
import { isPublicHoliday } from './holidays';

/** Everything needed to say when one prospect may receive work. */
export interface WorkCalendar {
  zone: string;
  days: ReadonlySet<number>;
  startMinute: number;
  endMinute: number;
  /** Country whose public holidays are skipped; null: none skipped. */
  holidayCountry: string | null;
  /** The rep's days off as instants [start, end). */
  timeOff: readonly { start: number; end: number }[];
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function makeCalendar(schedule: Schedule, zone: string, country: string | null, timeOff: readonly { start: number; end: number }[]): WorkCalendar {
  return {
    zone,
    days: new Set(schedule.days),
    startMinute: minutes(schedule.start),
    endMinute: minutes(schedule.end),
    holidayCountry: schedule.skipHolidays ? country : null,
    timeOff,
  };
}

/** The rep's days off (local dates in the rep's zone, inclusive) as instant intervals. */
export function timeOffIntervals(timeOff: readonly TimeOff[], repZone: string): { start: number; end: number }[] {
  return timeOff
    .map((t) => ({
      start: DateTime.fromISO(t.start, { zone: repZone }).startOf('day').toMillis(),
      end: DateTime.fromISO(t.end, { zone: repZone }).plus({ days: 1 }).startOf('day').toMillis(),
    }))
    .filter((t) => Number.isFinite(t.start) && Number.isFinite(t.end))
    .sort((a, b) => a.start - b.start);
}

function atMinute(day: DateTime, minute: number): DateTime {
  // fromObject resolves a wall time that does not exist (spring forward) to the next valid one,
  // and an ambiguous one (fall back) to the first occurrence.
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone: day.zone });
}

// Zone math is the engine's hottest path (luxon asks Intl for every offset): windows are memoised per zone, day and hours.
const windowCache = new Map<string, { start: number; end: number }>();

export function windowOf(cal: WorkCalendar, day: DateTime): { start: number; end: number } {
  const key = `${cal.zone}|${day.year}-${day.month}-${day.day}|${cal.startMinute}|${cal.endMinute}`;
  let w = windowCache.get(key);
  if (!w) {
    if (windowCache.size > 50_000) windowCache.clear();
    w = { start: atMinute(day, cal.startMinute).toMillis(), end: atMinute(day, cal.endMinute).toMillis() };
    windowCache.set(key, w);
  }
  return w;
}

interface LocalDay {
  start: number;
  end: number;
  day: DateTime;
}
const dayCache = new Map<string, LocalDay[]>();

/** The local day (in the calendar's zone) that contains instant t, from a small per-zone cache. */
function localDay(zone: string, t: number): DateTime {
  let days = dayCache.get(zone);
  if (!days) dayCache.set(zone, (days = []));
  for (const d of days) if (t >= d.start && t < d.end) return d.day;
  const day = DateTime.fromMillis(t, { zone }).startOf('day');
  days.push({ start: day.toMillis(), end: day.plus({ days: 1 }).startOf('day').toMillis(), day });
  if (days.length > 64) days.shift();
  return day;
}

function inTimeOff(cal: WorkCalendar, t: number): { start: number; end: number } | null {
  for (const off of cal.timeOff) if (t >= off.start && t < off.end) return off;
  return null;
}

/** A day is a working day when the schedule sends on its weekday, it is no public holiday, and the rep is not off at its window start. */
export function isWorkingDay(cal: WorkCalendar, day: DateTime): boolean {
  if (!cal.days.has(day.weekday)) return false;
  if (cal.holidayCountry && isPublicHoliday(cal.holidayCountry, day.toISODate()!)) return false;
  return cal.timeOff.length === 0 || !inTimeOff(cal, windowOf(cal, day).start);
}

export function isSendable(cal: WorkCalendar, t: number): boolean {
  const day = localDay(cal.zone, t);
  if (!isWorkingDay(cal, day)) return false;
  const w = windowOf(cal, day);
  return t >= w.start && t < w.end && !inTimeOff(cal, t);
}

/** The earliest instant at or after t inside a sending window. */
export function nextSendable(cal: WorkCalendar, t: number): number {
  let day = localDay(cal.zone, t);
  let at = t;
  // Bounded: a schedule with some weekday always finds a window within a few years of holidays and time off.
  for (let i = 0; i < 3000; i++) {
    if (isWorkingDay(cal, day)) {
      const w = windowOf(cal, day);
      const candidate = Math.max(at, w.start);
      if (candidate < w.end) {
        const off = inTimeOff(cal, candidate);
        if (!off) return candidate;
        at = off.end;
        day = DateTime.fromMillis(at, { zone: cal.zone }).startOf('day');
        continue;
      }
    }
    day = day.plus({ days: 1 });
    at = Math.max(at, day.toMillis());
  }
  throw new Error('No sending window found in the next years: check the schedule and the time off');
}

/**
 * The instant a step lands after `base`: hours are elapsed time; days keep the wall-clock time
 * (so a DST change does not shift it); business days count only working days. The result is
 * then moved into the next sending window.
 */
export function planDue(cal: WorkCalendar, base: number, amount: number, unit: DelayUnit): number {
  if (unit === 'hours' || amount === 0) return nextSendable(cal, base + (unit === 'hours' ? amount * 3_600_000 : 0));
  const local = DateTime.fromMillis(base, { zone: cal.zone });
  let day = local.startOf('day');
  if (unit === 'days') day = day.plus({ days: amount });
  else {
    let left = amount;
    while (left > 0) {
      day = day.plus({ days: 1 });
      if (isWorkingDay(cal, day)) left--;
    }
  }
  // The same time of day, unless that was outside the hours: then the window start of that day.
  const minute = local.hour * 60 + local.minute;
  const target = minute >= cal.startMinute && minute < cal.endMinute ? atMinute(day, minute).plus({ seconds: local.second }) : atMinute(day, cal.startMinute);
  return nextSendable(cal, target.toMillis());
}

/** Local wall-clock text for the timeline and the preview, e.g. "Tue 3 Mar 2026, 09:00 (Europe/Berlin)". */
export function localText(t: number, zone: string): string {
  return `${DateTime.fromMillis(t, { zone }).toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
}
