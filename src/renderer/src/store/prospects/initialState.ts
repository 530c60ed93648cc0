// Prospects screen state: the query, the pages loaded so far, the selection and the open prospect.
import type { ProspectFilter, ProspectListQuery } from '../../../../shared/contract/prospects';
import type { Prospect } from '../../../../shared/domain/prospect';
import type { ResponseOf } from '../../../../shared/contract';

export const pageSize = 100;

export type ProspectQuery = ProspectFilter & Pick<ProspectListQuery, 'sort' | 'dir'>;

export interface ProspectsState {
  query: ProspectQuery;
  total: number | null;
  /** Loaded pages by page index; the table asks for the pages it shows. */
  pages: Record<number, Prospect[]>;
  /** Bumped whenever the query or the data changes, so late answers to an old query are dropped. */
  generation: number;
  loading: boolean;
  error: string | null;
  /** Prospect ids the rep ticked; later features (enroll in a sequence) act on this. */
  selected: number[];
  openId: number | null;
  facets: ResponseOf<'prospects.facets'> | null;
  view: 'all' | 'issues' | 'imports';
}

export const initialQuery: ProspectQuery = { search: '', tagId: null, importId: null, status: null, timeZone: null, sort: 'created', dir: 'desc' };

export const initialProspectsState: ProspectsState = {
  query: initialQuery,
  total: null,
  pages: {},
  generation: 0,
  loading: false,
  error: null,
  selected: [],
  openId: null,
  facets: null,
  view: 'all',
};
