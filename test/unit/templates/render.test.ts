// Merge fields: standard, custom and rep fields, fallbacks, and detection of fields that resolve to nothing.
import { describe, expect, it } from 'vitest';
import { mergeContext } from '../../../src/main/core/templates/mergeFields';
import { renderEmail, sanitizeEmailHtml } from '../../../src/main/core/templates/render';

const prospect = {
  email: 'ann@acme.test',
  first_name: 'Ann',
  last_name: 'Lee',
  company: 'Acme & Co',
  title: null,
  phone: null,
  city: null,
  region: null,
  country: 'US',
  industry: '',
  website: null,
  domain: 'acme.test',
  linkedin_url: null,
  custom: { 'Pain point': 'slow follow-up', Empty: '  ' },
};
const ctx = mergeContext(prospect, { rep_name: 'Robin', rep_email: 'robin@seller.test' });

describe('renderEmail', () => {
  it('fills standard, custom and rep fields; escapes values in the HTML body only', () => {
    const r = renderEmail('{{ first_name }} at {{ company }}', 'Hi {{ full_name }}, about {{ pain_point }} / {{ custom.pain_point }}.\n\n{{ rep_name }}', ctx);
    expect(r.subject).toBe('Ann at Acme & Co');
    expect(r.html).toBe('<p>Hi Ann Lee, about slow follow-up / slow follow-up.</p>\n<p>Robin</p>');
    expect(r.text).toContain('Hi Ann Lee');
    expect(r.missingFields).toEqual([]);
  });

  it('honours default fallbacks for missing and empty fields', () => {
    const r = renderEmail('Hi {{ title | default: "there" }}', '{{ industry | default: "your industry" }} {{ custom.empty | default: "x" }} {{ nope | default: "fine" }}', ctx);
    expect(r.subject).toBe('Hi there');
    expect(r.html).toContain('your industry x fine');
    expect(r.missingFields).toEqual([]);
  });

  it('reports every field that resolved to nothing, even through other filters', () => {
    const r = renderEmail('{{ title }}', '{{ industry | upcase }} {{ custom.budget }} {{ frist_name }}', ctx);
    expect(r.missingFields).toEqual(['custom.budget', 'frist_name', 'industry', 'title']);
    expect(r.html.includes('\u0001') || r.html.includes('\u0002')).toBe(false);
  });

  it('reports a template error instead of throwing', () => {
    const r = renderEmail('{% if first_name %}', 'x', ctx);
    expect(r.error).toMatch(/not closed/);
  });

  it('does not let a prospect value inject HTML', () => {
    const evil = mergeContext({ ...prospect, company: '<img src=x onerror=alert(1)>' }, { rep_name: '', rep_email: '' });
    expect(renderEmail('', '<p>{{ company }}</p>', evil).html).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });
});

describe('sanitizeEmailHtml', () => {
  it('keeps formatting and links, drops scripts, handlers and javascript: links', () => {
    const out = sanitizeEmailHtml('<p onclick="x()">Hi <a href="javascript:alert(1)">a</a> <a href="https://ok.test">b</a><script>alert(1)</script></p>');
    expect(out).toBe('<p>Hi <a>a</a> <a href="https://ok.test">b</a></p>');
  });
});

describe('plain-text bodies', () => {
  it('become paragraphs, escape the rep text, and make links clickable, leaving merge tags intact', () => {
    const r = renderEmail('s', 'Hi {{ first_name | default: "there" }},\nA & B < C.\n\nThe guide: https://example.test/guide?a=1&b=2.', ctx);
    expect(r.html).toBe('<p>Hi Ann,<br>A &amp; B &lt; C.</p>\n<p>The guide: <a href="https://example.test/guide?a=1&amp;b=2">https://example.test/guide?a=1&amp;b=2</a>.</p>');
    expect(r.text).toContain('The guide: https://example.test/guide?a=1&b=2.');
  });
});
