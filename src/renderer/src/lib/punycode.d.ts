// Types for the part of punycode.js (shipped without types) that displayEmail.ts uses. Its ES module file is named
// outright: a bare 'punycode' would be Node's deprecated built-in module wherever Node resolves it.
declare module 'punycode/punycode.es6.js' {
  /** A domain with its xn-- labels in their letters; other labels as they are. Throws RangeError on a broken label. */
  export function toUnicode(domain: string): string;
}
