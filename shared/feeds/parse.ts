import Parser from 'rss-parser';
import { FetchError } from '../errors.ts';

/** One entry of a feed, format-independent. */
export interface FeedItem {
  guid: string | null;
  link: string | null;
  title: string;
  publishedAt: string | null;
  author: string | null;
  /** Full content (`content:encoded`, Atom content, JSON Feed content_html), HTML. */
  content: string | null;
  /** Short description or summary, HTML or text. */
  summary: string | null;
}

/** A parsed feed: its title, the `<ttl>` it asks for, and its items in feed order. */
export interface ParsedFeed {
  title: string | null;
  ttlMinutes: number | null;
  items: FeedItem[];
  /**
   * The document was cut off and only its complete items were read: the poller keeps its old
   * validators, so the rest is fetched again next time instead of hiding behind a 304.
   */
  truncated?: boolean;
}

type RawItem = Parser.Item & {
  'content:encoded'?: string;
  'dc:creator'?: string;
  author?: string;
  id?: string;
};

/**
 * A fresh parser for every document. One shared rss-parser instance (one xml2js parser) carries
 * state from a failed parse into the next: after a sax error, the aborted parse marks the new
 * parser as ended, and the next document without a root element (a feed body that is only
 * `<?xml version="1.0"?>`) never calls back, so its poll waited forever.
 */
const newParser = () =>
  new Parser<{ ttl?: string }, RawItem>({
    customFields: { feed: ['ttl'], item: ['content:encoded', 'dc:creator', 'author', 'id'] },
    // An `<rss>` with no `version` (or one rss-parser does not know) is read as RSS 2.0, as
    // every feed reader reads it.
    defaultRSS: 2,
  });

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const HTML_ENTITIES: Record<string, number> = {
  nbsp: 160,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  ldquo: 8220,
  rdquo: 8221,
  hellip: 8230,
  laquo: 171,
  raquo: 187,
  copy: 169,
  reg: 174,
  trade: 8482,
  eacute: 233,
  egrave: 232,
  agrave: 224,
  ouml: 246,
  uuml: 252,
  auml: 228,
  szlig: 223,
  middot: 183,
  bull: 8226,
  euro: 8364,
  pound: 163,
  deg: 176,
  times: 215,
  shy: 173,
  thinsp: 8201,
  ensp: 8194,
  emsp: 8195,
};

/**
 * Repairs what feeds in the wild get wrong and a browser forgives: text before `<?xml`, stray
 * control characters, HTML named entities that XML does not define, and bare ampersands.
 */
export function repairXml(xml: string): string {
  let text = xml.replace(/^\uFEFF/, '').replace(/^\s+(?=<)/, '');
  text = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
  text = text.replace(/&([a-zA-Z][a-zA-Z0-9]*);/g, (whole, name: string) => {
    if (XML_ENTITIES.has(name)) return whole;
    const code = HTML_ENTITIES[name.toLowerCase()];
    return code ? `&#${code};` : `&amp;${name};`;
  });
  // A character reference to a control character (`&#27;`) is as fatal to the XML parser as
  // the character itself: drop it and keep the feed.
  text = text.replace(/&#(?:(\d+)|[xX]([0-9a-fA-F]+));/g, (whole, dec?: string, hex?: string) =>
    isXmlChar(dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16)) ? whole : '',
  );
  return text.replace(/&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;');
}

/** Whether XML 1.0 allows a character (its `Char` production). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object' && '_' in value) return text((value as { _: unknown })._);
  return null;
}

function isoDate(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJsonFeed(body: string): ParsedFeed {
  let data: {
    version?: string;
    title?: string;
    items?: Record<string, unknown>[];
  };
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new FetchError('not_a_feed', 'JSON that is not a JSON Feed', { cause: error });
  }
  // `version` is checked as a string: `String()` of `{"toString": null}` throws a TypeError.
  const version: unknown = data?.version;
  if (
    typeof version !== 'string' ||
    !version.includes('jsonfeed.org') ||
    !Array.isArray(data.items)
  ) {
    throw new FetchError('not_a_feed', 'JSON that is not a JSON Feed');
  }
  return {
    title: text(data.title),
    ttlMinutes: null,
    // An item that is not an object (`null`, a number) is skipped, not a TypeError for the poll.
    items: data.items.filter(isRecord).map((item) => {
      const authors = item.authors as { name?: string }[] | undefined;
      return {
        guid: text(item.id),
        link: text(item.url) ?? text(item.external_url),
        title: text(item.title) ?? '',
        publishedAt: isoDate(item.date_published) ?? isoDate(item.date_modified),
        author: text(authors?.[0]?.name) ?? text((item.author as { name?: string })?.name),
        content: text(item.content_html) ?? text(item.content_text),
        summary: text(item.summary),
      };
    }),
  };
}

type RssOutput = Parser.Output<RawItem> & { ttl?: string };

/**
 * One token of an XML document, as far as nesting goes: a start tag (`open`, `selfClosing`), an
 * end tag, or anything that does not nest (text, comment, CDATA, processing instruction,
 * doctype).
 */
const XML_TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>|<\/([^\s>/]+)\s*>|<([^\s>/!?]+)(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*(\/?)>|[^<]+/y;

/** Local name of a tag (`rss:item` → `item`), lower-cased. */
const localName = (tag: string) => tag.slice(tag.indexOf(':') + 1).toLowerCase();

/**
 * A document cut off before its end (the connection closed mid-item, the closing tags never
 * written) made well formed again: kept up to its last complete item or entry, then every element
 * still open there closed. Only a cut is repaired: a document whose tags cross (`<b>` closed by
 * `</title>`) or that ends with every element closed is left as it is, since what it means is
 * anyone's guess. Returns null when there is nothing to recover.
 */
export function closeTruncated(xml: string): string | null {
  const stack: string[] = [];
  let lastItemEnd = -1;
  let stackAtItemEnd: string[] = [];
  XML_TOKEN.lastIndex = 0;
  let at = 0;
  while (at < xml.length) {
    XML_TOKEN.lastIndex = at;
    const match = XML_TOKEN.exec(xml);
    if (!match) {
      // An unreadable `<` is the cut when no tag starts after it, or when it opens a comment or
      // CDATA section that never ends.
      if (!/^<!(?:--|\[CDATA\[)/.test(xml.slice(at, at + 9)) && xml.indexOf('<', at + 1) !== -1) {
        return null;
      }
      break;
    }
    at = XML_TOKEN.lastIndex;
    const [, closing, opening, selfClosing] = match;
    if (closing !== undefined) {
      if (stack.pop() !== closing) return null;
      const name = localName(closing);
      if (name === 'item' || name === 'entry') {
        lastItemEnd = at;
        stackAtItemEnd = [...stack];
      }
    } else if (opening !== undefined && !selfClosing) {
      stack.push(opening);
    }
  }
  if (lastItemEnd < 0 || (stack.length === 0 && at >= xml.length)) return null;
  return `${xml.slice(0, lastItemEnd)}${stackAtItemEnd
    .reverse()
    .map((tag) => `</${tag}>`)
    .join('')}`;
}

/**
 * An RSS document whose items are not in a `<channel>` (RSS 2.0 items right under `<rss>`, an
 * RDF document with no channel element) given the channel rss-parser needs: without one it
 * throws a TypeError. Returns null when the document has a channel, or is neither.
 */
export function addMissingChannel(xml: string): string | null {
  if (/<(?:[\w.-]+:)?channel[\s/>]/.test(xml)) return null;
  const rss = /<rss(?:\s[^>]*)?>/.exec(xml);
  if (rss) {
    const end = xml.lastIndexOf('</rss');
    if (end < rss.index) return null;
    const open = rss.index + rss[0].length;
    return `${xml.slice(0, open)}<channel>${xml.slice(open, end)}</channel>${xml.slice(end)}`;
  }
  const rdf = /<rdf:RDF(?:\s[^>]*)?>/.exec(xml);
  if (rdf) {
    const open = rdf.index + rdf[0].length;
    return `${xml.slice(0, open)}<channel><title></title></channel>${xml.slice(open)}`;
  }
  return null;
}

/**
 * rss-parser first, as the design asks; when it fails on a document a feed reader would still
 * read, one repair and a second try: the missing channel supplied, or a cut-off document closed
 * after its last complete item. The first error stands when the repair does not help.
 */
async function parseXmlFeed(xml: string): Promise<{ feed: RssOutput; truncated: boolean }> {
  try {
    return { feed: await newParser().parseString(xml), truncated: false };
  } catch (error) {
    const truncated = !(error instanceof TypeError);
    const repaired = truncated ? closeTruncated(xml) : addMissingChannel(xml);
    if (repaired === null) throw error;
    try {
      return { feed: await newParser().parseString(repaired), truncated };
    } catch {
      throw error;
    }
  }
}

/**
 * Parses RSS 0.9x/2.0, Atom 1.0, RDF/RSS 1.0 and JSON Feed 1.1 from a decoded string. rss-parser
 * is only ever given the string: it never fetches anything itself, so every request goes through
 * our fetcher and its limits.
 */
export async function parseFeed(body: string): Promise<ParsedFeed> {
  const trimmed = body.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed);
  if (/^<!doctype html|^<html[\s>]/i.test(trimmed)) {
    throw new FetchError('not_a_feed', 'an HTML page, not a feed');
  }
  let feed: RssOutput;
  let truncated: boolean;
  try {
    ({ feed, truncated } = await parseXmlFeed(repairXml(trimmed)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // rss-parser's own verdicts on well-formed XML ("Feed not recognized as RSS 1 or 2.") say
    // the document is not a feed; sax's errors say the XML is broken.
    const kind = /not a feed|not recognized|Unable to parse/i.test(message)
      ? 'not_a_feed'
      : 'bad_xml';
    throw new FetchError(
      kind,
      `${kind === 'bad_xml' ? 'bad XML' : 'not a feed'}: ${message.split('\n')[0]}`,
      {
        cause: error,
      },
    );
  }
  const ttl = Number(text(feed.ttl));
  return {
    title: text(feed.title),
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    items: (feed.items ?? []).map((item) => ({
      guid: text(item.guid) ?? text(item.id),
      link: text(item.link),
      title: text(item.title) ?? '',
      publishedAt: isoDate(item.isoDate) ?? isoDate(item.pubDate),
      author: text(item.creator) ?? text(item['dc:creator']) ?? text(item.author),
      content: text(item['content:encoded']) ?? text(item.content),
      summary: text(item.summary) ?? text(item.contentSnippet),
    })),
    ...(truncated ? { truncated } : {}),
  };
}
