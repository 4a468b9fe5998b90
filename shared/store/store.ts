import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { forEachLimit } from '../concurrency.ts';
import type { PollFailureKind } from '../errors.ts';
import type { FeedConfig, Figure, StoryTags } from '../types.ts';
import { keys, lists } from './keys.ts';

/** A feed with its polling state, as stored. */
export interface FeedRecord {
  feedId: string;
  url: string;
  title?: string;
  language?: string;
  etag?: string;
  lastModified?: string;
  lastCheckedAt?: string;
  lastSuccessAt?: string;
  nextCheckAt: string;
  errorCount: number;
  lastError?: { kind: PollFailureKind; message: string; at: string };
  itemsSeen?: number;
  /**
   * A hash of the item keys the feed last listed: a feed that answers 200 with the same items
   * (many send no validators) costs no seen-item reads.
   */
  itemsHash?: string;
  /** Written by versions before 0.6, whose scheduler held each feed until its poll reported. */
  pollScheduledAt?: string;
  /**
   * Set by `claimwatch feeds pause`, on the listed record (never the state item a poll
   * rewrites): a paused feed is not polled until `claimwatch feeds resume`.
   */
  paused?: PersonAction;
  /** The last `claimwatch feeds resume`: who took the pause back, and when. */
  resumed?: PersonAction;
}

/** Who did something by hand, and when: kept in the table beside what they did. */
export interface PersonAction {
  at: string;
  by: string;
  why?: string;
}

/** One entry of a figure's review history (`claimwatch figures reject` / `restore`). */
export interface FigureReview extends PersonAction {
  action: 'rejected' | 'restored';
}

/** The fields of a feed that polling owns: they live on the feed's state item. */
const FEED_STATE_FIELDS = [
  'etag',
  'lastModified',
  'lastCheckedAt',
  'lastSuccessAt',
  'nextCheckAt',
  'errorCount',
  'lastError',
  'itemsSeen',
  'itemsHash',
  'pollScheduledAt',
] as const;

/** Longest last-error message kept: the state item stays under 1 KB, one write unit. */
const LAST_ERROR_CHARS = 400;

/**
 * A feed as users see it: the listed record (URL, title, language) with its polling state. A
 * feed polled only by versions that kept the state on the listed record has no state item yet;
 * its record's own fields serve until its first poll writes one.
 */
function mergeFeed(
  meta: FeedRecord | undefined,
  state: Partial<FeedRecord> | undefined,
): FeedRecord | undefined {
  if (!meta) return undefined;
  if (!state) return meta;
  const merged: Record<string, unknown> = { ...meta };
  for (const field of FEED_STATE_FIELDS) delete merged[field];
  const { feedId: _id, title: feedTitle, ...rest } = state;
  return {
    ...(merged as unknown as FeedRecord),
    ...rest,
    title: meta.title ?? feedTitle ?? undefined,
  } as FeedRecord;
}

/** A stored story: what was extracted, where it came from, and how it was tagged. */
export interface StoryRecord {
  storyId: string;
  url: string;
  title: string;
  byline: string | null;
  publishedAt: string | null;
  language: string | null;
  source: string;
  fallbackReason?: string;
  feedIds: string[];
  tags: StoryTags;
  figureKeys: string[];
  firstSeenAt: string;
  processedAt: string;
  /** Size of the body; the body itself is its own item (`getStoryBody`), kept out of the lists. */
  textBytes: number;
  textTruncated?: boolean;
}

/** A distinct figure, with the story that first reported it and every corroborating source. */
export interface FigureRecord extends Figure {
  figureKey: string;
  firstSeenAt: string;
  firstStoryId: string;
  firstStoryUrl: string;
  storyIds: string[];
  claimants: string[];
  /**
   * Set when a person marked the figure wrong (`claimwatch figures reject`): it leaves the lists,
   * the timeline and the report, and no later story alerts it. Its mentions are still recorded.
   */
  rejected?: PersonAction;
  /** Every rejection and restoration, oldest first. */
  history?: FigureReview[];
}

/** One story's report of one figure: the evidence sentence and who it attributes the number to. */
export interface MentionRecord {
  figureKey: string;
  storyId: string;
  storyUrl: string;
  storyTitle: string;
  publishedAt: string | null;
  claimant: string | null;
  claimantCountry: string | null;
  qualifier: string;
  asOf?: string;
  evidence: string;
  seenAt: string;
}

/** Where an alert stands in its delivery. */
export type AlertStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'withdrawn';

/** The alert for one new figure, with its delivery state. */
export interface AlertRecord {
  alertId: string;
  figureKey: string;
  createdAt: string;
  status: AlertStatus;
  headline: string;
  figure: Figure;
  storyId: string;
  storyUrl: string;
  storyTitle: string;
  previous?: { value: number; valueHigh?: number; asOf: string | null; figureKey: string };
  attempts: number;
  leaseUntil?: number;
  sentAt?: string;
  lastError?: string;
  channels?: Record<string, string>;
}

/** The most of a body the table keeps: one item stays under DynamoDB's 400 KB. */
export const BODY_LIMIT_BYTES = 350_000;

function stripKeys<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g1s, GSI2PK: _g2, GSI2SK: _g2s, ...rest } = item;
  return rest as T;
}

function setToArray(value: unknown): string[] {
  if (value instanceof Set) return [...value].map(String).sort();
  return Array.isArray(value) ? value.map(String) : [];
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error as { name?: string })?.name === 'ConditionalCheckFailedException'
  );
}

/** Cuts a string to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): { text: string; truncated: boolean } {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return { text, truncated: false };
  return {
    text: bytes
      .subarray(0, maxBytes)
      .toString('utf8')
      .replace(/\uFFFD$/, ''),
    truncated: true,
  };
}

/**
 * The table's access patterns. Every write is idempotent (conditional puts, `if_not_exists`,
 * set additions), because SQS delivers at least once and dynalite has no transactions: a message
 * processed twice must leave the table exactly as processing it once did.
 */
export class Store {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  private async query<T>(input: {
    index?: 'GSI1' | 'GSI2';
    pk: string;
    skPrefix?: string;
    skBetween?: [string, string];
    skAtMost?: string;
    forward?: boolean;
    limit?: number;
    pkAttr?: string;
  }): Promise<T[]> {
    const pkName = input.index ? `${input.index}PK` : 'PK';
    const skName = input.index ? `${input.index}SK` : 'SK';
    const names: Record<string, string> = { '#pk': pkName };
    const values: Record<string, unknown> = { ':pk': input.pk };
    let condition = '#pk = :pk';
    if (input.skPrefix !== undefined) {
      names['#sk'] = skName;
      values[':sk'] = input.skPrefix;
      condition += ' AND begins_with(#sk, :sk)';
    } else if (input.skBetween) {
      names['#sk'] = skName;
      values[':a'] = input.skBetween[0];
      values[':b'] = input.skBetween[1];
      condition += ' AND #sk BETWEEN :a AND :b';
    } else if (input.skAtMost !== undefined) {
      names['#sk'] = skName;
      values[':sk'] = input.skAtMost;
      condition += ' AND #sk <= :sk';
    }
    const out: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: input.index,
          KeyConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: input.forward ?? true,
          ExclusiveStartKey: start,
          Limit: input.limit ? Math.min(input.limit - out.length, 1000) : undefined,
        }),
      );
      for (const item of page.Items ?? []) out.push(stripKeys<T>(item) as T);
      start = page.LastEvaluatedKey;
    } while (start && (!input.limit || out.length < input.limit));
    return out;
  }

  // ---- feeds -------------------------------------------------------------------------------

  /**
   * Adds feeds from the configured list that the table does not have yet, leaving the polling
   * state of known feeds alone. Skipped entirely when the list has not changed since last time,
   * so a scheduler can call it every cycle at the cost of one read.
   */
  async syncFeeds(
    feeds: (FeedConfig & { feedId: string })[],
    listHash: string,
    now: Date,
  ): Promise<{ added: number; changed: boolean }> {
    const current = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.feedsConfig() }),
    );
    if (current.Item?.hash === listHash) return { added: 0, changed: false };
    let added = 0;
    for (const feed of feeds) {
      const nextCheckAt = now.toISOString();
      try {
        await this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...keys.feed(feed.feedId),
              GSI1PK: lists.feeds,
              GSI1SK: `${nextCheckAt}#${feed.feedId}`,
              feedId: feed.feedId,
              url: feed.url,
              title: feed.title,
              language: feed.language,
              nextCheckAt,
              errorCount: 0,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        added++;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        await this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.feed(feed.feedId),
            UpdateExpression:
              'SET #url = :url, title = :title, #lang = :lang, GSI1PK = :g1, GSI1SK = if_not_exists(GSI1SK, :g1s) REMOVE disabled',
            ExpressionAttributeNames: { '#url': 'url', '#lang': 'language' },
            ExpressionAttributeValues: {
              ':url': feed.url,
              ':title': feed.title ?? null,
              ':lang': feed.language ?? null,
              ':g1': lists.feeds,
              ':g1s': `${nextCheckAt}#${feed.feedId}`,
            },
          }),
        );
      }
    }
    const listed = new Set(feeds.map((f) => f.feedId));
    for (const stale of (await this.listFeeds()).filter((f) => !listed.has(f.feedId))) {
      // A feed taken off the list keeps its history but leaves the due-feeds index.
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.feed(stale.feedId),
          UpdateExpression: 'SET disabled = :true REMOVE GSI1PK, GSI1SK',
          ExpressionAttributeValues: { ':true': true },
        }),
      );
    }
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.feedsConfig(), hash: listHash, syncedAt: now.toISOString() },
      }),
    );
    return { added, changed: true };
  }

  async getFeed(feedId: string): Promise<FeedRecord | undefined> {
    const res = await this.doc.send(
      new BatchGetCommand({
        RequestItems: { [this.tableName]: { Keys: [keys.feed(feedId), keys.feedState(feedId)] } },
      }),
    );
    let items = res.Responses?.[this.tableName] ?? [];
    if (Object.keys(res.UnprocessedKeys ?? {}).length > 0) {
      // rare (throttling): read the two one by one
      const [meta, state] = await Promise.all(
        [keys.feed(feedId), keys.feedState(feedId)].map((Key) =>
          this.doc.send(new GetCommand({ TableName: this.tableName, Key })),
        ),
      );
      items = [meta?.Item, state?.Item].filter((i) => i !== undefined);
    }
    const meta = items.find((i) => i.SK === 'META');
    const state = items.find((i) => i.PK === lists.feedStates);
    return mergeFeed(stripKeys<FeedRecord>(meta), stripKeys<Partial<FeedRecord>>(state));
  }

  /**
   * Feeds whose next check is due, oldest first, leaving out paused ones. Two Queries, never a Scan: the listed feeds
   * (GSI1) and every feed's state (one partition of small items), joined here, so that a poll's
   * outcome moves no index entry.
   */
  async dueFeeds(now: Date, limit?: number): Promise<FeedRecord[]> {
    const at = now.toISOString();
    const due = (await this.listFeeds())
      .filter((f) => f.nextCheckAt <= at && !f.paused)
      .sort(
        (a, b) => a.nextCheckAt.localeCompare(b.nextCheckAt) || a.feedId.localeCompare(b.feedId),
      );
    return limit === undefined ? due : due.slice(0, limit);
  }

  async listFeeds(): Promise<FeedRecord[]> {
    const [metas, states] = await Promise.all([
      this.query<FeedRecord>({ index: 'GSI1', pk: lists.feeds }),
      this.query<Partial<FeedRecord>>({ pk: lists.feedStates }),
    ]);
    const stateOf = new Map(states.map((s) => [s.feedId, s]));
    return metas.map((meta) => mergeFeed(meta, stateOf.get(meta.feedId))!);
  }

  /**
   * Records a poll's outcome and when the feed is next due: one small item outside every index,
   * so one write unit. With `ifNextCheckAt`, only if no other poll has reported since the
   * scheduler saw the feed due; returns false (writing nothing) when one has, so a duplicate
   * poll message cannot roll a feed's state back.
   */
  async saveFeedState(
    feed: FeedRecord,
    options: { ifNextCheckAt?: string } = {},
  ): Promise<boolean> {
    const item: Record<string, unknown> = { ...keys.feedState(feed.feedId), feedId: feed.feedId };
    for (const field of FEED_STATE_FIELDS) {
      if (feed[field] !== undefined && field !== 'pollScheduledAt') item[field] = feed[field];
    }
    if (feed.lastError) {
      item.lastError = {
        ...feed.lastError,
        message: feed.lastError.message.slice(0, LAST_ERROR_CHARS),
      };
    }
    // The title the feed gives itself, for feeds listed without one.
    if (feed.title) item.title = feed.title;
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ...(options.ifNextCheckAt === undefined
            ? {}
            : {
                ConditionExpression: 'attribute_not_exists(SK) OR nextCheckAt = :due',
                ExpressionAttributeValues: { ':due': options.ifNextCheckAt },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return false;
    }
  }

  /**
   * Pauses a listed feed (`claimwatch feeds pause`): the scheduler skips it until it is resumed.
   * Written on the feed's listed record, so no poll outcome can undo it. Returns false when the
   * table has no such feed.
   */
  async pauseFeed(feedId: string, action: PersonAction): Promise<boolean> {
    return this.updateIfExists(keys.feed(feedId), {
      UpdateExpression: 'SET paused = :p',
      ExpressionAttributeValues: { ':p': action },
    });
  }

  /** Takes a pause back (`claimwatch feeds resume`), recording who and when. */
  async resumeFeed(feedId: string, action: PersonAction): Promise<boolean> {
    return this.updateIfExists(keys.feed(feedId), {
      UpdateExpression: 'SET resumed = :r REMOVE paused',
      ExpressionAttributeValues: { ':r': action },
    });
  }

  /** An update of an item that must already exist; false when it does not. */
  private async updateIfExists(
    key: Record<string, string>,
    update: {
      UpdateExpression: string;
      ExpressionAttributeValues: Record<string, unknown>;
      ExpressionAttributeNames?: Record<string, string>;
    },
  ): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          ...update,
          ConditionExpression: 'attribute_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Which of a feed's items were seen before, in one BatchGetItem per hundred items instead of
   * one GetItem each.
   */
  async seenItems(feedId: string, itemHashes: readonly string[]): Promise<Set<string>> {
    const seen = new Set<string>();
    const unique = [...new Set(itemHashes)];
    for (let i = 0; i < unique.length; i += 100) {
      let request: Record<
        string,
        { Keys: Record<string, unknown>[]; ProjectionExpression: string }
      > = {
        [this.tableName]: {
          Keys: unique.slice(i, i + 100).map((hash) => keys.feedItem(feedId, hash)),
          ProjectionExpression: 'SK',
        },
      };
      for (let attempt = 0; Object.keys(request).length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
        const res = await this.doc.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of res.Responses?.[this.tableName] ?? []) {
          seen.add(String(item.SK).slice('ITEM#'.length));
        }
        request = (res.UnprocessedKeys ?? {}) as typeof request;
      }
    }
    return seen;
  }

  async hasSeenItem(feedId: string, itemHash: string): Promise<boolean> {
    const res = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.feedItem(feedId, itemHash),
        ProjectionExpression: 'PK',
      }),
    );
    return Boolean(res.Item);
  }

  /** Marks a feed item as queued, after its message is on the queue (so a crash re-queues it). */
  async markItemSeen(
    feedId: string,
    itemHash: string,
    item: {
      itemKey: string;
      storyId: string;
      url: string;
      title: string;
      publishedAt: string | null;
    },
    now: Date,
  ): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.feedItem(feedId, itemHash),
          GSI2PK: lists.feedStories(feedId),
          GSI2SK: `${item.publishedAt ?? now.toISOString()}#${item.storyId}`,
          ...item,
          feedId,
          seenAt: now.toISOString(),
        },
      }),
    );
  }

  /**
   * Marks a poll's queued items as seen, eight puts at a time. Not BatchWriteItem: its
   * permission is also a permission to delete, which the poller must not have.
   */
  async markItemsSeen(
    feedId: string,
    items: readonly {
      itemHash: string;
      itemKey: string;
      storyId: string;
      url: string;
      title: string;
      publishedAt: string | null;
    }[],
    now: Date,
  ): Promise<void> {
    await forEachLimit(items, 8, ({ itemHash, ...item }) =>
      this.markItemSeen(feedId, itemHash, item, now),
    );
  }

  /** Forgets that a feed item was seen, so the next poll queues it again. */
  async forgetFeedItem(feedId: string, itemHash: string): Promise<void> {
    await this.doc.send(
      new DeleteCommand({ TableName: this.tableName, Key: keys.feedItem(feedId, itemHash) }),
    );
  }

  /**
   * Points a seen item at the story its page turned out to be (its canonical or redirected URL),
   * so a restart's recovery finds the story and does not queue the item again.
   */
  async linkFeedItem(
    feedId: string,
    itemHash: string,
    story: { storyId: string; url: string },
  ): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.feedItem(feedId, itemHash),
          UpdateExpression: 'SET storyId = :s, #url = :u',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#url': 'url' },
          ExpressionAttributeValues: { ':s': story.storyId, ':u': story.url },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** What a feed published, newest first. */
  feedItems(feedId: string, limit?: number) {
    return this.query<{
      itemKey: string;
      storyId: string;
      url: string;
      title: string;
      publishedAt: string | null;
      seenAt: string;
    }>({ index: 'GSI2', pk: lists.feedStories(feedId), forward: false, limit });
  }

  // ---- stories -----------------------------------------------------------------------------

  /**
   * Stores a story's body as its own item: before the queue message when it is too large to
   * travel inline, and always when the story is stored, so the lists never carry bodies.
   */
  async putStoryBody(storyId: string, text: string): Promise<string> {
    const { text: stored } = truncateUtf8(text, BODY_LIMIT_BYTES);
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.storyBody(storyId), text: stored, bytes: Buffer.byteLength(text) },
      }),
    );
    return `${storyId}/BODY`;
  }

  async getStoryBody(storyId: string): Promise<string | undefined> {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.storyBody(storyId) }),
    );
    return res.Item?.text as string | undefined;
  }

  /**
   * Writes a story. Re-processing overwrites the extracted fields with the same values and adds
   * the feed to its sources; its source fields (URL, title, byline, publication date) and
   * `firstSeenAt` keep their first values, so no later page can rewrite whose story it is.
   */
  async putStory(
    story: Omit<StoryRecord, 'feedIds' | 'firstSeenAt' | 'textBytes'> & {
      text: string;
      feedId: string;
      now: Date;
    },
  ): Promise<StoryRecord> {
    const truncated = Buffer.byteLength(story.text) > BODY_LIMIT_BYTES;
    await this.putStoryBody(story.storyId, story.text);
    const when = story.publishedAt ?? story.now.toISOString();
    const res = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.story(story.storyId),
        UpdateExpression:
          'SET storyId = :id, #url = if_not_exists(#url, :url), title = if_not_exists(title, :title), byline = if_not_exists(byline, :byline), publishedAt = if_not_exists(publishedAt, :pub), #lang = :lang, #source = :source, fallbackReason = :fb, tags = :tags, figureKeys = :figs, processedAt = :now, textBytes = :bytes, textTruncated = :trunc, GSI1PK = :g1, GSI1SK = if_not_exists(GSI1SK, :g1s), firstSeenAt = if_not_exists(firstSeenAt, :now) ADD feedIds :feed',
        ExpressionAttributeNames: {
          '#url': 'url',
          '#lang': 'language',
          '#source': 'source',
        },
        ExpressionAttributeValues: {
          ':id': story.storyId,
          ':url': story.url,
          ':title': story.title,
          ':byline': story.byline,
          ':pub': story.publishedAt,
          ':lang': story.language,
          ':source': story.source,
          ':fb': story.fallbackReason ?? null,
          ':tags': story.tags,
          ':figs': story.figureKeys,
          ':now': story.now.toISOString(),
          ':bytes': Buffer.byteLength(story.text),
          ':trunc': truncated,
          ':g1': lists.stories,
          ':g1s': `${when}#${story.storyId}`,
          ':feed': new Set([story.feedId]),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return this.toStory(res.Attributes);
  }

  private toStory(item: Record<string, unknown> | undefined): StoryRecord {
    const story = stripKeys<StoryRecord>(item)!;
    return { ...story, feedIds: setToArray(story.feedIds) };
  }

  async getStory(storyId: string): Promise<StoryRecord | undefined> {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.story(storyId) }),
    );
    return res.Item ? this.toStory(res.Item) : undefined;
  }

  /** Stories by publish time, newest first. */
  async listStories(
    opts: { since?: string; until?: string; limit?: number } = {},
  ): Promise<StoryRecord[]> {
    const items = await this.query<Record<string, unknown>>({
      index: 'GSI1',
      pk: lists.stories,
      skBetween: [opts.since ?? '0', `${opts.until ?? '9999'}~`],
      forward: false,
      limit: opts.limit,
    });
    return items.map((item) => this.toStory(item));
  }

  // ---- figures -----------------------------------------------------------------------------

  /**
   * Records that a story reports a figure. The first story to do so becomes `firstStoryId`
   * (an atomic `if_not_exists`, so two consumers racing on one new figure agree on the winner),
   * and the story joins the figure's sources whether or not it was first. `isNew` is true only
   * for the call that created the figure; `isFirstStory` stays true for every reprocessing of
   * the story that did, so a crash before its alert was recorded can be recovered.
   */
  async recordFigure(
    figureKey: string,
    figure: Figure,
    story: { storyId: string; url: string },
    now: Date,
  ): Promise<{
    isNew: boolean;
    isFirstStory: boolean;
    firstClaimant: string | null;
    /** A person rejected the figure before this story reported it: it must not alert. */
    rejected: boolean;
  }> {
    const res = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.figure(figureKey),
        UpdateExpression:
          'SET figureKey = :key, metric = :metric, #unit = :unit, #value = :value, valueHigh = if_not_exists(valueHigh, :high), side = :side, qualifier = if_not_exists(qualifier, :q), claimant = if_not_exists(claimant, :claimant), claimantCountry = if_not_exists(claimantCountry, :country), evidence = if_not_exists(evidence, :evidence), asOf = if_not_exists(asOf, :asOf), #increment = :inc, firstSeenAt = if_not_exists(firstSeenAt, :now), firstStoryId = if_not_exists(firstStoryId, :sid), firstStoryUrl = if_not_exists(firstStoryUrl, :surl), GSI1PK = :g1, GSI1SK = if_not_exists(GSI1SK, :g1s) ADD storyIds :sids' +
          (figure.claimant ? ', claimants :claimants' : ''),
        ExpressionAttributeNames: { '#unit': 'unit', '#value': 'value', '#increment': 'increment' },
        ExpressionAttributeValues: {
          ':key': figureKey,
          ':metric': figure.metric,
          ':unit': figure.unit,
          ':value': figure.value,
          ':high': figure.valueHigh ?? null,
          ':side': figure.side,
          ':q': figure.qualifier,
          ':claimant': figure.claimant,
          ':country': figure.claimantCountry,
          ':evidence': figure.evidence,
          ':asOf': figure.asOf ?? null,
          ':inc': figure.increment === true,
          ':now': now.toISOString(),
          ':sid': story.storyId,
          ':surl': story.url,
          ':g1': lists.figures,
          ':g1s': `${now.toISOString()}#${figureKey}`,
          ':sids': new Set([story.storyId]),
          ...(figure.claimant ? { ':claimants': new Set([figure.claimant]) } : {}),
        },
        ReturnValues: 'ALL_OLD',
      }),
    );
    const before = res.Attributes;
    return {
      isNew: !before?.firstStoryId,
      isFirstStory: (before?.firstStoryId ?? story.storyId) === story.storyId,
      firstClaimant: (before?.claimant as string | null | undefined) ?? figure.claimant,
      rejected: Boolean(before?.rejected),
    };
  }

  private toFigure(item: Record<string, unknown> | undefined): FigureRecord {
    const raw = stripKeys<FigureRecord & { valueHigh?: number | null; asOf?: string | null }>(
      item,
    )!;
    const figure: FigureRecord = {
      ...raw,
      storyIds: setToArray(raw.storyIds),
      claimants: setToArray(raw.claimants),
    };
    if (raw.valueHigh === null) delete figure.valueHigh;
    if (raw.asOf === null) delete figure.asOf;
    if (!raw.increment) delete figure.increment;
    return figure;
  }

  async putMention(
    mention: MentionRecord,
    claimantKey: string | null,
    metric: string,
    unit: string,
  ): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.mention(mention.figureKey, mention.storyId),
          ...(claimantKey
            ? {
                GSI2PK: lists.claimantMetric(claimantKey, metric, unit),
                GSI2SK: `${mention.asOf ?? mention.publishedAt ?? mention.seenAt}#${mention.figureKey}`,
              }
            : {}),
          ...mention,
        },
      }),
    );
  }

  /** Earlier mentions of the same claimant's figure for the same metric, newest first. */
  claimantHistory(claimantKey: string, metric: string, unit: string): Promise<MentionRecord[]> {
    return this.query<MentionRecord>({
      index: 'GSI2',
      pk: lists.claimantMetric(claimantKey, metric, unit),
      forward: false,
    });
  }

  async getFigure(figureKey: string): Promise<FigureRecord | undefined> {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.figure(figureKey) }),
    );
    return res.Item ? this.toFigure(res.Item) : undefined;
  }

  /** Every story that reported a figure, with its evidence sentence. */
  mentions(figureKey: string): Promise<MentionRecord[]> {
    return this.query<MentionRecord>({ pk: `FIGURE#${figureKey}`, skPrefix: 'MENTION#' });
  }

  /** Figures by first seen, oldest first. */
  async listFigures(): Promise<FigureRecord[]> {
    const items = await this.query<Record<string, unknown>>({ index: 'GSI1', pk: lists.figures });
    return items.map((item) => this.toFigure(item));
  }

  /**
   * Marks a figure wrong (`claimwatch figures reject`): kept on its record with who, when and
   * why, and appended to its history. Returns false when there is no such figure.
   */
  async rejectFigure(figureKey: string, action: PersonAction): Promise<boolean> {
    const entry: FigureReview = { action: 'rejected', ...action };
    return this.updateIfExists(keys.figure(figureKey), {
      UpdateExpression:
        'SET rejected = :r, history = list_append(if_not_exists(history, :none), :e)',
      ExpressionAttributeValues: { ':r': action, ':none': [], ':e': [entry] },
    });
  }

  /** Takes a rejection back (`claimwatch figures restore`), keeping both in the history. */
  async restoreFigure(figureKey: string, action: PersonAction): Promise<boolean> {
    const entry: FigureReview = { action: 'restored', ...action };
    return this.updateIfExists(keys.figure(figureKey), {
      UpdateExpression:
        'SET history = list_append(if_not_exists(history, :none), :e) REMOVE rejected',
      ExpressionAttributeValues: { ':none': [], ':e': [entry] },
    });
  }

  // ---- alerts ------------------------------------------------------------------------------

  /** Creates the alert record once; returns the stored record and whether this call created it. */
  async ensureAlert(alert: AlertRecord): Promise<{ record: AlertRecord; created: boolean }> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.alert(alert.alertId),
            GSI1PK: lists.alerts,
            GSI1SK: `${alert.createdAt}#${alert.alertId}`,
            ...alert,
            channels: alert.channels ?? {},
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return { record: { ...alert, channels: alert.channels ?? {} }, created: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { record: (await this.getAlert(alert.alertId))!, created: false };
    }
  }

  async getAlert(alertId: string): Promise<AlertRecord | undefined> {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.alert(alertId) }),
    );
    return stripKeys<AlertRecord>(res.Item);
  }

  /**
   * Takes the right to deliver an alert for `leaseMs`. Only one consumer can hold it at a time:
   * a pending alert, or one whose previous holder's lease ran out, is claimed with a conditional
   * update; a sent alert never is.
   */
  async claimAlert(
    alertId: string,
    leaseMs: number,
    now: number,
  ): Promise<AlertRecord | undefined> {
    try {
      const res = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.alert(alertId),
          UpdateExpression: 'SET #status = :sending, leaseUntil = :lease ADD attempts :one',
          ConditionExpression:
            'attribute_exists(PK) AND (#status = :pending OR #status = :failed OR (#status = :sending AND leaseUntil < :now))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':pending': 'pending',
            ':failed': 'failed',
            ':lease': now + leaseMs,
            ':now': now,
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return stripKeys<AlertRecord>(res.Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /**
   * Records one channel's delivery state on an alert. `sending` is written before the message
   * goes out, so a consumer that crashes mid-send leaves a trace: the next holder treats the
   * channel as delivered (unconfirmed) rather than risk a second message.
   */
  async markChannel(alertId: string, channel: string, state: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.alert(alertId),
        UpdateExpression: 'SET channels.#c = :state',
        ExpressionAttributeNames: { '#c': channel },
        ExpressionAttributeValues: { ':state': state },
      }),
    );
  }

  /**
   * Hands back an alert left `sending` by a consumer known to be dead, so it can be claimed at
   * once instead of after its lease. Its channel states stay: a channel marked `sending` is
   * still treated as possibly delivered.
   */
  async releaseAlert(alertId: string): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.alert(alertId),
          UpdateExpression: 'SET #status = :pending REMOVE leaseUntil',
          ConditionExpression: '#status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending', ':sending': 'sending' },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /**
   * Makes an alert deliverable again on the channels a person chose to resend it to (those
   * left `unconfirmed` by a crash, or `failed`): their states are cleared and the alert is
   * pending. An alert some consumer holds right now is left alone; returns whether it reopened.
   */
  async reopenAlert(alertId: string, channels: readonly string[], now: number): Promise<boolean> {
    const names: Record<string, string> = { '#status': 'status' };
    const removes = channels.map((c, i) => {
      names[`#c${i}`] = c;
      return `channels.#c${i}`;
    });
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.alert(alertId),
          UpdateExpression: `SET #status = :pending REMOVE ${['leaseUntil', ...removes].join(', ')}`,
          ConditionExpression:
            'attribute_exists(PK) AND (#status <> :sending OR attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':pending': 'pending', ':sending': 'sending', ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Records a delivery outcome for an alert this consumer holds. */
  async finishAlert(
    alertId: string,
    outcome: {
      status: 'sent' | 'pending' | 'failed' | 'withdrawn';
      channels: Record<string, string>;
      error?: string;
    },
    now: Date,
  ): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.alert(alertId),
        UpdateExpression:
          'SET #status = :status, channels = :channels, lastError = :error, sentAt = :sentAt REMOVE leaseUntil',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': outcome.status,
          ':channels': outcome.channels,
          ':error': outcome.error ?? null,
          ':sentAt': outcome.status === 'sent' ? now.toISOString() : null,
        },
      }),
    );
  }

  /** Alerts by creation time, oldest first. */
  listAlerts(): Promise<AlertRecord[]> {
    return this.query<AlertRecord>({ index: 'GSI1', pk: lists.alerts });
  }
}
