import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CycleSummary } from '../../local/runtime.ts';
import { LocalRuntime } from '../../local/runtime.ts';
import { dataDirOf, openServices } from '../../local/session.ts';
import { UsageError } from '../../shared/errors.ts';
import { loadFeedList } from '../../shared/feeds/feed-list.ts';

/** One line per cycle, for a terminal left running. */
export function summaryLine(s: CycleSummary): string {
  return `feeds polled ${s.feedsPolled} (failed ${s.feedsFailed}), stories stored ${s.storiesStored}, figures ${s.figures}, new figures ${s.newFigures}, alerts sent ${s.alertsSent}${s.alertsPending ? `, alerts pending ${s.alertsPending}` : ''}`;
}

/** `claimwatch run` (`npm start`): the monitor on this machine, on the embedded stand-ins. */
export async function runCommand(opts: {
  feeds?: string;
  interval?: string;
  dataDir?: string;
  once?: boolean;
}) {
  const interval = Number(opts.interval ?? process.env.POLL_INTERVAL_MINUTES ?? 5);
  if (!Number.isFinite(interval) || interval <= 0) {
    throw new UsageError(`--interval must be a positive number of minutes, got ${opts.interval}`);
  }
  const feedsFile = resolve(opts.feeds ?? process.env.FEEDS_FILE ?? 'feeds.json');
  const feedList = loadFeedList(feedsFile);
  const dataDir = dataDirOf(opts.dataDir);
  const services = await openServices(dataDir);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\nstopping; data kept in ${dataDir}\n`);
    await services.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const runtime = LocalRuntime.fromEnv(
    {
      ...process.env,
      ...services.env,
      FEEDS_FILE: feedsFile,
      POLL_INTERVAL_MINUTES: String(Math.ceil(interval)),
      ALERT_CONSOLE: 'true',
    },
    feedList,
  );
  process.stderr.write(
    `claimwatch: ${feedList.feeds.length} feeds from ${feedsFile}, every ${interval} min; data in ${dataDir}\n`,
  );
  const recovered = await runtime.recover();
  if (recovered.itemsRequeued || recovered.alertsRequeued) {
    process.stderr.write(
      `claimwatch: recovered after an interrupted run: ${recovered.itemsRequeued} articles to fetch again, ${recovered.alertsRequeued} alerts to send\n`,
    );
  }
  try {
    for (;;) {
      const started = new Date();
      const summary = await runtime.runCycle(started);
      process.stderr.write(`[${started.toISOString()}] ${summaryLine(summary)}\n`);
      if (summary.feedsFailed > 0) {
        process.stderr.write('  `claimwatch feeds` shows why each failing feed failed\n');
      }
      if (opts.once || stopping) break;
      await sleep(Math.max(0, interval * 60_000 - (Date.now() - started.getTime())));
    }
  } finally {
    if (!stopping) await services.stop();
  }
}
