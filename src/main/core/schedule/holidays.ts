// Public holidays per country from date-holidays, as sets of local dates, cached per country and year.
import Holidays from 'date-holidays';

const cache = new Map<string, Set<string>>();

/** Local dates (YYYY-MM-DD) of public holidays (substitute days included) in a country and year. */
export function publicHolidays(country: string, year: number): Set<string> {
  const key = `${country}:${year}`;
  let set = cache.get(key);
  if (!set) {
    set = new Set();
    try {
      const hd = new Holidays(country);
      for (const h of hd.getHolidays(year) || []) if (h.type === 'public') set.add(h.date.slice(0, 10));
    } catch {
      // A country date-holidays does not know has no holidays we can skip: business days only.
    }
    cache.set(key, set);
  }
  return set;
}

export function isPublicHoliday(country: string | null, isoDate: string): boolean {
  if (!country) return false;
  return publicHolidays(country.toUpperCase(), Number(isoDate.slice(0, 4))).has(isoDate);
}

export function holidayName(country: string | null, isoDate: string): string | null {
  if (!country || !isPublicHoliday(country, isoDate)) return null;
  try {
    const hd = new Holidays(country.toUpperCase());
    const found = (hd.getHolidays(Number(isoDate.slice(0, 4))) || []).find((h) => h.type === 'public' && h.date.startsWith(isoDate));
    return found?.name ?? null;
  } catch {
    return null;
  }
}
