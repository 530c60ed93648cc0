// The demo workspace: sample prospects, two sequences and a day of queue items, built through the real engine and marked as demo.
import { DateTime } from 'luxon';
import { starters } from '../../../shared/domain/starters';
import type { SequenceInput, StepInput } from '../../../shared/domain/sequence';
import type { EngineContext } from '../engine/context';
import type { EnrollmentService } from '../engine/enrollmentService';
import type { StepRunService } from '../engine/stepRunService';
import type { SequenceService } from '../sequences/sequenceService';
import type { SettingsService } from '../settings/settingsService';
import { UserError } from '../errors';
import { prospectRemoval, type ProspectRemoval } from '../db/queries/prospectRemoval';
import { prospectQueries } from '../db/queries/prospects';
import { settingsQueries } from '../db/queries/settings';
import type { QueueService } from './queueService';

const stateKey = 'demo.workspace';
/** Prospects carry this source; everything else the demo made hangs off them or is listed under stateKey. */
export const demoSource = 'demo';
const demoRepName = 'Sam Taylor (demo)';

interface DemoProspect {
  first: string;
  last: string;
  company: string;
  domain: string;
  title: string;
  phone: string;
  country: string;
  zone: string;
  hook?: string;
  asset?: string;
}

// Fictional people at example domains; phone numbers from ranges reserved for fiction (555-01xx, Ofcom drama).
const people: DemoProspect[] = [
  { first: 'Maya', last: 'Chen', company: 'Northwind Analytics', domain: 'northwind.example.com', title: 'VP Sales', phone: '+14155550142', country: 'US', zone: 'America/Los_Angeles', hook: 'you opened a second office in Denver' },
  { first: 'Jonas', last: 'Keller', company: 'Fabrikam Logistics', domain: 'fabrikam.example.com', title: 'Head of Revenue', phone: '+442079460321', country: 'GB', zone: 'Europe/London', hook: 'Fabrikam is hiring six account executives' },
  { first: 'Priya', last: 'Natarajan', company: 'Contoso Health', domain: 'contoso.example.org', title: 'Sales Operations Lead', phone: '+12125550187', country: 'US', zone: 'America/New_York', hook: 'Contoso moved its SDR team to a new CRM' },
  { first: 'Diego', last: 'Ramírez', company: 'Tailspin Travel', domain: 'tailspin.example.net', title: 'Director of Sales', phone: '+13125550116', country: 'US', zone: 'America/Chicago', hook: 'Tailspin just launched corporate bookings' },
  { first: 'Hannah', last: 'Okafor', company: 'Litware Security', domain: 'litware.example.com', title: 'Regional Sales Manager', phone: '+16175550163', country: 'US', zone: 'America/New_York' },
  { first: 'Lukas', last: 'Brandt', company: 'Adatum Robotics', domain: 'adatum.example.com', title: 'Chief Revenue Officer', phone: '+442079460877', country: 'GB', zone: 'Europe/London', hook: 'Adatum announced its Series B' },
  { first: 'Sofia', last: 'Rossi', company: 'Wide World Importers', domain: 'wideworld.example.org', title: 'Account Director', phone: '+14155550199', country: 'US', zone: 'America/Los_Angeles', hook: 'your team doubled this year' },
  { first: 'Ethan', last: 'Walsh', company: 'Proseware', domain: 'proseware.example.net', title: 'Sales Manager', phone: '+13035550124', country: 'US', zone: 'America/Denver', hook: 'Proseware opened a partner program' },
  { first: 'Aiko', last: 'Tanaka', company: 'Blue Yonder Airlines', domain: 'blueyonder.example.com', title: 'Head of Partnerships', phone: '+12065550158', country: 'US', zone: 'America/Los_Angeles', hook: 'Blue Yonder added three new routes' },
  { first: 'Olivia', last: 'Grant', company: 'Coho Vineyard', domain: 'coho.example.org', title: 'Marketing Director', phone: '+15035550131', country: 'US', zone: 'America/Los_Angeles', asset: 'the Pipeline Health Checklist' },
  { first: 'Noah', last: 'Fischer', company: 'Lucerne Publishing', domain: 'lucerne.example.com', title: 'Growth Lead', phone: '+442079460555', country: 'GB', zone: 'Europe/London', hook: 'Lucerne is expanding into audiobooks' },
  { first: 'Emma', last: 'Dubois', company: 'Trey Research', domain: 'treyresearch.example.net', title: 'Operations Manager', phone: '+16465550110', country: 'US', zone: 'America/New_York', asset: 'the Pipeline Health Checklist' },
  { first: 'Liam', last: 'O’Brien', company: 'Woodgrove Bank', domain: 'woodgrove.example.com', title: 'Sales Enablement', phone: '+17185550177', country: 'US', zone: 'America/New_York', asset: 'the Follow-up Playbook' },
  { first: 'Grace', last: 'Liu', company: 'Fourth Coffee', domain: 'fourthcoffee.example.org', title: 'Head of Sales Development', phone: '+14155550104', country: 'US', zone: 'America/Los_Angeles', asset: 'the Follow-up Playbook' },
  { first: 'Mateo', last: 'Silva', company: 'Alpine Ski House', domain: 'alpineskihouse.example.com', title: 'Commercial Director', phone: '+13035550193', country: 'US', zone: 'America/Denver', asset: 'the Pipeline Health Checklist' },
];

/** Demo sequences send any day at any hour, so the sample day fills whenever the demo is opened. */
const openSchedule = { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59', skipHolidays: false, timeZone: null };

function demoSequences(): SequenceInput[] {
  const inbound = starters.find((s) => s.key === 'inbound-content')!.sequence;
  const outbound = starters.find((s) => s.key === 'outbound-first-touch')!.sequence;
  const [research, intro, ...rest] = outbound.steps as [StepInput, StepInput, ...StepInput[]];
  // Call-first outbound: research, a call, then the personal email (its hook has no fallback on purpose:
  // a prospect without one shows how the queue refuses an email with an unresolved field).
  const personal: StepInput = { ...intro, variants: intro.variants.map((v) => ({ ...v, body: v.body.replace('{{ custom.hook | default: "your team is growing" }}', '{{ custom.hook }}') })) };
  const call: StepInput = { type: 'call', delayAmount: 0, delayUnit: 'business_days', threadMode: 'new', variants: [], attachmentIds: [], note: 'Call {{first_name}} before the first email. Ask one question about how follow-up works at {{company}} today. If voicemail: under 20 seconds, name and one line of why.' };
  return [
    { ...inbound, name: 'Demo · Inbound: after a content download', schedule: openSchedule, options: { ...inbound.options, description: 'Demo data. Delivers the guide, then related content, a customer example and a direct ask.' } },
    { ...outbound, name: 'Demo · Outbound: first touch', schedule: openSchedule, options: { ...outbound.options, description: 'Demo data. Research, a call, a personal email, then a case study and a direct ask.' }, steps: [research, call, personal, ...rest] },
  ];
}

export class DemoWorkspace {
  private readonly prospects;
  private readonly removal: ProspectRemoval;
  private readonly settingsRows;

  constructor(
    private readonly ctx: EngineContext,
    private readonly sequences: SequenceService,
    private readonly enrollments: EnrollmentService,
    private readonly stepRuns: StepRunService,
    private readonly queue: QueueService,
    /** The rep's settings, writable: the demo lends a sign-off name when none is set. */
    private readonly settings: SettingsService,
  ) {
    this.prospects = prospectQueries(ctx.db);
    this.removal = prospectRemoval(ctx.db);
    this.settingsRows = settingsQueries(ctx.db);
  }

  isLoaded(): boolean {
    return this.prospects.anyFromSource(demoSource) || this.state() !== null;
  }

  private state(): { sequenceIds: number[]; lentName: string | null } | null {
    return this.settingsRows.value(stateKey) as { sequenceIds: number[]; lentName: string | null } | null;
  }

  /**
   * Builds the sample day with the engine's own rules: enrollments plan the first steps, and the rep's
   * actions (task done, call logged, email approved, reschedule) move some prospects along, so every row
   * in the queue is one the engine would have made.
   */
  load(): { prospects: number; sequences: number } {
    if (this.isLoaded()) throw new UserError('conflict', 'The demo workspace is already loaded. Clear it first (Today, "Remove demo data").');
    const now = this.ctx.clock.now();
    const [inboundInput, outboundInput] = demoSequences();
    const inbound = this.sequences.create(inboundInput!);
    const outbound = this.sequences.create(outboundInput!);
    // Emails sign off with the rep's name: a fresh workspace has none, so the demo lends one and takes it back on clear.
    const lentName = this.settings.get().repName.trim() === '' ? demoRepName : null;
    if (lentName) this.settings.update({ repName: lentName });
    this.settingsRows.insert(stateKey, { sequenceIds: [inbound.id, outbound.id], lentName });
    const ids = this.ctx.db.transaction(() =>
      people.map((p) => {
        const email = `${p.first.toLowerCase()}.${p.last.toLowerCase().replace(/[^a-z]/g, '')}@${p.domain}`;
        const custom = JSON.stringify({ ...(p.hook ? { hook: p.hook } : {}), ...(p.asset ? { asset_name: p.asset } : {}), demo: 'yes' });
        return this.prospects.insertDemo({ ...p, email, website: `https://${p.domain}`, custom, now });
      }),
    )();
    const [t1, t2, t3, c1, c2, c3, e1, e2, e3, e4, a1] = ids.slice(0, 11) as number[];
    this.enrollments.create(outbound.id, ids.slice(0, 11), { allowActiveElsewhere: true });
    this.enrollments.create(inbound.id, ids.slice(11), { allowActiveElsewhere: true });
    const pending = (prospectId: number, sequenceId: number) => {
      const e = this.ctx.q.enrollments.openOf(prospectId).find((x) => x.sequence_id === sequenceId)!;
      return this.ctx.q.runs.pending(e.id)!.id;
    };
    const repZone = this.ctx.settings.get().timeZone;
    const at = (days: number, hour: number) => DateTime.fromMillis(now, { zone: repZone }).plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toMillis();
    const laterToday = Math.min(now + 2 * 3600_000, DateTime.fromMillis(now, { zone: repZone }).endOf('day').toMillis() - 60_000);
    // Tasks: one left over from yesterday (overdue), one due now, one later today.
    this.stepRuns.reschedule(pending(t1!, outbound.id), at(-1, 16));
    this.stepRuns.reschedule(pending(t3!, outbound.id), laterToday);
    void t2;
    // Calls: research done, so the call step is due; one of them later today.
    for (const p of [c1!, c2!, c3!, e1!, e2!, e3!, e4!, a1!]) this.stepRuns.complete(pending(p, outbound.id), 'Demo data: research done (sample note)');
    this.stepRuns.reschedule(pending(c3!, outbound.id), laterToday);
    this.stepRuns.reschedule(pending(c1!, outbound.id), at(-1, 15));
    // Emails to approve: the call went unanswered, so the personal email is next (e4 has no hook: unresolved).
    for (const p of [e1!, e2!, e3!, a1!]) this.stepRuns.logCall(pending(p, outbound.id), { outcome: 'no_answer', notes: 'Demo data: sample call' });
    this.stepRuns.logCall(pending(e4!, outbound.id), { outcome: 'voicemail', notes: 'Demo data: sample voicemail' });
    // One approved email going out today, next to the inbound guides.
    const approved = pending(a1!, outbound.id);
    const item = this.queue.itemById(approved)!;
    this.stepRuns.approve(approved, { subject: item.email!.subject, body: item.email!.body });
    // Overnight news: one reader of the guide replied (an inbox event in a real workspace).
    this.enrollments.stop({ prospectId: ids[ids.length - 1]!, reason: 'replied', detail: 'Demo data: "Thanks for the guide, could we talk on Thursday?"' });
    return { prospects: ids.length, sequences: 2 };
  }

  clear(): { removed: number } {
    const state = this.state();
    let removed = 0;
    this.ctx.db.transaction(() => {
      removed = this.removal.bySource(demoSource);
      for (const id of state?.sequenceIds ?? []) this.ctx.q.sequences.remove.run(id);
      this.settingsRows.remove(stateKey);
    })();
    if (state?.lentName && this.settings.get().repName === state.lentName) this.settings.update({ repName: '' });
    this.ctx.bus.emit('queue.changed', { prospectIds: [] });
    this.ctx.bus.emit('sequences.changed', { sequenceIds: state?.sequenceIds ?? [] });
    this.ctx.bus.emit('enrollments.changed', { sequenceIds: state?.sequenceIds ?? [], prospectIds: [] });
    return { removed };
  }
}
