import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/articles/extract-article.ts';
import {
  cleanByline,
  normaliseDate,
  normaliseLanguage,
} from '../../../shared/articles/metadata.ts';

const BODY = [
  "According to early army figures cited by Ukraine's President Volodymyr Zelensky, more than 3,000 North Korean soldiers are now dead or wounded in the Kursk region.",
  "Seoul's own count was lower, at roughly 1,100 casualties, and it warned that Pyongyang looked set to ship further troops and hardware, self-destructing drones among them.",
  'The two countries signed a mutual defence treaty in June that entered into force this month, and analysts expect the cooperation to deepen further next year.',
];

function page(head: string, opts: { htmlAttrs?: string; beforeBody?: string } = {}): string {
  return `<!doctype html><html${opts.htmlAttrs ?? ''}><head>${head}</head><body><main><article>
<h1>Kursk: North Korean losses top 3,000 killed and wounded</h1>
${opts.beforeBody ?? ''}
${BODY.map((p) => `<p>${p}</p>`).join('\n')}
</article></main></body></html>`;
}

const URL_ = 'https://news.example/world/2024/12/23/kursk.html?utm_source=rss';

describe('article metadata', () => {
  it('reads canonical URL (resolved), language, published time, byline and title', async () => {
    const html = page(
      `<title>Kursk: North Korean losses top 3,000 killed and wounded | Example News</title>
<meta property="og:title" content="Kursk: North Korean losses top 3,000 killed and wounded">
<link rel="canonical" href="/world/kursk-losses">
<meta property="article:published_time" content="2024-12-23T18:40:00+02:00">`,
      {
        htmlAttrs: ' lang="en-gb"',
        beforeBody:
          '<div class="byline">By <a href="/authors/mira">Mira Halvorsen</a></div><p class="dateline"><time datetime="2024-12-23T18:40:00+02:00">December 23, 2024 6:40 PM</time></p>',
      },
    );
    const article = await extractArticle(html, { url: URL_ });
    expect(article).toMatchObject({
      title: 'Kursk: North Korean losses top 3,000 killed and wounded',
      byline: 'Mira Halvorsen',
      publishedAt: '2024-12-23T18:40:00+02:00',
      language: 'en-GB',
      canonicalUrl: 'https://news.example/world/kursk-losses',
      source: 'readability',
    });
    // The byline and dateline are metadata, not body.
    expect(article.text.split('\n\n')).toEqual(BODY);
  });

  it('falls back to og:url, og:locale and JSON-LD datePublished and author', async () => {
    const html = page(`<meta property="og:url" content="https://news.example/a/1">
<meta property="og:locale" content="ko_KR">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":"NewsArticle","headline":"Kursk","datePublished":"2024-12-23T09:00:00Z","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]}]}</script>`);
    const article = await extractArticle(html, { url: URL_ });
    expect(article.canonicalUrl).toBe('https://news.example/a/1');
    expect(article.language).toBe('ko-KR');
    expect(article.publishedAt).toBe('2024-12-23T09:00:00Z');
    expect(article.byline).toBe('Jane Doe, John Roe');
  });

  it('uses <time datetime> when nothing else dates the page, and null when nothing does', async () => {
    const timed = page('', { beforeBody: '<time datetime="2024-12-22">Dec 22</time>' });
    expect((await extractArticle(timed, { url: URL_ })).publishedAt).toBe('2024-12-22');
    const bare = await extractArticle(page(''), { url: URL_ });
    expect(bare.publishedAt).toBeNull();
    expect(bare.language).toBeNull();
    expect(bare.canonicalUrl).toBeNull();
  });

  it("prefers the feed's publication date over the page's", async () => {
    const html = page('<meta property="article:published_time" content="2024-12-20T00:00:00Z">');
    const article = await extractArticle(html, {
      url: URL_,
      feedItem: { publishedAt: '2024-12-23T09:00:00Z' },
    });
    expect(article.publishedAt).toBe('2024-12-23T09:00:00Z');
  });

  it('normalises languages, dates and bylines', () => {
    expect(normaliseLanguage('EN_us')).toBe('en-US');
    expect(normaliseLanguage('not a language')).toBeNull();
    expect(normaliseDate('Mon, 23 Dec 2024 09:00:00 GMT')).toBe('2024-12-23T09:00:00.000Z');
    expect(normaliseDate('2024-12-23 09:00')).toBe('2024-12-23T09:00');
    expect(normaliseDate('yesterday')).toBeNull();
    expect(cleanByline('by Mira Halvorsen December 22, 2024 7:15 PM 3 min read')).toBe(
      'Mira Halvorsen',
    );
    expect(cleanByline('By Justine Coleman - 11/18/19 11:04 PM EST')).toBe('Justine Coleman');
    expect(cleanByline('https://www.facebook.com/someone')).toBeNull();
  });
});
