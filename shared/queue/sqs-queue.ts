import type { SQSClient } from '@aws-sdk/client-sqs';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';

/** The one thing domain code needs of a queue: to put messages on it. */
export interface MessageQueue {
  send(messages: object[]): Promise<void>;
}

/** Raised when SQS refuses some messages of a batch; the caller retries the whole unit of work. */
export class QueueSendError extends Error {
  override name = 'QueueSendError';
}

/** An SQS queue, sending in batches of ten (the API's maximum). */
export function sqsQueue(sqs: SQSClient, queueUrl: string): MessageQueue {
  return {
    async send(messages) {
      for (let i = 0; i < messages.length; i += 10) {
        const batch = messages.slice(i, i + 10);
        const res = await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: batch.map((body, n) => ({ Id: String(n), MessageBody: JSON.stringify(body) })),
          }),
        );
        if (res.Failed?.length) {
          throw new QueueSendError(
            `SQS refused ${res.Failed.length} of ${batch.length} messages: ${res.Failed[0].Message ?? res.Failed[0].Code}`,
          );
        }
      }
    },
  };
}
