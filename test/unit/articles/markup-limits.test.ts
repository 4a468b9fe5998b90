/**
 * Pages built to stall Readability: deep nesting, thousands of nested elements, megabytes of
 * markup. Each falls back to the feed's text at once, with its reason, instead of holding the
 * poll for minutes (1,000 nested divs took a minute before the limit).
 */
import { describe, expect, it } from 'vitest';
import {
  extractArticle,
  MARKUP_LIMITS,
  markupTooCostly,
} from '../../../shared/articles/extract-article.ts';

const feedItem = {
  title: 'Seoul updates its count of North Korean troops',
  content: '<p>The feed’s own summary: Seoul now counts about 11,000 North Korean troops.</p>',
};
const paragraph = `<p>${'Officials described the fighting near the border in some detail. '.repeat(8)}</p>`;
const nested = (levels: number, inner = paragraph) =>
  `<!doctype html><html><head><title>Nested</title></head><body>${'<div>'.repeat(levels)}${inner}${'</div>'.repeat(levels)}</body></html>`;

describe('markup limits', () => {
  it('reads a page of ordinary depth with Readability', async () => {
    const article = await extractArticle(nested(40, paragraph.repeat(4)), {
      url: 'https://news.example/a',
      feedItem,
    });
    expect(article.source).toBe('readability');
  });

  it('falls back to the feed at once for a thousand nested divs', async () => {
    const article = await extractArticle(nested(1000), { url: 'https://news.example/b', feedItem });
    expect(article).toMatchObject({ source: 'feed', title: feedItem.title });
    expect(article.text).toContain('about 11,000 North Korean troops');
    expect(article.fallbackReason).toMatch(/page-too-complex: .*nested more than 150 deep/);
  });

  it('falls back for many elements under moderate nesting, and for megabytes of markup', () => {
    const wide = nested(100, '<div><span>One more line of text.</span></div>'.repeat(3000));
    expect(markupTooCostly(wide)).toMatch(/weight over/);
    const flat = `<article>${'<div>x</div>'.repeat(MARKUP_LIMITS.elements + 1)}</article>`;
    expect(markupTooCostly(flat)).toMatch(/more than 15000 elements/);
    const huge = `<article><p>${'word '.repeat(MARKUP_LIMITS.chars / 5 + 1)}</p></article>`;
    expect(markupTooCostly(huge)).toMatch(/page-too-large/);
  });

  it('does not count elements whose end tag the parser supplies as nesting', () => {
    const list = `<ul>${'<li>item'.repeat(500)}</ul><p>${'<p>para'.repeat(500)}`;
    expect(markupTooCostly(list)).toBeNull();
  });

  it('says so when there is no feed text to fall back on', async () => {
    const article = await extractArticle(nested(1000), { url: 'https://news.example/c' });
    expect(article.fallbackReason).toMatch(/no feed content/);
  });
});
