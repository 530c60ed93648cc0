// Builds the RFC 5322 message for a send with nodemailer's MailComposer: HTML + text, signature, threading headers.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingEmail } from './provider';

export interface Signature {
  html: string;
  text: string;
}

/** "Re: " + the thread's subject, unless it already is a reply subject: Gmail threads on a matching subject. */
export function replySubject(original: string): string {
  return /^\s*(re|aw|sv|antw|r|rif)\s*:/i.test(original) ? original.trim() : `Re: ${original.trim()}`;
}

/** The subject with reply/forward prefixes removed, to compare subjects across a thread. */
export function baseSubject(subject: string): string {
  return subject.replace(/^\s*((re|aw|sv|antw|fwd?|wg|tr|r|rif)\s*(\[\d+\])?\s*:\s*)+/i, '').trim().toLowerCase();
}

/** Appends the rep's signature unless the body already carries it (the engine may have rendered it). */
export function withSignature(email: Pick<OutgoingEmail, 'html' | 'text'>, signature: Signature | null): { html: string; text: string } {
  if (!signature || !signature.html.trim()) return { html: email.html, text: email.text };
  if (email.html.includes(signature.html)) return { html: email.html, text: email.text };
  return {
    html: `${email.html}\n<div class="gmail_signature" data-repdesk="signature">-- <br>${signature.html}</div>`,
    text: `${email.text}\n\n-- \n${signature.text}`,
  };
}

function formatAddress(a: { email: string; name?: string }) {
  return a.name ? { name: a.name, address: a.email } : a.email;
}

/** The whole message as bytes, ready to be base64url-encoded for Gmail's messages.send. */
export async function buildMime(email: OutgoingEmail, signature: Signature | null = null, date = new Date()): Promise<Buffer> {
  if (!/^<[^<>\s@]+@[^<>\s@]+>$/.test(email.messageId)) throw new Error(`Message-ID must look like <id@host>, got ${email.messageId}`);
  const body = withSignature(email, signature);
  const threaded = Boolean(email.inReplyTo);
  const references = email.references?.length ? email.references : email.inReplyTo ? [email.inReplyTo] : [];
  const composer = new MailComposer({
    from: formatAddress(email.from),
    to: formatAddress(email.to),
    subject: threaded ? replySubject(email.subject) : email.subject,
    html: body.html,
    text: body.text,
    messageId: email.messageId,
    date,
    ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
    ...(references.length ? { references } : {}),
    attachments: (email.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, path: a.path })),
    // Plain text beside the HTML, no tracking, nothing fetched from the network while building.
    disableUrlAccess: true,
  });
  return composer.compile().build();
}

/** Gmail wants the raw message base64url-encoded. */
export function toBase64Url(raw: Buffer): string {
  return raw.toString('base64url');
}
