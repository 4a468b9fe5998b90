import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Store } from '../shared/store/store.ts';
import type { LocalServices } from './services.ts';
import { startLocalServices } from './services.ts';

/** The data directory of the embedded runtime: `--data-dir`, `CLAIMWATCH_DATA_DIR`, else `.claimwatch`. */
export function dataDirOf(option?: string): string {
  return resolve(option ?? process.env.CLAIMWATCH_DATA_DIR ?? '.claimwatch');
}

/** The data directory is locked by another process that did not say where it serves it. */
export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
}

interface Advert {
  pid: number;
  dynamoEndpoint: string;
  tableName: string;
}

const advertPath = (dataDir: string) => join(dataDir, 'services.json');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the stand-ins on a data directory and tells other claimwatch commands where to find
 * them: LevelDB allows one process per directory, so `claimwatch figures` run beside
 * `claimwatch run` reads through the running process's endpoint instead of failing on the lock.
 */
export async function openServices(dataDir: string): Promise<LocalServices> {
  const advert = readAdvert(dataDir);
  if (advert) {
    throw new DataDirBusyError(
      `${dataDir} is in use by claimwatch process ${advert.pid}; stop it first or pass another --data-dir`,
    );
  }
  let services: LocalServices;
  try {
    services = await startLocalServices({ dataDir });
  } catch (error) {
    if (/lock/i.test(String((error as Error).message ?? error))) {
      throw new DataDirBusyError(`${dataDir} is locked by another process`, { cause: error });
    }
    throw error;
  }
  writeFileSync(
    advertPath(dataDir),
    JSON.stringify({
      pid: process.pid,
      dynamoEndpoint: services.dynamoEndpoint,
      tableName: services.env.TABLE_NAME,
    }),
  );
  const stop = services.stop;
  return {
    ...services,
    async stop() {
      rmSync(advertPath(dataDir), { force: true });
      await stop();
    },
  };
}

function readAdvert(dataDir: string): Advert | undefined {
  const path = advertPath(dataDir);
  if (!existsSync(path)) return undefined;
  try {
    const advert = JSON.parse(readFileSync(path, 'utf8')) as Advert;
    if (isAlive(advert.pid) && advert.pid !== process.pid) return advert;
  } catch {
    // a torn file is treated as absent
  }
  rmSync(path, { force: true });
  return undefined;
}

/**
 * A read-only view of the local table, for the query commands: through the running monitor's
 * endpoint when one is running, else by opening the data directory directly.
 */
export async function openLocalStore(
  dataDir: string,
): Promise<{ store: Store; close(): Promise<void> }> {
  const advert = readAdvert(dataDir);
  let services: LocalServices | undefined;
  let endpoint: string;
  let tableName: string;
  if (advert) {
    endpoint = advert.dynamoEndpoint;
    tableName = advert.tableName;
  } else {
    services = await openServices(dataDir);
    endpoint = services.dynamoEndpoint;
    tableName = services.env.TABLE_NAME;
  }
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    store: new Store(doc, tableName),
    async close() {
      client.destroy();
      await services?.stop();
    },
  };
}
