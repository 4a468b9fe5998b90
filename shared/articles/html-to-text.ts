/**
 * HTML to readable plain text with a break at every block boundary. `textContent` glues blocks
 * together ("wants.Opinion"), which breaks sentence splitting downstream and costs extraction
 * score, so both the article body and feed content go through here instead.
 */
import { JSDOM } from 'jsdom';

/** Elements whose start and end separate paragraphs. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'ul',
]);

/** Elements whose content is never prose. */
const SKIP_TAGS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'select',
  'option',
  'button',
  'textarea',
  'input',
]);

const CELL_TAGS = new Set(['td', 'th']);

/** Collapses HTML whitespace (not NBSP-as-content, which becomes a plain space too). */
function collapse(text: string): string {
  return text
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .replace(/\u00ad/g, '')
    .trim();
}

/**
 * Walks a DOM subtree and returns its text: blocks separated by a blank line, `<br>` as a
 * single newline, table cells separated by a space. Exported for the extractor, which converts
 * Readability's content node without serialising and re-parsing it.
 */
export function nodeToText(root: Node): string {
  const blocks: string[] = [];
  let lines: string[] = [];
  let line = '';

  const endLine = (): void => {
    const t = collapse(line);
    if (t) lines.push(t);
    line = '';
  };
  const endBlock = (): void => {
    endLine();
    if (lines.length > 0) blocks.push(lines.join('\n'));
    lines = [];
  };

  const walk = (node: Node, inPre: boolean): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 /* TEXT_NODE */) {
        const data = (child as Text).data;
        if (inPre && data.includes('\n')) {
          const parts = data.split('\n');
          parts.forEach((part, i) => {
            if (i > 0) endLine();
            line += part;
          });
        } else {
          line += data;
        }
        continue;
      }
      if (child.nodeType !== 1 /* ELEMENT_NODE */) continue;
      const el = child as Element;
      const tag = el.localName;
      if (SKIP_TAGS.has(tag)) continue;
      if (tag === 'br') {
        endLine();
      } else if (tag === 'tr') {
        endLine();
        walk(el, inPre);
        endLine();
      } else if (BLOCK_TAGS.has(tag)) {
        endBlock();
        walk(el, inPre || tag === 'pre');
        endBlock();
      } else if (CELL_TAGS.has(tag)) {
        line += ' ';
        walk(el, inPre);
        line += ' ';
      } else {
        walk(el, inPre);
      }
    }
  };

  walk(root, false);
  endBlock();
  return blocks.join('\n\n');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  middot: '·',
  bull: '•',
  euro: '€',
  pound: '£',
  deg: '°',
};

/** Decodes character references for the regex fallback (the DOM path decodes all of them). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Plain text (no tags): keep its paragraph breaks, tidy the whitespace. */
function normalisePlainText(text: string): string {
  return decodeEntities(text)
    .split(/\r?\n\s*\r?\n/)
    .map((para) => para.split(/\r?\n/).map(collapse).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

const BLOCK_TAG_RE = new RegExp(`<\\/?(?:${[...BLOCK_TAGS].join('|')})\\b[^>]*>`, 'gi');

/** Last resort when even a fragment parse fails: strip tags by pattern, never throw. */
function regexHtmlToText(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|iframe|svg|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(BLOCK_TAG_RE, '\n\n')
    .replace(/<[^>]*>/g, ' ');
  return normalisePlainText(stripped);
}

/**
 * Converts an HTML fragment (typically a feed item's `content` or `summary`) to plain text with
 * paragraph breaks. Parsed as an inert `<template>` fragment, so scripts never run and nothing is
 * fetched; text without any tags keeps its own line breaks. Never throws.
 */
export function htmlToText(html: string): string {
  if (!html) return '';
  if (!/<[a-z!/]/i.test(html)) return normalisePlainText(html);
  try {
    // Inline styles carry no text, and jsdom's CSS parser throws on some of them (`calc($x)`).
    const safe = html.replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)/gi, '');
    return nodeToText(JSDOM.fragment(safe)).trim();
  } catch {
    return regexHtmlToText(html);
  }
}
