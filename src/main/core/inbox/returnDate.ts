// Finds the return date in an out-of-office reply, in the date forms common in English, German, French, Spanish, Italian, Dutch and Portuguese.
import { DateTime } from 'luxon';

const monthNames: Record<string, number> = {};
const addMonths = (names: string[]) => names.forEach((n, i) => n.split('|').forEach((alias) => (monthNames[alias] = i + 1)));
addMonths(['january|jan', 'february|feb', 'march|mar', 'april|apr', 'may', 'june|jun', 'july|jul', 'august|aug', 'september|sept|sep', 'october|oct', 'november|nov', 'december|dec']);
addMonths(['januar|jänner|jän', 'februar', 'märz|maerz|mrz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober|okt', 'november', 'dezember|dez']);
addMonths(['janvier|janv', 'février|fevrier|févr|fevr', 'mars', 'avril|avr', 'mai', 'juin', 'juillet|juil', 'août|aout', 'septembre', 'octobre', 'novembre', 'décembre|decembre|déc']);
addMonths(['enero|ene', 'febrero', 'marzo', 'abril|abr', 'mayo', 'junio', 'julio', 'agosto|ago', 'septiembre|setiembre', 'octubre', 'noviembre', 'diciembre|dic']);
addMonths(['gennaio|gen', 'febbraio', 'marzo', 'aprile', 'maggio|mag', 'giugno|giu', 'luglio|lug', 'agosto', 'settembre|set', 'ottobre|ott', 'novembre', 'dicembre']);
addMonths(['januari', 'februari', 'maart|mrt', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']);
addMonths(['janeiro', 'fevereiro|fev', 'março|marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro|out', 'novembro', 'dezembro|dez']);

const monthAlternation = Object.keys(monthNames)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Words after which a date is the last day away: the rep's prospect is back the day after. */
const untilWords = /(until|till|til|through|thru|up to and including|bis einschließlich|bis einschl\.?|bis zum|bis|jusqu'?au|jusqu’au|jusqu'?à|hasta el|hasta|fino al|fino a|tot en met|t\/m|tot|até)\s*(?:und mit\s*)?(?:the\s*|le\s*|el\s*|il\s*|de\s*)?$/i;
/** Words after which a date is the day they are back. */
const backWords = /(back|return|returning|returns|in the office|available again|ab dem|ab|wieder|zurück|retour|à partir du|a partir del|de vuelta|regreso|vuelvo|rientro|rientrerò|terug|vanaf|volto|retorno)\b[^.\n]{0,40}$/i;

interface Candidate {
  at: number;
  index: number;
  hasYear: boolean;
}

export interface ReturnDateOptions {
  receivedAt: number;
  /** The rep's zone: a date without a time is the start of that day there. */
  timeZone?: string;
  /** Dates further ahead than this are not believed (a typo or a sabbatical). */
  maxAheadDays?: number;
}

export function parseReturnDate(text: string, options: ReturnDateOptions): number | null {
  const zone = options.timeZone ?? 'UTC';
  const received = DateTime.fromMillis(options.receivedAt, { zone });
  const englishy = /\b(the|until|back|office|return|regards)\b/i.test(text);
  const candidates: Candidate[] = [];
  const push = (index: number, year: number | null, month: number, day: number) => {
    if (month < 1 || month > 12 || day < 1 || day > 31) return;
    let y = year ?? received.year;
    if (y < 100) y += 2000;
    let date = DateTime.fromObject({ year: y, month, day }, { zone });
    if (!date.isValid) return;
    // "back on 3 January" written in late December means next year.
    if (year === null && date < received.startOf('day').minus({ days: 7 })) date = date.plus({ years: 1 });
    candidates.push({ at: date.toMillis(), index, hasYear: year !== null });
  };

  const flat = text.replace(/\s+/g, ' ');
  for (const m of flat.matchAll(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g)) push(m.index, Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of flat.matchAll(/\b(\d{1,2})\.(\d{1,2})\.(\d{2,4})?(?!\d)/g)) push(m.index, m[3] ? Number(m[3]) : null, Number(m[2]), Number(m[1]));
  for (const m of flat.matchAll(/\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = m[3] ? Number(m[3]) : null;
    // 03/09 is ambiguous: day-first unless the text reads as (US) English or the numbers only fit month-first.
    const monthFirst = b > 12 || (a <= 12 && englishy && !/\b(dd\/mm|uk|australia)\b/i.test(flat));
    if (monthFirst) push(m.index, year, a, b);
    else push(m.index, year, b, a);
  }
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er|º|°|\\.)?\\s*(?:de\\s+|of\\s+)?(${monthAlternation})\\.?(?:,?\\s*(?:de\\s+)?(\\d{4}))?(?![\\p{L}])`, 'giu');
  for (const m of flat.matchAll(dayMonth)) push(m.index, m[3] ? Number(m[3]) : null, monthNames[m[2]!.toLowerCase()]!, Number(m[1]));
  const monthDay = new RegExp(`(?<![\\p{L}])(${monthAlternation})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s*(\\d{4}))?`, 'giu');
  for (const m of flat.matchAll(monthDay)) push(m.index, m[3] ? Number(m[3]) : null, monthNames[m[1]!.toLowerCase()]!, Number(m[2]));

  const from = received.startOf('day').toMillis();
  const limit = received.plus({ days: options.maxAheadDays ?? 180 }).toMillis();
  const plausible = candidates.filter((c) => c.at >= from && c.at <= limit);
  if (!plausible.length) return null;

  // Prefer a date right after "back"/"until" words; else the latest one (in "from X to Y", Y is the end of the absence).
  const scored = plausible.map((c) => {
    const before = flat.slice(Math.max(0, c.index - 60), c.index);
    return { ...c, until: untilWords.test(before), back: backWords.test(before) };
  });
  const keyed = scored.filter((c) => c.until || c.back);
  const pick = (keyed.length ? keyed : scored).sort((a, b) => b.at - a.at)[0]!;
  const day = DateTime.fromMillis(pick.at, { zone });
  const back = pick.until || (!keyed.length && scored.length > 1) ? day.plus({ days: 1 }) : day;
  return back.startOf('day').toMillis();
}
