import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CycleProgress, CycleSummary } from '../../local/runtime.ts';
import { LocalRuntime } from '../../local/runtime.ts';
import { dataDirOf, openServices } from '../../local/session.ts';
import { UsageError } from '../../shared/errors.ts';
import type { FeedList } from '../../shared/feeds/feed-list.ts';
import { loadFeedList } from '../../shared/feeds/feed-list.ts';
import { shortHash } from '../../shared/feeds/identity.ts';
import type { FeedRecord, Store } from '../../shared/store/store.ts';
import type { ItemMessage } from '../../shared/types.ts';
import { truncate } from '../format.ts';
import { stripControls } from '../terminal.ts';

/** `12:05` in local time, with the date when it is not today. */
export function clock(at: Date | string, now = new Date()): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const time = date.toTimeString().slice(0, 5);
  return date.toDateString() === now.toDateString()
    ? time
    : `${date.toISOString().slice(0, 10)} ${time}`;
}

/** "in 5 min", "in 2 h 10 min". */
export function inTime(at: Date | string, now = new Date()): string {
  const minutes = Math.max(
    0,
    Math.round(((typeof at === 'string' ? Date.parse(at) : at.getTime()) - now.getTime()) / 60_000),
  );
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `in ${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/**
 * What the cycle found and when the next one runs, in one or two lines. "feeds polled 0" on its
 * own looks like a broken monitor: when no feed was due, it says why (paused, or every feed
 * backing off after errors) and until when.
 */
export function cycleReport(
  s: CycleSummary,
  feeds: FeedRecord[],
  next: Date,
  now = new Date(),
): string[] {
  const active = feeds.filter((f) => !f.paused);
  const paused = feeds.length - active.length;
  const found = [
    `${plural(s.feedsPolled, 'feed')} polled${s.feedsFailed ? ` (${s.feedsFailed} failed)` : ''}`,
    `${plural(s.storiesStored, 'new story', 'new stories')}`,
    `${plural(s.newFigures, 'new figure')}`,
    `${plural(s.alertsSent, 'alert')} sent${s.alertsPending ? `, ${s.alertsPending} pending` : ''}`,
  ].join(', ');
  const lines = [`${found}; next cycle at ${clock(next, now)} (${inTime(next, now)})`];
  if (paused) lines.push(`  ${plural(paused, 'feed')} paused (\`claimwatch feeds resume ID\`)`);
  const dueBy = next.toISOString();
  const waiting = active.filter((f) => f.nextCheckAt > dueBy);
  if (active.length > 0 && waiting.length === active.length) {
    const first = [...waiting].sort((a, b) => a.nextCheckAt.localeCompare(b.nextCheckAt))[0]!;
    const failing = waiting.filter((f) => f.errorCount > 0).length;
    const why =
      failing === waiting.length
        ? 'every feed is backing off after errors'
        : 'no feed is due at the next cycle';
    lines.push(
      `  ${why}: nothing is polled until ${clock(first.nextCheckAt, now)} (${inTime(first.nextCheckAt, now)}, ${stripControls(first.feedId)}); \`claimwatch feeds\` shows why`,
    );
  } else if (s.feedsFailed > 0) {
    lines.push('  `claimwatch feeds` shows why each failing feed failed');
  }
  if (active.length === 0 && feeds.length > 0) {
    lines.push('  every feed is paused: nothing is polled');
  }
  return lines;
}

/**
 * When the next cycle starts: an interval after this one started, or a little later when the
 * feeds this cycle polled fall due just after that. Each feed's next check is counted from the
 * moment its poll ended, seconds after the cycle began; a tick exactly one interval later would
 * find them not yet due and poll them only every other cycle.
 */
export function nextCycleAt(started: Date, intervalMinutes: number, feeds: FeedRecord[]): Date {
  const nominal = started.getTime() + intervalMinutes * 60_000;
  const slack = Math.min(intervalMinutes * 30_000, 120_000);
  let wake = nominal;
  for (const feed of feeds) {
    if (feed.paused) continue;
    const due = Date.parse(feed.nextCheckAt);
    if (due > wake && due <= nominal + slack) wake = due;
  }
  return new Date(wake);
}

/** How much `run` says: `--quiet` (alerts and problems only), the default, or `--verbose`. */
type Verbosity = 'quiet' | 'normal' | 'verbose';

/**
 * Watches a cycle as it runs: on a terminal, one status line redrawn in place ("polling 12/20
 * feeds · 3 articles queued"); with `--verbose`, a line per feed and per article. Reads the
 * store to say what each feed gave, so it is used only when someone is watching.
 */
class CycleWatcher {
  private feedsDue: number | undefined;
  private feedsDone = 0;
  private articlesQueued = 0;
  private articlesRead = 0;
  private alertsSent = 0;
  private status = '';
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly started: Date,
    private readonly verbosity: Verbosity,
    private readonly live: boolean,
    private readonly err: NodeJS.WriteStream = process.stderr,
  ) {}

  /** The runtime's callback: work is chained, so events are told in order. */
  readonly onProgress = (event: CycleProgress): void => {
    this.pending = this.pending.then(() => this.handle(event)).catch(() => {});
  };

  /** Waits for every event to be told, then clears the status line. */
  async finish(): Promise<void> {
    await this.pending;
    this.clear();
  }

  private async handle(event: CycleProgress): Promise<void> {
    const since = this.started.toISOString();
    if (event.stage === 'scheduled') {
      this.feedsDue = event.feedsDue;
      if (!this.live && this.verbosity !== 'quiet' && event.feedsDue !== undefined) {
        this.line(`cycle started: ${plural(event.feedsDue, 'feed')} due`);
      }
    } else if (event.stage === 'feeds') {
      for (const body of event.bodies) {
        const feedId = (body as { feedId?: string } | null)?.feedId;
        if (!feedId) continue;
        this.feedsDone++;
        const items = await this.store.feedItems(feedId, 200);
        const queued = items.filter((i) => i.seenAt >= since).length;
        this.articlesQueued += queued;
        if (this.verbosity === 'verbose') {
          const feed = await this.store.getFeed(feedId);
          const failed = feed?.lastError && feed.lastError.at >= since;
          this.line(
            failed
              ? `feed ${feedId}: failed (${feed.lastError!.kind}): ${truncate(feed.lastError!.message, 160)}; next try ${clock(feed.nextCheckAt)}`
              : `feed ${feedId}: ok, ${plural(queued, 'new article')}`,
          );
        }
      }
    } else if (event.stage === 'articles') {
      for (const body of event.bodies) {
        const item = body as Partial<ItemMessage> | null;
        if (!item?.storyId) continue;
        this.articlesRead++;
        if (this.verbosity === 'verbose') {
          // The page's canonical URL may have given the story another id: the item's seen
          // record points at the story it became.
          const seen = item.feedId
            ? (await this.store.feedItems(item.feedId, 200)).find(
                (i) => shortHash(i.itemKey) === item.itemHash,
              )
            : undefined;
          const story = await this.store.getStory(seen?.storyId ?? item.storyId);
          const figures = story ? `${plural(story.figureKeys.length, 'figure')}` : 'read';
          this.line(
            `article ${truncate(item.title || item.link || item.storyId, 100)} (${item.feedId}): ${figures}`,
          );
        }
      }
      if (event.failed > 0 && this.verbosity === 'verbose') {
        this.line(`${plural(event.failed, 'article')} failed; retried at the next cycle`);
      }
    } else if (event.stage === 'alerts') {
      this.alertsSent += event.bodies.length - event.failed;
    }
    this.draw();
  }

  /** The status line's text. */
  private statusText(): string {
    const due = this.feedsDue === undefined ? '?' : String(this.feedsDue);
    return [
      `polling ${Math.min(this.feedsDone, this.feedsDue ?? this.feedsDone)}/${due} feeds`,
      `${plural(this.articlesQueued, 'article')} queued`,
      `${this.articlesRead} read`,
      ...(this.alertsSent ? [`${plural(this.alertsSent, 'alert')} sent`] : []),
    ].join(' · ');
  }

  private draw(): void {
    if (!this.live) return;
    const width = Math.max(20, (this.err.columns || 80) - 1);
    this.status = truncate(stripControls(this.statusText()), width);
    this.err.write(`\r\u001b[2K${this.status}`);
  }

  /** Removes the status line, so other output starts on a clean line. */
  clear(): void {
    if (!this.live || !this.status) return;
    this.err.write('\r\u001b[2K');
    this.status = '';
  }

  /** A line above the status line. */
  line(text: string): void {
    this.clear();
    this.err.write(`${stripControls(text)}\n`);
    this.draw();
  }
}

/** The feeds at start: id and URL, and who paused a paused one. */
function startLines(list: FeedList, known: FeedRecord[]): string[] {
  const byId = new Map(known.map((f) => [f.feedId, f]));
  const width = Math.min(32, Math.max(...list.feeds.map((f) => f.feedId.length)));
  return list.feeds.map((f) => {
    const paused = byId.get(f.feedId)?.paused;
    return stripControls(
      `  ${f.feedId.padEnd(width)}  ${f.url}${paused ? `  (paused by ${paused.by} since ${clock(paused.at)})` : ''}`,
    );
  });
}

/** `claimwatch run` (`npm start`): the monitor on this machine, on the embedded stand-ins. */
export async function runCommand(opts: {
  feeds?: string;
  interval?: string;
  dataDir?: string;
  once?: boolean;
  verbose?: boolean;
  quiet?: boolean;
}) {
  if (opts.verbose && opts.quiet) throw new UsageError('--verbose and --quiet exclude each other');
  const verbosity: Verbosity = opts.quiet ? 'quiet' : opts.verbose ? 'verbose' : 'normal';
  const interval = Number(opts.interval ?? process.env.POLL_INTERVAL_MINUTES ?? 5);
  if (!Number.isFinite(interval) || interval <= 0) {
    throw new UsageError(`--interval must be a positive number of minutes, got ${opts.interval}`);
  }
  const feedsFile = resolve(opts.feeds ?? process.env.FEEDS_FILE ?? 'feeds.json');
  const feedList = loadFeedList(feedsFile);
  const dataDir = dataDirOf(opts.dataDir);
  const services = await openServices(dataDir);
  const err = process.stderr;
  const say = (text: string) => {
    if (verbosity !== 'quiet') err.write(`${text}\n`);
  };
  let stopping = false;
  let watcher: CycleWatcher | undefined;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    watcher?.clear();
    err.write(`\nstopping; data kept in ${dataDir}\n`);
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
  const { store } = runtime.deps;
  const live = verbosity !== 'quiet' && err.isTTY === true && process.env.TERM !== 'dumb';
  if (live) {
    // An alert printed on stdout while the status line is drawn would start mid-line.
    const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
    process.stdout.write = ((...args: unknown[]) => {
      watcher?.clear();
      return write(...args);
    }) as typeof process.stdout.write;
  }
  say(
    `claimwatch: ${plural(feedList.feeds.length, 'feed')} from ${feedsFile}, every ${interval} min; data in ${dataDir}`,
  );
  if (verbosity !== 'quiet') {
    for (const line of startLines(feedList, await store.listFeeds())) say(line);
    say(
      'Ctrl-C stops; `claimwatch feeds` shows each feed’s health, `claimwatch figures` what was found',
    );
  }
  const recovered = await runtime.recover();
  if (recovered.itemsRequeued || recovered.alertsRequeued) {
    say(
      `claimwatch: recovered after an interrupted run: ${recovered.itemsRequeued} articles to fetch again, ${recovered.alertsRequeued} alerts to send`,
    );
  }
  try {
    for (;;) {
      // The list is read again each cycle: `feeds add` and `feeds remove` take effect without
      // a restart. A list broken by a hand edit keeps the previous one running.
      try {
        const fresh = loadFeedList(feedsFile);
        if (fresh.hash !== feedList.hash) {
          Object.assign(feedList, fresh);
          say(`claimwatch: ${feedsFile} changed: now ${plural(fresh.feeds.length, 'feed')}`);
        }
      } catch (error) {
        err.write(
          `claimwatch: ${stripControls((error as Error).message)}; still polling the previous list\n`,
        );
      }
      const started = new Date();
      watcher = new CycleWatcher(store, started, verbosity, live, err);
      const summary = await runtime.runCycle(started, watcher.onProgress);
      await watcher.finish();
      const feeds = await store.listFeeds();
      const next = nextCycleAt(started, interval, feeds);
      if (verbosity !== 'quiet') {
        const lines = cycleReport(summary, feeds, next);
        if (opts.once) lines[0] = lines[0]!.replace(/; next cycle at .*$/, '');
        err.write(`[${clock(started)}] ${lines.join('\n')}\n`);
      }
      if (opts.once || stopping) break;
      await sleep(Math.max(0, next.getTime() - Date.now()));
    }
  } finally {
    if (!stopping) await services.stop();
  }
}
