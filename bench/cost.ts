/**
 * The inputs of the cost model, measured: what each stage does per poll, per article and per
 * alert (DynamoDB read and write units as DynamoDB counts them, SQS requests, handler time, log
 * bytes), by running the real handlers on the embedded stand-ins against a local site.
 *
 * Run as `node --import tsx bench/cost.ts [ROOT]`: ROOT is a checkout of claimwatch (default this
 * one), so `npm run bench` can measure an earlier commit the same way, in the same run, and put
 * today's numbers beside it. Prints one JSON line.
 *
 * The site has 20 feeds of 20 items each, like a small newsroom list. Phases:
 * - first poll (every item new; not steady state, reported for reference);
 * - `notModified`: every feed answers 304 to its ETag, its last check recorded minutes ago;
 * - `refresh`: the same, its last check recorded two hours ago (a quiet poll's hourly write);
 * - `unchanged`: every feed answers 200 with the items it listed before (no validators);
 * - `newOffTopic`: each feed has one new item, an article about something else;
 * - `newOnTopic`: five feeds have one new on-topic article each (the demo articles, which raise
 *   new figures and alerts).
 * Each handler invocation runs in an AsyncLocalStorage context naming its function, so every
 * DynamoDB and SQS request is counted against the function that made it, even when the
 * runtime runs stages side by side.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type FunctionName = 'schedule-polls' | 'poll-feed' | 'extract-claims' | 'send-alerts';
const FUNCTIONS: FunctionName[] = ['schedule-polls', 'poll-feed', 'extract-claims', 'send-alerts'];

/** What one function did in one phase. */
export interface StageUse {
  invocations: number;
  /** Records (messages) its invocations handled. */
  records: number;
  wcu: number;
  rcu: number;
  dynamoRequests: number;
  /** SQS requests the handler made itself (sends, deferrals); the event source's are modelled. */
  sqsRequests: number;
  /** Wall time of its invocations, summed (ms). */
  ms: number;
  /** Bytes the handler logged (JSON logs and EMF). */
  logBytes: number;
}

/** One phase: what each function did, and how many polls, articles and alerts it covered. */
export interface PhaseUse {
  /** Bytes the table and its index entries hold after the phase. */
  tableBytes?: number;
  polls: number;
  articles: number;
  alerts: number;
  stages: Record<FunctionName, StageUse>;
}

/** The whole measurement of one checkout. */
export interface CostMeasurement {
  root: string;
  commit: string;
  feeds: number;
  /** Each function's memory (MB) and batch size, from its stack. */
  functions: Record<FunctionName, { memoryMb: number; batchSize: number }>;
  /** What the synthesised stack (default config) holds that is billed by the month. */
  stack: { alarms: number; dashboards: number; queuesWithConsumers: number; secrets: number };
  /** The function that fetches and reads article pages (the one whose bundle carries jsdom). */
  pagesReadBy: FunctionName;
  /** Custom metrics the code emits (names × dimension sets seen in this run's EMF). */
  customMetrics: string[];
  phases: Record<
    'firstPoll' | 'notModified' | 'refresh' | 'unchanged' | 'newOffTopic' | 'newOnTopic',
    PhaseUse
  >;
  /**
   * `FEED_STATE_REFRESH_MINUTES` as the stack sets it for poll-feed (0 when the code has no
   * such setting): a quiet poll writes its feed's state once in this many minutes.
   */
  stateRefreshMinutes: number;
  /** Bytes the table (with its index entries) grows by per article, off- and on-topic. */
  storageBytesPerArticle: { offTopic: number; onTopic: number };
}

const FEEDS = 20;
const ITEMS = 20;

const emptyUse = (): StageUse => ({
  invocations: 0,
  records: 0,
  wcu: 0,
  rcu: 0,
  dynamoRequests: 0,
  sqsRequests: 0,
  ms: 0,
  logBytes: 0,
});

/** An item's size as DynamoDB counts it (close enough): attribute names plus values. */
function valueBytes(v: unknown): number {
  if (v === null || v === undefined || typeof v === 'boolean') return 1;
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (typeof v === 'number') return Math.ceil(String(Math.abs(v)).replace('.', '').length / 2) + 1;
  if (v instanceof Set) return [...v].reduce((n: number, x) => n + valueBytes(x), 0);
  if (Array.isArray(v)) return 3 + v.reduce((n: number, x) => n + 1 + valueBytes(x), 0);
  if (typeof v === 'object') {
    return (
      3 +
      Object.entries(v as Record<string, unknown>).reduce(
        (n, [k, x]) => n + Buffer.byteLength(k) + 1 + valueBytes(x),
        0,
      )
    );
  }
  return 8;
}

function itemBytes(item: Record<string, unknown> | undefined): number {
  if (!item) return 0;
  return Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + valueBytes(v), 0);
}

const INDEXES = [
  ['GSI1PK', 'GSI1SK'],
  ['GSI2PK', 'GSI2SK'],
] as const;

/**
 * Write units of one write: the table by the larger of the old and new item (1 KB units), and
 * each index (projecting all attributes) by the entry it writes, plus the one it removes when
 * the entry's key moved or went.
 */
function writeUnits(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): number {
  const units = (item: Record<string, unknown> | undefined) =>
    Math.max(1, Math.ceil(itemBytes(item) / 1024));
  let total = Math.max(units(before), units(after));
  for (const [pk, sk] of INDEXES) {
    const had = before?.[pk] !== undefined;
    const has = after?.[pk] !== undefined;
    if (had && has && before![pk] === after![pk] && before![sk] === after![sk]) {
      total += Math.max(units(before), units(after));
    } else {
      if (had) total += units(before);
      if (has) total += units(after);
    }
  }
  return total;
}

/** An article about something else, in our own words: what most of a feed's items are. */
function offTopicPage(feed: number, item: number): string {
  const paragraph = (n: number) =>
    `<p>Paragraph ${n} of report ${feed}-${item}: the city council met on Tuesday to discuss the new tram line, the budget for the coming year and the repairs to the old bridge over the river. Residents asked about parking, noise during the works and how long the detour would last; officials promised a timetable by the end of the month.</p>`;
  return `<!doctype html><html lang="en"><head><title>Council report ${feed}-${item}</title></head><body><nav><a href="/">Home</a></nav><article><h1>Council report ${feed}-${item}</h1>${Array.from({ length: 8 }, (_, n) => paragraph(n + 1)).join('')}</article><footer>Subscribe</footer></body></html>`;
}

/**
 * The custom metrics a month of running creates: every metric the code declares (under its
 * `service` dimension) and every name and dimension set seen in this run. Code that counts fetch
 * failures with a `kind` dimension creates one metric per kind a month sees: five assumed.
 */
async function declaredMetrics(
  root: string,
  imp: <T>(path: string) => Promise<T>,
  seen: Set<string>,
): Promise<string[]> {
  const metrics = await imp<typeof import('../shared/metrics.ts')>('shared/metrics.ts');
  const source = readFileSync(join(root, 'shared/metrics.ts'), 'utf8');
  const perKind = /addDimension\('kind'/.test(source);
  const all = new Set(seen);
  for (const name of Object.values(metrics.MetricName) as string[]) {
    if (perKind && name === 'FetchFailures') continue;
    all.add(`${name}{service=claimwatch}`);
  }
  if (perKind) {
    for (const kind of ['timeout', 'http_status', 'network', 'bad_xml', 'not_a_feed']) {
      all.add(`FetchFailures{service=claimwatch,kind=${kind}}`);
    }
  }
  return [...all].sort();
}

/** Measures one checkout; see the module comment. */
export async function measureCosts(rootArg?: string): Promise<CostMeasurement> {
  const root = resolve(rootArg ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const imp = <T>(path: string) => import(pathToFileURL(join(root, path)).href) as Promise<T>;
  const { execFileSync } = await import('node:child_process');
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root })
    .toString()
    .trim();

  const [runtimeMod, servicesMod, feedListMod, stackMod, pagesMod, poll, extract, alerts, sched] =
    await Promise.all([
      imp<typeof import('../local/runtime.ts')>('local/runtime.ts'),
      imp<typeof import('../local/services.ts')>('local/services.ts'),
      imp<typeof import('../shared/feeds/feed-list.ts')>('shared/feeds/feed-list.ts'),
      imp<typeof import('../infra/claimwatch-stack.ts')>('infra/claimwatch-stack.ts'),
      imp<typeof import('../local/demo/pages.ts')>('local/demo/pages.ts'),
      imp<typeof import('../functions/poll-feed/handler.ts')>('functions/poll-feed/handler.ts'),
      imp<typeof import('../functions/extract-claims/handler.ts')>(
        'functions/extract-claims/handler.ts',
      ),
      imp<typeof import('../functions/send-alerts/handler.ts')>('functions/send-alerts/handler.ts'),
      imp<typeof import('../functions/schedule-polls/handler.ts')>(
        'functions/schedule-polls/handler.ts',
      ),
    ]);
  const appMod = await imp<typeof import('../infra/claimwatch-app.ts')>('infra/claimwatch-app.ts');
  const cdkJson = JSON.parse(readFileSync(join(root, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const synthDir = mkdtempSync(join(tmpdir(), 'claimwatch-cost-synth-'));
  let stack: CostMeasurement['stack'];
  /** poll-feed's tunables as deployed, so the bench polls as the stack configures it. */
  const deployedEnv: Record<string, string> = {};
  try {
    const built = appMod.createClaimwatchApp({
      appProps: {
        context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] },
        outdir: synthDir,
      },
    });
    const { Template } = await import('aws-cdk-lib/assertions');
    const resources = Object.values(
      Template.fromStack(built.stack).toJSON().Resources as Record<string, { Type: string }>,
    );
    const count = (type: string) => resources.filter((r) => r.Type === type).length;
    const pollFn = Object.values(
      Template.fromStack(built.stack).toJSON().Resources as Record<
        string,
        {
          Type: string;
          Properties?: {
            Description?: string;
            Environment?: { Variables?: Record<string, unknown> };
          };
        }
      >,
    ).find(
      (r) =>
        r.Type === 'AWS::Lambda::Function' &&
        /Polls? (one )?feed/i.test(r.Properties?.Description ?? ''),
    );
    for (const [key, value] of Object.entries(pollFn?.Properties?.Environment?.Variables ?? {})) {
      if (typeof value === 'string' && /^(POLL_|FEED_STATE_|MAX_ITEMS)/.test(key)) {
        deployedEnv[key] = value;
      }
    }
    stack = {
      alarms: count('AWS::CloudWatch::Alarm'),
      dashboards: count('AWS::CloudWatch::Dashboard'),
      queuesWithConsumers: count('AWS::Lambda::EventSourceMapping'),
      secrets: 1,
    };
  } finally {
    rmSync(synthDir, { recursive: true, force: true });
  }
  const assetsMod = await imp<typeof import('../infra/bundling/lambda-assets.ts')>(
    'infra/bundling/lambda-assets.ts',
  );
  const pagesReadBy = FUNCTIONS.find(
    (name) => assetsMod.lambdaBuildSpec(name, { feedsFile: 'feeds.json' }).jsdom,
  )!;
  const functions = Object.fromEntries(
    FUNCTIONS.map((name) => {
      const s = stackMod.functionSettings[name];
      return [name, { memoryMb: s.memorySize, batchSize: s.batchSize ?? 1 }];
    }),
  ) as CostMeasurement['functions'];

  // ---- the site: feeds, pages, Slack ------------------------------------------------------
  const demo = pagesMod.loadDemoArticles();
  const state = {
    etags: true,
    extra: new Map<number, { slug: string; onTopic: boolean }[]>(),
  };
  let base = '';
  const feedXml = (n: number) => {
    const items = [
      ...(state.extra.get(n) ?? []).map((e) => ({ slug: e.slug, title: `News ${e.slug}` })),
      ...Array.from({ length: ITEMS }, (_, i) => ({
        slug: `p${n}-${i}`,
        title: `Report ${n}-${i}`,
      })),
    ];
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title>${items
      .map(
        (it) =>
          `<item><title>${it.title}</title><link>${base}/page/${it.slug}</link><guid>${base}/page/${it.slug}</guid><description>Teaser for ${it.title}.</description><pubDate>Mon, 23 Dec 2024 09:00:00 GMT</pubDate></item>`,
      )
      .join('')}</channel></rss>`;
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const feed = /^\/feed\/(\d+)\.xml$/.exec(url);
    if (feed) {
      const xml = feedXml(Number(feed[1]));
      const etag = `"${Buffer.from(xml).length}-${(state.extra.get(Number(feed[1])) ?? []).length}"`;
      if (state.etags && req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/rss+xml',
        ...(state.etags ? { etag } : {}),
      });
      res.end(xml);
      return;
    }
    const page = /^\/page\/(.+)$/.exec(url);
    if (page) {
      const slug = page[1]!;
      const on = demo.find((a) => slug === `on-${a.slug}`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (on) {
        res.end(
          pagesMod.renderDemoPage({
            title: on.title,
            body: on.body,
            publishedAt: on.publishedAt,
            url: `${base}/page/${slug}`,
            site: 'Sample Times',
          }),
        );
      } else {
        const [f, i] = slug.replace(/^\D+/, '').split('-').map(Number);
        res.end(offTopicPage(f ?? 0, i ?? 0));
      }
      return;
    }
    if (url.startsWith('/slack')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const dataDir = mkdtempSync(join(tmpdir(), 'claimwatch-cost-'));
  const services = await servicesMod.startLocalServices({ dataDir } as never);
  const feedList = feedListMod.parseFeedList(
    Array.from({ length: FEEDS }, (_, n) => ({ id: `feed-${n}`, url: `${base}/feed/${n}.xml` })),
  );

  // ---- counting ------------------------------------------------------------------------------
  const als = new AsyncLocalStorage<FunctionName>();
  const metricNames = new Set<string>();
  let phase: Record<FunctionName, StageUse> = Object.fromEntries(
    FUNCTIONS.map((f) => [f, emptyUse()]),
  ) as Record<FunctionName, StageUse>;
  const use = () => phase[als.getStore()!];
  // biome-ignore lint/suspicious/noExplicitAny: the runtime is whatever ROOT's code builds
  let runtime: any;
  const timed =
    (name: FunctionName, make: () => (event: never) => Promise<unknown>) =>
    async (event: never) => {
      const handler = make();
      const u = phase[name];
      u.invocations++;
      u.records += (event as { Records?: unknown[] } | undefined)?.Records?.length ?? 1;
      const start = performance.now();
      try {
        return await als.run(name, () => handler(event));
      } finally {
        u.ms += performance.now() - start;
      }
    };
  const cache = new Map<FunctionName, (event: never) => Promise<unknown>>();
  const lazy = (name: FunctionName, build: () => (event: never) => Promise<unknown>) => () => {
    if (!cache.has(name)) cache.set(name, build());
    return cache.get(name)!;
  };
  runtime = runtimeMod.LocalRuntime.fromEnv(
    {
      ...services.env,
      ...deployedEnv,
      FETCH_ALLOW_ADDRESSES: '127.0.0.1',
      FETCH_MAX_PER_HOST: '64',
      SLACK_WEBHOOK_URL: `${base}/slack`,
      POWERTOOLS_METRICS_DISABLED: 'false',
    },
    feedList,
    {
      retryDelaySeconds: () => 0,
      handlers: {
        schedule: timed(
          'schedule-polls',
          lazy('schedule-polls', () => sched.createHandler(runtime.deps, feedList) as never),
        ),
        feeds: timed(
          'poll-feed',
          lazy('poll-feed', () => poll.createHandler(runtime.deps) as never),
        ),
        articles: timed(
          'extract-claims',
          lazy('extract-claims', () => extract.createHandler(runtime.deps) as never),
        ),
        alerts: timed(
          'send-alerts',
          lazy('send-alerts', () => alerts.createHandler(runtime.deps) as never),
        ),
      },
    } as never,
  );
  const { doc, sqs } = runtime.deps.clients;
  // A second client, not counted, to read items before and after each write: DynamoDB charges a
  // write by the larger of the old and new item, plus each index entry written or removed, which
  // dynalite does not report.
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { DynamoDBDocumentClient, GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const { unmarshall } = await import('@aws-sdk/util-dynamodb');
  const raw = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'us-east-1',
      endpoint: services.env.DYNAMODB_ENDPOINT,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  // (The doc client's middleware sees the request before marshalling: plain keys and items.)
  const read = async (table: string, key: Record<string, never> | undefined) => {
    if (!key) return undefined;
    const res = await raw.send(new GetCommand({ TableName: table, Key: key }));
    return res.Item as Record<string, unknown> | undefined;
  };
  doc.middlewareStack.add(
    // biome-ignore lint/suspicious/noExplicitAny: SDK middleware types
    (next: any, context: any) => async (args: any) => {
      // requests outside any handler (the runtime's own summaries, this bench) are not counted
      if (!als.getStore()) return next(args);
      const u = use();
      u.dynamoRequests++;
      const command = String(context.commandName ?? '');
      const input = args.input as {
        TableName: string;
        Item?: Record<string, never>;
        Key?: Record<string, never>;
        ReturnConsumedCapacity?: string;
      };
      if (!/^(Put|Update|Delete)/.test(command)) {
        // Read units as DynamoDB charges them (dynalite rounds each item, and counts a Query
        // twice): a Query's items summed, then 4 KB units; a Get or each BatchGet item alone;
        // half for eventually consistent reads.
        const out = await next(args);
        const o = out.output ?? {};
        const plain = (i: Record<string, unknown>) =>
          typeof i.PK === 'object' && i.PK !== null ? (unmarshall(i as never) as typeof i) : i;
        const strong = (input as { ConsistentRead?: boolean }).ConsistentRead === true;
        const units = (bytes: number) => Math.max(1, Math.ceil(bytes / 4096)) / (strong ? 1 : 2);
        if (Array.isArray(o.Items)) {
          u.rcu += units(o.Items.reduce((n: number, i: never) => n + itemBytes(plain(i)), 0));
        } else if (o.Responses) {
          for (const items of Object.values(o.Responses) as Record<string, unknown>[][]) {
            for (const i of items) u.rcu += units(itemBytes(plain(i)));
          }
          // keys not found are charged too
          const asked = Object.values(
            (input as { RequestItems?: Record<string, { Keys: unknown[] }> }).RequestItems ?? {},
          ).reduce((n, r) => n + r.Keys.length, 0);
          const found = (Object.values(o.Responses) as unknown[][]).reduce(
            (n, r) => n + r.length,
            0,
          );
          u.rcu += Math.max(0, asked - found) * units(0);
        } else {
          u.rcu += units(itemBytes(o.Item ? plain(o.Item) : undefined));
        }
        return out;
      }
      const key = input.Key ?? (input.Item ? { PK: input.Item.PK, SK: input.Item.SK } : undefined);
      const before = await read(input.TableName, key);
      try {
        const out = await next(args);
        // (read first: `u.wcu += f(await …)` would add to a stale total when writes overlap)
        const after = await read(input.TableName, key);
        u.wcu += writeUnits(before, after);
        return out;
      } catch (error) {
        // a failed conditional write is still charged
        u.wcu += Math.max(1, Math.ceil(itemBytes(before) / 1024));
        throw error;
      }
    },
    { step: 'initialize', name: 'countCapacity' },
  );
  sqs.middlewareStack.add(
    // biome-ignore lint/suspicious/noExplicitAny: SDK middleware types
    (next: any) => async (args: any) => {
      if (als.getStore()) use().sqsRequests++;
      return next(args);
    },
    { step: 'initialize', name: 'countSqs' },
  );
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const name = als.getStore();
    if (name) {
      phase[name].logBytes += Buffer.byteLength(chunk);
      for (const line of String(chunk).split('\n')) {
        if (!line.startsWith('{"_aws"')) continue;
        const doc = JSON.parse(line) as {
          _aws: { CloudWatchMetrics: { Dimensions: string[][]; Metrics: { Name: string }[] }[] };
          [k: string]: unknown;
        };
        for (const d of doc._aws.CloudWatchMetrics) {
          for (const m of d.Metrics) {
            const dims = (d.Dimensions[0] ?? []).map((k) => `${k}=${String(doc[k])}`).join(',');
            metricNames.add(`${m.Name}{${dims}}`);
          }
        }
      }
      return true;
    }
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;

  const phases = {} as CostMeasurement['phases'];
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  /** The table's billed size: each item plus 100 bytes, and again for each index entry. */
  const tableBytes = async () => {
    let total = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await raw.send(
        new ScanCommand({ TableName: services.env.TABLE_NAME, ExclusiveStartKey: start }),
      );
      for (const item of page.Items ?? []) {
        const bytes = itemBytes(item) + 100;
        total += bytes;
        for (const [pk] of INDEXES) if (item[pk] !== undefined) total += bytes;
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return total;
  };
  const run = async (
    key: keyof CostMeasurement['phases'],
    articles: number,
    lastCheckedMinutesAgo?: number,
  ) => {
    phase = Object.fromEntries(FUNCTIONS.map((f) => [f, emptyUse()])) as typeof phase;
    const past = new Date(Date.now() - 60_000).toISOString();
    for (const feed of await runtime.deps.store.listFeeds()) {
      await runtime.deps.store.saveFeedState({
        ...feed,
        nextCheckAt: past,
        ...(lastCheckedMinutesAgo === undefined
          ? {}
          : { lastCheckedAt: new Date(Date.now() - lastCheckedMinutesAgo * 60_000).toISOString() }),
      });
    }
    const before = (await runtime.deps.store.listAlerts()).length;
    // dueFeeds/saveFeedState above are the bench's own: not counted
    for (const f of FUNCTIONS) phase[f] = emptyUse();
    await runtime.runCycle();
    const after = (await runtime.deps.store.listAlerts()).length;
    phases[key] = {
      polls: FEEDS,
      articles,
      alerts: after - before,
      stages: phase,
      tableBytes: await tableBytes(),
    };
  };
  try {
    // syncing the list is a one-off, not part of any phase
    await runtime.deps.store.syncFeeds(feedList.feeds, feedList.hash, new Date());
    await run('firstPoll', FEEDS * ITEMS);
    await run('notModified', 0);
    await run('refresh', 0, 120);
    state.etags = false;
    // the first poll without validators records the change; the second is the steady state
    await run('unchanged', 0);
    await run('unchanged', 0);
    for (let n = 0; n < FEEDS; n++) state.extra.set(n, [{ slug: `new-${n}-0`, onTopic: false }]);
    await run('newOffTopic', FEEDS);
    for (const [i, a] of demo.entries()) {
      state.extra.get(i)!.unshift({ slug: `on-${a.slug}`, onTopic: true });
    }
    await run('newOnTopic', demo.length);
  } finally {
    process.stdout.write = write;
    await services.stop();
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dataDir, { recursive: true, force: true });
  }
  const grew = (from: keyof typeof phases, to: keyof typeof phases) =>
    Math.round((phases[to].tableBytes! - phases[from].tableBytes!) / phases[to].articles);
  return {
    root,
    commit,
    feeds: FEEDS,
    functions,
    pagesReadBy,
    stateRefreshMinutes: Number(deployedEnv.FEED_STATE_REFRESH_MINUTES ?? 0),
    stack,
    customMetrics: await declaredMetrics(root, imp, metricNames),
    phases,
    storageBytesPerArticle: {
      offTopic: grew('unchanged', 'newOffTopic'),
      onTopic: grew('newOffTopic', 'newOnTopic'),
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const result = await measureCosts(process.argv[2]);
  console.log(JSON.stringify(result));
  process.exit(0);
}
