/**
 * Article extraction: the body, title and metadata of one news page, with Readability over
 * jsdom, our own removal of the boilerplate Readability leaves behind, and a fallback to the
 * feed's own content whenever the page cannot be trusted. Never throws for bad HTML.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { ExtractedArticle } from '../types.ts';
import { cleanBodyBlocks, cleanContentNode, prepareDocument } from './clean-content.ts';
import { ArticleExtractionError } from './errors.ts';
import { htmlToText, nodeToText } from './html-to-text.ts';
import type { PageMetadata } from './metadata.ts';
import { cleanByline, normaliseDate, normaliseLanguage, readPageMetadata } from './metadata.ts';

// The plain-text path lives beside the page path; callers import both from here.
export { articleFromText } from './text-article.ts';

/** What the feed said about the item, used for metadata and as the fallback body. */
export interface FeedItemHint {
  title?: string;
  content?: string;
  summary?: string;
  publishedAt?: string | null;
  author?: string | null;
}

/** Options of {@link extractArticle}. */
export interface ExtractArticleOptions {
  /** The page's absolute URL: relative links and the canonical URL resolve against it. */
  url: string;
  feedItem?: FeedItemHint;
}

/** A body shorter than this (in characters) is "almost no text": the feed may have more. */
export const MIN_BODY_CHARS = 250;

/**
 * A page that declares itself paywalled (`isAccessibleForFree: false`) but yields at least
 * this much text was served in full (news sites do so for crawlers) and is kept.
 */
export const PAYWALL_TEASER_CHARS = 2000;

/**
 * Thresholds for `isProbablyReaderable`. Its defaults (140 characters, score 20) rejected 4 of
 * 92 real articles in the tuning set (BBC, JPost among them); these reject 1, and still
 * reject index and video pages, which have no run of long paragraphs.
 */
const READERABLE_OPTIONS = { minContentLength: 100, minScore: 10 };

const PAYWALL_TEXT_RE =
  /\b(subscribe (now )?to (continue|keep) reading|to continue reading,? (please )?(subscribe|log ?in|sign ?in)|this (article|content|story) is (only )?(available|reserved) (to|for) (subscribers|members)|already a subscriber\?|you have reached your (free )?article limit|become a (member|subscriber) to (read|continue))\b/i;

const INLINE_STYLE_RE = /\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)/gi;

/**
 * Bounds on the markup handed to jsdom and Readability. Readability's clean-up walks each
 * element's subtree, so its time grows with depth times size: 1,000 nested `<div>`s took a
 * minute, 140 levels around 24,000 elements 73 s, and a 14 MB page used most of a gigabyte.
 * `weight` is the sum of every element's depth, which is what that clean-up's time follows. The
 * 136 real news pages of the extraction benchmark nest at most 51 deep, hold at most 1,477
 * elements, weigh at most 23,801 and are 207 KB once scripts and styles are stripped; these
 * limits leave about ten times that, and keep the worst page they admit near 5 s and 324 MB
 * peak RSS here (2 MB of markup in 12,000 paragraphs), inside the page function's 1,024 MB.
 */
export const MARKUP_LIMITS = { depth: 150, elements: 15_000, weight: 250_000, chars: 2_000_000 };

/** Tags whose end tag the HTML parser supplies itself, or that have none: they add no depth. */
const NO_DEPTH_TAGS = new Set(
  (
    'area base br col embed hr img input link meta param source track wbr ' +
    'p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp html head body'
  ).split(' '),
);

const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;

/** Why markup is too costly to parse, or null: a linear scan of its tags, no DOM built. */
export function markupTooCostly(html: string): string | null {
  if (html.length > MARKUP_LIMITS.chars) {
    return `page-too-large: ${html.length} characters of markup (limit ${MARKUP_LIMITS.chars})`;
  }
  let depth = 0;
  let elements = 0;
  let weight = 0;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(html); m !== null; m = TAG_RE.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      if (!NO_DEPTH_TAGS.has(name) && depth > 0) depth--;
      continue;
    }
    if (++elements > MARKUP_LIMITS.elements) {
      return `page-too-complex: more than ${MARKUP_LIMITS.elements} elements`;
    }
    weight += depth + 1;
    if (weight > MARKUP_LIMITS.weight) {
      return `page-too-complex: elements too many and too deep (weight over ${MARKUP_LIMITS.weight})`;
    }
    if (m[3] || NO_DEPTH_TAGS.has(name)) continue;
    if (++depth > MARKUP_LIMITS.depth) {
      return `page-too-complex: elements nested more than ${MARKUP_LIMITS.depth} deep`;
    }
  }
  return null;
}

interface PageResult {
  metadata: PageMetadata;
  readerable: boolean;
  title: string;
  byline: string | null;
  text: string;
  paywalled: boolean;
}

/** A console that swallows everything, jsdom's CSS/JS errors included, so bad pages stay quiet. */
function silentConsole(): VirtualConsole {
  const vc = new VirtualConsole();
  vc.on('jsdomError', () => {});
  return vc;
}

const OPEN_RE = /<(script|style|noscript|iframe|template|svg)\b([^>]*)>|<!--/gi;

/**
 * Removes what is never article text and only costs time or breaks jsdom: executable scripts
 * (JSON-LD stays, it is data), style sheets (jsdom's CSS parser throws on `calc($x)`),
 * `<noscript>` duplicates, frames, inline SVG icons and comments.
 *
 * One pass with `indexOf` for each closing tag, so the work stays linear: a lazy regex over
 * `<!--[\s\S]*?-->` rescans to the end of the page for every unclosed opener, which took
 * seconds on a few hundred kilobytes of them. An element or comment left unclosed runs to the
 * end of the page, as a browser reads it.
 */
export function stripNonContent(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let copied = 0;
  OPEN_RE.lastIndex = 0;
  for (let m = OPEN_RE.exec(html); m; m = OPEN_RE.exec(html)) {
    const start = m.index;
    let end: number;
    if (m[0] === '<!--') {
      const close = html.indexOf('-->', start + 4);
      end = close < 0 ? html.length : close + 3;
    } else {
      const tag = m[1]!.toLowerCase();
      const close = lower.indexOf(`</${tag}`, start + m[0].length);
      const closeEnd = close < 0 ? -1 : lower.indexOf('>', close);
      end = close < 0 ? html.length : closeEnd < 0 ? html.length : closeEnd + 1;
      if (tag === 'script' && /type\s*=\s*["']?application\/ld\+json/i.test(m[2] ?? '')) {
        OPEN_RE.lastIndex = end;
        continue;
      }
    }
    out.push(html.slice(copied, start));
    copied = end;
    OPEN_RE.lastIndex = end;
  }
  out.push(html.slice(copied));
  return out.join('');
}

/** Picks the cleaner of Readability's title and the page's own headlines (no " | Site"). */
function chooseTitle(readabilityTitle: string, metadata: PageMetadata): string {
  const rt = readabilityTitle.replace(/\s+/g, ' ').trim();
  if (!rt) return metadata.title ?? '';
  for (const c of metadata.titleCandidates) {
    if (c === rt) return rt;
    if (c.length >= 10 && rt.length > c.length) {
      if (rt.startsWith(c) && /^\s*[|\-–—:·•»/]\s*\S/.test(rt.slice(c.length))) return c;
      if (rt.endsWith(c) && /\S\s*[|\-–—:·•«/]\s*$/.test(rt.slice(0, rt.length - c.length))) {
        return c;
      }
    }
  }
  return rt;
}

/** Parses and extracts one page; throws only when jsdom itself cannot build the document. */
function parsePage(html: string, url: string): PageResult {
  const dom = new JSDOM(html, { url, virtualConsole: silentConsole() });
  try {
    const doc = dom.window.document;
    // Read before Readability, which rewrites the document it parses.
    const metadata = readPageMetadata(doc, url);
    const readerable = isProbablyReaderable(doc, READERABLE_OPTIONS);
    prepareDocument(doc);
    const parsed = new Readability<Node>(doc, {
      keepClasses: true,
      serializer: (node) => node,
    }).parse();
    const title = chooseTitle(parsed?.title ?? '', metadata);
    const byline = cleanByline(parsed?.byline) ?? metadata.byline;
    let text = '';
    let paywallText = false;
    if (parsed?.content) {
      const content = parsed.content as Element;
      paywallText = PAYWALL_TEXT_RE.test(content.textContent ?? '');
      cleanContentNode(content);
      text = cleanBodyBlocks(nodeToText(content), { title, byline }).join('\n\n');
    }
    const paywalled = paywallText || (metadata.paywalled && text.length < PAYWALL_TEASER_CHARS);
    return { metadata, readerable, title, byline, text, paywalled };
  } finally {
    dom.window.close();
  }
}

function feedBody(feedItem: FeedItemHint | undefined): string {
  if (!feedItem) return '';
  const content = htmlToText(feedItem.content ?? '');
  const summary = htmlToText(feedItem.summary ?? '');
  return content.length >= summary.length ? content : summary;
}

function oneLine(text: string | null | undefined): string {
  return htmlToText(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Language and canonical URL by pattern, for pages the DOM library could not parse. */
function regexMetadata(html: string, url: string) {
  const lang = /<html\b[^>]*\slang\s*=\s*["']?([\w-]+)/i.exec(html)?.[1];
  const href =
    /<link\b(?=[^>]*\brel\s*=\s*["']?canonical\b)[^>]*\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(
      html,
    )?.[1];
  let canonicalUrl: string | null = null;
  try {
    canonicalUrl = href ? new URL(href, url).href : null;
  } catch {
    canonicalUrl = null;
  }
  return { language: normaliseLanguage(lang), canonicalUrl };
}

function validate(html: unknown, opts: unknown): asserts opts is ExtractArticleOptions {
  if (typeof html !== 'string') {
    throw new ArticleExtractionError(`extractArticle: html must be a string, got ${typeof html}`);
  }
  const url = (opts as Partial<ExtractArticleOptions> | undefined)?.url;
  let protocol: string;
  try {
    protocol = new URL(String(url)).protocol;
  } catch (cause) {
    throw new ArticleExtractionError(`extractArticle: opts.url is not an absolute URL: ${url}`, {
      cause,
    });
  }
  if (!['http:', 'https:', 'file:'].includes(protocol)) {
    throw new ArticleExtractionError(`extractArticle: unsupported URL scheme ${protocol}`);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Extracts one page's article. Falls back to the feed item's content (`source: 'feed'`, with
 * `fallbackReason`) when the page breaks the DOM library, is not readerable, yields almost no
 * text or is paywalled, because a feed summary is a better input for figure extraction than
 * navigation text or a teaser; with no feed content either, it returns the best the page gave,
 * still with `fallbackReason`. Throws {@link ArticleExtractionError} only for programmer errors
 * (html not a string, URL not absolute).
 */
export async function extractArticle(
  html: string,
  opts: ExtractArticleOptions,
): Promise<ExtractedArticle> {
  validate(html, opts);
  try {
    return extractNow(html, opts);
  } finally {
    // One event-loop turn per page lets jsdom's closed window be collected: back to back with
    // no turn in between, closed windows stayed alive (3.2 GB peak over 181 pages).
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function extractNow(html: string, { url, feedItem }: ExtractArticleOptions): ExtractedArticle {
  const fromFeed = feedBody(feedItem);
  const feed = {
    title: oneLine(feedItem?.title),
    byline: cleanByline(oneLine(feedItem?.author)),
    publishedAt: normaliseDate(feedItem?.publishedAt),
  };
  const cleaned = stripNonContent(html);
  const tooCostly = markupTooCostly(cleaned);
  if (tooCostly) {
    // Reading it would stall the poll (and, in AWS, time the Lambda out on the same item at
    // every poll): the feed's own text stands in, as for a page that is not readerable.
    return {
      ...feed,
      text: fromFeed,
      ...regexMetadata(cleaned.slice(0, 200_000), url),
      source: 'feed',
      fallbackReason: fromFeed ? tooCostly : `${tooCostly}; no feed content`,
    };
  }

  let page: PageResult;
  let domError: string | undefined;
  try {
    page = parsePage(cleaned, url);
  } catch (error) {
    domError = `dom-error: ${errorMessage(error)}`;
    if (fromFeed) {
      return {
        ...feed,
        text: fromFeed,
        ...regexMetadata(cleaned, url),
        source: 'feed',
        fallbackReason: domError,
      };
    }
    // No feed content: the best we have is the page without inline styles, which is where
    // the CSS that breaks jsdom lives once style sheets are stripped.
    try {
      page = parsePage(cleaned.replace(INLINE_STYLE_RE, ''), url);
    } catch (retryError) {
      return {
        ...feed,
        text: '',
        ...regexMetadata(cleaned, url),
        source: 'feed',
        fallbackReason: `${domError}; retry without inline styles: ${errorMessage(retryError)}; no feed content`,
      };
    }
  }

  const fromPage: ExtractedArticle = {
    title: page.title || feed.title,
    byline: page.byline ?? feed.byline,
    text: page.text,
    publishedAt: feed.publishedAt ?? page.metadata.publishedAt,
    language: page.metadata.language,
    canonicalUrl: page.metadata.canonicalUrl,
    source: 'readability',
  };
  if (domError) {
    return { ...fromPage, fallbackReason: `${domError}; re-parsed without inline styles` };
  }

  let reason: string | undefined;
  if (!page.readerable) reason = 'not-readerable';
  else if (page.paywalled) reason = 'paywalled';
  else if (page.text.length < MIN_BODY_CHARS) reason = 'too-little-text';
  if (!reason) return fromPage;

  const feedIsBetter =
    fromFeed.length > 0 && (reason !== 'too-little-text' || fromFeed.length > page.text.length);
  if (feedIsBetter) {
    return {
      ...fromPage,
      title: feed.title || page.title,
      byline: feed.byline ?? page.byline,
      text: fromFeed,
      source: 'feed',
      fallbackReason: reason,
    };
  }
  return { ...fromPage, fallbackReason: `${reason}; no better feed content` };
}
