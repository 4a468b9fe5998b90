import type { Deps } from '../../shared/deps.ts';
import type { FeedList } from '../../shared/feeds/feed-list.ts';
import { feedListPath, loadFeedList } from '../../shared/feeds/feed-list.ts';
import { lambdaEntry } from '../../shared/lambda-entry.ts';
import { logger } from '../../shared/logger.ts';
import { scheduleDuePolls } from '../../shared/pipeline/schedule.ts';

/** Builds the scheduled handler: fans the due feeds out to the feeds queue. */
export function createHandler(deps: Deps, feedList: FeedList) {
  return async (_event?: unknown) => {
    const result = await scheduleDuePolls(
      {
        store: deps.store,
        feedsQueue: deps.feedsQueue,
        feedList,
        // a quarter of the interval, at most a minute: see ScheduleDeps.dueSlackMs
        dueSlackMs: Math.min(60_000, deps.config.POLL_INTERVAL_MINUTES * 15_000),
      },
      new Date(),
    );
    logger.info('feeds scheduled', result);
    return result;
  };
}

/** Lambda entry point (EventBridge schedule); the feed list is read once, at cold start. */
export const handler = lambdaEntry((deps) =>
  createHandler(deps, loadFeedList(feedListPath(deps.config.FEEDS_FILE))),
);
