// Settings section: the do-not-contact list. Emails and whole domains, typed or read from a file; matching prospects are suppressed at once.
import { useEffect, useRef, useState } from 'react';
import type { Suppression, SuppressionAddResult } from '../../../../shared/contract/suppressions';
import { api } from '../../api/client';

export function SuppressionList() {
  const [entries, setEntries] = useState<Suppression[] | null>(null);
  const [text, setText] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const load = () => api().call('suppressions.list').then(setEntries, (e: unknown) => setError(String(e)));
  useEffect(() => {
    void load();
  }, []);

  const report = (r: SuppressionAddResult) => {
    setResult(
      `${r.added} added${r.alreadyListed ? `, ${r.alreadyListed} already listed` : ''}${r.prospectsSuppressed ? `, ${r.prospectsSuppressed} prospect${r.prospectsSuppressed === 1 ? '' : 's'} suppressed` : ''}.` +
        (r.invalid.length ? ` Not an email or domain: ${r.invalid.slice(0, 5).join(', ')}${r.invalid.length > 5 ? '…' : ''}` : '') +
        (r.domainsIgnored
          ? ` ${r.domainsIgnored.toLocaleString()} website${r.domainsIgnored === 1 ? '' : 's'} beside the emails ${r.domainsIgnored === 1 ? 'was' : 'were'} not added: a domain blocks everyone at a company, so add one here by hand to do that.`
          : ''),
    );
    void load();
  };
  const add = async () => {
    setError(null);
    try {
      report(await api().call('suppressions.add', { entries: text }));
      setText('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const upload = async (f: File) => {
    setError(null);
    try {
      report(await api().call('suppressions.importFile', { fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const remove = async (id: number) => {
    const r = await api().call('suppressions.remove', { id });
    setResult(r.prospectsReleased ? `${r.prospectsReleased} prospects are active again.` : 'Removed.');
    void load();
  };
  const shown = (entries ?? []).filter((e) => e.value.includes(filter.trim().toLowerCase()));

  return (
    <section className="card form suppression" aria-labelledby="suppression-heading">
      <h2 id="suppression-heading">Do not contact</h2>
      <p className="muted">Emails and whole domains (with their subdomains) that Repdesk must never email. Matching prospects are kept but marked suppressed and are never enrolled.</p>
      <label htmlFor="suppression-entries" className="label">Add emails or domains, one per line</label>
      <textarea id="suppression-entries" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={'ceo@bigcorp.com\ncompetitor.com'} />
      <div className="form-actions left">
        <button type="button" className="button" disabled={!text.trim()} onClick={() => void add()}>
          Add to list
        </button>
        <button type="button" className="button secondary" onClick={() => file.current?.click()}>
          Import from a file…
        </button>
        <input ref={file} type="file" hidden accept=".csv,.tsv,.txt,.xlsx" data-testid="suppression-file" onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void upload(f);
        }} />
      </div>
      {result && <p className="form-saved" role="status">{result}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      {entries && entries.length > 0 && (
        <>
          <input type="search" aria-label="Filter the list" placeholder={`Filter ${entries.length} entries`} value={filter} onChange={(e) => setFilter(e.target.value)} />
          <ul className="suppression-list">
            {shown.slice(0, 300).map((e) => (
              <li key={e.id}>
                <span className="badge">{e.kind}</span> {e.value}
                {e.reason && <span className="muted"> · {e.reason}</span>}
                <button type="button" className="link-button" onClick={() => void remove(e.id)} aria-label={`Remove ${e.value}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          {shown.length > 300 && <p className="muted">Showing 300 of {shown.length}; filter to find others.</p>}
        </>
      )}
    </section>
  );
}
