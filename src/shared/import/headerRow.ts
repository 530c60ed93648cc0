// Finds the header row under title rows and blank rows, and the useful width of a sheet.
import { isValidEmail, normalizeEmail } from './email';

const nonEmpty = (row: string[]) => row.reduce((n, c) => (c.trim() ? n + 1 : n), 0);

export interface HeaderGuess {
  /** Index of the header row in the sampled rows, or of the first data row when the sheet has no header. */
  index: number;
  hasHeader: boolean;
  /** Columns to keep: trailing columns empty in the header and the sample are dropped. */
  width: number;
}

export function findHeaderRow(sample: string[][]): HeaderGuess {
  const widest = sample.reduce((m, r) => Math.max(m, nonEmpty(r)), 0);
  const needed = widest <= 1 ? 1 : Math.max(2, Math.ceil(widest * 0.6));
  let index = sample.findIndex((r) => nonEmpty(r) >= needed);
  if (index < 0) index = 0;
  const row = sample[index] ?? [];
  // A first "header" holding an email address is data: the sheet has no header row.
  const hasHeader = !row.some((c) => isValidEmail(normalizeEmail(c)));
  let width = 0;
  for (const r of sample.slice(index)) {
    for (let i = r.length - 1; i >= width; i--) {
      if (r[i]?.trim()) {
        width = i + 1;
        break;
      }
    }
  }
  return { index, hasHeader, width: Math.max(width, 1) };
}

export function isBlankRow(row: string[]): boolean {
  return row.every((c) => !c.trim());
}
