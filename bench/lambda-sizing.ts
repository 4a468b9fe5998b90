/**
 * Lambda sizing by measurement: `node --import tsx bench/lambda-sizing.ts [--json FILE]`.
 *
 * Builds the four assets exactly as `cdk synth` does, starts each in one isolated long-lived
 * process (a warm execution environment, see `infra/bundling/isolated-process.ts`) against
 * dynalite and fauxqs, and invokes it on realistic events:
 * - schedule-polls: a 100-feed list (the cost estimate's size), the first tick (syncs the list)
 *   and steady ticks with every feed due;
 * - poll-feed: one feed with 5 new articles, the largest news pages of the extraction benchmark
 *   (`ARTICLE_DATA_DIR`, by default the shared article-extraction data), three times; then the
 *   same feeds again, unchanged (304 with an ETag, or 200 with every item seen);
 * - extract-claims: a batch of 10 on-topic articles (the five demo articles and five re-reports
 *   of them by other outlets) and a batch of 10 long off-topic articles;
 * - send-alerts: the alerts those produce, a batch of 10 (one Slack digest) and a batch of 1.
 *
 * For each invocation it prints wall time (what Lambda bills), CPU time, the process's peak RSS
 * (Lambda's "Max Memory Used"), log bytes (CloudWatch Logs ingestion), and the DynamoDB and SQS
 * requests it made (counted by proxies in front of the stand-ins), which docs/deploy.md turns into
 * the monthly cost estimate and infra/claimwatch-stack.ts into memory sizes and timeouts.
 * Network latency is ~0 here (127.0.0.1); real sites add their own.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IsolatedAsset } from '../infra/bundling/isolated-process.ts';
import { startIsolatedAsset } from '../infra/bundling/isolated-process.ts';
import { buildAllAssets, type LambdaFunctionName } from '../infra/bundling/lambda-assets.ts';
import { functionSettings, powertoolsEnvironment } from '../infra/claimwatch-stack.ts';
import { loadDemoArticles } from '../local/demo/pages.ts';
import { startLocalServices } from '../local/services.ts';
import { storyIdFor } from '../shared/feeds/identity.ts';
import { Store } from '../shared/store/store.ts';
import type { ItemMessage } from '../shared/types.ts';
import { DEFAULT_ARTICLE_DATA_DIR } from './extraction.ts';

/** One measured invocation: a row of the report. */
export interface SizingRow {
  readonly fn: LambdaFunctionName;
  readonly scenario: string;
  readonly durationMs: number;
  readonly cpuMs: number;
  /** Peak RSS of the process so far: the function's peak across the scenarios run until now. */
  readonly maxRssMiB: number;
  readonly logKiB: number;
  /** DynamoDB operations by name, with request/response bytes (item sizes, roughly). */
  readonly dynamodb: Record<string, OpCount>;
  readonly sqs: Record<string, OpCount>;
}

/** Requests of one API operation made during one invocation. */
export interface OpCount {
  count: number;
  requestBytes: number;
  responseBytes: number;
}

/** An HTTP proxy in front of a stand-in that counts the AWS API operations passing through. */
interface CountingProxy {
  readonly url: string;
  take(): Record<string, OpCount>;
  close(): Promise<void>;
}

async function countingProxy(target: string): Promise<CountingProxy> {
  const { hostname, port } = new URL(target);
  let counts: Record<string, OpCount> = {};
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const op = String(req.headers['x-amz-target'] ?? 'unknown').replace(/^.*\./, '');
      counts[op] ??= { count: 0, requestBytes: 0, responseBytes: 0 };
      const entry = counts[op];
      entry.count++;
      entry.requestBytes += body.byteLength;
      const upstream = request(
        { hostname, port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.on('data', (c: Buffer) => {
            entry.responseBytes += c.byteLength;
            res.write(c);
          });
          up.on('end', () => res.end());
        },
      );
      upstream.on('error', (error) => {
        res.writeHead(502);
        res.end(String(error));
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take() {
      const taken = counts;
      counts = {};
      return taken;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A news page of the extraction benchmark. */
interface Page {
  id: string;
  html: string;
  body: string;
}

/** The `count` largest benchmark pages (by HTML size): the heavy end sizes memory. */
function largestPages(dataDir: string, count: number): Page[] {
  const truth = JSON.parse(readFileSync(path.join(dataDir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  return readdirSync(path.join(dataDir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => {
      const id = f.replace(/\.html\.gz$/, '');
      const html = gunzipSync(readFileSync(path.join(dataDir, 'html', f))).toString('utf8');
      return { id, html, body: truth[id]?.articleBody ?? '' };
    })
    .sort((a, b) => b.html.length - a.html.length || a.id.localeCompare(b.id))
    .slice(0, count);
}

const sqsEvent = (bodies: unknown[]) => ({
  Records: bodies.map((body) => ({
    messageId: randomUUID(),
    receiptHandle: `bench-${randomUUID()}`,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(Date.now()),
      SenderId: 'bench',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:bench',
    awsRegion: 'us-east-1',
  })),
});

const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;
const ops = (counts: Record<string, OpCount>) =>
  Object.entries(counts)
    .map(([op, c]) => `${op} ${c.count}`)
    .join(', ');

/**
 * Runs every scenario and returns the rows; prints progress to stderr. Each function runs with
 * the memory the stack gives it (V8 heap limits as Lambda derives them), unless `memoryMb`
 * overrides it, so candidate sizes can be compared before changing the stack.
 */
export async function measureLambdaSizing(
  memoryMb: Partial<Record<LambdaFunctionName, number>> = {},
): Promise<{
  memoryMb: Record<LambdaFunctionName, number>;
  imports: Record<string, { importMs: number; maxRssMiB: number }>;
  rows: SizingRow[];
  pages: { count: number; htmlKiB: number[] };
}> {
  const dataDir = process.env.ARTICLE_DATA_DIR || DEFAULT_ARTICLE_DATA_DIR;
  if (!existsSync(path.join(dataDir, 'ground-truth.json'))) {
    throw new Error(`no news pages at ${dataDir}: set ARTICLE_DATA_DIR`);
  }
  const pages = largestPages(dataDir, 15);
  const work = await mkdtemp(path.join(tmpdir(), 'claimwatch-sizing-'));
  const closers: (() => Promise<void>)[] = [];
  try {
    process.stderr.write('building the four assets as synth does…\n');
    const assets = await buildAllAssets(path.join(work, 'assets'), { feedsFile: 'feeds.json' });
    const services = await startLocalServices();
    closers.push(() => services.stop());
    const dynamo = await countingProxy(services.dynamoEndpoint);
    const sqs = await countingProxy(services.sqsEndpoint);
    closers.push(dynamo.close, sqs.close);

    // The feeds: /feed/<n>.xml lists five pages; even feeds send an ETag (so a re-poll is a 304).
    const feedCount = 100;
    const site = createServer((req, res) => {
      const url = req.url ?? '/';
      const feed = /^\/feed\/(\d+)\.xml$/.exec(url);
      const page = /^\/page\/(\w+)$/.exec(url);
      if (feed) {
        const n = Number(feed[1]);
        const etag = n % 2 === 0 ? `"feed-${n}"` : undefined;
        if (etag && req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag });
          res.end();
          return;
        }
        const items = pages
          .slice((n % 3) * 5, (n % 3) * 5 + 5)
          .map(
            (p) =>
              `<item><title>Story ${p.id.slice(0, 8)}</title><link>${base}/page/${p.id}</link>` +
              `<guid isPermaLink="false">${n}-${p.id}</guid><pubDate>Mon, 23 Dec 2024 09:00:00 GMT</pubDate></item>`,
          )
          .join('');
        res.writeHead(200, { 'content-type': 'application/rss+xml', ...(etag ? { etag } : {}) });
        res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title>${items}</channel></rss>`,
        );
        return;
      }
      const found = page && pages.find((p) => p.id === page[1]);
      if (!found) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(found.html);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    closers.push(
      () =>
        new Promise((resolve) => {
          site.closeAllConnections();
          site.close(() => resolve());
        }),
    );
    const slack = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise((resolve) => {
          slack.closeAllConnections();
          slack.close(() => resolve());
        }),
    );

    const feedsFile = path.join(work, 'feeds.json');
    await writeFile(
      feedsFile,
      JSON.stringify(
        Array.from({ length: feedCount }, (_, n) => ({
          id: `bench-${n}`,
          url: `${base}/feed/${n}.xml`,
          title: `Bench feed ${n}`,
        })),
      ),
    );
    // What the stack sets, plus the stand-ins (behind the counting proxies). No log level: INFO,
    // as deployed, so the log bytes are what CloudWatch Logs would ingest.
    const env = {
      ...services.env,
      ...powertoolsEnvironment,
      DYNAMODB_ENDPOINT: dynamo.url,
      SQS_ENDPOINT: sqs.url,
      FETCH_ALLOW_ADDRESSES: '127.0.0.1',
      SLACK_WEBHOOK_URL: `http://127.0.0.1:${(slack.address() as AddressInfo).port}/hook`,
      FEEDS_FILE: feedsFile,
    };

    const memory = Object.fromEntries(
      (Object.keys(functionSettings) as LambdaFunctionName[]).map((name) => [
        name,
        memoryMb[name] ?? functionSettings[name].memorySize,
      ]),
    ) as Record<LambdaFunctionName, number>;
    const running = {} as Record<LambdaFunctionName, IsolatedAsset>;
    const imports: Record<string, { importMs: number; maxRssMiB: number }> = {};
    // One at a time, so each cold import is timed on an otherwise idle machine.
    for (const name of ['schedule-polls', 'poll-feed', 'extract-claims', 'send-alerts'] as const) {
      running[name] = await startIsolatedAsset(assets[name].outDir, {
        name,
        env,
        memoryMb: memory[name],
        invokeTimeoutMs: 10 * 60_000,
      });
      closers.push(() => running[name].close());
      imports[name] = {
        importMs: round(running[name].importMs),
        maxRssMiB: running[name].importMaxRssMiB,
      };
    }

    const rows: SizingRow[] = [];
    const measure = async (fn: LambdaFunctionName, scenario: string, event: unknown) => {
      dynamo.take();
      sqs.take();
      const run = await running[fn].invoke(event);
      if (run.error) throw new Error(`${fn} (${scenario}) failed: ${run.error}`);
      const row: SizingRow = {
        fn,
        scenario,
        durationMs: round(run.durationMs),
        cpuMs: round(run.cpuMs),
        maxRssMiB: run.maxRssMiB,
        logKiB: round(run.outputBytes / 1024, 1),
        dynamodb: dynamo.take(),
        sqs: sqs.take(),
      };
      rows.push(row);
      process.stderr.write(`${fn}: ${scenario}: ${row.durationMs} ms, ${row.maxRssMiB} MiB\n`);
      return run.result;
    };

    const doc = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: 'us-east-1',
        endpoint: services.dynamoEndpoint,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    const store = new Store(doc, services.env.TABLE_NAME);
    const makeAllDue = async () => {
      for (const feed of await store.listFeeds()) {
        await store.saveFeedState({ ...feed, nextCheckAt: new Date(0).toISOString() });
      }
    };

    await measure('schedule-polls', `first tick: sync ${feedCount} feeds, all due`, {});
    for (let i = 0; i < 2; i++) {
      await makeAllDue();
      await measure('schedule-polls', `tick: ${feedCount} feeds due`, {});
    }

    for (let n = 0; n < 3; n++) {
      await measure(
        'poll-feed',
        'feed with 5 new large articles',
        sqsEvent([{ feedId: `bench-${n}` }]),
      );
    }
    await measure('poll-feed', 'feed unchanged (304, ETag)', sqsEvent([{ feedId: 'bench-0' }]));
    await measure('poll-feed', 'feed unchanged (200, all seen)', sqsEvent([{ feedId: 'bench-1' }]));

    const client = new SQSClient({
      region: 'us-east-1',
      endpoint: services.sqsEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      useQueueUrlAsEndpoint: false,
    });
    // The polls queued their new items; extract-claims reads their pages, ten at a time.
    for (let batch = 0; batch < 2; batch++) {
      const { Messages = [] } = await client.send(
        new ReceiveMessageCommand({
          QueueUrl: services.queueUrls.articles,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
        }),
      );
      if (Messages.length === 0) break;
      await measure(
        'extract-claims',
        `batch of ${Messages.length} new items (the large pages)`,
        sqsEvent(Messages.map((m) => JSON.parse(m.Body ?? '{}'))),
      );
    }

    const demo = loadDemoArticles();
    // Items whose text comes with the feed (no page): the claims work alone.
    const item = (url: string, title: string, text: string): ItemMessage => ({
      storyId: storyIdFor(url),
      feedId: 'bench-0',
      feedUrl: `${base}/feed/0.xml`,
      itemHash: storyIdFor(url).slice(0, 20),
      link: null,
      noLinkReason: 'bench: text given',
      guid: url,
      title,
      author: null,
      publishedAt: '2024-12-23T09:00:00.000Z',
      language: 'en',
      content: text
        .split(/\n+/)
        .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join(''),
    });
    const onTopic = [
      ...demo.map((a) => item(`https://one.example/news/${a.slug}`, a.title, a.body)),
      ...demo.map((a) => item(`https://two.example/world/${a.slug}`, a.title, a.body)),
    ];
    await measure('extract-claims', 'batch of 10 on-topic items', sqsEvent(onTopic));
    const offTopic = pages
      .filter((p) => p.body.length > 0)
      .slice(0, 10)
      .map((p) => item(`https://three.example/${p.id}`, `Story ${p.id}`, p.body));
    await measure('extract-claims', 'batch of 10 long off-topic items', sqsEvent(offTopic));

    for (let batch = 0; batch < 3; batch++) {
      const { Messages = [] } = await client.send(
        new ReceiveMessageCommand({
          QueueUrl: services.queueUrls.alerts,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        }),
      );
      if (Messages.length === 0) break;
      await measure(
        'send-alerts',
        `batch of ${Messages.length} alert(s)`,
        sqsEvent(Messages.map((m) => m.Body ?? '')),
      );
    }
    client.destroy();
    doc.destroy();
    return {
      memoryMb: memory,
      imports,
      rows,
      pages: { count: pages.length, htmlKiB: pages.map((p) => round(p.html.length / 1024)) },
    };
  } finally {
    for (const close of closers.reverse()) await close().catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}

/** `--memory poll-feed=768 --memory extract-claims=256`: sizes to try instead of the stack's. */
function memoryOverrides(argv: string[]): Partial<Record<LambdaFunctionName, number>> {
  const overrides: Partial<Record<LambdaFunctionName, number>> = {};
  argv.forEach((arg, i) => {
    if (arg !== '--memory') return;
    const [name, mb] = (argv[i + 1] ?? '').split('=');
    if (!(name in functionSettings) || !(Number(mb) >= 128)) {
      throw new Error(`--memory wants <function>=<MB ≥ 128>, got "${argv[i + 1]}"`);
    }
    overrides[name as LambdaFunctionName] = Number(mb);
  });
  return overrides;
}

async function main(): Promise<void> {
  const jsonIndex = process.argv.indexOf('--json');
  const result = await measureLambdaSizing(memoryOverrides(process.argv));
  console.log(`\nmemory (MB) each function ran with: ${JSON.stringify(result.memoryMb)}`);
  console.log(`news pages used by poll-feed (HTML KiB): ${result.pages.htmlKiB.join(', ')}`);
  console.log('\ncold import of each asset (fresh isolated process):');
  console.table(result.imports);
  console.log('\ninvocations, in order, each function in one warm process:');
  console.table(
    result.rows.map((r) => ({
      function: r.fn,
      scenario: r.scenario,
      ms: r.durationMs,
      cpuMs: r.cpuMs,
      peakRssMiB: r.maxRssMiB,
      logKiB: r.logKiB,
      dynamodb: ops(r.dynamodb),
      sqs: ops(r.sqs),
    })),
  );
  if (jsonIndex > 0 && process.argv[jsonIndex + 1]) {
    await writeFile(process.argv[jsonIndex + 1], `${JSON.stringify(result, null, 2)}\n`);
  }
}

if (import.meta.filename === process.argv[1]) await main();
