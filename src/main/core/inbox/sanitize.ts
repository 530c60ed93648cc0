// Email HTML made safe to show: no scripts, styles that escape, or remote images (they would tell the sender we looked).
import sanitizeHtml from 'sanitize-html';

export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'span', 'font', 'center'],
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'width', 'height'],
      '*': ['dir', 'align'],
      td: ['colspan', 'rowspan', 'align', 'valign'],
      th: ['colspan', 'rowspan', 'align', 'valign'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['data'] },
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } }),
      img: (tagName, attribs) =>
        /^data:image\/(png|gif|jpe?g|webp);/i.test(attribs.src ?? '')
          ? { tagName, attribs }
          : { tagName: 'span', attribs: { class: 'blocked-image', title: 'Remote image blocked' }, text: attribs.alt ? `[image: ${attribs.alt}]` : '[image blocked]' },
    },
    allowedClasses: { span: ['blocked-image'] },
  });
}

export function snippetOf(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
