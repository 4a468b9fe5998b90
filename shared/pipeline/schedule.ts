import type { FeedList } from '../feeds/feed-list.ts';
import type { MessageQueue } from '../queue/sqs-queue.ts';
import { QueueSendError } from '../queue/sqs-queue.ts';
import type { FeedRecord, Store } from '../store/store.ts';

/** The message that asks the poller to poll one feed. */
export interface PollMessage {
  feedId: string;
  /**
   * The feed as the scheduler found it due: the poller needs no read before fetching, and its
   * one write is conditional on this `nextCheckAt` (see `pollFeed`).
   */
  feed?: FeedRecord;
}

/** What the scheduler needs. */
export interface ScheduleDeps {
  store: Store;
  feedsQueue: MessageQueue;
  feedList: FeedList;
  /**
   * Healthy feeds falling due within this long after the tick are polled at this tick (ms). A
   * poll's next check is counted from the moment it reported, seconds after its tick, so the
   * tick one interval later would find it not yet due and poll it every other interval. A feed
   * that failed is never polled early: its back-off, or a site's Retry-After, is kept.
   */
  dueSlackMs?: number;
}

/**
 * Picks the feeds that are due and fans them out, one message per feed, so the pollers scale
 * with the number of feeds rather than one Lambda walking them all. It writes nothing per feed:
 * a poll takes seconds against a tick of minutes, and a feed still due at the next tick because
 * its poll has not reported (a backlog, a retry) is sent again, the later poll finding its
 * conditional write beaten and writing nothing (see `pollFeed`). A poll that died leaves its
 * feed due, so the next tick takes it up.
 */
export async function scheduleDuePolls(
  deps: ScheduleDeps,
  now: Date,
): Promise<{ feedsAdded: number; feedsDue: number }> {
  const { added } = await deps.store.syncFeeds(deps.feedList.feeds, deps.feedList.hash, now);
  const at = now.toISOString();
  const due = (await deps.store.dueFeeds(new Date(now.getTime() + (deps.dueSlackMs ?? 0)))).filter(
    (feed) => feed.nextCheckAt <= at || ((feed.errorCount ?? 0) === 0 && !feed.lastError),
  );
  try {
    await deps.feedsQueue.send(due.map((feed): PollMessage => ({ feedId: feed.feedId, feed })));
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
