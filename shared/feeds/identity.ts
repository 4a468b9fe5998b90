import { createHash } from 'node:crypto';
import type { FeedItem } from './parse.ts';

const TRACKING = /^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$/i;

/**
 * Normalises a URL so that the same article reached through different links is one story:
 * lower-case scheme and host, no fragment, no tracking parameters, no default port, no trailing
 * slash, and http and https treated as one (feeds switch scheme between polls).
 */
export function normalizeUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return input.trim();
  }
  url.hash = '';
  if (url.protocol === 'http:' || url.protocol === 'https:') url.protocol = 'https:';
  if ((url.protocol === 'https:' && url.port === '443') || url.port === '80') url.port = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING.test(key)) url.searchParams.delete(key);
  }
  url.searchParams.sort();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  const text = url.toString();
  return url.search === '' && url.pathname === '/' ? text.replace(/\/$/, '') : text;
}

/** Second-level labels under which registries sell names ("bbc.co.uk", "abc.net.au"). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'or', 'ne', 'go']);

/**
 * The registrable part of a host name ("www.bbc.co.uk" -> "bbc.co.uk", "news.yahoo.com" ->
 * "yahoo.com"), close enough to the public-suffix rule to tell one outlet's site from another's
 * without shipping the list. An IP address is its own site.
 */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) || host.includes(':')) return host;
  const labels = host.split('.');
  const n =
    labels.length >= 3 && labels.at(-1)!.length === 2 && SECOND_LEVEL.has(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-n).join('.');
}

/** Short, stable, key-safe id for any string. */
export function shortHash(value: string, length = 20): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

/** A feed's id: from its configured id, else its normalised URL. */
export function feedIdFor(feed: { id?: string; url: string }): string {
  return feed.id ?? shortHash(normalizeUrl(feed.url), 16);
}

/** A story's id: its normalised canonical URL, so two feeds linking one article give one story. */
export function storyIdFor(url: string): string {
  return shortHash(normalizeUrl(url));
}

/**
 * An item's identity within its feed. The link, when the item has one, is the more trustworthy
 * key: some feeds repeat one guid for different items, and URLs that look like guids are
 * normalised so an http-to-https switch between polls does not re-deliver everything.
 */
export function itemKeyFor(item: Pick<FeedItem, 'guid' | 'link' | 'title'>): string {
  const guid = item.guid?.trim();
  const link = item.link?.trim();
  if (guid && /^https?:\/\//i.test(guid)) return normalizeUrl(guid);
  if (guid && !link) return guid;
  if (link) return normalizeUrl(link);
  return `title:${item.title.trim().toLowerCase()}`;
}

/**
 * The identities of a whole feed's items. Where {@link itemKeyFor} gives two items of one
 * document the same key (a feed that repeats one guid on link-less items), each of them is told
 * apart by a hash of its title and content, so none is silently dropped as already seen.
 */
export function itemKeysFor(
  items: ReadonlyArray<Pick<FeedItem, 'guid' | 'link' | 'title' | 'content' | 'summary'>>,
): string[] {
  const keys = items.map(itemKeyFor);
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return keys.map((k, i) => {
    if ((counts.get(k) ?? 0) < 2) return k;
    const item = items[i]!;
    return `${k}#${shortHash(`${item.title}\n${item.content ?? item.summary ?? ''}`, 12)}`;
  });
}

/**
 * The story id of an item that has no usable link: its feed and its own identity, so items
 * stored from the feed's text never collapse into one story (a URL fragment would be dropped by
 * {@link normalizeUrl}).
 */
export function feedItemStoryId(feedUrl: string, itemHash: string): string {
  return shortHash(`${normalizeUrl(feedUrl)}#${itemHash}`);
}
