// Splits a full name into first and last when a sheet has only one name column.

const honorifics = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam']);
const suffixes = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'mba', 'esq', 'cpa']);
// Particles that belong to the last name ("Ludwig van Beethoven", "Maria de la Cruz").
const particles = new Set(['van', 'von', 'de', 'del', 'della', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'st', 'bin', 'al']);

const bare = (w: string) => w.toLowerCase().replace(/[.,]/g, '');

export function splitFullName(full: string): { firstName: string | null; lastName: string | null } {
  const trimmed = full.trim().replace(/\s+/g, ' ');
  if (!trimmed) return { firstName: null, lastName: null };
  // "Doe, Jane" as CRMs export it.
  const comma = /^([^,]+),\s*([^,]+)$/.exec(trimmed);
  if (comma && !suffixes.has(bare(comma[2]!))) return { firstName: comma[2]!.trim(), lastName: comma[1]!.trim() };
  let words = trimmed.split(' ');
  while (words.length > 1 && honorifics.has(bare(words[0]!))) words = words.slice(1);
  while (words.length > 1 && suffixes.has(bare(words[words.length - 1]!))) words = words.slice(0, -1);
  words = words.map((w) => w.replace(/,$/, ''));
  if (words.length === 1) return { firstName: words[0]!, lastName: null };
  let lastStart = words.length - 1;
  while (lastStart > 1 && particles.has(bare(words[lastStart - 1]!))) lastStart--;
  return { firstName: words.slice(0, lastStart).join(' '), lastName: words.slice(lastStart).join(' ') };
}
