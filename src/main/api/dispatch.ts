// The one entry point both transports use: validate, run the handler, return a value (never throw).
import { isMethodName, methods, type ApiResult, type MethodName } from '../../shared/contract';
import { UserError } from '../core/errors';
import type { Log } from '../core/log';
import type { Handlers } from './handlers';

export type Dispatch = (method: unknown, request: unknown) => Promise<ApiResult<unknown>>;

export function createDispatch(handlers: Handlers, log: Log): Dispatch {
  return async (name, request) => {
    if (!isMethodName(name)) {
      return { ok: false, error: { code: 'unknown_method', message: `There is no API method called ${typeof name === 'string' ? name.slice(0, 80) : typeof name}.` } };
    }
    const spec = methods[name];
    const parsed = spec.request.safeParse(request ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_request',
          message: `The request to ${name} was not valid; nothing was changed.`,
          issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        },
      };
    }
    try {
      const handler = handlers[name] as (req: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: checkResponse(name, value) };
    } catch (err) {
      if (err instanceof UserError) {
        return { ok: false, error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
      }
      log.error(`API method ${name} failed`, { error: err instanceof Error ? err.stack : String(err) });
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Repdesk. Nothing was lost; try again.' } };
    }
  };
}

function checkResponse(name: MethodName, value: unknown): unknown {
  // A response that breaks the contract is a bug on our side: fail loudly rather than confuse the UI.
  const parsed = methods[name].response.safeParse(value);
  if (!parsed.success) throw new Error(`Response of ${name} breaks the contract: ${parsed.error.message}`);
  return parsed.data;
}
