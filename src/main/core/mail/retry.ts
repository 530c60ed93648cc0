// When to try again after a provider error: honours Retry-After, backs off exponentially with jitter, and knows when to stop.
import type { ProviderError } from './errors';

export interface RetryPolicy {
  /** Attempts after which a send stays in the queue with its reason instead of retrying. */
  maxAttempts: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** 0..1; spreads retries so a burst of failures does not retry in a burst. */
  jitter?: number;
  random?: () => number;
}

export const sendRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 60 * 60_000, jitter: 0.2 };

/** The delay before attempt `attempt + 1`, or null when the error is not worth retrying (or attempts ran out). */
export function nextRetryDelay(error: ProviderError, attempt: number, policy: RetryPolicy = sendRetryPolicy): number | null {
  if (error.kind === 'permanent' || error.kind === 'auth') return null;
  if (attempt >= policy.maxAttempts) return null;
  const base = policy.baseDelayMs ?? 60_000;
  const max = policy.maxDelayMs ?? 60 * 60_000;
  const exponential = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  const jitter = policy.jitter ?? 0;
  const spread = jitter ? exponential * jitter * ((policy.random ?? Math.random)() * 2 - 1) : 0;
  const delay = Math.round(exponential + spread);
  // Retry-After is a floor: Google said not before then.
  return Math.min(Math.max(delay, error.retryAfterMs ?? 0), Math.max(max, error.retryAfterMs ?? 0));
}
