import { extractArticle } from '../articles/extract-article.ts';
import { htmlToText } from '../articles/html-to-text.ts';
import { FetchError, SiteBusyError } from '../errors.ts';
import { decodeBody } from '../feeds/charset.ts';
import type { Fetcher } from '../feeds/http-fetch.ts';
import { normalizeUrl, siteOf, storyIdFor } from '../feeds/identity.ts';
import type { MessageQueue } from '../queue/sqs-queue.ts';
import type { Store } from '../store/store.ts';
import type { ArticleMessage, ExtractedArticle, ItemMessage } from '../types.ts';
import type { ClaimDeps, ClaimResult } from './claims.ts';
import { processArticle } from './claims.ts';

/** What reading an item's page needs. */
export interface ReadDeps {
  store: Store;
  fetcher: Fetcher;
}

/**
 * How long a page may wait behind a site that has answered nothing before its item steps out of
 * line and is re-queued: a tarpit site's hundred pages then hold no slot that another feed's
 * page needs, whatever their number.
 */
export const PARK_AFTER_MS = 2_000;

/**
 * How long an item's first try may wait on its page before the item is re-queued: a site that
 * has not answered by then gets its full timeout on the next try, while this slot goes to pages
 * that answer. One tarpit host per page, however many, then holds a slot for seconds, not for
 * the whole timeout.
 */
export const FIRST_TRY_MS = 3_000;

/**
 * How long a re-queued item stays out of sight: longer than one fetch timeout, by which time the
 * site has answered or its breaker is open and the page falls back to the feed's text at once;
 * short enough that its alert is still minutes, not a poll interval, away.
 */
export const PARK_DELAY_SECONDS = 30;

/** Times an item may be re-queued; after that it waits in line like any other page. */
export const MAX_PARKS = 3;

/** The item's feed content could not be found where its message said it was stored: retry. */
export class MissingContentError extends Error {
  override name = 'MissingContentError';
}

/** Falls back to the feed's own content when the article page cannot be used. */
function fromFeedItem(item: ItemMessage, content: string, reason: string): ExtractedArticle {
  return {
    title: item.title,
    byline: item.author,
    text: htmlToText(content),
    publishedAt: item.publishedAt,
    language: null,
    canonicalUrl: null,
    source: 'feed',
    fallbackReason: reason,
  };
}

/**
 * The story's URL: the page's canonical one, unless it points at a site's home page or at
 * another site. A page may only speak for its own site: a canonical naming another outlet's
 * article would otherwise file a made-up story under that outlet's URL.
 */
function storyUrl(
  article: ExtractedArticle,
  pageUrl: string,
  feedUrl: string,
  guid: string | null | undefined,
): string {
  if (article.canonicalUrl) {
    try {
      const canonical = new URL(article.canonicalUrl);
      const site = siteOf(canonical.hostname);
      // The feed the user chose may vouch for it too, by giving that URL as the item's guid.
      const vouched =
        guid !== undefined && guid !== null && normalizeUrl(guid) === normalizeUrl(canonical.href);
      if (
        (canonical.protocol === 'http:' || canonical.protocol === 'https:') &&
        canonical.pathname.length > 1 &&
        (vouched ||
          site === siteOf(new URL(pageUrl).hostname) ||
          site === siteOf(new URL(feedUrl).hostname))
      ) {
        return canonical.href;
      }
    } catch {
      // a malformed canonical link is ignored
    }
  }
  return pageUrl;
}

/**
 * Reads one queued feed item into an article: its page fetched and extracted with Readability,
 * or, when it has no page or the page cannot be used (a fetch failure, a page that is not an
 * article, markup too costly to parse), the feed's own content with the reason. Only fetch
 * failures are absorbed; anything else throws, so the message is retried and, if it keeps
 * failing, dead-lettered.
 */
export async function readItem(deps: ReadDeps, item: ItemMessage): Promise<ArticleMessage> {
  let content = item.content ?? '';
  if (item.contentStored) {
    const stored = await deps.store.getStoryBody(item.storyId);
    if (stored === undefined) {
      throw new MissingContentError(`item ${item.itemHash}: stored content not found`);
    }
    content = stored;
  }
  let article: ExtractedArticle;
  let url = item.link ?? `${item.feedUrl}#${item.itemHash}`;
  if (!item.link) {
    article = fromFeedItem(item, content, item.noLinkReason ?? 'item has no link');
  } else {
    try {
      const page = await deps.fetcher(item.link, {
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
        ...((item.parked ?? 0) < MAX_PARKS ? { parkAfterMs: PARK_AFTER_MS } : {}),
        ...(!item.parked ? { giveUpAfterMs: FIRST_TRY_MS } : {}),
      });
      const html = decodeBody(page.body, page.headers['content-type'] as string | undefined);
      article = await extractArticle(html, {
        url: page.url,
        feedItem: {
          title: item.title,
          content: content || undefined,
          publishedAt: item.publishedAt,
          author: item.author,
        },
      });
      url = storyUrl(article, page.url, item.feedUrl, item.guid);
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      article = fromFeedItem(item, content, `page fetch failed (${error.kind}): ${error.message}`);
    }
  }
  return {
    storyId: item.link ? storyIdFor(url) : item.storyId,
    url,
    feedId: item.feedId,
    feedUrl: item.feedUrl,
    title: article.title || item.title,
    byline: article.byline,
    publishedAt: item.publishedAt ?? article.publishedAt,
    language: article.language ?? item.language ?? null,
    source: article.source,
    fallbackReason: article.fallbackReason,
    text: article.text,
  };
}

/** What the extraction stage needs: reading pages (and re-queueing ones it must wait for), then claims. */
export type ItemDeps = ReadDeps & ClaimDeps & { articlesQueue: MessageQueue };

/** An item whose page could not be fetched yet because its site is not answering: re-queued. */
export interface ParkedItem {
  parked: true;
  /** How often the item has now been re-queued. */
  times: number;
  site: string;
  reason: string;
}

/** The outcome of one queued item: the claims result, and how its text was obtained. */
export interface ItemResult extends ClaimResult {
  source: ArticleMessage['source'];
  fallbackReason?: string;
}

/**
 * The extraction stage for one queued feed item: read its page, extract and store its figures,
 * queue alerts for new ones. A page whose canonical URL names another story id re-points the
 * item's seen record at it, so recovery after a crash knows the item was stored.
 */
export async function processItem(
  deps: ItemDeps,
  item: ItemMessage,
  now: Date,
): Promise<ItemResult | ParkedItem> {
  let article: ArticleMessage;
  try {
    article = await readItem(deps, item);
  } catch (error) {
    if (!(error instanceof SiteBusyError)) throw error;
    // Sent again before this message is deleted: if the send fails, the message is retried.
    const times = (item.parked ?? 0) + 1;
    await deps.articlesQueue.send([{ ...item, parked: times }], {
      delaySeconds: PARK_DELAY_SECONDS,
    });
    return { parked: true, times, site: error.site, reason: error.message };
  }
  const result = await processArticle(deps, article, now);
  if (article.storyId !== item.storyId) {
    await deps.store.linkFeedItem(item.feedId, item.itemHash, {
      storyId: article.storyId,
      url: article.url,
    });
  }
  return {
    ...result,
    source: article.source,
    ...(article.fallbackReason ? { fallbackReason: article.fallbackReason } : {}),
  };
}
