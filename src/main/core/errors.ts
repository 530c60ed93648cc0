// Errors core raises on purpose: each carries an API error code and a message a rep can act on.
import type { ApiErrorCode, ApiIssue } from '../../shared/contract';

export class UserError extends Error {
  constructor(
    readonly code: Exclude<ApiErrorCode, 'internal' | 'unknown_method'>,
    message: string,
    readonly issues?: ApiIssue[],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const notFound = (what: string) => new UserError('not_found', `${what} was not found. It may have been deleted.`);
