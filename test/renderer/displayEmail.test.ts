// How addresses read on screen: a domain in its xn-- form is shown in its letters, and turns back into the same address.
import { describe, expect, it } from 'vitest';
import { displayEmail } from '../../src/renderer/src/lib/displayEmail';
import { cleanEmail } from '../../src/shared/import/email';

describe('displayEmail', () => {
  it('shows a domain stored in the form mail uses in its letters', () => {
    expect(displayEmail('zoe@xn--mller-kva.de')).toBe('zoe@müller.de');
    expect(displayEmail('anna@xn--mller-bau-q9a.de')).toBe('anna@müller-bau.de');
    expect(displayEmail('ken@sub.xn--wgv71a119e.jp')).toBe('ken@sub.日本語.jp');
  });

  it('turns back into the stored address when the rep saves it as shown', () => {
    for (const stored of ['zoe@xn--mller-kva.de', 'ken@sub.xn--wgv71a119e.jp']) expect(cleanEmail(displayEmail(stored))).toBe(stored);
  });

  it('leaves every other address as stored', () => {
    expect(displayEmail('ben@beispiel.de')).toBe('ben@beispiel.de');
    // Only the domain is converted: "xn--" before the @ is part of the name.
    expect(displayEmail('xn--abc@acme.com')).toBe('xn--abc@acme.com');
    expect(displayEmail('not an address')).toBe('not an address');
    expect(displayEmail('')).toBe('');
  });

  it('leaves a label that is not valid Punycode as stored', () => {
    expect(displayEmail('a@xn--ab-\u00ff.de')).toBe('a@xn--ab-\u00ff.de');
    expect(displayEmail('a@xn--99999999999.de')).toBe('a@xn--99999999999.de');
  });
});
