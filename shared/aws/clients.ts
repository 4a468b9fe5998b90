import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.ts';

/**
 * The AWS clients every stage uses, built once per cold start and passed into domain code. The
 * alerting stage's SES and Secrets Manager clients are in `alert-clients.ts`, loaded only when
 * alerts are sent, so the poller's cold start does not import them.
 */
export interface AwsClients {
  dynamo: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  sqs: SQSClient;
}

/** Local stand-ins accept any credentials; real AWS uses the default provider chain. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Client options for an endpoint of a local stand-in, or none in AWS. */
export const localEndpoint = (endpoint: string | undefined) =>
  endpoint ? { endpoint, credentials: localCredentials } : {};

/**
 * Builds the clients from config. Endpoints are set only for the embedded runtime (dynalite,
 * fauxqs, moto); fauxqs names queues `sqs.<region>.localhost`, which does not resolve here, so the
 * SQS client must be given its endpoint explicitly rather than trusting the queue URL's host.
 */
export function createAwsClients(config: Config): AwsClients {
  const region = config.AWS_REGION;
  const local = localEndpoint;
  const dynamo = new DynamoDBClient({
    region,
    maxAttempts: 8,
    ...local(config.DYNAMODB_ENDPOINT),
  });
  const doc = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const sqs = new SQSClient({
    region,
    maxAttempts: 5,
    ...local(config.SQS_ENDPOINT),
    ...(config.SQS_ENDPOINT ? { useQueueUrlAsEndpoint: false } : {}),
  });
  return { dynamo, doc, sqs };
}
