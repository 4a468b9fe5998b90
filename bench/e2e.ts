import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalRuntime } from '../local/runtime.ts';
import { startLocalServices } from '../local/services.ts';
import { parseFeedList } from '../shared/feeds/feed-list.ts';

/** What the end-to-end run measured. */
export interface EndToEndBench {
  feeds: number;
  articles: number;
  storiesStored: number;
  alerts: number;
  seconds: number;
  articlesPerSecond: number;
  /**
   * Poll-to-alert latency: from the poll of an alert's feed to the alert's delivery. Since the
   * poller stopped reading pages, every feed is polled in the cycle's first seconds and its items
   * wait for the reading stage instead, so this grows with the backlog; the cycle-to-alert
   * latency below is the one to compare across versions.
   */
  latencyP50Seconds: number;
  latencyP95Seconds: number;
  /** From the cycle's start to each alert's delivery: what a user waits for. */
  cycleToAlertP50Seconds: number;
  cycleToAlertP95Seconds: number;
  peakRssMiB: number;
  /** The same pages through plain Readability on jsdom, no queues or table: the floor. */
  baselineArticlesPerSecond: number;
}

const WORDS = `Officials in Seoul and Kyiv met on Tuesday to discuss the war, the border and the winter. The talks covered supplies, training and the reconstruction of power lines damaged by strikes. Analysts said the meeting showed how closely the two governments now follow events on the front line.`;

/** A plausible article page: navigation, a body of a few paragraphs, sometimes a figure, a footer. */
function articlePage(feed: number, item: number): string {
  const figure =
    item === 0 && feed % 2 === 0
      ? `<p>South Korea's Joint Chiefs of Staff said about ${1000 + feed} North Korean troops were killed or wounded in the Kursk region.</p>`
      : '';
  return `<!doctype html><html lang="en"><head><title>Story ${feed}-${item}</title><link rel="canonical" href="https://bench.example/f${feed}/s${item}"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a></nav></header>
<main><article><h1>Story ${feed}-${item}</h1><p class="byline">By A. Reporter</p>
<p>${WORDS}</p>${figure}<p>${WORDS}</p><p>${WORDS}</p><p>${WORDS}</p></article>
<aside><h3>Most read</h3><ul><li><a href="/x">Another story</a></li><li><a href="/y">Yet another</a></li></ul></aside></main>
<footer><p>Subscribe to our newsletter</p><script>var t = 1;</script></footer></body></html>`;
}

function feedXml(base: string, feed: number, items: number): string {
  const entries = Array.from(
    { length: items },
    (_, i) =>
      `<item><title>Story ${feed}-${i}</title><link>${base}/f${feed}/s${i}</link><guid>${base}/f${feed}/s${i}</guid><pubDate>${new Date(Date.UTC(2024, 11, 23, 9, i)).toUTCString()}</pubDate></item>`,
  ).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${feed}</title>${entries}</channel></rss>`;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Serves `feeds` feeds of `items` articles each from 127.0.0.1 and runs one cycle of the
 * embedded runtime over them (persisting to a temporary data directory), measuring articles per
 * second, poll-to-alert latency and peak RSS, beside plain Readability over the same pages.
 */
export async function runEndToEndBench(feeds = 1000, items = 10): Promise<EndToEndBench> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const feedMatch = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
    if (feedMatch) {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feedXml(base, Number(feedMatch[1]), items));
      return;
    }
    const page = /^\/f(\d+)\/s(\d+)$/.exec(req.url ?? '');
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articlePage(Number(page[1]), Number(page[2])));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The floor: the same pages through plain Readability on jsdom, nothing else.
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const sample = Math.min(500, feeds * items);
  const baselineStart = performance.now();
  for (let i = 0; i < sample; i++) {
    const dom = new JSDOM(articlePage(i % feeds, Math.floor(i / feeds) % items), {
      url: `${base}/p`,
      virtualConsole: new VirtualConsole(),
    });
    new Readability(dom.window.document).parse();
    dom.window.close();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const baselineArticlesPerSecond = sample / ((performance.now() - baselineStart) / 1000);

  const dataDir = mkdtempSync(join(tmpdir(), 'claimwatch-bench-'));
  const services = await startLocalServices({ dataDir });
  try {
    const feedList = parseFeedList(
      Array.from({ length: feeds }, (_, i) => ({ id: `bench-${i}`, url: `${base}/feed/${i}.xml` })),
    );
    const runtime = LocalRuntime.fromEnv(
      { ...services.env, FETCH_ALLOW_ADDRESSES: '127.0.0.1', MAX_ITEMS_PER_FEED: String(items) },
      feedList,
    );
    const start = new Date();
    const t0 = performance.now();
    const summary = await runtime.runCycle(start);
    const seconds = (performance.now() - t0) / 1000;
    const { store } = runtime.deps;
    const alerts = await store.listAlerts();
    const polledAt = new Map((await store.listFeeds()).map((f) => [f.feedId, f.lastCheckedAt]));
    const latencies: number[] = [];
    const fromCycle = alerts
      .filter((a) => a.sentAt)
      .map((a) => (Date.parse(a.sentAt!) - start.getTime()) / 1000)
      .sort((a, b) => a - b);
    for (const alert of alerts.filter((a) => a.sentAt)) {
      const story = await store.getStory(alert.storyId);
      const polled = polledAt.get(story?.feedIds[0] ?? '');
      if (polled) latencies.push((Date.parse(alert.sentAt!) - Date.parse(polled)) / 1000);
    }
    latencies.sort((a, b) => a - b);
    return {
      feeds,
      articles: feeds * items,
      storiesStored: summary.storiesStored,
      alerts: alerts.length,
      seconds,
      articlesPerSecond: (feeds * items) / seconds,
      latencyP50Seconds: percentile(latencies, 50),
      latencyP95Seconds: percentile(latencies, 95),
      cycleToAlertP50Seconds: percentile(fromCycle, 50),
      cycleToAlertP95Seconds: percentile(fromCycle, 95),
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      baselineArticlesPerSecond,
    };
  } finally {
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const feeds = Number(process.env.BENCH_FEEDS ?? 1000);
  const items = Number(process.env.BENCH_ITEMS ?? 10);
  runEndToEndBench(feeds, items).then((r) => console.log(JSON.stringify(r, null, 2)));
}
