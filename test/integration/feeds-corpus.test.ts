import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRuntime } from '../../local/runtime.ts';
import type { LocalServices } from '../../local/services.ts';
import { startLocalServices } from '../../local/services.ts';
import { parseFeedList } from '../../shared/feeds/feed-list.ts';
import type { PollDeps } from '../../shared/pipeline/poll.ts';
import { pollFeed } from '../../shared/pipeline/poll.ts';
import { scheduleDuePolls } from '../../shared/pipeline/schedule.ts';
import type { MessageQueue } from '../../shared/queue/sqs-queue.ts';
import { QueueSendError } from '../../shared/queue/sqs-queue.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';

/**
 * Issue 14 through the real poll path: our own small fixtures served from 127.0.0.1, polled by
 * the embedded runtime (schedule tick, poll-feed and extract-claims handlers, dynalite, fauxqs).
 * Pages answer 404, so each story carries its feed item's title as the feed decoded it.
 */
interface Served {
  id: string;
  file: string;
  contentType?: string;
  titles?: string[];
  failure?: string;
  etag?: string;
}

const SERVED: Served[] = [
  {
    id: 'no-version',
    file: 'rss-no-version.xml',
    contentType: 'application/rss+xml',
    etag: '"nv"',
    titles: ['First bulletin without a version', 'Second bulletin without a version'],
  },
  {
    id: 'rss2-no-channel',
    file: 'rss2-no-channel.xml',
    titles: [
      'Item right under rss, one',
      'Item right under rss, two',
      'Item right under rss, three',
    ],
  },
  {
    id: 'rdf-no-channel',
    file: 'rdf-no-channel.xml',
    titles: ['RDF item without a channel', 'Second RDF item'],
  },
  {
    id: 'truncated',
    file: 'truncated.xml',
    etag: '"cut"',
    titles: ['Complete item one', 'Complete item two'],
  },
  {
    id: 'utf8-under-1252',
    file: 'utf8-korean.xml',
    contentType: 'application/rss+xml; charset=windows-1252',
    titles: ['북한군 병력 이동 보도', '우크라이나 전선 상황 요약', 'Сводка: «передача снарядов»'],
  },
  {
    id: 'bogus-header',
    file: 'koi8r-declared.xml',
    contentType: 'application/xml; charset=bogus-charset',
    titles: ['Первая сводка о войсках', 'Вторая сводка: снаряды и ракеты'],
  },
  {
    id: 'shift-jis',
    file: 'shift-jis-undeclared.xml',
    contentType: 'application/xml',
    titles: [
      '北朝鮮の兵士がロシアに派遣されたと報道',
      '国防省は弾薬の輸送について発表した',
      '専門家によると、状況はまだ不透明です',
    ],
  },
  {
    id: 'emoji',
    file: 'emoji-item.xml',
    titles: ['Plain first item', 'Books for the weekend 📚 and more', 'Plain third item'],
  },
  { id: 'cdf', file: 'cdf-channel.xml', failure: 'not_a_feed' },
  { id: 'empty', file: 'empty.xml', failure: 'not_a_feed' },
];

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));

describe('feeds a feed reader reads, through the embedded runtime', () => {
  let services: LocalServices;
  let site: TestServer;
  let runtime: LocalRuntime;

  beforeAll(async () => {
    services = await startLocalServices();
    site = await startTestServer();
    for (const feed of SERVED) {
      // Item links point at the local server; the bytes are otherwise served as they are.
      const body = Buffer.from(
        fixture(feed.file).toString('latin1').replaceAll('https://feeds.example', site.url),
        'latin1',
      );
      site.route(`/${feed.id}.xml`, (_req, res) => {
        res.writeHead(200, {
          ...(feed.contentType ? { 'content-type': feed.contentType } : {}),
          ...(feed.etag ? { etag: feed.etag } : {}),
        });
        res.end(body);
      });
    }
    // One more feed, to prove a refusal by the queue is recorded (see the last test).
    site.route('/refused.xml', (_req, res) => {
      res.writeHead(200, { etag: '"r1"' });
      res.end(
        fixture('rss2-no-channel.xml')
          .toString('utf8')
          .replaceAll('https://feeds.example', site.url),
      );
    });
    const feedList = parseFeedList(
      SERVED.map((f) => ({ id: f.id, url: `${site.url}/${f.id}.xml` })),
    );
    runtime = LocalRuntime.fromEnv(
      { ...services.env, FETCH_ALLOW_ADDRESSES: '127.0.0.1' },
      feedList,
      { retryDelaySeconds: () => 0 },
    );
  });

  afterAll(async () => {
    await services?.stop();
    await site?.close();
  });

  it('polls every feed once, reads each item in the right characters, and leaves none "new"', async () => {
    await runtime.runCycle();
    const { store } = runtime.deps;
    const stories = await store.listStories();
    for (const served of SERVED) {
      const feed = (await store.getFeed(served.id))!;
      expect(feed.lastCheckedAt, served.id).toBeDefined();
      if (served.failure) {
        expect(feed.lastError?.kind, served.id).toBe(served.failure);
        continue;
      }
      expect(feed.errorCount, served.id).toBe(0);
      expect(feed.itemsSeen, served.id).toBe(served.titles!.length);
      const titles = stories.filter((s) => s.feedIds.includes(served.id)).map((s) => s.title);
      expect(titles.sort(), served.id).toEqual([...served.titles!].sort());
    }
    // A cut-off document's validators are not kept: its lost items must not hide behind a 304.
    expect((await store.getFeed('no-version'))!.etag).toBe('"nv"');
    expect((await store.getFeed('truncated'))!.etag).toBeUndefined();
  });

  it('takes the emoji item again on a later poll without stalling', async () => {
    const { store } = runtime.deps;
    const feed = (await store.getFeed('emoji'))!;
    await store.saveFeedState({ ...feed, nextCheckAt: new Date(0).toISOString() });
    await runtime.runCycle();
    expect(await store.getFeed('emoji')).toMatchObject({ errorCount: 0, itemsSeen: 3 });
  });

  it('records a message the queue refuses on its feed, queues the rest, and recovers', async () => {
    const { store } = runtime.deps;
    const list = parseFeedList([{ id: 'refused', url: `${site.url}/refused.xml` }]);
    await store.syncFeeds(list.feeds, list.hash, new Date());
    const real = runtime.deps.articlesQueue;
    const refusing: MessageQueue = {
      async send(messages) {
        const refused = messages.filter((m) => (m as { title: string }).title.endsWith('two'));
        if (refused.length > 0) throw new QueueSendError('Invalid characters found', refused);
        await real.send(messages);
      },
    };
    const deps: PollDeps = {
      store,
      fetcher: runtime.deps.fetcher,
      articlesQueue: refusing,
      pollIntervalMinutes: 5,
      maxItemsPerFeed: 30,
    };
    const result = await pollFeed(deps, 'refused', new Date());
    expect(result).toMatchObject({
      status: 'failed',
      newItems: 2,
      failure: { kind: 'queue_refused' },
    });
    const failed = (await store.getFeed('refused'))!;
    // What `claimwatch feeds` shows: checked, one error of kind queue_refused, with the reason.
    expect(failed.lastCheckedAt).toBeDefined();
    expect(failed).toMatchObject({
      errorCount: 1,
      itemsSeen: 2,
      lastError: { kind: 'queue_refused' },
    });
    expect(failed.lastError!.message).toMatch(
      /1 of 3 new items not queued.*Item right under rss, two.*Invalid characters/,
    );
    // The validators were not kept, so the refused item cannot hide behind a 304.
    expect(failed.etag).toBeUndefined();

    const again = await pollFeed({ ...deps, articlesQueue: real }, 'refused', new Date());
    expect(again).toMatchObject({ status: 'ok', newItems: 1 });
    expect(await store.getFeed('refused')).toMatchObject({
      errorCount: 0,
      itemsSeen: 3,
      etag: '"r1"',
    });
  });

  it('records a poll message the queue refuses on its feed', async () => {
    const { store } = runtime.deps;
    const feed = (await store.getFeed('no-version'))!;
    await store.saveFeedState({ ...feed, nextCheckAt: new Date(0).toISOString() });
    const feedList = parseFeedList(
      SERVED.map((f) => ({ id: f.id, url: `${site.url}/${f.id}.xml` })),
    );
    const down: MessageQueue = {
      async send(messages) {
        throw new QueueSendError('queue unreachable', messages);
      },
    };
    await expect(
      scheduleDuePolls({ store, feedsQueue: down, feedList }, new Date()),
    ).rejects.toThrow('queue unreachable');
    expect(await store.getFeed('no-version')).toMatchObject({
      errorCount: 1,
      lastError: { kind: 'queue_refused', message: 'poll not queued: queue unreachable' },
    });
  });
});
