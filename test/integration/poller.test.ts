import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRuntime } from '../../local/runtime.ts';
import type { LocalServices } from '../../local/services.ts';
import { startLocalServices } from '../../local/services.ts';
import type { FeedList } from '../../shared/feeds/feed-list.ts';
import { parseFeedList } from '../../shared/feeds/feed-list.ts';
import type { PollDeps } from '../../shared/pipeline/poll.ts';
import { pollFeed } from '../../shared/pipeline/poll.ts';
import { scheduleDuePolls } from '../../shared/pipeline/schedule.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';

const rss = (items: string, extra = '') =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${extra}${items}</channel></rss>`;
const item = (link: string, title: string, guid?: string, description = 'Teaser text') =>
  `<item><title>${title}</title><link>${link}</link>${guid ? `<guid isPermaLink="false">${guid}</guid>` : ''}<description>${description}</description><pubDate>Mon, 23 Dec 2024 09:00:00 GMT</pubDate></item>`;
const page = (title: string, paragraphs: string[]) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>Subscribe to our newsletter</footer></body></html>`;
const body = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `Paragraph ${i + 1}: officials in Seoul and Kyiv discussed the situation on the front line at length, describing the fighting in the Kursk region and the movements of troops along the border in considerable detail for reporters.`,
  );

describe('polling feeds over local HTTP servers', () => {
  let services: LocalServices;
  let site: TestServer;
  let slowSite: TestServer;
  let runtime: LocalRuntime;
  let deps: PollDeps;
  let feedList: FeedList;
  let etagHits = 0;
  const arrived = new Set<string>();
  const latePageReleased = (() => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  })();
  const allArrived = (() => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  })();

  beforeAll(async () => {
    services = await startLocalServices();
    site = await startTestServer();
    const u = site.url;
    site.route('/etag.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"abc"') {
        etagHits++;
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { etag: '"abc"', 'last-modified': 'Mon, 23 Dec 2024 09:00:00 GMT' });
      res.end(rss(item(`${u}/a1`, 'A1'), '<ttl>90</ttl>'));
    });
    site.route('/cached.xml', (_req, res) => {
      res.writeHead(200, { 'cache-control': 'public, max-age=3600' });
      res.end(rss(''));
    });
    site.route('/limited.xml', (_req, res) => {
      res.writeHead(429, { 'retry-after': '7200' });
      res.end();
    });
    site.route('/broken.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end('<rss><channel><item><title>unclosed</channel>');
    });
    site.route('/down.xml', (_req, res) => {
      res.writeHead(503);
      res.end();
    });
    site.route('/big.xml', (_req, res) => {
      res.writeHead(200);
      res.end(rss(item(`${u}/huge`, 'Huge')));
    });
    site.route('/huge', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page('Huge', body(1500)));
    });
    site.route('/fallback.xml', (_req, res) => {
      res.writeHead(200);
      res.end(
        rss(
          item(
            `${u}/missing`,
            'Missing page',
            undefined,
            'The feed’s own summary of the story, used when the page is gone.',
          ) +
            item(
              `${u}/to-private`,
              'Redirected',
              undefined,
              'Summary of a page that redirects to a private address.',
            ),
        ),
      );
    });
    site.route('/to-private', (_req, res) => {
      res.writeHead(302, { location: 'http://10.0.0.5/internal' });
      res.end();
    });
    site.route('/one.xml', (_req, res) => {
      res.writeHead(200);
      res.end(rss(item(`${u}/shared?utm_source=one`, 'Shared story')));
    });
    site.route('/two.xml', (_req, res) => {
      res.writeHead(200);
      res.end(rss(item(`${u}/shared?utm_source=two#top`, 'Shared story')));
    });
    site.route('/badlink.xml', (_req, res) => {
      res.writeHead(200);
      res.end(
        rss(
          item(
            'http://exa mple.com/x',
            'Bad link',
            undefined,
            'Summary of an item whose link is not a URL.',
          ) + item(`${u}/g1`, 'After the bad link'),
        ),
      );
    });
    site.route('/schemes.xml', (_req, res) => {
      res.writeHead(200);
      res.end(
        rss(
          [
            'javascript:alert(document.domain)',
            'data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;',
            'vbscript:msgbox(1)',
            'file:///etc/passwd',
          ]
            .map((link, i) => item(link, `Scheme ${i}`, `scheme-${i}`, `Summary ${i}.`))
            .join(''),
        ),
      );
    });
    site.route('/guidonly.xml', (_req, res) => {
      res.writeHead(200);
      res.end(
        rss(
          [1, 2, 3, 4, 5]
            .map(
              (n) =>
                `<item><title>Bulletin ${n}</title><guid isPermaLink="false">bulletin</guid><description>Bulletin ${n}: ${n * 1000} North Korean troops.</description></item>`,
            )
            .join(''),
        ),
      );
    });
    // Two slow pages on one site, two quick ones on another.
    slowSite = await startTestServer();
    site.route('/held.xml', (_req, res) => {
      res.writeHead(200);
      res.end(
        rss(
          [`${slowSite.url}/held-1`, `${slowSite.url}/held-2`, `${u}/quick-1`, `${u}/quick-2`]
            .map((link) => item(link, link.split('/').pop()!))
            .join(''),
        ),
      );
    });
    for (const path of ['held-1', 'held-2', 'quick-1', 'quick-2']) {
      (path.startsWith('held') ? slowSite : site).route(`/${path}`, async (_req, res) => {
        arrived.add(path);
        if (arrived.size === 4) allArrived.resolve();
        // The slow site answers only once every page has been asked for.
        if (path.startsWith('held')) await allArrived.promise;
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(page(`Page ${path}`, body(4)));
      });
    }
    site.route('/late.xml', (_req, res) => {
      res.writeHead(200);
      res.end(rss(item(`${slowSite.url}/late-page`, 'Late page')));
    });
    slowSite.route('/late-page', async (_req, res) => {
      // Answers only once the test lets it, after the poll that asked has given up on it.
      await latePageReleased.promise;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page('Late page', body(4)));
    });
    site.route('/budget.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"b1"') {
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { etag: '"b1"' });
      res.end(rss(['b-1', 'b-2', 'b-3'].map((p) => item(`${u}/a1?${p}`, p)).join('')));
    });
    site.route('/forged.xml', (_req, res) => {
      res.writeHead(200);
      res.end(rss(item(`${u}/forger`, 'Forged') + item(`${u}/own-canonical`, 'Own')));
    });
    site.route('/forger', (_req, res) => {
      // Claims to be another outlet's article.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        page('Forged page', body(4)).replace(
          '</head>',
          '<link rel="canonical" href="https://real-outlet.example/world/2024/12/23/story"></head>',
        ),
      );
    });
    site.route('/own-canonical', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        page('Own page', body(4)).replace(
          '</head>',
          `<link rel="canonical" href="${u}/articles/own-story"></head>`,
        ),
      );
    });
    site.route('/sameguid.xml', (_req, res) => {
      res.writeHead(200);
      res.end(rss(item(`${u}/g1`, 'G1', 'same') + item(`${u}/g2`, 'G2', 'same')));
    });
    for (const path of ['/a1', '/shared', '/g1', '/g2']) {
      site.route(path, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(page(`Page ${path}`, body(4)));
      });
    }
    feedList = parseFeedList(
      [
        'etag',
        'cached',
        'limited',
        'broken',
        'down',
        'big',
        'fallback',
        'one',
        'two',
        'sameguid',
        'badlink',
        'schemes',
        'forged',
        'guidonly',
        'held',
        'budget',
        'late',
      ].map((id) => ({
        id,
        url: `${u}/${id}.xml`,
      })),
    );
    runtime = LocalRuntime.fromEnv(
      { ...services.env, FETCH_ALLOW_ADDRESSES: '127.0.0.1' },
      feedList,
      {
        retryDelaySeconds: () => 0,
      },
    );
    await runtime.deps.store.syncFeeds(feedList.feeds, feedList.hash, new Date());
    deps = {
      store: runtime.deps.store,
      fetcher: runtime.deps.fetcher,
      articlesQueue: runtime.deps.articlesQueue,
      pollIntervalMinutes: 5,
      maxItemsPerFeed: 30,
    };
  });
  afterAll(async () => {
    await services?.stop();
    await site?.close();
    await slowSite?.close();
  });

  const minutesUntil = (iso: string, from: Date) =>
    Math.round((Date.parse(iso) - from.getTime()) / 60_000);

  it('stores ETag and Last-Modified, sends them back, and a 304 costs no parsing', async () => {
    const now = new Date();
    expect(await pollFeed(deps, 'etag', now)).toMatchObject({ status: 'ok', newItems: 1 });
    const feed = (await deps.store.getFeed('etag'))!;
    expect(feed).toMatchObject({ etag: '"abc"', lastModified: 'Mon, 23 Dec 2024 09:00:00 GMT' });
    expect(minutesUntil(feed.nextCheckAt, now)).toBe(90); // the feed's <ttl>
    expect(await pollFeed(deps, 'etag', now)).toMatchObject({
      status: 'not_modified',
      newItems: 0,
    });
    expect(etagHits).toBe(1);
    const sent = site.requests.filter((r) => r.path === '/etag.xml').at(-1)!;
    expect(sent.headers['if-modified-since']).toBe('Mon, 23 Dec 2024 09:00:00 GMT');
  });

  it('honours Cache-Control max-age when scheduling the next poll', async () => {
    const now = new Date();
    await pollFeed(deps, 'cached', now);
    expect(minutesUntil((await deps.store.getFeed('cached'))!.nextCheckAt, now)).toBe(60);
  });

  it('honours Retry-After on 429 and backs off exponentially, capped, on repeated failures', async () => {
    const now = new Date();
    await pollFeed(deps, 'limited', now);
    const limited = (await deps.store.getFeed('limited'))!;
    expect(limited.lastError?.kind).toBe('rate_limited');
    expect(minutesUntil(limited.nextCheckAt, now)).toBe(120);

    const gaps: number[] = [];
    for (let i = 0; i < 12; i++) {
      await pollFeed(deps, 'down', now);
      const down = (await deps.store.getFeed('down'))!;
      gaps.push(minutesUntil(down.nextCheckAt, now));
    }
    expect(gaps.slice(0, 4)).toEqual([10, 20, 40, 80]);
    expect(Math.max(...gaps)).toBe(24 * 60);
    expect((await deps.store.getFeed('down'))!.errorCount).toBe(12);
  });

  it('records bad XML on its feed and keeps polling the others', async () => {
    const result = await pollFeed(deps, 'broken', new Date());
    expect(result.status).toBe('failed');
    expect(result.failure?.kind).toBe('bad_xml');
    expect((await deps.store.getFeed('broken'))!.lastError?.kind).toBe('bad_xml');
    expect(await pollFeed(deps, 'sameguid', new Date())).toMatchObject({
      status: 'ok',
      newItems: 2,
    });
  });

  it('stores a body too large for a message first and sends it by reference, uncut', async () => {
    expect(await pollFeed(deps, 'big', new Date())).toMatchObject({ newItems: 1 });
    await runtime.drain();
    const story = (await deps.store.listStories()).find((s) => s.title === 'Huge')!;
    expect(story.textBytes).toBeGreaterThan(200_000);
    expect(story.textTruncated).toBe(false);
    const text = (await deps.store.getStoryBody(story.storyId))!;
    expect(text).toContain('Paragraph 1500:');
  });

  it('falls back to the feed’s content when the page is missing or redirects to a private address', async () => {
    await pollFeed(deps, 'fallback', new Date());
    await runtime.drain();
    const stories = await deps.store.listStories();
    const missing = stories.find((s) => s.title === 'Missing page')!;
    expect(missing).toMatchObject({ source: 'feed' });
    expect(missing.fallbackReason).toMatch(/http_status/);
    expect(await deps.store.getStoryBody(missing.storyId)).toContain('used when the page is gone');
    const redirected = stories.find((s) => s.title === 'Redirected')!;
    expect(redirected.fallbackReason).toMatch(/blocked_address/);
  });

  it('keeps polling a feed past an item whose link is not a URL, using its feed content', async () => {
    expect(await pollFeed(deps, 'badlink', new Date())).toMatchObject({
      status: 'ok',
      newItems: 2,
    });
    await runtime.drain();
    const bad = (await deps.store.listStories()).find((s) => s.title === 'Bad link')!;
    expect(bad).toMatchObject({ source: 'feed' });
    expect(bad.fallbackReason).toMatch(/not a URL/);
  });

  it('never makes a javascript:, data:, vbscript: or file: link a story URL', async () => {
    expect(await pollFeed(deps, 'schemes', new Date())).toMatchObject({ newItems: 4 });
    await runtime.drain();
    const stories = (await deps.store.listStories()).filter((s) => s.title.startsWith('Scheme'));
    expect(stories).toHaveLength(4);
    for (const story of stories) {
      expect(story.url.startsWith(`${site.url}/schemes.xml#`)).toBe(true);
      expect(story).toMatchObject({ source: 'feed' });
    }
  });

  it('keeps link-less items that share one guid apart, and delivers each once', async () => {
    expect(await pollFeed(deps, 'guidonly', new Date())).toMatchObject({ newItems: 5 });
    expect(await pollFeed(deps, 'guidonly', new Date())).toMatchObject({ newItems: 0 });
    await runtime.drain();
    const titles = (await deps.store.listStories())
      .map((s) => s.title)
      .filter((t) => t.startsWith('Bulletin'))
      .sort();
    expect(titles).toEqual(['Bulletin 1', 'Bulletin 2', 'Bulletin 3', 'Bulletin 4', 'Bulletin 5']);
  });

  it('queues items without fetching a page; extract-claims reads a batch’s pages side by side', async () => {
    expect(await pollFeed(deps, 'held', new Date())).toMatchObject({ status: 'ok', newItems: 4 });
    // The poller carries no DOM library and asks for no page.
    expect(arrived.size).toBe(0);
    // Read one after another, the first held page would wait forever for the others.
    await runtime.drain();
    expect([...arrived].sort()).toEqual(['held-1', 'held-2', 'quick-1', 'quick-2']);
    const stories = (await deps.store.listStories()).filter((s) => s.feedIds.includes('held'));
    expect(stories.map((s) => s.source)).toEqual(Array(4).fill('readability'));
  });

  it('reads no seen-item record when a feed answers 200 with the items it listed last time', async () => {
    const batchGets: number[] = [];
    runtime.deps.clients.doc.middlewareStack.add(
      (next, context) => async (args) => {
        if (/^BatchGet/.test(context.commandName ?? '')) batchGets.push(Date.now());
        return next(args);
      },
      { step: 'initialize', name: 'countBatchGets' },
    );
    try {
      // `budget.xml` sends an ETag; asked without one, it answers 200 every time.
      // (Given the scheduler's snapshot, as the poll-feed handler is, a poll reads no feed record.)
      const first = (await deps.store.getFeed('budget'))!;
      batchGets.length = 0;
      expect(await pollFeed(deps, 'budget', new Date(), first)).toMatchObject({ newItems: 3 });
      expect(batchGets).toHaveLength(1);
      const feed = (await deps.store.getFeed('budget'))!;
      await deps.store.saveFeedState({ ...feed, etag: undefined });
      const again = (await deps.store.getFeed('budget'))!;
      batchGets.length = 0;
      expect(await pollFeed(deps, 'budget', new Date(), again)).toMatchObject({
        status: 'ok',
        newItems: 0,
      });
      expect(batchGets).toHaveLength(0);
    } finally {
      runtime.deps.clients.doc.middlewareStack.remove('countBatchGets');
    }
  });

  it('leaves a quiet feed’s state unwritten for the refresh interval, and writes failures at once', async () => {
    const quietDeps = { ...deps, stateRefreshMinutes: 60 };
    const { store } = deps;
    const past = new Date(Date.now() - 60_000).toISOString();
    // a first poll records the feed (its ETag, its check)
    await pollFeed(quietDeps, 'budget', new Date());
    await store.saveFeedState({ ...(await store.getFeed('budget'))!, nextCheckAt: past });
    const seen = (await store.getFeed('budget'))!;
    // (no <ttl>: due every interval) answered 304, nothing wrong, last check recorded moments ago: no write
    expect(await pollFeed(quietDeps, 'budget', new Date(), seen)).toMatchObject({
      status: 'not_modified',
      quiet: true,
    });
    expect(await store.getFeed('budget')).toEqual(seen);
    // the feed stays due, so the next tick polls it again
    expect((await store.dueFeeds(new Date())).map((f) => f.feedId)).toContain('budget');
    // once the last check is an hour old, the quiet poll records itself
    const later = new Date(Date.parse(seen.lastCheckedAt!) + 61 * 60_000);
    const written = await pollFeed(quietDeps, 'budget', later, seen);
    expect(written.quiet).toBeUndefined();
    expect((await store.getFeed('budget'))!.lastCheckedAt).toBe(later.toISOString());
    // a failure is never quiet
    const down = (await store.getFeed('down'))!;
    const failed = await pollFeed(quietDeps, 'down', new Date(), down);
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.quiet).toBeUndefined();
    expect((await store.getFeed('down'))!.errorCount).toBe((down.errorCount ?? 0) + 1);
  });

  it('schedules a healthy feed falling due just after the tick at that tick, never a failing one', async () => {
    const { store } = deps;
    const now = new Date();
    const soon = new Date(now.getTime() + 30_000).toISOString();
    const sent: { feedId: string }[] = [];
    const feedsQueue = {
      async send(messages: object[]) {
        sent.push(...(messages as { feedId: string }[]));
      },
    };
    const one = (await store.getFeed('one'))!;
    await store.saveFeedState({ ...one, nextCheckAt: soon, errorCount: 0, lastError: undefined });
    const down = (await store.getFeed('down'))!;
    await store.saveFeedState({
      ...down,
      nextCheckAt: soon,
      errorCount: 1,
      lastError: { kind: 'timeout', message: 'timed out', at: now.toISOString() },
    });
    await scheduleDuePolls({ store, feedsQueue, feedList, dueSlackMs: 60_000 }, now);
    const ids = sent.map((m) => m.feedId);
    expect(ids).toContain('one');
    expect(ids).not.toContain('down');
    // without the slack, neither is due yet
    sent.length = 0;
    await scheduleDuePolls({ store, feedsQueue, feedList }, now);
    expect(sent.map((m) => m.feedId)).not.toContain('one');
  });

  it('lets the first of two polls of one feed report, and the late duplicate write nothing', async () => {
    latePageReleased.resolve();
    const seen = (await deps.store.getFeed('late'))!;
    const first = await pollFeed(deps, 'late', new Date(), seen);
    expect(first).toMatchObject({ status: 'ok', newItems: 1 });
    const reported = (await deps.store.getFeed('late'))!;
    // A second message for the same due time, as a redelivery or a backlogged tick sends.
    const duplicate = await pollFeed(deps, 'late', new Date(Date.now() + 1000), seen);
    expect(duplicate).toMatchObject({ newItems: 0, superseded: true });
    expect(await deps.store.getFeed('late')).toEqual(reported);
  });

  it("trusts a canonical link on the page's own site only", async () => {
    await pollFeed(deps, 'forged', new Date());
    await runtime.drain();
    const urls = (await deps.store.listStories()).map((s) => s.url);
    expect(urls).toContain(`${site.url}/forger`);
    expect(urls).toContain(`${site.url}/articles/own-story`);
    expect(urls.some((u) => u.includes('real-outlet.example'))).toBe(false);
  });

  it('makes one story with two sources of the same article reached from two feeds', async () => {
    await pollFeed(deps, 'one', new Date());
    await pollFeed(deps, 'two', new Date());
    await runtime.drain();
    const shared = (await deps.store.listStories()).filter((s) => s.title === 'Page /shared');
    expect(shared).toHaveLength(1);
    expect(shared[0].feedIds).toEqual(['one', 'two']);
  });

  it('keeps items apart when a feed repeats one guid, and never re-queues seen items', async () => {
    expect(await pollFeed(deps, 'sameguid', new Date())).toMatchObject({
      status: 'ok',
      newItems: 0,
    });
    await runtime.drain();
    const titles = (await deps.store.listStories()).map((s) => s.title);
    expect(titles).toEqual(expect.arrayContaining(['Page /g1', 'Page /g2']));
  });
});
