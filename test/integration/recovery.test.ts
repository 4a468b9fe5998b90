import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoArticles, renderDemoPage } from '../../local/demo/pages.ts';
import { LocalRuntime } from '../../local/runtime.ts';
import type { LocalServices } from '../../local/services.ts';
import { startLocalServices } from '../../local/services.ts';
import { parseFeedList } from '../../shared/feeds/feed-list.ts';
import { pollFeed } from '../../shared/pipeline/poll.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';

describe('restarting the embedded runtime after it died mid-cycle', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimwatch-recovery-'));
  let site: TestServer;
  let slack: TestServer;
  const articles = loadDemoArticles();

  beforeAll(async () => {
    site = await startTestServer();
    slack = await startTestServer();
    slack.route('/hook', (_req, res) => {
      res.writeHead(200);
      res.end('ok');
    });
    site.route('/feed.xml', (_req, res) => {
      res.writeHead(200);
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>S</title>${articles
          .map(
            (a) => `<item><title>${a.slug}</title><link>${site.url}/news/${a.slug}</link></item>`,
          )
          .join('')}</channel></rss>`,
      );
    });
    for (const a of articles) {
      site.route(`/news/${a.slug}`, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(renderDemoPage({ ...a, url: `https://sample.example/${a.slug}`, site: 'Sample' }));
      });
    }
  });
  afterAll(async () => {
    await site?.close();
    await slack?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const feedList = () => parseFeedList([{ id: 'sample', url: `${site.url}/feed.xml` }]);
  const open = async (services: LocalServices) =>
    LocalRuntime.fromEnv(
      {
        ...services.env,
        FETCH_ALLOW_ADDRESSES: '127.0.0.1',
        SLACK_WEBHOOK_URL: `${slack.url}/hook`,
      },
      feedList(),
      { retryDelaySeconds: () => 0 },
    );

  it('loses no article and sends no alert twice', async () => {
    // First life: the feed is polled and its articles queued, then the process dies before the
    // articles are processed: the queue's messages die with it, the table says "seen".
    const first = await startLocalServices({ dataDir });
    const runtime = await open(first);
    await runtime.deps.store.syncFeeds(feedList().feeds, feedList().hash, new Date());
    const polled = await pollFeed(
      {
        store: runtime.deps.store,
        fetcher: runtime.deps.fetcher,
        articlesQueue: runtime.deps.articlesQueue,
        pollIntervalMinutes: 5,
        maxItemsPerFeed: 30,
      },
      'sample',
      new Date(),
    );
    expect(polled.newItems).toBe(5);
    await first.stop();

    // Second life: recovery re-queues the unprocessed items; one cycle finishes the work.
    const second = await startLocalServices({ dataDir });
    try {
      const again = await open(second);
      expect(await again.recover()).toEqual({ itemsRequeued: 5, alertsRequeued: 0 });
      const feed = (await again.deps.store.getFeed('sample'))!;
      await again.deps.store.saveFeedState({
        ...feed,
        etag: undefined,
        nextCheckAt: new Date(0).toISOString(),
      });
      const summary = await again.runCycle();
      expect(summary).toMatchObject({ storiesStored: 5, newFigures: 11, alertsSent: 11 });
      // a later restart finds nothing to redo
      expect(await again.recover()).toEqual({ itemsRequeued: 0, alertsRequeued: 0 });
    } finally {
      await second.stop();
    }
  });

  it('re-sends an alert left pending, once', async () => {
    const services = await startLocalServices({ dataDir });
    try {
      const runtime = await open(services);
      const [sent] = await runtime.deps.store.listAlerts();
      // pretend the process died after the alert was recorded but before it was delivered
      await runtime.deps.store.finishAlert(
        sent.alertId,
        { status: 'pending', channels: {} },
        new Date(),
      );
      const before = slack.requests.length;
      expect(await runtime.recover()).toMatchObject({ alertsRequeued: 1 });
      await runtime.drain();
      await runtime.drain();
      expect(slack.requests.length).toBe(before + 1);
      expect((await runtime.deps.store.getAlert(sent.alertId))!.status).toBe('sent');
    } finally {
      await services.stop();
    }
  });
});
