import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalServices } from '../../local/services.ts';
import { startLocalServices } from '../../local/services.ts';
import { articleFromText } from '../../shared/articles/extract-article.ts';
import { loadConfig } from '../../shared/config.ts';
import type { Deps } from '../../shared/deps.ts';
import { createDeps } from '../../shared/deps.ts';
import { storyIdFor } from '../../shared/feeds/identity.ts';
import { processArticle } from '../../shared/pipeline/claims.ts';
import type { ArticleMessage } from '../../shared/types.ts';
import { EXPECTED_SOURCES } from '../helpers/sample-site.ts';
import { loadDemoSet } from '../unit/figures/fixtures.ts';

const demo = loadDemoSet();

function message(
  text: string,
  url: string,
  published = '2024-12-23T09:00:00.000Z',
): ArticleMessage {
  const article = articleFromText(text);
  return {
    storyId: storyIdFor(url),
    url,
    feedId: 'test',
    feedUrl: 'https://feeds.example/rss',
    title: article.title,
    byline: null,
    publishedAt: published,
    language: 'en',
    source: 'text',
    text: article.text,
  };
}

const demoMessages = demo.articles.map((a) => message(a.text, `https://news.example/${a.file}`));

describe('new-figure detection over the five sample articles', () => {
  let services: LocalServices | undefined;
  afterEach(async () => {
    await services?.stop();
    services = undefined;
  });

  async function fresh(): Promise<Deps> {
    services = await startLocalServices();
    return createDeps(loadConfig(services.env));
  }

  const alertsQueued = async (deps: Deps) => {
    const res = await deps.clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: deps.config.ALERTS_QUEUE_URL,
        AttributeNames: ['ApproximateNumberOfMessages'],
      }),
    );
    return Number(res.Attributes?.ApproximateNumberOfMessages);
  };

  it.each([
    ['in order', [0, 1, 2, 3, 4]],
    ['in reverse', [4, 3, 2, 1, 0]],
    ['shuffled', [2, 4, 0, 3, 1]],
  ])(
    'yields the eleven distinct figures with their sources and eleven alerts, %s; again, nothing',
    async (_name, order) => {
      const deps = await fresh();
      const claimDeps = { store: deps.store, alertsQueue: deps.alertsQueue };
      const now = new Date('2024-12-23T12:00:00Z');
      let newFigures = 0;
      for (const i of order)
        newFigures += (await processArticle(claimDeps, demoMessages[i], now)).newFigures.length;
      expect(newFigures).toBe(11);

      const figures = await deps.store.listFigures();
      expect(new Map(figures.map((f) => [f.figureKey, f.storyIds.length]))).toEqual(
        EXPECTED_SOURCES,
      );
      expect(EXPECTED_SOURCES.get('casualties|troops|3000||KP')).toBe(5);
      expect(await deps.store.listAlerts()).toHaveLength(11);
      expect(await alertsQueued(deps)).toBe(11);

      // reprocessing every article, as a redelivery would, finds no new figure
      for (const i of order)
        expect((await processArticle(claimDeps, demoMessages[i], now)).newFigures).toEqual([]);
      expect(await deps.store.listAlerts()).toHaveLength(11);
      expect((await deps.store.listFigures()).map((f) => f.storyIds.length)).toEqual(
        figures.map((f) => f.storyIds.length),
      );
    },
  );

  it('carries the earlier value and date when the same claimant revises a figure', async () => {
    const deps = await fresh();
    const claimDeps = { store: deps.store, alertsQueue: deps.alertsQueue };
    const first = message(
      'Kursk losses mount\n\nPresident Volodymyr Zelensky said on Monday that North Korea’s dead and wounded in the Kursk region now number more than 3,000.',
      'https://news.example/a',
      '2024-12-23T09:00:00.000Z',
    );
    const later = message(
      'Zelenskyy raises estimate\n\nPresident Volodymyr Zelenskyy said more than 4,000 North Korean soldiers are now dead or wounded in the fighting for Kursk.',
      'https://news.example/b',
      '2025-01-06T09:00:00.000Z',
    );
    await processArticle(claimDeps, first, new Date('2024-12-23T12:00:00Z'));
    await processArticle(claimDeps, later, new Date('2025-01-06T12:00:00Z'));
    const alerts = await deps.store.listAlerts();
    const revised = alerts.find((a) => a.figure.value === 4000)!;
    expect(revised.previous).toMatchObject({
      value: 3000,
      figureKey: 'casualties|troops|3000||KP',
    });
    expect(revised.previous!.asOf).toMatch(/^2024-12-23/);
  });

  it('stores and tags a story about something else, and never alerts on it', async () => {
    const deps = await fresh();
    const claimDeps = { store: deps.store, alertsQueue: deps.alertsQueue };
    const offTopic = message(
      'Drone raid on Odesa\n\nRussia launched 120 drones and 5 missiles at Odesa overnight, Ukraine’s air force said, adding that 98 drones were shot down. The attack damaged 40 buildings, and the IMF approved a $1.1 billion tranche the same day.',
      'https://news.example/odesa',
    );
    const result = await processArticle(claimDeps, offTopic, new Date());
    expect(result).toMatchObject({ relevant: false, figures: 0, newFigures: [] });
    const story = await deps.store.getStory(offTopic.storyId);
    expect(story?.tags.relevant).toBe(false);
    expect(story?.tags.reason).toBeTruthy();
    expect(await deps.store.listAlerts()).toHaveLength(0);
    expect(await alertsQueued(deps)).toBe(0);
  });
});
