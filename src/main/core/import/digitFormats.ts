// Numbers Excel shows through a digit format ("00000" for a zip code, "00000-0000", "000-000-0000"): imported as
// shown, leading zeros and dashes included, not as the bare number Excel stores (02139 is stored as 2139).
import { readElements } from './xmlElements';

/** A format's parts: a digit (the number 0 stands for a "0" placeholder), or literal text. */
export type DigitFormat = (typeof digit | string)[];
const digit = 0 as const;

// Characters Excel shows as themselves in a format without quotes or a backslash.
const plainLiterals = new Set([' ', '-', '(', ')', '/', ':', '+']);

/**
 * The format as digits and literal text, or null for any other kind of format (decimals, thousands separators,
 * conditions, sections, dates, text): those are left to the reader. Needs at least two digits, so "0" (a plain
 * integer) does not count.
 */
export function digitFormat(code: string): DigitFormat | null {
  const parts: DigitFormat = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '0') parts.push(digit);
    else if (plainLiterals.has(ch)) parts.push(ch);
    else if (ch === '\\' && i + 1 < code.length) parts.push(code[++i]!);
    else if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return null;
      parts.push(...code.slice(i + 1, end));
      i = end;
    } else return null;
  }
  return parts.filter((p) => p === digit).length >= 2 ? parts : null;
}

/**
 * A whole, non-negative number as the format shows it: zero-padded to the format's digits, filled from the right, any
 * digits beyond them kept in front (Excel shows 1234567 through "00000" as 1234567). Null for other numbers.
 */
export function applyDigitFormat(value: number, format: DigitFormat): string | null {
  if (!Number.isSafeInteger(value) || value < 0) return null;
  const slots = format.filter((p) => p === digit).length;
  const digits = String(value).padStart(slots, '0');
  const out: string[] = [];
  let next = digits.length - 1;
  let filled = 0;
  for (let i = format.length - 1; i >= 0; i--) {
    const part = format[i]!;
    if (part !== digit) out.push(part);
    // The first digit of the format takes whatever digits are left.
    else if (++filled === slots) out.push(digits.slice(0, next + 1));
    else out.push(digits[next--]!);
  }
  return out.reverse().join('');
}

/** Which cell styles (their index, the s attribute of a cell) show numbers through a digit format. */
export function digitStyles(stylesXml: string): Map<number, DigitFormat> {
  const codes = new Map<number, string>();
  const styles = new Map<number, DigitFormat>();
  let inCellXfs = false;
  let xf = 0;
  readElements(stylesXml, (name, a) => {
    if (name === 'numFmt' && a.numFmtId && a.formatCode !== undefined) codes.set(Number(a.numFmtId), a.formatCode);
    else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'cellStyles' || name === 'dxfs') inCellXfs = false;
    else if (name === 'xf' && inCellXfs) {
      const code = codes.get(Number(a.numFmtId));
      const format = code === undefined ? null : digitFormat(code);
      if (format) styles.set(xf, format);
      xf++;
    }
  });
  return styles;
}

/** Column letters ("A", "AB") to a 0-based index. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The numeric cells of the sheet XML whose style is one of `styles`, by 0-based row and column. Only the cells' start
 * tags are looked at (their r, s and t attributes). Null when one of them has no address (r is optional in the
 * format): then no cell is reformatted, rather than the wrong one.
 */
export function digitCells(sheetXml: string, styles: Map<number, DigitFormat>): Map<number, Map<number, DigitFormat>> | null {
  const cells = new Map<number, Map<number, DigitFormat>>();
  const styled = new RegExp(`<(?:\\w+:)?c\\s[^>]*?\\bs="(${[...styles.keys()].join('|')})"[^>]*>`, 'g');
  for (let m = styled.exec(sheetXml); m; m = styled.exec(sheetXml)) {
    const tag = m[0];
    const type = /\st="([^"]*)"/.exec(tag)?.[1];
    if (type !== undefined && type !== 'n') continue;
    const address = /\sr="([A-Z]+)(\d+)"/.exec(tag);
    if (!address) return null;
    const row = Number(address[2]) - 1;
    let inRow = cells.get(row);
    if (!inRow) cells.set(row, (inRow = new Map()));
    inRow.set(columnIndex(address[1]!), styles.get(Number(m[1]))!);
  }
  return cells;
}

/** Shows each of those cells that holds a whole number as its format does, in place. */
export function applyDigitFormats(rows: unknown[][], cells: Map<number, Map<number, DigitFormat>>): void {
  for (const [r, inRow] of cells) {
    const row = rows[r];
    if (!row) continue;
    for (const [c, format] of inRow) {
      const value = row[c];
      const shown = typeof value === 'number' ? applyDigitFormat(value, format) : null;
      if (shown !== null) row[c] = shown;
    }
  }
}
