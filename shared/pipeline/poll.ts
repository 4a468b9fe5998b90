import { extractArticle } from '../articles/extract-article.ts';
import { htmlToText } from '../articles/html-to-text.ts';
import { forEachLimit } from '../concurrency.ts';
import type { PollFailureKind } from '../errors.ts';
import { FetchError } from '../errors.ts';
import { decodeBody } from '../feeds/charset.ts';
import type { Fetcher } from '../feeds/http-fetch.ts';
import {
  feedItemStoryId,
  itemKeysFor,
  normalizeUrl,
  shortHash,
  siteOf,
  storyIdFor,
} from '../feeds/identity.ts';
import type { FeedItem } from '../feeds/parse.ts';
import { parseFeed } from '../feeds/parse.ts';
import type { MessageQueue } from '../queue/sqs-queue.ts';
import { sqsMessageBody } from '../queue/sqs-queue.ts';
import type { FeedRecord, Store } from '../store/store.ts';
import type { ArticleMessage, ExtractedArticle } from '../types.ts';

/** What the poller needs. */
export interface PollDeps {
  store: Store;
  fetcher: Fetcher;
  articlesQueue: MessageQueue;
  pollIntervalMinutes: number;
  maxItemsPerFeed: number;
  /** Pages fetched at once for one feed (default 4). */
  pageConcurrency?: number;
  /** After this long (ms) a poll starts no new page; the rest wait for the next poll. */
  pollBudgetMs?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** The outcome of polling one feed. */
export interface PollResult {
  feedId: string;
  status: 'ok' | 'not_modified' | 'failed' | 'unknown_feed';
  newItems: number;
  /** New items left for the next poll because this one ran out of time. */
  deferred?: number;
  failure?: { kind: PollFailureKind; message: string };
}

/** Bodies above this go into the table first and travel by reference (SQS caps messages). */
export const INLINE_BODY_LIMIT = 200_000;
/**
 * A poll's time for fetching pages. No page is started after it, and a page still coming 2 s
 * after it is left for the next poll: a poll ends within about 27 s whatever its sites do.
 */
export const DEFAULT_POLL_BUDGET_MS = 25_000;
const DEFAULT_PAGE_CONCURRENCY = 4;
/** How long a page started just before the budget ran out may still take. */
const PAGE_GRACE_MS = 2_000;
const MAX_BACKOFF_MINUTES = 24 * 60;

function maxAgeMinutes(cacheControl: string | string[] | undefined): number {
  const match = /max-age=(\d+)/.exec(String(cacheControl ?? ''));
  return match ? Math.ceil(Number(match[1]) / 60) : 0;
}

/**
 * When to poll a feed next: the normal interval after success, stretched to honour the feed's
 * `<ttl>`, Cache-Control max-age and Retry-After; after failures, exponential back-off that is
 * capped, so a feed that recovers is noticed within a day and is never parked forever.
 */
export function nextCheckAt(
  now: Date,
  intervalMinutes: number,
  opts: {
    errorCount?: number;
    ttlMinutes?: number | null;
    maxAgeMinutes?: number;
    retryAfterSeconds?: number;
  },
): string {
  let minutes = Math.max(intervalMinutes, opts.ttlMinutes ?? 0, opts.maxAgeMinutes ?? 0);
  if (opts.errorCount) minutes = intervalMinutes * 2 ** Math.min(opts.errorCount, 12);
  if (opts.retryAfterSeconds) minutes = Math.max(minutes, Math.ceil(opts.retryAfterSeconds / 60));
  return new Date(now.getTime() + Math.min(minutes, MAX_BACKOFF_MINUTES) * 60_000).toISOString();
}

/**
 * An item's link resolved against its feed, or null when it is not an http(s) URL (never
 * throws): a `javascript:`, `data:` or `file:` link must never become a story URL, since story
 * URLs end up as links in Slack, email and the report.
 */
function resolveLink(link: string, base: string): string | null {
  try {
    const url = new URL(link, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Falls back to the feed's own content when the article page cannot be used. */
function fromFeedItem(item: FeedItem, reason: string): ExtractedArticle {
  return {
    title: item.title,
    byline: item.author,
    text: htmlToText(item.content ?? item.summary ?? ''),
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
 * The page of one item read into an article; `null` when the poll's time ran out while the page
 * was still coming, so the item waits, unseen, for the next poll instead of being stored from
 * its feed text.
 */
async function fetchArticle(
  deps: PollDeps,
  item: FeedItem,
  link: string,
  feedUrl: string,
  deadline: number,
): Promise<{ article: ExtractedArticle; url: string } | null> {
  try {
    const page = await deps.fetcher(link, {
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
      deadline,
    });
    const html = decodeBody(page.body, page.headers['content-type'] as string | undefined);
    const article = await extractArticle(html, {
      url: page.url,
      feedItem: {
        title: item.title,
        content: item.content ?? undefined,
        summary: item.summary ?? undefined,
        publishedAt: item.publishedAt,
        author: item.author,
      },
    });
    return { article, url: storyUrl(article, page.url, feedUrl, item.guid) };
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    if (error.kind === 'timeout' && Date.now() >= deadline) return null;
    return {
      article: fromFeedItem(item, `page fetch failed (${error.kind}): ${error.message}`),
      url: link,
    };
  }
}

/**
 * Polls one feed: conditional GET, parse, and for each item not seen before, fetch the page,
 * extract the article and queue it. An item is marked seen only after its message is queued, so
 * a crash in between re-queues it (and the consumer is idempotent) instead of losing it. Fetch
 * failures are recorded on the feed, never thrown: one broken feed must not stop the others. So
 * is a message the queue refuses: the feed's other items still go, and the feed shows
 * `queue_refused` until a poll queues everything it found (before, one refused item failed the
 * whole poll, left the feed "new" with no error, and stalled it on every later poll).
 */
export async function pollFeed(deps: PollDeps, feedId: string, now: Date): Promise<PollResult> {
  const feed = await deps.store.getFeed(feedId);
  if (!feed) return { feedId, status: 'unknown_feed', newItems: 0 };
  // every outcome below is this poll reporting: the scheduler's mark goes
  const checked: FeedRecord = {
    ...feed,
    lastCheckedAt: now.toISOString(),
    pollScheduledAt: undefined,
  };

  let parsed: Awaited<ReturnType<typeof parseFeed>>;
  let response: Awaited<ReturnType<Fetcher>>;
  try {
    response = await deps.fetcher(feed.url, { etag: feed.etag, lastModified: feed.lastModified });
    parsed = await parseFeed(
      decodeBody(response.body, response.headers['content-type'] as string | undefined),
    );
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    if (error.kind === 'not_modified') {
      await deps.store.saveFeedState({
        ...checked,
        lastSuccessAt: now.toISOString(),
        errorCount: 0,
        nextCheckAt: nextCheckAt(now, deps.pollIntervalMinutes, {}),
      });
      return { feedId, status: 'not_modified', newItems: 0 };
    }
    const errorCount = (feed.errorCount ?? 0) + 1;
    await deps.store.saveFeedState({
      ...checked,
      errorCount,
      lastError: { kind: error.kind, message: error.message, at: now.toISOString() },
      nextCheckAt: nextCheckAt(now, deps.pollIntervalMinutes, {
        errorCount,
        retryAfterSeconds: error.retryAfterSeconds,
      }),
    });
    deps.log?.('feed failed', { feedId, url: feed.url, kind: error.kind, error: error.message });
    return {
      feedId,
      status: 'failed',
      newItems: 0,
      failure: { kind: error.kind, message: error.message },
    };
  }

  let newItems = 0;
  let deferred = 0;
  let refused = 0;
  let queueError: string | undefined;
  const items = parsed.items.slice(0, deps.maxItemsPerFeed);
  const itemKeys = itemKeysFor(items);
  const budgetEnds = Date.now() + (deps.pollBudgetMs ?? DEFAULT_POLL_BUDGET_MS);
  // Pages are fetched a few at a time, and none is started once the poll's time is spent: a
  // site that answers slowly delays its own items, never the feed's others or other feeds'.
  // Items not reached are not marked seen, so the next poll takes them up; nothing is lost.
  await forEachLimit(items, deps.pageConcurrency ?? DEFAULT_PAGE_CONCURRENCY, async (item, i) => {
    const itemKey = itemKeys[i]!;
    const itemHash = shortHash(itemKey);
    if (Date.now() >= budgetEnds) {
      if (!(await deps.store.hasSeenItem(feedId, itemHash))) deferred++;
      return;
    }
    if (await deps.store.hasSeenItem(feedId, itemHash)) return;
    const rawLink = item.link ?? (item.guid && /^https?:\/\//i.test(item.guid) ? item.guid : null);
    const link = rawLink ? resolveLink(rawLink, feed.url) : null;
    const read = link
      ? await fetchArticle(deps, item, link, feed.url, budgetEnds + PAGE_GRACE_MS)
      : {
          article: fromFeedItem(
            item,
            rawLink ? `item link is not a URL: ${rawLink}` : 'item has no link',
          ),
          url: `${feed.url}#${itemHash}`,
        };
    if (read === null) {
      deferred++;
      return;
    }
    const { article, url } = read;
    const storyId = link ? storyIdFor(url) : feedItemStoryId(feed.url, itemHash);
    const message: ArticleMessage = {
      storyId,
      url,
      feedId,
      feedUrl: feed.url,
      title: article.title || item.title,
      byline: article.byline,
      publishedAt: item.publishedAt ?? article.publishedAt,
      language: article.language ?? feed.language ?? null,
      source: article.source,
      fallbackReason: article.fallbackReason,
    };
    // Measured as it travels: characters the queue may refuse go escaped (see sqsMessageBody).
    if (Buffer.byteLength(sqsMessageBody(article.text)) > INLINE_BODY_LIMIT) {
      message.bodyRef = await deps.store.putStoryBody(storyId, article.text);
    } else {
      message.text = article.text;
    }
    try {
      await deps.articlesQueue.send([message]);
    } catch (error) {
      // Not marked seen: the next poll tries the item again, and the feed says why meanwhile.
      refused++;
      queueError ??= `queue refused item “${message.title.slice(0, 80)}”: ${
        error instanceof Error ? error.message : String(error)
      }`;
      deps.log?.('queue refused an item', { feedId, url, error: queueError });
      return;
    }
    await deps.store.markItemSeen(
      feedId,
      itemHash,
      { itemKey, storyId, url, title: message.title, publishedAt: message.publishedAt },
      now,
    );
    newItems++;
  });

  const keepValidators = deferred > 0 || parsed.truncated === true;
  if (queueError !== undefined) {
    const errorCount = (feed.errorCount ?? 0) + 1;
    const message = `${refused} of ${refused + newItems} new items not queued; ${queueError}`;
    await deps.store.saveFeedState({
      ...checked,
      title: feed.title ?? parsed.title ?? undefined,
      errorCount,
      lastError: { kind: 'queue_refused', message, at: now.toISOString() },
      itemsSeen: (feed.itemsSeen ?? 0) + newItems,
      nextCheckAt: nextCheckAt(now, deps.pollIntervalMinutes, { errorCount }),
    });
    return {
      feedId,
      status: 'failed',
      newItems,
      ...(deferred > 0 ? { deferred } : {}),
      failure: { kind: 'queue_refused', message },
    };
  }
  await deps.store.saveFeedState({
    ...checked,
    title: feed.title ?? parsed.title ?? undefined,
    // With items left over (or cut off), the validators stay as they were: a 304 next time
    // would hide them.
    etag: keepValidators ? feed.etag : ((response.headers.etag as string | undefined) ?? undefined),
    lastModified: keepValidators
      ? feed.lastModified
      : ((response.headers['last-modified'] as string | undefined) ?? undefined),
    lastSuccessAt: now.toISOString(),
    errorCount: 0,
    lastError: undefined,
    itemsSeen: (feed.itemsSeen ?? 0) + newItems,
    nextCheckAt: nextCheckAt(now, deps.pollIntervalMinutes, {
      ttlMinutes: parsed.ttlMinutes,
      maxAgeMinutes: maxAgeMinutes(response.headers['cache-control']),
    }),
  });
  if (deferred > 0) {
    deps.log?.('poll time spent; items left for the next poll', { feedId, deferred });
  }
  return { feedId, status: 'ok', newItems, ...(deferred > 0 ? { deferred } : {}) };
}
