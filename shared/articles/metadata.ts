/**
 * Page metadata that Readability either does not read (canonical URL, `og:locale`, `<time>`) or
 * reads from fewer places than news sites use. Read before Readability runs, because it
 * rewrites the document it parses.
 */

/** What the page says about itself, each field null when it says nothing usable. */
export interface PageMetadata {
  language: string | null;
  canonicalUrl: string | null;
  publishedAt: string | null;
  byline: string | null;
  title: string | null;
  /** Titles the page gives outside `<title>` (`og:title`, JSON-LD headline, `<h1>`), for cleanup. */
  titleCandidates: string[];
  /** JSON-LD says the article is not free to read. */
  paywalled: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Every `<meta>` value by lower-cased `property`, `name`, `itemprop` and `http-equiv`, first
 * one winning: one pass over the meta elements instead of a selector per field (selector
 * matching dominated the metadata cost on large pages).
 */
function metaIndex(doc: Document): Map<string, string> {
  const index = new Map<string, string>();
  for (const el of doc.getElementsByTagName('meta')) {
    const value = (el.getAttribute('content') ?? '').trim();
    if (!value) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !index.has(key)) index.set(key, value);
    }
  }
  return index;
}

function firstAttr(elements: Iterable<Element>, attr: string, test?: (el: Element) => boolean) {
  for (const el of elements) {
    if (test && !test(el)) continue;
    const v = el.getAttribute(attr)?.trim();
    if (v) return v;
  }
  return null;
}

function resolveUrl(href: string | null, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** `en_US` → `en-US`; empty or malformed → null. */
export function normaliseLanguage(value: string | null | undefined): string | null {
  const v = value?.trim().replace(/_/g, '-');
  if (!v || !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(v)) return null;
  const [primary, ...rest] = v.split('-');
  return [primary.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join(
    '-',
  );
}

/**
 * A date the page or feed gave, as ISO 8601. ISO input is kept as written (its offset keeps
 * the local calendar day, which matters for "as of" dates); other parseable forms become UTC.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1990 || year > 2100) return null;
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    return v.replace(' ', 'T');
  }
  return new Date(ms).toISOString();
}

function* walkJson(node: Json): Generator<{ [key: string]: Json }> {
  if (Array.isArray(node)) {
    for (const item of node) yield* walkJson(item);
  } else if (node && typeof node === 'object') {
    yield node;
    for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
      const child = node[key];
      if (child && typeof child === 'object') yield* walkJson(child);
    }
  }
}

const ARTICLE_TYPE_RE = /Article|BlogPosting|Report|SocialMediaPosting|WebPage/;

function isArticle(obj: { [key: string]: Json }): boolean {
  const type = obj['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE_RE.test(t));
}

function personNames(author: Json | undefined): string[] {
  if (!author) return [];
  if (typeof author === 'string') return [author];
  if (Array.isArray(author)) return author.flatMap(personNames);
  if (typeof author === 'object') {
    const name = author.name;
    return typeof name === 'string' ? [name] : [];
  }
  return [];
}

interface JsonLdFacts {
  datePublished: string | null;
  authors: string[];
  headline: string | null;
  paywalled: boolean;
}

function readJsonLd(doc: Document): JsonLdFacts {
  const facts: JsonLdFacts = { datePublished: null, authors: [], headline: null, paywalled: false };
  for (const script of doc.getElementsByTagName('script')) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json')
      continue;
    let data: Json;
    try {
      data = JSON.parse(script.textContent ?? '') as Json;
    } catch {
      continue;
    }
    for (const obj of walkJson(data)) {
      if (!isArticle(obj)) continue;
      if (!facts.datePublished && typeof obj.datePublished === 'string') {
        facts.datePublished = obj.datePublished;
      }
      if (facts.authors.length === 0) facts.authors = personNames(obj.author);
      if (!facts.headline && typeof obj.headline === 'string') facts.headline = obj.headline;
      const free = obj.isAccessibleForFree;
      if (free === false || (typeof free === 'string' && free.toLowerCase() === 'false')) {
        facts.paywalled = true;
      }
    }
  }
  return facts;
}

/** "By Jane Doe, Reuters | December 22, 2024 7:15 PM 3 min read" → "Jane Doe, Reuters". */
export function cleanByline(value: string | null | undefined): string | null {
  if (!value) return null;
  let v = value.replace(/\s+/g, ' ').trim();
  if (/^https?:\/\//i.test(v)) return null;
  v = v.replace(/^(by|von|par|por|di|door|av|af)\s*:?\s+/i, '');
  const month =
    '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
  const cut = new RegExp(
    `\\s*(?:[|,•·–—-]\\s*)?(?:(?:updated|published|posted)\\b|${month}\\s+\\d{1,2}\\b|\\d{1,2}\\s+${month}\\b|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d+\\s*min(?:ute)?s?\\s+read|\\d{1,2}:\\d{2}).*$`,
    'i',
  );
  v = v.replace(cut, '').replace(/[\s,|•·–—-]+$/, '');
  if (!v || v.length > 120) return null;
  return v;
}

/** Reads language, canonical URL, publication date, byline and titles from the document. */
export function readPageMetadata(doc: Document, pageUrl: string): PageMetadata {
  const base = doc.baseURI || pageUrl;
  const metas = metaIndex(doc);
  const meta = (...keys: string[]) => {
    for (const k of keys) {
      const v = metas.get(k);
      if (v) return v;
    }
    return null;
  };
  const jsonLd = readJsonLd(doc);

  const language =
    normaliseLanguage(doc.documentElement.getAttribute('lang')) ??
    normaliseLanguage(doc.documentElement.getAttribute('xml:lang')) ??
    normaliseLanguage(meta('og:locale')) ??
    normaliseLanguage(meta('content-language'));

  const canonicalHref = firstAttr(doc.getElementsByTagName('link'), 'href', (el) =>
    (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const canonicalUrl = resolveUrl(canonicalHref, base) ?? resolveUrl(meta('og:url'), base);

  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  const dateCandidates = [
    meta('article:published_time'),
    jsonLd.datePublished,
    itemprop?.getAttribute('content') ?? itemprop?.getAttribute('datetime') ?? null,
    meta(
      'pubdate',
      'publishdate',
      'publish-date',
      'parsely-pub-date',
      'dc.date.issued',
      'dcterms.created',
      'date',
      'og:published_time',
    ),
    firstAttr(doc.getElementsByTagName('time'), 'datetime'),
  ];
  let publishedAt: string | null = null;
  for (const c of dateCandidates) {
    publishedAt = normaliseDate(c);
    if (publishedAt) break;
  }

  const byline =
    cleanByline(jsonLd.authors.join(', ')) ??
    cleanByline(meta('author')) ??
    cleanByline(meta('article:author'));

  const titleCandidates = [
    meta('og:title'),
    jsonLd.headline,
    meta('twitter:title'),
    ...[...doc.getElementsByTagName('h1')].slice(0, 3).map((h) => h.textContent ?? ''),
  ]
    .map((t) => (t ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);

  return {
    language,
    canonicalUrl,
    publishedAt,
    byline,
    title: titleCandidates[0] ?? null,
    titleCandidates,
    paywalled: jsonLd.paywalled,
  };
}
