import type { Message } from '@aws-sdk/client-sqs';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createHandler as extractClaimsHandler } from '../functions/extract-claims/handler.ts';
import { createHandler as pollFeedHandler } from '../functions/poll-feed/handler.ts';
import { createHandler as scheduleHandler } from '../functions/schedule-polls/handler.ts';
import { createHandler as sendAlertsHandler } from '../functions/send-alerts/handler.ts';
import type { Config } from '../shared/config.ts';
import { loadConfig } from '../shared/config.ts';
import type { Deps } from '../shared/deps.ts';
import { createDeps } from '../shared/deps.ts';
import type { FeedList } from '../shared/feeds/feed-list.ts';
import type { Recovery } from './recovery.ts';
import { recoverInFlight } from './recovery.ts';
import type { QueueName } from './services.ts';
import { QUEUES } from './services.ts';

/** What one cycle did, as counted in the table before and after it. */
export interface CycleSummary {
  feedsPolled: number;
  feedsFailed: number;
  storiesStored: number;
  figures: number;
  newFigures: number;
  alertsSent: number;
  alertsPending: number;
  messagesFailed: number;
}

/**
 * What a cycle reports while it runs, for a terminal's status line (see `runCycle`): the
 * schedule tick's count of due feeds, then each delivered batch with its message bodies (poll
 * messages, feed items, alert ids) and how many of them failed.
 */
export type CycleProgress =
  | { stage: 'scheduled'; feedsDue?: number }
  | { stage: QueueName; bodies: unknown[]; failed: number };

type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

/** The four entry points the runtime drives, shaped as Lambda invokes them. */
export interface RuntimeHandlers {
  schedule: (event?: unknown) => Promise<unknown>;
  feeds: SqsHandler;
  articles: SqsHandler;
  alerts: SqsHandler;
}

/** How the runtime redelivers failed messages, and what it invokes. */
export interface RuntimeOptions {
  /** Seconds a failed message stays invisible before its next delivery, by receive count. */
  retryDelaySeconds?: (receives: number) => number;
  /**
   * Entry points to invoke instead of the in-process handlers, e.g. the bundled Lambda assets
   * run in child processes, to prove the deployed code and not just the source.
   */
  handlers?: Partial<RuntimeHandlers>;
  /**
   * Batches each queue delivers at once, as Lambda's event source runs several invocations of a
   * consumer side by side (default: feeds 5, as poll-feed's maximum concurrency in the stack, so
   * fifty feeds that never answer still leave the others a slot; articles 3; alerts 1).
   */
  consumers?: Partial<Record<QueueName, number>>;
  /**
   * Longest an alert waits for the rest of its cycle's alerts while feeds or pages are still
   * being read, so a cycle's alerts go out as one digest without a slow site holding them
   * (default 10 s, the alerts event source's batching window in AWS).
   */
  alertBatchWindowMs?: number;
}

/** Records per batch, by queue: the stack's event-source batch sizes. */
export const BATCH_SIZE: Record<QueueName, number> = { feeds: 10, articles: 10, alerts: 100 };

/** Default of {@link RuntimeOptions.alertBatchWindowMs}. */
export const ALERT_BATCH_WINDOW_MS = 10_000;

/** How often a consumer whose queue was empty looks again while other batches run. */
const IDLE_RECHECK_MS = 200;

/** Default side-by-side batches per queue: see {@link RuntimeOptions.consumers}. */
export const DEFAULT_CONSUMERS: Record<QueueName, number> = { feeds: 5, articles: 3, alerts: 1 };

/** Shapes received SQS messages as the Lambda event source mapping does. */
export function toEvent(messages: Message[], queueArn: string, region: string): SQSEvent {
  return {
    Records: messages.map((m) => ({
      messageId: m.MessageId!,
      receiptHandle: m.ReceiptHandle!,
      body: m.Body ?? '',
      attributes: {
        ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? '1',
        SentTimestamp: m.Attributes?.SentTimestamp ?? String(Date.now()),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: m.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: region,
    })),
  };
}

/**
 * The embedded runtime: the Lambda handlers themselves, driven as AWS drives them (a schedule
 * tick, then each queue's messages delivered in batches of ten, successes deleted, failures left
 * for redelivery and, after five receives, the dead-letter queue), with the SDK clients pointed
 * at local stand-ins. It never has a second implementation of a stage.
 */
export class LocalRuntime {
  readonly deps: Deps;
  private readonly handlers: { schedule: (e?: unknown) => Promise<unknown> } & Record<
    QueueName,
    SqsHandler
  >;

  /** The listener of the cycle now running, if its caller gave one. */
  private progress?: (event: CycleProgress) => void;

  constructor(
    readonly config: Config,
    feedList: FeedList,
    private readonly options: RuntimeOptions = {},
  ) {
    this.deps = createDeps(config);
    this.handlers = {
      schedule: scheduleHandler(this.deps, feedList),
      feeds: pollFeedHandler(this.deps),
      articles: extractClaimsHandler(this.deps),
      alerts: sendAlertsHandler(this.deps),
      ...options.handlers,
    };
  }

  /** Builds a runtime from the stand-ins' environment plus overrides (feeds file, Slack, ...). */
  static fromEnv(
    env: Record<string, string | undefined>,
    feedList: FeedList,
    options?: RuntimeOptions,
  ): LocalRuntime {
    return new LocalRuntime(loadConfig(env as NodeJS.ProcessEnv), feedList, options);
  }

  private queueUrl(name: QueueName): string {
    return {
      feeds: this.config.FEEDS_QUEUE_URL,
      articles: this.config.ARTICLES_QUEUE_URL,
      alerts: this.config.ALERTS_QUEUE_URL,
    }[name];
  }

  /** Delivers one batch from a queue to its handler; returns how many messages it received. */
  async deliverBatch(name: QueueName): Promise<{ received: number; failed: number }> {
    const url = this.queueUrl(name);
    const { sqs } = this.deps.clients;
    // Ten a receive (SQS's maximum); alerts gather up to a hundred, as their event source does
    // with its batching window, so a cycle's alerts make one digest.
    const limit = BATCH_SIZE[name];
    const messages: Message[] = [];
    while (messages.length < limit) {
      const res = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: Math.min(10, limit - messages.length),
          WaitTimeSeconds: 0,
          MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
        }),
      );
      messages.push(...(res.Messages ?? []));
      if ((res.Messages ?? []).length === 0 || limit <= 10) break;
    }
    if (messages.length === 0) return { received: 0, failed: 0 };
    const arn = `arn:aws:sqs:${this.config.AWS_REGION}:000000000000:${url.split('/').pop()}`;
    let failedIds = new Set<string>();
    try {
      const result = await this.handlers[name](toEvent(messages, arn, this.config.AWS_REGION));
      failedIds = new Set(result.batchItemFailures.map((f) => f.itemIdentifier));
    } catch {
      // A handler that throws fails its whole batch, as in Lambda.
      failedIds = new Set(messages.map((m) => m.MessageId!));
    }
    this.report({
      stage: name,
      bodies: messages.map((m) => {
        try {
          return JSON.parse(m.Body ?? 'null');
        } catch {
          return null;
        }
      }),
      failed: failedIds.size,
    });
    const done = messages.filter((m) => !failedIds.has(m.MessageId!));
    for (let i = 0; i < done.length; i += 10) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: url,
          Entries: done
            .slice(i, i + 10)
            .map((m, j) => ({ Id: String(j), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
    }
    // Like Lambda's event source, leave failed messages to the queue's visibility timeout (or
    // the handler's own deferral); tests may ask for a faster redelivery.
    const retryDelay = this.options.retryDelaySeconds;
    for (const m of retryDelay ? messages.filter((m) => failedIds.has(m.MessageId!)) : []) {
      const receives = Number(m.Attributes?.ApproximateReceiveCount ?? 1);
      await sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: url,
          ReceiptHandle: m.ReceiptHandle!,
          VisibilityTimeout: retryDelay!(receives),
        }),
      );
    }
    return { received: messages.length, failed: failedIds.size };
  }

  /**
   * Delivers every visible message of every queue until all are empty and no batch is running.
   * Each queue has its own consumers, side by side, as in Lambda: a slow batch of pages or feeds
   * holds its own consumer, never the others, so a new figure's alert goes out while other sites
   * are still being waited on. A failed message left invisible for its retry is not waited for:
   * the next cycle's drain delivers it.
   */
  async drain(): Promise<{ failed: number }> {
    let failed = 0;
    let running = 0;
    const runningOf: Record<QueueName, number> = { feeds: 0, articles: 0, alerts: 0 };
    let finished = false;
    const window = this.options.alertBatchWindowMs ?? ALERT_BATCH_WINDOW_MS;
    const pause = () =>
      new Promise<void>((resume) => {
        const timer = setTimeout(resume, IDLE_RECHECK_MS);
        waiting.push(() => {
          clearTimeout(timer);
          resume();
        });
      });
    let waiting: (() => void)[] = [];
    const wake = () => {
      const sleepers = waiting;
      waiting = [];
      for (const resume of sleepers) resume();
    };
    const consume = async (name: QueueName) => {
      while (!finished) {
        running++;
        runningOf[name]++;
        let batch: { received: number; failed: number };
        try {
          if (name === 'alerts') {
            // Gather the cycle's alerts into one digest while upstream work is still running,
            // but never longer than the window. (Counted as running meanwhile: the cycle is
            // not over while an alert may wait here.)
            const since = Date.now();
            while (runningOf.feeds + runningOf.articles > 0 && Date.now() - since < window) {
              await pause();
            }
          }
          batch = await this.deliverBatch(name);
        } catch (error) {
          finished = true;
          wake();
          throw error;
        } finally {
          running--;
          runningOf[name]--;
        }
        failed += batch.failed;
        if (batch.received > 0) {
          // what it sent may be for a consumer that found its queue empty
          wake();
          continue;
        }
        if (running === 0 && (await this.delayedMessages()) === 0) {
          finished = true;
          wake();
          return;
        }
        // Until another batch ends, or a moment passes: a batch still running (a feed waiting
        // on a slow site) may already have queued work for this consumer, as Lambda's pollers
        // would see it.
        await pause();
      }
    };
    const counts = { ...DEFAULT_CONSUMERS, ...this.options.consumers };
    await Promise.all(
      QUEUES.flatMap((name) =>
        Array.from({ length: Math.max(1, counts[name]) }, () => consume(name)),
      ),
    );
    return { failed };
  }

  /**
   * Messages sent with a delay and not yet visible: items re-queued while their site was not
   * answering. The cycle waits for them (they come back within a fetch timeout), so none is left
   * for a cycle minutes away.
   */
  private async delayedMessages(): Promise<number> {
    const { sqs } = this.deps.clients;
    let delayed = 0;
    for (const name of QUEUES) {
      const res = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: this.queueUrl(name),
          AttributeNames: ['ApproximateNumberOfMessagesDelayed'],
        }),
      );
      delayed += Number(res.Attributes?.ApproximateNumberOfMessagesDelayed ?? 0);
    }
    return delayed;
  }

  /** Re-queues what a killed process left in flight (see {@link recoverInFlight}). */
  recover(): Promise<Recovery> {
    return recoverInFlight(this.deps.store, this.deps.alertsQueue);
  }

  /** Passes an event to the cycle's listener; a listener's failure never touches delivery. */
  private report(event: CycleProgress): void {
    try {
      this.progress?.(event);
    } catch {
      // a status line is not worth a lost message
    }
  }

  /**
   * One full cycle: the schedule tick, then every queue drained. `onProgress`, when given,
   * hears of the tick and of each batch as it is delivered (see {@link CycleProgress}).
   */
  async runCycle(
    now = new Date(),
    onProgress?: (event: CycleProgress) => void,
  ): Promise<CycleSummary> {
    const { store } = this.deps;
    const before = await this.snapshot();
    this.progress = onProgress;
    let failed: number;
    try {
      const scheduled = (await this.tick(now)) as { feedsDue?: unknown } | undefined;
      this.report({
        stage: 'scheduled',
        feedsDue: typeof scheduled?.feedsDue === 'number' ? scheduled.feedsDue : undefined,
      });
      ({ failed } = await this.drain());
    } finally {
      this.progress = undefined;
    }
    const after = await this.snapshot();
    const feeds = await store.listFeeds();
    const polled = feeds.filter((f) => f.lastCheckedAt && f.lastCheckedAt >= now.toISOString());
    return {
      feedsPolled: polled.length,
      feedsFailed: polled.filter((f) => f.lastError && f.lastError.at >= now.toISOString()).length,
      storiesStored: after.stories - before.stories,
      figures: after.figures,
      newFigures: after.figures - before.figures,
      alertsSent: after.alertsSent - before.alertsSent,
      alertsPending: after.alertsPending,
      messagesFailed: failed,
    };
  }

  /**
   * The schedule tick, retried twice when it fails, as Lambda retries a failed asynchronous
   * invocation (the tick is idempotent): one failed write must not cost the cycle, nor stop
   * `claimwatch run`.
   */
  private async tick(now: Date): Promise<unknown> {
    const event = { source: 'local.schedule', time: now.toISOString() };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.handlers.schedule(event);
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  private async snapshot() {
    const { store } = this.deps;
    const [stories, figures, alerts] = await Promise.all([
      store.listStories(),
      store.listFigures(),
      store.listAlerts(),
    ]);
    return {
      stories: stories.length,
      figures: figures.length,
      alertsSent: alerts.filter((a) => a.status === 'sent').length,
      alertsPending: alerts.filter((a) => a.status !== 'sent').length,
    };
  }
}
