// The prospects screen's query: filters, full-text search, sort and paging, built from fixed SQL fragments.
import type { ProspectListQuery } from '../../../../shared/contract/prospects';
import type { Db } from '../open';
import type { ProspectRow } from './prospects';

const orderBy: Record<ProspectListQuery['sort'], string> = {
  created: 'p.id {dir}',
  name: 'p.search_name {dir}, p.id {dir}',
  email: 'p.email_normalized {dir}',
  company: 'p.company COLLATE NOCASE {dir}, p.id {dir}',
  time_zone: 'p.time_zone {dir}, p.id {dir}',
};

/** Each word the rep typed must start a word of the name, email or company: "jan acm" finds Jane at Acme. */
export function ftsQuery(search: string): string | null {
  const words = search.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/** The screen's filter; country and source are extra narrowing the enrollment API accepts (not on the screen). */
export type ProspectQueryFilter = Partial<Pick<ProspectListQuery, 'search' | 'tagId' | 'importId' | 'status' | 'timeZone'>> & { country?: string | null; source?: string | null };
type Filter = ProspectQueryFilter;

function where(filter: Filter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const match = ftsQuery(filter.search ?? '');
  if (match) {
    parts.push('p.id IN (SELECT rowid FROM prospects_fts WHERE prospects_fts MATCH @match)');
    params.match = match;
  }
  if (filter.tagId != null) {
    parts.push('p.id IN (SELECT prospect_id FROM prospect_tags WHERE tag_id = @tagId)');
    params.tagId = filter.tagId;
  }
  if (filter.importId != null) {
    parts.push('p.import_id = @importId');
    params.importId = filter.importId;
  }
  if (filter.status != null) {
    parts.push('p.status = @status');
    params.status = filter.status;
  }
  if (filter.timeZone != null) {
    parts.push('p.time_zone = @timeZone');
    params.timeZone = filter.timeZone;
  }
  if (filter.country) {
    parts.push('p.country = @country');
    params.country = filter.country.toUpperCase();
  }
  if (filter.source) {
    parts.push('p.source = @source');
    params.source = filter.source;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const tagList = `(SELECT group_concat(t.name, char(31)) FROM prospect_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.prospect_id = p.id) AS tags`;

export function prospectListQueries(db: Db) {
  // Statements are prepared once per distinct shape (a handful of filter and sort combinations), then reused.
  const cache = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const order = (q: Pick<ProspectListQuery, 'sort' | 'dir'>) => orderBy[q.sort].replaceAll('{dir}', q.dir === 'asc' ? 'ASC' : 'DESC');

  return {
    pageSql(q: ProspectListQuery): string {
      return `SELECT p.*, ${tagList} FROM prospects p ${where(q).sql} ORDER BY ${order(q)} LIMIT @limit OFFSET @offset`;
    },
    page(q: ProspectListQuery): ProspectRow[] {
      const w = where(q);
      return prepared(this.pageSql(q)).all({ ...w.params, limit: q.limit, offset: q.offset }) as ProspectRow[];
    },
    count(filter: Filter): number {
      const w = where(filter);
      return (prepared(`SELECT count(*) AS n FROM prospects p ${w.sql}`).get(w.params) as { n: number }).n;
    },
    ids(filter: Filter): number[] {
      const w = where(filter);
      return (prepared(`SELECT p.id FROM prospects p ${w.sql}`).pluck().all(w.params) as number[]);
    },
    *iterate(q: Pick<ProspectListQuery, 'search' | 'tagId' | 'importId' | 'status' | 'timeZone' | 'sort' | 'dir'>): Generator<ProspectRow> {
      const w = where(q);
      yield* prepared(`SELECT p.*, ${tagList} FROM prospects p ${w.sql} ORDER BY ${order(q)}`).iterate(w.params) as Iterable<ProspectRow>;
    },
    explain(q: ProspectListQuery): string[] {
      const w = where(q);
      return (db.prepare(`EXPLAIN QUERY PLAN ${this.pageSql(q)}`).all({ ...w.params, limit: q.limit, offset: q.offset }) as { detail: string }[]).map((r) => r.detail);
    },
    timeZones: () => db.prepare('SELECT DISTINCT time_zone FROM prospects WHERE time_zone IS NOT NULL ORDER BY time_zone').pluck().all() as string[],
    /** Custom field names seen on recent prospects (from imports), for the editor's merge-field help. */
    customFieldKeys: () =>
      prepared(
        'SELECT DISTINCT j.key FROM prospects, json_each(prospects.custom_fields) j WHERE prospects.id IN (SELECT id FROM prospects ORDER BY id DESC LIMIT 2000) LIMIT 200',
      )
        .pluck()
        .all() as string[],
  };
}
