// `npm run bench:queue [-- --json]`: building the Today view (queue, going out today, overnight stops) over a large store.
import { DateTime } from 'luxon';
import { ManualClock } from '../src/main/core/clock';
import { createCore } from '../src/main/core/createCore';
import { openMemoryDatabase } from '../src/main/core/db/open';
import { silentLog } from '../src/main/core/log';
import { defaultSequenceOptions, type StepInput } from '../src/shared/domain/sequence';

const json = process.argv.includes('--json');
const say = (line: string) => !json && console.log(line);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const out = fn();
  return [performance.now() - t0, out];
}

const start = Date.parse('2026-03-04T15:00:00Z');
const clock = new ManualClock(start);
const core = createCore({
  db: openMemoryDatabase(),
  clock,
  providers: {},
  log: silentLog,
  vault: { protection: 'os', get: async () => null, set: async () => {}, delete: async () => {} },
  notifier: { notify() {} },
  env: { appName: 'Repdesk', version: 'bench', dataDir: '/nonexistent', transport: 'http', testMode: true, systemTimeZone: 'America/New_York' },
});
core.settings.update({ timeZone: 'America/New_York', repName: 'Robin', repEmail: 'robin@seller.test' });
const db = core.deps.db;
db.prepare("INSERT INTO accounts (provider, email, created_at, updated_at) VALUES ('gmail', 'robin@seller.test', 0, 0)").run();

const step = (type: StepInput['type'], subject = '', body = ''): StepInput => ({
  type,
  delayAmount: 1,
  delayUnit: 'business_days',
  threadMode: 'new',
  variants: type.endsWith('email') ? [{ subject: subject || 'Hi {{first_name}}', body: body || 'Hello {{first_name}}, a note about {{company}}.\n\n{{ rep_name }}' }] : [],
  note: type.endsWith('email') ? '' : 'Call {{first_name}} at {{company}} about the guide.',
  attachmentIds: [],
});
const seq = core.sequences.create({
  name: 'Bench',
  schedule: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:30', skipHolidays: false, timeZone: null },
  options: defaultSequenceOptions(),
  steps: [step('manual_email'), step('call'), step('task'), step('auto_email')],
});
const stepIds = seq.steps.map((s) => s.id);
const prospects = 50_000;
const runsPer = 8;
const queuePerType = 150; // rows per queue section due today; the rest spread over the next 30 days
const zones = ['America/New_York', 'Europe/Berlin', 'America/Los_Angeles', 'Europe/London'];

say(`Building a store with ${prospects.toLocaleString()} prospects and enrollments, ${(prospects * runsPer).toLocaleString()} step runs and ${(prospects * 10).toLocaleString()} timeline events...`);
const [fillMs] = time(() => {
  const insP = db.prepare("INSERT INTO prospects (email, email_normalized, first_name, company, country, time_zone, phone, domain, created_at, updated_at) VALUES (?, ?, 'Alex', 'Acme', 'US', ?, '+14155550142', ?, 0, 0)");
  const insE = db.prepare("INSERT INTO enrollments (prospect_id, sequence_id, account_id, status, created_at, updated_at) VALUES (?, ?, 1, 'active', 0, 0)");
  const insR = db.prepare('INSERT INTO step_runs (enrollment_id, step_id, state, due_at, auto, completed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)');
  const insEv = db.prepare("INSERT INTO events (prospect_id, enrollment_id, type, reason, data, at) VALUES (?, ?, ?, 'x', ?, ?)");
  const today = DateTime.fromMillis(start, { zone: 'America/New_York' }).startOf('day').toMillis();
  db.transaction(() => {
    for (let i = 1; i <= prospects; i++) {
      const e = `p${i}@co${i % 5000}.test`;
      insP.run(e, e, zones[i % zones.length], `co${i % 5000}.test`);
      insE.run(i, seq.id);
      const type = i % 4;
      for (let k = 0; k < runsPer - 1; k++) insR.run(i, stepIds[k % 4], 'done', start - (runsPer - k) * 86_400_000, 0, start - (runsPer - k) * 86_400_000);
      // The pending run: today's queue for the first few per type, otherwise later this month.
      const dueToday = Math.floor(i / 4) < queuePerType;
      const due = dueToday ? today + ((i * 7919) % 86_000) * 1000 : start + 86_400_000 + ((i * 7919) % (30 * 86_400)) * 1000;
      insR.run(i, stepIds[type], 'scheduled', due, type === 3 ? 1 : 0, null);
      for (let k = 0; k < 10; k++) {
        const stop = k === 9 && i % 500 === 0;
        insEv.run(i, i, stop ? 'finished' : 'scheduled', stop ? '{"reason":"replied"}' : '{}', start - (10 - k) * 3_600_000);
      }
    }
  })();
  db.pragma('optimize');
});

const figures: Record<string, number> = { fillMs: Math.round(fillMs) };
const view = core.queue.today();
figures.queueItems = view.sections.emails.items.length + view.sections.calls.items.length + view.sections.tasks.items.length;
figures.goingOutItems = view.goingOut.items.length;
figures.changedItems = view.changed.length;
const measure = (fn: () => unknown, n = 15) => +median(Array.from({ length: n }, () => time(fn)[0])).toFixed(2);
figures.todayViewMs = measure(() => core.queue.today());
figures.navCountMs = measure(() => core.navCounts(), 50);
const endOfDay = DateTime.fromMillis(start, { zone: 'America/New_York' }).endOf('day').toMillis();
figures.queueRowsQueryMs = measure(() => core.queue.q.queue(endOfDay, 1000), 50);
figures.stopsQueryMs = measure(() => core.queue.q.stopsSince(start - 86_400_000, 200), 50);
figures.itemByIdMs = measure(() => core.queue.itemById(view.sections.calls.items[0]!.id), 50);
figures.reminderCheckMs = measure(() => core.reminders.check(), 50);

if (json) console.log(JSON.stringify(figures));
else {
  const rows: [string, string, string][] = [
    ['Store fill', `${figures.fillMs} ms`, ''],
    [`Today view: ${figures.queueItems} queue items, ${figures.goingOutItems} going out, ${figures.changedItems} changed`, `${figures.todayViewMs} ms`, '<= 250 ms'],
    ['Queue rows query (up to 1,000)', `${figures.queueRowsQueryMs} ms`, '<= 20 ms'],
    ['Nav count', `${figures.navCountMs} ms`, '<= 10 ms'],
    ['Overnight stops query', `${figures.stopsQueryMs} ms`, '<= 5 ms'],
    ['One item (after an action)', `${figures.itemByIdMs} ms`, '<= 5 ms'],
    ['Reminder check', `${figures.reminderCheckMs} ms`, '<= 5 ms'],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${'Figure'.padEnd(w)}  ${'Result'.padStart(10)}  Target`);
  for (const [name, value, target] of rows) console.log(`${name.padEnd(w)}  ${value.padStart(10)}  ${target}`);
}
core.close();
