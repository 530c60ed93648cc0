// The shared strings a sheet's first rows use, for the preview's small workbook: read-excel-file parses the whole
// shared-string table of a workbook before any cell, and in a big list (every email different) that table is most
// of the work of showing forty rows.

/**
 * The top of a sheet (its XML, cut after its first rows) and the package's shared strings, both rewritten so the
 * strings are only those the top uses, renumbered in the order it uses them. Each string element is copied as it is
 * (rich text and all), so the reader reads it as before. Null, and the caller keeps both as they were, unless every
 * shared-string cell of the top was rewritten and every string it uses was found.
 */
export function headStrings(sheetXml: string, stringsXml: string): { sheet: string; strings: string } | null {
  const used = new Map<number, number>();
  const cells = /(<(?:\w+:)?c\b[^>]*\bt=(["'])s\2[^>]*>\s*<((?:\w+:)?)v>)(\d+)(<\/\3v>)/g;
  let rewritten = 0;
  const sheet = sheetXml.replace(cells, (_all, open: string, _q: string, _p: string, index: string, close: string) => {
    const old = Number(index);
    let now = used.get(old);
    if (now === undefined) {
      now = used.size;
      used.set(old, now);
    }
    rewritten++;
    return `${open}${now}${close}`;
  });
  // A shared-string cell written otherwise (a formula before its value, say) would keep an old number: then none changes.
  const stringCells = sheetXml.match(/<(?:\w+:)?c\b[^>]*\bt=["']s["'][^>]*>/g)?.length ?? 0;
  if (stringCells !== rewritten) return null;

  const root = /<((?:\w+:)?)sst\b[^>]*>/.exec(stringsXml);
  if (!root) return null;
  const prefix = root[1]!;
  const last = Math.max(-1, ...used.keys());
  const picked = new Array<string>(used.size);
  const item = new RegExp(`<${prefix}si\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}si>)`, 'g');
  item.lastIndex = root.index + root[0].length;
  let found = 0;
  for (let i = 0; i <= last; i++) {
    const m = item.exec(stringsXml);
    if (!m) return null;
    const now = used.get(i);
    if (now !== undefined) {
      picked[now] = m[0];
      found++;
    }
  }
  if (found !== used.size) return null;
  const head = stringsXml.slice(0, root.index);
  const open = root[0].replace(/\s(count|uniqueCount)=(["'])\d*\2/g, '').replace(/\/?>$/, ` count="${used.size}" uniqueCount="${used.size}">`);
  return { sheet, strings: `${head}${open}${picked.join('')}</${prefix}sst>` };
}
