// The API layer: the contract implemented over core, independent of any transport.
import type { Core } from '../core/createCore';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';

export type { Dispatch } from './dispatch';

export function createApi(core: Core): Dispatch {
  return createDispatch(createHandlers(core), core.deps.log);
}
