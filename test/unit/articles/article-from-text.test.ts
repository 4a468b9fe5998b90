import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../../shared/articles/extract-article.ts';

describe('articleFromText', () => {
  it('takes the first non-empty line as the title and the rest as the body', () => {
    const article = articleFromText(
      '\n\n  Kursk losses  \n\nFirst paragraph.\r\n\r\n\r\n\r\nSecond paragraph.\n',
    );
    expect(article).toEqual({
      title: 'Kursk losses',
      byline: null,
      text: 'First paragraph.\n\nSecond paragraph.',
      publishedAt: null,
      language: null,
      canonicalUrl: null,
      source: 'text',
    });
  });

  it('keeps the body exactly as given otherwise (figure evidence quotes it)', () => {
    const sample = readFileSync(
      new URL('../../../local/demo/articles/003_hur-reports-december-losses.txt', import.meta.url),
      'utf8',
    );
    const article = articleFromText(sample, { publishedAt: '2024-12-23' });
    expect(article.title).toBe(
      "North Korean losses in Russia's Kursk region have passed three thousand, Zelenskyy says.",
    );
    expect(article.text.startsWith('Volodymyr Zelenskyy gave the estimate after a session')).toBe(
      true,
    );
    expect(article.publishedAt).toBe('2024-12-23');
  });

  it('returns an empty article for empty text', () => {
    expect(articleFromText('  \n ')).toMatchObject({ title: '', text: '', source: 'text' });
  });
});
