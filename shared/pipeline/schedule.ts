import type { FeedList } from '../feeds/feed-list.ts';
import type { MessageQueue } from '../queue/sqs-queue.ts';
import type { Store } from '../store/store.ts';

/** The message that asks the poller to poll one feed. */
export interface PollMessage {
  feedId: string;
}

/** What the scheduler needs. */
export interface ScheduleDeps {
  store: Store;
  feedsQueue: MessageQueue;
  feedList: FeedList;
  /** How long a scheduled feed is held before it may be scheduled again, if its poll never reports. */
  holdMinutes?: number;
}

/**
 * Picks the feeds that are due and fans them out, one message per feed, so the pollers scale
 * with the number of feeds rather than one Lambda walking them all. Each scheduled feed is held
 * for a while, so a slow poll is not scheduled twice by the next tick, and marked
 * `pollScheduledAt` until its poll reports, so a restart can tell a poll that died with its
 * process (see `local/recovery.ts`).
 */
export async function scheduleDuePolls(
  deps: ScheduleDeps,
  now: Date,
): Promise<{ feedsAdded: number; feedsDue: number }> {
  const { added } = await deps.store.syncFeeds(deps.feedList.feeds, deps.feedList.hash, now);
  const due = await deps.store.dueFeeds(now);
  const holdUntil = new Date(now.getTime() + (deps.holdMinutes ?? 15) * 60_000).toISOString();
  for (const feed of due) {
    await deps.store.saveFeedState({
      ...feed,
      nextCheckAt: holdUntil,
      pollScheduledAt: now.toISOString(),
    });
  }
  await deps.feedsQueue.send(due.map((feed): PollMessage => ({ feedId: feed.feedId })));
  return { feedsAdded: added, feedsDue: due.length };
}
