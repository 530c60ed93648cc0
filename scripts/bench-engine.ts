// `npm run bench:engine [-- --json]`: the Today queue query, one scheduler tick, and 30 simulated days, at scale.
import { DateTime } from 'luxon';
import { ManualClock } from '../src/main/core/clock';
import { createCore, type Core } from '../src/main/core/createCore';
import { openMemoryDatabase } from '../src/main/core/db/open';
import { silentLog } from '../src/main/core/log';
import { defaultSchedule, defaultSequenceOptions, type StepInput } from '../src/shared/domain/sequence';
import { FakeMailProvider } from '../test/fakes/fakeMailProvider';
import { seeded } from '../test/support/buildingBlocks';

const json = process.argv.includes('--json');
const say = (line: string) => {
  if (!json) console.log(line);
};


function makeCore(start: string) {
  const clock = new ManualClock(new Date(start));
  const mail = new FakeMailProvider(clock);
  const core = createCore({
    db: openMemoryDatabase(),
    clock,
    providers: { gmail: mail },
    log: silentLog,
    vault: { protection: 'os', get: async () => null, set: async () => {}, delete: async () => {} },
    notifier: { notify() {} },
    random: seeded(1),
    env: { appName: 'Repdesk', version: 'bench', dataDir: '/nonexistent', transport: 'http', testMode: true, systemTimeZone: 'America/New_York' },
  });
  core.settings.update({ timeZone: 'America/New_York', repName: 'Robin', repEmail: 'robin@seller.test' });
  core.deps.db.prepare("INSERT INTO accounts (provider, email, created_at, updated_at) VALUES ('gmail', 'robin@seller.test', 0, 0)").run();
  return { core, clock, mail };
}

const email = (subject: string, body: string, delay: number): StepInput => ({ type: 'auto_email', delayAmount: delay, delayUnit: 'business_days', threadMode: 'reply', variants: [{ subject, body }], note: '', attachmentIds: [] });
const steps: StepInput[] = [
  email('Hi {{first_name}}', 'Hello {{first_name | default: "there"}}, about {{company}}.', 0),
  { type: 'call', delayAmount: 2, delayUnit: 'business_days', threadMode: 'new', variants: [], note: 'Call', attachmentIds: [] },
  email('', 'Following up.', 2),
  { type: 'task', delayAmount: 2, delayUnit: 'business_days', threadMode: 'new', variants: [], note: 'LinkedIn', attachmentIds: [] },
  email('Case study', 'A customer example.', 3),
  { type: 'manual_email', delayAmount: 2, delayUnit: 'business_days', threadMode: 'reply', variants: [{ subject: '', body: 'Shall we talk?' }], note: '', attachmentIds: [] },
  email('', 'Shall I stop writing?', 4),
];

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const out = fn();
  return [performance.now() - t0, out];
}
async function timeAsync<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Fills the store directly with SQL: 100,000 prospects, 100,000 active enrollments, 1,000,000 step runs. */
function fill(core: Core, now: number, prospects: number, runsPer: number): void {
  const db = core.deps.db;
  const seq = core.sequences.create({ name: 'Bench', schedule: defaultSchedule(), options: defaultSequenceOptions(), steps });
  const stepIds = seq.steps.map((s) => s.id);
  const types = seq.steps.map((s) => s.type);
  const zones = ['America/New_York', 'Europe/Berlin', 'America/Los_Angeles', 'Europe/London'];
  const insertP = db.prepare(
    "INSERT INTO prospects (email, email_normalized, first_name, company, country, time_zone, domain, created_at, updated_at) VALUES (?, ?, 'Alex', 'Acme', 'US', ?, ?, 0, 0)",
  );
  const insertE = db.prepare("INSERT INTO enrollments (prospect_id, sequence_id, account_id, status, created_at, updated_at) VALUES (?, ?, 1, 'active', 0, 0)");
  const insertR = db.prepare('INSERT INTO step_runs (enrollment_id, step_id, state, due_at, auto, subject, completed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)');
  db.transaction(() => {
    for (let i = 1; i <= prospects; i++) {
      const e = `p${i}@co${i % 5000}.test`;
      insertP.run(e, e, zones[i % zones.length], `co${i % 5000}.test`);
      insertE.run(i, seq.id);
      // History: completed runs in the past; the last one pending, spread over the next 30 days.
      for (let k = 0; k < runsPer; k++) {
        const pending = k === runsPer - 1;
        const stepIdx = (i + k) % stepIds.length;
        const auto = pending && types[stepIdx] === 'auto_email' ? 1 : 0;
        const due = pending ? now + ((i * 7919) % (30 * 86_400)) * 1000 - 86_400_000 : now - (runsPer - k) * 86_400_000;
        insertR.run(i, stepIds[stepIdx], pending ? 'scheduled' : 'sent', due, auto, pending ? null : 'Hi', pending ? null : due);
      }
    }
  })();
  db.pragma('optimize');
}

async function main(): Promise<void> {
  const start = '2026-03-02T14:00:00Z';
  const figures: Record<string, number> = {};

  const simOnly = process.argv.includes('--sim-only');
  if (!simOnly) await bigStore(start, figures);

  await simulate(start, figures);
  report(figures);
}

async function bigStore(start: string, figures: Record<string, number>): Promise<void> {
  say('Building a store with 100,000 prospects, 100,000 active enrollments and 1,000,000 step runs...');
  const big = makeCore(start);
  const [fillMs] = time(() => fill(big.core, big.clock.now(), 100_000, 10));
  figures.fillMs = Math.round(fillMs);
  figures.stepRuns = (big.core.deps.db.prepare('SELECT count(*) AS n FROM step_runs').get() as { n: number }).n;

  const endOfDay = DateTime.fromMillis(big.clock.now(), { zone: 'America/New_York' }).endOf('day').toMillis();
  const queueTimes: number[] = [];
  let queueRows = 0;
  for (let i = 0; i < 20; i++) {
    const [ms, rows] = time(() => big.core.engine.q.runs.queue(endOfDay, 200));
    queueTimes.push(ms);
    queueRows = rows.length;
  }
  figures.queueQueryMs = +median(queueTimes).toFixed(2);
  const [countMs, dueToday] = time(
    () =>
      (big.core.deps.db
        .prepare("SELECT count(*) AS n FROM step_runs WHERE auto = 0 AND state IN ('scheduled', 'awaiting_approval', 'failed') AND due_at <= ?")
        .get(endOfDay) as { n: number }).n,
  );
  figures.queueCountMs = +countMs.toFixed(2);
  figures.queueDueToday = dueToday;
  figures.queueRows = queueRows;

  await tickFigures(big.core, big.clock.now(), 'tick', figures);
  big.core.close();

  // The same ticks on a store 100 times smaller: similar figures show the cost follows due work, not store size.
  const small = makeCore(start);
  fill(small.core, small.clock.now(), 1_000, 10);
  await tickFigures(small.core, small.clock.now(), 'tickSmallStore', figures);
  small.core.close();
}

/** Tick cost against due work: the store with 0, 10 and 100 automatic runs due now. */
async function tickFigures(core: Core, now: number, prefix: string, figures: Record<string, number>): Promise<void> {
  const db = core.deps.db;
  db.prepare("UPDATE step_runs SET due_at = due_at + 86400000 * 40 WHERE state = 'scheduled' AND auto = 1 AND due_at <= ?").run(now);
  const pendingAuto = db.prepare("SELECT id FROM step_runs WHERE state = 'scheduled' AND auto = 1 ORDER BY id LIMIT 100").all() as { id: number }[];
  const setDue = db.prepare("UPDATE step_runs SET due_at = ?, state = 'scheduled', auto = 1 WHERE id = ?");
  for (const due of [0, 10, 100]) {
    const times: number[] = [];
    for (let rep = 0; rep < 5; rep++) {
      db.prepare('UPDATE account_pacing SET next_send_at = 0').run();
      for (const r of pendingAuto.slice(0, due)) setDue.run(now - 1000, r.id);
      const [ms] = await timeAsync(() => core.scheduler.tick());
      times.push(ms);
      for (const r of pendingAuto.slice(0, due)) setDue.run(now + 86_400_000 * 40, r.id);
    }
    figures[`${prefix}Due${due}Ms`] = +median(times).toFixed(2);
  }
}

async function simulate(start: string, figures: Record<string, number>): Promise<void> {
  say('Simulating 30 days for 10,000 enrollments with the fake clock...');

  const sim = makeCore(start);
  const seq = sim.core.sequences.create({ name: 'Sim', schedule: defaultSchedule(), options: defaultSequenceOptions(), steps });
  const ins = sim.core.deps.db.prepare(
    "INSERT INTO prospects (email, email_normalized, first_name, company, country, time_zone, domain, created_at, updated_at) VALUES (?, ?, 'Alex', 'Acme', 'US', ?, ?, 0, 0)",
  );
  const zones = ['America/New_York', 'Europe/Berlin', 'America/Los_Angeles', 'Europe/London'];
  const ids = sim.core.deps.db.transaction(() =>
    Array.from({ length: 10_000 }, (_, i) => Number(ins.run(`s${i}@d${i % 3000}.test`, `s${i}@d${i % 3000}.test`, zones[i % 4], `d${i % 3000}.test`).lastInsertRowid)),
  )();
  const [enrollMs] = time(() => sim.core.enrollments.create(seq.id, ids));
  figures.enroll10kMs = Math.round(enrollMs);
  const [simMs] = await timeAsync(() => sim.core.scheduler.runUntil(sim.clock.now() + 30 * 86_400_000, (at) => sim.clock.set(at)));
  figures.simulate30DaysMs = Math.round(simMs);
  figures.simulatedSends = sim.mail.sent.length;
  sim.core.close();
}

function report(figures: Record<string, number>): void {

  if (json) {
    console.log(JSON.stringify(figures));
    return;
  }
  const rows: [string, string, string][] = [
    [`Today queue: rows returned (of ${figures.queueDueToday} due today)`, `${figures.queueRows}`, ''],
    ['Today queue count', `${figures.queueCountMs} ms`, ''],
    ['Store fill (100k prospects, 1M step runs)', `${figures.fillMs} ms`, ''],
    ['Today queue query (200 rows)', `${figures.queueQueryMs} ms`, '<= 20 ms'],
    ['Scheduler tick, 0 due', `${figures.tickDue0Ms} ms`, '<= 50 ms'],
    ['Scheduler tick, 10 due', `${figures.tickDue10Ms} ms`, '<= 50 ms'],
    ['Scheduler tick, 100 due', `${figures.tickDue100Ms} ms`, 'grows with due work'],
    ['Same ticks on a 1,000-enrollment store (0 / 10 / 100 due)', `${figures.tickSmallStoreDue0Ms} / ${figures.tickSmallStoreDue10Ms} / ${figures.tickSmallStoreDue100Ms} ms`, 'about the same'],
    ['Enroll 10,000 prospects', `${figures.enroll10kMs} ms`, ''],
    [`Simulate 30 days, 10,000 enrollments (${figures.simulatedSends} sends)`, `${figures.simulate30DaysMs} ms`, '<= 30,000 ms'],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${'Figure'.padEnd(w)}  ${'Result'.padStart(12)}  Target`);
  for (const [name, value, target] of rows) console.log(`${name.padEnd(w)}  ${value.padStart(12)}  ${target}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
