// Vocabulary shared by the engine, inbox sync and the UI: providers, why an enrollment stops or pauses.
export const mailProviderKinds = ['gmail', 'outlook'] as const;
export type MailProviderKind = (typeof mailProviderKinds)[number];

/** Why an enrollment finished; each is shown in the prospect's timeline. */
export const stopReasons = [
  'replied',
  'bounced',
  'unsubscribed',
  'meeting_booked',
  'call_connected',
  'contacted_outside',
  'colleague_replied',
  'finished_by_rep',
  'moved',
  'completed',
] as const;
export type StopReason = (typeof stopReasons)[number];

/** What an inbound message turned out to be. */
export const inboundKinds = ['reply', 'out_of_office', 'hard_bounce', 'soft_bounce', 'unsubscribe', 'other'] as const;
export type InboundKind = (typeof inboundKinds)[number];
