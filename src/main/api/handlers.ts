// Maps every contract method to core. Each handler gets a request already validated by dispatch.
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import type { Core } from '../core/createCore';
import { appHandlers } from './handlers/app';
import { mailboxHandlers } from './handlers/mailboxes';
import { engineHandlers } from './handlers/engine';
import { enrollmentHandlers } from './handlers/enrollments';
import { queueHandlers } from './handlers/queue';
import { sequenceHandlers } from './handlers/sequences';
import { importHandlers } from './handlers/imports';
import { prospectHandlers } from './handlers/prospects';
import { settingsHandlers } from './handlers/settings';

export type Handler<M extends MethodName> = (request: RequestOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type HandlerGroup<K extends MethodName> = { [M in K]: Handler<M> };

export function createHandlers(core: Core): Handlers {
  return {
    ...appHandlers(core),
    ...settingsHandlers(core),
    ...mailboxHandlers(core),
    ...sequenceHandlers(core),
    ...enrollmentHandlers(core),
    ...engineHandlers(core),
    ...importHandlers(core),
    ...prospectHandlers(core),
    ...queueHandlers(core),
  };
}
