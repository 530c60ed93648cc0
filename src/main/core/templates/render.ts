// Renders subject and body templates (liquidjs) and reports every merge field that resolved to nothing.
import { Liquid } from 'liquidjs';
import sanitizeHtml from 'sanitize-html';

export interface RenderResult {
  subject: string;
  /** The body as HTML (merge values escaped). */
  html: string;
  text: string;
  /** Fields used without a fallback that had no value: the email must not go out by itself. */
  missingFields: string[];
  /** A template the rep wrote that liquid cannot parse. */
  error: string | null;
}

// A missing value renders as this marker; the `default` filter treats it as empty, so fallbacks work,
// and any marker left in the output names a field that resolved to nothing.
const markerOpen = '\u0001';
const markerClose = '\u0002';
const markerRe = new RegExp(`${markerOpen}(\\d+)${markerClose}`, 'g');

function engine(escape: boolean): Liquid {
  const liquid = new Liquid({ outputEscape: escape ? 'escape' : undefined, strictFilters: true, cache: 200 });
  liquid.registerFilter('default', (value: unknown, fallback: unknown = '') => {
    const empty = value === null || value === undefined || value === false || value === '' || (typeof value === 'string' && markerRe.test(value) && value.replace(markerRe, '').trim() === '');
    markerRe.lastIndex = 0;
    return empty ? fallback : value;
  });
  return liquid;
}

const text = engine(false);
const html = engine(true);

// The variables a template uses, remembered per template: finding them parses it, and a day's queue
// renders the same few templates for hundreds of prospects.
const variableCache = new Map<string, { roots: string[]; paths: string[] }>();
function variablesOf(liquid: Liquid, template: string): { roots: string[]; paths: string[] } {
  const key = `${liquid === text ? 't' : 'h'}${template}`;
  let v = variableCache.get(key);
  if (!v) {
    if (variableCache.size > 500) variableCache.clear();
    v = { roots: liquid.globalVariablesSync(template), paths: liquid.globalFullVariablesSync(template) };
    variableCache.set(key, v);
  }
  return v;
}

function renderOne(liquid: Liquid, template: string, context: Record<string, unknown>, missing: Set<string>, missingAs: (name: string) => string = () => ''): string {
  const names: string[] = [];
  const scope: Record<string, unknown> = { ...context };
  const vars = variablesOf(liquid, template);
  for (const name of vars.roots) {
    if (!(name in scope)) {
      names.push(name);
      scope[name] = `${markerOpen}${names.length - 1}${markerClose}`;
    }
  }
  // Nested custom fields ({{ custom.x }}) that are absent: mark them the same way.
  const custom = { ...(context.custom as Record<string, unknown> | undefined) };
  for (const path of vars.paths) {
    const m = /^custom\.([a-z0-9_]+)$/.exec(path);
    if (m && !(m[1]! in custom)) {
      names.push(path);
      custom[m[1]!] = `${markerOpen}${names.length - 1}${markerClose}`;
    }
  }
  scope.custom = custom;
  const out = liquid.parseAndRenderSync(template, scope);
  return out.replace(markerRe, (_: string, i: string) => {
    const name = names[Number(i)] ?? 'unknown';
    missing.add(name);
    return missingAs(name);
  });
}

/**
 * The rep's editable draft (Today queue): plain text with values filled and every field that resolved to
 * nothing left visible as `{{ name }}`, so approving refuses it until the rep writes the words in.
 */
export function renderDraft(subject: string, body: string, context: Record<string, unknown>): { subject: string; body: string; missingFields: string[]; error: string | null } {
  const missing = new Set<string>();
  const visible = (name: string) => `{{ ${name} }}`;
  try {
    const s = renderOne(text, subject, context, missing, visible).replace(/\s+/g, ' ').trim();
    // An HTML body keeps its markup, so merged values are escaped into it, as renderEmail does.
    const isHtml = /<(p|div|br|a|ul|ol|table|strong|em|b|i)\b/i.test(body);
    const b = renderOne(isHtml ? html : text, body, context, missing, visible).trim();
    return { subject: s, body: b, missingFields: [...missing].sort(), error: null };
  } catch (err) {
    return { subject, body, missingFields: [], error: `The template has an error: ${(err as Error).message}` };
  }
}

export function renderEmail(subject: string, body: string, context: Record<string, unknown>): RenderResult {
  const missing = new Set<string>();
  try {
    const s = renderOne(text, subject, context, missing).replace(/\s+/g, ' ').trim();
    const bodyHtml = renderOne(html, bodyAsHtml(body), context, missing);
    return { subject: s, html: bodyHtml, text: htmlToText(bodyHtml), missingFields: [...missing].sort(), error: null };
  } catch (err) {
    return { subject, html: '', text: '', missingFields: [], error: `The template has an error: ${(err as Error).message}` };
  }
}

/**
 * Plain-text bodies (no tags) become paragraphs with clickable links, so reps can write either.
 * Only the rep's own text is escaped; merge tags ({{ }} and {% %}) are left for liquid.
 */
export function bodyAsHtml(body: string): string {
  if (/<(p|div|br|a|ul|ol|table|strong|em|b|i)\b/i.test(body)) return body;
  const html = body
    .split(/(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/)
    .map((part, i) => (i % 2 === 1 ? part : linkify(escapeText(part))))
    .join('');
  return html
    .split(/\n{2,}/)
    .map((para) => `<p>${para.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const linkify = (t: string) => t.replace(/\bhttps?:\/\/[^\s<]+[^\s<.,;:!?)'"]/g, (url) => `<a href="${url.replace(/"/g, '%22')}">${url}</a>`);

export function htmlToText(h: string): string {
  return sanitizeHtml(h.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>/gi, '\n\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The only HTML the UI shows: formatting and links, nothing that runs. */
export function sanitizeEmailHtml(h: string): string {
  return sanitizeHtml(h, {
    allowedTags: ['p', 'br', 'a', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'blockquote', 'h3', 'h4', 'span', 'div'],
    allowedAttributes: { a: ['href', 'title'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  });
}
