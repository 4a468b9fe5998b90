import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { backoffSeconds, deferRecords, parseRecord } from '../../shared/aws/sqs-batch.ts';
import type { Deps } from '../../shared/deps.ts';
import { lambdaEntry } from '../../shared/lambda-entry.ts';
import { logger } from '../../shared/logger.ts';
import { count, flushMetrics, MetricName } from '../../shared/metrics.ts';
import { deliverAlerts } from '../../shared/pipeline/deliver.ts';
import type { AlertMessage } from '../../shared/types.ts';

const isAlertMessage = (v: unknown): v is AlertMessage =>
  typeof (v as AlertMessage)?.alertId === 'string';

/**
 * Builds the alerts-queue consumer. The whole batch is delivered together, so a burst becomes
 * one digest; failed alerts are reported for retry and kept invisible for their back-off.
 */
export function createHandler(deps: Deps) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failed: SQSRecord[] = [];
    const byAlert = new Map<string, SQSRecord[]>();
    for (const record of event.Records) {
      try {
        const { alertId } = parseRecord(record, isAlertMessage);
        byAlert.set(alertId, [...(byAlert.get(alertId) ?? []), record]);
      } catch (error) {
        logger.error('poison alert message', {
          messageId: record.messageId,
          error: error as Error,
        });
        failed.push(record);
      }
    }
    const deferrals: { record: SQSRecord; seconds: number }[] = [];
    try {
      const outcomes = await deliverAlerts(
        {
          store: deps.store,
          channels: await deps.channels(),
          digestThreshold: deps.config.DIGEST_THRESHOLD,
          publicUrl: deps.config.PUBLIC_URL ?? null,
          log: (message, fields) => logger.warn(message, fields),
          isFinalAttempt: (alertId) =>
            (byAlert.get(alertId) ?? []).some(
              (r) =>
                Number(r.attributes?.ApproximateReceiveCount ?? 1) >=
                deps.config.ALERTS_MAX_RECEIVES,
            ),
        },
        [...byAlert.keys()],
        new Date(),
      );
      for (const outcome of outcomes) {
        if (outcome.status === 'sent') count(MetricName.alertsSent);
        if (outcome.status !== 'failed') continue;
        count(MetricName.alertsFailed);
        logger.warn('alert not delivered', { ...outcome });
        for (const record of byAlert.get(outcome.alertId) ?? []) {
          failed.push(record);
          const receives = Number(record.attributes?.ApproximateReceiveCount ?? 1);
          deferrals.push({ record, seconds: backoffSeconds(receives, outcome.retryAfterSeconds) });
        }
      }
    } catch (error) {
      logger.error('alert batch failed', { error: error as Error });
      for (const records of byAlert.values()) failed.push(...records);
    }
    await deferRecords(deps.clients.sqs, deps.config.ALERTS_QUEUE_URL, deferrals);
    flushMetrics();
    return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };
  };
}

/** Lambda entry point (SQS alerts queue). */
export const handler = lambdaEntry(createHandler);
