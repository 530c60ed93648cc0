// `npm run bench:sync [-- --json]`: inbox sync against the fake Google: an idle poll, a poll with 1,000 new
// messages (through classification, matching and storage), and the pre-send check; time, API calls and quota units.
import { connectGmail, googleDepsFor, recordingControl, seedEnrollment, startFakeGoogle } from '../test/support/gmail';
import { makeTestCore } from '../test/support/testCore';

interface Figure {
  name: string;
  ms: number;
  calls: number;
  units: number;
  note: string;
}

const json = process.argv.includes('--json');
const newMessages = 1000;

async function main(): Promise<void> {
  const box = { now: () => Date.parse('2026-03-02T09:00:00Z') };
  const fake = await startFakeGoogle({ now: () => box.now() });
  const t = makeTestCore('2026-03-02T09:00:00Z', { google: googleDepsFor(fake), enrollmentControl: recordingControl() });
  box.now = () => t.clock.now();
  const { core, clock } = t;
  const { account } = await connectGmail(core);
  // Polls are driven by hand here: the timer-driven ones would run while mail is being delivered.
  core.mail.inbox.stop();
  const usage = core.mail.gmail.usage;
  const figures: Figure[] = [];
  const measure = async (name: string, note: string, runs: number, fn: () => Promise<unknown>) => {
    const times: number[] = [];
    let calls = 0;
    let units = 0;
    for (let i = 0; i < runs; i++) {
      const before = { ...usage };
      const started = performance.now();
      await fn();
      times.push(performance.now() - started);
      calls = usage.calls - before.calls;
      units = usage.units - before.units;
    }
    times.sort((a, b) => a - b);
    figures.push({ name, ms: round(times[Math.floor(times.length / 2)]!), calls, units, note });
  };

  await core.mail.inbox.sync(account.id);
  await measure('idle poll', 'history.list from the stored historyId; nothing new', 20, () => core.mail.inbox.sync(account.id));

  for (let i = 0; i < newMessages; i++) seedEnrollment(core, { email: `p${i}@company${i % 50}.com`, firstName: `P${i}` });
  const deliveredAt = performance.now();
  for (let i = 0; i < newMessages; i++) {
    clock.advance(1000);
    await fake.deliver({ from: `p${i}@company${i % 50}.com`, subject: `Re: Quick question ${i}`, text: `Thanks, let's talk. (${i})` });
  }
  const deliverMs = performance.now() - deliveredAt;
  let handled = 0;
  await measure(`poll with ${newMessages.toLocaleString('en-US')} new messages`, 'history pages + messages.get raw, classify, match, store, stop', 1, async () => {
    handled = (await core.mail.inbox.sync(account.id)).handled;
  });
  if (handled !== newMessages) throw new Error(`Expected ${newMessages} handled, got ${handled}`);

  const thread = fake.sent[0]?.threadId ?? (await fake.deliver({ from: 'x@y.com', subject: 's', text: 't' })).threadId;
  await core.mail.inbox.sync(account.id);
  await measure('pre-send check', 'messages.list from:(prospect) after: + threads.get of the thread', 20, () =>
    core.mail.inbox.preSendCheck(account.id, { prospectEmails: ['someone@prospect.io'], threadIds: [thread] }),
  );

  await fake.stop();
  core.close();
  if (json) {
    console.log(JSON.stringify({ figures: Object.fromEntries(figures.map((f) => [f.name, { ms: f.ms, calls: f.calls, units: f.units }])), setupDeliverMs: round(deliverMs) }));
    return;
  }
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad('case', 34)}${pad('time (ms)', 12)}${pad('API calls', 11)}${pad('quota units', 13)}what it does`);
  for (const f of figures) console.log(`${pad(f.name, 34)}${pad(String(f.ms), 12)}${pad(String(f.calls), 11)}${pad(String(f.units), 13)}${f.note}`);
  console.log(`\nAgainst the fake Google on 127.0.0.1 (no network latency); median of 20 runs except the 1,000-message poll.`);
}

const round = (ms: number) => Math.round(ms * 10) / 10;

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
