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
  let feed: Parser.Output<RawItem> & { ttl?: string };
  try {
    feed = await newParser().parseString(repairXml(trimmed));
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
  };
}
