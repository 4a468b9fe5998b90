import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { handlerFile } from './build-lambda.ts';
import { xhrSyncWorkerFile } from './esbuild-plugins.ts';

/** How to run an asset in {@link runAssetInIsolation}. */
export interface IsolatedRunOptions {
  /** Invoke `handler(event, context)` after the import; omit to only import. */
  readonly event?: unknown;
  /** Extra environment for the child (the function's configuration). */
  readonly env?: Readonly<Record<string, string>>;
  /** Also start the bundled jsdom sync-XHR worker and wait until it is running. */
  readonly startXhrWorker?: boolean;
  readonly timeoutMs?: number;
}

/** What the child reported. */
export interface IsolatedRunResult {
  /** Milliseconds `await import(index.mjs)` took in a fresh process: the cold import time. */
  readonly importMs: number;
  readonly handlerMs?: number;
  /** The handler's resolved value, JSON round-tripped. */
  readonly result?: unknown;
  /** The handler's or the import's error stack, when it threw. */
  readonly error?: string;
  /** Set when the worker started and stayed up; otherwise `error` says why. */
  readonly xhrWorkerOnline?: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs in the child: imports the asset, times it, calls the handler, writes the outcome. */
const runnerSource = `
import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
const [entryUrl, outFile, eventJson, startWorker, workerUrl] = process.argv.slice(2);
const out = {};
const finish = () => { writeFileSync(outFile, JSON.stringify(out)); process.exit(0); };
const started = performance.now();
let mod;
try {
  mod = await import(entryUrl);
  out.importMs = performance.now() - started;
} catch (error) {
  out.importMs = performance.now() - started;
  out.error = 'import failed: ' + (error?.stack ?? String(error));
  finish();
}
if (startWorker === '1') {
  try {
    out.xhrWorkerOnline = await new Promise((resolve, reject) => {
      const worker = new Worker(new URL(workerUrl));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error('worker exited with ' + code)));
      // Online means its module graph (jsdom) loaded; give its startup JSDOM a moment too.
      worker.once('online', () => setTimeout(() => { worker.terminate(); resolve(true); }, 500));
    });
  } catch (error) {
    out.error = 'xhr worker failed: ' + (error?.stack ?? String(error));
    finish();
  }
}
if (eventJson !== '') {
  const context = {
    functionName: 'isolated', awsRequestId: 'isolated-request', invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:isolated',
    memoryLimitInMB: '1024', getRemainingTimeInMillis: () => 60_000,
  };
  const t = performance.now();
  try {
    out.result = await mod.handler(JSON.parse(eventJson), context);
  } catch (error) {
    out.error = 'handler failed: ' + (error?.stack ?? String(error));
  }
  out.handlerMs = performance.now() - t;
}
finish();
`;

/** Directories from `dir` up to the root that hold a `node_modules` the asset could resolve. */
export function reachableNodeModules(dir: string): string[] {
  const found: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, 'node_modules');
    if (existsSync(candidate)) found.push(candidate);
    const parent = path.dirname(current);
    if (parent === current) return found;
    current = parent;
  }
}

/** A private copy of an asset, as {@link isolateAsset} made it. */
export interface IsolatedTask {
  /** Temp directory holding the task root and any runner files; delete it when done. */
  readonly root: string;
  /** The copied asset: what Lambda would unpack to `/var/task`. */
  readonly taskRoot: string;
}

/**
 * Copies a built asset, alone, to a fresh directory under the OS temp dir (outside the repo) and
 * proves that no `node_modules` is reachable from it, so whatever runs there can only use what
 * the asset ships. Shared by {@link runAssetInIsolation} and the long-lived runner in
 * `isolated-process.ts`; the caller removes `root`.
 */
export async function isolateAsset(assetDir: string): Promise<IsolatedTask> {
  const root = await mkdtemp(path.join(tmpdir(), 'claimwatch-isolated-'));
  const taskRoot = path.join(root, 'task');
  try {
    await cp(assetDir, taskRoot, { recursive: true });
    const modules = reachableNodeModules(taskRoot);
    if (modules.length > 0) {
      throw new Error(
        `cannot isolate the asset: ${modules.join(', ')} would be reachable from ${taskRoot}`,
      );
    }
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return { root, taskRoot };
}

/**
 * The environment an isolated child gets: what Lambda's Node.js runtime sets (region, task root,
 * function name, dummy credentials), nothing
 * inherited from this process but `PATH`, then `extra` (the function's configuration).
 */
export function lambdaLikeEnv(
  taskRoot: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    TZ: 'UTC',
    LANG: 'en_US.UTF-8',
    LAMBDA_TASK_ROOT: taskRoot,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'isolated',
    AWS_SECRET_ACCESS_KEY: 'isolated',
    AWS_LAMBDA_FUNCTION_NAME: 'isolated',
    ...extra,
  };
}

/**
 * Copies a built asset, alone, to a fresh directory under the OS temp dir (outside the repo),
 * imports its `index.mjs` in a child `node` and optionally invokes the handler. This is as
 * close to Lambda as a laptop gets: only the asset's files, no `node_modules` reachable (checked
 * before running), no `NODE_PATH`, and the environment reduced to what Lambda would set (no
 * `NODE_OPTIONS`, as the functions have none). Cleans up after itself.
 */
export async function runAssetInIsolation(
  assetDir: string,
  options: IsolatedRunOptions = {},
): Promise<IsolatedRunResult> {
  const { root, taskRoot } = await isolateAsset(assetDir);
  try {
    const runner = path.join(root, 'runner.mjs');
    const outFile = path.join(root, 'result.json');
    await writeFile(runner, runnerSource);
    const args = [
      runner,
      pathToFileURL(path.join(taskRoot, handlerFile)).href,
      outFile,
      options.event === undefined ? '' : JSON.stringify(options.event),
      options.startXhrWorker ? '1' : '0',
      pathToFileURL(path.join(taskRoot, xhrSyncWorkerFile)).href,
    ];
    const env = lambdaLikeEnv(taskRoot, options.env);
    const { stdout, stderr, code } = await new Promise<{
      stdout: string;
      stderr: string;
      code: number | null;
    }>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd: taskRoot,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
      });
      child.stderr.on('data', (chunk) => {
        err += chunk;
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
      child.on('error', reject);
      child.on('close', (exitCode) => {
        clearTimeout(timer);
        resolve({ stdout: out, stderr: err, code: exitCode });
      });
    });
    if (!existsSync(outFile)) {
      throw new Error(`isolated run of ${assetDir} exited ${code} without a result:\n${stderr}`);
    }
    const outcome = JSON.parse(await readFile(outFile, 'utf8')) as Omit<
      IsolatedRunResult,
      'stdout' | 'stderr'
    >;
    return { ...outcome, stdout, stderr };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
