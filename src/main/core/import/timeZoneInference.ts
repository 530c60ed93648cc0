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

export function zoneFromColumn(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  if (isTimeZone(v)) return v;
  return zoneAliases[v.toLowerCase()] ?? null;
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
