/**
 * Plain text from the `rendering-xhtml` extension. The markup is never rendered: tags are dropped (with their content
 * for script, style and similar), block elements become line breaks and character references are decoded. The scan
 * is linear so hostile markup cannot stall the page.
 */
const MAX_INPUT = 100_000;

const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'head',
  'title',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'noscript',
  'textarea',
  'select',
]);

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  le: '≤',
  ge: '≥',
  ne: '≠',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  micro: 'µ',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  ccedil: 'ç',
  iexcl: '¡',
  iquest: '¿',
  euro: '€',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      const invalid = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
      return invalid ? '\uFFFD' : String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function tidy(text: string): string {
  return (
    text
      // Control characters other than line breaks and tabs have no place in a label.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
      .split('\n')
      .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n')
  );
}

export function xhtmlToText(xhtml: string): string {
  const html = xhtml.length > MAX_INPUT ? xhtml.slice(0, MAX_INPUT) : xhtml;
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) {
      // No tag can close any more: the rest is text (a stray `<` included).
      out += html.slice(lt);
      break;
    }
    const tag = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 80)));
    if (!tag) {
      // `<!DOCTYPE`, `<?xml`, `<![CDATA[` and other non-element markup: drop the construct, keep nothing of it.
      i = gt + 1;
      continue;
    }
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase().replace(/^.*:/, '');
    i = gt + 1;
    if (!closing && DROPPED_WITH_CONTENT.has(name) && !html.slice(lt, gt).endsWith('/')) {
      const close = new RegExp(`<\\s*/\\s*(?:[a-zA-Z0-9-]+:)?${name}\\s*>`, 'gi');
      close.lastIndex = i;
      const match = close.exec(html);
      if (!match) break;
      i = match.index + match[0].length;
      continue;
    }
    if (BLOCK.has(name)) out += '\n';
    else if (name === 'td' || name === 'th') out += ' ';
  }
  return tidy(decodeEntities(out));
}
