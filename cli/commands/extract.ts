import { open } from 'node:fs/promises';
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
import { parseDay } from '../validate.ts';

/** The fetcher's cap on a page (FETCH_MAX_BYTES, 15 MiB by default), applied to files too. */
function maxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.FETCH_MAX_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : 15 * 1024 * 1024;
}

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** Signatures of the binary formats people most often hand to `extract` by mistake. */
const MAGIC: [string, number[]][] = [
  ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or a .docx/.odt)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
];

/**
 * Names the binary format of bytes that are not text, or returns undefined for text. Text in
 * UTF-16/32 starts with a byte-order mark (or `<` and a NUL, for XML) and is left to the charset
 * sniffer; anything else with NUL bytes, or with many other control bytes, is binary.
 */
export function binaryKind(bytes: Buffer): string | undefined {
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return name;
  }
  const [a, b] = [bytes[0], bytes[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return undefined;
  if ((a === 0x3c && b === 0) || (a === 0 && b === 0x3c)) return undefined;
  const head = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return 'a binary file';
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) controls++;
  }
  return controls > head.length / 20 ? 'a binary file' : undefined;
}

/**
 * Reads up to `limit` bytes: a regular file's whole size, known beforehand; anything else (a
 * pipe) up to one byte past the cap, to tell that it was over.
 */
async function readAtMost(
  handle: Awaited<ReturnType<typeof open>>,
  limit: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(limit);
  let filled = 0;
  while (filled < limit) {
    const { bytesRead } = await handle.read(buffer, filled, limit - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/**
 * Reads a local file for `extract`, refusing in one line what cannot be an article: a directory,
 * a file over the fetcher's cap (judged by its size, before reading a byte), an empty file and a
 * binary one.
 */
async function readLocalFile(path: string): Promise<Buffer> {
  const cannotRead = (error: unknown) =>
    new UsageError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw cannotRead(error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new UsageError(`${path} is a directory, not an article file`);
    const cap = maxBytes();
    if (info.isFile() && info.size > cap) {
      throw new UsageError(
        `${path} is ${mib(info.size)}, over the ${mib(cap)} a page may be (FETCH_MAX_BYTES); extract reads one article`,
      );
    }
    let raw: Buffer;
    try {
      raw = await readAtMost(handle, info.isFile() ? info.size : cap + 1);
    } catch (error) {
      throw cannotRead(error);
    }
    if (raw.length > cap) {
      throw new UsageError(`${path} is over the ${mib(cap)} a page may be (FETCH_MAX_BYTES)`);
    }
    if (raw.length === 0) throw new UsageError(`${path} is empty`);
    const kind = binaryKind(raw);
    if (kind) {
      throw new UsageError(
        `${path} is ${kind}, not text or HTML: extract reads an article as a .txt or .html file`,
      );
    }
    return raw;
  } finally {
    await handle.close();
  }
}

const looksLikeHtml = (text: string) =>
  /<(!doctype\s+html|html|head|body|article|p|div)[\s>]/i.test(text.slice(0, 4096));

/** Reads a file or URL into an article: HTML goes through Readability, text is taken as it is. */
async function readArticle(input: string): Promise<ExtractedArticle> {
  if (/^https?:\/\//i.test(input)) {
    const fetcher = createFetcher({
      allowAddresses: (process.env.FETCH_ALLOW_ADDRESSES ?? '').split(',').filter(Boolean),
      maxBytes: maxBytes(),
    });
    const page = await fetcher(input, { accept: 'text/html,*/*;q=0.5' });
    const body = decodeBody(page.body, page.headers['content-type'] as string | undefined);
    return looksLikeHtml(body) ? extractArticle(body, { url: page.url }) : articleFromText(body);
  }
  // Decoded as pages are: a BOM, else valid UTF-8, else a declared charset, else detection.
  const text = decodeBody(await readLocalFile(input));
  if (text.trim() === '') throw new UsageError(`${input} has only white space, no article`);
  const article = looksLikeHtml(text)
    ? await extractArticle(text, { url: pathToFileURL(resolve(input)).href })
    : articleFromText(text);
  if (!article.title.trim() && !article.text.trim()) {
    throw new UsageError(`${input} has no article text`);
  }
  return article;
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
  // A real calendar day: 2024-99-99 is refused, not read as today.
  const publishedOption = parseDay('--published', opts.published);
  const article = await readArticle(input);
  const published = publishedOption ?? article.publishedAt?.slice(0, 10);
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
