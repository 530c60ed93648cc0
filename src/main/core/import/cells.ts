// Turns spreadsheet cell values (numbers, dates, formulas, rich text, links) into the text a rep typed or saw.

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    // A formula: use the value Excel cached when it last calculated.
    if ('formula' in v || 'sharedFormula' in v) return 'result' in v ? cellText(v.result) : '';
    if ('error' in v) return '';
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('text' in v) return cellText(v.text);
    if ('hyperlink' in v) return cellText(v.hyperlink);
  }
  return String(value);
}

/** Whole numbers without exponent or ".0", so phone numbers Excel stored as numbers survive. */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/** Excel dates arrive as UTC instants of the wall-clock value: keep the date, and the time if there is one. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
