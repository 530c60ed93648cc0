// Turns a Gmail message (format=raw) into the provider-independent InboundMessage.
import { parseRawMessage } from '../parseRaw';
import type { InboundMessage } from '../provider';

export interface GmailRawMessage {
  id?: string | null;
  threadId?: string | null;
  labelIds?: string[] | null;
  internalDate?: string | null;
  raw?: string | null;
}

export async function parseGmailMessage(msg: GmailRawMessage): Promise<InboundMessage> {
  if (!msg.raw || !msg.id || !msg.threadId) throw new Error('Gmail returned a message without its raw content');
  const raw = Buffer.from(msg.raw, 'base64url');
  return parseRawMessage(raw, {
    providerMessageId: msg.id,
    threadId: msg.threadId,
    folder: (msg.labelIds ?? []).includes('SENT') ? 'sent' : 'inbox',
    receivedAt: msg.internalDate ? Number(msg.internalDate) : undefined,
  });
}

