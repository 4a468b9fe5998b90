import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ArticleExtractionError } from '../../../shared/articles/errors.ts';
import { extractArticle } from '../../../shared/articles/extract-article.ts';

const URL_ = 'https://news.example/world/story-1';

const PARAGRAPHS = [
  "On Monday, Ukraine's President Volodymyr Zelensky put the toll at more than 3,000 North Korean soldiers dead or wounded in the Kursk area of Russia, citing early figures from his top commander.",
  'Officials in Seoul offered a smaller estimate of roughly 1,100 casualties and warned that Pyongyang looked ready to dispatch further troops and hardware, self-destructing drones among them.',
  'The two countries signed a mutual defence treaty in June that entered into force this month, and analysts expect the cooperation to deepen further over the coming year.',
];

function articlePage(opts: { pStyle?: string; head?: string; paragraphs?: string[] } = {}) {
  const style = opts.pStyle ? ` style="${opts.pStyle}"` : '';
  const paras = (opts.paragraphs ?? PARAGRAPHS).map((p) => `<p${style}>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>Kursk losses | Example News</title>${opts.head ?? ''}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>Kursk losses</h1>${paras}</article></main>
<footer><a href="/about">About</a></footer></body></html>`;
}

const FEED = {
  title: 'Zelensky: 3,000 North Korean troops killed or wounded',
  content:
    '<p>More than <b>3,000</b> North Korean soldiers are dead or wounded.</p><p>South Korea &amp; Ukraine disagree on the count.</p>',
  summary: 'Short summary.',
  publishedAt: '2024-12-23T09:00:00Z',
  author: 'By Jane Doe',
};

describe('a page that breaks the DOM library', () => {
  const html = articlePage({ pStyle: 'width: calc($gutter * 2)' });

  it('really breaks jsdom 29.1.1 (calc() with a $ in a style attribute)', () => {
    expect(() => new JSDOM(html)).toThrow();
  });

  it('falls back to the feed content, with the reason', async () => {
    const article = await extractArticle(html, { url: URL_, feedItem: FEED });
    expect(article.source).toBe('feed');
    expect(article.fallbackReason).toMatch(/^dom-error: /);
    expect(article.text).toBe(
      'More than 3,000 North Korean soldiers are dead or wounded.\n\nSouth Korea & Ukraine disagree on the count.',
    );
    expect(article.title).toBe(FEED.title);
    expect(article.byline).toBe('Jane Doe');
    expect(article.publishedAt).toBe('2024-12-23T09:00:00Z');
    expect(article.language).toBe('en');
  });

  it('without feed content, re-parses the page without inline styles and says so', async () => {
    const article = await extractArticle(html, { url: URL_ });
    expect(article.source).toBe('readability');
    expect(article.fallbackReason).toMatch(/dom-error.*re-parsed without inline styles/);
    expect(article.text).toContain('more than 3,000 North Korean soldiers');
  });

  it('is not triggered by the same CSS in a <style> block, which is stripped before parsing', async () => {
    const styled = articlePage({ head: '<style>.x { width: calc($gutter * 2) }</style>' });
    expect(() => new JSDOM(styled)).toThrow();
    const article = await extractArticle(styled, { url: URL_, feedItem: FEED });
    expect(article.source).toBe('readability');
    expect(article.fallbackReason).toBeUndefined();
    expect(article.text.split('\n\n')).toEqual(PARAGRAPHS);
  });
});

describe('a page that is not an article', () => {
  const index = `<!doctype html><html lang="en"><head><title>World news</title></head><body>
<nav>${['World', 'Politics', 'Business', 'Sport'].map((s) => `<a href="/${s}">${s}</a>`).join(' ')}</nav>
<ul>${Array.from({ length: 20 }, (_, i) => `<li><a href="/story-${i}">Headline number ${i} about the war</a></li>`).join('')}</ul>
</body></html>`;

  it('falls back to the feed content as not readerable', async () => {
    const article = await extractArticle(index, { url: URL_, feedItem: FEED });
    expect(article.source).toBe('feed');
    expect(article.fallbackReason).toBe('not-readerable');
    expect(article.text).toContain('3,000 North Korean soldiers');
  });

  it('without feed content, returns what the page gave, with the reason', async () => {
    const article = await extractArticle(index, { url: URL_ });
    expect(article.fallbackReason).toMatch(/^not-readerable; no better feed content/);
  });
});

describe('a page with almost no text or a paywall', () => {
  it('uses the feed when the page yields almost no text', async () => {
    const short = articlePage({
      paragraphs: [
        'Zelensky said on Monday that Kursk had cost North Korea more than 3,000 soldiers, dead or wounded, going by early numbers from the army chief.',
      ],
    });
    const article = await extractArticle(short, {
      url: URL_,
      feedItem: { ...FEED, content: `<p>${PARAGRAPHS.join('</p><p>')}</p>` },
    });
    expect(article.source).toBe('feed');
    expect(article.fallbackReason).toBe('too-little-text');
    expect(article.text.split('\n\n')).toEqual(PARAGRAPHS);
  });

  it('uses the feed when the page is a paywalled teaser', async () => {
    const teaser = articlePage({
      head: '<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>',
      paragraphs: [
        ...PARAGRAPHS.slice(0, 2),
        'Subscribe to continue reading. Already a subscriber? Log in for full access to our journalism.',
      ],
    });
    const article = await extractArticle(teaser, { url: URL_, feedItem: FEED });
    expect(article.source).toBe('feed');
    expect(article.fallbackReason).toBe('paywalled');
  });

  it('keeps a page that declares a paywall but serves the full text', async () => {
    const full = articlePage({
      head: '<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":"False"}</script>',
      paragraphs: ['Monday', 'Tuesday', 'Wednesday', 'Friday'].flatMap((day) =>
        PARAGRAPHS.map((p) => p.replace('Monday', day).replace('this month', `this ${day}`)),
      ),
    });
    const article = await extractArticle(full, { url: URL_, feedItem: FEED });
    expect(article.source).toBe('readability');
    expect(article.fallbackReason).toBeUndefined();
  });
});

describe('bad input never throws, programmer errors do', () => {
  it('returns an empty article with a reason for an empty page and no feed', async () => {
    const article = await extractArticle('', { url: URL_ });
    expect(article.text).toBe('');
    expect(article.fallbackReason).toBeDefined();
  });

  it('survives arbitrary strings and HTML-ish soup', async () => {
    const soup = fc.oneof(
      fc.string(),
      fc
        .array(
          fc.constantFrom(
            '<p>',
            '</p>',
            '<div style="width: calc($x)">',
            '<table><tr><td>',
            '<script>while(1){}',
            '<!--',
            '<svg>',
            '&amp;',
            '&#xD800;',
            'text 3,000 troops',
            '<br>',
            '</div>',
            '<style>',
            '<html lang="x">',
            '\u0000',
          ),
        )
        .map((parts) => parts.join('')),
    );
    await fc.assert(
      fc.asyncProperty(soup, async (html) => {
        const article = await extractArticle(html, {
          url: URL_,
          feedItem: { summary: 'fallback' },
        });
        expect(typeof article.text).toBe('string');
        expect(['readability', 'feed']).toContain(article.source);
      }),
      { numRuns: 40 },
    );
  });

  it('throws ArticleExtractionError for a non-string page', async () => {
    await expect(extractArticle(42 as unknown as string, { url: URL_ })).rejects.toBeInstanceOf(
      ArticleExtractionError,
    );
  });

  it('throws ArticleExtractionError, with the cause, for a URL that is not absolute', async () => {
    const error = await extractArticle('<p>x</p>', { url: '/relative/path' }).catch((e) => e);
    expect(error).toBeInstanceOf(ArticleExtractionError);
    expect(error.name).toBe('ArticleExtractionError');
    expect(error.cause).toBeInstanceOf(TypeError);
    await expect(extractArticle('<p>x</p>', { url: 'javascript:alert(1)' })).rejects.toThrow(
      /unsupported URL scheme/,
    );
  });
});
