// A core with a fake mailbox, seeded prospects and helpers to drive the engine with the manual clock.
import { ManualClock } from '../../src/main/core/clock';
import { createCore, type Core } from '../../src/main/core/createCore';
import { openMemoryDatabase } from '../../src/main/core/db/open';
import { silentLog } from '../../src/main/core/log';
import type { Notification } from '../../src/main/core/ports';
import { defaultSchedule, defaultSequenceOptions, type SequenceInput, type StepInput } from '../../src/shared/domain/sequence';
import { FakeMailProvider } from '../fakes/fakeMailProvider';
import { memoryVault } from './testCore';
import { autoEmail, seeded } from './buildingBlocks';

export { autoEmail, seeded };


export interface World {
  core: Core;
  clock: ManualClock;
  mail: FakeMailProvider;
  notifications: Notification[];
  accountId: number | null;
  addProspect(p?: Partial<ProspectSeed>): number;
  run(until: number | string): Promise<void>;
  advance(ms: number): Promise<void>;
  runsOf(enrollmentId: number): ReturnType<Core['stepRuns']['list']>;
  events(prospectId: number): ReturnType<Core['engine']['q']['events']['timeline']>;
}

export interface ProspectSeed {
  email: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  country: string | null;
  time_zone: string | null;
  domain: string | null;
  status: string;
  custom_fields: Record<string, string>;
}

let emails = 0;

export function makeWorld(start: string, options: { mailbox?: boolean; repTimeZone?: string; random?: () => number; settings?: Record<string, unknown>; dataDir?: string } = {}): World {
  const clock = new ManualClock(new Date(start));
  const mail = new FakeMailProvider(clock);
  const notifications: Notification[] = [];
  const db = openMemoryDatabase();
  const core = createCore({
    db,
    clock,
    providers: { gmail: mail },
    log: silentLog,
    vault: memoryVault(),
    notifier: { notify: (n) => notifications.push(n) },
    random: options.random ?? seeded(42),
    env: { appName: 'Repdesk', version: 'test', dataDir: options.dataDir ?? '/nonexistent', transport: 'http', testMode: true, systemTimeZone: options.repTimeZone ?? 'America/New_York' },
  });
  core.settings.update({ repName: 'Robin Rep', repEmail: 'robin@seller.test', timeZone: options.repTimeZone ?? 'America/New_York', ...options.settings });
  let accountId: number | null = null;
  if (options.mailbox !== false) {
    accountId = Number(
      db.prepare("INSERT INTO accounts (provider, email, display_name, created_at, updated_at) VALUES ('gmail', 'robin@seller.test', 'Robin Rep', ?, ?)").run(clock.now(), clock.now()).lastInsertRowid,
    );
  }
  const insert = db.prepare(
    `INSERT INTO prospects (email, email_normalized, first_name, last_name, company, country, time_zone, domain, status, custom_fields, created_at, updated_at)
     VALUES (@email, @email, @first_name, @last_name, @company, @country, @time_zone, @domain, @status, @custom_fields, 0, 0)`,
  );
  const world: World = {
    core,
    clock,
    mail,
    notifications,
    accountId,
    addProspect(p = {}) {
      const email = p.email ?? `p${++emails}@buyer${emails % 50}.test`;
      return Number(
        insert.run({
          email,
          first_name: 'first_name' in p ? p.first_name : 'Alex',
          last_name: p.last_name ?? null,
          company: 'company' in p ? p.company : 'Acme',
          country: 'country' in p ? p.country : 'US',
          time_zone: 'time_zone' in p ? p.time_zone : 'America/New_York',
          domain: p.domain ?? email.split('@')[1],
          status: p.status ?? 'active',
          custom_fields: JSON.stringify(p.custom_fields ?? {}),
        }).lastInsertRowid,
      );
    },
    async run(until) {
      const target = typeof until === 'string' ? new Date(until).getTime() : until;
      await core.scheduler.runUntil(target, (at) => clock.set(at));
    },
    async advance(ms) {
      await world.run(clock.now() + ms);
    },
    runsOf: (id) => core.stepRuns.list(id),
    events: (id) => core.engine.q.events.timeline(id, 500),
  };
  return world;
}


export const stepOf = (type: StepInput['type'], delayAmount = 1, note = 'Do it'): StepInput => ({
  type,
  delayAmount,
  delayUnit: 'business_days',
  threadMode: 'reply',
  variants: type === 'manual_email' ? [{ subject: 'Hello {{first_name}}', body: 'Hi {{first_name}}' }] : [],
  note,
  attachmentIds: [],
});

export function sequenceInput(steps: StepInput[], extra: Partial<SequenceInput> = {}): SequenceInput {
  return { name: 'Test sequence', schedule: defaultSchedule(), options: defaultSequenceOptions(), steps, ...extra };
}
