import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServices } from '../../local/services.ts';
import { startLocalServices } from '../../local/services.ts';
import type { AlertChannel } from '../../shared/alerts/channels.ts';
import { loadConfig } from '../../shared/config.ts';
import { createDeps } from '../../shared/deps.ts';
import { deliverAlert } from '../../shared/pipeline/deliver.ts';
import type { AlertRecord, Store } from '../../shared/store/store.ts';
import type { Figure } from '../../shared/types.ts';

const figure: Figure = {
  metric: 'casualties',
  unit: 'troops',
  value: 3000,
  qualifier: 'more_than',
  claimant: 'Volodymyr Zelensky',
  claimantCountry: 'UA',
  side: 'KP',
  evidence: 'more than 3,000 North Korean troops were killed or wounded',
};

const alertFor = (alertId: string): AlertRecord => ({
  alertId,
  figureKey: `fig-${alertId}`,
  createdAt: new Date().toISOString(),
  status: 'pending',
  headline: 'More than 3,000 North Korean troops killed or wounded',
  figure,
  storyId: 's1',
  storyUrl: 'https://x.example/1',
  storyTitle: 'Story',
  attempts: 0,
});

describe('store on dynalite: idempotent writes', () => {
  let services: LocalServices;
  let store: Store;

  beforeAll(async () => {
    services = await startLocalServices();
    store = createDeps(loadConfig(services.env)).store;
  });
  afterAll(() => services?.stop());

  it('records a figure once per story, however often the story is processed', async () => {
    const now = new Date();
    const first = await store.recordFigure('k1', figure, { storyId: 's1', url: 'u1' }, now);
    const again = await store.recordFigure('k1', figure, { storyId: 's1', url: 'u1' }, now);
    const other = await store.recordFigure('k1', figure, { storyId: 's2', url: 'u2' }, now);
    expect(first).toMatchObject({ isNew: true, isFirstStory: true });
    expect(again).toMatchObject({ isNew: false, isFirstStory: true });
    expect(other).toMatchObject({ isNew: false, isFirstStory: false });
    expect((await store.getFigure('k1'))!.storyIds).toEqual(['s1', 's2']);
  });

  it('lets exactly one of several stories racing on a new figure be its first', async () => {
    const now = new Date();
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((s) =>
        store.recordFigure('k-race', figure, { storyId: s, url: s }, now),
      ),
    );
    expect(results.filter((r) => r.isFirstStory)).toHaveLength(1);
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    expect((await store.getFigure('k-race'))!.storyIds).toHaveLength(4);
  });

  it('keeps a story’s first-seen time and adds each feed that carried it', async () => {
    const base = {
      storyId: 'st',
      url: 'https://x.example/st',
      title: 'T',
      byline: null,
      publishedAt: '2024-12-23T09:00:00.000Z',
      language: 'en',
      source: 'readability',
      tags: { relevant: true, reason: 'r', metrics: [], claimants: [], places: [], language: 'en' },
      figureKeys: [],
      processedAt: '',
      text: 'body',
    };
    const one = await store.putStory({
      ...base,
      feedId: 'f1',
      now: new Date('2024-12-23T10:00:00Z'),
    });
    const two = await store.putStory({
      ...base,
      feedId: 'f2',
      now: new Date('2024-12-23T11:00:00Z'),
    });
    expect(two.firstSeenAt).toBe(one.firstSeenAt);
    expect(two.feedIds).toEqual(['f1', 'f2']);
    // A later write never rewrites whose story it is.
    const forged = await store.putStory({
      ...base,
      url: 'https://forger.example/fake',
      title: 'A made-up headline',
      byline: 'Nobody',
      feedId: 'f3',
      now: new Date('2024-12-23T12:00:00Z'),
    });
    expect(forged).toMatchObject({ url: one.url, title: one.title, byline: one.byline });
  });

  it('syncs the feed list: new feeds become due, removed ones stop being polled, re-added ones resume', async () => {
    const now = new Date();
    const a = { feedId: 'feed-a', url: 'https://a.example/rss' };
    const b = { feedId: 'feed-b', url: 'https://b.example/rss' };
    expect(await store.syncFeeds([a, b], 'h1', now)).toEqual({ added: 2, changed: true });
    expect(await store.syncFeeds([a, b], 'h1', now)).toEqual({ added: 0, changed: false });
    const due = async () =>
      (await store.dueFeeds(new Date(now.getTime() + 1000))).map((f) => f.feedId).sort();
    expect(await due()).toEqual(['feed-a', 'feed-b']);
    await store.syncFeeds([b], 'h2', now);
    expect(await due()).toEqual(['feed-b']);
    await store.syncFeeds([a, b], 'h3', now);
    expect(await due()).toEqual(['feed-a', 'feed-b']);
  });

  it('creates an alert record once', async () => {
    expect((await store.ensureAlert(alertFor('a1'))).created).toBe(true);
    expect((await store.ensureAlert(alertFor('a1'))).created).toBe(false);
  });

  it('lets one of two concurrent consumers claim an alert, and never a sent one', async () => {
    await store.ensureAlert(alertFor('a2'));
    const now = Date.now();
    const claims = await Promise.all([
      store.claimAlert('a2', 60_000, now),
      store.claimAlert('a2', 60_000, now),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    // the holder's lease runs out (it crashed): another consumer may take over
    expect(await store.claimAlert('a2', 60_000, now + 30_000)).toBeUndefined();
    expect(await store.claimAlert('a2', 60_000, now + 61_000)).toBeDefined();
    await store.finishAlert('a2', { status: 'sent', channels: {} }, new Date());
    expect(await store.claimAlert('a2', 60_000, now + 10 * 60_000)).toBeUndefined();
  });

  it('delivers an alert once across redeliveries, and after a channel failure sends only what is missing', async () => {
    await store.ensureAlert(alertFor('a3'));
    const sent: string[] = [];
    let slackUp = false;
    const channels: AlertChannel[] = [
      { name: 'console', send: async () => void sent.push('console') },
      {
        name: 'slack',
        send: async () => {
          if (!slackUp) throw new Error('HTTP 500');
          sent.push('slack');
        },
      },
    ];
    await expect(deliverAlert({ store, channels }, 'a3', new Date())).rejects.toThrow(
      /slack: HTTP 500/,
    );
    expect((await store.getAlert('a3'))!.status).toBe('failed');
    slackUp = true;
    await deliverAlert({ store, channels }, 'a3', new Date());
    expect(await deliverAlert({ store, channels }, 'a3', new Date())).toMatchObject({
      status: 'skipped',
    });
    expect(sent).toEqual(['console', 'slack']);
    expect((await store.getAlert('a3'))!.status).toBe('sent');
  });
});
