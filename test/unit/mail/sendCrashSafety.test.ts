// Never a duplicate, never a loss: the real engine (scheduler + outbox) sends a two-step sequence through the Gmail
// provider and the fake Google, crashing at random points between claim and record, restarting core on the same
// database each time a crash kills it (start() reconciles by Message-ID). Every email ends up sent exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/main/core/clock';
import { createCore, type Core } from '../../../src/main/core/createCore';
import { openDatabase } from '../../../src/main/core/db/open';
import { silentLog } from '../../../src/main/core/log';
import type { MailProvider } from '../../../src/main/core/mail/provider';
import { autoEmail, seeded, sequenceInput } from '../../support/engineWorld';
import { connectGmail, googleDepsFor, startFakeGoogle, type FakeGoogle } from '../../support/gmail';
import { memoryVault } from '../../support/testCore';

let fake: FakeGoogle | null = null;
let dir: string | null = null;
afterEach(async () => {
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  fake = null;
  dir = null;
});

class Crash extends Error {}

type Point = 'in_check' | 'before_send' | 'after_send' | 'in_record';

/** One app "process": a core over the data folder's database, sharing the clock and the OS keychain with the others. */
function boot(dataDir: string, clock: ManualClock, secrets: Map<string, string>, google: ReturnType<typeof googleDepsFor>, seed: number): Core {
  return createCore({
    db: openDatabase(dataDir),
    clock,
    providers: {},
    google,
    log: silentLog,
    vault: memoryVault(secrets),
    notifier: { notify: () => undefined },
    random: seeded(seed),
    env: { appName: 'Repdesk', version: 'test', dataDir, transport: 'http', testMode: true, systemTimeZone: 'America/New_York' },
  });
}

async function setUp(prospects: number, timeoutMs?: number) {
  const clock = new ManualClock(new Date('2026-03-02T14:00:00Z')); // Monday 09:00 in New York
  fake = await startFakeGoogle({ now: () => clock.now() });
  dir = mkdtempSync(join(tmpdir(), 'repdesk-crash-'));
  const secrets = new Map<string, string>();
  const google = { ...googleDepsFor(fake), ...(timeoutMs ? { timeoutMs } : {}) };
  const core = boot(dir, clock, secrets, google, 1);
  const { account } = await connectGmail(core);
  core.mail.mailboxes.setDailyCap(account.id, 2000);
  core.settings.update({ repName: 'Robin Rep', timeZone: 'America/New_York', dailySendCap: 500, perDomainDailyCap: null });
  const seq = core.sequences.create(sequenceInput([autoEmail('Quick question, {{ first_name }}', 'Hi {{ first_name }}'), autoEmail('', 'Following up, {{ first_name }}.', 1)]));
  const insert = core.deps.db.prepare(
    "INSERT INTO prospects (email, email_normalized, first_name, country, time_zone, domain, created_at, updated_at) VALUES (?, ?, ?, 'US', 'America/New_York', ?, 0, 0)",
  );
  const ids = Array.from({ length: prospects }, (_, i) => Number(insert.run(`p${i}@buyer${i % 7}.test`, `p${i}@buyer${i % 7}.test`, `P${i}`, `buyer${i % 7}.test`).lastInsertRowid));
  core.enrollments.create(seq.id, ids);
  return { clock, secrets, google, core, dir: dir!, fake: fake! };
}

describe('sending survives crashes without duplicates (real engine, Gmail provider, fake Google)', () => {
  it('crashing at random points between claim and record, then restarting on the same database, sends every email exactly once', async () => {
    const prospects = 30;
    const setup = await setUp(prospects);
    const { clock, secrets, google, dir: dataDir } = setup;
    let core = setup.core;
    const next = seeded(20260302);
    const crashesPerRun = new Map<string, number>();
    const seen = { kills: 0, throws: 0, points: new Set<Point>() };
    let dead = false;

    /** Arms the crash points on a freshly booted core: each send attempt may die at one of them. */
    const arm = (c: Core) => {
      let pending: { point: Point; kill: boolean } | null = null;
      const crash = (point: Point) => {
        if (pending?.point !== point) return;
        const kill = pending.kill;
        pending = null;
        seen.points.add(point);
        if (kill) {
          // The process dies: nothing after this point is written.
          seen.kills += 1;
          dead = true;
          c.close();
        } else seen.throws += 1;
        throw new Crash(point);
      };
      const gmail = c.mail.providers.gmail!;
      const wrapped: MailProvider = {
        ...gmail,
        async send(account, email) {
          // Decide per attempt; a run crashes at most 3 times so it never exhausts its retries.
          const n = crashesPerRun.get(email.messageId) ?? 0;
          const r = next();
          pending = n < 3 && r < 0.45 ? { point: (['before_send', 'after_send', 'in_record'] as const)[Math.floor(next() * 3)]!, kill: next() < 0.5 } : null;
          if (pending) crashesPerRun.set(email.messageId, n + 1);
          crash('before_send');
          const sent = await gmail.send(account, email);
          crash('after_send');
          return sent;
        },
      };
      c.mail.providers.gmail = wrapped;
      // The pre-send check runs between claim and send: it may die there too (once per prospect, to stay within retries).
      const check = c.mail.inbox.preSendCheck.bind(c.mail.inbox);
      c.mail.inbox.preSendCheck = async (accountId, query) => {
        const result = await check(accountId, query);
        const key = `check:${query.prospectEmails[0]}`;
        if (!crashesPerRun.has(key) && next() < 0.15) {
          crashesPerRun.set(key, 1);
          pending = { point: 'in_check', kill: next() < 0.5 };
          crash('in_check');
        }
        return result;
      };
      // Inside the record transaction (a crash there rolls the whole record back).
      const record = c.engine.q.pacing.record.bind(c.engine.q.pacing);
      c.engine.q.pacing.record = (...args: Parameters<typeof record>) => {
        if (pending?.point === 'in_record') {
          pending = { point: 'in_record', kill: false };
          crash('in_record');
        }
        return record(...args);
      };
    };

    arm(core);
    await core.start();
    const target = Date.parse('2026-03-09T22:00:00Z');
    for (let restarts = 0; restarts < 500; restarts++) {
      try {
        await core.scheduler.runUntil(target, (at) => clock.set(Math.max(at, clock.now())));
        if (!dead) break;
      } catch (err) {
        if (!dead) throw err;
      }
      if (dead) {
        // Restart on the same database: start() reconciles runs left in `sending` by Message-ID first.
        dead = false;
        core = boot(dataDir, clock, secrets, google, restarts + 2);
        arm(core);
        await core.start();
      }
    }

    const ids = setup.fake.sent.map((m) => m.messageId);
    expect(seen.kills).toBeGreaterThan(5);
    expect(seen.throws).toBeGreaterThan(5);
    expect(seen.points).toEqual(new Set(['in_check', 'before_send', 'after_send', 'in_record']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(prospects * 2);
    const runs = core.deps.db.prepare<[], { state: string; message_id: string }>('SELECT state, message_id FROM step_runs').all();
    expect(runs.map((r) => r.state)).toEqual(Array(prospects * 2).fill('sent'));
    expect(new Set(runs.map((r) => r.message_id))).toEqual(new Set(ids));
    // Follow-ups stayed in their threads (the fake refuses a threadId without matching In-Reply-To/References).
    expect(setup.fake.sent.filter((m) => m.subject.startsWith('Re: '))).toHaveLength(prospects);
    core.close();
  }, 120_000);

  it('a send that timed out after Gmail accepted it is found by its Message-ID on the retry, not sent again', async () => {
    const setup = await setUp(1, 300);
    const { core, fake: google } = setup;
    google.fail({ route: 'messages.send', delayMs: 800 });
    await core.start();
    await core.scheduler.tick();
    const [run] = core.deps.db.prepare<[], { state: string; reason: string }>('SELECT state, reason FROM step_runs ORDER BY id').all();
    expect(run).toMatchObject({ state: 'scheduled' });
    expect(run!.reason).toMatch(/Retrying/);
    await new Promise((r) => setTimeout(r, 900));
    expect(google.sent).toHaveLength(1);
    await core.scheduler.runUntil(Date.parse('2026-03-02T20:00:00Z'), (at) => setup.clock.set(at));
    expect(google.sent).toHaveLength(1);
    expect(core.deps.db.prepare('SELECT state, message_id FROM step_runs ORDER BY id LIMIT 1').get()).toEqual({ state: 'sent', message_id: google.sent[0]!.messageId });
    core.close();
  });
});
