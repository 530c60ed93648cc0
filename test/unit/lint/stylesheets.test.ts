// Every renderer stylesheet is global (the build bundles them into one file), so a selector written in two of them is a
// clash: which one wins depends on the order the bundle happens to load them. Each selector has one home.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../../src/renderer/src');

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? stylesheets(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : []));
}

/** The selectors of a stylesheet's rules, whitespace normalised (rules inside @media count too; at-rules do not). */
function selectorsOf(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  for (const m of text.matchAll(/([^{}]+)\{[^{}]*\}/g)) {
    for (const s of m[1]!.split(',')) {
      const sel = s.trim().replace(/\s+/g, ' ');
      if (sel && !sel.startsWith('@')) out.push(sel);
    }
  }
  return out;
}

describe('renderer stylesheets', () => {
  it('finds selectors in rules and in media queries, not in comments', () => {
    expect(selectorsOf('/* .x { } */ .a, .b  p { color: red } @media (max-width: 9px) { .a { color: blue } }')).toEqual(['.a', '.b p', '.a']);
  });

  it('define each selector in one stylesheet only', () => {
    const homes = new Map<string, Set<string>>();
    for (const file of stylesheets(root)) {
      for (const sel of selectorsOf(readFileSync(file, 'utf8'))) {
        const set = homes.get(sel) ?? new Set<string>();
        set.add(relative(root, file));
        homes.set(sel, set);
      }
    }
    expect(homes.size).toBeGreaterThan(100);
    const clashes = [...homes].filter(([, files]) => files.size > 1).map(([sel, files]) => `${sel}: ${[...files].sort().join(', ')}`);
    expect(clashes).toEqual([]);
  });
});
