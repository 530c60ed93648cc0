// A chunk file keeps every value of a normalised row in its own column, and the store takes them in unchanged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { pageSize } from '../../../src/main/core/db/pageSize';
import { chunkFileWriter, chunkValueColumns } from '../../../src/main/core/db/queries/importChunks';
import { draftValues } from '../../../src/main/core/import/applyDraft';
import type { ProspectDraft } from '../../../src/main/core/import/normalizeRow';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('chunk file', () => {
  it('writes each field of a draft to the column of that name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-chunk-'));
    dirs.push(dir);
    const path = join(dir, 'chunk-0.sqlite');
    // Every field a different value, so a value written to the wrong column shows.
    const draft: ProspectDraft = {
      email: 'Ann@Acme.com', emailNormalized: 'ann@acme.com', firstName: 'Ann', lastName: 'Lee', company: 'Acme', title: 'CTO', phone: '+14155550132',
      phoneRaw: '(415) 555-0132', linkedinUrl: 'linkedin.com/in/ann', website: 'acme.com/about', domain: 'acme.com', city: 'San Francisco', region: 'CA',
      country: 'US', timeZone: 'America/Los_Angeles', timeZoneSource: 'location', industry: 'Software', source: 'Webinar', customFields: { Notes: 'met at the fair' },
    };
    const writer = chunkFileWriter(path);
    writer.add(7, draft, 'suppressed', 'ann lee');
    writer.reject(8, 'No email address', '{"Email":""}');
    writer.close();
    const db = new Database(path, { readonly: true });
    const row = db.prepare('SELECT * FROM rows').get() as Record<string, unknown>;
    const values = draftValues(draft);
    for (const c of chunkValueColumns) expect([c, row[c]]).toEqual([c, c === 'custom_fields' ? JSON.stringify(values.custom_fields) : values[c]]);
    expect(row).toMatchObject({ n: 7, email_normalized: 'ann@acme.com', status: 'suppressed', search_name: 'ann lee' });
    expect(db.prepare('SELECT * FROM issues').all()).toEqual([{ n: 8, reason: 'No email address', raw: '{"Email":""}' }]);
    // Pages as big as the store's.
    expect(db.pragma('page_size', { simple: true })).toBe(pageSize);
    db.close();
  });
});
