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
}

/**
 * Per-function sizing, set from `bench/lambda-sizing.ts` (each bundle in one warm isolated
 * process with the V8 heap limits Lambda derives from the memory setting; Node 20 on a shared
 * 2-core Xeon; DynamoDB, SQS, sites and Slack on 127.0.0.1, so real network time comes on top;
 * ranges are over several runs). Lambda allocates CPU in proportion to memory (a full vCPU at
 * 1,769 MB), so each size is chosen for headroom over the measured peak and for how much of the
 * work is CPU rather than waiting: CPU-bound work costs about the same GB-seconds at any size
 * below 1,769 MB (half the memory, twice the time), time spent waiting is billed by the MB.
 *
 * - schedule-polls, 100 feeds due: 0.36–0.62 s, 0.19–0.25 s of CPU (first tick, which also
 *   syncs the list: 1.1–1.2 s), peak 105 MiB. 256 MB: 2.4× the peak; the work is 101 DynamoDB
 *   writes and 10 SQS batches, mostly waiting. 60 s covers ~1,000 feeds at this CPU share.
 * - poll-feed, one feed with 5 new articles from the 15 largest pages of the extraction
 *   benchmark (1.4 MB down to 260 KB of HTML): 1.1–2.2 s warm, 0.8–1.4 s of CPU (3.7–4.4 s on
 *   the first call), CPU-bound (Readability over jsdom). Peak 442–491 MiB at 1,024 MB; at 512 MB
 *   428 MiB but GC-bound, twice as slow; 493 MiB at 768 MB; 582 MiB at 1,536 MB (V8 grows the
 *   heap lazily when allowed: the larger size buys nothing). An unchanged feed: 6–22 ms of local
 *   work (304, or 200 with every item seen); in AWS those polls are nearly all invocations and
 *   wait on the site, billed by the MB. 1,024 MB: 2× the heavy peak for pages above the
 *   benchmark's largest, at two thirds of 1,536 MB's cost on the network-bound polls. Five
 *   minutes: a first poll may bring 30 new items (`MAX_ITEMS_PER_FEED`), ~0.5 s of CPU each at
 *   this size plus each page's fetch (20 s at worst); a poll cut short resumes on redelivery, as
 *   items are marked seen one by one.
 * - extract-claims, a batch of 10 on-topic articles (the 5 demo articles and 5 re-reports: 11
 *   new figures, 127 DynamoDB requests): 0.9–1.8 s, 0.56 s of CPU; 10 long off-topic articles:
 *   0.13–0.34 s; peak 113–127 MiB. 512 MB: 4× the peak, and about a third of a vCPU keeps
 *   alerts seconds away; at ~2,000 articles a day the size costs cents a month either way. 60 s
 *   leaves room for the DynamoDB client's retries when throttled.
 * - send-alerts, a batch of 10 alerts (one Slack digest) or of 1: 0.3–1.3 s (the Slack channel
 *   paces posts a second apart), peak 104–118 MiB: waiting, not computing. 256 MB. Three
 *   minutes: up to 5 alerts go out as single posts, each allowed 10 s and two retries by the
 *   Slack client (~32 s at worst), so a hanging Slack still lets the handler record and defer.
 */
export const functionSettings: Record<LambdaFunctionName, FunctionSettings> = {
  'schedule-polls': {
    description: 'Sends one message per due feed to the feeds queue',
    timeout: Duration.seconds(60),
    memorySize: 256,
  },
  'poll-feed': {
    description: 'Polls one feed, extracts new articles, queues them',
    timeout: Duration.minutes(5),
    memorySize: 1024,
    batchSize: 1,
    maxConcurrency: 5,
  },
  'extract-claims': {
    description: 'Extracts figures from articles, stores them, queues alerts',
    timeout: Duration.seconds(60),
    memorySize: 512,
    batchSize: 10,
    maxConcurrency: 2,
  },
  'send-alerts': {
    description: 'Delivers alerts to Slack and email',
    timeout: Duration.minutes(3),
    memorySize: 256,
    batchSize: 10,
    maxConcurrency: 2,
  },
};

/** DynamoDB access of one function: item actions on the table, `Query` on named indexes. */
export interface TableAccess {
  readonly actions: readonly string[];
  readonly queryIndexes: readonly (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'][];
}

/**
 * What each stage does to the table, read off `shared/store/store.ts` and the stage code in
 * `shared/pipeline/`: no stage scans, deletes or batches, and each queries only the index it
 * needs. Change this together with the store.
 * - schedule-polls: syncFeeds (Get, conditional Put, Update), dueFeeds (GSI1), saveFeedState (Put)
 * - poll-feed: getFeed, hasSeenItem (Get); markItemSeen, putStoryBody, saveFeedState (Put)
 * - extract-claims: getStoryBody, getFigure, getAlert (Get); putMention, ensureAlert (Put);
 *   putStory, recordFigure (Update); claimantHistory (GSI2)
 * - send-alerts: getFigure (Get); claimAlert, markChannel, finishAlert (Update)
 * (releaseAlert and forgetFeedItem serve only the embedded runtime's recovery after a crash)
 */
export const tableAccess: Record<LambdaFunctionName, TableAccess> = {
  'schedule-polls': {
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    queryIndexes: ['GSI1'],
  },
  'poll-feed': { actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], queryIndexes: [] },
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
 * (dead letters, function errors and throttles, no story for a day, failed alerts) emailed to
 * the operators and a CloudWatch dashboard (see `PipelineMonitoring`).
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
        ...(config.contactUrl ? { CONTACT_URL: config.contactUrl } : {}),
      },
      'extract-claims': common,
      'send-alerts': {
        ...common,
        SLACK_SECRET_ARN: slackSecret.secretArn,
        ALERT_EMAIL_TO: config.alertEmailTo.join(','),
        ALERT_EMAIL_FROM: config.alertEmailFrom,
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
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
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
