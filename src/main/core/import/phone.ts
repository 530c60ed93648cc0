// Phone numbers to E.164 with libphonenumber-js, using the row's country or the rep's default.
// Its ES2015+ build ("/es6" in its README): native classes and spreads parse a number about a quarter faster than
// the default build's transpiled ones, and every import parses one a row.
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/min/es6';

export interface PhoneResult {
  e164: string | null;
  country: string | null;
}

export const noPhone: PhoneResult = { e164: null, country: null };

/** One number, parsed (about 3 microseconds). */
export function normalizePhone(raw: string, defaultCountry: string): PhoneResult {
  const parsed = parseTyped(raw, defaultCountry);
  return parsed ? { e164: parsed.number, country: parsed.country ?? null } : noPhone;
}

/** A number as typed, when it is a valid one: its E.164 form is `number`, an extension typed after it is `ext`. */
function parseTyped(raw: string, defaultCountry: string | undefined): PhoneNumber | null {
  let v = raw.trim();
  if (!v) return null;
  // Excel keeps "+44..." typed as a number without its plus; "0044" is the international prefix in most of the world.
  if (v.startsWith('00')) v = '+' + v.slice(2);
  const parsed = parsePhoneNumberFromString(v, defaultCountry as CountryCode | undefined);
  if (parsed?.isValid()) return parsed;
  // Digits alone that are no number of the default country: an international number without its plus.
  if (/^\d{11,15}$/.test(v)) {
    const withPlus = parsePhoneNumberFromString('+' + v);
    if (withPlus?.isValid()) return withPlus;
  }
  return null;
}

/**
 * The extension typed with a prospect's number ("(212) 555-0100 x204", "+44 20 7946 0321 ext. 12"), which E.164
 * leaves out: read again from the number as typed, when that is still the number stored.
 */
export function phoneExtension(typed: string | null, e164: string | null): string | null {
  if (!typed || !e164) return null;
  const parsed = parseTyped(typed, parsePhoneNumberFromString(e164)?.country);
  return parsed?.ext && parsed.number === e164 ? parsed.ext : null;
}

/** A stored number as people read it, with its extension: "+1 212 555 0100 ext. 204". */
export function phoneForReading(e164: string, ext: string | null): string {
  return `${parsePhoneNumberFromString(e164)?.formatInternational() ?? e164}${ext ? ` ext. ${ext}` : ''}`;
}

/** Bits of the table of numbers seen: 2^21 bits (256 KB) keep false alarms near 5% over 100,000 distinct numbers. */
const seenBits = 21;
/** Answers kept for numbers seen more than once; the memo starts again when it is full. */
const repeatsKept = 50_000;

/**
 * normalizePhone for the rows of one import. Lists repeat some numbers (a company's switchboard on each of its people)
 * and most not at all (direct dials, mobiles). Remembering every answer cost up to three microseconds a row on a list
 * of distinct numbers (the keys, the map and the garbage they leave), more than it saved. So a number's first
 * sighting only sets a bit in a table of hashes, which keeps nothing alive; from its second it is remembered, and
 * from its third it is not parsed again. A hash collision only means one number kept for nothing: the answers are
 * looked up by the number itself.
 */
export function phoneNormalizer(): (raw: string, defaultCountry: string) => PhoneResult {
  let seen: Uint8Array | null = null;
  const repeats = new Map<string, PhoneResult>();
  return (raw, defaultCountry) => {
    seen ??= new Uint8Array(1 << (seenBits - 3));
    // FNV-1a over the last ten characters (where numbers differ) and the length.
    let h = 0x811c9dc5;
    for (let i = Math.max(0, raw.length - 10); i < raw.length; i++) h = Math.imul(h ^ raw.charCodeAt(i), 0x01000193);
    h = (h ^ raw.length) >>> (32 - seenBits);
    const byte = h >>> 3;
    const bit = 1 << (h & 7);
    if ((seen[byte]! & bit) === 0) {
      seen[byte]! |= bit;
      return normalizePhone(raw, defaultCountry);
    }
    const key = `${defaultCountry} ${raw}`;
    const known = repeats.get(key);
    if (known) return known;
    const result = normalizePhone(raw, defaultCountry);
    if (repeats.size >= repeatsKept) repeats.clear();
    repeats.set(key, result);
    return result;
  };
}
