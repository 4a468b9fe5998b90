import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
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
 * fails its batch.
 */
export async function processBatch(
  event: SQSEvent,
  handle: (record: SQSRecord) => Promise<void>,
): Promise<SQSBatchResponse> {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await handle(record);
    } catch (error) {
      logger.error('message failed', {
        messageId: record.messageId,
        receiveCount: record.attributes?.ApproximateReceiveCount,
        error: error as Error,
      });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}
