import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { FeedConfig } from '../types.ts';
import { feedIdFor, normalizeUrl, shortHash } from './identity.ts';

/** The feed list file is wrong; the message says where. */
export class FeedListError extends Error {
  override name = 'FeedListError';
}

const feedSchema = z.object({
  id: z
    .string()
    .regex(/^[\w.-]+$/, 'ids are letters, digits, dot, dash, underscore')
    .optional(),
  url: z.string().url(),
  title: z.string().optional(),
  language: z.string().optional(),
});
const fileSchema = z.union([z.array(feedSchema), z.object({ feeds: z.array(feedSchema) })]);

/** A validated feed list with each feed's id and a hash of the whole list. */
export interface FeedList {
  feeds: (FeedConfig & { feedId: string })[];
  hash: string;
}

/** Validates a feed list given as data (`[...]` or `{ "feeds": [...] }`). */
export function parseFeedList(data: unknown, origin = 'feed list'): FeedList {
  const result = fileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new FeedListError(`${origin}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const list = Array.isArray(result.data) ? result.data : result.data.feeds;
  const feeds = list.map((feed) => ({ ...feed, feedId: feedIdFor(feed) }));
  return { feeds, hash: shortHash(JSON.stringify(feeds)) };
}

/** Reads and validates a feed list file, failing with the path and the problem. */
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
    throw new FeedListError(`feed list ${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseFeedList(data, path);
}

/** The feed list a deployment polls: `FEEDS_FILE`, else `feeds.json` beside the running code. */
export function feedListPath(feedsFile: string | undefined): string {
  return feedsFile ?? `${process.env.LAMBDA_TASK_ROOT ?? process.cwd()}/feeds.json`;
}

/**
 * Adds feeds to a feed list file, skipping any whose normalised URL is already there, and keeps
 * the file's shape (`[...]` or `{ "feeds": [...] }`). Returns what was added.
 */
export function addToFeedList(
  path: string,
  additions: { url: string; title?: string | null }[],
): { added: FeedConfig[]; skipped: string[] } {
  let data: unknown = { feeds: [] };
  if (existsSync(path)) data = JSON.parse(readFileSync(path, 'utf8'));
  const list = parseFeedList(data, path);
  const known = new Set(list.feeds.map((f) => normalizeUrl(f.url)));
  const added: FeedConfig[] = [];
  const skipped: string[] = [];
  for (const { url, title } of additions) {
    const parsed = feedSchema.shape.url.safeParse(url);
    if (!parsed.success || known.has(normalizeUrl(url))) {
      skipped.push(url);
      continue;
    }
    known.add(normalizeUrl(url));
    added.push({ url, ...(title ? { title } : {}) });
  }
  const feeds = [
    ...(Array.isArray(data) ? data : (data as { feeds: FeedConfig[] }).feeds),
    ...added,
  ];
  const out = Array.isArray(data) ? feeds : { ...(data as object), feeds };
  writeFileSync(path, `${JSON.stringify(out, null, 2)}\n`);
  return { added, skipped };
}
