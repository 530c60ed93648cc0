// Types for the part of saxen (a SAX XML parser, shipped without types) that readXlsx.ts uses.
declare module 'saxen' {
  export class Parser {
    constructor(options?: { proxy?: boolean });
    on(event: 'openTag', cb: (elementName: string, attrs: () => Record<string, string>, decodeEntities: (s: string) => string, selfClosing: boolean) => void): this;
    on(event: 'error', cb: (err: Error) => void): this;
    parse(xml: string): this;
  }
}
