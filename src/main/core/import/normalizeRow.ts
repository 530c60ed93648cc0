// Turns one spreadsheet row and the rep's mapping into a prospect to write, or a reason it cannot be one.
import { columnLetter, type ColumnTarget } from '../../../shared/import/headerMapping';
import { countryCode } from '../../../shared/import/countries';
import { emailDomain, isValidEmail, normalizeDomain, normalizeEmail } from '../../../shared/import/email';
import { splitFullName } from '../../../shared/import/names';
import type { TimeZoneSource } from '../../../shared/domain/prospect';
import { normalizePhone } from './phone';
import { inferTimeZone } from './timeZoneInference';

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

const orNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

export function normalizeRow(cells: string[], ctx: NormalizeContext): RowResult {
  const fields: Record<string, string> = {};
  const custom: Record<string, string> = {};
  const n = Math.max(cells.length, ctx.mapping.length);
  for (let i = 0; i < n; i++) {
    const value = (cells[i] ?? '').trim();
    if (!value) continue;
    const target = ctx.mapping[i];
    // A cell beyond the mapped columns is still kept, under its column's header.
    if (!target) custom[ctx.headers[i] ?? `Column ${columnLetter(i)}`] = value;
    else if (target.kind === 'field') fields[target.field] = fields[target.field] ? `${fields[target.field]} ${value}` : value;
    else if (target.kind === 'custom') custom[target.name] = value;
  }

  const rawEmail = fields.email ?? '';
  if (!rawEmail) return { ok: false, reason: 'No email address' };
  // "a@x.com; b@y.com": the first is the prospect's, the others are kept.
  const candidates = rawEmail.split(/[;,\s]+/).map(normalizeEmail).filter(Boolean);
  const emailNormalized = candidates[0] ?? '';
  if (!isValidEmail(emailNormalized)) return { ok: false, reason: `"${rawEmail.slice(0, 80)}" is not a valid email address` };
  if (candidates.length > 1) custom['Other emails'] = candidates.slice(1).join(', ');

  let firstName = orNull(fields.first_name);
  let lastName = orNull(fields.last_name);
  if (!firstName && !lastName && fields.full_name) ({ firstName, lastName } = splitFullName(fields.full_name));

  let country: string | null = null;
  if (fields.country) {
    country = countryCode(fields.country);
    if (!country) custom['Country (as imported)'] = fields.country;
  }
  const phoneRaw = orNull(fields.phone);
  const phone = phoneRaw ? normalizePhone(phoneRaw, country ?? ctx.defaultCountry) : { e164: null, country: null };
  if (fields.time_zone) custom['Time zone (as imported)'] = fields.time_zone;
  const zone = inferTimeZone(
    { explicit: fields.time_zone, country, region: fields.region, city: fields.city, phoneCountry: phone.country },
    ctx.repTimeZone,
  );
  if (zone.source === 'column') delete custom['Time zone (as imported)'];

  const website = orNull(fields.website);
  const domain = website ? normalizeDomain(website) || null : emailDomain(emailNormalized);

  return {
    ok: true,
    draft: {
      email: rawEmail.split(/[;,\s]+/).find(Boolean)!.trim(),
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
      country,
      timeZone: zone.timeZone,
      timeZoneSource: zone.source,
      industry: orNull(fields.industry),
      source: orNull(fields.source),
      customFields: custom,
    },
  };
}
