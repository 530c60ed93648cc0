// Guesses a prospect's IANA time zone: an explicit column, else where they are, else their phone number, else the rep's.
import ct from 'countries-and-timezones';
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

export function inferTimeZone(clues: ZoneClues, repTimeZone: string): ZoneGuess {
  const explicit = clues.explicit ? zoneFromColumn(clues.explicit) : null;
  if (explicit) return { timeZone: explicit, source: 'column' };
  const located = zoneFromLocation(clues.country, clues.region, clues.city);
  if (located) return { timeZone: located, source: 'location' };
  const byPhone = clues.phoneCountry ? zoneOfCountry(clues.phoneCountry) : null;
  if (byPhone) return { timeZone: byPhone, source: 'phone' };
  return { timeZone: repTimeZone, source: 'rep' };
}
