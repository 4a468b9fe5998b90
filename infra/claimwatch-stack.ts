import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  BillingMode,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Code } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '../shared/metrics.ts';
import { tableDefinition } from '../shared/store/table-definition.ts';
import {
  bundledFeedsFile,
  type LambdaFunctionName,
  lambdaBuildSpec,
  lambdaFunctionNames,
} from './bundling/lambda-assets.ts';
import { bundledLambdaCode } from './bundling/lambda-code.ts';
import type { InfraConfig } from './config.ts';
import { PipelineFunction } from './constructs/pipeline-function.ts';
import { PipelineMonitoring } from './constructs/pipeline-monitoring.ts';
import { WorkQueue } from './constructs/work-queue.ts';

/** Where Lambda unpacks a function's asset. */
export const lambdaTaskRoot = '/var/task';

/**
 * Powertools settings every function gets, so logs carry `service: claimwatch` and the EMF
 * metrics land in the namespace and under the `service` dimension the alarms and dashboard read
 * (`shared/metrics.ts` passes the same values in code; these keep them right if it stops).
 */
export const powertoolsEnvironment = {
  POWERTOOLS_SERVICE_NAME: 'claimwatch',
  POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
} as const;

/**
 * How long a feed whose polls find nothing new and nothing wrong goes without its state being
 * rewritten, in AWS (minutes): those writes were most of the DynamoDB bill. `lastCheckedAt` is
 * then at most this old; failures, new items and changed validators are written at once.
 */
export const FEED_STATE_REFRESH_MINUTES = 60;

/**
 * Receives before an alert is dead-lettered. send-alerts defers a failed alert itself with
 * exponential back-off (1, 2, 4 … minutes up to 12 h, `backoffSeconds` in
 * `shared/aws/sqs-batch.ts`), so fifteen receives ride out about three days of Slack or SES
 * outage; the embedded runtime uses the same number (`MAX_RECEIVES` in `local/services.ts`).
 */
export const alertsMaxReceiveCount = 15;

/** Props of {@link ClaimwatchStack}. */
export interface ClaimwatchStackProps extends StackProps {
  /** Validated deployment config (see `infra/config.ts`). */
  readonly config: InfraConfig;
  /**
   * Builds each function's code; defaults to bundling the real handler with esbuild. Tests
   * may pass another factory, but prefer the `aws:cdk:bundling-stacks` context to skip bundling.
   */
  readonly code?: (name: LambdaFunctionName) => Code;
}

/** Sizing of one function and, for queue consumers, of its SQS event source. */
export interface FunctionSettings {
  readonly description: string;
  readonly timeout: Duration;
  readonly memorySize: number;
  /** Records per invocation (SQS consumers). */
  readonly batchSize?: number;
  /** Concurrent invocations the event source may run (2–1000): bounds load on the table and sites. */
  readonly maxConcurrency?: number;
  /** How long the event source gathers records before invoking (SQS consumers). */
  readonly maxBatchingWindow?: Duration;
}

/**
 * Per-function sizing, set from `bench/lambda-sizing.ts` (each bundle in one warm isolated
 * process with the V8 heap limits Lambda derives from the memory setting; DynamoDB, SQS, sites
 * and Slack on 127.0.0.1, so real network time comes on top). Lambda allocates CPU in
 * proportion to memory (a full vCPU at 1,769 MB): CPU-bound work costs about the same
 * GB-seconds at any size below that, time spent waiting is billed by the MB. The measured
 * figures are in `bench/results/` and `docs/deploy.md`.
 *
 * - schedule-polls: two Queries and the queue sends, no write per feed: mostly waiting. 256 MB.
 * - poll-feed: no DOM library, so a feed that answers 304 (most polls) is a few milliseconds of
 *   work and a small heap; a batch of ten feeds is polled side by side, so a batch costs about
 *   its slowest site. 256 MB; one minute covers a site's 20 s fetch timeout with room.
 * - extract-claims: the one function with jsdom and Readability. Pages above the markup limits
 *   fall back to feed text before the DOM is built, which bounds the peak (the largest admitted
 *   benchmark page peaks near 330 MB). 1,024 MB: headroom for that peak, and the CPU share makes
 *   the parse about four times faster than at 256 MB for about the same GB-seconds. Three
 *   minutes: a batch's ten pages are fetched side by side (two at a time on any one site), each
 *   allowed its 20 s fetch, then parsed one by one.
 * - send-alerts: a batch of alerts, waiting on Slack and SES, gathered for up to 10 s so a
 *   cycle's alerts make one digest. 256 MB. Three minutes: up to 5 alerts go out as single
 *   posts, each allowed 10 s and two retries by the Slack client.
 */
export const functionSettings: Record<LambdaFunctionName, FunctionSettings> = {
  'schedule-polls': {
    description: 'Sends one message per due feed to the feeds queue',
    timeout: Duration.seconds(60),
    memorySize: 256,
  },
  'poll-feed': {
    description: 'Polls feeds (no DOM library) and queues their new items',
    timeout: Duration.seconds(60),
    memorySize: 256,
    batchSize: 10,
    maxConcurrency: 5,
  },
  'extract-claims': {
    description: "Reads new items' pages, extracts figures, stores them, queues alerts",
    timeout: Duration.minutes(3),
    memorySize: 1024,
    batchSize: 10,
    maxConcurrency: 2,
  },
  'send-alerts': {
    description: 'Delivers alerts to Slack and email',
    timeout: Duration.minutes(3),
    memorySize: 256,
    // up to a hundred alerts a batch (more than ten needs the batching window below), so a
    // cycle's new figures make one digest (BATCH_SIZE in local/runtime.ts is the same)
    batchSize: 100,
    maxConcurrency: 2,
    // A cycle's alerts go out as one digest, at most ten seconds late (ALERT_BATCH_WINDOW_MS
    // is the embedded runtime's same window).
    maxBatchingWindow: Duration.seconds(10),
  },
};

/** DynamoDB access of one function: item actions on the table, `Query` on named indexes. */
export interface TableAccess {
  readonly actions: readonly string[];
  readonly queryIndexes: readonly (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'][];
}

/**
 * What each stage does to the table, read off `shared/store/store.ts` and the stage code in
 * `shared/pipeline/`: no stage scans or deletes, and each queries only what it needs. Change
 * this together with the store.
 * - schedule-polls: syncFeeds (Get, conditional Put, Update), dueFeeds (GSI1 and the table's
 *   feed-state partition), saveFeedState (Put) only when the queue refuses a poll
 * - poll-feed: getFeed (BatchGet, Get) only for a message without the scheduler's snapshot;
 *   seenItems (BatchGet); markItemsSeen, putStoryBody, saveFeedState (Put)
 * - extract-claims: getStoryBody, getFigure, getAlert (Get); putMention, ensureAlert (Put);
 *   putStory, recordFigure, linkFeedItem (Update); claimantHistory (GSI2)
 * - send-alerts: getFigure (Get); claimAlert, markChannel, finishAlert (Update)
 * (releaseAlert and forgetFeedItem serve only the embedded runtime's recovery after a crash)
 */
export const tableAccess: Record<LambdaFunctionName, TableAccess> = {
  'schedule-polls': {
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
    queryIndexes: ['GSI1'],
  },
  'poll-feed': {
    actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem'],
    queryIndexes: [],
  },
  'extract-claims': {
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    queryIndexes: ['GSI2'],
  },
  'send-alerts': { actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], queryIndexes: [] },
};

const stringKey = (name: string): Attribute => ({ name, type: AttributeType.STRING });

/**
 * The whole claimwatch pipeline: EventBridge schedule → schedule-polls → feeds queue →
 * poll-feed → articles queue → extract-claims → table + alerts queue → send-alerts, with alarms
 * (dead letters, function errors, no story for a day, failed alerts) emailed to the operators,
 * and, when the config asks for it, a CloudWatch dashboard (see `PipelineMonitoring`).
 */
export class ClaimwatchStack extends Stack {
  readonly table: Table;
  readonly feedsQueue: WorkQueue;
  readonly articlesQueue: WorkQueue;
  readonly alertsQueue: WorkQueue;
  readonly functions: Record<LambdaFunctionName, PipelineFunction>;
  /** Operators' email topic: every alarm goes here, on ALARM and on OK. */
  readonly alarmTopic: Topic;
  readonly monitoring: PipelineMonitoring;

  constructor(scope: Construct, id: string, props: ClaimwatchStackProps) {
    super(scope, id, props);
    const { config } = props;
    const code =
      props.code ??
      ((name: LambdaFunctionName) =>
        bundledLambdaCode(lambdaBuildSpec(name, { feedsFile: config.feedsFile })));

    this.table = this.createTable();
    this.feedsQueue = new WorkQueue(this, 'FeedsQueue', {
      consumerTimeout: functionSettings['poll-feed'].timeout,
    });
    this.articlesQueue = new WorkQueue(this, 'ArticlesQueue', {
      consumerTimeout: functionSettings['extract-claims'].timeout,
    });
    this.alertsQueue = new WorkQueue(this, 'AlertsQueue', {
      consumerTimeout: functionSettings['send-alerts'].timeout,
      maxReceiveCount: alertsMaxReceiveCount,
    });

    const slackSecret = Secret.fromSecretNameV2(this, 'SlackWebhook', config.slackSecretName);
    const common = {
      ...powertoolsEnvironment,
      TABLE_NAME: this.table.tableName,
      FEEDS_QUEUE_URL: this.feedsQueue.queue.queueUrl,
      ARTICLES_QUEUE_URL: this.articlesQueue.queue.queueUrl,
      ALERTS_QUEUE_URL: this.alertsQueue.queue.queueUrl,
    };
    const environment: Record<LambdaFunctionName, Record<string, string>> = {
      'schedule-polls': {
        ...common,
        FEEDS_FILE: `${lambdaTaskRoot}/${bundledFeedsFile}`,
        POLL_INTERVAL_MINUTES: String(config.pollIntervalMinutes),
      },
      'poll-feed': {
        ...common,
        POLL_INTERVAL_MINUTES: String(config.pollIntervalMinutes),
        // a quiet poll rewrites its feed's state at most hourly (see shared/config.ts)
        FEED_STATE_REFRESH_MINUTES: String(FEED_STATE_REFRESH_MINUTES),
        ...(config.contactUrl ? { CONTACT_URL: config.contactUrl } : {}),
      },
      'extract-claims': common,
      'send-alerts': {
        ...common,
        SLACK_SECRET_ARN: slackSecret.secretArn,
        ALERT_EMAIL_TO: config.alertEmailTo.join(','),
        ALERT_EMAIL_FROM: config.alertEmailFrom,
        ...(config.publicUrl ? { PUBLIC_URL: config.publicUrl } : {}),
      },
    };

    const ids: Record<LambdaFunctionName, string> = {
      'schedule-polls': 'SchedulePolls',
      'poll-feed': 'PollFeed',
      'extract-claims': 'ExtractClaims',
      'send-alerts': 'SendAlerts',
    };
    this.functions = Object.fromEntries(
      lambdaFunctionNames.map((name) => [
        name,
        new PipelineFunction(this, ids[name], {
          ...functionSettings[name],
          code: code(name),
          environment: environment[name],
          logRetention: config.logRetentionDays as RetentionDays,
        }),
      ]),
    ) as Record<LambdaFunctionName, PipelineFunction>;
    for (const name of lambdaFunctionNames) this.grantTable(name);

    // Producers: SendMessageBatch is authorised by sqs:SendMessage; the URL comes from the
    // environment, so no GetQueueUrl/GetQueueAttributes.
    this.grantSend('schedule-polls', this.feedsQueue);
    this.grantSend('poll-feed', this.articlesQueue);
    this.grantSend('extract-claims', this.alertsQueue);
    // An item whose site is not answering goes back on its own queue, delayed, for later.
    this.grantSend('extract-claims', this.articlesQueue);

    // Consumers: the event source grants what Lambda's poller needs on that one queue.
    this.consume('poll-feed', this.feedsQueue);
    this.consume('extract-claims', this.articlesQueue);
    this.consume('send-alerts', this.alertsQueue);

    this.grantAlerting(slackSecret.secretArn, config);
    this.schedulePolls(config.pollIntervalMinutes);
    this.alarmTopic = new Topic(this, 'AlarmTopic', { enforceSSL: true });
    this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));
    this.monitoring = new PipelineMonitoring(this, 'Monitoring', {
      topic: this.alarmTopic,
      functions: this.functions,
      queues: { feeds: this.feedsQueue, articles: this.articlesQueue, alerts: this.alertsQueue },
      namespace: powertoolsEnvironment.POWERTOOLS_METRICS_NAMESPACE,
      service: powertoolsEnvironment.POWERTOOLS_SERVICE_NAME,
      dashboard: config.dashboard,
    });
    this.createOutputs(ids);
  }

  /**
   * What an operator needs after `cdk deploy` (docs/deploy.md uses them): the table, each
   * function and its log group (the log groups are the stack's own, not `/aws/lambda/<name>`),
   * each queue and dead-letter queue (depth checks, redrive), the dashboard and the alarm topic.
   */
  private createOutputs(ids: Record<LambdaFunctionName, string>): void {
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    const queues = {
      Feeds: this.feedsQueue,
      Articles: this.articlesQueue,
      Alerts: this.alertsQueue,
    };
    for (const [label, queue] of Object.entries(queues)) {
      new CfnOutput(this, `${label}QueueUrl`, { value: queue.queue.queueUrl });
      new CfnOutput(this, `${label}DeadLetterQueueUrl`, { value: queue.deadLetterQueue.queueUrl });
      new CfnOutput(this, `${label}DeadLetterQueueArn`, { value: queue.deadLetterQueue.queueArn });
    }
    for (const name of lambdaFunctionNames) {
      const { function: fn, logGroup } = this.functions[name];
      new CfnOutput(this, `${ids[name]}FunctionName`, { value: fn.functionName });
      new CfnOutput(this, `${ids[name]}LogGroupName`, { value: logGroup.logGroupName });
    }
    if (this.monitoring.dashboard) {
      new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
    }
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
  }

  /** The table, built from the shared definition so AWS and the local runtime cannot drift. */
  private createTable(): Table {
    const table = new Table(this, 'Table', {
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
    return table;
  }

  private grantTable(name: LambdaFunctionName): void {
    const { role } = this.functions[name];
    const access = tableAccess[name];
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: [...access.actions], resources: [this.table.tableArn] }),
    );
    if (access.queryIndexes.length > 0) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['dynamodb:Query'],
          resources: access.queryIndexes.map((index) => `${this.table.tableArn}/index/${index}`),
        }),
      );
    }
  }

  private grantSend(name: LambdaFunctionName, target: WorkQueue): void {
    this.functions[name].role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [target.queue.queueArn] }),
    );
  }

  private consume(name: LambdaFunctionName, source: WorkQueue): void {
    const settings = functionSettings[name];
    this.functions[name].function.addEventSource(
      new SqsEventSource(source.queue, {
        batchSize: settings.batchSize,
        maxConcurrency: settings.maxConcurrency,
        maxBatchingWindow: settings.maxBatchingWindow,
        reportBatchItemFailures: true,
      }),
    );
  }

  /**
   * send-alerts alone reads the Slack secret (`-??????` matches the suffix Secrets Manager
   * appends to the name, nothing else) and sends email, only as the configured SES identity and
   * only from the configured address. The recipients' identities are listed too: in the SES
   * sandbox recipients must be verified identities and SES authorizes the send against each of
   * them as well (an `AccessDenied` naming `identity/<recipient>` otherwise); out of the sandbox
   * only the sender's identity is checked, so they grant nothing more, and the `ses:FromAddress`
   * condition still pins the sender.
   */
  private grantAlerting(secretArn: string, config: InfraConfig): void {
    const { role } = this.functions['send-alerts'];
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        resources: [`${secretArn}-??????`],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [...new Set([config.sesIdentity, ...config.alertEmailTo])].map((identity) =>
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
        ),
        conditions: { StringEquals: { 'ses:FromAddress': config.alertEmailFrom } },
      }),
    );
  }

  /**
   * The schedule invokes schedule-polls asynchronously. A failed run is not retried by Lambda
   * (the next tick is minutes away and a retry could fan a feed out twice); EventBridge still
   * retries delivery failures such as throttling, within one interval.
   */
  private schedulePolls(intervalMinutes: number): void {
    const fn = this.functions['schedule-polls'].function;
    fn.configureAsyncInvoke({ retryAttempts: 0 });
    new Rule(this, 'PollSchedule', {
      description: `Runs schedule-polls every ${intervalMinutes} minute(s)`,
      schedule: Schedule.rate(Duration.minutes(intervalMinutes)),
      targets: [
        new LambdaTarget(fn, {
          retryAttempts: 2,
          maxEventAge: Duration.minutes(Math.max(1, intervalMinutes)),
        }),
      ],
    });
  }
}
