// The elements of a small XML document (a workbook's sheet list, its relationships, its styles), read with saxen.
import { Parser } from 'saxen';

/** Calls onElement for every element of the document, prefix (Strict Open XML's x:sheet) removed; throws on bad XML. */
export function readElements(xml: string, onElement: (name: string, attrs: Record<string, string>) => void): void {
  let failure: Error | null = null;
  const parser = new Parser();
  parser.on('error', (err: Error) => {
    failure ??= err;
  });
  parser.on('openTag', (element: string, attrs: () => Record<string, string>, decode: (s: string) => string) => {
    const raw = attrs();
    const decoded: Record<string, string> = {};
    // Attribute prefixes go too: the relationship id is r:id in one file and another prefix in the next.
    for (const [k, v] of Object.entries(raw)) decoded[k.slice(k.indexOf(':') + 1)] = decode(v);
    onElement(element.slice(element.indexOf(':') + 1), decoded);
  });
  parser.parse(xml);
  if (failure) throw failure;
}
