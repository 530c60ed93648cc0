// How a provider failure is told to the engine: what happened, and what to do about it.
export type ProviderErrorKind =
  /** The sign-in expired or was revoked (invalid_grant): the mailbox needs reconnecting; sends pause. */
  | 'auth'
  /** Too many requests (429, 403 rateLimitExceeded): retry after retryAfterMs. */
  | 'rate_limited'
  /** 5xx, network failure, timeout: retry with backoff. */
  | 'transient'
  /** The request can never succeed as is (invalid recipient, message too large): keep it in the queue with the reason. */
  | 'permanent';

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
