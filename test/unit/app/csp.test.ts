import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../../src/shared/csp';

describe('content security policy', () => {
  it('index.html carries the same strict policy the harness sends', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(metaContentSecurityPolicy);
    expect(contentSecurityPolicy.startsWith(metaContentSecurityPolicy)).toBe(true);
    expect(meta).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});
