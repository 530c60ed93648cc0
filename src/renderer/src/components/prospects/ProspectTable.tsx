// The prospects table: virtualised rows loaded page by page, sortable columns, multi-select.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ProspectListQuery } from '../../../../shared/contract/prospects';
import { zoneSourceText, type Prospect } from '../../../../shared/domain/prospect';
import { zoneName } from '../../../../shared/domain/timeZones';
import { displayEmail } from '../../lib/displayEmail';
import { useProspectsStore } from '../../store/prospects';
import { pageSize } from '../../store/prospects/initialState';
import { prospectsSelectors } from '../../store/prospects/selectors';

const rowHeight = 40;
const columns: { key: ProspectListQuery['sort'] | null; label: string; className: string }[] = [
  { key: 'name', label: 'Name', className: 'col-name' },
  { key: 'email', label: 'Email', className: 'col-email' },
  { key: 'company', label: 'Company', className: 'col-company' },
  { key: null, label: 'Title', className: 'col-title' },
  { key: 'time_zone', label: 'Time zone', className: 'col-tz' },
  { key: null, label: 'Status', className: 'col-status' },
  { key: 'created', label: 'Added', className: 'col-added' },
];

export function ProspectTable() {
  const total = useProspectsStore(prospectsSelectors.total) ?? 0;
  const pages = useProspectsStore(prospectsSelectors.pages);
  const query = useProspectsStore(prospectsSelectors.query);
  const selected = useProspectsStore(prospectsSelectors.selected);
  const openId = useProspectsStore(prospectsSelectors.openId);
  const { ensurePage, setQuery, toggleSelected, setSelected, open } = useProspectsStore.getState();
  const scroller = useRef<HTMLDivElement>(null);
  const selectedSet = new Set(selected);

  // eslint-disable-next-line react-hooks/incompatible-library -- this component reads the virtualizer afresh on every render
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const firstPage = items.length ? Math.floor(items[0]!.index / pageSize) : 0;
  const lastPage = items.length ? Math.floor(items[items.length - 1]!.index / pageSize) : 0;
  useEffect(() => {
    for (let p = firstPage; p <= lastPage; p++) void ensurePage(p);
  }, [firstPage, lastPage, pages, ensurePage]);

  const sortBy = (key: ProspectListQuery['sort']) =>
    setQuery({ sort: key, dir: query.sort === key ? (query.dir === 'asc' ? 'desc' : 'asc') : key === 'created' ? 'desc' : 'asc' });
  const loaded = Object.values(pages).flat();
  const allLoadedSelected = loaded.length > 0 && loaded.every((p) => selectedSet.has(p.id));

  return (
    <div className="ptable" role="table" aria-label="Prospects" aria-rowcount={total + 1}>
      <div className="ptable-head" role="row">
        <span role="columnheader" className="col-check">
          <input type="checkbox" aria-label="Select all loaded prospects" checked={allLoadedSelected} onChange={() => setSelected(allLoadedSelected ? [] : loaded.map((p) => p.id))} />
        </span>
        {columns.map((c) => (
          <span key={c.label} role="columnheader" className={c.className} aria-sort={c.key && query.sort === c.key ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
            {c.key ? (
              <button type="button" className="sort-button" onClick={() => sortBy(c.key!)}>
                {c.label}
                {query.sort === c.key ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            ) : (
              c.label
            )}
          </span>
        ))}
      </div>
      <div className="ptable-body" ref={scroller}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const p = pages[Math.floor(item.index / pageSize)]?.[item.index % pageSize];
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={`ptable-row${p && p.id === openId ? ' is-open' : ''}${p && selectedSet.has(p.id) ? ' is-selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
              >
                {p ? <Row p={p} checked={selectedSet.has(p.id)} onToggle={() => toggleSelected(p.id)} onOpen={() => open(p.id)} /> : <span className="muted loading-row">Loading…</span>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The zone in full (the narrow column cuts "America/Los Angeles" short) and where Repdesk got it. */
const zoneTitle = (p: Prospect): string | undefined =>
  p.timeZone ? [zoneName(p.timeZone), p.timeZoneSource ? `time zone ${zoneSourceText(p.timeZoneSource)}` : null].filter(Boolean).join(', ') : undefined;

function Row({ p, checked, onToggle, onOpen }: { p: Prospect; checked: boolean; onToggle(): void; onOpen(): void }) {
  const name = [p.firstName, p.lastName].filter(Boolean).join(' ') || '—';
  const email = displayEmail(p.email);
  return (
    <>
      <span role="cell" className="col-check">
        <input type="checkbox" aria-label={`Select ${email}`} checked={checked} onChange={onToggle} />
      </span>
      <span role="cell" className="col-name">
        <button type="button" className="link-button" onClick={onOpen}>
          {name}
        </button>
      </span>
      <span role="cell" className="col-email" title={email}>
        {email}
      </span>
      <span role="cell" className="col-company">{p.company}</span>
      <span role="cell" className="col-title">{p.title}</span>
      <span role="cell" className="col-tz" title={zoneTitle(p)}>
        {p.timeZone && zoneName(p.timeZone)}
      </span>
      <span role="cell" className="col-status">
        <span className={`badge badge-${p.status}`}>{p.status}</span>
      </span>
      <span role="cell" className="col-added">{new Date(p.createdAt).toLocaleDateString()}</span>
    </>
  );
}
