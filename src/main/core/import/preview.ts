// The mapping step's view of a sheet: where the header is, the header names, the first rows and a suggested mapping.
import { isValidEmail, normalizeEmail } from '../../../shared/import/email';
import { suggestMapping, uniqueHeaders, type ColumnTarget } from '../../../shared/import/headerMapping';
import { findHeaderRow, isBlankRow } from '../../../shared/import/headerRow';
import type { SheetReader } from './sheetReader';

export interface SheetLayout {
  sheet: string | null;
  headerIndex: number;
  hasHeader: boolean;
  headers: string[];
  rows: string[][];
  suggested: ColumnTarget[];
}

const sampleRows = 40;

async function firstRows(reader: SheetReader, sheet: string | null): Promise<string[][]> {
  if (reader.head) return reader.head(sheet, sampleRows);
  const sample: string[][] = [];
  for await (const batch of reader.rows(sheet)) {
    for (const row of batch) {
      sample.push(row);
      if (sample.length >= sampleRows) return sample;
    }
  }
  return sample;
}

export async function readLayout(reader: SheetReader, sheet: string | null): Promise<SheetLayout> {
  const sample = await firstRows(reader, sheet);
  const guess = findHeaderRow(sample.slice(0, 30));
  const headerCells = guess.hasHeader ? (sample[guess.index] ?? []).slice(0, guess.width) : [];
  while (headerCells.length < guess.width) headerCells.push('');
  const headers = uniqueHeaders(headerCells);
  const rows = sample
    .slice(guess.hasHeader ? guess.index + 1 : guess.index)
    .filter((r) => !isBlankRow(r))
    .slice(0, 10)
    .map((r) => headers.map((_, i) => r[i] ?? ''));
  return { sheet, headerIndex: guess.index, hasHeader: guess.hasHeader, headers, rows, suggested: withContentHints(suggestMapping(headers), rows) };
}

const linkedInProfile = /^(https?:\/\/)?([a-z]{2,3}\.)?linkedin\.com\/(in|pub)\//i;

/**
 * Columns whose header said nothing, recognised by their values: without an email header, the column holding email
 * addresses is the email; without a LinkedIn one, the column holding LinkedIn profile links is the LinkedIn URL.
 */
function withContentHints(targets: ColumnTarget[], rows: string[][]): ColumnTarget[] {
  if (rows.length === 0) return targets;
  let out = targets;
  for (const [field, test] of [
    ['email', (v: string) => isValidEmail(normalizeEmail(v))],
    ['linkedin_url', (v: string) => linkedInProfile.test(v)],
  ] as const) {
    if (out.some((t) => t.kind === 'field' && t.field === field)) continue;
    const col = out.findIndex((_, i) => rows.filter((r) => test((r[i] ?? '').trim())).length >= Math.ceil(rows.length / 2));
    if (col >= 0) out = out.map((t, i) => (i === col ? { kind: 'field', field } : t));
  }
  return out;
}
