import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataDirOf, openLocalStore } from '../../local/session.ts';
import { UsageError } from '../../shared/errors.ts';
import type { FeedList } from '../../shared/feeds/feed-list.ts';
import {
  entryLines,
  FeedListError,
  loadFeedList,
  parseFeedList,
} from '../../shared/feeds/feed-list.ts';
import type { PersonAction } from '../../shared/store/store.ts';
import { actor } from '../actor.ts';

const feedsPath = (opts: { feeds?: string }) =>
  resolve(opts.feeds ?? process.env.FEEDS_FILE ?? 'feeds.json');

/** Writes through a temporary file, so an interrupted write never leaves half a feed list. */
function writeFileAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new UsageError(
      `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** The feed list file read as it is written, with its validated ids, for an edit. */
function readFeedListFile(path: string): { data: unknown; list: FeedList } {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FeedListError(`cannot read feed list ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new FeedListError(`${path}: not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const lines = entryLines(raw);
  return { data, list: parseFeedList(data, path, (index) => lines[index]) };
}

/** The known ids, for a message about an id that is not one of them. */
const idsOf = (ids: string[]) =>
  ids.length === 0
    ? 'it lists none'
    : `its ids: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}`;

/**
 * `claimwatch feeds remove ID`: takes a feed off the feed list file. The table keeps the feed's
 * stories, figures and health; the next cycle of `claimwatch run` (which rereads the list) stops
 * polling it.
 */
export function removeFeedCommand(id: string, opts: { feeds?: string }) {
  const path = feedsPath(opts);
  const { data, list } = readFeedListFile(path);
  const index = list.feeds.findIndex((f) => f.feedId === id);
  if (index < 0) {
    throw new UsageError(`no feed "${id}" in ${path} (${idsOf(list.feeds.map((f) => f.feedId))})`);
  }
  const entries = [...(Array.isArray(data) ? data : (data as { feeds: unknown[] }).feeds)];
  entries.splice(index, 1);
  const out = Array.isArray(data) ? entries : { ...(data as object), feeds: entries };
  writeFileAtomically(path, `${JSON.stringify(out, null, 2)}\n`);
  const feed = list.feeds[index]!;
  process.stdout.write(
    `removed ${feed.feedId}  ${feed.url}\n${list.feeds.length - 1} feeds left in ${path}; the feed's stories and figures stay in the table, and \`claimwatch run\` stops polling it at its next cycle\n`,
  );
}

/**
 * `claimwatch feeds pause ID` / `resume ID`: a paused feed is not polled. Recorded on the
 * feed's record in the table, with who and when; a running monitor sees it at its next cycle.
 */
export async function setPausedCommand(
  id: string,
  paused: boolean,
  opts: { dataDir?: string; by?: string },
) {
  const { store, close } = await openLocalStore(dataDirOf(opts.dataDir), { write: true });
  try {
    const feed = await store.getFeed(id);
    if (!feed || (feed as { disabled?: boolean }).disabled) {
      const listed = (await store.listFeeds()).map((f) => f.feedId).sort();
      throw new UsageError(
        `no feed "${id}" in the table (${idsOf(listed)}); a feed just added is there after the next \`claimwatch run\` cycle`,
      );
    }
    const action: PersonAction = { at: new Date().toISOString(), by: actor(opts.by) };
    if (paused) {
      if (feed.paused) {
        process.stdout.write(
          `${id} is already paused (by ${feed.paused.by} at ${feed.paused.at})\n`,
        );
        return;
      }
      await store.pauseFeed(id, action);
      process.stdout.write(
        `paused ${id} (by ${action.by} at ${action.at}); \`claimwatch feeds resume ${id}\` polls it again\n`,
      );
      return;
    }
    if (!feed.paused) {
      process.stdout.write(`${id} is not paused\n`);
      return;
    }
    await store.resumeFeed(id, action);
    process.stdout.write(
      `resumed ${id} (by ${action.by} at ${action.at}); it is polled at the next cycle\n`,
    );
  } finally {
    await close();
  }
}

/**
 * An XML attribute value: the five markup characters escaped, line breaks and tabs kept as
 * character references (a parser would fold them to spaces), and characters XML 1.0 forbids
 * dropped, so a feed's title can never break the document.
 */
export function xmlAttribute(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * The feed list as OPML 2.0, the subscription format feed readers (Miniflux, Feedly, Inoreader,
 * NetNewsWire) import: one `<outline type="rss">` per feed with `xmlUrl`, `text` and `title`.
 */
export function feedListToOpml(list: FeedList, now = new Date()): string {
  const outlines = list.feeds.map((feed) => {
    const name = xmlAttribute(feed.title?.trim() || feed.id || new URL(feed.url).hostname);
    const language = feed.language ? ` language="${xmlAttribute(feed.language)}"` : '';
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${xmlAttribute(feed.url)}"${language}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>claimwatch feeds</title>',
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

/** `claimwatch feeds export > subscriptions.opml`: the feed list for a feed reader. */
export function exportFeedsCommand(opts: { feeds?: string }) {
  process.stdout.write(feedListToOpml(loadFeedList(feedsPath(opts))));
}
