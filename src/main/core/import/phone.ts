// Phone numbers to E.164 with libphonenumber-js, using the row's country or the rep's default.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export interface PhoneResult {
  e164: string | null;
  country: string | null;
}

// Parsing costs tens of microseconds (the calling code's countries are tried in turn), and lists repeat
// numbers (switchboards, "+1 555..." placeholders): remember recent answers, bounded so memory stays flat.
const cache = new Map<string, PhoneResult>();
const cacheLimit = 50_000;

export function normalizePhone(raw: string, defaultCountry: string): PhoneResult {
  const v = raw.trim();
  if (!v) return { e164: null, country: null };
  const key = defaultCountry + v;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = parse(v, defaultCountry);
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, result);
  return result;
}

function parse(raw: string, defaultCountry: string): PhoneResult {
  let v = raw;
  // Excel keeps "+44..." typed as a number without its plus; "0044" is the international prefix in most of the world.
  if (v.startsWith('00')) v = '+' + v.slice(2);
  const parsed = parsePhoneNumberFromString(v, defaultCountry as CountryCode) ?? (/^\d{11,15}$/.test(v) ? parsePhoneNumberFromString('+' + v) : undefined);
  if (parsed?.isValid()) return { e164: parsed.number, country: parsed.country ?? null };
  if (/^\d{11,15}$/.test(v)) {
    const withPlus = parsePhoneNumberFromString('+' + v);
    if (withPlus?.isValid()) return { e164: withPlus.number, country: withPlus.country ?? null };
  }
  return { e164: null, country: null };
}
