import { loadDemoArticles, renderDemoPage } from '../../local/demo/pages.ts';
import { figureKey } from '../../shared/figures/identity.ts';
import type { Figure } from '../../shared/types.ts';
import { loadDemoSet } from '../unit/figures/fixtures.ts';
import type { TestServer } from './http-server.ts';

/** The five demo articles (`local/demo/articles/`), as the demo serves them. */
export const sampleArticles = loadDemoArticles();

/**
 * The eleven distinct figures the five sample articles yield (the gold file's
 * `expectedDistinctFigures`), as `metric|unit|value`, sorted.
 */
export const EXPECTED_FIGURES = [
  'casualties|troops|3000',
  'casualties|troops|1100',
  'deployed|troops|12000',
  'supplied|containers|7000',
  'supplied|containers|20000',
  'deployed|officers|500',
  'deployed|generals|3',
  'casualties|troops|30',
  'missing|troops|3',
  'killed|troops|100',
  'wounded|troops|1000',
].sort();

/**
 * How many of the five sample articles report each of the eleven figures, by figure key, from
 * the hand annotation (Zelensky's 3,000: five).
 */
export const EXPECTED_SOURCES = new Map<string, number>();
for (const article of loadDemoSet().articles) {
  for (const f of article.figures.filter((g) => !g.optional)) {
    const key = figureKey({ ...(f as Figure), side: 'KP' });
    EXPECTED_SOURCES.set(key, (EXPECTED_SOURCES.get(key) ?? 0) + 1);
  }
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Where {@link serveSampleSite} puts the feed, and what the pages name as their URL. */
export interface SampleSiteOptions {
  /** Path of the RSS feed (default `/feed.xml`). */
  feedPath?: string;
  /** The feed's channel title (default `Sample`). */
  feedTitle?: string;
  /**
   * Whether each page's canonical URL is its own address on the test server, so the story URL
   * is the page's link; by default pages name `https://sample.example/news/<slug>`.
   */
  canonicalOnSite?: boolean;
  /** Awaited before the feed is answered, so a test can order it after some event. */
  feedGate?: () => Promise<void>;
}

/**
 * Serves the sample articles on a test server: an RSS feed and each article as a realistic news
 * page at `/news/<slug>`. Returns the pages' links, in the feed's order.
 */
export function serveSampleSite(site: TestServer, opts: SampleSiteOptions = {}): string[] {
  const links = sampleArticles.map((a) => `${site.url}/news/${a.slug}`);
  const items = sampleArticles
    .map(
      (a, i) =>
        `<item><title>${escapeXml(a.title)}</title><link>${links[i]}</link><guid isPermaLink="false">${a.slug}</guid><pubDate>Mon, 23 Dec 2024 09:00:00 GMT</pubDate></item>`,
    )
    .join('');
  site.route(opts.feedPath ?? '/feed.xml', async (_req, res) => {
    await opts.feedGate?.();
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>${opts.feedTitle ?? 'Sample'}</title>${items}</channel></rss>`,
    );
  });
  for (const [i, a] of sampleArticles.entries()) {
    site.route(`/news/${a.slug}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        renderDemoPage({
          title: a.title,
          body: a.body,
          publishedAt: a.publishedAt,
          url: opts.canonicalOnSite ? links[i]! : `https://sample.example/news/${a.slug}`,
          site: 'Sample Times',
        }),
      );
    });
  }
  return links;
}
