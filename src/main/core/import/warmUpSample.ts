// Rows shaped like a CRM export's, built in an import worker to warm its code up before any file comes. Never shown or kept.
import { suggestMapping } from '../../../shared/import/headerMapping';
import type { PrepareMessage } from './standbyPreparation';

const headers = ['Email', 'First Name', 'Last Name', 'Company', 'Title', 'Phone', 'Mobile', 'City', 'State', 'Country', 'Website', 'LinkedIn URL', 'Industry', 'Lead Source', 'Notes'];
const first = ['James', 'Mary', 'Zoë', 'José', 'Wei', 'Aïcha', 'Liam', 'Sofia', 'Noah', 'Björn'];
const last = ['Smith', 'García', 'Müller', 'Nguyen', "O'Brien", 'Dubois', 'Rossi', 'Kowalski', 'Tanaka'];
const titles = ['VP Sales', 'Head of Growth', 'Founder & CEO', 'Director, Marketing', 'Account Executive'];
const industries = ['Software', 'Manufacturing', 'Financial Services', 'Healthcare', ''];
const sources = ['Webinar', 'Trade show', 'Referral', 'Website'];

/** Where a row's person is, and a phone written as people there write it: several countries and formats. */
const places: { city: string; state: string; country: string; phone: (i: number) => string }[] = [
  { city: 'San Francisco', state: 'CA', country: 'US', phone: (i) => `+1 415 ${200 + (i % 700)} ${String(i % 10_000).padStart(4, '0')}` },
  { city: 'Austin', state: 'Texas', country: 'United States', phone: (i) => `(512) ${200 + (i % 700)}-${String(i % 10_000).padStart(4, '0')}` },
  { city: 'London', state: '', country: 'United Kingdom', phone: (i) => `020 7${String(i % 1000).padStart(3, '0')} ${String(i % 10_000).padStart(4, '0')}` },
  { city: 'Berlin', state: 'Berlin', country: 'DE', phone: (i) => `+49 30 ${String(1_000_000 + (i % 9_000_000))}` },
  { city: 'Paris', state: '', country: 'France', phone: (i) => `01 ${String(10 + (i % 90))} ${String(10 + (i % 89))} 45 67` },
  { city: 'Toronto', state: 'ON', country: 'Canada', phone: (i) => `416.${200 + (i % 700)}.${String(i % 10_000).padStart(4, '0')}` },
  { city: 'Sydney', state: 'NSW', country: 'AU', phone: () => '' },
];

/** A CSV of `rows` rows, with a few of each kind an import meets: blank rows, quoted fields, addresses it rejects. */
export function warmUpCsv(rows: number): string {
  const lines = [headers.join(',')];
  for (let i = 0; i < rows; i++) {
    if (i % 97 === 96) {
      lines.push('');
      continue;
    }
    const f = first[i % first.length]!;
    const l = last[i % last.length]!;
    const place = places[i % places.length]!;
    const domain = `company${i % 3000}.example`;
    const local = `${f}.${l}${i}`.toLowerCase().normalize('NFKD').replace(/[^a-z0-9.]/g, '');
    const email = i % 53 === 0 ? `${local} at ${domain}` : i % 5 === 0 ? `${f} ${l} <${local}@${domain}>` : `${local}@${domain}`;
    const company = i % 11 === 0 ? `"Company ${i % 3000}, Inc."` : `Company ${i % 3000}`;
    const notes = i % 7 === 0 ? '"Asked for a demo, ""next quarter"""' : '';
    lines.push([email, f, l, company, `"${titles[i % titles.length]}"`, place.phone(i), i % 4 === 0 ? place.phone(i + 1) : '', place.city, place.state, place.country,
      i % 3 === 0 ? `https://www.${domain}/` : domain, i % 6 === 0 ? `linkedin.com/in/${local.replace('.', '-')}` : '', industries[i % industries.length], sources[i % sources.length], notes].join(','));
  }
  return lines.join('\r\n');
}

/** The sample as a file for a standby worker to read ahead, mapped as the preview would map it. */
export function warmUpFile(rows: number): PrepareMessage {
  return {
    type: 'prepare',
    uploadId: -1,
    input: { bytes: new TextEncoder().encode(warmUpCsv(rows)) },
    plan: { kind: 'delimited', headerIndex: 0, hasHeader: true, headers, mapping: suggestMapping(headers), defaultCountry: 'US', repTimeZone: 'America/New_York' },
  };
}
