// Guesses a prospect's IANA time zone: an explicit column, else where they are, else their phone number, else the rep's.
import ct from 'countries-and-timezones';
import { zoneOfPhone } from './phoneZones';
import type { TimeZoneSource } from '../../../shared/domain/prospect';
import { isTimeZone } from '../../../shared/domain/timeZones';
import { cityZones, dominantZones, regionZones, zoneAliases } from './timeZoneTables';

export interface ZoneGuess {
  timeZone: string;
  source: TimeZoneSource;
}

export interface ZoneClues {
  explicit?: string | null;
  country?: string | null;
  region?: string | null;
  city?: string | null;
  /** The phone number in E.164, and the country libphonenumber places it in. */
  phone?: string | null;
  phoneCountry?: string | null;
}

/** "(GMT-08:00) ", "(UTC+01:00) ": the offset Windows, Outlook and webinar tools show before a zone's name. */
const offsetPrefix = /^\((?:gmt|utc)\s*([+-]\d{1,2})(?::?(\d{2}))?\)\s*/i;
/** "GMT-5", "UTC+01:00", "+02:00": an offset alone. */
const offsetOnly = /^(?:gmt|utc)?\s*([+-]\d{1,2})(?::?(\d{2}))?$/i;

/**
 * A time zone column's value as an IANA zone: an IANA name (legacy ones such as "US/Eastern" as their current name),
 * an abbreviation or a common name ("PST", "Eastern Time"), the names Windows, Outlook and Zoom write
 * ("(GMT-08:00) Pacific Time (US & Canada)", "(UTC+01:00) Amsterdam, Berlin, ..."), or an offset. A name is taken
 * before the offset beside it, as it also knows summer time; an offset alone gives a zone that keeps it all year.
 */
export function zoneFromColumn(value: string): string | null {
  let v = value.trim().replace(/\s+/g, ' ');
  if (!v) return null;
  const prefixed = offsetPrefix.exec(v);
  if (prefixed) v = v.slice(prefixed[0].length);
  const named = namedZone(v) ?? namedZone(v.replace(/\s*\((?:us|u\.s\.) ?(?:&|and) ?canada\)$/i, '')) ?? listedCityZone(v);
  if (named) return named;
  const offset = prefixed ?? offsetOnly.exec(v);
  return offset ? fixedOffsetZone(offset[1]!, offset[2]) : null;
}

function namedZone(v: string): string | null {
  if (!v) return null;
  const alias = zoneAliases[v.toLowerCase()];
  if (alias) return alias;
  return isTimeZone(v) ? new Intl.DateTimeFormat('en-US', { timeZone: v }).resolvedOptions().timeZone : null;
}

/** "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna": the zone of the first city listed that we know. */
function listedCityZone(v: string): string | null {
  for (const city of v.split(',')) {
    const zone = cityZones[city.trim().toLowerCase()];
    if (zone) return zone;
  }
  return null;
}

/** A whole-hour offset as the zone that keeps it all year ("Etc/GMT+5" is UTC-5: the sign is POSIX's). */
function fixedOffsetZone(hours: string, minutes: string | undefined): string | null {
  const h = Number(hours);
  if ((minutes !== undefined && Number(minutes) !== 0) || Math.abs(h) > 14) return null;
  return h === 0 ? 'UTC' : `Etc/GMT${h > 0 ? '-' : '+'}${Math.abs(h)}`;
}

export function zoneOfCountry(country: string): string | null {
  const zones = ct.getCountry(country)?.timezones ?? [];
  if (zones.length === 1) return zones[0]!;
  return dominantZones[country] ?? null;
}

export function zoneFromLocation(country: string | null | undefined, region: string | null | undefined, city: string | null | undefined): string | null {
  const r = region?.trim().toLowerCase().replace(/\s+/g, ' ') ?? '';
  const countries = country ? [country] : ['US', 'CA', 'AU'];
  if (r) {
    for (const c of countries) {
      const table = regionZones[c];
      if (!table) continue;
      const code = table.names[r] ?? r.toUpperCase();
      if (table.codes[code]) return table.codes[code]!;
    }
  }
  const cityKey = city?.trim().toLowerCase().replace(/\s+/g, ' ') ?? '';
  const fromCity = cityKey ? cityZones[cityKey] : undefined;
  if (fromCity && (!country || (ct.getCountry(country)?.timezones ?? ([] as string[])).includes(fromCity))) return fromCity;
  return country ? zoneOfCountry(country) : null;
}

/** The zone the row says, or where it says the prospect is; null when it says neither. */
export function zoneOfPlace(clues: ZoneClues): ZoneGuess | null {
  const explicit = clues.explicit ? zoneFromColumn(clues.explicit) : null;
  if (explicit) return { timeZone: explicit, source: 'column' };
  const located = zoneFromLocation(clues.country, clues.region, clues.city);
  return located ? { timeZone: located, source: 'location' } : null;
}

/** The zone of the phone number's area (its prefix), else of its country when that has one main zone. */
function zoneOfPhoneClues(clues: ZoneClues): ZoneGuess | null {
  const byPhone = (clues.phone ? zoneOfPhone(clues.phone, clues.phoneCountry ?? null) : null) ?? (clues.phoneCountry ? zoneOfCountry(clues.phoneCountry) : null);
  return byPhone ? { timeZone: byPhone, source: 'phone' } : null;
}

/** place: what zoneOfPlace says of these clues, for a caller that has it already (an import remembers it per place). */
export function inferTimeZone(clues: ZoneClues, repTimeZone: string, place = zoneOfPlace(clues)): ZoneGuess {
  return place ?? zoneOfPhoneClues(clues) ?? { timeZone: repTimeZone, source: 'rep' };
}
