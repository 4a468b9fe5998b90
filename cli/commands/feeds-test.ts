import { extractArticle } from '../../shared/articles/extract-article.ts';
import { htmlToText } from '../../shared/articles/html-to-text.ts';
import { FetchError, UsageError } from '../../shared/errors.ts';
import { decodeBody } from '../../shared/feeds/charset.ts';
import { discoverFeeds } from '../../shared/feeds/discover.ts';
import { isHttpUrl } from '../../shared/feeds/feed-list.ts';
import { createFetcher } from '../../shared/feeds/http-fetch.ts';
import type { FeedItem } from '../../shared/feeds/parse.ts';
import { parseFeed } from '../../shared/feeds/parse.ts';
import { extractFigures } from '../../shared/figures/extract.ts';
import { describeFigure } from '../../shared/figures/identity.ts';
import { guessLanguage, tagStory } from '../../shared/figures/tags.ts';
import type { ExtractedArticle, Figure } from '../../shared/types.ts';

/** What one item of a tested feed would give. */
export interface TestedItem {
  title: string;
  link: string | null;
  /** `page`, or `feed` when the feed's own text stands in, with why. */
  source: string;
  fallbackReason?: string;
  relevant: boolean;
  /** The figures the pipeline would record: about North Korea's side, in a relevant story. */
  figures: Figure[];
  /** Figures found but not counted (another side, or a story not about North Korea–Russia). */
  ignored: number;
}

/** An item's link resolved against the feed, or null when it is not http(s). */
function linkOf(item: FeedItem, base: string): string | null {
  const raw = item.link ?? (item.guid && /^https?:\/\//i.test(item.guid) ? item.guid : null);
  if (!raw) return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Reads one item as the pipeline would (its page through the guarded fetcher and Readability,
 * or the feed's own content when the page cannot be used) and extracts its figures, storing
 * nothing.
 */
async function readOne(
  fetcher: ReturnType<typeof createFetcher>,
  item: FeedItem,
  feedUrl: string,
): Promise<TestedItem> {
  const content = item.content ?? item.summary ?? '';
  const link = linkOf(item, feedUrl);
  const fromFeed = (reason: string): ExtractedArticle => ({
    title: item.title,
    byline: item.author,
    text: htmlToText(content),
    publishedAt: item.publishedAt,
    language: null,
    canonicalUrl: null,
    source: 'feed',
    fallbackReason: reason,
  });
  let article: ExtractedArticle;
  if (!link) {
    article = fromFeed('item has no link');
  } else {
    try {
      const page = await fetcher(link, {
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
      });
      const html = decodeBody(page.body, page.headers['content-type'] as string | undefined);
      article = await extractArticle(html, {
        url: page.url,
        feedItem: {
          title: item.title,
          content: content || undefined,
          publishedAt: item.publishedAt,
          author: item.author,
        },
      });
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      article = fromFeed(`page fetch failed (${error.kind}): ${error.message}`);
    }
  }
  const title = article.title || item.title;
  const body = `${title}\n\n${article.text}`;
  const language = article.language?.trim() || guessLanguage(body);
  const published = (item.publishedAt ?? article.publishedAt)?.slice(0, 10);
  const figures = extractFigures(body, { published, language });
  const tags = tagStory({ title, text: article.text, figures, language });
  const counted = figures.filter((f) => tags.relevant && f.side === 'KP');
  return {
    title,
    link,
    source: article.source,
    ...(article.fallbackReason ? { fallbackReason: article.fallbackReason } : {}),
    relevant: tags.relevant,
    figures: counted,
    ignored: figures.length - counted.length,
  };
}

/**
 * `claimwatch feeds test URL`: polls one feed once, through the same fetcher, parser, article
 * reader and figure extractor as the pipeline, and stores nothing. Prints what the feed gave,
 * how many items, and the figures each of the first `--items` articles would yield: how a user
 * checks a feed before adding it.
 */
export async function testFeedCommand(url: string, opts: { items?: string; json?: boolean }) {
  if (!isHttpUrl(url)) throw new UsageError(`feeds test: ${url} is not an http(s) URL`);
  const limit = Number(opts.items ?? 5);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new UsageError(`--items must be a whole number, got ${opts.items}`);
  }
  const fetcher = createFetcher({
    allowAddresses: (process.env.FETCH_ALLOW_ADDRESSES ?? '').split(',').filter(Boolean),
  });
  const res = await fetcher(url);
  const text = decodeBody(res.body, res.headers['content-type'] as string | undefined);
  let feed: Awaited<ReturnType<typeof parseFeed>>;
  try {
    feed = await parseFeed(text);
  } catch (error) {
    if (!(error instanceof FetchError) || error.kind !== 'not_a_feed') throw error;
    const found = discoverFeeds(text, res.url);
    throw new UsageError(
      found.length > 0
        ? `${url} is a web page, not a feed; it announces ${found.map((f) => f.url).join(', ')}: test that instead`
        : `${url} is not a feed (HTTP ${res.status}, ${String(res.headers['content-type'] ?? 'no content type')})`,
    );
  }
  const read: TestedItem[] = [];
  for (const item of feed.items.slice(0, limit)) read.push(await readOne(fetcher, item, res.url));
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          url: res.url,
          status: res.status,
          contentType: res.headers['content-type'] ?? null,
          title: feed.title,
          ttlMinutes: feed.ttlMinutes,
          items: feed.items.length,
          read,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const lines = [
    `feed:   ${feed.title ?? '(no title)'}`,
    `url:    ${res.url}${res.url !== url ? ` (redirected from ${url})` : ''}`,
    `HTTP:   ${res.status}, ${res.headers['content-type'] ?? 'no content type'}, ${res.body.length} bytes`,
    `items:  ${feed.items.length}${feed.truncated ? ' (the document was cut off)' : ''}`,
  ];
  for (const [i, item] of read.entries()) {
    lines.push(
      '',
      `${i + 1}. ${item.title}`,
      `   ${item.link ?? '(no link)'}`,
      `   read from ${item.source === 'feed' ? `the feed's own text (${item.fallbackReason})` : 'the page'}; ${item.relevant ? 'about North Korea–Russia' : 'not about North Korea–Russia'}`,
      `   figures: ${item.figures.length}${item.ignored ? ` (${item.ignored} more not counted: another side, or off topic)` : ''}`,
      ...item.figures.map((f) => `     - ${describeFigure(f)} — ${f.claimant ?? 'unattributed'}`),
    );
  }
  if (feed.items.length > read.length) {
    lines.push(
      '',
      `${feed.items.length - read.length} more items not read (--items N reads more). Nothing was stored.`,
    );
  } else {
    lines.push('', 'Nothing was stored.');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
