import type { SQSEvent } from 'aws-lambda';
import { parseRecord, processBatch } from '../../shared/aws/sqs-batch.ts';
import type { Deps } from '../../shared/deps.ts';
import { lambdaEntry } from '../../shared/lambda-entry.ts';
import { logger } from '../../shared/logger.ts';
import { count, countFetchFailure, flushMetrics, MetricName } from '../../shared/metrics.ts';
import { pollFeed } from '../../shared/pipeline/poll.ts';
import type { PollMessage } from '../../shared/pipeline/schedule.ts';

const isPollMessage = (v: unknown): v is PollMessage =>
  typeof (v as PollMessage)?.feedId === 'string' &&
  ((v as PollMessage).feed === undefined ||
    (typeof (v as PollMessage).feed?.url === 'string' &&
      typeof (v as PollMessage).feed?.nextCheckAt === 'string'));

/**
 * Builds the feeds-queue consumer: polls each feed and queues its new items. It imports no DOM
 * library: pages are read by extract-claims.
 */
export function createHandler(deps: Deps) {
  const pollDeps = {
    store: deps.store,
    fetcher: deps.fetcher,
    articlesQueue: deps.articlesQueue,
    pollIntervalMinutes: deps.config.POLL_INTERVAL_MINUTES,
    maxItemsPerFeed: deps.config.MAX_ITEMS_PER_FEED,
    stateRefreshMinutes: deps.config.FEED_STATE_REFRESH_MINUTES,
    log: (message: string, fields?: Record<string, unknown>) => logger.warn(message, fields ?? {}),
  };
  return async (event: SQSEvent) => {
    const response = await processBatch(
      event,
      async (record) => {
        const { feedId, feed } = parseRecord(record, isPollMessage);
        const result = await pollFeed(pollDeps, feedId, new Date(), feed);
        count(MetricName.feedsPolled);
        if (result.failure) countFetchFailure();
        logger.info('feed polled', { ...result });
      },
      { concurrency: deps.config.POLL_CONCURRENCY },
    );
    flushMetrics();
    return response;
  };
}

/** Lambda entry point (SQS feeds queue). */
export const handler = lambdaEntry(createHandler);
