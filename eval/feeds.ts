/**
 * Eval part 3: real-world feed files (outside the repo, `../shared/data/feeds/`) served from a
 * local HTTP server with the content types of `manifest.json` (variant A as the source intends,
 * variants B* with a wrong, missing or bogus charset) and polled through the real poll path:
 * `pollFeed` with the pipeline's fetcher, charset decoding, parser and store. Article pages are
 * never fetched (they are other people's live sites): every item falls back to its feed text,
 * which is the same path a page that cannot be fetched takes.
 *
 * Exported so `npm run bench` can print the same figures: {@link measureFeeds}.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalRuntime } from '../local/runtime.ts';
import { startLocalServices } from '../local/services.ts';
import { forEachLimit } from '../shared/concurrency.ts';
import { FetchError } from '../shared/errors.ts';
import { parseFeedList } from '../shared/feeds/feed-list.ts';
import type { Fetcher } from '../shared/feeds/http-fetch.ts';
import type { PollDeps } from '../shared/pipeline/poll.ts';
import { pollFeed } from '../shared/pipeline/poll.ts';
import { startTestServer } from '../test/helpers/http-server.ts';
import { type PartResult, table } from './check.ts';

/** One case of `manifest.json`. */
export interface FeedCase {
  id: string;
  file: string;
  /** Sent as Content-Type; null sends none. */
  contentType: string | null;
  expectedItems: number | null;
  rawItems: number;
  variant: string;
}

/** What became of one case after its poll. */
export interface FeedCaseResult {
  id: string;
  variant: string;
  /** The feed document is a feed (else the right verdict is `not_a_feed`). */
  isFeed: boolean;
  /** `ok`, a failure kind, `threw: …` when the poll itself threw, or `none` (no status saved). */
  status: string;
  expectedItems: number;
  itemsRead: number;
  titles: string[];
  fffdTitles: string[];
  mojibakeTitles: string[];
  /** B variants: titles that differ from variant A's for the same file. */
  differFromA: number;
}

/** The figures of the feeds part, each with a floor in `eval/feed-floors.json`. */
export interface FeedMeasurement {
  cases: number;
  files: number;
  /** Cases that are feeds and were polled `ok`. */
  feedsParsed: number;
  feedCases: number;
  /** Cases that are not feeds and were rejected as `not_a_feed`. */
  nonFeedsRejected: number;
  nonFeedCases: number;
  /** Items queued by the polls, and what the manifest expects of the cases that are feeds. */
  itemsRead: number;
  itemsExpected: number;
  /** Item and feed titles checked, and those with U+FFFD or mojibake. */
  titles: number;
  fffdTitles: number;
  mojibakeTitles: number;
  /** Titles of B variants that differ from the same file's titles served as variant A. */
  titlesDifferFromA: number;
  /** Feeds left with neither a success nor an error recorded (the poll threw, or never saved). */
  noStatus: number;
  seconds: number;
  perCase: FeedCaseResult[];
}

/** `eval/feed-floors.json`: minimums for counts that should rise, maximums for those that should fall. */
export interface FeedFloors {
  about: string;
  min: { feedsParsed: number; nonFeedsRejected: number; itemsRead: number };
  max: { fffdTitles: number; mojibakeTitles: number; titlesDifferFromA: number; noStatus: number };
}

/** Where the floors live, beside this module. */
export const FEED_FLOORS_FILE = join(import.meta.dirname, 'feed-floors.json');

/**
 * UTF-8 read as Latin-1/Windows-1252 ("CafÃ©", "â€™", "Â ", "Ð¢ÐµÑ"), UTF-8 Cyrillic read as
 * Windows-1251 ("Р°", "вЂ"), and C1 control characters (Windows-1252 read as Latin-1).
 */
const MOJIBAKE_RE =
  /[ÃÂÐÑ][\u0080-\u00BF]|Ã[\u00C0-\u00FF]|â€|[РС][\u0080-\u00BF\u0402-\u040F\u0452-\u045F‚„…†‡€‰‹›‘’“”•–—™]|вЂ|[\u0080-\u009F]/u;

/** Whether a title shows the usual marks of text decoded with the wrong charset. */
export function looksMojibake(title: string): boolean {
  return MOJIBAKE_RE.test(title);
}

const FEED_ROOT_RE = /<(rss|feed|rdf:RDF|channel)\b/i;

/** Reads `manifest.json` under `feedsDir`. */
export function loadFeedCases(feedsDir: string): FeedCase[] {
  const manifest = JSON.parse(readFileSync(join(feedsDir, 'manifest.json'), 'utf8')) as {
    entries: FeedCase[];
  };
  return manifest.entries;
}

/** A queue that keeps what it is sent: the poll's output, counted afterwards. */
class RecordingQueue {
  readonly messages: Array<{ feedId: string; title: string }> = [];
  async send(messages: object[]): Promise<void> {
    for (const m of messages) this.messages.push(m as { feedId: string; title: string });
  }
}

/**
 * Serves every case on 127.0.0.1, polls each once through `pollFeed` (four at a time) with a
 * real store (dynalite in memory) and the pipeline's fetcher, and counts what was read.
 * Prints nothing.
 */
export async function measureFeeds(feedsDir: string): Promise<FeedMeasurement> {
  const started = performance.now();
  const cases = loadFeedCases(feedsDir);
  const bodies = new Map(cases.map((c) => [c.id, readFileSync(join(feedsDir, c.file))]));
  const server = await startTestServer();
  const services = await startLocalServices();
  try {
    for (const c of cases) {
      server.route(`/feeds/${c.id}`, (_req, res) => {
        res.writeHead(200, c.contentType ? { 'content-type': c.contentType } : {});
        res.end(bodies.get(c.id));
      });
    }
    const feedList = parseFeedList(
      cases.map((c) => ({ id: c.id, url: `${server.url}/feeds/${c.id}` })),
    );
    const runtime = LocalRuntime.fromEnv(
      { ...services.env, FETCH_ALLOW_ADDRESSES: '127.0.0.1' },
      feedList,
    );
    const now = new Date();
    await runtime.deps.store.syncFeeds(feedList.feeds, feedList.hash, now);
    const realFetcher = runtime.deps.fetcher;
    const origin = new URL(server.url).origin;
    // Only the feeds are fetched; an item's page would be someone's live site.
    const fetcher: Fetcher = async (url, request) => {
      if (new URL(url).origin !== origin) {
        throw new FetchError('blocked_address', `eval: article pages are not fetched (${url})`);
      }
      return realFetcher(url, request);
    };
    const queue = new RecordingQueue();
    const deps: PollDeps = {
      store: runtime.deps.store,
      fetcher,
      articlesQueue: queue,
      pollIntervalMinutes: 5,
      // Every item, not the deployment's first 30: this measures the reader, not the budget.
      maxItemsPerFeed: 100_000,
    };
    const threw = new Map<string, string>();
    await forEachLimit(cases, 4, async (c) => {
      try {
        await pollFeed(deps, c.id, now);
      } catch (error) {
        threw.set(c.id, error instanceof Error ? error.message : String(error));
      }
    });

    const titlesByFeed = new Map<string, string[]>();
    for (const m of queue.messages) {
      const list = titlesByFeed.get(m.feedId) ?? [];
      list.push(m.title);
      titlesByFeed.set(m.feedId, list);
    }
    const perCase: FeedCaseResult[] = [];
    for (const c of cases) {
      const record = await runtime.deps.store.getFeed(c.id);
      const status = threw.has(c.id)
        ? `threw: ${threw.get(c.id)}`
        : record?.lastError
          ? record.lastError.kind
          : record?.lastSuccessAt
            ? 'ok'
            : 'none';
      const titles = [...(record?.title ? [record.title] : []), ...(titlesByFeed.get(c.id) ?? [])];
      const isFeed = FEED_ROOT_RE.test(bodies.get(c.id)!.toString('latin1'));
      perCase.push({
        id: c.id,
        variant: c.variant,
        isFeed,
        status,
        expectedItems: isFeed ? (c.expectedItems ?? c.rawItems) : 0,
        itemsRead: titlesByFeed.get(c.id)?.length ?? 0,
        titles,
        fffdTitles: titles.filter((t) => t.includes('\uFFFD')),
        mojibakeTitles: titles.filter(looksMojibake),
        differFromA: 0,
      });
    }
    // A B variant serves variant A's file wrongly labelled: a robust reader gets the same titles.
    for (const [i, r] of perCase.entries()) {
      if (cases[i]!.variant === 'A') continue;
      const a = perCase.find((p, j) => p.variant === 'A' && cases[j]!.file === cases[i]!.file);
      if (!a) continue;
      const aTitles = new Set(a.titles);
      r.differFromA =
        r.titles.filter((t) => !aTitles.has(t)).length +
        Math.max(0, a.titles.length - r.titles.length);
    }

    const feedCases = perCase.filter((r) => r.isFeed);
    const nonFeedCases = perCase.filter((r) => !r.isFeed);
    const sum = (f: (r: FeedCaseResult) => number) => perCase.reduce((n, r) => n + f(r), 0);
    return {
      cases: cases.length,
      files: new Set(cases.map((c) => c.file)).size,
      feedsParsed: feedCases.filter((r) => r.status === 'ok').length,
      feedCases: feedCases.length,
      nonFeedsRejected: nonFeedCases.filter((r) => r.status === 'not_a_feed').length,
      nonFeedCases: nonFeedCases.length,
      itemsRead: sum((r) => r.itemsRead),
      itemsExpected: sum((r) => r.expectedItems),
      titles: sum((r) => r.titles.length),
      fffdTitles: sum((r) => r.fffdTitles.length),
      mojibakeTitles: sum((r) => r.mojibakeTitles.length),
      titlesDifferFromA: sum((r) => r.differFromA),
      noStatus: perCase.filter((r) => r.status === 'none' || r.status.startsWith('threw')).length,
      seconds: (performance.now() - started) / 1000,
      perCase,
    };
  } finally {
    await services.stop();
    await server.close();
  }
}

/** Floors equal to a measurement: what `--update-floors` records. */
export function feedFloorsFrom(m: FeedMeasurement): FeedFloors {
  return {
    about:
      'Floors of `npm run eval` part 3 (real-world feeds in ../shared/data/feeds polled through pollFeed). `min` figures may not fall below, `max` figures may not rise above. Recorded from a measurement by `npm run eval -- --update-floors`; raise them by hand (or re-record) when the feed reader improves.',
    min: {
      feedsParsed: m.feedsParsed,
      nonFeedsRejected: m.nonFeedsRejected,
      itemsRead: m.itemsRead,
    },
    max: {
      fffdTitles: m.fffdTitles,
      mojibakeTitles: m.mojibakeTitles,
      titlesDifferFromA: m.titlesDifferFromA,
      noStatus: m.noStatus,
    },
  };
}

/** Reads the floors file, or null when there is none yet. */
export function readFeedFloors(file = FEED_FLOORS_FILE): FeedFloors | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FeedFloors) : null;
}

/** Writes the floors file. */
export function writeFeedFloors(floors: FeedFloors, file = FEED_FLOORS_FILE): void {
  writeFileSync(file, `${JSON.stringify(floors, null, 2)}\n`);
}

/** The feeds table, as `npm run eval` and `npm run bench` print it. */
export function formatFeeds(m: FeedMeasurement, floors?: FeedFloors | null): string[] {
  const min = floors?.min;
  const max = floors?.max;
  const f = (v: number | undefined, prefix: string) => (v === undefined ? '' : `${prefix}${v}`);
  return [
    `feeds: ${m.cases} cases (${m.files} files) polled through pollFeed, ${m.seconds.toFixed(0)} s`,
    ...table([
      ['figure', 'value', 'of', 'floor'],
      ['feeds parsed', m.feedsParsed, m.feedCases, f(min?.feedsParsed, '≥ ')],
      ['non-feeds rejected', m.nonFeedsRejected, m.nonFeedCases, f(min?.nonFeedsRejected, '≥ ')],
      ['items read', m.itemsRead, m.itemsExpected, f(min?.itemsRead, '≥ ')],
      ['titles with U+FFFD', m.fffdTitles, m.titles, f(max?.fffdTitles, '≤ ')],
      ['titles with mojibake', m.mojibakeTitles, m.titles, f(max?.mojibakeTitles, '≤ ')],
      ['B titles unlike A', m.titlesDifferFromA, '', f(max?.titlesDifferFromA, '≤ ')],
      ['feeds with no status', m.noStatus, m.cases, f(max?.noStatus, '≤ ')],
    ]),
  ];
}

/** Compares a measurement to its floors: the table to print and every floor missed. */
export function judgeFeeds(m: FeedMeasurement, floors: FeedFloors): PartResult {
  const failures: string[] = [];
  for (const [name, floor] of Object.entries(floors.min)) {
    const value = m[name as keyof FeedFloors['min']];
    if (value < floor) failures.push(`feeds: ${name} ${value} is below its floor ${floor}`);
  }
  for (const [name, ceiling] of Object.entries(floors.max)) {
    const value = m[name as keyof FeedFloors['max']];
    if (value > ceiling) failures.push(`feeds: ${name} ${value} is above its ceiling ${ceiling}`);
  }
  const bad = m.perCase.filter(
    (r) =>
      (r.isFeed ? r.status !== 'ok' : r.status !== 'not_a_feed') ||
      r.itemsRead < r.expectedItems ||
      r.fffdTitles.length + r.mojibakeTitles.length + r.differFromA > 0,
  );
  return {
    part: 'feeds',
    lines: [
      ...formatFeeds(m, floors),
      `cases not yet right (${bad.length}): ${bad.length === 0 ? 'none' : ''}${bad
        .map(
          (r) =>
            `${r.id} ${r.status}${r.itemsRead < r.expectedItems ? ` ${r.itemsRead}/${r.expectedItems} items` : ''}${r.fffdTitles.length ? ` ${r.fffdTitles.length}×U+FFFD` : ''}${r.mojibakeTitles.length ? ` ${r.mojibakeTitles.length}×mojibake` : ''}${r.differFromA ? ` ${r.differFromA}≠A` : ''}`,
        )
        .join('; ')}`,
      'floor: eval/feed-floors.json (min: may not fall; max: may not rise)',
    ],
    failures,
  };
}
