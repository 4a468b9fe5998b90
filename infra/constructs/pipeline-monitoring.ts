import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  LogQueryVisualizationType,
  LogQueryWidget,
  Metric,
  type MetricOptions,
  Stats,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { PollFailureKind } from '../../shared/errors.ts';
import { MetricName } from '../../shared/metrics.ts';
import { type LambdaFunctionName, lambdaFunctionNames } from '../bundling/lambda-assets.ts';
import type { PipelineFunction } from './pipeline-function.ts';
import type { WorkQueue } from './work-queue.ts';

/**
 * Every `kind` under which poll-feed counts a `FetchFailures` metric (`countFetchFailure` in
 * `shared/metrics.ts`). `not_modified` is a success and is never counted. Listed so the
 * dashboard graphs each kind without a SEARCH expression; the type below fails to compile when
 * `PollFailureKind` gains a kind this list lacks.
 */
export const fetchFailureKinds = [
  'timeout',
  'too_large',
  'rate_limited',
  'blocked_address',
  'http_status',
  'tls',
  'network',
  'bad_xml',
  'not_a_feed',
  'queue_refused',
] as const satisfies readonly PollFailureKind[];

type UnlistedKind = Exclude<PollFailureKind, (typeof fetchFailureKinds)[number] | 'not_modified'>;
const everyKindListed: [UnlistedKind] extends [never] ? true : UnlistedKind = true;
void everyKindListed;

/** The pipeline's three work queues, by stage. */
export type PipelineQueues = Record<'feeds' | 'articles' | 'alerts', WorkQueue>;

/** Props of {@link PipelineMonitoring}. */
export interface PipelineMonitoringProps {
  /** Where every alarm (and its return to OK) is sent. */
  readonly topic: ITopic;
  readonly functions: Record<LambdaFunctionName, PipelineFunction>;
  readonly queues: PipelineQueues;
  /** CloudWatch namespace of the handlers' EMF metrics (`POWERTOOLS_METRICS_NAMESPACE`). */
  readonly namespace: string;
  /** Also create the operations dashboard (see `InfraConfig.dashboard`). */
  readonly dashboard?: boolean;
  /**
   * Value of the `service` dimension Powertools adds to every metric (`POWERTOOLS_SERVICE_NAME`,
   * or the `serviceName` the code passes). A CloudWatch metric is its name plus its exact
   * dimension set, so alarms must name it or they watch a metric nobody emits.
   */
  readonly service: string;
}

/** Alarm timing and thresholds; exported so tests and docs state the same numbers. */
export const alarmSettings = {
  /** Lambda errors in this many of three 5-minute periods (one transient failure is retried). */
  errorDatapoints: 2,
  /** Hours without a stored story before the pipeline counts as silent. */
  silentHours: 24,
} as const;

const fiveMinutes = Duration.minutes(5);

/**
 * Alarms and the operations dashboard of the pipeline.
 *
 * Alarms (each notifies the topic on ALARM and again on OK):
 * - a message in any dead-letter queue: something was given up on and needs a look;
 * - per function, errors (crashes, timeouts, out-of-memory: the handlers report per-message
 *   failures without erroring). Throttling has no alarm of its own: a throttled SQS batch
 *   counts as a receive, so throttling that loses work fills a dead-letter queue, which pages;
 *   throttling that does not is graphed on the dashboard. Nine alarms, within the free ten;
 * - no story stored for 24 hours (`StoriesStored` missing counts as breaching: a pipeline that
 *   stopped emitting is exactly what this must catch);
 * - any alert delivery failure (`AlertsFailed`).
 *
 * The optional dashboard graphs the handlers' EMF metrics, fetch failures by kind (from the
 * logs), queue and dead-letter depths, and Lambda errors, throttles and durations, with the
 * alarms' states on top.
 */
export class PipelineMonitoring extends Construct {
  readonly alarms: Alarm[] = [];
  readonly dashboard?: Dashboard;
  private readonly props: PipelineMonitoringProps;

  constructor(scope: Construct, id: string, props: PipelineMonitoringProps) {
    super(scope, id);
    this.props = props;
    const stack = Stack.of(this);
    const stackName = stack.stackName;
    const action = new SnsAction(props.topic);
    // The topic's policy (enforceSSL) replaces SNS's default one, which is what lets CloudWatch
    // publish; without an explicit allow every alarm fires into the void ("not authorized to
    // perform SNS:Publish" in the alarm's history only). Scoped to this account's alarms that
    // this construct names, against the confused deputy.
    props.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowThisStacksAlarmsToPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [props.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: `${stackName}-*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    const alarm = (
      alarmId: string,
      name: string,
      settings: ConstructorParameters<typeof Alarm>[2],
    ) => {
      const created = new Alarm(this, alarmId, { ...settings, alarmName: `${stackName}-${name}` });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
      return created;
    };

    for (const [stage, queue] of Object.entries(props.queues)) {
      alarm(`${capitalize(stage)}DeadLettersAlarm`, `${stage}-dead-letters`, {
        alarmDescription:
          `Messages reached the ${stage} dead-letter queue: they failed ${queue.maxReceiveCount} ` +
          'receives and were given up on. Read the consumer logs for the reason, fix it, then ' +
          'redrive the DLQ to its source queue (docs/deploy.md).',
        metric: queue.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: fiveMinutes,
          statistic: Stats.MAXIMUM,
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }

    for (const name of lambdaFunctionNames) {
      const { function: fn, node } = props.functions[name];
      alarm(`${node.id}ErrorsAlarm`, `${name}-errors`, {
        alarmDescription:
          `${name} failed as a whole (crash, timeout or out of memory) in ` +
          `${alarmSettings.errorDatapoints} of 3 five-minute periods. See its log group.`,
        metric: fn.metricErrors({ period: fiveMinutes, statistic: Stats.SUM }),
        threshold: 1,
        evaluationPeriods: 3,
        datapointsToAlarm: alarmSettings.errorDatapoints,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }

    alarm('NoStoriesAlarm', 'no-stories-stored', {
      alarmDescription:
        `No story was stored for ${alarmSettings.silentHours} hours (missing data counts as ` +
        'breaching): feeds may all be failing, polling may have stopped, or extract-claims ' +
        'may be broken. Check the dashboard’s FeedsPolled and FetchFailures first.',
      metric: this.metric(MetricName.storiesStored, { period: Duration.hours(1) }),
      threshold: 1,
      evaluationPeriods: alarmSettings.silentHours,
      datapointsToAlarm: alarmSettings.silentHours,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.BREACHING,
    });

    alarm('AlertsFailedAlarm', 'alert-delivery-failed', {
      alarmDescription:
        'An alert could not be delivered (Slack or SES refused or was unreachable). It is ' +
        'retried with back-off; check send-alerts’ logs and the Slack secret or SES identity.',
      metric: this.metric(MetricName.alertsFailed, { period: fiveMinutes }),
      threshold: 0,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    if (props.dashboard) this.dashboard = this.createDashboard(stackName);
  }

  private createDashboard(stackName: string): Dashboard {
    const props = this.props;
    const dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${stackName}-pipeline`,
      defaultInterval: Duration.days(1),
    });
    dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# claimwatch pipeline\nEMF metrics from the handlers (namespace ' +
          `\`${props.namespace}\`, service \`${props.service}\`), SQS depths, Lambda health. ` +
          'Runbook: docs/deploy.md.',
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 }),
    );
    dashboard.addWidgets(
      this.graph('Feeds polled, fetch failures, stories stored', [
        MetricName.feedsPolled,
        MetricName.fetchFailures,
        MetricName.storiesStored,
      ]),
      this.graph('New figures', [MetricName.newFigures]),
      this.graph('Alerts sent and failed', [MetricName.alertsSent, MetricName.alertsFailed]),
    );
    dashboard.addWidgets(
      new LogQueryWidget({
        title: 'Fetch failures by kind (poll-feed logs)',
        logGroupNames: [props.functions['poll-feed'].logGroup.logGroupName],
        queryLines: [
          "filter message = 'feed polled' and ispresent(failure.kind)",
          'stats count() as failures by failure.kind',
        ],
        view: LogQueryVisualizationType.BAR,
        width: 8,
      }),
      new GraphWidget({
        title: 'Queue depth (visible messages)',
        left: Object.entries(props.queues).map(([stage, q]) =>
          q.queue.metricApproximateNumberOfMessagesVisible({
            label: stage,
            period: fiveMinutes,
            statistic: Stats.MAXIMUM,
          }),
        ),
        right: Object.entries(props.queues).map(([stage, q]) =>
          q.queue.metricApproximateAgeOfOldestMessage({
            label: `${stage} oldest (s)`,
            period: fiveMinutes,
            statistic: Stats.MAXIMUM,
          }),
        ),
        width: 8,
      }),
      new GraphWidget({
        title: 'Dead-letter queue depth',
        left: Object.entries(props.queues).map(([stage, q]) =>
          q.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            label: `${stage} DLQ`,
            period: fiveMinutes,
            statistic: Stats.MAXIMUM,
          }),
        ),
        width: 8,
      }),
    );
    const perFunction = (
      metric: (fn: PipelineFunction['function'], name: string) => IMetric | IMetric[],
    ) => lambdaFunctionNames.flatMap((name) => metric(props.functions[name].function, name));
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Lambda errors',
        left: perFunction((fn, label) =>
          fn.metricErrors({ label, period: fiveMinutes, statistic: Stats.SUM }),
        ),
        width: 6,
      }),
      new GraphWidget({
        title: 'Lambda throttles',
        left: perFunction((fn, label) =>
          fn.metricThrottles({ label, period: fiveMinutes, statistic: Stats.SUM }),
        ),
        width: 6,
      }),
      new GraphWidget({
        title: 'Lambda duration p50 / max (ms)',
        left: perFunction((fn, name) => [
          fn.metricDuration({ label: `${name} p50`, period: fiveMinutes, statistic: Stats.p(50) }),
          fn.metricDuration({
            label: `${name} max`,
            period: fiveMinutes,
            statistic: Stats.MAXIMUM,
          }),
        ]),
        width: 6,
      }),
      new GraphWidget({
        title: 'Lambda invocations',
        left: perFunction((fn, label) =>
          fn.metricInvocations({ label, period: fiveMinutes, statistic: Stats.SUM }),
        ),
        width: 6,
      }),
    );
    return dashboard;
  }

  /** One of the handlers' EMF metrics, with the `service` dimension Powertools always adds. */
  metric(name: (typeof MetricName)[keyof typeof MetricName], options: MetricOptions = {}): Metric {
    return new Metric({
      namespace: this.props.namespace,
      metricName: name,
      period: fiveMinutes,
      statistic: Stats.SUM,
      ...options,
      dimensionsMap: { service: this.props.service, ...options.dimensionsMap },
    });
  }

  private graph(title: string, names: (typeof MetricName)[keyof typeof MetricName][]) {
    return new GraphWidget({
      title,
      left: names.map((name) => this.metric(name, { label: name })),
      width: 8,
    });
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
