import type { SQSEvent } from 'aws-lambda';
import { parseRecord, processBatch } from '../../shared/aws/sqs-batch.ts';
import type { Deps } from '../../shared/deps.ts';
import { getDeps } from '../../shared/deps.ts';
import { logger } from '../../shared/logger.ts';
import { count, flushMetrics, MetricName } from '../../shared/metrics.ts';
import { deliverAlert } from '../../shared/pipeline/deliver.ts';
import type { AlertMessage } from '../../shared/types.ts';

const isAlertMessage = (v: unknown): v is AlertMessage =>
  typeof (v as AlertMessage)?.alertId === 'string';

/** Builds the alerts-queue consumer: delivers each alert once, on every channel. */
export function createHandler(deps: Deps) {
  return async (event: SQSEvent) => {
    const response = await processBatch(event, async (record) => {
      const { alertId } = parseRecord(record, isAlertMessage);
      const channels = await deps.channels();
      try {
        const result = await deliverAlert({ store: deps.store, channels }, alertId, new Date());
        if (result.status === 'sent') count(MetricName.alertsSent);
        logger.info('alert handled', { alertId, ...result });
      } catch (error) {
        count(MetricName.alertsFailed);
        throw error;
      }
    });
    flushMetrics();
    return response;
  };
}

let instance: ReturnType<typeof createHandler> | undefined;

/** Lambda entry point (SQS alerts queue). */
export const handler = (event: SQSEvent) => {
  instance ??= createHandler(getDeps());
  return instance(event);
};
