/**
 * A full pipeline cycle on the deployed code: the four Lambda assets built exactly as `cdk synth`
 * builds them, each run from a private temp copy with no node_modules reachable, in its own
 * long-lived child process (one warm execution environment per function), invoked with the
 * events Lambda would send: the schedule tick, then SQS-shaped batches that `LocalRuntime`
 * receives from fauxqs. DynamoDB is dynalite, the feed, its article pages and Slack are local
 * HTTP servers. It proves what test/integration/pipeline.test.ts proves for the source, for the
 * bundles: jsdom and Readability, the AWS SDK, Slack delivery and Powertools all work bundled,
 * within the memory and timeout each function is deployed with.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsolatedAsset, IsolatedInvocation } from '../../infra/bundling/isolated-process.ts';
import { startIsolatedAsset } from '../../infra/bundling/isolated-process.ts';
import {
  buildAllAssets,
  type LambdaFunctionName,
  lambdaFunctionNames,
} from '../../infra/bundling/lambda-assets.ts';
import { functionSettings, powertoolsEnvironment } from '../../infra/claimwatch-stack.ts';
import { LocalRuntime } from '../../local/runtime.ts';
import type { LocalServices } from '../../local/services.ts';
import { startLocalServices } from '../../local/services.ts';
import { parseFeedList } from '../../shared/feeds/feed-list.ts';
import { MetricName } from '../../shared/metrics.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';
import { EXPECTED_FIGURES, serveSampleSite } from '../helpers/sample-site.ts';
import { slackAlerts as receivedAlerts } from '../helpers/slack.ts';

/** One EMF document as Powertools prints it. */
interface Emf {
  _aws: {
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[];
  };
  [key: string]: unknown;
}

describe('a full cycle on the bundled assets, each in an isolated process', () => {
  let workDir: string;
  let services: LocalServices;
  let site: TestServer;
  let slack: TestServer;
  let runtime: LocalRuntime;
  const running = {} as Record<LambdaFunctionName, IsolatedAsset>;
  const invocations: { name: LambdaFunctionName; run: IsolatedInvocation }[] = [];

  /** Invokes a bundled asset as Lambda would; a failed call rejects, failing the whole batch. */
  const invoke = (name: LambdaFunctionName) => async (event: unknown) => {
    const run = await running[name].invoke(event);
    invocations.push({ name, run });
    if (run.error) throw new Error(`${name}: ${run.error}\n${run.output.slice(-2000)}`);
    return run.result;
  };
  const sqsHandler = (name: LambdaFunctionName) => {
    const call = invoke(name);
    return async (event: SQSEvent) => (await call(event)) as SQSBatchResponse;
  };

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'claimwatch-bundle-cycle-'));
    let assets: Awaited<ReturnType<typeof buildAllAssets>>;
    [assets, services, site, slack] = await Promise.all([
      buildAllAssets(path.join(workDir, 'assets'), { feedsFile: 'feeds.json' }),
      startLocalServices(),
      startTestServer(),
      startTestServer(),
    ]);

    slack.route('/hook', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    serveSampleSite(site);

    const feeds = [{ id: 'sample', url: `${site.url}/feed.xml`, title: 'Sample' }];
    const feedsFile = path.join(workDir, 'feeds.json');
    await writeFile(feedsFile, JSON.stringify(feeds));
    const env = {
      ...services.env,
      ...powertoolsEnvironment,
      POWERTOOLS_LOG_LEVEL: 'WARN',
      FETCH_ALLOW_ADDRESSES: '127.0.0.1',
      SLACK_WEBHOOK_URL: `${slack.url}/hook`,
      FEEDS_FILE: feedsFile,
    };
    await Promise.all(
      lambdaFunctionNames.map(async (name) => {
        // the deployed memory (V8 heap limits as Lambda sets them) and timeout
        running[name] = await startIsolatedAsset(assets[name].outDir, {
          name,
          env,
          memoryMb: functionSettings[name].memorySize,
          invokeTimeoutMs: functionSettings[name].timeout.toMilliseconds(),
        });
      }),
    );
    runtime = LocalRuntime.fromEnv(env, parseFeedList(feeds), {
      retryDelaySeconds: () => 0,
      handlers: {
        schedule: invoke('schedule-polls'),
        feeds: sqsHandler('poll-feed'),
        articles: sqsHandler('extract-claims'),
        alerts: sqsHandler('send-alerts'),
      },
    });
  });

  afterAll(async () => {
    const rows = lambdaFunctionNames.map((name) => {
      const runs = invocations.filter((i) => i.name === name).map((i) => i.run);
      return {
        name,
        importMs: Math.round(running[name]?.importMs ?? 0),
        invocations: runs.length,
        maxDurationMs: Math.round(Math.max(0, ...runs.map((r) => r.durationMs))),
        maxRssMiB: Math.max(0, ...runs.map((r) => r.maxRssMiB)),
      };
    });
    console.table(rows);
    await Promise.all(Object.values(running).map((asset) => asset.close()));
    await services?.stop();
    await site?.close();
    await slack?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  const slackPosts = () => slack.requests.filter((r) => r.path === '/hook' && r.method === 'POST');
  const slackAlerts = () => receivedAlerts(slack.requests);

  it('stores the stories and the eleven figures, and delivers each alert to Slack once', async () => {
    const summary = await runtime.runCycle();
    expect(summary).toMatchObject({
      feedsPolled: 1,
      feedsFailed: 0,
      storiesStored: 5,
      newFigures: 11,
      alertsSent: 11,
      alertsPending: 0,
      messagesFailed: 0,
    });
    const { store } = runtime.deps;
    const figures = await store.listFigures();
    expect(figures.map((f) => `${f.metric}|${f.unit}|${f.value}`).sort()).toEqual(EXPECTED_FIGURES);
    const stories = await store.listStories();
    expect(stories).toHaveLength(5);
    for (const story of stories) expect(story.source).toBe('readability');

    const delivered = slackAlerts();
    expect(delivered).toHaveLength(11);
    expect(new Set(delivered).size).toBe(11);
    expect((await store.listAlerts()).every((a) => a.status === 'sent')).toBe(true);

    // every stage really ran in its isolated process, with no handler-level failure
    for (const name of lambdaFunctionNames) {
      expect(invocations.some((i) => i.name === name)).toBe(true);
    }
    expect(invocations.filter((i) => i.run.error)).toEqual([]);
  }, 120_000);

  it('emits the EMF metrics the alarms and dashboard read, under the same dimensions', () => {
    const documents = invocations
      .flatMap((i) => i.run.output.split('\n'))
      .filter((line) => line.startsWith('{"_aws"'))
      .map((line) => JSON.parse(line) as Emf);
    const sum = (metric: string) =>
      documents.reduce((total, doc) => {
        const value = doc[metric];
        return (
          total + (Array.isArray(value) ? value.reduce((a, b) => a + b, 0) : Number(value ?? 0))
        );
      }, 0);
    expect(documents.length).toBeGreaterThan(0);
    for (const doc of documents) {
      const [directive] = doc._aws.CloudWatchMetrics;
      expect(directive.Namespace).toBe(powertoolsEnvironment.POWERTOOLS_METRICS_NAMESPACE);
      expect(directive.Dimensions).toEqual([['service']]);
      expect(doc.service).toBe(powertoolsEnvironment.POWERTOOLS_SERVICE_NAME);
    }
    // only the six custom metrics: anything else a stage counts is in its log line
    const names = new Set(
      documents.flatMap((doc) => doc._aws.CloudWatchMetrics[0].Metrics.map((m) => m.Name)),
    );
    expect([...names].filter((n) => !Object.values(MetricName).includes(n as never))).toEqual([]);
    expect(sum('FeedsPolled')).toBe(1);
    expect(sum('StoriesStored')).toBe(5);
    expect(sum('NewFigures')).toBe(11);
    expect(sum('AlertsSent')).toBe(11);
    expect(sum('AlertsFailed')).toBe(0);
  });

  it('adds nothing and posts nothing on a second cycle over the same feed', async () => {
    const { store } = runtime.deps;
    const feed = (await store.getFeed('sample'))!;
    await store.saveFeedState({ ...feed, nextCheckAt: new Date(0).toISOString() });
    const posts = slackPosts().length;
    const summary = await runtime.runCycle();
    expect(summary).toMatchObject({
      feedsPolled: 1,
      storiesStored: 0,
      newFigures: 0,
      alertsSent: 0,
      messagesFailed: 0,
    });
    expect(slackPosts()).toHaveLength(posts);
    expect(await store.listFigures()).toHaveLength(11);
    expect(await store.listStories()).toHaveLength(5);
  }, 60_000);

  it('stays within every function’s deployed memory', () => {
    for (const name of lambdaFunctionNames) {
      const peak = Math.max(
        ...invocations.filter((i) => i.name === name).map((i) => i.run.maxRssMiB),
      );
      expect(peak, name).toBeLessThan(functionSettings[name].memorySize);
    }
  });
});
