/**
 * Builds the Lambda assets exactly as `cdk synth` does and runs them the way Lambda would: the
 * asset directory alone, copied outside the repo, imported by a child `node` with no
 * node_modules reachable. A bundle that cannot load (jsdom's stylesheet, its sync-XHR worker,
 * css-tree's data, a dependency left external) fails here rather than at the first cold start.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildLambda,
  esbuildOptions,
  handlerFile,
  type LambdaBuildResult,
  projectRoot,
} from '../../infra/bundling/build-lambda.ts';
import { xhrSyncWorkerFile } from '../../infra/bundling/esbuild-plugins.ts';
import { runAssetInIsolation } from '../../infra/bundling/isolated-run.ts';
import {
  buildAllAssets,
  bundledFeedsFile,
  type LambdaFunctionName,
  lambdaBuildSpec,
  lambdaFunctionNames,
} from '../../infra/bundling/lambda-assets.ts';

const probeEntry = 'test/fixtures/bundle-probe/handler.ts';
const feedsFile = 'feeds.json';

/** What every function's config needs (shared/config.ts); nothing is contacted. */
const functionEnv = {
  TABLE_NAME: 'claimwatch-isolated',
  FEEDS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/feeds',
  ARTICLES_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/articles',
  ALERTS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/alerts',
};

const kib = (bytes: number) => Math.round(bytes / 1024);

let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'claimwatch-bundles-'));
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('extract-claims bundling over a jsdom + Readability + AWS SDK probe', () => {
  let probe: LambdaBuildResult;
  let server: Server;

  beforeAll(async () => {
    probe = await buildLambda(
      lambdaBuildSpec('extract-claims', { feedsFile, entries: { 'extract-claims': probeEntry } }),
      path.join(outDir, 'probe'),
    );
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
      res.end('pong');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

  it('loads with no node_modules and runs Readability over jsdom', async () => {
    const run = await runAssetInIsolation(probe.outDir, { event: {} });
    expect(run.error, run.stderr).toBeUndefined();
    expect(run.result).toMatchObject({
      title: 'Probe',
      readerable: true,
      // getComputedStyle needs jsdom's default stylesheet and css-tree's data, both inlined.
      display: 'block',
      // keepNames: SDK and DOM code that reads constructor names still sees them.
      queueCommand: 'SendMessageCommand',
      clients: ['SQSClient', 'DynamoDBDocumentClient'],
      batchItemFailures: [],
    });
    expect((run.result as { textLength: number }).textLength).toBeGreaterThan(500);
    console.info(
      `probe: cold import ${run.importMs.toFixed(0)} ms, first parse ${run.handlerMs?.toFixed(0)} ms`,
    );
  });

  it('serves synchronous XMLHttpRequest through the bundled worker', async () => {
    const { port } = server.address() as AddressInfo;
    const run = await runAssetInIsolation(probe.outDir, {
      event: { syncXhrUrl: `http://127.0.0.1:${port}/ping` },
    });
    expect(run.error, run.stderr).toBeUndefined();
    expect((run.result as { syncXhr?: string }).syncXhr).toBe('200 pong');
  });

  it('ships no source maps, yet an error names the function that threw it', async () => {
    expect(probe.files.filter((f) => f.file.endsWith('.map'))).toEqual([]);
    const index = await readFile(path.join(probe.outDir, handlerFile), 'utf8');
    expect(index).not.toMatch(/sourceMappingURL/);
    const run = await runAssetInIsolation(probe.outDir, { event: { fail: 'on purpose' } });
    expect(run.error).toMatch(/probe asked to fail: on purpose/);
    expect(run.error).toMatch(/at rejectProbeEvent \(/);
    expect(run.error).toMatch(/at (Module\.)?handler \(/);
  });

  it('is byte-identical wherever it is built, so the CDK asset hash is stable', async () => {
    const again = await buildLambda(
      lambdaBuildSpec('extract-claims', { feedsFile, entries: { 'extract-claims': probeEntry } }),
      path.join(outDir, 'elsewhere', 'deeper', 'probe'),
    );
    expect(again.files).toEqual(probe.files);
    for (const { file } of probe.files) {
      const [a, b] = await Promise.all([
        readFile(path.join(probe.outDir, file)),
        readFile(path.join(again.outDir, file)),
      ]);
      expect(a.equals(b), file).toBe(true);
    }
  });

  it('is not vacuous: the same probe bundled without the jsdom fixes fails in isolation', async () => {
    const naiveDir = path.join(outDir, 'naive');
    const options = esbuildOptions(
      lambdaBuildSpec('extract-claims', { feedsFile, entries: { 'extract-claims': probeEntry } }),
      naiveDir,
    );
    await build({ ...options, plugins: [], write: true, metafile: false });
    const run = await runAssetInIsolation(naiveDir, { event: {} });
    expect(run.error).toMatch(/default-stylesheet\.css|Cannot find module|ENOENT/);
  });
});

describe('bundler guard', () => {
  it('refuses code that reads files beside itself at run time', async () => {
    const spec = { name: 'guarded', entry: 'test/fixtures/bundle-probe/reads-beside-itself.ts' };
    await expect(buildLambda(spec, path.join(outDir, 'guarded'))).rejects.toThrow(
      /reads-beside-itself\.ts: a file read relative to __dirname/,
    );
  });
});

describe('the four real assets, built as synth builds them', () => {
  let assets: Record<LambdaFunctionName, LambdaBuildResult>;
  const report: Record<string, { codeKiB: number; totalKiB: number; importMs: number }> = {};

  beforeAll(async () => {
    assets = await buildAllAssets(path.join(outDir, 'real'), { feedsFile });
  });

  afterAll(() => {
    if (Object.keys(report).length > 0) console.table(report);
  });

  it.each(lambdaFunctionNames)('%s imports and handles an event in isolation', async (name) => {
    const asset = assets[name];
    const isSqsConsumer = name !== 'schedule-polls';
    const run = await runAssetInIsolation(asset.outDir, {
      env: functionEnv,
      // schedule-polls' first call syncs the feed list to DynamoDB, so only its import runs here.
      event: isSqsConsumer ? { Records: [] } : undefined,
      startXhrWorker: name === 'extract-claims',
    });
    expect(run.error, run.stderr).toBeUndefined();
    if (isSqsConsumer) expect(run.result).toEqual({ batchItemFailures: [] });
    if (name === 'extract-claims') expect(run.xhrWorkerOnline).toBe(true);
    report[name] = {
      codeKiB: kib(asset.codeBytes),
      totalKiB: kib(asset.totalBytes),
      importMs: Math.round(run.importMs),
    };
  });

  it('only extract-claims carries jsdom, Readability and the worker; only schedule-polls the feed list', async () => {
    for (const name of lambdaFunctionNames) {
      const files = assets[name].files.map((f) => f.file);
      expect(files.includes(xhrSyncWorkerFile)).toBe(name === 'extract-claims');
      // A feed that answers 304 must never load jsdom: the poller's asset does not contain it.
      const code = (
        await Promise.all(
          files
            .filter((f) => f.endsWith('.mjs'))
            .map((f) => readFile(path.join(assets[name].outDir, f), 'utf8')),
        )
      ).join('\n');
      // (esbuild names each bundled CommonJS module by its path, minified or not.)
      expect(code.includes('node_modules/jsdom/lib/api.js'), name).toBe(name === 'extract-claims');
      expect(code.includes('node_modules/@mozilla/readability/'), name).toBe(
        name === 'extract-claims',
      );
      expect(files.includes(bundledFeedsFile)).toBe(name === 'schedule-polls');
    }
    const copied = readFileSync(
      path.join(assets['schedule-polls'].outDir, bundledFeedsFile),
      'utf8',
    );
    expect(copied).toBe(readFileSync(path.join(projectRoot, feedsFile), 'utf8'));
  });
});
