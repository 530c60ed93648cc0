import { describe, expect, it } from 'vitest';
import { makeTestCore } from '../../support/testCore';

describe('demo workspace', () => {
  it('fills a day of queue work through the engine, labelled demo, and removes it all again', async () => {
    const { core } = makeTestCore('2026-03-04T15:00:00Z');
    await core.start();
    expect(core.queue.today().demo).toBe(false);
    const out = core.demo.load();
    expect(out).toEqual({ prospects: 15, sequences: 2 });
    const view = core.queue.today();
    expect(view.demo).toBe(true);
    expect(view.sections.tasks.counts).toMatchObject({ total: 3, overdue: 1, due: 1, later: 1 });
    expect(view.sections.calls.counts).toMatchObject({ total: 3, overdue: 1, later: 1 });
    expect(view.sections.emails.counts.total).toBe(4);
    expect(view.sections.emails.items.filter((i) => i.email!.missingFields.length > 0).map((i) => i.prospect.name)).toEqual(['Olivia Grant']);
    expect(view.goingOut.items.length).toBe(4);
    expect(view.goingOut.items.every((i) => i.status === 'waiting_mailbox')).toBe(true);
    expect(view.changed.map((c) => c.prospectName)).toEqual(['Mateo Silva']);
    expect(view.mailbox.state).toBe('none');
    expect([...view.sections.calls.items, ...view.sections.tasks.items].every((i) => i.prospect.demo)).toBe(true);
    expect(() => core.demo.load()).toThrow(/already loaded/);
    expect(core.navCounts().today).toBe(10);
    core.demo.clear();
    const after = core.queue.today();
    expect(after.demo).toBe(false);
    expect(after.sections.emails.items.length + after.sections.calls.items.length + after.sections.tasks.items.length).toBe(0);
    expect(core.sequences.list(false).length).toBe(0);
    core.close();
  });
});
