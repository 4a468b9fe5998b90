import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRuntime } from '../../local/runtime.ts';
import type { LocalServices } from '../../local/services.ts';
import { startLocalServices } from '../../local/services.ts';
import { parseFeedList } from '../../shared/feeds/feed-list.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';
import { EXPECTED_FIGURES, serveSampleSite } from '../helpers/sample-site.ts';
import { slackAlerts as receivedAlerts } from '../helpers/slack.ts';

describe('a full cycle on the embedded runtime', () => {
  let services: LocalServices;
  let site: TestServer;
  let slack: TestServer;
  let runtime: LocalRuntime;
  const slackStatus = 200;

  beforeAll(async () => {
    services = await startLocalServices();
    site = await startTestServer();
    slack = await startTestServer();
    slack.route('/hook', (_req, res) => {
      res.writeHead(slackStatus, { 'content-type': 'text/plain' });
      res.end(slackStatus === 200 ? 'ok' : 'error');
    });
    serveSampleSite(site);
    site.route('/broken.xml', (_req, res) => {
      res.writeHead(500);
      res.end('boom');
    });
    const feedList = parseFeedList([
      { id: 'broken', url: `${site.url}/broken.xml` },
      { id: 'sample', url: `${site.url}/feed.xml` },
    ]);
    runtime = LocalRuntime.fromEnv(
      {
        ...services.env,
        FETCH_ALLOW_ADDRESSES: '127.0.0.1',
        SLACK_WEBHOOK_URL: `${slack.url}/hook`,
      },
      feedList,
      { retryDelaySeconds: () => 0 },
    );
  });

  afterAll(async () => {
    await services?.stop();
    await site?.close();
    await slack?.close();
  });

  const slackPosts = () => slack.requests.filter((r) => r.path === '/hook' && r.method === 'POST');
  const slackAlerts = () => receivedAlerts(slack.requests);

  it('stores the stories and the eleven distinct figures, and delivers each alert to Slack once', async () => {
    const summary = await runtime.runCycle();
    expect(summary).toMatchObject({
      feedsPolled: 2,
      feedsFailed: 1,
      storiesStored: 5,
      newFigures: 11,
    });

    const { store } = runtime.deps;
    const figures = await store.listFigures();
    expect(figures.map((f) => `${f.metric}|${f.unit}|${f.value}`).sort()).toEqual(EXPECTED_FIGURES);
    const zelensky = figures.find((f) => f.figureKey.startsWith('casualties|troops|3000'))!;
    expect(zelensky.storyIds).toHaveLength(5);
    expect(zelensky.qualifier).toBe('more_than');

    const stories = await store.listStories();
    expect(stories).toHaveLength(5);
    for (const story of stories) {
      expect(story.tags.relevant).toBe(true);
      expect(story.source).toBe('readability');
      const text = (await store.getStoryBody(story.storyId))!;
      expect(text.length).toBeGreaterThan(1000);
      expect(text).not.toMatch(/newsletter|Most read/i);
    }

    // eleven alerts in one cycle: more than the digest threshold, so Slack gets one digest
    // with every alert in it once (the alerts stage gathers the cycle's alerts into one batch)
    const delivered = slackAlerts();
    expect(delivered).toHaveLength(11);
    expect(new Set(delivered).size).toBe(11);
    expect(delivered).toContain('More than 3,000 North Korean troops killed or wounded');
    expect(slackPosts()).toHaveLength(1);

    const alerts = await store.listAlerts();
    expect(alerts).toHaveLength(11);
    expect(alerts.every((a) => a.status === 'sent')).toBe(true);
  });

  it('records the broken feed’s failure on the feed without stopping the others', async () => {
    const feed = await runtime.deps.store.getFeed('broken');
    expect(feed).toMatchObject({ errorCount: 1, lastError: { kind: 'http_status' } });
    expect(feed!.nextCheckAt > new Date().toISOString()).toBe(true);
    const sample = await runtime.deps.store.getFeed('sample');
    expect(sample).toMatchObject({ errorCount: 0, itemsSeen: 5 });
  });

  it('stores nothing new and alerts nothing on a second cycle over the same feed', async () => {
    const { store } = runtime.deps;
    for (const id of ['sample', 'broken']) {
      const feed = (await store.getFeed(id))!;
      await store.saveFeedState({ ...feed, nextCheckAt: new Date(0).toISOString() });
    }
    const summary = await runtime.runCycle();
    expect(summary).toMatchObject({
      feedsPolled: 2,
      storiesStored: 0,
      newFigures: 0,
      alertsSent: 0,
    });
    expect(slackAlerts()).toHaveLength(11);
    expect(await store.listFigures()).toHaveLength(11);
  });

  it('sends a poison message to the dead-letter queue after five receives, and keeps going', async () => {
    const { sqs } = runtime.deps.clients;
    await sqs.send(
      new SendMessageCommand({ QueueUrl: services.queueUrls.articles, MessageBody: '{not json' }),
    );
    const { failed } = await runtime.drain();
    expect(failed).toBe(5);
    const dlq = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: services.dlqUrls.articles,
        AttributeNames: ['ApproximateNumberOfMessages'],
      }),
    );
    expect(dlq.Attributes?.ApproximateNumberOfMessages).toBe('1');
  });
});
