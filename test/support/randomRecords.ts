// Random comma-separated records for the property tests of delimited text (seeded, so a failure can be replayed).

/**
 * One to maxRecords records of one to four fields, each field up to maxPieces of `pieces` strung together, then
 * written by `field` (quoted, or left as it fell).
 */
export function randomRecords(random: () => number, o: { pieces: string[]; maxRecords: number; maxPieces: number; field: (value: string) => string }): string[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const records: string[] = [];
  for (let r = 0; r < 1 + Math.floor(random() * o.maxRecords); r++) {
    const fields: string[] = [];
    for (let f = 0; f < 1 + Math.floor(random() * 4); f++) {
      let v = '';
      for (let c = 0; c < Math.floor(random() * o.maxPieces); c++) v += pick(o.pieces);
      fields.push(o.field(v));
    }
    records.push(fields.join(','));
  }
  return records;
}

/** A field quoted the RFC 4180 way. */
export const quoted = (v: string) => `"${v.replaceAll('"', '""')}"`;
