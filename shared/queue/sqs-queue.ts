import type { SendMessageBatchCommandOutput, SQSClient } from '@aws-sdk/client-sqs';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';

/** The one thing domain code needs of a queue: to put messages on it. */
export interface MessageQueue {
  /** Sends the messages; with `delaySeconds` (at most 900) they stay invisible that long first. */
  send(messages: object[], options?: { delaySeconds?: number }): Promise<void>;
}

/**
 * Raised when a queue does not take some messages; `failed` lists them (those refused and those
 * never sent after a refusal), so the caller can record the failure where it belongs.
 */
export class QueueSendError extends Error {
  override name = 'QueueSendError';
  constructor(
    message: string,
    readonly failed: object[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}

/**
 * Characters SQS may refuse in a body: it takes #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD |
 * #x10000-#x10FFFF, and its local stand-in (fauxqs, whose check lacks the `u` flag) refuses
 * every astral character too, so an emoji in a title stalled its feed.
 */
const REFUSABLE = /[\u{10000}-\u{10FFFF}\uFFFE\uFFFF]/gu;

const escapeUnit = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;

/**
 * The JSON body of a message, with every character a queue may refuse written as a `\u` escape
 * (an astral character as its surrogate pair). `JSON.stringify` already escapes control
 * characters and lone surrogates, and characters outside strings are ASCII, so the result is
 * valid JSON that `JSON.parse` turns back into the very same message, in every runtime.
 */
export function sqsMessageBody(message: unknown): string {
  return JSON.stringify(message).replace(REFUSABLE, (char) => {
    let out = '';
    for (let i = 0; i < char.length; i++) out += escapeUnit(char.charCodeAt(i));
    return out;
  });
}

/** An SQS queue, sending in batches of ten (the API's maximum). */
export function sqsQueue(sqs: SQSClient, queueUrl: string): MessageQueue {
  return {
    async send(messages, options = {}) {
      for (let i = 0; i < messages.length; i += 10) {
        const batch = messages.slice(i, i + 10);
        const rest = messages.slice(i + 10);
        let res: SendMessageBatchCommandOutput;
        try {
          res = await sqs.send(
            new SendMessageBatchCommand({
              QueueUrl: queueUrl,
              Entries: batch.map((body, n) => ({
                Id: String(n),
                MessageBody: sqsMessageBody(body),
                ...(options.delaySeconds ? { DelaySeconds: options.delaySeconds } : {}),
              })),
            }),
          );
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new QueueSendError(
            `queue refused ${batch.length} messages: ${reason}`,
            [...batch, ...rest],
            { cause: error },
          );
        }
        if (res.Failed?.length) {
          const refused = res.Failed.map((f) => batch[Number(f.Id)]).filter(
            (m): m is object => m !== undefined,
          );
          throw new QueueSendError(
            `SQS refused ${res.Failed.length} of ${batch.length} messages: ${res.Failed[0]!.Message ?? res.Failed[0]!.Code}`,
            [...refused, ...rest],
          );
        }
      }
    },
  };
}
