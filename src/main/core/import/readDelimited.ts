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
