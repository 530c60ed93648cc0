// Finds prospects by name, email or company, for the preview and for enrolling.
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import { api } from '../../api/client';
import { displayEmail } from '../../lib/displayEmail';

export type FoundProspect = ResponseOf<'sequences.findProspects'>[number];

export function useProspectSearch(search: string): FoundProspect[] {
  const [found, setFound] = useState<FoundProspect[]>([]);
  useEffect(() => {
    let live = true;
    void api()
      .call('sequences.findProspects', { search })
      .then((r) => live && setFound(r));
    return () => {
      live = false;
    };
  }, [search]);
  return found;
}

export function ProspectPicker({ label, onPick }: { label: string; onPick(p: FoundProspect): void }) {
  const [search, setSearch] = useState('');
  const found = useProspectSearch(search);
  return (
    <div className="prospect-picker">
      <label htmlFor="prospect-search">{label}</label>
      <input id="prospect-search" type="search" value={search} placeholder="Name, email or company" onChange={(e) => setSearch(e.target.value)} />
      <ul className="pick-list" aria-label="Matching prospects">
        {found.slice(0, 8).map((p) => (
          <li key={p.id}>
            <button type="button" className="link-button" onClick={() => onPick(p)}>
              {p.name} <span className="muted">· {displayEmail(p.email)}</span>
            </button>
          </li>
        ))}
        {found.length === 0 && <li className="muted">No prospects match. Import prospects first.</li>}
      </ul>
    </div>
  );
}
