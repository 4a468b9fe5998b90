import { dataDirOf, openLocalStore } from '../../local/session.ts';
import { UsageError } from '../../shared/errors.ts';
import { readChartLibrary } from '../../shared/report/chart-library.ts';
import type { Store } from '../../shared/store/store.ts';
import { publicBase } from '../../shared/web/links.ts';
import type { WebSource } from '../../shared/web/server.ts';
import { startWebServer } from '../../shared/web/server.ts';
import type { StoreOptions } from '../store-access.ts';
import { openQueryStore } from '../store-access.ts';

type ServeOptions = StoreOptions & { port?: string };

/** How long the local data stays open after the last request: `claimwatch run` can start meanwhile. */
const IDLE_CLOSE_MS = 1500;

/**
 * The local data directory, opened around requests and closed when idle. LevelDB allows one
 * process per directory: holding it for the server's lifetime would lock `claimwatch run` out.
 * While `run` is running, reads go through its endpoint and nothing is locked at all.
 */
function localSource(dataDir: string): WebSource & { close(): Promise<void> } {
  let open: Promise<{ store: Store; close(): Promise<void> }> | undefined;
  let closing: Promise<void> = Promise.resolve();
  let users = 0;
  let timer: NodeJS.Timeout | undefined;
  const release = () => {
    const current = open;
    open = undefined;
    closing = closing
      .then(async () => {
        if (current) await (await current).close();
      })
      .catch(() => {});
    return closing;
  };
  return {
    label: dataDir,
    async read(query) {
      clearTimeout(timer);
      users++;
      try {
        open ??= closing.then(() => openLocalStore(dataDir));
        const { store } = await open;
        return await query(store);
      } catch (error) {
        // A monitor that stopped takes its endpoint along: open afresh on the next request.
        void release();
        throw error;
      } finally {
        users--;
        if (users === 0) {
          timer = setTimeout(() => void release(), IDLE_CLOSE_MS);
          timer.unref();
        }
      }
    },
    async close() {
      clearTimeout(timer);
      await release();
    },
  };
}

/** A table in AWS: opened once, read through the standard credential chain. */
async function tableSource(opts: StoreOptions): Promise<WebSource & { close(): Promise<void> }> {
  const { store, close, run } = await openQueryStore(opts);
  const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  return {
    label: `table ${opts.table} (${region})`,
    read: (query) => run(() => query(store)),
    close,
  };
}

function parsePort(value: string | undefined): number {
  const text = value ?? '8080';
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new UsageError(`--port must be a port number from 0 to 65535, not "${text}"`);
  }
  return port;
}

/**
 * `claimwatch serve`: a read-only web view of the local data (or, with `--table`, the table in
 * AWS) on 127.0.0.1: feed health, figures over time, each figure's sources, alerts, the polling
 * cycle, and an Atom feed of new figures. Runs until Ctrl-C.
 */
export async function serveCommand(opts: ServeOptions) {
  const port = parsePort(opts.port);
  const publicUrl = process.env.PUBLIC_URL?.trim() || undefined;
  if (publicUrl && !publicBase(publicUrl)) {
    throw new UsageError(`PUBLIC_URL must be an http(s) URL, not "${publicUrl}"`);
  }
  const source = opts.table ? await tableSource(opts) : localSource(dataDirOf(opts.dataDir));
  try {
    // Fail now, in one line, on data that cannot be read (a bad --data-dir, no credentials).
    await source.read((store) => store.listFeeds());
    const chartLibrary = await readChartLibrary();
    const server = await startWebServer({
      source,
      chartLibrary,
      port,
      publicUrl,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(
      `claimwatch serve: ${server.url}/ (read-only, 127.0.0.1 only; data: ${source.label})\n` +
        '  /figures  /feeds  /alerts  /cycle  ·  Atom feed: /figures.atom\n' +
        'Ctrl-C stops it.\n',
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await server.close();
  } finally {
    await source.close();
  }
}
