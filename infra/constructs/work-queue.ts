import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Receives before a message is moved to the dead-letter queue, unless a queue says otherwise. */
export const maxReceiveCount = 5;

/** How long messages are kept, on the queue and on its dead-letter queue (SQS's maximum). */
export const messageRetention = Duration.days(14);

/**
 * Visibility timeout = this × the consumer's timeout. AWS's guidance for Lambda event sources:
 * at least six times, so retries of a throttled or slow batch don't make the message visible
 * (and processed twice) while a function still works on it.
 */
export const visibilityTimeoutMultiplier = 6;

/** Props of {@link WorkQueue}. */
export interface WorkQueueProps {
  /** Timeout of the function that consumes this queue. */
  readonly consumerTimeout: Duration;
  /** Receives before dead-lettering; defaults to {@link maxReceiveCount}. */
  readonly maxReceiveCount?: number;
}

/**
 * A pipeline queue with its own dead-letter queue, both encrypted (SSE-SQS) and refusing
 * non-TLS requests. One construct so that every stage's queue gets the same guarantees; the
 * visibility timeout is derived from the consumer so the two cannot drift apart.
 */
export class WorkQueue extends Construct {
  /** The queue the producer sends to and the consumer's event source reads. */
  readonly queue: Queue;
  /** Where messages go after {@link WorkQueue.maxReceiveCount} failed receives; alarmed on. */
  readonly deadLetterQueue: Queue;
  /** Receives before a message is dead-lettered. */
  readonly maxReceiveCount: number;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    this.maxReceiveCount = props.maxReceiveCount ?? maxReceiveCount;
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: messageRetention,
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: messageRetention,
      visibilityTimeout: Duration.seconds(
        props.consumerTimeout.toSeconds() * visibilityTimeoutMultiplier,
      ),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: this.maxReceiveCount },
    });
  }
}
