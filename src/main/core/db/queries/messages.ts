// SQL for the rep's own sends in the messages table (inbound mail is in inboxMessages.ts).
import type { Db } from '../open';

export interface SentMessage {
  accountId: number;
  prospectId: number;
  stepRunId: number;
  providerMessageId: string;
  providerThreadId: string | null;
  messageIdHeader: string;
  fromAddress: string;
  toAddresses: string[];
  subject: string | null;
  at: number;
}

export function messageQueries(db: Db) {
  const insertSent = db.prepare(
    `INSERT INTO messages (account_id, prospect_id, step_run_id, direction, provider_message_id, provider_thread_id, message_id_header, from_address, to_addresses, subject, at)
     VALUES (?, ?, ?, 'out', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  return {
    /** Records a send; a message already recorded (same provider id) is left as it is. */
    recordSent: (m: SentMessage) =>
      void insertSent.run(m.accountId, m.prospectId, m.stepRunId, m.providerMessageId, m.providerThreadId, m.messageIdHeader, m.fromAddress, JSON.stringify(m.toAddresses), m.subject, m.at),
  };
}
export type MessageQueries = ReturnType<typeof messageQueries>;
