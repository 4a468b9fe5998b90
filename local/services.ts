import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { startFauxqs } from 'fauxqs';
import { createTableInput } from '../shared/store/table-definition.ts';

/** The queues of the pipeline, each with a dead-letter queue after this many receives. */
export const QUEUES = ['feeds', 'articles', 'alerts'] as const;
export type QueueName = (typeof QUEUES)[number];

/**
 * Receives before a message is dead-lettered. Alerts get more: their sender backs off
 * exponentially (up to 12 h) while Slack or SES is down, so fifteen receives span about three
 * days of outage before an alert is given up on and shown by `claimwatch alerts --failed`.
 */
export const MAX_RECEIVES: Record<QueueName, number> = { feeds: 5, articles: 5, alerts: 15 };

/** Running stand-ins for DynamoDB and SQS, and the environment that points the handlers at them. */
export interface LocalServices {
  env: Record<string, string>;
  dynamoEndpoint: string;
  sqsEndpoint: string;
  queueUrls: Record<QueueName, string>;
  dlqUrls: Record<QueueName, string>;
  stop(): Promise<void>;
}

/** Options for the embedded stand-ins. */
export interface LocalServicesOptions {
  /** Where dynalite keeps its LevelDB files; in memory when absent. */
  dataDir?: string;
  tableName?: string;
  region?: string;
  /** Visibility timeout of the local queues, seconds. */
  visibilityTimeout?: number;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Starts dynalite (DynamoDB, persisted under `dataDir` so a restart loses nothing) and fauxqs
 * (SQS), both on 127.0.0.1 with ports the OS picks, creates the table from the shared definition
 * and the queues with their dead-letter queues, and returns the environment the Lambda handlers
 * read: the same variables the CDK stack sets in AWS, plus the stand-ins' endpoints.
 */
export async function startLocalServices(
  options: LocalServicesOptions = {},
): Promise<LocalServices> {
  const region = options.region ?? 'us-east-1';
  const tableName = options.tableName ?? 'claimwatch';
  let path: string | undefined;
  if (options.dataDir) {
    path = join(options.dataDir, 'dynamodb');
    mkdirSync(path, { recursive: true });
  }
  const dynamo = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    dynamo.once('error', reject);
    dynamo.listen(0, '127.0.0.1', () => resolve());
  });
  const dynamoEndpoint = `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`;

  const sqs = await startFauxqs({ port: 0, logger: false, defaultRegion: region });
  const sqsEndpoint = `http://127.0.0.1:${sqs.port}`;
  const queueUrls = {} as Record<QueueName, string>;
  const dlqUrls = {} as Record<QueueName, string>;
  for (const name of QUEUES) {
    const dlq = sqs.createQueue(`claimwatch-${name}-dlq`, {
      region,
      attributes: { MessageRetentionPeriod: String(14 * 24 * 3600) },
    });
    const queue = sqs.createQueue(`claimwatch-${name}`, {
      region,
      attributes: {
        VisibilityTimeout: String(options.visibilityTimeout ?? 30),
        MessageRetentionPeriod: String(14 * 24 * 3600),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlq.queueArn,
          maxReceiveCount: String(MAX_RECEIVES[name]),
        }),
      },
    });
    queueUrls[name] = queue.queueUrl;
    dlqUrls[name] = dlq.queueUrl;
  }

  const client = new DynamoDBClient({
    region,
    endpoint: dynamoEndpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    // dynalite turns the table ACTIVE asynchronously even with createTableMs 0: a request that
    // came first would see "table not found".
    for (let i = 0; i < 200; i++) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.TableStatus === 'ACTIVE') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    client.destroy();
  }

  const env: Record<string, string> = {
    TABLE_NAME: tableName,
    AWS_REGION: region,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    SQS_ENDPOINT: sqsEndpoint,
    FEEDS_QUEUE_URL: queueUrls.feeds,
    ARTICLES_QUEUE_URL: queueUrls.articles,
    ALERTS_QUEUE_URL: queueUrls.alerts,
  };
  return {
    env,
    dynamoEndpoint,
    sqsEndpoint,
    queueUrls,
    dlqUrls,
    async stop() {
      await sqs.stop();
      await new Promise<void>((resolve) => dynamo.close(() => resolve()));
    },
  };
}
