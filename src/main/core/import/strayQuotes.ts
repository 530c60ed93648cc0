// Quotes that do not close a field properly, read as ordinary characters so they cannot swallow the rows after them.
import type { Delimiter } from './readDelimited';

/** What readableQuotes changed: how many fields, and the row (1-based, as the sheet's rows are numbered) of the first. */
export interface StrayQuotes {
  fields: number;
  firstRow: number;
}

/**
 * A field that starts with a quote is quoted: it runs to the closing quote, line breaks and delimiters included.
 * Exports get this wrong: `"Big" Corp` or `6" screen` open a quote that closes somewhere later in the file (or never),
 * and papaparse (like Excel) then reads every row up to there, or to the end of the file, as one cell: those rows
 * are neither imported nor rejected, just gone.
 *
 * Here a field's opening quote is read as an ordinary character (the field then runs to the next delimiter or line
 * break, its quotes kept as typed) when the quote papaparse would close it with never comes, or comes only after a
 * line break and a quote that closes nothing (the sign of a stray quote: a field genuinely spanning lines has only
 * doubled quotes inside it). Such a field is written back properly quoted, so papaparse and recordStarts read the
 * text as meant; every other field is left exactly as it was, and a file without stray quotes comes back unchanged
 * (the same string).
 */
export function readableQuotes(text: string, delimiter: Delimiter, newline: '\r\n' | '\n' | '\r'): { text: string; stray: StrayQuotes | null } {
  const len = text.length;
  const delim = delimiter.charCodeAt(0);
  const parts: string[] = [];
  let copiedTo = 0;
  let fields = 0;
  let firstRow = 0;
  /** The row at `countedTo` (line breaks outside quoted fields counted), until the first stray quote is found. */
  let row = 1;
  let countedTo = 0;
  const countRowsTo = (to: number) => {
    for (let b = text.indexOf(newline, countedTo); b >= 0 && b < to; b = text.indexOf(newline, b + newline.length)) row++;
    countedTo = to;
  };
  const startsField = (at: number) => at === 0 || text.charCodeAt(at - 1) === delim || (at >= newline.length && text.startsWith(newline, at - newline.length));

  let at = 0;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) break;
    if (fields === 0) countRowsTo(quote);
    // A quote inside a field is an ordinary character already.
    if (!startsField(quote)) {
      at = quote + 1;
      continue;
    }
    const { close, invalid } = closingQuote(text, quote, delimiter, newline);
    const spansLines = close >= 0 && text.indexOf(newline, quote) >= 0 && text.indexOf(newline, quote) < close;
    if (close >= 0 && !(invalid && spansLines)) {
      at = close + 1;
      // Line breaks inside a quoted field do not start rows.
      countedTo = Math.max(countedTo, at);
      continue;
    }
    // Stray: the field is the text up to the next delimiter or line break, its quotes as they are.
    const nextDelim = text.indexOf(delimiter, quote + 1);
    const nextBreak = text.indexOf(newline, quote + 1);
    const end = Math.min(nextDelim < 0 ? len : nextDelim, nextBreak < 0 ? len : nextBreak);
    if (fields === 0) firstRow = row;
    fields++;
    parts.push(text.slice(copiedTo, quote), '"', text.slice(quote, end).replaceAll('"', '""'), '"');
    copiedTo = end;
    at = end;
  }
  if (fields === 0) return { text, stray: null };
  parts.push(text.slice(copiedTo));
  return { text: parts.join(''), stray: { fields, firstRow } };
}

/**
 * Where papaparse closes the quoted field opened at `open`: the first quote that is not doubled and is followed by
 * the delimiter, a line break or the end of the text (spaces allowed before the delimiter or line break); -1 if none.
 * invalid: whether a quote that closes nothing came before it.
 */
function closingQuote(text: string, open: number, delimiter: string, newline: string): { close: number; invalid: boolean } {
  let invalid = false;
  for (let q = text.indexOf('"', open + 1); q >= 0; q = text.indexOf('"', q + 1)) {
    if (q === text.length - 1) return { close: q, invalid };
    if (text.charCodeAt(q + 1) === 34) {
      q++;
      continue;
    }
    for (let after = q + 1; ; after++) {
      if (text.startsWith(delimiter, after) || text.startsWith(newline, after)) return { close: q, invalid };
      const c = text[after];
      if (c !== ' ' && c !== '\r' && (c !== '\t' || delimiter === '\t')) break;
    }
    invalid = true;
  }
  return { close: -1, invalid };
}
