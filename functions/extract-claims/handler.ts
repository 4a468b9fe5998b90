import type { SQSEvent } from 'aws-lambda';
import { parseRecord, processBatch } from '../../shared/aws/sqs-batch.ts';
import type { Deps } from '../../shared/deps.ts';
import { lambdaEntry } from '../../shared/lambda-entry.ts';
import { logger } from '../../shared/logger.ts';
import { count, flushMetrics, MetricName } from '../../shared/metrics.ts';
import { processItem } from '../../shared/pipeline/read-item.ts';
import type { ItemMessage } from '../../shared/types.ts';

const isItemMessage = (v: unknown): v is ItemMessage => {
  const m = v as ItemMessage;
  return (
    typeof m?.storyId === 'string' &&
    typeof m.feedId === 'string' &&
    typeof m.feedUrl === 'string' &&
    typeof m.itemHash === 'string' &&
    typeof m.title === 'string' &&
    (m.link === null || typeof m.link === 'string') &&
    (m.parked === undefined || Number.isInteger(m.parked))
  );
};

/**
 * Builds the articles-queue consumer: reads each new item's page (the one function that loads
 * jsdom and Readability), then figures, tags, story, and alerts for new figures. Pages of a
 * batch are fetched side by side, so one slow site holds one slot, not the batch; a page stuck
 * behind a site that answers nothing is re-queued for later instead of holding a slot at all.
 */
export function createHandler(deps: Deps) {
  const itemDeps = {
    store: deps.store,
    fetcher: deps.fetcher,
    alertsQueue: deps.alertsQueue,
    articlesQueue: deps.articlesQueue,
  };
  return async (event: SQSEvent) => {
    const response = await processBatch(
      event,
      async (record) => {
        const item = parseRecord(record, isItemMessage);
        const result = await processItem(itemDeps, item, new Date());
        if ('parked' in result) {
          logger.info('article re-queued: its site is not answering', {
            ...result,
            url: item.link,
          });
          return;
        }
        count(MetricName.storiesStored);
        if (result.newFigures.length > 0) count(MetricName.newFigures, result.newFigures.length);
        logger.info('article processed', { ...result, url: item.link });
      },
      { concurrency: deps.config.PAGE_CONCURRENCY },
    );
    flushMetrics();
    return response;
  };
}

/** Lambda entry point (SQS articles queue). */
export const handler = lambdaEntry(createHandler);
