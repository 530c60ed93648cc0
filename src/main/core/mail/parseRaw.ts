// Parses raw RFC 5322 bytes into the provider-independent InboundMessage, with mailparser (Gmail and Outlook alike).
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { Address, InboundMessage } from './provider';

function addresses(value: AddressObject | AddressObject[] | undefined): Address[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value).flatMap((v) => (v.address ? [{ email: v.address.toLowerCase(), ...(v.name ? { name: v.name } : {}) }] : []));
}

function headerMap(parsed: ParsedMail): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of parsed.headerLines) {
    const name = line.key.toLowerCase();
    const value = line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}

function idList(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const joined = Array.isArray(value) ? value.join(' ') : value;
  return joined.match(/<[^<>\s]+>/g) ?? [];
}

/** The parts of a DSN (RFC 3464) that name what bounced: delivery-status text and the returned headers. */
async function reportParts(parsed: ParsedMail): Promise<{ deliveryStatus?: string; returnedHeaders?: string }> {
  const out: { deliveryStatus?: string; returnedHeaders?: string } = {};
  for (const att of parsed.attachments) {
    const type = att.contentType.toLowerCase();
    const text = att.content.toString('utf8');
    if (type === 'message/delivery-status' || type === 'message/global-delivery-status') out.deliveryStatus = text;
    else if (type === 'text/rfc822-headers' || type === 'message/rfc822' || type === 'message/global-headers') {
      out.returnedHeaders = text.split(/\r?\n\r?\n/)[0];
    }
  }
  return out;
}

/** Provider-independent: raw RFC 5322 bytes plus where they were found. Outlook's MIME export reuses it. */
export async function parseRawMessage(
  raw: Buffer,
  meta: { providerMessageId: string; threadId: string; folder: 'inbox' | 'sent'; receivedAt?: number | undefined },
): Promise<InboundMessage> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, keepDeliveryStatus: true } as Parameters<typeof simpleParser>[1]);
  const headers = headerMap(parsed);
  const from = addresses(parsed.from)[0] ?? { email: '' };
  const report = await reportParts(parsed);
  return {
    providerMessageId: meta.providerMessageId,
    threadId: meta.threadId,
    folder: meta.folder,
    messageIdHeader: parsed.messageId ? (parsed.messageId.startsWith('<') ? parsed.messageId : `<${parsed.messageId}>`) : null,
    inReplyTo: idList(parsed.inReplyTo)[0] ?? null,
    references: idList(parsed.references),
    from,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? '',
    receivedAt: meta.receivedAt ?? parsed.date?.getTime() ?? 0,
    headers,
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    contentType: headers['content-type'] ?? 'text/plain',
    ...report,
  };
}
