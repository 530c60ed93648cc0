// Reads delimited text (comma, semicolon, tab or pipe; detected) with papaparse, in batches.
import Papa from 'papaparse';

export const delimiters = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof delimiters)[number];

/** Papaparse guesses from a sample; a one-column file has no delimiter at all, and comma is as good as any. */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  const cut = sample.length < text.length ? sample.slice(0, Math.max(sample.lastIndexOf('\n'), 1)) : sample;
  const result = Papa.parse<string[]>(cut, { delimitersToGuess: [...delimiters], preview: 50, skipEmptyLines: 'greedy' });
  const found = result.meta.delimiter as Delimiter;
  return (delimiters as readonly string[]).includes(found) ? found : ',';
}

const chunkSize = 512 * 1024;

/** How much of the text sniffDelimiter and lineBreak look at: its first 512K characters (the first 64K of them for the delimiter). */
export const guessedFrom = (text: string): number => Math.min(text.length, chunkSize);

/** The line break papaparse settles on for this text: the one it guesses from its first chunk, as readDelimitedRows parses it. */
export function lineBreak(text: string, delimiter: Delimiter): '\r\n' | '\n' | '\r' {
  const found = Papa.parse<string[]>(text.slice(0, chunkSize), { delimiter, preview: 1 }).meta.linebreak;
  return found === '\r\n' || found === '\r' ? found : '\n';
}

/**
 * Where each record of the text starts (offsets into the text), found without parsing it, so that separate
 * stretches of a big file can be parsed on their own by separate workers. Only a file whose quoting is clean is
 * split: every quote opens a field, closes one right before a delimiter, line break or the end, or is doubled
 * inside one. There papaparse's records and these agree exactly; anything else (a stray quote, text after a
 * closing quote, a quote never closed) returns null, and the file is read whole instead.
 */
export function recordStarts(text: string, delimiter: Delimiter, newline: '\r\n' | '\n' | '\r'): Uint32Array | null {
  const len = text.length;
  let starts = new Uint32Array(4096);
  let count = 0;
  const push = (offset: number) => {
    if (count === starts.length) {
      const bigger = new Uint32Array(starts.length * 2);
      bigger.set(starts);
      starts = bigger;
    }
    starts[count++] = offset;
  };
  const endsBreak = (at: number) => at >= newline.length && text.startsWith(newline, at - newline.length);
  push(0);
  let at = 0;
  // Line breaks up to the next quote are record boundaries; a quote opens a field, whose close is jumped to.
  for (;;) {
    const quote = text.indexOf('"', at);
    const stop = quote < 0 ? len : quote;
    for (let b = text.indexOf(newline, at); b >= 0 && b < stop; b = text.indexOf(newline, b + newline.length)) push(b + newline.length);
    if (quote < 0) break;
    // The quote must open a field: at the start, after a delimiter or after a line break.
    if (quote > 0 && text.charCodeAt(quote - 1) !== delimiter.charCodeAt(0) && !endsBreak(quote)) return null;
    let close = quote + 1;
    for (;;) {
      close = text.indexOf('"', close);
      if (close < 0) return null;
      if (text.charCodeAt(close + 1) === 34) close += 2;
      else break;
    }
    at = close + 1;
    // And the field ends right after its closing quote.
    if (at < len && text.charCodeAt(at) !== delimiter.charCodeAt(0) && !text.startsWith(newline, at)) return null;
  }
  return starts.subarray(0, count);
}

/** Parses records [from, to) of a text split by recordStarts: the same rows papaparse finds reading the whole text. */
export function parseRecords(text: string, starts: Uint32Array, from: number, to: number, delimiter: Delimiter, newline: '\r\n' | '\n' | '\r'): string[][] {
  const begin = starts[from]!;
  const end = to < starts.length ? starts[to]! - newline.length : text.length;
  const slice = text.slice(begin, end);
  // papaparse finds no row at all in an empty text: here that is one blank record.
  const rows = slice === '' ? [[]] : Papa.parse<string[]>(slice, { delimiter, newline, skipEmptyLines: false }).data.map((row) => (row.length === 1 && row[0] === '' ? [] : row));
  if (rows.length !== to - from) throw new Error(`Records ${from}-${to} of the file parsed as ${rows.length} rows`);
  return rows;
}

/** Parses in chunks and pauses papaparse between them, so a huge file never blocks the event loop for long. */
export async function* readDelimitedRows(text: string, delimiter: Delimiter, read: { chars: number } = { chars: 0 }): AsyncGenerator<string[][]> {
  let pending: string[][] | null = null;
  let parser: Papa.Parser | null = null;
  let finished = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  Papa.parse<string[]>(text, {
    delimiter,
    chunkSize,
    skipEmptyLines: false,
    chunk: (results: Papa.ParseResult<string[]>, p: Papa.Parser) => {
      parser = p;
      read.chars = results.meta.cursor;
      pending = results.data;
      p.pause();
      signal();
    },
    complete: () => {
      finished = true;
      signal();
    },
    error: (err: Error) => {
      failure = err;
      finished = true;
      signal();
    },
  });
  try {
    for (;;) {
      if (pending === null && !finished) await new Promise<void>((r) => (wake = r));
      if (failure) throw failure;
      if (pending !== null) {
        const batch: string[][] = pending;
        pending = null;
        yield batch.map((row) => (row.length === 1 && row[0] === '' ? [] : row));
        if (!finished) (parser as Papa.Parser | null)?.resume();
        continue;
      }
      if (finished) return;
    }
  } finally {
    if (!finished) (parser as Papa.Parser | null)?.abort();
  }
}
