// Building blocks of the API contract: a method is a pair of zod schemas, a result is a value.
import { z } from 'zod';

export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

export function method<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): MethodSpec<Req, Res> {
  return { request, response };
}

export const empty = z.object({}).strict();

export const apiErrorCodes = ['invalid_request', 'unknown_method', 'not_found', 'conflict', 'unavailable', 'internal'] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export interface ApiIssue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  issues?: ApiIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
