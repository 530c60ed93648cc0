// Classification on a corpus of realistic messages: replies, auto-replies in several languages, bounces from common servers.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { classify, ownText } from '../../../src/main/core/inbox/classify';
import { parseRawMessage } from '../../../src/main/core/mail/parseRaw';
import { corpus } from '../../fixtures/mail/corpus';

const parse = (raw: string) =>
  parseRawMessage(Buffer.from(raw.replace(/\r?\n/g, '\r\n')), { providerMessageId: 'm1', threadId: 't1', folder: 'inbox', receivedAt: Date.parse('2026-03-02T17:06:00Z') });

describe('classify', () => {
  for (const entry of corpus) {
    it(entry.name, async () => {
      const result = classify(await parse(entry.raw), { timeZone: 'UTC' });
      expect(result.kind).toBe(entry.kind);
      if (entry.returnDate !== undefined) {
        expect(result.returnDate ? DateTime.fromMillis(result.returnDate, { zone: 'UTC' }).toISODate() : null).toBe(entry.returnDate);
      }
      if (entry.originalMessageId) expect(result.bounce?.originalMessageId).toBe(entry.originalMessageId);
      if (entry.recipient) expect(result.bounce?.recipients).toContain(entry.recipient);
    });
  }

  it('a bare STOP is an unsubscribe request, but "stop by" is not', async () => {
    const msg = async (text: string) => classify(await parse(`From: a@b.com\nTo: rep@acme-sales.com\nSubject: Re: Hi\nMessage-ID: <x@b.com>\nContent-Type: text/plain\n\n${text}\n`));
    expect((await msg('STOP')).kind).toBe('unsubscribe');
    expect((await msg('Feel free to stop by our booth on Tuesday.')).kind).toBe('reply');
  });

  it('reads only the sender’s own words, not the quoted thread', () => {
    expect(ownText('Sounds good.\n\nOn Mon, Mar 2, 2026 at 9:04 AM Riley <r@x.com> wrote:\n> unsubscribe here')).toBe('Sounds good.');
    expect(ownText('Passt.\n\nAm Mo., 2. März 2026 um 09:04 schrieb Riley <r@x.com>:\n> abmelden')).toBe('Passt.');
    expect(ownText('ok\n-----Original Message-----\nFrom: x')).toBe('ok');
  });
});
