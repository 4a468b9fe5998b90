import type { SQSClient } from '@aws-sdk/client-sqs';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { forEachLimit } from '../concurrency.ts';
import { PoisonMessageError } from '../errors.ts';
import { logger } from '../logger.ts';

/** Parses a record's JSON body, or fails it as poison (it will reach the dead-letter queue). */
export function parseRecord<T>(record: SQSRecord, check: (value: unknown) => value is T): T {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch (error) {
    throw new PoisonMessageError(`message ${record.messageId} is not JSON`, { cause: error });
  }
  if (!check(body)) throw new PoisonMessageError(`message ${record.messageId} has the wrong shape`);
  return body;
}

/**
 * Runs `handle` on each record and reports the ones that failed, so SQS retries only those and,
 * after the queue's receive limit, moves them to the dead-letter queue. One bad message never
 * fails its batch. With `concurrency` above 1 the records run side by side (a slow feed then
 * holds one slot, not the batch), and their log lines carry the message id in place of the
 * shared correlation key.
 */
export async function processBatch(
  event: SQSEvent,
  handle: (record: SQSRecord) => Promise<void>,
  options: { concurrency?: number } = {},
): Promise<SQSBatchResponse> {
  const failed = new Set<string>();
  const concurrency = options.concurrency ?? 1;
  await forEachLimit(event.Records, concurrency, async (record) => {
    // Every log line about this message carries its id, to follow it across stages and retries.
    if (concurrency === 1) logger.appendKeys({ correlation_id: record.messageId });
    try {
      await handle(record);
    } catch (error) {
      logger.error('message failed', {
        messageId: record.messageId,
        receiveCount: record.attributes?.ApproximateReceiveCount,
        error: error as Error,
      });
      failed.add(record.messageId);
    } finally {
      if (concurrency === 1) logger.removeKeys(['correlation_id']);
    }
  });
  // In the batch's own order, as SQS reports them back.
  return {
    batchItemFailures: event.Records.filter((r) => failed.has(r.messageId)).map((r) => ({
      itemIdentifier: r.messageId,
    })),
  };
}

/**
 * Exponential back-off for a failed message, by how often it was received: 1, 2, 4 … minutes,
 * capped at SQS's 12-hour maximum, or longer when the service named a Retry-After.
 */
export function backoffSeconds(receiveCount: number, retryAfterSeconds?: number): number {
  const exponential = Math.min(60 * 2 ** Math.max(0, receiveCount - 1), 43_200);
  return Math.min(Math.max(exponential, retryAfterSeconds ?? 0), 43_200);
}

/**
 * Keeps failed messages invisible for their back-off, so a service that is down is retried
 * patiently, not five times in five minutes and then dead-lettered. Best effort: if this call
 * fails, the queue's visibility timeout applies instead.
 */
export async function deferRecords(
  sqs: SQSClient,
  queueUrl: string,
  deferrals: { record: SQSRecord; seconds: number }[],
): Promise<void> {
  for (const { record, seconds } of deferrals) {
    try {
      await sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: record.receiptHandle,
          VisibilityTimeout: seconds,
        }),
      );
    } catch (error) {
      logger.warn('could not defer a failed message', {
        messageId: record.messageId,
        error: error as Error,
      });
    }
  }
}

/** Adds the invocation's Lambda context (request id, function, cold start) to every log line. */
export function withLambdaContext(context: Context | undefined): void {
  if (context) logger.addContext(context);
}
