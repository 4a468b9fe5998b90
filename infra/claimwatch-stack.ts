import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
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
import { WorkQueue } from './constructs/work-queue.ts';

/** Where Lambda unpacks a function's asset. */
export const lambdaTaskRoot = '/var/task';

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
 * Per-function sizing. poll-feed fetches a feed and up to 30 article pages and runs Readability
 * over jsdom on each, so it gets one feed per invocation, minutes, and the CPU that comes with
 * 1.5 GB; the other stages are short and light.
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
    memorySize: 1536,
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
    timeout: Duration.seconds(60),
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
 * - send-alerts: getFigure (Get); claimAlert, finishAlert (Update)
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
 * on dead letters and function errors emailed to the operators.
 */
export class ClaimwatchStack extends Stack {
  readonly table: Table;
  readonly feedsQueue: WorkQueue;
  readonly articlesQueue: WorkQueue;
  readonly alertsQueue: WorkQueue;
  readonly functions: Record<LambdaFunctionName, PipelineFunction>;
  readonly alarmTopic: Topic;

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
    });

    const slackSecret = Secret.fromSecretNameV2(this, 'SlackWebhook', config.slackSecretName);
    const common = {
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
    this.alarmTopic = this.createAlarms(config.alarmEmail);
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
   * only from the configured address.
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
        resources: [
          this.formatArn({
            service: 'ses',
            resource: 'identity',
            resourceName: config.sesIdentity,
          }),
        ],
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

  /** Any dead letter, and function errors twice in fifteen minutes, email the operators. */
  private createAlarms(alarmEmail: string): Topic {
    const topic = new Topic(this, 'AlarmTopic', { enforceSSL: true });
    topic.addSubscription(new EmailSubscription(alarmEmail));
    const action = new SnsAction(topic);
    const queues = {
      Feeds: this.feedsQueue,
      Articles: this.articlesQueue,
      Alerts: this.alertsQueue,
    };
    for (const [label, queue] of Object.entries(queues)) {
      new Alarm(this, `${label}DeadLettersAlarm`, {
        alarmDescription: `Messages reached the ${label.toLowerCase()} dead-letter queue`,
        metric: queue.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: 'Maximum',
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(action);
    }
    for (const name of lambdaFunctionNames) {
      new Alarm(this, `${this.functions[name].node.id}ErrorsAlarm`, {
        alarmDescription: `${name} failed (errors in 2 of 3 five-minute periods)`,
        metric: this.functions[name].function.metricErrors({ period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(action);
    }
    return topic;
  }
}
