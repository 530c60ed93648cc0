// The renderer's typed proxy of the API contract; the only way UI code talks to the main process.
import type { ApiError, EventName, EventPayload, MethodName, RequestOf, ResponseOf } from '../../../shared/contract';
import type { Transport } from './transport';

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export interface Client {
  readonly transport: Transport['kind'];
  call<M extends MethodName>(method: M, ...request: {} extends RequestOf<M> ? [RequestOf<M>?] : [RequestOf<M>]): Promise<ResponseOf<M>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): Client {
  return {
    transport: transport.kind,
    async call(method, ...request) {
      const result = await transport.call(method, request[0] ?? {});
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as never;
    },
    on(name, listener) {
      return transport.subscribe((event, payload) => {
        if (event === name) listener(payload as never);
      });
    },
  };
}

let current: Client | null = null;

export function setClient(client: Client): void {
  current = client;
}

export function api(): Client {
  if (!current) throw new Error('The API client is not set up');
  return current;
}
