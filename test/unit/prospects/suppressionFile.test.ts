// The do-not-contact list read from a file: every email, and domains only where the file is a list of them.
import { describe, expect, it } from 'vitest';
import { entriesOfSheet } from '../../../src/main/core/suppressions/suppressionService';
import { csvBytes, importFile, xlsxBytes } from '../../support/importFiles';
import { makeTestCore } from '../../support/testCore';

describe('a do-not-contact file', () => {
  it('takes every email, and no domain from a column beside them (an unsubscribe export with a Website column)', () => {
    expect(entriesOfSheet([['Email', 'Name', 'Website'], ['ann@acme.com', 'Ann', 'acme.com'], ['bob@beta.io', 'Bob', 'https://beta.io']])).toEqual({
      entries: ['ann@acme.com', 'bob@beta.io'],
      domainsIgnored: 2,
    });
  });

  it('takes domains from a list of domains, a list mixing both, or written as domains on purpose', () => {
    expect(entriesOfSheet([['Domain'], ['rival.com'], ['https://www.other.io']])).toEqual({ entries: ['rival.com', 'https://www.other.io'], domainsIgnored: 0 });
    expect(entriesOfSheet([['ceo@acme.com'], ['rival.com']])).toEqual({ entries: ['ceo@acme.com', 'rival.com'], domainsIgnored: 0 });
    expect(entriesOfSheet([['Email', 'Block'], ['ann@acme.com', '@rival.com']])).toEqual({ entries: ['ann@acme.com', '@rival.com'], domainsIgnored: 0 });
  });

  it('suppresses the prospects it covers, from a CSV or a workbook, and says what it left out', async () => {
    const { core } = makeTestCore();
    await importFile(core, 'leads.csv', csvBytes('Email,Company\nann@acme.com,Acme\nkim@acme.com,Acme\nbob@beta.io,Beta\nzed@rival.com,Rival'));
    const fromCsv = await core.suppressions.addFile('unsubscribes.csv', csvBytes('Email,Website\nann@acme.com,acme.com\nnot-an-address,\n'));
    expect(fromCsv).toEqual({ added: 1, alreadyListed: 0, invalid: [], prospectsSuppressed: 1, domainsIgnored: 1 });
    // Only Ann: her colleague at acme.com is still active.
    const statuses = () => Object.fromEntries(core.prospects.list({ search: '', tagId: null, importId: null, status: null, timeZone: null, sort: 'created', dir: 'asc', offset: 0, limit: 10 }).rows.map((p) => [p.email, p.status]));
    expect(statuses()).toEqual({ 'ann@acme.com': 'suppressed', 'kim@acme.com': 'active', 'bob@beta.io': 'active', 'zed@rival.com': 'active' });

    const fromWorkbook = await core.suppressions.addFile('competitors.xlsx', await xlsxBytes([{ name: 'Domains', rows: [['Competitor'], ['rival.com']] }]));
    expect(fromWorkbook).toMatchObject({ added: 1, prospectsSuppressed: 1, domainsIgnored: 0 });
    expect(statuses()['zed@rival.com']).toBe('suppressed');
    expect(core.suppressions.list().map((e) => [e.kind, e.value, e.reason])).toEqual(
      expect.arrayContaining([['email', 'ann@acme.com', 'Imported from unsubscribes.csv'], ['domain', 'rival.com', 'Imported from competitors.xlsx']]),
    );
    await expect(core.suppressions.addFile('empty.csv', csvBytes('Name\nAnn\n'))).rejects.toThrow('No email addresses or domains were found in "empty.csv"');
  });
});
