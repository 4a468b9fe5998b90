/**
 * Template assertions on the synthesised Claimwatch stack. Bundling is skipped here (the
 * `aws:cdk:bundling-stacks` context, as the CDK CLI itself sets it) to keep this fast; the bundles
 * are proved by test/integration/bundle-jsdom.test.ts. Everything else is the app `cdk synth`
 * builds: cdk.json's context (feature flags and config), the cdk-nag plugin included.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../../infra/bundling/build-lambda.ts';
import {
  type LambdaFunctionName,
  lambdaFunctionNames,
} from '../../../infra/bundling/lambda-assets.ts';
import { type ClaimwatchApp, createClaimwatchApp } from '../../../infra/claimwatch-app.ts';
import {
  alertsMaxReceiveCount,
  functionSettings,
  powertoolsEnvironment,
} from '../../../infra/claimwatch-stack.ts';
import { InfraConfigError } from '../../../infra/config.ts';
import { alarmSettings } from '../../../infra/constructs/pipeline-monitoring.ts';
import { MAX_RECEIVES } from '../../../local/services.ts';
import { loadConfig } from '../../../shared/config.ts';
import { MetricName } from '../../../shared/metrics.ts';
import { createTableInput } from '../../../shared/store/table-definition.ts';

type Json = Record<string, unknown>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Json;
  Principal?: unknown;
}

const cdkJson = JSON.parse(readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8')) as {
  context: Json & { claimwatch: Json };
};

const outdirs: string[] = [];
const newOutdir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimwatch-cdk-'));
  outdirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

/** Builds the app as `cdk synth` does, with bundling skipped and context overridable. */
function createApp(options: { config?: Json | null; context?: Json } = {}): ClaimwatchApp {
  const context: Json = {
    ...cdkJson.context,
    'aws:cdk:bundling-stacks': [],
    ...options.context,
  };
  if (options.config === null) delete context.claimwatch;
  else if (options.config)
    context.claimwatch = { ...cdkJson.context.claimwatch, ...options.config };
  return createClaimwatchApp({
    appProps: { context, outdir: newOutdir() },
  });
}

const logicalId = (construct: IConstruct) =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const toList = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);

let built: ClaimwatchApp;
let template: Template;
let resources: Record<string, { Type: string; Properties: Json } & Json>;
const ids = {} as {
  table: string;
  queue: Record<'feeds' | 'articles' | 'alerts', string>;
  dlq: Record<'feeds' | 'articles' | 'alerts', string>;
  fn: Record<LambdaFunctionName, string>;
  role: Record<LambdaFunctionName, string>;
  logs: Record<LambdaFunctionName, string>;
};

beforeAll(() => {
  built = createApp();
  template = Template.fromStack(built.stack);
  resources = template.toJSON().Resources;
  const { stack } = built;
  ids.table = logicalId(stack.table);
  ids.queue = {
    feeds: logicalId(stack.feedsQueue.queue),
    articles: logicalId(stack.articlesQueue.queue),
    alerts: logicalId(stack.alertsQueue.queue),
  };
  ids.dlq = {
    feeds: logicalId(stack.feedsQueue.deadLetterQueue),
    articles: logicalId(stack.articlesQueue.deadLetterQueue),
    alerts: logicalId(stack.alertsQueue.deadLetterQueue),
  };
  ids.fn = {} as typeof ids.fn;
  ids.role = {} as typeof ids.role;
  ids.logs = {} as typeof ids.logs;
  for (const name of lambdaFunctionNames) {
    ids.fn[name] = logicalId(stack.functions[name].function);
    ids.role[name] = logicalId(stack.functions[name].role);
    ids.logs[name] = logicalId(stack.functions[name].logGroup);
  }
});

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

/** Every Allow statement granted to a function's role (inline policies and attached ones). */
function statementsOf(name: LambdaFunctionName): Statement[] {
  const role = ids.role[name];
  const attached = ofType('AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: role }]))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  const inline = (
    (resources[role].Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]
  ).flatMap((p) => p.PolicyDocument.Statement);
  return [...attached, ...inline];
}

/** `action resource` pairs, resources as JSON, for exact comparison. */
function grantsOf(name: LambdaFunctionName): string[] {
  return statementsOf(name)
    .filter((s) => s.Effect === 'Allow')
    .flatMap((s) =>
      toList(s.Action).flatMap((a) => toList(s.Resource).map((r) => `${a} ${JSON.stringify(r)}`)),
    )
    .sort();
}

const grant = (actions: string[], resource: unknown) =>
  actions.map((a) => `${a} ${JSON.stringify(resource)}`);

describe('queues', () => {
  it('has a work queue and a dead-letter queue per stage, all encrypted, kept 14 days', () => {
    const queues = ofType('AWS::SQS::Queue');
    expect(queues).toHaveLength(6);
    for (const [, queue] of queues) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      expect(queue.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    }
  });

  it('moves a message to its own dead-letter queue after 5 receives (alerts: 15)', () => {
    for (const stage of ['feeds', 'articles', 'alerts'] as const) {
      expect(resources[ids.queue[stage]].Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: arnOf(ids.dlq[stage]),
        maxReceiveCount: stage === 'alerts' ? alertsMaxReceiveCount : 5,
      });
      // the embedded runtime dead-letters after the same number of receives
      expect(MAX_RECEIVES[stage]).toBe(stage === 'alerts' ? alertsMaxReceiveCount : 5);
      expect(resources[ids.dlq[stage]].Properties.RedrivePolicy).toBeUndefined();
    }
    expect(new Set(Object.values(ids.dlq)).size).toBe(3);
  });

  it('denies non-TLS requests on every queue (enforceSSL)', () => {
    for (const id of [...Object.values(ids.queue), ...Object.values(ids.dlq)]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sqs:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Resource: arnOf(id),
            }),
          ]),
        },
      });
    }
  });
});

describe('event sources', () => {
  const consumers: [LambdaFunctionName, 'feeds' | 'articles' | 'alerts'][] = [
    ['poll-feed', 'feeds'],
    ['extract-claims', 'articles'],
    ['send-alerts', 'alerts'],
  ];

  it.each(consumers)(
    '%s consumes the %s queue with partial batch failures and bounded concurrency',
    (name, stage) => {
      const mappings = ofType('AWS::Lambda::EventSourceMapping').filter(
        ([, m]) =>
          JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: ids.fn[name] }),
      );
      expect(mappings).toHaveLength(1);
      const props = mappings[0][1].Properties;
      expect(props.EventSourceArn).toEqual(arnOf(ids.queue[stage]));
      expect(props.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      expect(props.BatchSize).toBe(functionSettings[name].batchSize);
      const max = (props.ScalingConfig as { MaximumConcurrency: number }).MaximumConcurrency;
      expect(max).toBe(functionSettings[name].maxConcurrency);
      expect(max).toBeGreaterThanOrEqual(2);
      expect(max).toBeLessThanOrEqual(5);
    },
  );

  it('gives every queue a visibility timeout of 6 × its consumer timeout', () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(3);
    for (const [, mapping] of mappings) {
      const queueId = (mapping.Properties.EventSourceArn as { 'Fn::GetAtt': string[] })[
        'Fn::GetAtt'
      ][0];
      const fnId = (mapping.Properties.FunctionName as { Ref: string }).Ref;
      const timeout = resources[fnId].Properties.Timeout as number;
      expect(resources[queueId].Properties.VisibilityTimeout).toBe(6 * timeout);
    }
  });

  it('runs schedule-polls on the configured rate, without Lambda retries of a failed run', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: arnOf(ids.fn['schedule-polls']) })],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: ids.fn['schedule-polls'] },
      MaximumRetryAttempts: 0,
    });
    template.resourceCountIs('AWS::Events::Rule', 1);
  });
});

describe('table', () => {
  const expected = createTableInput('ignored');
  const byName = <T extends { AttributeName: string }>(a: T, b: T) =>
    a.AttributeName.localeCompare(b.AttributeName);

  it('is built from shared/store/table-definition.ts', () => {
    const tables = ofType('AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const props = tables[0][1].Properties as Json & {
      AttributeDefinitions: { AttributeName: string }[];
      GlobalSecondaryIndexes: { IndexName: string }[];
    };
    expect(props.BillingMode).toBe(expected.BillingMode);
    expect(props.KeySchema).toEqual(expected.KeySchema);
    expect([...props.AttributeDefinitions].sort(byName)).toEqual(
      [...expected.AttributeDefinitions].sort(byName),
    );
    const indexes = [...props.GlobalSecondaryIndexes].sort((a, b) =>
      a.IndexName.localeCompare(b.IndexName),
    );
    expect(indexes).toEqual(
      [...expected.GlobalSecondaryIndexes].sort((a, b) => a.IndexName.localeCompare(b.IndexName)),
    );
  });

  it('is on-demand, recoverable, protected, retained and encrypted', () => {
    const [, table] = ofType('AWS::DynamoDB::Table')[0];
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({
      PointInTimeRecoveryEnabled: true,
    });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('functions', () => {
  it.each(lambdaFunctionNames)(
    '%s: Node.js 24 on arm64, no --enable-source-maps, sized per settings',
    (name) => {
      const props = resources[ids.fn[name]].Properties as Json & {
        Environment: { Variables: Json };
      };
      expect(props.Runtime).toBe('nodejs24.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.Handler).toBe('index.handler');
      expect(props.Environment.Variables.NODE_OPTIONS).toBeUndefined();
      expect(props.Timeout).toBe(functionSettings[name].timeout.toSeconds());
      expect(props.MemorySize).toBe(functionSettings[name].memorySize);
      expect(props.Role).toEqual(arnOf(ids.role[name]));
    },
  );

  it('is sized as measured by bench/lambda-sizing.ts (see functionSettings)', () => {
    const sizes = Object.fromEntries(
      lambdaFunctionNames.map((name) => {
        const props = resources[ids.fn[name]].Properties as { MemorySize: number; Timeout: number };
        return [name, [props.MemorySize, props.Timeout]];
      }),
    );
    expect(sizes).toEqual({
      'schedule-polls': [256, 60],
      'poll-feed': [256, 60],
      'extract-claims': [1024, 180],
      'send-alerts': [256, 180],
    });
  });

  it.each(lambdaFunctionNames)('%s logs to its own log group, kept 30 days', (name) => {
    const props = resources[ids.fn[name]].Properties as { LoggingConfig: { LogGroup: unknown } };
    expect(props.LoggingConfig.LogGroup).toEqual({ Ref: ids.logs[name] });
    expect(resources[ids.logs[name]].Properties.RetentionInDays).toBe(30);
    expect(resources[ids.logs[name]].DeletionPolicy).toBe('Retain');
  });

  it.each(lambdaFunctionNames)('%s has an environment shared/config.ts accepts', (name) => {
    const variables = (resources[ids.fn[name]].Properties as { Environment: { Variables: Json } })
      .Environment.Variables;
    expect(variables).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'claimwatch',
      POWERTOOLS_METRICS_NAMESPACE: 'claimwatch',
      TABLE_NAME: { Ref: ids.table },
      FEEDS_QUEUE_URL: { Ref: ids.queue.feeds },
      ARTICLES_QUEUE_URL: { Ref: ids.queue.articles },
      ALERTS_QUEUE_URL: { Ref: ids.queue.alerts },
    });
    // Deploy-time values (Ref, GetAtt, Join) stand in as plausible strings.
    const env = Object.fromEntries(
      Object.entries(variables).map(([key, value]) => [
        key,
        typeof value === 'string'
          ? value
          : key.endsWith('_QUEUE_URL')
            ? 'https://sqs.us-east-1.amazonaws.com/000000000000/queue'
            : 'deploy-time-value',
      ]),
    );
    expect(() => loadConfig(env)).not.toThrow();
  });

  it('points schedule-polls at the feed list bundled beside its code', () => {
    const vars = (
      resources[ids.fn['schedule-polls']].Properties as { Environment: { Variables: Json } }
    ).Environment.Variables;
    expect(vars.FEEDS_FILE).toBe('/var/task/feeds.json');
    expect(vars.POLL_INTERVAL_MINUTES).toBe('5');
  });

  it('gives only send-alerts the alert channels', () => {
    for (const name of lambdaFunctionNames) {
      const vars = (resources[ids.fn[name]].Properties as { Environment: { Variables: Json } })
        .Environment.Variables;
      if (name === 'send-alerts') {
        expect(vars).toMatchObject({
          ALERT_EMAIL_TO: 'newsroom-alerts@example.org',
          ALERT_EMAIL_FROM: 'claimwatch@example.org',
        });
        expect(JSON.stringify(vars.SLACK_SECRET_ARN)).toContain(':secret:claimwatch/slack-webhook');
      } else {
        expect(Object.keys(vars)).not.toContain('SLACK_SECRET_ARN');
        expect(Object.keys(vars)).not.toContain('ALERT_EMAIL_TO');
      }
    }
  });
});

describe('IAM least privilege', () => {
  const table = arnOf('TABLE');
  const index = (name: string) => ({ 'Fn::Join': ['', [arnOf('TABLE'), `/index/${name}`]] });
  const consume = [
    'sqs:ChangeMessageVisibility',
    'sqs:DeleteMessage',
    'sqs:GetQueueAttributes',
    'sqs:GetQueueUrl',
    'sqs:ReceiveMessage',
  ];
  const logs = ['logs:CreateLogStream', 'logs:PutLogEvents'];

  /** The complete expected grants per function; anything more or less fails. */
  function expectedGrants(name: LambdaFunctionName): string[] {
    const own = grant(logs, arnOf(ids.logs[name]));
    const grants: Record<LambdaFunctionName, string[]> = {
      'schedule-polls': [
        // Query on the table itself: the feed-state partition (dueFeeds)
        ...grant(
          ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
          table,
        ),
        ...grant(['dynamodb:Query'], index('GSI1')),
        ...grant(['sqs:SendMessage'], arnOf(ids.queue.feeds)),
      ],
      'poll-feed': [
        ...grant(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem'], table),
        ...grant(consume, arnOf(ids.queue.feeds)),
        ...grant(['sqs:SendMessage'], arnOf(ids.queue.articles)),
      ],
      'extract-claims': [
        ...grant(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], table),
        ...grant(['dynamodb:Query'], index('GSI2')),
        ...grant(consume, arnOf(ids.queue.articles)),
        ...grant(['sqs:SendMessage'], arnOf(ids.queue.alerts)),
        // an item whose site is not answering goes back on its own queue, delayed
        ...grant(['sqs:SendMessage'], arnOf(ids.queue.articles)),
      ],
      'send-alerts': [
        ...grant(['dynamodb:GetItem', 'dynamodb:UpdateItem'], table),
        ...grant(consume, arnOf(ids.queue.alerts)),
        ...grant(['secretsmanager:GetSecretValue'], {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':secretsmanager:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              ':secret:claimwatch/slack-webhook-??????',
            ],
          ],
        }),
        // the sender's identity, and the recipients' (checked by SES while in its sandbox)
        ...['claimwatch@example.org', 'newsroom-alerts@example.org'].flatMap((identity) =>
          grant(['ses:SendEmail'], {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':ses:',
                { Ref: 'AWS::Region' },
                ':',
                { Ref: 'AWS::AccountId' },
                `:identity/${identity}`,
              ],
            ],
          }),
        ),
      ],
    };
    return [...own, ...grants[name]]
      .map((g) => g.replaceAll('"TABLE"', JSON.stringify(ids.table)))
      .sort();
  }

  it.each(lambdaFunctionNames)(
    '%s has exactly the actions on exactly the resources it uses',
    (name) => {
      expect(grantsOf(name)).toEqual(expectedGrants(name));
    },
  );

  it('grants no wildcard action or resource to any role, and no managed policy', () => {
    const policies = [
      ...ofType('AWS::IAM::Policy').map(
        ([, p]) => p.Properties.PolicyDocument as { Statement: Statement[] },
      ),
      ...ofType('AWS::IAM::Role').flatMap(([, r]) =>
        ((r.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]).map(
          (p) => p.PolicyDocument,
        ),
      ),
    ];
    expect(policies.length).toBeGreaterThan(0);
    for (const statement of policies.flatMap((p) => p.Statement)) {
      for (const action of toList(statement.Action)) expect(action).not.toContain('*');
      for (const resource of toList(statement.Resource))
        expect(JSON.stringify(resource)).not.toContain('*');
    }
    for (const [, role] of ofType('AWS::IAM::Role')) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('poll-feed cannot read secrets or send email', () => {
    const actions = grantsOf('poll-feed').map((g) => g.split(' ')[0]);
    expect(actions.filter((a) => a.startsWith('secretsmanager:') || a.startsWith('ses:'))).toEqual(
      [],
    );
  });

  it('send-alerts cannot write to the articles queue, or any queue', () => {
    const grants = grantsOf('send-alerts');
    expect(grants.filter((g) => g.startsWith('sqs:SendMessage'))).toEqual([]);
    expect(grants.filter((g) => g.includes(JSON.stringify(arnOf(ids.queue.articles))))).toEqual([]);
  });

  it('send-alerts may email only as the configured identity and sender', () => {
    const ses = statementsOf('send-alerts').filter((s) =>
      toList(s.Action).includes('ses:SendEmail'),
    );
    expect(ses).toHaveLength(1);
    expect(ses[0].Condition).toEqual({
      StringEquals: { 'ses:FromAddress': 'claimwatch@example.org' },
    });
  });

  it('no function scans, deletes or batch-writes the table', () => {
    for (const name of lambdaFunctionNames) {
      const actions = grantsOf(name).map((g) => g.split(' ')[0]);
      for (const forbidden of ['dynamodb:Scan', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
        expect(actions).not.toContain(forbidden);
      }
    }
  });
});

type AlarmProps = Json & {
  AlarmName: string;
  MetricName: string;
  Namespace: string;
  Dimensions?: { Name: string; Value: unknown }[];
  AlarmActions: unknown[];
  OKActions: unknown[];
};

const alarms = () => ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties as AlarmProps);

describe('alarms', () => {
  const topic = () => ({ Ref: logicalId(built.stack.alarmTopic) });
  const byDimension = (metric: string, value: unknown) =>
    alarms().filter(
      (a) =>
        a.MetricName === metric &&
        JSON.stringify(a.Dimensions ?? []).includes(JSON.stringify(value)),
    );

  it('emails the operators, over TLS only, on ALARM and on OK, for all 9 alarms', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      TopicArn: topic(),
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [topic()],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
    // 3 dead-letter queues, errors of 4 functions, no stories, failed alerts: within the free
    // tier's ten alarms (throttling that loses work fills a dead-letter queue)
    expect(alarms()).toHaveLength(3 + 4 + 2);
    expect(alarms().filter((a) => a.MetricName === 'Throttles')).toEqual([]);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions).toEqual([topic()]);
      expect(alarm.OKActions).toEqual([topic()]);
      expect(alarm.AlarmName).toMatch(/^Claimwatch-[a-z-]+$/);
      expect(alarm.AlarmDescription).toEqual(expect.any(String));
    }
    expect(new Set(alarms().map((a) => a.AlarmName)).size).toBe(alarms().length);
  });

  it('lets CloudWatch publish to the topic, for this stack’s alarms only', () => {
    // The SSL-only topic policy replaces SNS's default one, so without this allow the alarms
    // could not notify anyone.
    const policies = ofType('AWS::SNS::TopicPolicy');
    expect(policies).toHaveLength(1);
    const statements = (
      policies[0][1].Properties.PolicyDocument as { Statement: (Statement & { Sid?: string })[] }
    ).Statement.filter((s) => s.Effect === 'Allow');
    expect(statements).toEqual([
      expect.objectContaining({
        Action: 'sns:Publish',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Resource: topic(),
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnLike: {
            'aws:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudwatch:',
                  { Ref: 'AWS::Region' },
                  ':',
                  { Ref: 'AWS::AccountId' },
                  ':alarm:Claimwatch-*',
                ],
              ],
            },
          },
        },
      }),
    ]);
    // every alarm's name falls under that pattern
    for (const alarm of alarms()) expect(alarm.AlarmName.startsWith('Claimwatch-')).toBe(true);
  });

  it.each(['feeds', 'articles', 'alerts'] as const)(
    'alarms on any message in the %s dead-letter queue',
    (stage) => {
      const [alarm, ...others] = byDimension('ApproximateNumberOfMessagesVisible', {
        'Fn::GetAtt': [ids.dlq[stage], 'QueueName'],
      });
      expect(others).toEqual([]);
      expect(alarm).toMatchObject({
        Namespace: 'AWS/SQS',
        Statistic: 'Maximum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    },
  );

  it.each(lambdaFunctionNames)('alarms on errors of %s', (name) => {
    const fn = { Ref: ids.fn[name] };
    const [errors, ...moreErrors] = byDimension('Errors', fn);
    expect(moreErrors).toEqual([]);
    expect(errors).toMatchObject({
      Namespace: 'AWS/Lambda',
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 3,
      DatapointsToAlarm: alarmSettings.errorDatapoints,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  const service = [{ Name: 'service', Value: 'claimwatch' }];

  it('alarms when no story was stored for 24 hours, missing data counting as breaching', () => {
    const [alarm, ...others] = alarms().filter((a) => a.MetricName === 'StoriesStored');
    expect(others).toEqual([]);
    expect(alarm).toMatchObject({
      Namespace: 'claimwatch',
      Dimensions: service,
      Statistic: 'Sum',
      Period: 3600,
      EvaluationPeriods: 24,
      DatapointsToAlarm: 24,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
    // CloudWatch's limit for periods of an hour or more: 7 days of evaluation
    expect((alarm.Period as number) * (alarm.EvaluationPeriods as number)).toBe(86_400);
  });

  it('alarms on any failed alert delivery', () => {
    const [alarm, ...others] = alarms().filter((a) => a.MetricName === 'AlertsFailed');
    expect(others).toEqual([]);
    expect(alarm).toMatchObject({
      Namespace: 'claimwatch',
      Dimensions: service,
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  describe('the custom metrics are the ones Powertools emits', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
      vi.resetModules();
    });

    /** Runs `shared/metrics.ts` for real with the functions' environment; returns its EMF. */
    async function emitted(emit: (m: typeof import('../../../shared/metrics.ts')) => void) {
      vi.resetModules();
      vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
      for (const [key, value] of Object.entries(powertoolsEnvironment)) vi.stubEnv(key, value);
      const lines: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        lines.push(String(chunk));
        return true;
      });
      const metrics = await import('../../../shared/metrics.ts');
      emit(metrics);
      vi.mocked(process.stdout.write).mockRestore();
      return lines
        .flatMap((l) => l.split('\n'))
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Json & { _aws: { CloudWatchMetrics: Json[] } });
    }

    it('under the namespace and service dimension the alarms and dashboard use', async () => {
      const [doc] = await emitted((m) => {
        m.count(m.MetricName.storiesStored);
        m.count(m.MetricName.alertsFailed);
        m.flushMetrics();
      });
      expect(doc._aws.CloudWatchMetrics[0]).toMatchObject({
        Namespace: 'claimwatch',
        Dimensions: [['service']],
      });
      expect(doc).toMatchObject({ service: 'claimwatch', StoriesStored: 1, AlertsFailed: 1 });
      for (const alarm of alarms().filter((a) => a.Namespace === 'claimwatch')) {
        expect(alarm.Dimensions).toEqual([{ Name: 'service', Value: doc.service }]);
        expect(doc._aws.CloudWatchMetrics[0].Namespace).toBe(alarm.Namespace);
      }
    });

    it('with FetchFailures under service alone: a kind dimension would be a metric per kind', async () => {
      const [doc] = await emitted((m) => {
        m.countFetchFailure();
        m.flushMetrics();
      });
      expect(doc._aws.CloudWatchMetrics[0]).toMatchObject({
        Namespace: 'claimwatch',
        Dimensions: [['service']],
      });
      expect(doc).toMatchObject({ service: 'claimwatch', FetchFailures: 1 });
    });

    it('prints nothing for an invocation that counted nothing', async () => {
      const docs = await emitted((m) => m.flushMetrics());
      expect(docs).toEqual([]);
    });

    it('are six, within the free tier’s ten', () => {
      expect(Object.values(MetricName)).toHaveLength(6);
    });
  });
});

/** A metric in a dashboard widget: `[namespace, name, dim, value, …, { options }]`. */
type WidgetMetric = (string | Json)[];
interface Widget {
  type: string;
  properties: { title?: string; metrics?: WidgetMetric[]; alarms?: string[] };
}

describe('dashboard', () => {
  let widgets: Widget[];
  let withDashboard: ClaimwatchApp;
  let dashboardAlarms: number;

  it('is off by default ($3 a month): no dashboard and no output naming one', () => {
    expect(ofType('AWS::CloudWatch::Dashboard')).toEqual([]);
    expect(built.stack.monitoring.dashboard).toBeUndefined();
    const outputs = template.toJSON().Outputs as Record<string, unknown>;
    expect(outputs.DashboardName).toBeUndefined();
  });

  /** Renders the body's Fn::Join, tokens as `<logicalId>` or `<logicalId.Attr>`, and parses it. */
  beforeAll(() => {
    withDashboard = createApp({ config: { dashboard: true } });
    const json = Template.fromStack(withDashboard.stack).toJSON();
    const all = Object.entries(json.Resources as typeof resources);
    dashboardAlarms = all.filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm').length;
    const dashboards = all.filter(([, r]) => r.Type === 'AWS::CloudWatch::Dashboard');
    expect((json.Outputs as Record<string, { Value: unknown }>).DashboardName.Value).toEqual({
      Ref: logicalId(withDashboard.stack.monitoring.dashboard!),
    });
    expect(dashboards).toHaveLength(1);
    const body = dashboards[0][1].Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] };
    const text = body['Fn::Join'][1]
      .map((part) => {
        if (typeof part === 'string') return part;
        const token = part as { Ref?: string; 'Fn::GetAtt'?: string[] };
        return token.Ref ? `<${token.Ref}>` : `<${token['Fn::GetAtt']!.join('.')}>`;
      })
      .join('');
    widgets = (JSON.parse(text) as { widgets: Widget[] }).widgets;
  });

  const graph = (title: string) => {
    const widget = widgets.find((w) => w.properties.title === title);
    expect(widget, title).toBeDefined();
    return widget!.properties.metrics!.map((m) => m.filter((x) => typeof x === 'string'));
  };
  const emf = (name: string, ...dims: string[]) => [
    'claimwatch',
    name,
    ...dims,
    'service',
    'claimwatch',
  ];

  it('shows every alarm state', () => {
    const status = widgets.find((w) => w.type === 'alarm');
    expect(status?.properties.alarms).toHaveLength(dashboardAlarms);
    expect(dashboardAlarms).toBe(alarms().length);
  });

  it('graphs every pipeline metric under the service dimension', () => {
    expect(graph('Feeds polled, fetch failures, stories stored')).toEqual([
      emf(MetricName.feedsPolled),
      emf(MetricName.fetchFailures),
      emf(MetricName.storiesStored),
    ]);
    expect(graph('New figures')).toEqual([emf(MetricName.newFigures)]);
    expect(graph('Alerts sent and failed')).toEqual([
      emf(MetricName.alertsSent),
      emf(MetricName.alertsFailed),
    ]);
  });

  it('counts fetch failures by kind from poll-feed’s logs, not from a metric per kind', () => {
    const widget = widgets.find((w) => w.type === 'log');
    const query = (widget?.properties as { query?: string } | undefined)?.query ?? '';
    expect(query).toContain(
      `SOURCE '<${Stack.of(withDashboard.stack).getLogicalId(withDashboard.stack.functions['poll-feed'].logGroup.node.defaultChild as CfnElement)}>'`,
    );
    expect(query).toMatch(/stats count\(\) as failures by failure\.kind/);
  });

  it('graphs the depth of every queue and every dead-letter queue', () => {
    const depth = (id: string) => [
      'AWS/SQS',
      'ApproximateNumberOfMessagesVisible',
      'QueueName',
      `<${id}.QueueName>`,
    ];
    const queues = graph('Queue depth (visible messages)');
    for (const id of Object.values(ids.queue)) expect(queues).toContainEqual(depth(id));
    expect(graph('Dead-letter queue depth')).toEqual(Object.values(ids.dlq).map(depth));
  });

  it('graphs errors, throttles and durations of every function', () => {
    const lambda = (metric: string, name: LambdaFunctionName) => [
      'AWS/Lambda',
      metric,
      'FunctionName',
      `<${ids.fn[name]}>`,
    ];
    for (const name of lambdaFunctionNames) {
      expect(graph('Lambda errors')).toContainEqual(lambda('Errors', name));
      expect(graph('Lambda throttles')).toContainEqual(lambda('Throttles', name));
      expect(graph('Lambda duration p50 / max (ms)')).toContainEqual(lambda('Duration', name));
    }
  });

  it('stays within the free tier’s 50 metrics per dashboard', () => {
    const metrics = widgets.flatMap((w) => w.properties.metrics ?? []);
    expect(metrics.length).toBeLessThanOrEqual(50);
  });
});

describe('outputs', () => {
  it('names the table, queues, functions, log groups and alarm topic', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.TableName.Value).toEqual({ Ref: ids.table });
    for (const stage of ['feeds', 'articles', 'alerts'] as const) {
      const label = stage.charAt(0).toUpperCase() + stage.slice(1);
      expect(outputs[`${label}QueueUrl`].Value).toEqual({ Ref: ids.queue[stage] });
      expect(outputs[`${label}DeadLetterQueueUrl`].Value).toEqual({ Ref: ids.dlq[stage] });
      expect(outputs[`${label}DeadLetterQueueArn`].Value).toEqual(arnOf(ids.dlq[stage]));
    }
    for (const [name, id] of [
      ['schedule-polls', 'SchedulePolls'],
      ['poll-feed', 'PollFeed'],
      ['extract-claims', 'ExtractClaims'],
      ['send-alerts', 'SendAlerts'],
    ] as const) {
      expect(outputs[`${id}FunctionName`].Value).toEqual({ Ref: ids.fn[name] });
      expect(outputs[`${id}LogGroupName`].Value).toEqual({ Ref: ids.logs[name] });
    }
    expect(outputs.AlarmTopicArn.Value).toEqual({ Ref: logicalId(built.stack.alarmTopic) });
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('reports nothing unacknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(built.app);
    expect(
      report.violations.map(
        (v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      ),
    ).toEqual([]);
  });

  it('acknowledges nothing: on nodejs24.x, the newest runtime, not even L1 is left', () => {
    for (const name of lambdaFunctionNames) {
      const acknowledged = built.stack.functions[name].function.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) => Object.entries(m.data as Record<string, string>));
      expect(acknowledged).toEqual([]);
    }
  });

  it('is registered on the app: a non-compliant resource fails synth', () => {
    const app = createApp();
    new Queue(app.stack, 'Unprotected');
    expect(() => app.app.synth()).toThrow(/AwsSolutions-SQS3[\s\S]*AwsSolutions-SQS4/);
  });
});

describe('config', () => {
  it('applies per-key overrides given as CLI strings', () => {
    const app = createApp({
      context: {
        'claimwatch:pollIntervalMinutes': '15',
        'claimwatch:alertEmailTo': 'a@example.org, b@example.org',
      },
    });
    const t = Template.fromStack(app.stack);
    t.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(15 minutes)' });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ ALERT_EMAIL_TO: 'a@example.org,b@example.org' }),
      },
    });
  });

  it('fails synth with every missing required value named', () => {
    let error: unknown;
    try {
      createApp({ config: null });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InfraConfigError);
    const message = (error as Error).message;
    for (const key of ['alertEmailTo', 'alertEmailFrom', 'slackSecretName', 'alarmEmail']) {
      expect(message).toContain(`${key}: is required`);
    }
    expect(message).toContain('cdk.json');
    expect(message).toContain('-c claimwatch:<key>=<value>');
  });

  it('rejects malformed values and unknown keys', () => {
    expect(() => createApp({ config: { alarmEmail: 'ops' } })).toThrow(
      /alarmEmail: must be an email address/,
    );
    expect(() => createApp({ config: { logRetentionDays: 31 } })).toThrow(
      /logRetentionDays: must be one of/,
    );
    expect(() => createApp({ config: { alarmEmails: 'ops@example.org' } })).toThrow(
      /unknown key\(s\): alarmEmails/,
    );
    expect(() => createApp({ config: { pollIntervalMinutes: 0 } })).toThrow(/pollIntervalMinutes/);
  });

  it('infra/app.ts prints the problem, not a stack trace, and exits non-zero', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        CDK_CONTEXT_JSON: JSON.stringify({ claimwatch: { alertEmailTo: ['a@example.org'] } }),
        CDK_OUTDIR: newOutdir(),
      },
    });
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('claimwatch config is invalid');
    expect(child.stderr).toContain('alertEmailFrom: is required');
    expect(child.stderr).not.toContain('    at ');
  });
});
