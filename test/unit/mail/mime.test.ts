// MIME building: HTML with a text alternative, our Message-ID, the signature, and the headers that thread a follow-up.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { baseSubject, buildMime, replySubject, withSignature } from '../../../src/main/core/mail/mime';
import type { OutgoingEmail } from '../../../src/main/core/mail/provider';

const base: OutgoingEmail = {
  messageId: '<run-1.abc@repdesk.local>',
  from: { email: 'rep@acme-sales.com', name: 'Riley Rep' },
  to: { email: 'dana@prospect.io', name: 'Dana Díaz' },
  subject: 'Quick question, Dana',
  html: '<p>Hi Dana,</p><p>Worth a chat? — Riley</p>',
  text: 'Hi Dana,\n\nWorth a chat? — Riley',
};

describe('buildMime', () => {
  it('builds multipart/alternative with our Message-ID, encoded names and no threading headers on a first email', async () => {
    const raw = await buildMime(base, null, new Date('2026-03-02T09:00:00Z'));
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe('<run-1.abc@repdesk.local>');
    expect(raw.toString()).toMatch(/Content-Type: multipart\/alternative/);
    expect(parsed.text).toContain('Worth a chat? — Riley');
    expect(parsed.html).toContain('<p>Hi Dana,</p>');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0] : null).toEqual({ address: 'dana@prospect.io', name: 'Dana Díaz' });
    expect(parsed.inReplyTo).toBeUndefined();
    expect(parsed.references).toBeUndefined();
    expect(parsed.date?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('threads a follow-up: In-Reply-To, References (the whole chain) and a Re: subject', async () => {
    const raw = await buildMime({ ...base, messageId: '<run-3@repdesk.local>', inReplyTo: '<run-2@repdesk.local>', references: ['<run-1.abc@repdesk.local>', '<run-2@repdesk.local>'], threadId: 't1' });
    const parsed = await simpleParser(raw);
    expect(parsed.inReplyTo).toBe('<run-2@repdesk.local>');
    expect(parsed.references).toEqual(['<run-1.abc@repdesk.local>', '<run-2@repdesk.local>']);
    expect(parsed.subject).toBe('Re: Quick question, Dana');
  });

  it('adds the signature once, in HTML and text', async () => {
    const signature = { html: '<div>Riley Rep<br>Acme</div>', text: 'Riley Rep\nAcme' };
    const parsed = await simpleParser(await buildMime(base, signature));
    expect(parsed.html).toContain('Riley Rep<br>Acme');
    expect(parsed.text).toContain('-- \nRiley Rep\nAcme');
    const already = withSignature({ html: `x${signature.html}`, text: 'x' }, signature);
    expect(already.html).toBe(`x${signature.html}`);
  });

  it('refuses a Message-ID that is not <id@host>', async () => {
    await expect(buildMime({ ...base, messageId: 'no-brackets@x' })).rejects.toThrow(/Message-ID/);
  });

  it('reply subjects keep one prefix and compare across languages', () => {
    expect(replySubject('Hello')).toBe('Re: Hello');
    expect(replySubject('RE: Hello')).toBe('RE: Hello');
    expect(replySubject('AW: Hallo')).toBe('AW: Hallo');
    expect(baseSubject('Re: AW: Fwd: Hello')).toBe('hello');
  });
});
