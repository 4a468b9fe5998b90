import { dataDirOf, openLocalStore } from '../../local/session.ts';
import { printTable } from '../output.ts';

const ago = (iso: string | undefined, now: number) => {
  if (!iso) return '-';
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 0) return `in ${-minutes} min`;
  if (minutes < 120) return `${minutes} min ago`;
  return `${Math.round(minutes / 60)} h ago`;
};

/** `claimwatch feeds` / `feeds list`: each feed's health (or its pause), so a silent feed is noticed. */
export async function feedsCommand(opts: { json?: boolean; wide?: boolean; dataDir?: string }) {
  const { store, close } = await openLocalStore(dataDirOf(opts.dataDir));
  try {
    const feeds = (await store.listFeeds()).sort((a, b) => a.feedId.localeCompare(b.feedId));
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(feeds, null, 2)}\n`);
      return;
    }
    if (feeds.length === 0) {
      process.stdout.write('no feeds yet: run `claimwatch run` or `claimwatch demo`\n');
      return;
    }
    const now = Date.now();
    printTable(
      ['feed', 'status', 'errors', 'last success', 'next check', 'items', 'last error'],
      feeds.map((f) => [
        f.feedId,
        f.paused
          ? 'paused'
          : !f.lastCheckedAt
            ? 'new'
            : f.errorCount > 0
              ? (f.lastError?.kind ?? 'error')
              : 'ok',
        f.errorCount,
        ago(f.lastSuccessAt, now),
        // A paused feed has no next check: say who paused it, and when.
        f.paused ? `paused by ${f.paused.by} ${ago(f.paused.at, now)}` : ago(f.nextCheckAt, now),
        f.itemsSeen ?? 0,
        // Whole: the table cuts it to the terminal, and `--wide` shows all of it.
        f.lastError?.message ?? '',
      ]),
      {
        wide: opts.wide,
        keep: [0],
        flex: [6],
        drop: [5],
        style: (column, text) =>
          column !== 1
            ? undefined
            : text === 'ok'
              ? 'green'
              : text === 'new' || text === 'paused'
                ? 'yellow'
                : 'red',
      },
    );
  } finally {
    await close();
  }
}
