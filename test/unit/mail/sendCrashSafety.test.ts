// Never a duplicate: the outbox protocol run against the fake Gmail, crashing between claim, send and record at random
// points many times (and timing out after Gmail already accepted a send). Recovery reconciles by Message-ID first.
// The engine owns the real outbox; this test-only driver follows the same protocol to prove the Gmail side supports it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/createCore';
import { ProviderError } from '../../../src/main/core/mail/errors';
import type { MailAccount } from '../../../src/main/core/mail/provider';
import { makeTestCore } from '../../support/testCore';
import { connectGmail, googleDepsFor, seedEnrollment, startFakeGoogle, type FakeGoogle } from '../../support/gmail';

let fake: FakeGoogle | null = null;
afterEach(async () => {
  await fake?.stop();
  fake = null;
});

class Crash extends Error {}

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  id: number;
  state: string;
  message_id: string | null;
  email: string;
}

function outbox(core: Core, account: MailAccount) {
  const db = core.deps.db;
  const gmail = core.mail.providers.gmail!;
  const due = db.prepare<[], Run>("SELECT r.id, r.state, r.message_id, p.email FROM step_runs r JOIN enrollments e ON e.id = r.enrollment_id JOIN prospects p ON p.id = e.prospect_id WHERE r.state = 'scheduled' ORDER BY r.id LIMIT 1");
  const sending = db.prepare<[], Run>("SELECT r.id, r.state, r.message_id, p.email FROM step_runs r JOIN enrollments e ON e.id = r.enrollment_id JOIN prospects p ON p.id = e.prospect_id WHERE r.state = 'sending'");
  const claim = db.prepare("UPDATE step_runs SET state = 'sending', message_id = ?, attempts = attempts + 1 WHERE id = ? AND state = 'scheduled'");
  const record = db.prepare("UPDATE step_runs SET state = 'sent', provider_message_id = ?, provider_thread_id = ? WHERE id = ? AND state = 'sending'");
  const send = (run: Run, messageId: string) =>
    gmail.send(account, { messageId, from: { email: account.email }, to: { email: run.email }, subject: `Step for ${run.email}`, html: '<p>Hi</p>', text: 'Hi' });

  return {
    /** One pass of the scheduler; `crashAt` stops it like a killed process. */
    async step(crashAt: 'none' | 'after_claim' | 'after_send'): Promise<boolean> {
      const run = due.get();
      if (!run) return false;
      const messageId = `<run-${run.id}.${Math.random().toString(36).slice(2)}@repdesk.local>`;
      expect(claim.run(messageId, run.id).changes).toBe(1);
      if (crashAt === 'after_claim') throw new Crash();
      const sent = await send(run, messageId);
      if (crashAt === 'after_send') throw new Crash();
      record.run(sent.providerMessageId, sent.threadId, run.id);
      return true;
    },
    /** On start: every run left in `sending` is looked up by its Message-ID before any retry. */
    async recover(): Promise<void> {
      for (const run of sending.all()) {
        const found = await gmail.findByMessageId(account, run.message_id!);
        const sent = found ?? (await send(run, run.message_id!));
        record.run(sent.providerMessageId, sent.threadId, run.id);
      }
    },
  };
}

describe('sending survives crashes without duplicates', () => {
  it('crashing at random points between claim, send and record never sends an email twice', async () => {
    fake = await startFakeGoogle();
    const { core } = makeTestCore('2026-03-02T09:00:00Z', { google: googleDepsFor(fake) });
    const { account } = await connectGmail(core);
    core.mail.mailboxes.setDailyCap(account.id, 2000);
    const runs = 120;
    for (let i = 0; i < runs; i++) {
      const { stepRunId } = seedEnrollment(core, { email: `p${i}@prospect${i % 7}.io` });
      core.deps.db.prepare("UPDATE step_runs SET state = 'scheduled', message_id = NULL WHERE id = ?").run(stepRunId);
    }
    const next = random(20260302);
    const box = outbox(core, account);
    let crashes = 0;
    for (;;) {
      const r = next();
      const crashAt = r < 0.25 ? 'after_claim' : r < 0.5 ? 'after_send' : 'none';
      try {
        if (!(await box.step(crashAt))) break;
      } catch (err) {
        if (!(err instanceof Crash)) throw err;
        crashes += 1;
        await box.recover();
      }
    }
    const ids = fake.sent.map((m) => m.messageId);
    expect(crashes).toBeGreaterThan(40);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(runs);
    expect(core.deps.db.prepare("SELECT count(*) FROM step_runs WHERE state = 'sent' AND provider_message_id IS NOT NULL").pluck().get()).toBe(runs);
  });

  it('a send that timed out after Gmail accepted it is found by its Message-ID, not sent again', async () => {
    fake = await startFakeGoogle();
    const { core } = makeTestCore('2026-03-02T09:00:00Z', { google: { ...googleDepsFor(fake), timeoutMs: 300 } });
    const { account } = await connectGmail(core);
    const { stepRunId } = seedEnrollment(core, { email: 'dana@prospect.io' });
    core.deps.db.prepare("UPDATE step_runs SET state = 'scheduled', message_id = NULL WHERE id = ?").run(stepRunId);
    const box = outbox(core, account);
    fake.fail({ route: 'messages.send', delayMs: 800 });
    const error = await box.step('none').then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('transient');
    await new Promise((r) => setTimeout(r, 900));
    expect(fake.sent).toHaveLength(1);
    await box.recover();
    expect(fake.sent).toHaveLength(1);
    expect(core.deps.db.prepare('SELECT state FROM step_runs WHERE id = ?').pluck().get(stepRunId)).toBe('sent');
  });
});
