// Turns one spreadsheet row and the rep's mapping into a prospect to write, or a reason it cannot be one.
import { columnLetter, type ColumnTarget } from '../../../shared/import/headerMapping';
import { countryCode } from '../../../shared/import/countries';
import { cleanEmail, emailDomain, emailProblem, normalizeDomain } from '../../../shared/import/email';
import { splitFullName } from '../../../shared/import/names';
import type { ProspectField, TimeZoneSource } from '../../../shared/domain/prospect';
import { noPhone, phoneNormalizer, type PhoneResult } from './phone';
import { inferTimeZone, zoneOfPlace, type ZoneGuess } from './timeZoneInference';

export interface ProspectDraft {
  email: string;
  emailNormalized: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  title: string | null;
  phone: string | null;
  phoneRaw: string | null;
  linkedinUrl: string | null;
  website: string | null;
  domain: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  timeZone: string;
  timeZoneSource: TimeZoneSource;
  industry: string | null;
  source: string | null;
  customFields: Record<string, string>;
}

export type RowResult = { ok: true; draft: ProspectDraft } | { ok: false; reason: string };

export interface NormalizeContext {
  headers: string[];
  mapping: ColumnTarget[];
  defaultCountry: string;
  repTimeZone: string;
}

/** The fields' values are trimmed as they are collected: empty is none. */
const orNull = (v: string) => v || null;

/**
 * A row's mapped values, one property per field, '' where the row has none. Built with every field in the same order
 * each time, so every row's object has one shape and filling it by field name stays fast: grown property by property,
 * in each row's own order, it made normalising a row (its phone number aside) about a quarter slower.
 */
const noFields = (): Record<ProspectField, string> => ({
  email: '', first_name: '', last_name: '', full_name: '', company: '', title: '', phone: '', linkedin_url: '', website: '',
  city: '', region: '', country: '', time_zone: '', industry: '', source: '',
});

/** A bounded memo: spreadsheets repeat their countries, states and cities thousands of times. */
function memo<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) {
      v = compute(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, v);
    }
    return v as T;
  };
}

export function normalizeRow(cells: string[], ctx: NormalizeContext): RowResult {
  return rowNormalizer(ctx)(cells);
}

/**
 * The addresses in an email cell, first the prospect's: "a@x.com", "a@x.com; b@y.com", or as mail programs copy
 * them, "Ann Lee <ann@x.com>" and "\"Lee, Ann\" <ann@x.com>, Bob <bob@y.com>" (the first name shown is returned too).
 */
export function emailParts(raw: string): { parts: string[]; displayName: string } {
  // Runs for every row: most cells hold no angle bracket at all.
  const bracketed = raw.includes('<') ? [...raw.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)] : [];
  if (bracketed.length > 0) {
    const displayName = raw.slice(0, bracketed[0]!.index).trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1').trim();
    return { parts: bracketed.map((m) => m[1]!), displayName };
  }
  return { parts: raw.split(/[;,\s]+/).filter(Boolean), displayName: '' };
}

/**
 * The normaliser for one import: the mapping is read once, and the answers that depend only on a few repeated values
 * (a country's code, a location's time zone) are remembered, so each row costs only what is new in it.
 */
export function rowNormalizer(ctx: NormalizeContext): (cells: string[]) => RowResult {
  const country = memo(1000, (v) => countryCode(v));
  const normalizePhone = phoneNormalizer();
  const place = memo(20_000, (key) => {
    const [explicit, c, region, city] = key.split('\u0000');
    return zoneOfPlace({ explicit: explicit || null, country: c || null, region: region || null, city: city || null });
  });
  // Numbers rarely repeat, so the phone's zone is looked up each time (a few map lookups), only where the place gave none.
  const zone = (placeKey: string, phone: string | null, phoneCountry: string | null): ZoneGuess => inferTimeZone({ phone, phoneCountry }, ctx.repTimeZone, place(placeKey));
  const header = (i: number) => ctx.headers[i] ?? `Column ${columnLetter(i)}`;
  /**
   * Several columns hold phone numbers (Phone, Mobile, Corporate Phone...): the first valid number, in column order,
   * is the prospect's; each other number is kept under its column's header. None valid: the first one is kept as
   * the prospect's, as typed, for the rep to correct.
   */
  const choosePhone = (columns: number[], cells: string[], country: string, custom: Record<string, string>) => {
    let chosen = columns[0]!;
    let phone: PhoneResult = noPhone;
    for (const c of columns) {
      const found = normalizePhone(cells[c]!.trim(), country);
      if (found.e164) {
        chosen = c;
        phone = found;
        break;
      }
    }
    for (const c of columns) if (c !== chosen) custom[header(c)] = cells[c]!.trim();
    return { phoneRaw: cells[chosen]!.trim(), phone };
  };
  return (cells) => {
    const fields = noFields();
    const custom: Record<string, string> = {};
    /** The columns mapped to the phone that have a value, when there are several. */
    let phoneColumns: number[] | null = null;
    let phoneColumn = -1;
    const n = Math.max(cells.length, ctx.mapping.length);
    for (let i = 0; i < n; i++) {
      const raw = cells[i];
      if (!raw) continue;
      const value = raw.trim();
      if (!value) continue;
      const target = ctx.mapping[i];
      // A cell beyond the mapped columns is still kept, under its column's header.
      if (!target) custom[header(i)] = value;
      else if (target.kind === 'field') {
        const field = target.field;
        if (field === 'phone') {
          if (phoneColumn < 0) {
            phoneColumn = i;
            fields.phone = value;
          } else (phoneColumns ??= [phoneColumn]).push(i);
        } else fields[field] = fields[field] ? `${fields[field]} ${value}` : value;
      } else if (target.kind === 'custom') custom[target.name] = value;
    }

    const rawEmail = fields.email;
    if (!rawEmail) return { ok: false, reason: 'No email address' };
    // "a@x.com; b@y.com": the first is the prospect's, the others are kept.
    const { parts, displayName } = emailParts(rawEmail);
    // Each address as typed, without "mailto:" or brackets; matched lower-cased.
    const addresses = parts.map(cleanEmail).filter(Boolean);
    const candidates = addresses.map((a) => a.toLowerCase());
    const emailNormalized = candidates[0] ?? '';
    const problem = emailProblem(emailNormalized);
    if (problem) return { ok: false, reason: `"${rawEmail.slice(0, 80)}" is not a valid email address: ${problem}` };
    if (candidates.length > 1) custom['Other emails'] = candidates.slice(1).join(', ');

    let firstName = orNull(fields.first_name);
    let lastName = orNull(fields.last_name);
    const fullName = fields.full_name || displayName;
    if (!firstName && !lastName && fullName) ({ firstName, lastName } = splitFullName(fullName));

    let code: string | null = null;
    if (fields.country) {
      code = country(fields.country);
      if (!code) custom['Country (as imported)'] = fields.country;
    }
    const { phoneRaw, phone } = phoneColumns
      ? choosePhone(phoneColumns, cells, code ?? ctx.defaultCountry, custom)
      : { phoneRaw: orNull(fields.phone), phone: fields.phone ? normalizePhone(fields.phone, code ?? ctx.defaultCountry) : noPhone };
    const guess = zone(`${fields.time_zone}\u0000${code ?? ''}\u0000${fields.region}\u0000${fields.city}`, phone.e164, phone.country);
    if (fields.time_zone && guess.source !== 'column') custom['Time zone (as imported)'] = fields.time_zone;

    const website = orNull(fields.website);
    const domain = website ? normalizeDomain(website) || null : emailDomain(emailNormalized);

    return {
      ok: true,
      draft: {
        email: addresses[0]!,
        emailNormalized,
        firstName,
        lastName,
        company: orNull(fields.company),
        title: orNull(fields.title),
        phone: phone.e164,
        phoneRaw,
        linkedinUrl: orNull(fields.linkedin_url),
        website,
        domain,
        city: orNull(fields.city),
        region: orNull(fields.region),
        country: code,
        timeZone: guess.timeZone,
        timeZoneSource: guess.source,
        industry: orNull(fields.industry),
        source: orNull(fields.source),
        customFields: custom,
      },
    };
  };
}
