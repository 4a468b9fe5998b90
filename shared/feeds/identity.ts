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
