import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_SITES, loadDemoArticles, renderDemoPage } from './demo/pages.ts';

/** A running sample site: an RSS feed of the five sample articles and their pages. */
export interface DemoSite {
  feedUrl: string;
  baseUrl: string;
  articles: number;
  close(): Promise<void>;
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/**
 * Serves the bundled sample articles from 127.0.0.1, each wrapped in a realistic news page
 * (navigation, sidebars, related links, subscribe boxes, scripts), so `npm run demo` exercises
 * the same fetch, Readability and extraction path as a real feed, with no network.
 */
export async function startDemoSite(): Promise<DemoSite> {
  const articles = loadDemoArticles();
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/feed.xml') {
      const items = articles
        .map(
          (a) => `<item>
  <title>${escapeXml(a.title)}</title>
  <link>${base}/news/${a.slug}</link>
  <guid isPermaLink="false">https://demo.claimwatch.example/news/${a.slug}</guid>
  <pubDate>${new Date(`${a.publishedAt}T09:00:00Z`).toUTCString()}</pubDate>
  <description>${escapeXml(a.body.slice(0, 200))}…</description>
</item>`,
        )
        .join('\n');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>claimwatch sample feed</title><link>${base}/</link><description>Five sample articles</description>
${items}
</channel></rss>`);
      return;
    }
    const match = /^\/news\/([\w-]+)$/.exec(path);
    const index = articles.findIndex((a) => match && a.slug === match[1]);
    if (index < 0) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const article = articles[index];
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      renderDemoPage({
        title: article.title,
        body: article.body,
        publishedAt: article.publishedAt,
        url: `https://demo.claimwatch.example/news/${article.slug}`,
        site: DEMO_SITES[index % DEMO_SITES.length],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    feedUrl: `${baseUrl}/feed.xml`,
    baseUrl,
    articles: articles.length,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
