// Build-time fix for libphonenumber-js: its matchesEntirely() compiles a new RegExp from the metadata on every call.
import type { Plugin } from 'vite';

/*
 * Checking one number runs a dozen of the metadata's patterns (the +1 countries' fixed-line pattern alone is 1.5 KB),
 * and libphonenumber-js builds each as `new RegExp(...)` per call: half of the ~12 µs a number costs, and the biggest
 * single cost of an import. The patterns are a fixed set from the metadata, so each is compiled once and kept. Only
 * the construction changes; every pattern is matched exactly as before (test/unit/build/phoneRegexCache.test.ts).
 */
const original = "new RegExp('^(?:' + regularExpressionText + ')$')";
const cached = 'repdeskCachedRegExp(regularExpressionText)';
const cacheFunction = `
var repdeskRegExpCache = new Map();
function repdeskCachedRegExp(pattern) {
  var re = repdeskRegExpCache.get(pattern);
  if (re === undefined) {
    re = new RegExp('^(?:' + pattern + ')$');
    repdeskRegExpCache.set(pattern, re);
  }
  return re;
}
`;

export const isMatchesEntirely = (id: string) => /[\\/]libphonenumber-js[\\/].*helpers[\\/]matchesEntirely\.js$/.test(id.split('?')[0]!);

/** The module with its RegExps cached; throws when libphonenumber-js changed the code this relies on. */
export function cacheRegExps(code: string, id: string): string {
  if (!code.includes(original)) {
    throw new Error(`${id}: libphonenumber-js no longer builds its RegExp as expected; review build/phoneRegexCache.ts for this version.`);
  }
  // The patterns hold no lastIndex state (no g or y flag), so one RegExp per pattern can be shared by every call.
  return code.replace(original, cached) + cacheFunction;
}

export function phoneRegexCache(): Plugin {
  return {
    name: 'repdesk-phone-regex-cache',
    enforce: 'pre',
    transform(code, id) {
      return isMatchesEntirely(id) ? { code: cacheRegExps(code, id), map: null } : null;
    },
  };
}
