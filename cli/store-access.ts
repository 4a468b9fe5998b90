import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dataDirOf, openLocalStore } from '../local/session.ts';
import { UsageError } from '../shared/errors.ts';
import { Store } from '../shared/store/store.ts';

/** Where a query command reads: the embedded runtime's data, or a real table in AWS. */
export interface StoreOptions {
  dataDir?: string;
  table?: string;
  region?: string;
}

/** A table in AWS cannot be read; the message says why in one line. */
export class RemoteStoreError extends Error {
  override name = 'RemoteStoreError';
}

/** Turns AWS SDK failures into messages a user can act on. */
export function explainAwsError(error: unknown, table: string, region: string): Error {
  const name = (error as { name?: string }).name ?? '';
  const message = (error as Error).message ?? String(error);
  if (name === 'ResourceNotFoundException') {
    return new RemoteStoreError(`table ${table} does not exist in ${region}`);
  }
  if (name === 'CredentialsProviderError' || /credential/i.test(message)) {
    return new RemoteStoreError(
      'no AWS credentials found: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
  }
  if (name === 'UnrecognizedClientException' || name === 'AccessDeniedException') {
    return new RemoteStoreError(`AWS refused access to ${table}: ${message}`);
  }
  return error as Error;
}

/**
 * Opens the store a query command reads. With `--table`, the real DynamoDB table through the
 * standard AWS credential chain; otherwise the local data directory.
 */
export async function openQueryStore(
  opts: StoreOptions,
  access: { write?: boolean } = {},
): Promise<{ store: Store; close(): Promise<void>; run<T>(query: () => Promise<T>): Promise<T> }> {
  if (opts.table) {
    const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    if (!region) throw new UsageError('--table needs --region (or AWS_REGION)');
    const client = new DynamoDBClient({ region });
    const doc = DynamoDBDocumentClient.from(client);
    const table = opts.table;
    return {
      store: new Store(doc, table),
      close: async () => client.destroy(),
      async run(query) {
        try {
          return await query();
        } catch (error) {
          throw explainAwsError(error, table, region);
        }
      },
    };
  }
  const local = await openLocalStore(dataDirOf(opts.dataDir), access);
  return { ...local, run: (query) => query() };
}
