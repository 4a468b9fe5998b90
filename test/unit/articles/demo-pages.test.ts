import { describe, expect, it } from 'vitest';
import { pageF1 } from '../../../bench/extraction.ts';
import {
  DEMO_BOILERPLATE,
  DEMO_SITES,
  loadDemoArticles,
  renderDemoPage,
} from '../../../local/demo/pages.ts';
import { extractArticle } from '../../../shared/articles/extract-article.ts';

describe('demo pages', () => {
  const articles = loadDemoArticles();

  it('loads the five sample articles with title, body and the gold date', () => {
    expect(articles.map((a) => a.file)).toEqual([
      '000_zelensky-kursk-toll.txt',
      '001_seoul-sees-new-deployment.txt',
      '002_kursk-losses-deepening-alliance.txt',
      '003_hur-reports-december-losses.txt',
      '004_zelensky-telegram-kursk.txt',
    ]);
    for (const a of articles) {
      expect(a.publishedAt).toBe('2024-12-23');
      expect(a.title.length).toBeGreaterThan(20);
      expect(a.body.split('\n\n').length).toBeGreaterThanOrEqual(5);
      expect(a.slug).toMatch(/^[\w-]+$/);
      // the saved copies' own chrome is not part of the body
      expect(a.body).not.toMatch(
        /Source link|Leave a Reply|News Feed|RELATED STORIES|required field|min read|Skip to content|Listen to this article/,
      );
    }
    expect(articles[0].title).toBe('Zelensky puts North Korean dead and wounded in Kursk at 3,000');
    expect(articles[1].title).toBe(
      'More than 3,000 North Korean soldiers have now been killed or wounded in the Kursk region of Russia, Ukrainian President Volodymyr Zelenskyy said on Monday',
    );
    expect(articles[4].byline).toBe('Oksana Hrytsenko');
  });

  it('renders five different layouts, each a full news page', () => {
    const pages = articles.map((a, i) =>
      renderDemoPage({
        ...a,
        url: `https://demo.claimwatch.example/news/${a.slug}`,
        site: DEMO_SITES[i],
      }),
    );
    // semantic <article>, div soup, <main> with <br><br> text, WordPress, magazine sections
    const markers = [
      /<article class="story">/,
      /<div id="wrapper">/,
      /<br><br>/,
      /<div class="entry-content">/,
      /<section class="story-section">/,
    ];
    expect(markers.map((m) => pages.filter((html) => m.test(html)).length)).toEqual([
      1, 1, 1, 1, 1,
    ]);
    for (const html of pages) {
      expect(html).toMatch(/<html lang="en">/);
      expect(html).toMatch(
        /<link rel="canonical" href="https:\/\/demo\.claimwatch\.example\/news\//,
      );
      expect(html).toMatch(
        /<meta property="article:published_time" content="2024-12-23T09:00:00Z">/,
      );
      expect(html).toMatch(/while \(true\)/);
      expect(html).toMatch(/<style>/);
    }
  });

  for (const [i, site] of DEMO_SITES.entries()) {
    it(`extracts title and body (F1 ≥ 0.97) from ${site}'s page, with no chrome leaking`, async () => {
      const a = articles[i];
      const url = `https://demo.claimwatch.example/news/${a.slug}`;
      const html = renderDemoPage({ ...a, url, site });
      const article = await extractArticle(html, { url });
      expect(article.source).toBe('readability');
      expect(article.title).toBe(a.title);
      expect(pageF1(a.body, article.text)).toBeGreaterThanOrEqual(0.97);
      for (const phrase of DEMO_BOILERPLATE) expect(article.text).not.toContain(phrase);
      expect(article.text).not.toMatch(/Feb\. 16, 2019|10,000|12 generals|4 min read|Asia-Pacific/);
      expect(article).toMatchObject({
        language: 'en',
        canonicalUrl: url,
        publishedAt: '2024-12-23T09:00:00Z',
      });
    });
  }
});
