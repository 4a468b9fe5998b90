import { startDemoSite } from '../../local/demo-server.ts';
import { LocalRuntime } from '../../local/runtime.ts';
import { dataDirOf, openServices } from '../../local/session.ts';
import { parseFeedList } from '../../shared/feeds/feed-list.ts';
import { table } from '../format.ts';

/** The demo feed keeps one id whatever port its server gets, so reruns find their earlier data. */
export const DEMO_FEED_ID = 'claimwatch-demo';

/**
 * `claimwatch demo`: one full cycle over the bundled sample feed, served from 127.0.0.1, through
 * the same handlers and stand-ins as `run`. Needs no network; leaves its data for the query
 * commands.
 */
export async function demoCommand(opts: { dataDir?: string }) {
  const dataDir = dataDirOf(opts.dataDir);
  const site = await startDemoSite();
  let services: Awaited<ReturnType<typeof openServices>>;
  try {
    services = await openServices(dataDir);
  } catch (error) {
    // The sample site must not keep the process alive after a refusal.
    await site.close();
    throw error;
  }
  try {
    const feedList = parseFeedList([
      { id: DEMO_FEED_ID, url: site.feedUrl, title: 'claimwatch sample feed' },
    ]);
    const runtime = LocalRuntime.fromEnv(
      {
        ...process.env,
        ...services.env,
        FETCH_ALLOW_ADDRESSES: '127.0.0.1',
        ALERT_CONSOLE: 'true',
      },
      feedList,
    );
    await runtime.recover();
    const now = new Date();
    const { store } = runtime.deps;
    await store.syncFeeds(feedList.feeds, feedList.hash, now);
    const feed = await store.getFeed(DEMO_FEED_ID);
    if (feed)
      await store.saveFeedState({
        ...feed,
        url: site.feedUrl,
        etag: undefined,
        lastModified: undefined,
        nextCheckAt: now.toISOString(),
      });
    process.stdout.write(
      `claimwatch demo: sample feed of ${site.articles} articles at ${site.feedUrl}\n\n`,
    );
    const s = await runtime.runCycle(now);
    process.stdout.write(
      `\n${table(
        ['feeds polled', 'stories stored', 'figures', 'new figures', 'alerts'],
        [[s.feedsPolled, s.storiesStored, s.figures, s.newFigures, s.alertsSent]],
      )}\n\n`,
    );
    if (s.newFigures === 0) {
      process.stdout.write(
        'No new figures: every figure in the sample was already stored by an earlier run.\n',
      );
    }
    process.stdout.write(`Data kept in ${dataDir}; try \`npx claimwatch figures\`.\n`);
  } finally {
    await services.stop();
    await site.close();
  }
}
