import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { FeedConfig } from '../types.ts';
import { feedIdFor, normalizeUrl, shortHash } from './identity.ts';

/** The feed list file is wrong; the message says where. */
export class FeedListError extends Error {
  override name = 'FeedListError';
}

/** Feeds are fetched over HTTP: any other scheme (`javascript:`, `file:`) in a list is a mistake or an attack. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const feedSchema = z.object({
  id: z
    .string()
    .regex(/^[\w.-]+$/, 'ids are letters, digits, dot, dash, underscore')
    .optional(),
  url: z.string().refine(isHttpUrl, 'must be an http(s) URL'),
  title: z.string().optional(),
  language: z.string().optional(),
});
const fileSchema = z.union([z.array(feedSchema), z.object({ feeds: z.array(feedSchema) })]);

/** A validated feed list with each feed's id and a hash of the whole list. */
export interface FeedList {
  feeds: (FeedConfig & { feedId: string })[];
  hash: string;
}

/** The value at a path of parsed JSON, shown short in a message. */
function shown(data: unknown, path: readonly PropertyKey[]): string {
  let value = data;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  if (value === undefined) return '';
  const text = JSON.stringify(value) ?? String(value);
  return `, got ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`;
}

/**
 * Validates a feed list given as data (`[...]` or `{ "feeds": [...] }`): every URL http(s), every
 * id (given, or derived from the URL) once. `lineOf` gives an entry's line in the file it came
 * from, so the message points at it.
 */
export function parseFeedList(
  data: unknown,
  origin = 'feed list',
  lineOf: (index: number) => number | undefined = () => undefined,
): FeedList {
  const where = (index: unknown) => {
    const line = typeof index === 'number' ? lineOf(index) : undefined;
    return line === undefined ? origin : `${origin}:${line}`;
  };
  const entryIndex = (path: readonly PropertyKey[]) => (path[0] === 'feeds' ? path[1] : path[0]);
  const result = fileSchema.safeParse(data);
  if (!result.success) {
    // Of the union's alternatives, report the one that matches the data's shape.
    const issues = result.error.issues.flatMap((issue) =>
      issue.code === 'invalid_union'
        ? (issue.errors.find(
            (branch) =>
              branch.length > 0 &&
              (Array.isArray(data)
                ? typeof branch[0]?.path[0] === 'number'
                : branch[0]?.path[0] === 'feeds'),
          ) ?? issue.errors.flat())
        : [issue],
    );
    const issue = issues[0] ?? result.error.issues[0]!;
    throw new FeedListError(
      `${where(entryIndex(issue.path))}: ${issue.path.join('.')}: ${issue.message}${shown(data, issue.path)}`,
    );
  }
  const list = Array.isArray(result.data) ? result.data : result.data.feeds;
  const feeds = list.map((feed) => ({ ...feed, feedId: feedIdFor(feed) }));
  const firstIndex = new Map<string, number>();
  const prefix = Array.isArray(result.data) ? '' : 'feeds.';
  for (const [index, feed] of feeds.entries()) {
    const first = firstIndex.get(feed.feedId);
    if (first === undefined) {
      firstIndex.set(feed.feedId, index);
      continue;
    }
    const earlier = lineOf(first) === undefined ? `${prefix}${first}` : `line ${lineOf(first)}`;
    throw new FeedListError(
      feed.id === undefined
        ? `${where(index)}: ${prefix}${index}.url: the same feed as ${earlier} (${feed.url})`
        : `${where(index)}: ${prefix}${index}.id: duplicate id "${feed.id}", already used by ${earlier}`,
    );
  }
  return { feeds, hash: shortHash(JSON.stringify(feeds)) };
}

/**
 * The line (1-based) on which each entry of a feed list file starts, for `[...]` and for
 * `{ "feeds": [...] }`. The text is already known to be valid JSON.
 */
export function entryLines(raw: string): number[] {
  let i = 0;
  const lines: number[] = [];
  const end = raw.length;
  const space = () => {
    while (i < end && /\s/.test(raw[i]!)) i++;
  };
  const lineAt = (pos: number) => {
    let line = 1;
    for (let p = 0; p < pos; p++) if (raw.charCodeAt(p) === 10) line++;
    return line;
  };
  const skipString = () => {
    i++;
    while (i < end && raw[i] !== '"') i += raw[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipValue = (): void => {
    space();
    const open = raw[i];
    if (open === '"') {
      skipString();
      return;
    }
    if (open !== '{' && open !== '[') {
      while (i < end && !/[\s,\]}]/.test(raw[i]!)) i++;
      return;
    }
    i++;
    space();
    if (raw[i] === (open === '{' ? '}' : ']')) {
      i++;
      return;
    }
    while (i < end) {
      if (open === '{') {
        space();
        skipString();
        space();
        i++; // the colon
      }
      skipValue();
      space();
      if (raw[i++] !== ',') return;
    }
  };
  const readArray = () => {
    i++;
    space();
    if (raw[i] === ']') return;
    while (i < end) {
      space();
      lines.push(lineAt(i));
      skipValue();
      space();
      if (raw[i++] !== ',') return;
    }
  };
  space();
  if (raw[i] === '[') {
    readArray();
  } else if (raw[i] === '{') {
    i++;
    while (i < end) {
      space();
      if (raw[i] !== '"') break;
      const start = i;
      skipString();
      const key = JSON.parse(raw.slice(start, i)) as string;
      space();
      i++; // the colon
      space();
      if (key === 'feeds' && raw[i] === '[') {
        readArray();
        break;
      }
      skipValue();
      space();
      if (raw[i++] !== ',') break;
    }
  }
  return lines;
}

/**
 * Reads and validates a feed list file, failing with the path, the line of the entry at fault
 * and the problem. An empty list is refused too: a monitor with nothing to poll looks like one
 * whose feeds are all quiet.
 */
export function loadFeedList(path: string): FeedList {
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
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const line =
      position === undefined ? '' : `:${raw.slice(0, Number(position)).split('\n').length}`;
    throw new FeedListError(`${path}${line}: not valid JSON: ${message}`, { cause: error });
  }
  const lines = entryLines(raw);
  const list = parseFeedList(data, path, (index) => lines[index]);
  if (list.feeds.length === 0) {
    throw new FeedListError(
      `${path}: the feed list is empty; add a feed with \`claimwatch feeds add URL\``,
    );
  }
  return list;
}

/**
 * A readable, unique id for a feed added without one, from its URL's host and path:
 * `https://www.example.org/world/rss.xml` is `example-org-world-rss`, and a second feed that
 * would get the same id gets `-2`. Ids say what a feed is in `claimwatch feeds` and in
 * `claimwatch stories --feed`, where a hash says nothing.
 */
export function readableFeedId(url: string, taken: ReadonlySet<string>): string {
  let base = 'feed';
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^www\./, '');
    const path = parsed.pathname.replace(/\.(xml|rss|atom|rdf|php|aspx?|cgi)$/i, '');
    base =
      `${host}${path}`
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)
        .replace(/-+$/, '') || base;
  } catch {
    // not a URL: the caller refuses it; the id is never used
  }
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The feed list a deployment polls: `FEEDS_FILE`, else `feeds.json` beside the running code. */
export function feedListPath(feedsFile: string | undefined): string {
  return feedsFile ?? `${process.env.LAMBDA_TASK_ROOT ?? process.cwd()}/feeds.json`;
}

/**
 * Adds feeds to a feed list file, skipping any whose normalised URL is already there and
 * refusing any that is not http(s), and keeps the file's shape (`[...]` or `{ "feeds": [...] }`).
 * Each added feed gets a readable id ({@link readableFeedId}). Returns what was added, skipped
 * and refused.
 */
export function addToFeedList(
  path: string,
  additions: { url: string; title?: string | null }[],
): { added: FeedConfig[]; skipped: string[]; refused: string[] } {
  let data: unknown = { feeds: [] };
  let lines: number[] = [];
  if (existsSync(path)) {
    const raw = readFileSync(path, 'utf8');
    try {
      data = JSON.parse(raw);
    } catch (error) {
      throw new FeedListError(`${path}: not valid JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
    lines = entryLines(raw);
  }
  const list = parseFeedList(data, path, (index) => lines[index]);
  const known = new Set(list.feeds.map((f) => normalizeUrl(f.url)));
  const ids = new Set(list.feeds.map((f) => f.feedId));
  const added: FeedConfig[] = [];
  const skipped: string[] = [];
  const refused: string[] = [];
  for (const { url, title } of additions) {
    if (!isHttpUrl(url)) {
      refused.push(url);
      continue;
    }
    if (known.has(normalizeUrl(url))) {
      skipped.push(url);
      continue;
    }
    known.add(normalizeUrl(url));
    const id = readableFeedId(url, ids);
    ids.add(id);
    added.push({ id, url, ...(title ? { title } : {}) });
  }
  const feeds = [
    ...(Array.isArray(data) ? data : (data as { feeds: FeedConfig[] }).feeds),
    ...added,
  ];
  const out = Array.isArray(data) ? feeds : { ...(data as object), feeds };
  writeFileSync(path, `${JSON.stringify(out, null, 2)}\n`);
  return { added, skipped, refused };
}
