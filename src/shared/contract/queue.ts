// Methods of the Today queue: the day's view, actions beyond the engine's step-run ones, click-to-call and the demo workspace.
import { z } from 'zod';
import { callOutcomes, stepTypes } from '../domain/sequence';
import { dueBands } from '../domain/queue';
import { stepRunActions, stepRunStates } from '../domain/stepRun';
import { TimelineEventSchema } from '../domain/timeline';
import { empty, method } from './define';

const id = z.number().int().positive();

const CountsSchema = z.object({ total: z.number().int(), overdue: z.number().int(), due: z.number().int(), later: z.number().int() });

export const QueueProspectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  /** The extension typed with the number (which E.164 leaves out), e.g. "204". */
  phoneExt: z.string().nullable(),
  /** The number as people read it, e.g. +1 415 555 0142 (ext. 204). */
  phoneText: z.string().nullable(),
  timeZone: z.string(),
  /** 'prospect' when the prospect's own zone is known; 'rep' when it fell back to the rep's. */
  timeZoneSource: z.enum(['prospect', 'rep', 'sequence']),
  /** The prospect's wall-clock time now, e.g. "9:14 AM". */
  localTime: z.string(),
  /** Before 8:00, from 19:00, or a weekend where the prospect is: a call now would likely land badly. */
  offHours: z.boolean(),
  demo: z.boolean(),
});

export const QueueItemSchema = z.object({
  id: z.number().int(),
  section: z.enum(['emails', 'calls', 'tasks']),
  stepType: z.enum(stepTypes),
  state: z.enum(stepRunStates),
  band: z.enum(dueBands),
  dueAt: z.number(),
  /** Due time in the rep's zone ("10:30 AM", or "Tue 4:00 PM" for an earlier day). */
  dueText: z.string(),
  prospect: QueueProspectSchema,
  sequenceId: z.number().int(),
  sequenceName: z.string(),
  stepLabel: z.string(),
  isLastStep: z.boolean(),
  actions: z.array(z.enum(stepRunActions)),
  /** Why it is here (a held email's warning, a failed send's reason). */
  reason: z.string().nullable(),
  warning: z.string().nullable(),
  email: z
    .object({
      subject: z.string(),
      /** The editable text: merge fields filled; an unresolved one stays visible as {{ name }}. */
      body: z.string(),
      /** The rendered preview, sanitised in core (no scripts, no remote images). */
      html: z.string(),
      missingFields: z.array(z.string()),
      threadReply: z.boolean(),
    })
    .nullable(),
  call: z
    .object({
      script: z.string(),
      stopOnCallOutcomes: z.array(z.enum(callOutcomes)),
      recent: z.array(TimelineEventSchema),
    })
    .nullable(),
  task: z.object({ instructions: z.string() }).nullable(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const GoingOutItemSchema = z.object({
  id: z.number().int(),
  prospectId: z.number().int(),
  prospectName: z.string(),
  prospectEmail: z.string(),
  company: z.string().nullable(),
  sequenceName: z.string(),
  stepLabel: z.string(),
  subject: z.string(),
  /** The preview, sanitised in core like the queue's. */
  html: z.string(),
  dueAt: z.number(),
  repTime: z.string(),
  prospectTime: z.string(),
  prospectTimeZone: z.string(),
  demo: z.boolean(),
  /** planned: goes out at its time; over_cap: beyond today's cap, moves to the next day; waiting_mailbox: no connected mailbox. */
  status: z.enum(['planned', 'over_cap', 'waiting_mailbox']),
  reason: z.string().nullable(),
  actions: z.array(z.enum(stepRunActions)),
});
export type GoingOutItem = z.infer<typeof GoingOutItemSchema>;

export const ChangedItemSchema = z.object({
  eventId: z.number().int(),
  prospectId: z.number().int(),
  prospectName: z.string(),
  sequenceName: z.string().nullable(),
  type: z.string(),
  reason: z.string().nullable(),
  at: z.number(),
  timeText: z.string(),
});
export type ChangedItem = z.infer<typeof ChangedItemSchema>;

export const MailboxStateSchema = z.object({
  /** connected: at least one mailbox sends; none: no mailbox at all; problem: mailboxes exist but none can send. */
  state: z.enum(['connected', 'none', 'problem']),
  problems: z.array(z.object({ email: z.string(), status: z.string(), reason: z.string().nullable() })),
});

export const TodayViewSchema = z.object({
  now: z.number(),
  repTimeZone: z.string(),
  dateText: z.string(),
  sections: z.object({
    emails: z.object({ items: z.array(QueueItemSchema), counts: CountsSchema }),
    calls: z.object({ items: z.array(QueueItemSchema), counts: CountsSchema }),
    tasks: z.object({ items: z.array(QueueItemSchema), counts: CountsSchema }),
  }),
  goingOut: z.object({
    items: z.array(GoingOutItemSchema),
    dailyCap: z.number().int(),
    sentToday: z.number().int(),
    mailbox: z.string().nullable(),
  }),
  changed: z.array(ChangedItemSchema),
  mailbox: MailboxStateSchema,
  demo: z.boolean(),
});
export type TodayView = z.infer<typeof TodayViewSchema>;

export const BulkApproveResultSchema = z.object({
  approved: z.array(z.number().int()),
  refused: z.array(z.object({ id: z.number().int(), prospectName: z.string(), message: z.string() })),
});

export const queueMethods = {
  'queue.today': method(empty, TodayViewSchema),
  /** Approves each email as previewed; one with an unresolved merge field (or otherwise not approvable) is refused and left as it was. */
  'queue.approveMany': method(z.object({ ids: z.array(id).min(1).max(500) }).strict(), BulkApproveResultSchema),
  /** Holds an automatic email planned for today back for the rep's approval (it goes to the queue). */
  'queue.holdBack': method(z.object({ id }).strict(), z.object({ id: z.number().int() })),
  /** Opens the prospect's number through the operating system (the Settings call link); returns the URI opened. */
  'queue.call': method(z.object({ id }).strict(), z.object({ uri: z.string() })),
  /** Loads the demo workspace: sample prospects, two sequences and a day of queue items, all marked as demo. */
  'demo.load': method(empty, z.object({ prospects: z.number().int(), sequences: z.number().int() })),
  /** Removes everything the demo created. */
  'demo.clear': method(empty, z.object({ removed: z.number().int() })),
  /** Test mode only: the URIs the app asked the operating system to open (calls are never placed for real). */
  'test.launcher.requests': method(empty, z.array(z.string())),
};
