import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageF1 } from '../../../bench/extraction.ts';
import { extractArticle } from '../../../shared/articles/extract-article.ts';

const DIR = new URL('../../fixtures/articles/', import.meta.url);

interface FixturePage {
  id: string;
  measured: number;
  baseline: number;
  floor: number;
  structure: string;
  guards: string;
}

const { pages } = JSON.parse(readFileSync(new URL('pages.json', DIR), 'utf8')) as {
  pages: FixturePage[];
};

describe('saved news-like pages keep their measured extraction quality', () => {
  it('has 5 to 12 pages, each with a floor at or below its measurement', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages.length).toBeLessThanOrEqual(12);
    for (const page of pages) {
      expect(page.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(page.floor).toBeLessThanOrEqual(page.measured);
    }
  });

  for (const page of pages) {
    it(`${page.id} ≥ ${page.floor}: ${page.guards}`, async () => {
      const html = readFileSync(new URL(`${page.id}.html`, DIR), 'utf8');
      const expected = readFileSync(new URL(`${page.id}.expected.txt`, DIR), 'utf8');
      const article = await extractArticle(html, { url: `https://news.example/${page.id}` });
      expect(article.source).toBe('readability');
      expect(article.title.length).toBeGreaterThan(10);
      expect(pageF1(expected, article.text)).toBeGreaterThanOrEqual(page.floor);
    });
  }
});
