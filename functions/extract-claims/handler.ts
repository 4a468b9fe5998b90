import type { SQSEvent } from 'aws-lambda';
import { parseRecord, processBatch } from '../../shared/aws/sqs-batch.ts';
import type { Deps } from '../../shared/deps.ts';
import { lambdaEntry } from '../../shared/lambda-entry.ts';
import { logger } from '../../shared/logger.ts';
import { count, flushMetrics, MetricName } from '../../shared/metrics.ts';
import { processArticle } from '../../shared/pipeline/claims.ts';
import type { ArticleMessage } from '../../shared/types.ts';

const isArticleMessage = (v: unknown): v is ArticleMessage => {
  const m = v as ArticleMessage;
  return (
    typeof m?.storyId === 'string' &&
    typeof m.url === 'string' &&
    typeof m.feedId === 'string' &&
    typeof m.title === 'string' &&
    (typeof m.text === 'string' || typeof m.bodyRef === 'string')
  );
};

/** Builds the articles-queue consumer: figures, tags, story, and alerts for new figures. */
export function createHandler(deps: Deps) {
  const claimDeps = { store: deps.store, alertsQueue: deps.alertsQueue };
  return async (event: SQSEvent) => {
    const response = await processBatch(event, async (record) => {
      const message = parseRecord(record, isArticleMessage);
      const result = await processArticle(claimDeps, message, new Date());
      count(MetricName.storiesStored);
      count(MetricName.figuresExtracted, result.figures);
      count(MetricName.newFigures, result.newFigures.length);
      logger.info('article processed', { ...result, url: message.url });
    });
    flushMetrics();
    return response;
  };
}

/** Lambda entry point (SQS articles queue). */
export const handler = lambdaEntry(createHandler);
