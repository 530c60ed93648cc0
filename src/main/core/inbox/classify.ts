// What an inbound message is (reply, out-of-office, bounce, unsubscribe request, other), from headers and text alone.
// Provider-independent: Gmail and Outlook both hand over an InboundMessage.
import type { InboundKind } from '../../../shared/domain/mail';
import type { InboundMessage } from '../mail/provider';
import { parseReturnDate } from './returnDate';

export interface BounceDetails {
  recipients: string[];
  /** RFC 3463 status, e.g. 5.1.1. */
  status: string | null;
  diagnostic: string | null;
  /** The Message-ID of our email that bounced, when the report carries it. */
  originalMessageId: string | null;
}

export interface Classification {
  kind: InboundKind;
  /** Why, in a few words, for the timeline. */
  why: string;
  /** Out-of-office: the instant the sender is back, when the message says. */
  returnDate?: number | null;
  bounce?: BounceDetails;
}

export interface ClassifyOptions {
  timeZone?: string;
}

const daemonSender = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon|bounces?|no-?reply-?bounce)@/i;
const bounceSubject = /(undeliver(able|ed)|delivery status notification|delivery (has )?failed|mail delivery (failed|failure|subsystem)|returned mail|failure notice|non-?delivery|unzustellbar|nicht zustellbar|non remis|no se puede entregar|impossible de remettre|onbestelbaar|mancata consegna)/i;
const autoSubject =
  /(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|out of (the )?office|ooo\b|away from (the )?office|on (annual )?leave|on vacation|abwesenheit(snotiz)?|automatische antwort|nicht im büro|absence|absent|réponse automatique|reponse automatique|fuera de (la )?oficina|respuesta automática|respuesta automatica|risposta automatica|fuori (sede|ufficio)|assente|automatisch antwoord|afwezig|niet aanwezig|resposta automática|resposta automatica|fora do escritório|ausência|autosvar|frånvaro|poza biurem|automatyczna odpowiedź)/i;
const hardText = /(user unknown|unknown user|no such (user|mailbox|recipient)|does not exist|doesn't exist|address not found|recipient (address )?rejected|mailbox unavailable|invalid (recipient|address|mailbox)|account (has been )?disabled|mailbox not found|not a valid|unrouteable|550[ -]5\.1\.\d|5\.1\.1|5\.1\.10)/i;
const softText = /(mailbox (is )?full|over quota|quota exceeded|temporar(y|ily)|try again later|delayed|deferred|will retry|greylist|4\.\d\.\d|5\.2\.2)/i;

/** Unsubscribe requests in several languages, searched only in the sender's own new text. */
const unsubscribePhrases = [
  /^\s*(stop|remove|remove me|unsubscribe|abmelden|désabonner|baja)[.!]*\s*$/i,
  /\bunsubscribe\b/i,
  /\bremove me\b/i,
  /\btake me off\b/i,
  /\b(please )?stop (emailing|e-mailing|sending|contacting|writing)\b/i,
  /\b(do not|don't|dont) (contact|email|e-mail|write to) me\b/i,
  /\bopt(-| )?out\b/i,
  /\boff (of )?your (mailing )?list\b/i,
  /\bno more emails\b/i,
  /\b(abmelden|austragen|abbestellen)\b/i,
  /keine (weiteren )?(e-?mails|nachrichten)/i,
  /\bbitte (entfernen|löschen) sie mich\b/i,
  /(désabonner|desabonner|désinscri|desinscri|ne plus recevoir|retirez[- ]moi|supprimez[- ]moi)/i,
  /(darme de baja|dar de baja|date de baja|no me (escriba|contacte)|cancelar (la )?suscripci[oó]n|eliminarme de)/i,
  /(disiscriv|cancellami|rimuovetemi|non contattatemi)/i,
  /(afmelden|uitschrijven|verwijder mij)/i,
  /(descadastrar|remover (da|meu)|não me (envie|contate))/i,
];

/** The sender's own words: the quoted thread (our email, footer included) is cut off. */
export function ownText(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (const line of lines) {
    if (/^\s*>/.test(line)) continue;
    if (/^\s*(on .{4,120} wrote:|am .{4,120} schrieb .{1,120}:|le .{4,120} a écrit ?:|el .{4,120} escribió:|il .{4,120} ha scritto:|op .{4,120} schreef .{1,120}:|em .{4,120} escreveu:)\s*$/i.test(line)) break;
    if (/^\s*(-----\s*original message\s*-----|-----\s*ursprüngliche nachricht\s*-----|_{5,}|from: .+@.+)\s*$/i.test(line)) break;
    out.push(line);
  }
  return out.join('\n').trim();
}

function isAutomatic(m: InboundMessage): string | null {
  const h = m.headers;
  const auto = h['auto-submitted']?.toLowerCase();
  if (auto && auto !== 'no') return `Auto-Submitted: ${auto}`;
  if (h['x-autoreply'] !== undefined) return 'X-Autoreply';
  if (h['x-autorespond'] !== undefined) return 'X-Autorespond';
  if (h['x-autoreply-from'] !== undefined) return 'X-Autoreply-From';
  const precedence = h['precedence']?.toLowerCase();
  if (precedence && ['auto_reply', 'bulk', 'junk'].includes(precedence) && !h['list-id']) return `Precedence: ${precedence}`;
  if (h['x-auto-response-suppress'] !== undefined && autoSubject.test(m.subject)) return 'X-Auto-Response-Suppress';
  if (autoSubject.test(m.subject)) return `subject "${m.subject.slice(0, 60)}"`;
  return null;
}

function field(report: string, name: string): string[] {
  const re = new RegExp(`^${name}:\\s*(.+)$`, 'gim');
  return [...report.matchAll(re)].map((x) => x[1]!.trim());
}

function bounceDetails(m: InboundMessage): BounceDetails {
  const report = m.deliveryStatus ?? '';
  const recipients = [...new Set([...field(report, 'Final-Recipient'), ...field(report, 'Original-Recipient')].map((v) => v.replace(/^rfc822;\s*/i, '').trim().toLowerCase()))];
  if (!recipients.length) {
    // Servers without a machine-readable report name the address in the text.
    const found = m.text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? [];
    const own = m.from.email.toLowerCase();
    const first = found.map((a) => a.toLowerCase()).find((a) => a !== own && !daemonSender.test(a));
    if (first) recipients.push(first);
  }
  const status = field(report, 'Status')[0]?.match(/\d\.\d{1,3}\.\d{1,3}/)?.[0] ?? m.text.match(/\b([45]\.\d{1,3}\.\d{1,3})\b/)?.[1] ?? null;
  const diagnostic = field(report, 'Diagnostic-Code')[0]?.replace(/^smtp;\s*/i, '') ?? null;
  const returned = m.returnedHeaders ?? '';
  const fromReturned = returned.match(/^message-id:\s*(<[^>\s]+>)/im)?.[1];
  const fromText = m.text.match(/message-id:\s*(<[^>\s]+>)/i)?.[1];
  const originalMessageId = fromReturned ?? fromText ?? m.inReplyTo ?? m.references.at(-1) ?? null;
  return { recipients, status, diagnostic, originalMessageId };
}

function isBounce(m: InboundMessage): boolean {
  const type = m.contentType.toLowerCase();
  if (type.includes('multipart/report') && /report-type="?delivery-status/.test(type)) return true;
  if (m.deliveryStatus) return true;
  return daemonSender.test(m.from.email) && bounceSubject.test(m.subject + ' ' + m.text.slice(0, 500));
}

export function classify(m: InboundMessage, options: ClassifyOptions = {}): Classification {
  if (isBounce(m)) {
    const bounce = bounceDetails(m);
    const action = field(m.deliveryStatus ?? '', 'Action')[0]?.toLowerCase();
    const text = `${m.subject}\n${bounce.diagnostic ?? ''}\n${m.text.slice(0, 4000)}`;
    let soft: boolean;
    if (action === 'delayed' || /\(delay\)|delayed|verzögert/i.test(m.subject)) soft = true;
    else if (bounce.status?.startsWith('4') || bounce.status === '5.2.2') soft = true;
    else if (bounce.status?.startsWith('5')) soft = false;
    else soft = softText.test(text) && !hardText.test(text);
    return { kind: soft ? 'soft_bounce' : 'hard_bounce', why: `${soft ? 'temporary' : 'permanent'} delivery failure${bounce.status ? ` (${bounce.status})` : ''}`, bounce };
  }
  const automatic = isAutomatic(m);
  if (automatic) {
    const returnDate = parseReturnDate(`${m.subject}\n${m.text}`, { receivedAt: m.receivedAt, ...(options.timeZone ? { timeZone: options.timeZone } : {}) });
    return { kind: 'out_of_office', why: `automatic reply (${automatic})`, returnDate };
  }
  const own = ownText(m.text);
  const phrase = unsubscribePhrases.find((p) => p.test(own) || p.test(m.subject));
  if (phrase) return { kind: 'unsubscribe', why: 'asked not to be contacted again' };
  if (m.headers['list-id'] || m.headers['list-unsubscribe']) return { kind: 'other', why: 'mailing list or newsletter' };
  return { kind: 'reply', why: 'a personal message' };
}
