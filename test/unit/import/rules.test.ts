// The pure rules: header mapping, names, emails, phones, time zones, duplicates and suppression.
import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneExtension, phoneNormalizer } from '../../../src/main/core/import/phone';
import { suppressionMatcher } from '../../../src/main/core/import/suppressionMatcher';
import { zoneOfPhone, zonesOfNumber } from '../../../src/main/core/import/phoneZones';
import { inferTimeZone } from '../../../src/main/core/import/timeZoneInference';
import { zoneName } from '../../../src/shared/domain/timeZones';
import { parseSuppressionEntry } from '../../../src/main/core/suppressions/suppressionService';
import { countryCode } from '../../../src/shared/import/countries';
import { asciiDomain, cleanEmail, emailProblem, isValidEmail, normalizeDomain, normalizeEmail } from '../../../src/shared/import/email';
import { combinedColumns, suggestMapping, uniqueHeaders } from '../../../src/shared/import/headerMapping';
import { normalizeRow } from '../../../src/main/core/import/normalizeRow';
import { findHeaderRow } from '../../../src/shared/import/headerRow';
import { splitFullName } from '../../../src/shared/import/names';

const fieldsOf = (headers: string[]) => suggestMapping(headers).map((t) => (t.kind === 'field' ? t.field : t.kind === 'custom' ? `custom:${t.name}` : 'ignore'));

describe('header mapping', () => {
  it('maps the headers CRMs and list tools export', () => {
    expect(fieldsOf(['Email Address', 'Given Name', 'Surname', 'Account Name', 'Job Title', 'Direct Phone', 'LinkedIn URL', 'Website', 'City', 'State/Region', 'Country', 'Time Zone', 'Industry', 'Lead Source'])).toEqual([
      'email', 'first_name', 'last_name', 'company', 'title', 'phone', 'linkedin_url', 'website', 'city', 'region', 'country', 'time_zone', 'industry', 'source',
    ]);
    expect(fieldsOf(['E-mail', 'First Name', 'Last Name', 'Organization', 'Mobile', 'Domain'])).toEqual(['email', 'first_name', 'last_name', 'company', 'phone', 'website']);
    expect(fieldsOf(['Work Email', 'Person Linkedin Url', 'Corporate Phone'])).toEqual(['email', 'linkedin_url', 'phone']);
    // A company's website by any of its names, but not any URL.
    for (const h of ['Company Website', 'Account Domain', 'Company URL', 'Homepage']) expect(fieldsOf([h])).toEqual(['website']);
    expect(fieldsOf(['Twitter URL', 'Image URL'])).toEqual(['custom:Twitter URL', 'custom:Image URL']);
  });

  it("maps a person's own location in CRM and data-tool exports, and the best-named column where several name a field", () => {
    // Salesforce contacts: the mailing address is the person's.
    expect(fieldsOf(['First Name', 'Account Name', 'Mailing City', 'Mailing State/Province', 'Mailing Country', 'Email'])).toEqual(['first_name', 'company', 'city', 'region', 'country', 'email']);
    // ZoomInfo: the person's city and state, and the company's website rather than its email domain, wherever it comes.
    expect(fieldsOf(['Email Address', 'Email Domain', 'Person City', 'Person State', 'Company City', 'Website'])).toEqual([
      'email', 'custom:Email Domain', 'city', 'region', 'custom:Company City', 'website',
    ]);
    // The work address is the prospect's, whichever column comes first; the other is kept.
    expect(fieldsOf(['Personal Email', 'Work Email'])).toEqual(['custom:Personal Email', 'email']);
    // Named alike, the first column wins.
    expect(fieldsOf(['E-mail', 'Email', 'Company'])).toEqual(['email', 'custom:Email', 'company']);
  });

  it('maps German, French and Spanish exports', () => {
    expect(fieldsOf(['E-Mail-Adresse', 'Vorname', 'Nachname', 'Firma', 'Position', 'Telefon', 'Stadt', 'Bundesland', 'Land'])).toEqual([
      'email', 'first_name', 'last_name', 'company', 'title', 'phone', 'city', 'region', 'country',
    ]);
    expect(fieldsOf(['Courriel', 'Prénom', 'Nom', 'Société', 'Poste', 'Téléphone', 'Portable', 'Ville', 'Pays'])).toEqual([
      'email', 'first_name', 'last_name', 'company', 'title', 'phone', 'phone', 'city', 'country',
    ]);
    expect(fieldsOf(['Correo electrónico', 'Nombre', 'Apellidos', 'Empresa', 'Cargo', 'Teléfono', 'Móvil', 'Ciudad', 'Provincia', 'País'])).toEqual([
      'email', 'first_name', 'last_name', 'company', 'title', 'phone', 'phone', 'city', 'region', 'country',
    ]);
    expect(fieldsOf(['Email', 'Nombre completo', 'Empresa'])).toEqual(['email', 'full_name', 'company']);
  });

  it('uses Full Name only when there is no first or last name, and keeps the rest as custom fields', () => {
    expect(fieldsOf(['Email', 'Full Name', 'Favourite Color'])).toEqual(['email', 'full_name', 'custom:Favourite Color']);
    expect(fieldsOf(['Email', 'Name', 'First Name'])).toEqual(['email', 'custom:Name', 'first_name']);
    expect(fieldsOf(['Email', 'Personal Email', 'Company'])).toEqual(['email', 'custom:Personal Email', 'company']);
  });

  it('maps every phone column to the phone, and says how columns mapped to one field combine', () => {
    const headers = ['Email', 'Work Direct Phone', 'Mobile Phone', 'Corporate Phone', 'Fax Phone'];
    expect(fieldsOf(headers)).toEqual(['email', 'phone', 'phone', 'phone', 'custom:Fax Phone']);
    expect(fieldsOf(['Direct Phone Number', 'Mobile Phone Number', 'Company HQ Phone', 'Home Phone No', 'Fax Number'])).toEqual(['phone', 'phone', 'phone', 'phone', 'custom:Fax Number']);
    const mapping = suggestMapping(headers);
    expect(combinedColumns(headers, mapping)).toEqual([{ field: 'phone', columns: ['Work Direct Phone', 'Mobile Phone', 'Corporate Phone'] }]);
    expect(combinedColumns(['Email', 'Phone'], suggestMapping(['Email', 'Phone']))).toEqual([]);
  });

  it('names empty and repeated headers', () => {
    expect(uniqueHeaders(['Email', '', 'email', ' Note ', 'Note'])).toEqual(['Email', 'Column B', 'email (2)', 'Note', 'Note (2)']);
  });

  it('finds the header under a title row', () => {
    expect(findHeaderRow([['Report'], [], ['Email', 'Name', '', ''], ['a@x.com', 'Ann', '', '']])).toEqual({ index: 2, hasHeader: true, width: 2 });
  });
});

describe('names and emails', () => {
  it('splits full names the ways exports write them', () => {
    expect(splitFullName('Jane Doe')).toEqual({ firstName: 'Jane', lastName: 'Doe' });
    expect(splitFullName('Doe, Jane')).toEqual({ firstName: 'Jane', lastName: 'Doe' });
    expect(splitFullName('Dr. Mary Ann Smith Jr.')).toEqual({ firstName: 'Mary Ann', lastName: 'Smith' });
    expect(splitFullName('Ludwig van Beethoven')).toEqual({ firstName: 'Ludwig', lastName: 'van Beethoven' });
    expect(splitFullName('Cher')).toEqual({ firstName: 'Cher', lastName: null });
  });

  it('normalises emails for matching and checks their syntax', () => {
    expect(normalizeEmail('  Jane.Doe@ACME.com ')).toBe('jane.doe@acme.com');
    expect(normalizeEmail('mailto:a@b.co')).toBe('a@b.co');
    expect(isValidEmail('jane.doe+x@acme.co.uk')).toBe(true);
    for (const bad of ['jane', 'jane@', '@acme.com', 'jane@acme', 'ja ne@acme.com', 'jane..doe@acme.com', 'jane@acme..com']) expect(isValidEmail(bad)).toBe(false);
    expect(normalizeDomain('https://www.Acme.com/about')).toBe('acme.com');
  });

  it('writes a domain with letters beyond ASCII as mail systems do, and leaves what is no domain as it is', () => {
    expect(normalizeEmail('Info@Müller.DE')).toBe('info@xn--mller-kva.de');
    expect(cleanEmail('<Zoe@Bücher.example>')).toBe('Zoe@xn--bcher-kva.example');
    expect(normalizeDomain('https://www.müller.de/about')).toBe('xn--mller-kva.de');
    expect(isValidEmail(normalizeEmail('zoe@müller.de'))).toBe(true);
    for (const notADomain of ['müller .de', 'müller.de/x', 'mü:ller.de', 'acme.com']) expect(asciiDomain(notADomain)).toBe(notADomain);
    // Before the @, such letters stay, and are refused with the reason.
    expect(normalizeEmail('Zoë@acme.com')).toBe('zoë@acme.com');
  });

  it('says what is wrong with an address, in words a rep can act on', () => {
    const problems: [string, string | null][] = [
      ['jane.doe+x@acme.co.uk', null],
      ['', 'it is empty'],
      ['jane', 'it has no @'],
      ['ja ne@acme.com', 'it has a space in it'],
      ['jane@doe@acme.com', 'it has more than one @'],
      ['@acme.com', 'nothing comes before the @'],
      ['jane@', 'nothing comes after the @'],
      ['zoë.müller@acme.com', 'it has "ë" before the @, where most mail systems accept only plain letters, digits and marks such as . _ + -'],
      ['jane,doe@acme.com', 'it has "," before the @, which is not allowed there'],
      [`${'j'.repeat(65)}@acme.com`, 'the part before the @ is longer than 64 characters'],
      ['jane..doe@acme.com', 'the part before the @ starts or ends with a dot, or has two in a row'],
      ['info@mü|ller.de', 'it has "ü" in a domain that cannot be written in the form mail systems use'],
      ['jane@acme', '"acme" after the @ is not a domain (it has no dot)'],
      ['jane@acme..com', '"acme..com" after the @ is not a domain like example.com'],
      [`j@${'a'.repeat(250)}.com`, 'it is longer than 254 characters'],
    ];
    for (const [address, problem] of problems) {
      expect(emailProblem(normalizeEmail(address)), address).toBe(problem);
      expect(isValidEmail(address)).toBe(problem === null);
    }
  });

  it('reads country names and codes', () => {
    expect(countryCode('USA')).toBe('US');
    expect(countryCode('United Kingdom')).toBe('GB');
    expect(countryCode('de')).toBe('DE');
    expect(countryCode('Deutschland')).toBe('DE');
    expect(countryCode('Atlantis')).toBe(null);
  });
});

describe('phones', () => {
  it('normalises to E.164 with the row country or the default', () => {
    expect(normalizePhone('(415) 555-0132', 'US').e164).toBe('+14155550132');
    expect(normalizePhone('14155550132', 'US').e164).toBe('+14155550132');
    expect(normalizePhone('030 1234567', 'DE').e164).toBe('+49301234567');
    expect(normalizePhone('442071838750', 'US').e164).toBe('+442071838750');
    expect(normalizePhone('0044 20 7183 8750', 'US')).toEqual({ e164: '+442071838750', country: 'GB' });
    expect(normalizePhone('n/a', 'US').e164).toBe(null);
  });

  it('keeps an extension out of E.164, and reads it again from the number as typed', () => {
    expect(normalizePhone('(212) 555-0100 x204', 'US').e164).toBe('+12125550100');
    expect(phoneExtension('(212) 555-0100 x204', '+12125550100')).toBe('204');
    expect(phoneExtension('+1 212 555 0100 ext. 204', '+12125550100')).toBe('204');
    expect(phoneExtension('020 7946 0321 extension 12', '+442079460321')).toBe('12');
    expect(phoneExtension('0044 20 7946 0321 #12', '+442079460321')).toBe('12');
    expect(phoneExtension('(212) 555-0100', '+12125550100')).toBe(null);
    // A typed number that is not the one stored says nothing about it.
    expect(phoneExtension('(212) 555-0199 x204', '+12125550100')).toBe(null);
    expect(phoneExtension(null, '+12125550100')).toBe(null);
    expect(phoneExtension('x204', null)).toBe(null);
  });

  it("an import's normaliser answers as normalizePhone, and parses a repeated number only twice", () => {
    const inputs: [string, string][] = [
      ['(415) 555-0132', 'US'], ['030 1234567', 'DE'], ['030 1234567', 'US'], ['0044 20 7183 8750', 'US'], ['n/a', 'US'],
      ['+1 415 555 0100', 'US'], ['14155550132', 'US'], ['+1 415 555 0100', 'CA'],
    ];
    for (let i = 0; i < 3000; i++) inputs.push([`+1 212 555 ${String(i).padStart(4, '0')}`, 'US'], [`0${3000 + i} 12345`, 'DE']);
    const normalize = phoneNormalizer();
    // Each number three times: first and second parsed, the third from what the second left.
    for (let round = 0; round < 3; round++) for (const [raw, country] of inputs) expect(normalize(raw, country)).toEqual(normalizePhone(raw, country));
    const once = phoneNormalizer();
    once('+1 415 555 0199', 'US');
    const second = once('+1 415 555 0199', 'US');
    expect(once('+1 415 555 0199', 'US')).toBe(second);
    // The same text under another country is another question.
    expect(once('030 1234567', 'DE').e164).toBe('+49301234567');
    expect(once('030 1234567', 'US').e164).toBe(null);
    expect(once('030 1234567', 'DE').e164).toBe('+49301234567');
  });
});

describe('an email cell as mail programs and CRMs fill it', () => {
  const headers = ['Email', 'Name', 'Company'];
  const ctx = { headers, mapping: suggestMapping(headers), defaultCountry: 'US', repTimeZone: 'Europe/Paris' };
  const outcome = (cells: string[]) => {
    const r = normalizeRow(cells, ctx);
    return r.ok ? { email: r.draft.email, matched: r.draft.emailNormalized, name: [r.draft.firstName, r.draft.lastName], custom: r.draft.customFields } : r.reason;
  };

  it('imports an address whose domain has letters beyond ASCII, in the form mail systems use', () => {
    expect(outcome(['Zoë Müller <Zoe@Müller.de>', '', 'Müller GmbH'])).toEqual({ email: 'Zoe@xn--mller-kva.de', matched: 'zoe@xn--mller-kva.de', name: ['Zoë', 'Müller'], custom: {} });
  });

  it('takes the address out of "Name <address>", and the name when the row has none', () => {
    expect(outcome(['Ann Lee <Ann.Lee@Acme.com>', '', 'Acme'])).toEqual({ email: 'Ann.Lee@Acme.com', matched: 'ann.lee@acme.com', name: ['Ann', 'Lee'], custom: {} });
    expect(outcome(['"Lee, Ann" <ann@acme.com>', '', 'Acme'])).toMatchObject({ email: 'ann@acme.com', name: ['Ann', 'Lee'] });
    // A name column says who it is; the name shown in the address does not override it.
    expect(outcome(['Annie <ann@acme.com>', 'Ann Lee', 'Acme'])).toMatchObject({ email: 'ann@acme.com', name: ['Ann', 'Lee'] });
    expect(outcome(['<ann@acme.com>', '', 'Acme'])).toMatchObject({ email: 'ann@acme.com', name: [null, null] });
    expect(outcome(['mailto:Ann@Acme.com', '', 'Acme'])).toMatchObject({ email: 'Ann@Acme.com', matched: 'ann@acme.com' });
    // A wrapper alone before the address is no address of its own.
    expect(outcome(['mailto: Ann@Acme.com', '', 'Acme'])).toMatchObject({ email: 'Ann@Acme.com', matched: 'ann@acme.com', custom: {} });
  });

  it('keeps every address of a cell that holds several: the first is the prospect\'s, the others a custom field', () => {
    expect(outcome(['ann@acme.com; ann.lee@gmail.com', 'Ann Lee', 'Acme'])).toMatchObject({ email: 'ann@acme.com', custom: { 'Other emails': 'ann.lee@gmail.com' } });
    expect(outcome(['Ann Lee <ann@acme.com>, Bob Ray <bob@acme.com>', '', 'Acme'])).toMatchObject({ email: 'ann@acme.com', name: ['Ann', 'Lee'], custom: { 'Other emails': 'bob@acme.com' } });
  });

  it('rejects a cell with no address in it, saying what it held', () => {
    expect(outcome(['Ann Lee', '', 'Acme'])).toBe('"Ann Lee" is not a valid email address: it has no @');
    expect(outcome(['Ann <not an address>', '', 'Acme'])).toBe('"Ann <not an address>" is not a valid email address: it has no @');
  });
});

describe('a row with several phone columns', () => {
  const headers = ['Email', 'Phone', 'Mobile', 'Company Phone', 'State'];
  const ctx = { headers, mapping: suggestMapping(headers), defaultCountry: 'US', repTimeZone: 'Europe/Paris' };
  const draftOf = (cells: string[]) => {
    const r = normalizeRow(cells, ctx);
    if (!r.ok) throw new Error(r.reason);
    return r.draft;
  };

  it('takes the first valid number in column order and keeps the others under their headers', () => {
    const both = draftOf(['ann@acme.com', '(415) 555-0132', '+44 7911 123456', '', '']);
    expect([both.phone, both.phoneRaw]).toEqual(['+14155550132', '(415) 555-0132']);
    expect(both.customFields).toEqual({ Mobile: '+44 7911 123456' });
    // Her zone comes from the number she is called on.
    expect(both.timeZone).toBe('America/Los_Angeles');
  });

  it('falls back to a later column when the first is empty or not a number', () => {
    const mobileOnly = draftOf(['bo@acme.com', '', '', '+49 30 901820', '']);
    expect([mobileOnly.phone, mobileOnly.phoneRaw, mobileOnly.customFields]).toEqual(['+4930901820', '+49 30 901820', {}]);
    expect(mobileOnly.timeZone).toBe('Europe/Berlin');
    const badFirst = draftOf(['cy@acme.com', '555-0100', '(212) 555-0100', '', 'NY']);
    expect([badFirst.phone, badFirst.phoneRaw]).toEqual(['+12125550100', '(212) 555-0100']);
    expect(badFirst.customFields).toEqual({ Phone: '555-0100' });
  });

  it('keeps the first number as typed when none is valid, and the others too', () => {
    const none = draftOf(['di@acme.com', '555-0100', 'ask reception', '', '']);
    expect([none.phone, none.phoneRaw, none.customFields]).toEqual([null, '555-0100', { Mobile: 'ask reception' }]);
  });
});

describe('time zones', () => {
  const rep = 'Europe/Paris';
  it('prefers an explicit column, then location, then phone, then the rep', () => {
    expect(inferTimeZone({ explicit: 'Asia/Tokyo', country: 'US', region: 'CA' }, rep)).toEqual({ timeZone: 'Asia/Tokyo', source: 'column' });
    expect(inferTimeZone({ explicit: 'PST' }, rep)).toEqual({ timeZone: 'America/Los_Angeles', source: 'column' });
    expect(inferTimeZone({ country: 'US', region: 'Texas' }, rep)).toEqual({ timeZone: 'America/Chicago', source: 'location' });
    expect(inferTimeZone({ country: 'CA', region: 'BC' }, rep)).toEqual({ timeZone: 'America/Vancouver', source: 'location' });
    expect(inferTimeZone({ region: 'NY' }, rep)).toEqual({ timeZone: 'America/New_York', source: 'location' });
    expect(inferTimeZone({ city: 'Seattle' }, rep)).toEqual({ timeZone: 'America/Los_Angeles', source: 'location' });
    expect(inferTimeZone({ country: 'FR' }, rep)).toEqual({ timeZone: 'Europe/Paris', source: 'location' });
    expect(inferTimeZone({ country: 'JP' }, rep)).toEqual({ timeZone: 'Asia/Tokyo', source: 'location' });
    expect(inferTimeZone({ country: 'US', phoneCountry: 'US' }, rep)).toEqual({ timeZone: rep, source: 'rep' });
    expect(inferTimeZone({ phoneCountry: 'GB' }, rep)).toEqual({ timeZone: 'Europe/London', source: 'phone' });
    expect(inferTimeZone({ explicit: 'Mars/Olympus' }, rep)).toEqual({ timeZone: rep, source: 'rep' });
  });

  it('reads a time zone column as CRMs, Windows, Outlook and webinar tools write it', () => {
    const column = (explicit: string) => inferTimeZone({ explicit, country: 'FR' }, rep);
    const zones: [string, string][] = [
      ['US/Eastern', 'America/New_York'],
      ['america/los_angeles', 'America/Los_Angeles'],
      ['Asia/Calcutta', 'Asia/Calcutta'],
      ['Eastern Time (US & Canada)', 'America/New_York'],
      ['(GMT-08:00) Pacific Time (US & Canada)', 'America/Los_Angeles'],
      ['(UTC-07:00) Arizona', 'America/Phoenix'],
      ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Amsterdam'],
      // An offset alone, or beside a name Repdesk does not know: a zone that keeps it all year.
      ['GMT-5', 'Etc/GMT+5'],
      ['UTC+01:00', 'Etc/GMT-1'],
      ['+02:00', 'Etc/GMT-2'],
      ['(UTC+03:00) Kuwait, Riyadh', 'Etc/GMT-3'],
      ['GMT+0', 'UTC'],
    ];
    for (const [value, zone] of zones) expect({ value, guess: column(value) }).toEqual({ value, guess: { timeZone: zone, source: 'column' } });
    // Nothing to go on: the place decides.
    for (const value of ['GMT+5:30', 'UTC+15', 'soon', '(GMT) Somewhere']) expect({ value, guess: column(value) }).toEqual({ value, guess: { timeZone: 'Europe/Paris', source: 'location' } });
    expect([zoneName('Etc/GMT+5'), zoneName('Etc/GMT-10'), zoneName('America/Los_Angeles'), zoneName('UTC')]).toEqual(['UTC-5', 'UTC+10', 'America/Los Angeles', 'UTC']);
  });

  it("takes a phone's zone from its area code where the place says nothing", () => {
    // A San Francisco number: the US has several zones, the 415 area code one.
    expect(inferTimeZone({ country: 'US', phone: '+14155550123', phoneCountry: 'US' }, rep)).toEqual({ timeZone: 'America/Los_Angeles', source: 'phone' });
    expect(inferTimeZone({ phone: '+13125550123', phoneCountry: 'US' }, rep)).toEqual({ timeZone: 'America/Chicago', source: 'phone' });
    expect(inferTimeZone({ phone: '+16045550123', phoneCountry: 'CA' }, rep)).toEqual({ timeZone: 'America/Vancouver', source: 'phone' });
    expect(inferTimeZone({ phone: '+14165550123', phoneCountry: 'CA' }, rep)).toEqual({ timeZone: 'America/Toronto', source: 'phone' });
    expect(inferTimeZone({ phone: '+61298765432', phoneCountry: 'AU' }, rep)).toEqual({ timeZone: 'Australia/Sydney', source: 'phone' });
    // The place still wins: a Texas prospect keeps Central time whatever their number.
    expect(inferTimeZone({ country: 'US', region: 'TX', phone: '+14155550123', phoneCountry: 'US' }, rep)).toEqual({ timeZone: 'America/Chicago', source: 'location' });
    // A toll-free number spans the country: no zone from it, and none from a country with several.
    expect(inferTimeZone({ phone: '+18005550123', phoneCountry: 'US' }, rep)).toEqual({ timeZone: rep, source: 'rep' });
  });

  it('reads prefixes by their current IANA names and narrows them to the number\'s country', () => {
    // libphonenumber lists London with the Crown Dependencies, and India under its old name.
    expect(zonesOfNumber('+442071838750')).toEqual(['Europe/London']);
    expect(zonesOfNumber('+912223456789')).toEqual(['Asia/Kolkata']);
    expect(zonesOfNumber('+19075550123').sort()).toEqual(['America/Adak', 'America/Anchorage']);
    expect(zoneOfPhone('+19075550123', 'US')).toBe(null);
    // Spain's prefix spans the Canaries; the country's main zone is taken for a number the data does not narrow.
    expect(zoneOfPhone('+34612345678', 'ES')).toBe('Europe/Madrid');
    expect(zoneOfPhone('+34928123456', 'ES')).toBe('Atlantic/Canary');
    expect(zonesOfNumber('+999')).toEqual([]);
  });
});

describe('suppression', () => {
  it('matches exact emails and whole domains with their subdomains', () => {
    const m = suppressionMatcher([{ kind: 'email', value: 'ceo@acme.com' }, { kind: 'domain', value: 'rival.com' }]);
    expect(m.isSuppressed('ceo@acme.com')).toBe(true);
    expect(m.isSuppressed('cfo@acme.com')).toBe(false);
    expect(m.isSuppressed('x@rival.com')).toBe(true);
    expect(m.isSuppressed('x@eu.rival.com')).toBe(true);
    expect(m.isSuppressed('x@notrival.com')).toBe(false);
  });

  it('tells an unchanged list from a changed one, whatever the order it was read in', () => {
    const m = suppressionMatcher([{ kind: 'email', value: 'ceo@acme.com' }, { kind: 'domain', value: 'rival.com' }]);
    expect(suppressionMatcher([{ kind: 'domain', value: 'rival.com' }, { kind: 'email', value: 'ceo@acme.com' }]).key).toBe(m.key);
    expect(suppressionMatcher([{ kind: 'domain', value: 'rival.com' }]).key).not.toBe(m.key);
    expect(suppressionMatcher([{ kind: 'email', value: 'rival.com' }, { kind: 'email', value: 'ceo@acme.com' }]).key).not.toBe(m.key);
  });

  it('reads entries as the rep types them', () => {
    expect(parseSuppressionEntry(' Boss@Acme.com ')).toEqual({ kind: 'email', value: 'boss@acme.com' });
    expect(parseSuppressionEntry('@rival.com')).toEqual({ kind: 'domain', value: 'rival.com' });
    expect(parseSuppressionEntry('https://www.rival.com')).toEqual({ kind: 'domain', value: 'rival.com' });
    expect(parseSuppressionEntry('Email')).toBe(null);
    // A domain with letters beyond ASCII is kept in the form mail uses, as prospects' addresses are.
    expect(parseSuppressionEntry('Müller.de')).toEqual({ kind: 'domain', value: 'xn--mller-kva.de' });
    expect(parseSuppressionEntry('info@müller.de')).toEqual({ kind: 'email', value: 'info@xn--mller-kva.de' });
  });
});
