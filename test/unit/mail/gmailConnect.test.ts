// Connect Gmail through the whole OAuth flow against the fake: PKCE, state, Vault, weak-storage consent, disconnect.
import { afterEach, describe, expect, it } from 'vitest';
import { refreshTokenKey } from '../../../src/main/core/mail/gmail/auth';
import { makeTestCore } from '../../support/testCore';
import { connectGmail, fakeClient, followAuthorize, googleDepsFor, startFakeGoogle, type FakeGoogle } from '../../support/gmail';

let fake: FakeGoogle;
afterEach(async () => fake?.stop());

describe('connecting Gmail', () => {
  it('runs the loopback flow with PKCE and state, stores the refresh token only in the Vault, reads profile and signature', async () => {
    fake = await startFakeGoogle();
    const { core, secrets } = makeTestCore('2026-03-02T09:00:00Z', { google: googleDepsFor(fake) });
    const { account, page } = await connectGmail(core);
    expect(page).toContain('Repdesk is connected');
    expect(account.email).toBe('rep@acme-sales.com');
    const [mailbox] = core.mail.mailboxes.list();
    expect(mailbox).toMatchObject({ status: 'connected', workspace: true, dailyCap: 1500, displayName: 'Riley Rep' });
    expect(secrets.get(refreshTokenKey(account.id))).toMatch(/^1\/\/0g/);
    // The token is nowhere in the database.
    const dump = JSON.stringify(core.deps.db.prepare('SELECT * FROM accounts').all()) + JSON.stringify(core.deps.db.prepare('SELECT * FROM settings').all());
    expect(dump).not.toContain(secrets.get(refreshTokenKey(account.id))!);
    expect(core.mail.mailboxes.signatureFor(account.id)?.text).toContain('Account Executive');
  });

  it('sends a PKCE S256 challenge, a random loopback port, offline access and the three scopes', async () => {
    fake = await startFakeGoogle();
    const { core } = makeTestCore('2026-03-02T09:00:00Z', { google: googleDepsFor(fake) });
    core.mail.mailboxes.setGoogleClient({ ...fakeClient });
    const flow = await core.mail.mailboxes.connectGmail(false);
    const url = new URL(flow.authorizeUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth2\/callback$/);
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('scope')!.split(' ')).toEqual(expect.arrayContaining(['https://www.googleapis.com/auth/gmail.send', 'https://www.googleapis.com/auth/gmail.readonly', 'https://www.googleapis.com/auth/calendar.readonly']));
    expect(url.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32);
    // A forged answer with the wrong state is refused and the flow keeps waiting.
    const forged = new URL(url.searchParams.get('redirect_uri')!);
    forged.searchParams.set('state', 'forged');
    forged.searchParams.set('code', 'stolen');
    expect((await fetch(forged)).status).toBe(400);
    const [mailbox] = await Promise.all([core.mail.mailboxes.awaitConnect(flow.flowId), followAuthorize(flow.authorizeUrl)]);
    expect(mailbox.status).toBe('connected');
  });

  it('reports a denied consent clearly and connects nothing', async () => {
    fake = await startFakeGoogle();
    fake.oauth.consent = 'deny';
    const { core } = makeTestCore('2026-03-02T09:00:00Z', { google: googleDepsFor(fake) });
    core.mail.mailboxes.setGoogleClient({ ...fakeClient });
    const flow = await core.mail.mailboxes.connectGmail(false);
    const waiting = core.mail.mailboxes.awaitConnect(flow.flowId).then(
      () => null,
      (err: Error) => err,
    );
    const landing = await followAuthorize(flow.authorizeUrl);
    expect(landing.page).toContain('did not allow');
    expect((await waiting)?.message).toMatch(/did not allow Repdesk/);
    expect(core.mail.mailboxes.list()).toEqual([]);
  });

  it('refuses when the rep unticks a permission', async () => {
    fake = await startFakeGoogle();
    fake.oauth.consent = { grantScopes: ['https://www.googleapis.com/auth/gmail.send'] };
    const { core } = makeTestCore('2026-03-02T09:00:00Z', { google: googleDepsFor(fake) });
    await expect(connectGmail(core)).rejects.toThrow(/missing: gmail.readonly, calendar.readonly/);
    expect(core.mail.mailboxes.list()).toEqual([]);
  });

  it('asks before storing the sign-in where the Vault is weak, and needs an OAuth client first', async () => {
    fake = await startFakeGoogle();
    const { core, secrets } = makeTestCore('2026-03-02T09:00:00Z', { google: googleDepsFor(fake), vaultProtection: 'weak' });
    await expect(core.mail.mailboxes.connectGmail(true)).rejects.toThrow(/Google OAuth client first/);
    core.mail.mailboxes.setGoogleClient({ ...fakeClient });
    await expect(core.mail.mailboxes.connectGmail(false)).rejects.toThrow(/Store it anyway/);
    expect(core.mail.mailboxes.overview().storage).toBe('weak');
    const { account } = await connectGmail(core, { acceptWeakStorage: true });
    expect(secrets.has(refreshTokenKey(account.id))).toBe(true);
  });

  it('a sign-in left unfinished times out on the clock, and a cancelled one says so; neither connects anything', async () => {
    fake = await startFakeGoogle();
    const { core, clock } = makeTestCore('2026-03-02T09:00:00Z', { google: googleDepsFor(fake) });
    core.mail.mailboxes.setGoogleClient({ ...fakeClient });
    const slow = await core.mail.mailboxes.connectGmail(false);
    const timedOut = core.mail.mailboxes.awaitConnect(slow.flowId).catch((err: Error) => err.message);
    clock.advance(10 * 60_000);
    expect(await timedOut).toMatch(/not finished in time/);
    // The listener is closed: a late answer from the browser finds nobody.
    await expect(fetch(new URL(slow.authorizeUrl).searchParams.get('redirect_uri')!)).rejects.toThrow();
    const cancelled = await core.mail.mailboxes.connectGmail(false);
    const waiting = core.mail.mailboxes.awaitConnect(cancelled.flowId).catch((err: Error) => err.message);
    expect(core.mail.mailboxes.cancelConnect(cancelled.flowId)).toBe(true);
    expect(await waiting).toMatch(/cancelled/);
    expect(core.mail.mailboxes.list()).toEqual([]);
  });

  it('disconnect revokes the token at Google and removes it here', async () => {
    fake = await startFakeGoogle();
    const { core, secrets } = makeTestCore('2026-03-02T09:00:00Z', { google: googleDepsFor(fake) });
    const { account } = await connectGmail(core);
    expect(fake.liveRefreshTokens()).toBe(1);
    await core.mail.mailboxes.disconnect(account.id);
    expect(fake.liveRefreshTokens()).toBe(0);
    expect(secrets.has(refreshTokenKey(account.id))).toBe(false);
    expect(core.mail.mailboxes.list()).toEqual([]);
  });
});
