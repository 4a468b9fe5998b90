/**
 * The plain-text path: an article saved as text, whose first non-empty line is its title
 * (the `claimwatch extract FILE` contract in FIGURES.md). Nothing is guessed or removed, so
 * figure evidence quotes the text exactly as given.
 */
import type { ExtractedArticle } from '../types.ts';
import { normaliseDate } from './metadata.ts';

/**
 * Splits plain text into title (first non-empty line) and body (the rest, trimmed, with runs
 * of blank lines reduced to one). `publishedAt` is taken as given, when the caller knows it.
 */
export function articleFromText(
  text: string,
  opts: { publishedAt?: string | null } = {},
): ExtractedArticle {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  const title = first >= 0 ? lines[first].trim() : '';
  const body = first >= 0 ? lines.slice(first + 1) : [];
  return {
    title,
    byline: null,
    text: body
      .map((l) => l.replace(/\s+$/, ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    publishedAt: normaliseDate(opts.publishedAt),
    language: null,
    canonicalUrl: null,
    source: 'text',
  };
}
