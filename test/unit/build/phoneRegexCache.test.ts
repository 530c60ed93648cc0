// The build's fix for libphonenumber-js (RegExps compiled once): it applies to the installed version and changes no answer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min/es6';
import { cacheRegExps, isMatchesEntirely, phoneRegexCache } from '../../../build/phoneRegexCache.mts';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('libphonenumber-js/package.json'));

describe('phoneRegexCache', () => {
  it('finds the code it rewrites in every build of the installed libphonenumber-js', () => {
    for (const file of ['es6-modern/helpers/matchesEntirely.js', 'es6/helpers/matchesEntirely.js', 'build/helpers/matchesEntirely.js']) {
      const id = join(packageDir, file);
      expect(isMatchesEntirely(id)).toBe(true);
      const out = cacheRegExps(readFileSync(id, 'utf8'), id);
      expect(out).toContain('repdeskCachedRegExp(regularExpressionText)');
      expect(out).not.toContain("new RegExp('^(?:' + regularExpressionText");
    }
  });

  it('refuses a version whose code changed, instead of building without the fix', () => {
    expect(() => cacheRegExps('export default function matchesEntirely(t, p) { return RegExp(p).test(t) }', 'x/libphonenumber-js/es6/helpers/matchesEntirely.js')).toThrow(/review build\/phoneRegexCache/);
  });

  it('leaves every other module alone', () => {
    const plugin = phoneRegexCache();
    const transform = plugin.transform as (code: string, id: string) => unknown;
    expect(transform('const x = 1', join(packageDir, 'es6/parse.js'))).toBeNull();
    expect(transform('const x = 1', '/src/main/core/import/matchesEntirely.js')).toBeNull();
  });

  it('answers exactly as the unmodified library, number after number', () => {
    // The tests load the transformed library as the app does (its ES2015+ build, vitest.config.mts); require() gets
    // the package's CommonJS build as published.
    const published = require('libphonenumber-js') as typeof import('libphonenumber-js');
    const numbers: [string, CountryCode][] = [];
    const samples: [string, CountryCode][] = [
      ['+1 415 555 2671', 'US'], ['(416) 555-0199', 'CA'], ['+1 242 357 1234', 'US'], ['+1 876 555 1234', 'US'], ['800 555 0100', 'US'],
      ['020 7946 0958', 'GB'], ['07700 900123', 'GB'], ['+44 20 7946 0958', 'US'], ['030 901820', 'DE'], ['+49 1512 3456789', 'DE'],
      ['01 23 45 67 89', 'FR'], ['+33 6 12 34 56 78', 'US'], ['+61 2 9374 4000', 'AU'], ['0412 345 678', 'AU'], ['+91 98765 43210', 'IN'],
      ['+81 3-1234-5678', 'JP'], ['+55 11 91234-5678', 'BR'], ['12', 'US'], ['not a phone', 'US'], ['+1 415 100 2671', 'US'], ['+7 495 123-45-67', 'RU'],
    ];
    numbers.push(...samples);
    // And a spread of North American numbers, where the country is found by trying each +1 country in turn.
    for (let i = 0; i < 400; i++) numbers.push([`+1 ${200 + ((i * 37) % 800)} ${String(100 + ((i * 53) % 900))} ${String((i * 7919) % 10000).padStart(4, '0')}`, 'US']);
    for (const [text, country] of numbers) {
      const a = parsePhoneNumberFromString(text, country);
      const b = published.parsePhoneNumberFromString(text, country);
      expect({ text, number: a?.number, country: a?.country, valid: a?.isValid(), type: a?.getType() }).toEqual({
        text,
        number: b?.number,
        country: b?.country,
        valid: b?.isValid(),
        type: b?.getType(),
      });
    }
  });

  it('the rewritten matchesEntirely matches every pattern of the metadata as the original does', () => {
    const load = (code: string) => {
      const module = { exports: {} as { default: (text: string, pattern: string) => boolean } };
      new Function('exports', 'module', code)(module.exports, module);
      return module.exports.default;
    };
    const file = join(packageDir, 'build/helpers/matchesEntirely.js');
    const source = readFileSync(file, 'utf8');
    const before = load(source);
    const after = load(cacheRegExps(source, file));
    const metadata = require('libphonenumber-js/metadata.min.json') as { countries: Record<string, unknown[]> };
    // Every pattern string in the metadata, wherever it sits, tried on digit strings of the lengths numbers have.
    const patterns = new Set<string>();
    const collect = (v: unknown) => {
      if (typeof v === 'string' && /[\\[(|]/.test(v)) patterns.add(v);
      else if (Array.isArray(v)) v.forEach(collect);
    };
    Object.values(metadata.countries).forEach(collect);
    expect(patterns.size).toBeGreaterThan(300);
    const inputs = ['', '0', '12', '2015550123', '4155552671', '07700900123', '912345678', '0412345678', '15123456789', '8005550100', '9876543210', '3012345678901'];
    let checked = 0;
    for (const pattern of patterns) {
      for (const text of inputs) {
        // Twice: the second answer comes from the cached RegExp.
        expect([after(text, pattern), after(text, pattern)]).toEqual([before(text, pattern), before(text, pattern)]);
        checked++;
      }
    }
    expect(checked).toBe(patterns.size * inputs.length);
  });
});
