import type { FeedList } from '../feeds/feed-list.ts';
import type { MessageQueue } from '../queue/sqs-queue.ts';
import { QueueSendError } from '../queue/sqs-queue.ts';
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
  try {
    await deps.feedsQueue.send(due.map((feed): PollMessage => ({ feedId: feed.feedId })));
  } catch (error) {
    // A poll message the queue did not take is recorded on its feed, then the tick fails as
    // before: the feed is due again at once, and `claimwatch feeds` says why it was not polled.
    const reason = error instanceof Error ? error.message : String(error);
    const failed =
      error instanceof QueueSendError
        ? new Set(error.failed.map((m) => (m as PollMessage).feedId))
        : new Set(due.map((feed) => feed.feedId));
    for (const feed of due.filter((f) => failed.has(f.feedId))) {
      await deps.store.saveFeedState({
        ...feed,
        nextCheckAt: now.toISOString(),
        pollScheduledAt: undefined,
        errorCount: (feed.errorCount ?? 0) + 1,
        lastError: {
          kind: 'queue_refused',
          message: `poll not queued: ${reason}`,
          at: now.toISOString(),
        },
      });
    }
    throw error;
  }
  return { feedsAdded: added, feedsDue: due.length };
}
