import type { PollFailureKind } from '../errors.ts';
import { FetchError } from '../errors.ts';
import { decodeBody } from '../feeds/charset.ts';
import type { Fetcher } from '../feeds/http-fetch.ts';
import { feedItemStoryId, itemKeysFor, shortHash, storyIdFor } from '../feeds/identity.ts';
import type { FeedItem } from '../feeds/parse.ts';
import { parseFeed } from '../feeds/parse.ts';
import type { MessageQueue } from '../queue/sqs-queue.ts';
import { QueueSendError, sqsMessageBody } from '../queue/sqs-queue.ts';
import type { FeedRecord, Store } from '../store/store.ts';
import type { ItemMessage } from '../types.ts';

/** What the poller needs. */
export interface PollDeps {
  store: Store;
  fetcher: Fetcher;
  articlesQueue: MessageQueue;
  pollIntervalMinutes: number;
  maxItemsPerFeed: number;
  /** See `FEED_STATE_REFRESH_MINUTES` in `shared/config.ts` (default 0: always write). */
  stateRefreshMinutes?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** The outcome of polling one feed. */
export interface PollResult {
  feedId: string;
  status: 'ok' | 'not_modified' | 'failed' | 'unknown_feed';
  newItems: number;
  /** Another poll of the same feed reported first (a duplicate message); this one wrote nothing. */
  superseded?: boolean;
  /** Nothing new and nothing wrong, recorded recently: the feed's state was not rewritten. */
  quiet?: boolean;
  failure?: { kind: PollFailureKind; message: string };
}

/** Feed content above this goes into the table first and travels by reference (SQS caps messages). */
export const INLINE_BODY_LIMIT = 200_000;
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

/** The message for one new item: the extraction stage reads its page. */
function itemMessage(feed: FeedRecord, item: FeedItem, itemHash: string): ItemMessage {
  const rawLink = item.link ?? (item.guid && /^https?:\/\//i.test(item.guid) ? item.guid : null);
  const link = rawLink ? resolveLink(rawLink, feed.url) : null;
  const content = item.content ?? item.summary ?? undefined;
  return {
    storyId: link ? storyIdFor(link) : feedItemStoryId(feed.url, itemHash),
    feedId: feed.feedId,
    feedUrl: feed.url,
    itemHash,
    link,
    ...(link
      ? {}
      : { noLinkReason: rawLink ? `item link is not a URL: ${rawLink}` : 'item has no link' }),
    guid: item.guid ?? null,
    title: item.title,
    author: item.author,
    publishedAt: item.publishedAt,
    language: feed.language ?? null,
    ...(content ? { content } : {}),
  };
}

/**
 * Polls one feed: conditional GET, parse, and each item not seen before goes on the articles
 * queue for the extraction stage to read its page. The poller loads no DOM library, so an
 * unchanged feed costs a small function a few milliseconds of work, and it writes the feed's
 * state once, whatever happened (one write unit: see `Store.saveFeedState`).
 *
 * An item is marked seen only after its message is queued, so a crash in between re-queues it
 * (the consumer is idempotent) instead of losing it. Fetch failures are recorded on the feed,
 * never thrown: one broken feed must not stop the others. So is a message the queue refuses:
 * the feed's other items still go, and the feed shows `queue_refused` until a poll queues
 * everything it found.
 *
 * `seen` is the feed as the scheduler saw it when it found it due: the poll then reads nothing
 * before fetching, and its write is conditional on no other poll of the feed having reported
 * since (a duplicate message then writes nothing).
 */
export async function pollFeed(
  deps: PollDeps,
  feedId: string,
  now: Date,
  seen?: FeedRecord,
): Promise<PollResult> {
  const feed = seen ?? (await deps.store.getFeed(feedId));
  if (!feed) return { feedId, status: 'unknown_feed', newItems: 0 };
  const save = (record: FeedRecord) =>
    deps.store.saveFeedState(record, { ifNextCheckAt: feed.nextCheckAt });
  // A healthy poll that changes nothing but timestamps need not be written at every tick: the
  // feed stays due (its nextCheckAt has passed), and its last check was recorded recently.
  const refreshMs = (deps.stateRefreshMinutes ?? 0) * 60_000;
  const unchangedSince = (next: FeedRecord) =>
    refreshMs > 0 &&
    feed.lastCheckedAt !== undefined &&
    now.getTime() - Date.parse(feed.lastCheckedAt) < refreshMs &&
    (feed.errorCount ?? 0) === 0 &&
    feed.lastError === undefined &&
    Date.parse(feed.nextCheckAt) <= now.getTime() &&
    next.etag === feed.etag &&
    next.lastModified === feed.lastModified &&
    next.itemsHash === feed.itemsHash &&
    next.title === feed.title &&
    next.itemsSeen === feed.itemsSeen &&
    Date.parse(next.nextCheckAt) <= now.getTime() + deps.pollIntervalMinutes * 60_000;
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
      const next: FeedRecord = {
        ...checked,
        lastSuccessAt: now.toISOString(),
        errorCount: 0,
        lastError: undefined,
        nextCheckAt: nextCheckAt(now, deps.pollIntervalMinutes, {}),
      };
      if (unchangedSince(next)) return { feedId, status: 'not_modified', newItems: 0, quiet: true };
      const written = await save(next);
      return {
        feedId,
        status: 'not_modified',
        newItems: 0,
        ...(written ? {} : { superseded: true }),
      };
    }
    const errorCount = (feed.errorCount ?? 0) + 1;
    const written = await save({
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
      ...(written ? {} : { superseded: true }),
      failure: { kind: error.kind, message: error.message },
    };
  }

  const items = parsed.items.slice(0, deps.maxItemsPerFeed);
  const itemKeys = itemKeysFor(items);
  const hashes = itemKeys.map((key) => shortHash(key));
  // The same items as last time (a feed without validators answering 200): nothing to look up.
  const itemsHash = shortHash(hashes.join('\n'), 16);
  const known =
    itemsHash === feed.itemsHash ? new Set(hashes) : await deps.store.seenItems(feedId, hashes);
  const fresh = items
    .map((item, i) => ({ item, itemKey: itemKeys[i]!, itemHash: hashes[i]! }))
    .filter(({ itemHash }) => !known.has(itemHash));

  const messages: ItemMessage[] = [];
  for (const { item, itemHash } of fresh) {
    const message = itemMessage(feed, item, itemHash);
    // Measured as it travels: characters the queue may refuse go escaped (see sqsMessageBody).
    if (message.content && Buffer.byteLength(sqsMessageBody(message)) > INLINE_BODY_LIMIT) {
      await deps.store.putStoryBody(message.storyId, message.content);
      delete message.content;
      message.contentStored = true;
    }
    messages.push(message);
  }
  let refused = new Set<ItemMessage>();
  let queueError: string | undefined;
  try {
    await deps.articlesQueue.send(messages);
  } catch (error) {
    // Not marked seen: the next poll tries those items again, and the feed says why meanwhile.
    refused = new Set(error instanceof QueueSendError ? (error.failed as ItemMessage[]) : messages);
    const first = messages.find((m) => refused.has(m));
    queueError = `queue refused item “${(first?.title ?? '').slice(0, 80)}”: ${
      error instanceof Error ? error.message : String(error)
    }`;
    deps.log?.('queue refused items', { feedId, refused: refused.size, error: queueError });
  }
  const queued = messages.filter((m) => !refused.has(m));
  const keyOf = new Map(fresh.map((f) => [f.itemHash, f.itemKey]));
  await deps.store.markItemsSeen(
    feedId,
    queued.map((m) => ({
      itemHash: m.itemHash,
      itemKey: keyOf.get(m.itemHash)!,
      storyId: m.storyId,
      url: m.link ?? `${feed.url}#${m.itemHash}`,
      title: m.title,
      publishedAt: m.publishedAt,
    })),
    now,
  );
  const newItems = queued.length;

  if (queueError !== undefined) {
    const errorCount = (feed.errorCount ?? 0) + 1;
    const message = `${refused.size} of ${messages.length} new items not queued; ${queueError}`;
    const written = await save({
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
      ...(written ? {} : { superseded: true }),
      failure: { kind: 'queue_refused', message },
    };
  }
  // A feed cut off mid-document keeps its validators: a 304 next time would hide the rest.
  const keepValidators = parsed.truncated === true;
  const next: FeedRecord = {
    ...checked,
    title: feed.title ?? parsed.title ?? undefined,
    etag: keepValidators ? feed.etag : ((response.headers.etag as string | undefined) ?? undefined),
    lastModified: keepValidators
      ? feed.lastModified
      : ((response.headers['last-modified'] as string | undefined) ?? undefined),
    lastSuccessAt: now.toISOString(),
    errorCount: 0,
    lastError: undefined,
    itemsSeen: (feed.itemsSeen ?? 0) + newItems,
    itemsHash,
    nextCheckAt: nextCheckAt(now, deps.pollIntervalMinutes, {
      ttlMinutes: parsed.ttlMinutes,
      maxAgeMinutes: maxAgeMinutes(response.headers['cache-control']),
    }),
  };
  if (newItems === 0 && unchangedSince(next)) {
    return { feedId, status: 'ok', newItems, quiet: true };
  }
  const written = await save(next);
  return { feedId, status: 'ok', newItems, ...(written ? {} : { superseded: true }) };
}
