// The harness's per-launch token: how a request proves it came from the page we served.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookie = 'repdesk_token';
export const tokenHeader = 'x-repdesk-token';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameToken(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === tokenCookie) return rest.join('=');
  }
  return null;
}

/** Rejects DNS-rebinding: the Host header must name the loopback address we listen on. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
