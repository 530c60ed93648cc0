// Turns workbook cell values (text, numbers, dates, booleans, as read-excel-file gives them) into the text a rep typed or saw.

/**
 * read-excel-file has already resolved the cell types: formulas arrive as the value Excel cached, rich text and
 * hyperlink cells as their text, errors as empty (null), and numbers with a date format as Dates.
 */
export type CellValue = string | number | boolean | Date | null | undefined;

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  return String(value);
}

/** Whole numbers without exponent or ".0", so phone numbers Excel stored as numbers survive. */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/**
 * Excel dates arrive as UTC instants of the wall-clock value (1900 or 1904 date system already applied): keep the
 * date, and the time if there is one. The serial number is a fraction of a day, so the instant can miss the second
 * it stands for by a millisecond: round to the nearest second first.
 */
function dateText(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return '';
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
