// Search and filters above the prospects table: by words, tag/list, import, status and time zone.
import { useEffect, useState } from 'react';
import { prospectStatuses } from '../../../../shared/domain/prospect';
import { zoneName } from '../../../../shared/domain/timeZones';
import { useProspectsStore } from '../../store/prospects';
import { prospectsSelectors } from '../../store/prospects/selectors';

export function ProspectFilters() {
  const query = useProspectsStore(prospectsSelectors.query);
  const facets = useProspectsStore(prospectsSelectors.facets);
  const filtered = useProspectsStore(prospectsSelectors.filtered);
  const { setQuery, resetFilters } = useProspectsStore.getState();
  const [search, setSearch] = useState(query.search);
  const [shown, setShown] = useState(query.search);
  if (shown !== query.search) {
    // The query changed elsewhere (filters cleared, "show these prospects"): follow it.
    setShown(query.search);
    setSearch(query.search);
  }
  useEffect(() => {
    if (search === query.search) return;
    // Search as the rep types, without a query per keystroke.
    const t = setTimeout(() => setQuery({ search }), 200);
    return () => clearTimeout(t);
  }, [search, query.search, setQuery]);

  const num = (v: string) => (v ? Number(v) : null);
  return (
    <div className="filters" role="search">
      <input type="search" aria-label="Search prospects" placeholder="Search name, email or company" value={search} onChange={(e) => setSearch(e.target.value)} />
      <select aria-label="Tag" value={query.tagId ?? ''} onChange={(e) => setQuery({ tagId: num(e.target.value) })}>
        <option value="">All tags</option>
        {facets?.tags.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.count.toLocaleString()})
          </option>
        ))}
      </select>
      <select aria-label="Import" value={query.importId ?? ''} onChange={(e) => setQuery({ importId: num(e.target.value) })}>
        <option value="">All imports</option>
        {facets?.imports.map((i) => (
          <option key={i.id} value={i.id}>
            {i.fileName} · {new Date(i.createdAt).toLocaleDateString()}
          </option>
        ))}
      </select>
      <select aria-label="Status" value={query.status ?? ''} onChange={(e) => setQuery({ status: (e.target.value || null) as typeof query.status })}>
        <option value="">Any status</option>
        {prospectStatuses.map((s) => (
          <option key={s} value={s}>
            {s[0]!.toUpperCase() + s.slice(1)}
          </option>
        ))}
      </select>
      <select aria-label="Time zone" value={query.timeZone ?? ''} onChange={(e) => setQuery({ timeZone: e.target.value || null })}>
        <option value="">Any time zone</option>
        {facets?.timeZones.map((z) => (
          <option key={z} value={z}>
            {zoneName(z)}
          </option>
        ))}
      </select>
      {filtered && (
        <button type="button" className="button secondary" onClick={resetFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}
