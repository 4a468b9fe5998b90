import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageF1 } from '../../../bench/extraction.ts';
import { extractArticle } from '../../../shared/articles/extract-article.ts';

const DIR = new URL('../../fixtures/articles/', import.meta.url);

interface FixturePage {
  id: string;
  url: string;
  floor: number;
  why: string;
}

const { pages } = JSON.parse(readFileSync(new URL('pages.json', DIR), 'utf8')) as {
  pages: FixturePage[];
};

describe('real news pages keep their measured extraction quality', () => {
  it('has 5 to 8 pages, each with HTML and a true body', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages.length).toBeLessThanOrEqual(8);
  });

  for (const page of pages) {
    it(`${page.id.slice(0, 12)} (${new URL(page.url).hostname}) ≥ ${page.floor}: ${page.why}`, async () => {
      const html = gunzipSync(readFileSync(new URL(`${page.id}.html.gz`, DIR))).toString('utf8');
      const expected = readFileSync(new URL(`${page.id}.expected.txt`, DIR), 'utf8');
      const article = await extractArticle(html, { url: page.url });
      expect(article.source).toBe('readability');
      expect(article.title.length).toBeGreaterThan(10);
      expect(pageF1(expected, article.text)).toBeGreaterThanOrEqual(page.floor);
    });
  }
});
