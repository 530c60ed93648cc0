// The one Content-Security-Policy for the window: index.html's meta tag and the harness header must agree.
const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

/** As written in index.html's meta tag. */
export const metaContentSecurityPolicy = directives.join('; ');

/** As sent by the harness: frame-ancestors only works as a header. */
export const contentSecurityPolicy = [...directives, "frame-ancestors 'none'"].join('; ');
