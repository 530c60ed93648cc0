// Settings > Mailboxes against a fake transport: OAuth client first, weak-storage consent, the waiting state, a broken mailbox.
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/contract';
import type { MailboxesOverview } from '../../src/shared/contract/mailboxes';
import { createClient, setClient } from '../../src/renderer/src/api/client';
import type { Transport } from '../../src/renderer/src/api/transport';
import { MailboxesSettings } from '../../src/renderer/src/components/MailboxesSettings';
import { useMailboxesStore } from '../../src/renderer/src/store/mailboxes';

let calls: [string, unknown][];
let overview: MailboxesOverview;
let releaseConnect: (() => void) | null;

const base = (): MailboxesOverview => ({
  mailboxes: [],
  storage: 'weak',
  google: { configured: false, source: 'none', clientId: null },
  options: { pollMinutes: 2, outOfOfficeDays: 7, softBounceLimit: 3 },
});

function fakeTransport(): Transport {
  return {
    kind: 'http',
    async call(method, request): Promise<ApiResult<unknown>> {
      calls.push([method, request]);
      if (method === 'mailboxes.list') return { ok: true, value: overview };
      if (method === 'mailboxes.setGoogleClient') {
        overview = { ...overview, google: { configured: true, source: 'settings', clientId: (request as { clientId: string }).clientId } };
        return { ok: true, value: overview };
      }
      if (method === 'mailboxes.connectGmail') return { ok: true, value: { flowId: 'f1', authorizeUrl: 'http://127.0.0.1:1/o/oauth2/v2/auth?x=1' } };
      if (method === 'mailboxes.awaitConnect') {
        await new Promise<void>((r) => (releaseConnect = r));
        return { ok: false, error: { code: 'conflict', message: 'The sign-in was cancelled.' } };
      }
      if (method === 'mailboxes.cancelConnect') {
        releaseConnect?.();
        return { ok: true, value: { cancelled: true } };
      }
      return { ok: false, error: { code: 'unknown_method', message: method } };
    },
    subscribe: () => () => {},
  };
}

beforeEach(() => {
  calls = [];
  overview = base();
  releaseConnect = null;
  useMailboxesStore.setState({ overview: null, flow: null, busy: false, error: null, fieldErrors: {}, recent: [] });
  setClient(createClient(fakeTransport()));
});

describe('Settings > Mailboxes', () => {
  it('asks for the OAuth client first, then explains the permissions and needs consent to weak storage', async () => {
    render(<MailboxesSettings />);
    fireEvent.change(await screen.findByLabelText('Client ID'), { target: { value: 'abc.apps.googleusercontent.com' } });
    fireEvent.change(screen.getByLabelText('Client secret'), { target: { value: 'GOCSPX-x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this OAuth client' }));
    const connect = await screen.findByRole('button', { name: 'Connect Gmail' });
    expect(screen.getByText('Send email as you (gmail.send)')).toBeInTheDocument();
    expect(screen.getByText('See your calendar (calendar.readonly)')).toBeInTheDocument();
    expect(connect).toBeDisabled();
    fireEvent.click(screen.getByTestId('accept-weak-storage'));
    expect(connect).toBeEnabled();
    fireEvent.click(connect);
    const link = await screen.findByTestId('gmail-authorize-link');
    expect(link).toHaveAttribute('href', 'http://127.0.0.1:1/o/oauth2/v2/auth?x=1');
    expect(calls.find(([m]) => m === 'mailboxes.connectGmail')?.[1]).toEqual({ acceptWeakStorage: true });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('button', { name: 'Connect Gmail' });
  });

  it('shows a mailbox that needs reconnecting with the reason, and offers Reconnect', async () => {
    overview = {
      ...base(),
      storage: 'os',
      google: { configured: true, source: 'environment', clientId: 'abc.apps.googleusercontent.com' },
      mailboxes: [{ id: 1, provider: 'gmail', email: 'rep@acme.com', displayName: null, status: 'needs_reconnect', statusReason: 'Google says the sign-in expired.', lastSyncedAt: null, workspace: true, dailyCap: 1500, sentLastDay: 12, syncing: false }],
    };
    render(<MailboxesSettings />);
    expect(await screen.findByText('Needs reconnecting')).toBeInTheDocument();
    expect(screen.getByText('Google says the sign-in expired.')).toBeInTheDocument();
    expect(screen.getByText(/12 of 1500 emails sent/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reconnect Gmail' })).toBeEnabled();
    expect(screen.getByText(/from the environment/)).toBeInTheDocument();
  });
});
