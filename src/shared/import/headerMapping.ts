// Suggests which prospect field each spreadsheet column holds, from the header names CRMs and list tools export.
import type { ProspectField } from '../domain/prospect';

/** A column's target: a standard field, a custom field (kept under its header), or ignored. */
export type ColumnTarget = { kind: 'field'; field: ProspectField } | { kind: 'custom'; name: string } | { kind: 'ignore' };

// Keys are headers reduced by canonical(): lower-case letters and digits only. Where several columns name one field,
// the name listed first wins ("Website" over "Email Domain", "Work Email" over "Personal Email"). German, French and
// Spanish exports' names come last ("E-Mail-Adresse", "Vorname", "Nachname", "Firma", "Société", "Teléfono"...).
const synonyms: Record<ProspectField, string[]> = {
  email: ['email', 'emailaddress', 'workemail', 'businessemail', 'email1', 'primaryemail', 'emailid', 'mail', 'contactemail', 'workemailaddress', 'personalemail', 'emails', 'emailadresse', 'courriel', 'adresseemail', 'correoelectronico', 'correo'],
  first_name: ['firstname', 'givenname', 'first', 'fname', 'forename', 'contactfirstname', 'prenom', 'vorname', 'nombre'],
  last_name: ['lastname', 'surname', 'familyname', 'last', 'lname', 'contactlastname', 'nom', 'nachname', 'familienname', 'apellido', 'apellidos'],
  full_name: ['fullname', 'name', 'contactname', 'contact', 'leadname', 'attendeename', 'prospectname', 'person', 'displayname', 'nomcomplet', 'vollstandigername', 'nombrecompleto'],
  company: ['company', 'companyname', 'accountname', 'account', 'organization', 'organisation', 'organizationname', 'employer', 'business', 'firm', 'firma', 'unternehmen', 'empresa', 'entreprise', 'societe'],
  title: ['title', 'jobtitle', 'position', 'role', 'designation', 'jobrole', 'cargo', 'poste', 'funktion'],
  phone: ['phone', 'phonenumber', 'mobile', 'mobilephone', 'mobilenumber', 'directphone', 'directdial', 'workphone', 'businessphone', 'cell', 'cellphone', 'telephone', 'tel', 'officephone', 'corporatephone', 'phone1', 'telefon', 'telefono', 'telefonnummer', 'handy', 'mobil', 'movil', 'portable'],
  linkedin_url: ['linkedin', 'linkedinurl', 'linkedinprofile', 'linkedinprofileurl', 'personlinkedinurl', 'li', 'liurl'],
  website: ['website', 'domain', 'companywebsite', 'companydomain', 'url', 'web', 'websiteurl', 'emaildomain', 'companyurl', 'accounturl', 'homepage'],
  // Where the person is: their own address (Salesforce's "Mailing ...", ZoomInfo's "Person ..."), not the company's.
  city: ['city', 'town', 'mailingcity', 'locality', 'contactcity', 'personcity', 'leadcity', 'stadt', 'ort', 'ciudad', 'ville'],
  region: ['state', 'region', 'province', 'stateprovince', 'county', 'mailingstate', 'stateregion', 'mailingstateprovince', 'stateorprovince', 'personstate', 'contactstate', 'leadstate', 'bundesland', 'provincia'],
  country: ['country', 'countrycode', 'countryregion', 'mailingcountry', 'nation', 'personcountry', 'contactcountry', 'leadcountry', 'land', 'pais', 'pays'],
  time_zone: ['timezone', 'tz', 'ianatimezone', 'zone'],
  industry: ['industry', 'sector', 'vertical'],
  source: ['source', 'leadsource', 'origin', 'channel', 'listsource', 'originalsource'],
};

const byCanonical = new Map<string, { field: ProspectField; rank: number }>();
for (const [field, names] of Object.entries(synonyms) as [ProspectField, string[]][]) names.forEach((n, rank) => byCanonical.set(n, { field, rank }));
/** The rank of a header recognised by its ending rather than by name: after every name listed. */
const byEnding = 1000;

export function canonical(header: string): string {
  return header.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
}

function guess(header: string): { field: ProspectField; rank: number } | null {
  const c = canonical(header);
  if (!c) return null;
  const exact = byCanonical.get(c);
  if (exact) return exact;
  const field = byEndingOf(c);
  return field && { field, rank: byEnding };
}

function byEndingOf(c: string): ProspectField | null {
  // "Contact: Email Address", "Person Email", "Lead Email": a recognised field at the end of the header.
  if (/email$/.test(c) && !/(opt|bounce|status|sent|verified)/.test(c)) return 'email';
  if (/(firstname|givenname)$/.test(c)) return 'first_name';
  if (/(lastname|surname)$/.test(c)) return 'last_name';
  if (/(phone|mobile|cell)(number|no|num)?$/.test(c) && !/fax/.test(c)) return 'phone';
  if (/linkedin/.test(c)) return 'linkedin_url';
  // "Account Website", "Company Domain": not any URL ("Twitter URL", "Image URL").
  if (/(website|domain)$/.test(c)) return 'website';
  return null;
}

/** Columns Repdesk adds to its "import issues" CSV; dropped again when that file is fixed and re-imported. */
export const issueColumns = { row: 'Repdesk row', problem: 'Repdesk problem' } as const;
const ignoredHeaders = new Set<string>(Object.values(issueColumns));

/**
 * Fields several columns can fill: exports often carry a Phone, a Mobile and a Corporate Phone, any of them empty.
 * The first valid number is the prospect's, the others are kept as custom fields (see normalizeRow.ts).
 */
const severalColumns = new Set<ProspectField>(['phone']);

/**
 * One target per column. A field goes to the column whose header names it best (see synonyms), the first of them on
 * a tie; the others become custom fields, except for the fields several columns can fill. Full name is only used
 * when neither first nor last name was found.
 */
export function suggestMapping(headers: string[]): ColumnTarget[] {
  const guesses = headers.map((h) => (ignoredHeaders.has(h.trim()) ? null : guess(h)));
  const best = new Map<ProspectField, number>();
  guesses.forEach((g, i) => {
    if (!g || severalColumns.has(g.field)) return;
    const held = best.get(g.field);
    if (held === undefined || g.rank < guesses[held]!.rank) best.set(g.field, i);
  });
  const targets: ColumnTarget[] = headers.map((h, i) => {
    if (ignoredHeaders.has(h.trim())) return { kind: 'ignore' };
    const g = guesses[i];
    if (g && (severalColumns.has(g.field) || best.get(g.field) === i)) return { kind: 'field', field: g.field };
    return h.trim() ? { kind: 'custom', name: h.trim() } : { kind: 'ignore' };
  });
  if (best.has('full_name') && (best.has('first_name') || best.has('last_name'))) {
    return targets.map((t, i) => (t.kind === 'field' && t.field === 'full_name' ? { kind: 'custom', name: headers[i]!.trim() } : t));
  }
  return targets;
}

/** Header names made unique and never empty, so every column can be kept as a custom field. */
export function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.replace(/\s+/g, ' ').trim() || `Column ${columnLetter(i)}`;
    const key = base.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Whether several columns can be mapped to this field at once (choosing any other for a column frees it elsewhere). */
export const fillsFromSeveralColumns = (field: ProspectField): boolean => severalColumns.has(field);

/** The fields several columns are mapped to, with those columns' headers in order, for the mapping step to explain. */
export function combinedColumns(headers: string[], mapping: ColumnTarget[]): { field: ProspectField; columns: string[] }[] {
  const columns = new Map<ProspectField, string[]>();
  mapping.forEach((t, i) => {
    if (t.kind === 'field' && severalColumns.has(t.field)) columns.set(t.field, [...(columns.get(t.field) ?? []), headers[i] ?? `Column ${columnLetter(i)}`]);
  });
  return [...columns].filter(([, cols]) => cols.length > 1).map(([field, cols]) => ({ field, columns: cols }));
}
