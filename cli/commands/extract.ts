import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { articleFromText, extractArticle } from '../../shared/articles/extract-article.ts';
import { UsageError } from '../../shared/errors.ts';
import { decodeBody } from '../../shared/feeds/charset.ts';
import { createFetcher } from '../../shared/feeds/http-fetch.ts';
import { extractFigures } from '../../shared/figures/extract.ts';
import { describeFigure } from '../../shared/figures/identity.ts';
import { guessLanguage, tagStory } from '../../shared/figures/tags.ts';
import type { ExtractedArticle } from '../../shared/types.ts';

const looksLikeHtml = (text: string) =>
  /<(!doctype\s+html|html|head|body|article|p|div)[\s>]/i.test(text.slice(0, 4096));

/** Reads a file or URL into an article: HTML goes through Readability, text is taken as it is. */
async function readArticle(input: string): Promise<ExtractedArticle> {
  if (/^https?:\/\//i.test(input)) {
    const fetcher = createFetcher({
      allowAddresses: (process.env.FETCH_ALLOW_ADDRESSES ?? '').split(',').filter(Boolean),
    });
    const page = await fetcher(input, { accept: 'text/html,*/*;q=0.5' });
    const body = decodeBody(page.body, page.headers['content-type'] as string | undefined);
    return looksLikeHtml(body) ? extractArticle(body, { url: page.url }) : articleFromText(body);
  }
  let raw: Buffer;
  try {
    raw = await readFile(input);
  } catch (error) {
    throw new UsageError(
      `cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const text = decodeBody(raw);
  return looksLikeHtml(text)
    ? extractArticle(text, { url: pathToFileURL(resolve(input)).href })
    : articleFromText(text);
}

/** `claimwatch extract`: the contract external evaluation uses (FIGURES.md). */
export async function extractCommand(
  input: string,
  opts: { json?: boolean; published?: string; language?: string },
) {
  if (opts.language !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/i.test(opts.language)) {
    throw new UsageError(
      `--language must be a language tag such as ko or de, got ${opts.language}`,
    );
  }
  if (opts.published && !/^\d{4}-\d{2}-\d{2}$/.test(opts.published)) {
    throw new UsageError(`--published must be YYYY-MM-DD, got ${opts.published}`);
  }
  const article = await readArticle(input);
  const published = opts.published ?? article.publishedAt?.slice(0, 10);
  const body = `${article.title}\n\n${article.text}`;
  // --language, else the page's declared language, else a guess from the text: the language
  // picks the reader (English rules or a language pack).
  const language = opts.language?.trim() || article.language?.trim() || guessLanguage(body);
  const figures = extractFigures(body, { published, language });
  const tags = tagStory({
    title: article.title,
    text: article.text,
    figures,
    language,
  });
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify({ title: article.title, byline: article.byline, text: article.text, tags, figures }, null, 2)}\n`,
    );
    return;
  }
  const lines = [
    `title:  ${article.title}`,
    `byline: ${article.byline ?? '-'}`,
    `tags:   ${tags.relevant ? 'about North Korea–Russia' : 'not about North Korea–Russia'} (${tags.reason})`,
    `figures: ${figures.length}`,
    ...figures.map(
      (f) =>
        `  - ${describeFigure(f)}${f.side !== 'KP' ? ` [side ${f.side}]` : ''}\n    claimant: ${f.claimant ?? 'unattributed'}${f.claimantCountry ? ` (${f.claimantCountry})` : ''}${f.asOf ? `, as of ${f.asOf}` : ''}\n    evidence: ${f.evidence}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
