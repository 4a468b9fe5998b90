import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FetchError, UsageError } from '../../shared/errors.ts';
import { decodeBody } from '../../shared/feeds/charset.ts';
import { discoverFeeds, OpmlError, parseOpml } from '../../shared/feeds/discover.ts';
import { addToFeedList } from '../../shared/feeds/feed-list.ts';
import { createFetcher } from '../../shared/feeds/http-fetch.ts';
import { parseFeed } from '../../shared/feeds/parse.ts';
import { stripControls } from '../terminal.ts';

const feedsPath = (opts: { feeds?: string }) =>
  resolve(opts.feeds ?? process.env.FEEDS_FILE ?? 'feeds.json');

/** The line of an OPML file on which a URL appears, when it appears as written. */
function lineIn(text: string | undefined, url: string): string {
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const at = text === undefined ? -1 : Math.max(text.indexOf(url), text.indexOf(escaped));
  return at < 0 || text === undefined ? '' : `:${text.slice(0, at).split('\n').length}`;
}

/**
 * Prints what an addition did. A URL that is not http(s) (a `javascript:` or `file:` link in an
 * OPML file) is refused in one line on stderr with where it came from, and the exit code is 1.
 */
function report(
  path: string,
  result: ReturnType<typeof addToFeedList>,
  source?: { file: string; text: string },
) {
  for (const feed of result.added)
    process.stdout.write(
      `added   ${feed.id}  ${feed.url}${feed.title ? `  (${feed.title})` : ''}\n`,
    );
  for (const url of result.skipped) process.stdout.write(`skipped ${url} (already listed)\n`);
  for (const url of result.refused) {
    const from = source ? ` (${source.file}${lineIn(source.text, url)})` : '';
    process.stderr.write(`claimwatch: refused ${stripControls(url)}${from}: not an http(s) URL\n`);
  }
  if (result.refused.length > 0) process.exitCode = 1;
  process.stdout.write(`${result.added.length} added to ${path}\n`);
}

/** `claimwatch feeds import FILE.opml`: adds every feed of an OPML export to the feed list. */
export async function importOpmlCommand(file: string, opts: { feeds?: string }) {
  let xml: string;
  try {
    xml = decodeBody(await readFile(file));
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  let feeds: ReturnType<typeof parseOpml>;
  try {
    feeds = parseOpml(xml);
  } catch (error) {
    if (error instanceof OpmlError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  if (feeds.length === 0) throw new UsageError(`${file} lists no feeds (no <outline xmlUrl=...>)`);
  const path = feedsPath(opts);
  report(path, addToFeedList(path, feeds), { file, text: xml });
}

/**
 * `claimwatch feeds add URL`: adds a feed, or, given a web page, the feed the page announces
 * (`<link rel="alternate">`), after checking that it parses as a feed.
 */
export async function addFeedCommand(url: string, opts: { feeds?: string }) {
  const fetcher = createFetcher({
    allowAddresses: (process.env.FETCH_ALLOW_ADDRESSES ?? '').split(',').filter(Boolean),
  });
  const fetchFeed = async (target: string) => {
    const res = await fetcher(target);
    const body = decodeBody(res.body, res.headers['content-type'] as string | undefined);
    return { res, body };
  };
  const first = await fetchFeed(url);
  let feedUrl = first.res.url;
  let title: string | null = null;
  try {
    title = (await parseFeed(first.body)).title;
  } catch (error) {
    if (!(error instanceof FetchError) || error.kind !== 'not_a_feed') throw error;
    const found = discoverFeeds(first.body, first.res.url);
    if (found.length === 0)
      throw new UsageError(`${url} is neither a feed nor a page that links to one`);
    feedUrl = found[0].url;
    if (found.length > 1) {
      process.stdout.write(
        `the page announces ${found.length} feeds; adding the first:\n${found.map((f) => `  ${f.url}${f.title ? `  (${f.title})` : ''}`).join('\n')}\n`,
      );
    }
    title = (await parseFeed((await fetchFeed(feedUrl)).body)).title ?? found[0].title;
  }
  const path = feedsPath(opts);
  report(path, addToFeedList(path, [{ url: feedUrl, title }]));
}
