import {
  chmodSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Level } from 'level';
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

/** The data directory cannot be used: not a directory, not writable, or its table unreadable. */
export class DataDirError extends Error {
  override name = 'DataDirError';
}

interface Advert {
  pid: number;
  dynamoEndpoint: string;
  tableName: string;
}

const advertPath = (dataDir: string) => join(dataDir, 'services.json');

/**
 * Whether a claimwatch process with this pid runs. A pid alone is not enough: after a crash
 * and a reboot the number may belong to some other program, which must not lock the user out.
 */
function isClaimwatchAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /claimwatch|vitest|tsx/.test(cmdline);
  } catch {
    return true; // no /proc here: trust the pid
  }
}

const lockPath = (dataDir: string) => join(dataDir, 'claimwatch.lock');

/**
 * Takes the data directory for this process with a file created exclusively, so two
 * `claimwatch run` started together cannot both open the table: the second gets a one-line
 * refusal instead of a crash deep in the database. A lock left by a dead process is taken over.
 */
function takeLock(dataDir: string): () => void {
  const path = lockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Written aside and linked into place, so the lock is never seen empty: a rival that read
      // an empty file took it for a dead owner's and opened the table as well.
      const draft = `${path}.${process.pid}`;
      writeFileSync(draft, String(process.pid));
      try {
        linkSync(draft, path);
      } finally {
        rmSync(draft, { force: true });
      }
      return () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (owner && owner !== process.pid && isClaimwatchAlive(owner)) {
        throw new DataDirBusyError(
          `${dataDir} is in use by claimwatch process ${owner}; stop it first or pass another --data-dir`,
        );
      }
      rmSync(path, { force: true }); // a dead owner's lock
    }
  }
  throw new DataDirBusyError(`${dataDir} is being opened by another claimwatch process`);
}

/**
 * Creates a directory and its missing parents one level at a time. Node 20's recursive
 * `mkdirSync` spins for ever under a parent that refuses new entries without saying EACCES
 * (`/proc`), which made `--data-dir /proc/x` hang instead of failing.
 */
function makeDirectory(path: string): void {
  const missing: string[] = [];
  for (let dir = path; !existsSync(dir); dir = dirname(dir)) {
    if (dirname(dir) === dir) break;
    missing.unshift(dir);
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Error codes that mean the directory is there but may not be written. */
const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Checks that the directory can hold data, with the next step when it cannot. */
function prepareDataDir(dataDir: string): void {
  try {
    if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
      throw new DataDirError(`${dataDir} is not a directory: pass another --data-dir`);
    }
    makeDirectory(dataDir);
    const probe = join(dataDir, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    if (error instanceof DataDirError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new DataDirError(
      `${dataDir} cannot be written (${code || (error as Error).message}): check its permissions or pass another --data-dir`,
      { cause: error },
    );
  }
}

/**
 * Opens the table's files once before the database server does: a damaged store (an emptied
 * CURRENT, a truncated MANIFEST) then fails here with a sentence and the next step, instead of
 * as an uncaught error inside the server.
 */
async function checkTableFiles(dataDir: string): Promise<void> {
  const path = join(dataDir, 'dynamodb');
  if (!existsSync(path)) return;
  const db = new Level(path);
  try {
    await db.open();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code === 'LEVEL_LOCKED') {
      throw new DataDirBusyError(`${dataDir} is locked by another process`, { cause: error });
    }
    throw new DataDirError(
      `the data in ${path} cannot be read (${cause?.message ?? (error as Error).message}): move that folder aside and run again to start afresh, or restore it from a copy`,
      { cause: error },
    );
  } finally {
    await db.close().catch(() => {});
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
  prepareDataDir(dataDir);
  const unlock = takeLock(dataDir);
  let services: LocalServices;
  try {
    await checkTableFiles(dataDir);
    services = await startLocalServices({ dataDir });
  } catch (error) {
    unlock();
    if (error instanceof DataDirError || error instanceof DataDirBusyError) throw error;
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
      unlock();
    },
  };
}

function readAdvert(dataDir: string): Advert | undefined {
  const path = advertPath(dataDir);
  if (!existsSync(path)) return undefined;
  try {
    const advert = JSON.parse(readFileSync(path, 'utf8')) as Advert;
    if (isClaimwatchAlive(advert.pid) && advert.pid !== process.pid) return advert;
  } catch {
    // a torn file is treated as absent
  }
  try {
    rmSync(path, { force: true });
  } catch {
    // a read-only directory keeps its stale advert; it is ignored all the same
  }
  return undefined;
}

/**
 * Whether opening failed only because the directory may not be written (a read-only mount, a
 * copy without write permission) while it holds a table that can be read.
 */
function isReadOnlyWithData(error: unknown, dataDir: string): boolean {
  const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code ?? '';
  return (
    error instanceof DataDirError &&
    READ_ONLY_CODES.has(code) &&
    existsSync(join(dataDir, 'dynamodb'))
  );
}

/** A copy keeps its source's read-only modes: the database must write to its copy. */
function makeWritable(path: string): void {
  const isDirectory = statSync(path).isDirectory();
  chmodSync(path, isDirectory ? 0o700 : 0o600);
  if (isDirectory) for (const name of readdirSync(path)) makeWritable(join(path, name));
}

/**
 * Opens a temporary copy of a read-only data directory's table: LevelDB writes (a lock, a log)
 * even to read, so a read-only copy (a backup, a colleague's snapshot, a read-only mount) is
 * read through a copy that is deleted on close. Nothing can be written back to it.
 */
async function openSnapshot(dataDir: string): Promise<LocalServices> {
  const copy = mkdtempSync(join(tmpdir(), 'claimwatch-readonly-'));
  try {
    cpSync(join(dataDir, 'dynamodb'), join(copy, 'dynamodb'), { recursive: true });
    makeWritable(join(copy, 'dynamodb'));
  } catch (error) {
    rmSync(copy, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DataDirError(
      `${dataDir} is read-only and its table cannot be copied to read it (${code}): check its permissions`,
      { cause: error },
    );
  }
  try {
    const services = await openServices(copy);
    return {
      ...services,
      async stop() {
        await services.stop();
        rmSync(copy, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(copy, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A view of the local table for the CLI's commands: through the running monitor's endpoint
 * when one is running, else by opening the data directory directly. A data directory that may
 * not be written is still read (through a temporary copy), unless the command means to write
 * (`write`: pausing a feed, rejecting a figure, resending an alert), which gets one line saying
 * so and the next step.
 */
export async function openLocalStore(
  dataDir: string,
  options: { write?: boolean } = {},
): Promise<{ store: Store; close(): Promise<void> }> {
  let current = await connect(dataDir, options);
  const switching = {
    // The process whose endpoint was read may stop while this command runs (`claimwatch serve`
    // lets go of the directory when idle): a refused connection never reached the table, so the
    // request is sent again to whoever holds the directory now, or to this process opening it.
    async send(command: unknown) {
      for (let attempt = 0; ; attempt++) {
        const used = current;
        try {
          // biome-ignore lint/suspicious/noExplicitAny: one command type per call, passed through
          return await used.doc.send(command as any);
        } catch (error) {
          if (!used.advertised || !isRefused(error) || attempt >= 3) throw error;
          if (current === used) {
            used.client.destroy();
            current = await reconnect(dataDir, options);
          }
        }
      }
    },
  };
  return {
    store: new Store(switching as unknown as DynamoDBDocumentClient, current.tableName),
    async close() {
      current.client.destroy();
      await current.services?.stop();
    },
  };
}

/** A connection that was refused: the endpoint's process is gone, the request never sent. */
function isRefused(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as never) {
    if (e.code === 'ECONNREFUSED') return true;
  }
  return false;
}

/**
 * Connects again after the advertising process stopped. That process lets go of the lock a
 * moment after its endpoint: a busy directory is tried again for a few seconds meanwhile.
 */
async function reconnect(dataDir: string, options: { write?: boolean }): Promise<Connection> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await connect(dataDir, options);
    } catch (error) {
      if (!(error instanceof DataDirBusyError) || attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

interface Connection {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** Read through another process's endpoint rather than opened here. */
  advertised: boolean;
  services?: LocalServices;
}

async function connect(dataDir: string, options: { write?: boolean }): Promise<Connection> {
  const advert = readAdvert(dataDir);
  let services: LocalServices | undefined;
  let endpoint: string;
  let tableName: string;
  if (advert) {
    endpoint = advert.dynamoEndpoint;
    tableName = advert.tableName;
  } else {
    try {
      services = await openServices(dataDir);
    } catch (error) {
      if (!isReadOnlyWithData(error, dataDir)) throw error;
      if (options.write) {
        throw new DataDirError(
          `${dataDir} is read-only, so this change cannot be saved: run it where the data can be written, or copy the folder and pass --data-dir`,
          { cause: error },
        );
      }
      services = await openSnapshot(dataDir);
    }
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
  return { client, doc, tableName, advertised: advert !== undefined, services };
}
