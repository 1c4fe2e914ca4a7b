import type { SurveyTextToken } from './types.js';

/** Links a patient may follow from a form: web pages and e-mail. Anything else (`javascript:`, `data:`) is text. */
const SAFE_LINK = /^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+)$/i;
const MAX_MARKDOWN = 20_000;

/**
 * `rendering-markdown` as tokens a renderer can show without ever creating HTML from it: paragraphs (as breaks),
 * `**strong**`, `*em*` / `_em_`, `` `code` `` and `[links](https://...)`. Headings, lists and quotes lose their
 * markers and keep their text; raw HTML is shown as the text it is; a link to any other scheme stays text.
 */
export function markdownTokens(markdown: string): SurveyTextToken[] {
  const tokens: SurveyTextToken[] = [];
  const push = (token: SurveyTextToken) => {
    const last = tokens[tokens.length - 1];
    if (token.kind === 'text' && last?.kind === 'text') last.text += token.text;
    else if (token.kind !== 'text' || token.text !== '') tokens.push(token);
  };
  const lines = markdown.slice(0, MAX_MARKDOWN).replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const line = raw.replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+)/, '').trimEnd();
    if (index > 0) {
      if (line === '' && tokens[tokens.length - 1]?.kind !== 'break') push({ kind: 'break' });
      else if (line !== '') push({ kind: 'text', text: ' ' });
    }
    inline(line, push);
  });
  while (tokens[tokens.length - 1]?.kind === 'break') tokens.pop();
  if (tokens[0]?.kind === 'text')
    (tokens[0] as { text: string }).text = (tokens[0] as { text: string }).text.trimStart();
  return tokens;
}

const INLINE =
  /\[([^\]]{1,500})\]\(([^)\s]{1,2000})\)|\*\*([^*]{1,2000})\*\*|__([^_]{1,2000})__|\*([^*\s][^*]{0,2000})\*|_([^_\s][^_]{0,2000})_|`([^`]{1,2000})`/g;

function inline(line: string, push: (token: SurveyTextToken) => void): void {
  let at = 0;
  for (const match of line.matchAll(INLINE)) {
    push({ kind: 'text', text: unescapeText(line.slice(at, match.index)) });
    const [whole, linkText, href, strong, strong2, em, em2, code] = match;
    if (linkText !== undefined && href !== undefined) {
      if (SAFE_LINK.test(href)) push({ kind: 'link', text: unescapeText(linkText), href });
      else push({ kind: 'text', text: unescapeText(linkText) });
    } else if (strong !== undefined || strong2 !== undefined)
      push({ kind: 'strong', text: unescapeText(strong ?? strong2 ?? '') });
    else if (em !== undefined || em2 !== undefined) push({ kind: 'em', text: unescapeText(em ?? em2 ?? '') });
    else if (code !== undefined) push({ kind: 'code', text: code });
    else push({ kind: 'text', text: whole });
    at = (match.index ?? 0) + whole.length;
  }
  push({ kind: 'text', text: unescapeText(line.slice(at)) });
}

function unescapeText(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}
