import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.ts';

/** Every AWS client the pipeline uses, built once per cold start and passed into domain code. */
export interface AwsClients {
  dynamo: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  sqs: SQSClient;
  ses: SESv2Client;
  secrets: SecretsManagerClient;
}

/** Local stand-ins accept any credentials; real AWS uses the default provider chain. */
const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Builds the clients from config. Endpoints are set only for the embedded runtime (dynalite,
 * fauxqs, moto); fauxqs names queues `sqs.<region>.localhost`, which does not resolve here, so the
 * SQS client must be given its endpoint explicitly rather than trusting the queue URL's host.
 */
export function createAwsClients(config: Config): AwsClients {
  const region = config.AWS_REGION;
  const local = (endpoint: string | undefined) =>
    endpoint ? { endpoint, credentials: localCredentials } : {};
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
  const ses = new SESv2Client({ region, ...local(config.SES_ENDPOINT) });
  const secrets = new SecretsManagerClient({ region, ...local(config.SECRETS_ENDPOINT) });
  return { dynamo, doc, sqs, ses, secrets };
}
