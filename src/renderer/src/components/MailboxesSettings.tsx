// Settings > Mailboxes: connect Gmail (OAuth in the browser), see each mailbox's state, sync, disconnect, inbox options.
import { useEffect, useState, type FormEvent } from 'react';
import type { Mailbox } from '../../../shared/domain/mailbox';
import { mailboxesSelectors, useMailboxesStore } from '../store/mailboxes';
import './mailboxes.css';
import { timeAgo } from './timeAgo';

const permissions = [
  { scope: 'Send email as you (gmail.send)', why: 'to send your sequence emails from your own address, so replies come back to you.' },
  { scope: 'Read your email (gmail.readonly)', why: 'to notice replies, out-of-office messages, bounces and unsubscribe requests, and stop sequences at once. Mail unrelated to your prospects is never stored.' },
  { scope: 'See your calendar (calendar.readonly)', why: 'to stop a sequence when a prospect is invited to a meeting with you.' },
];

export function MailboxesSettings() {
  const overview = useMailboxesStore(mailboxesSelectors.overview);
  const error = useMailboxesStore(mailboxesSelectors.error);
  const load = useMailboxesStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card mailboxes" aria-labelledby="mailboxes-heading" data-testid="mailboxes-settings">
      <h2 id="mailboxes-heading">Mailboxes</h2>
      <p className="muted">Repdesk sends through your own Gmail or Google Workspace account and watches its inbox, so prospects leave a sequence the moment they engage.</p>
      {error && (
        <p className="form-error mailbox-error" role="alert">
          {error}
        </p>
      )}
      {!overview ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          {overview.mailboxes.length > 0 && (
            <ul className="mailbox-list">
              {overview.mailboxes.map((m) => (
                <MailboxRow key={m.id} mailbox={m} />
              ))}
            </ul>
          )}
          <ConnectGmail />
          {overview.mailboxes.length > 0 && <InboxOptionsForm />}
        </>
      )}
    </section>
  );
}

function MailboxRow({ mailbox }: { mailbox: Mailbox }) {
  const busy = useMailboxesStore(mailboxesSelectors.busy);
  const { syncNow, disconnect } = useMailboxesStore.getState();
  const [confirming, setConfirming] = useState(false);
  const needsReconnect = mailbox.status === 'needs_reconnect';
  return (
    <li className="mailbox-row" data-testid={`mailbox-${mailbox.email}`} data-status={mailbox.status}>
      <div className="mailbox-main">
        <div className="mailbox-email">
          <strong>{mailbox.email}</strong>
          <span className={`badge ${needsReconnect ? 'badge-danger' : 'badge-success'}`}>{needsReconnect ? 'Needs reconnecting' : 'Connected'}</span>
          <span className="badge">{mailbox.workspace ? 'Google Workspace' : 'Gmail'}</span>
        </div>
        <p className="muted mailbox-meta">
          {mailbox.syncing ? 'Checking the inbox…' : mailbox.lastSyncedAt ? `Inbox checked ${timeAgo(mailbox.lastSyncedAt)}` : 'Inbox not checked yet'}
          {' · '}
          {mailbox.sentLastDay} of {mailbox.dailyCap} emails sent in the last 24 hours
        </p>
        {mailbox.statusReason && <p className={needsReconnect ? 'field-error' : 'hint warning-text'}>{mailbox.statusReason}</p>}
        <DailyCap mailbox={mailbox} />
      </div>
      <div className="mailbox-actions">
        {!needsReconnect && (
          // Never disabled while a poll runs: a second click joins the poll in flight.
          <button type="button" className="button secondary" disabled={busy} onClick={() => void syncNow(mailbox.id)}>
            Sync now
          </button>
        )}
        {confirming ? (
          <>
            <button type="button" className="button danger" onClick={() => void disconnect(mailbox.id)}>
              Disconnect and revoke
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
            Disconnect
          </button>
        )}
      </div>
    </li>
  );
}

function DailyCap({ mailbox }: { mailbox: Mailbox }) {
  const [cap, setCap] = useState(String(mailbox.dailyCap));
  const limit = mailbox.workspace ? 2000 : 500;
  const id = `daily-cap-${mailbox.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void useMailboxesStore.getState().setDailyCap(mailbox.id, Number(cap));
  };
  return (
    <form className="daily-cap" onSubmit={submit} noValidate>
      <label htmlFor={id}>Daily cap</label>
      <input id={id} type="number" min={1} max={limit} value={cap} onChange={(e) => setCap(e.target.value)} />
      <span className="hint">emails a rolling day (Gmail allows about {limit.toLocaleString()})</span>
      {cap !== String(mailbox.dailyCap) && (
        <button type="submit" className="button secondary">
          Set cap
        </button>
      )}
    </form>
  );
}

function ConnectGmail() {
  const overview = useMailboxesStore(mailboxesSelectors.overview)!;
  const flow = useMailboxesStore(mailboxesSelectors.flow);
  const busy = useMailboxesStore(mailboxesSelectors.busy);
  const [acceptWeak, setAcceptWeak] = useState(false);
  const [editingClient, setEditingClient] = useState(false);
  const { connectGmail, cancelConnect } = useMailboxesStore.getState();
  const weak = overview.storage === 'weak';
  const reconnect = overview.mailboxes.some((m) => m.provider === 'gmail' && m.status === 'needs_reconnect');

  if (!overview.google.configured || editingClient) return <GoogleClientForm onDone={() => setEditingClient(false)} />;
  if (flow) {
    return (
      <div className="connect-panel" data-testid="gmail-waiting" role="status">
        <h3>Finish in your browser</h3>
        <p>Google’s sign-in page is open in your browser. Choose your account and allow the three permissions; Repdesk continues by itself.</p>
        <div className="form-actions inline">
          <a className="button secondary" href={flow.authorizeUrl} target="_blank" rel="noopener noreferrer" data-testid="gmail-authorize-link">
            Open the Google sign-in page again
          </a>
          <button type="button" className="button secondary" onClick={() => void cancelConnect()}>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="connect-panel">
      <h3>{reconnect ? 'Reconnect Gmail' : overview.mailboxes.length ? 'Connect another Gmail account' : 'Connect Gmail'}</h3>
      <p>Repdesk will ask Google for three permissions:</p>
      <ul className="permission-list">
        {permissions.map((p) => (
          <li key={p.scope}>
            <strong>{p.scope}</strong>: {p.why}
          </li>
        ))}
      </ul>
      <p className="hint">
        Your sign-in stays on this computer. OAuth client: <code>{overview.google.clientId}</code> ({overview.google.source === 'environment' ? 'from the environment' : 'from Settings'}).{' '}
        <button type="button" className="link-button" onClick={() => setEditingClient(true)}>
          Change
        </button>
      </p>
      {weak && (
        <div className="weak-storage" role="note">
          <p>
            <strong>This computer has no keychain Repdesk can use.</strong> Your Gmail sign-in would be encrypted with a key stored beside your data, which protects it less than
            an OS keychain: anyone who can read your files could use it to send mail as you.
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={acceptWeak} onChange={(e) => setAcceptWeak(e.target.checked)} data-testid="accept-weak-storage" />
            Store it anyway; I understand the risk
          </label>
        </div>
      )}
      <div className="form-actions inline">
        <button type="button" className="button" disabled={busy || (weak && !acceptWeak)} onClick={() => void connectGmail(acceptWeak)}>
          {reconnect ? 'Reconnect Gmail' : 'Connect Gmail'}
        </button>
      </div>
    </div>
  );
}

function GoogleClientForm({ onDone }: { onDone(): void }) {
  const overview = useMailboxesStore(mailboxesSelectors.overview)!;
  const busy = useMailboxesStore(mailboxesSelectors.busy);
  const fieldErrors = useMailboxesStore(mailboxesSelectors.fieldErrors);
  const [clientId, setClientId] = useState(overview.google.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await useMailboxesStore.getState().setGoogleClient({ clientId, clientSecret })) onDone();
  };
  return (
    <form className="connect-panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="google-client-heading">
      <h3 id="google-client-heading">Google OAuth client</h3>
      <p className="hint">
        Gmail needs an OAuth client of type “Desktop app” from your Google Cloud project (your admin may have one). The README’s “Connect Gmail” section shows how to create it.
        Apps left in “testing” status get sign-ins that expire after 7 days.
      </p>
      <div className="form-grid">
        <label htmlFor="google-client-id">Client ID</label>
        <div>
          <input id="google-client-id" type="text" value={clientId} onChange={(e) => setClientId(e.target.value)} placeholder="1234-abc.apps.googleusercontent.com" aria-invalid={fieldErrors.clientId ? true : undefined} />
          {fieldErrors.clientId && <p className="field-error">{fieldErrors.clientId}</p>}
        </div>
        <label htmlFor="google-client-secret">Client secret</label>
        <div>
          <input id="google-client-secret" type="text" autoComplete="off" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} placeholder="GOCSPX-…" />
          <p className="hint">Google does not treat a desktop app’s secret as confidential; Repdesk still never shows it again.</p>
        </div>
      </div>
      <div className="form-actions inline">
        {overview.google.configured && (
          <button type="button" className="button secondary" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className="button" disabled={busy || !clientId.trim()}>
          Use this OAuth client
        </button>
      </div>
    </form>
  );
}

function InboxOptionsForm() {
  const options = useMailboxesStore(mailboxesSelectors.overview)!.options;
  const [poll, setPoll] = useState(String(options.pollMinutes));
  const [ooo, setOoo] = useState(String(options.outOfOfficeDays));
  const dirty = poll !== String(options.pollMinutes) || ooo !== String(options.outOfOfficeDays);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void useMailboxesStore.getState().setOptions({ pollMinutes: Number(poll), outOfOfficeDays: Number(ooo) });
  };
  return (
    <form className="inbox-options" onSubmit={submit} noValidate>
      <div className="form-grid">
        <label htmlFor="inbox-poll">Check the inbox every</label>
        <div className="inline-field">
          <input id="inbox-poll" type="number" min={1} max={60} value={poll} onChange={(e) => setPoll(e.target.value)} /> minutes
        </div>
        <label htmlFor="inbox-ooo">Pause after an out-of-office without a date for</label>
        <div className="inline-field">
          <input id="inbox-ooo" type="number" min={1} max={60} value={ooo} onChange={(e) => setOoo(e.target.value)} /> days
        </div>
      </div>
      <div className="form-actions inline">
        <button type="submit" className="button secondary" disabled={!dirty}>
          Apply inbox settings
        </button>
      </div>
    </form>
  );
}
