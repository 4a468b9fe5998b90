import { type ChildProcess, fork } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { handlerFile } from './build-lambda.ts';
import { isolateAsset, lambdaLikeEnv } from './isolated-run.ts';

/** How to start a long-lived isolated asset with {@link startIsolatedAsset}. */
export interface IsolatedAssetOptions {
  /** Used in messages and as `AWS_LAMBDA_FUNCTION_NAME`. */
  readonly name: string;
  /** The function's configuration (what the stack sets), on top of Lambda's own variables. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * The function's memory setting: `context.memoryLimitInMB`, `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`
   * and, as Lambda's Node.js bootstrap derives them from it, V8's heap limits (see
   * {@link lambdaHeapFlags}), so garbage collection works under the same ceiling as deployed.
   * Nothing caps the process's total memory: compare `maxRssMiB` with this yourself.
   */
  readonly memoryMb?: number;
  /** Longest the import may take before the start fails; default 60 s. */
  readonly importTimeoutMs?: number;
  /**
   * Longest one invocation may take; past it the process is killed, as Lambda ends a timed-out
   * environment, and every later `invoke` fails. Default 5 minutes.
   */
  readonly invokeTimeoutMs?: number;
}

/** One handler call as the child measured it. */
export interface IsolatedInvocation {
  /** The handler's resolved value, JSON round-tripped. */
  readonly result?: unknown;
  /** The handler's error stack when it threw or rejected. */
  readonly error?: string;
  /** Wall-clock time of the handler call: what Lambda bills as duration. */
  readonly durationMs: number;
  /** CPU time (user + system) the process used during the call. */
  readonly cpuMs: number;
  /** Peak resident set of the process so far (getrusage maxrss): Lambda's "Max Memory Used". */
  readonly maxRssMiB: number;
  /** Resident set right after the call. */
  readonly rssMiB: number;
  /** What the handler wrote to stdout and stderr during the call (logs, EMF metrics). */
  readonly output: string;
  /** Bytes of `output`: what CloudWatch Logs would ingest, before Lambda's own lines. */
  readonly outputBytes: number;
}

/** A running isolated asset: one process, like one warm Lambda execution environment. */
export interface IsolatedAsset {
  readonly name: string;
  /** Milliseconds `await import(index.mjs)` took in the fresh process (the cold-start import). */
  readonly importMs: number;
  /** Peak resident set after the import, before any invocation. */
  readonly importMaxRssMiB: number;
  /** Calls `handler(event, context)` in the child; resolves with the outcome, even an error. */
  invoke(event: unknown): Promise<IsolatedInvocation>;
  /** Like {@link invoke} but rejects when the handler failed, as Lambda reports a failed call. */
  invokeOrThrow(event: unknown): Promise<unknown>;
  /** Ends the process and removes its private copy of the asset. */
  close(): Promise<void>;
}

/**
 * V8 flags the Lambda Node.js runtime's bootstrap sets from the function's memory: new space a
 * tenth of it (semi-space half of that), old space the remaining nine tenths. Without them a
 * local process grows its heap lazily up to the machine's limits and its peak RSS overstates
 * what the function needs; with them GC runs under the deployed ceiling.
 */
export function lambdaHeapFlags(memoryMb: number): string[] {
  const newSpace = Math.floor(memoryMb / 10);
  return [
    `--max-semi-space-size=${Math.floor(newSpace / 2)}`,
    `--max-old-space-size=${memoryMb - newSpace}`,
  ];
}

type ChildMessage =
  | { type: 'ready'; importMs: number; maxRssMiB: number; error?: string; output: string }
  | ({ type: 'result'; id: number } & IsolatedInvocation);

/**
 * Runs in the child. It counts and keeps what the handler writes instead of passing it through
 * (Powertools logs and EMF metrics would otherwise flood the parent), answers one `invoke`
 * message at a time, and exits when the parent goes away.
 */
const runnerSource = `
const [entryUrl, functionName, memoryMb] = process.argv.slice(2);
const mib = (kib) => Math.round((kib / 1024) * 10) / 10;
let captured = [];
for (const stream of [process.stdout, process.stderr]) {
  stream.write = (chunk, encoding, callback) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(done);
    return true;
  };
}
const take = () => { const text = captured.join(''); captured = []; return text; };
process.on('disconnect', () => process.exit(0));
const started = performance.now();
let mod;
try {
  mod = await import(entryUrl);
  if (typeof mod.handler !== 'function') throw new Error('index.mjs exports no handler');
} catch (error) {
  process.send({ type: 'ready', importMs: performance.now() - started, maxRssMiB: mib(process.resourceUsage().maxRSS), error: 'import failed: ' + (error?.stack ?? String(error)), output: take() });
  process.exit(1);
}
process.send({ type: 'ready', importMs: performance.now() - started, maxRssMiB: mib(process.resourceUsage().maxRSS), output: take() });
let queue = Promise.resolve();
process.on('message', (message) => {
  if (message?.type !== 'invoke') return;
  queue = queue.then(async () => {
    take();
    const deadline = Date.now() + message.timeoutMs;
    const context = {
      functionName, functionVersion: '$LATEST', memoryLimitInMB: memoryMb,
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:' + functionName,
      awsRequestId: 'isolated-' + message.id, logGroupName: '/aws/lambda/' + functionName,
      logStreamName: 'isolated', callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    const out = { type: 'result', id: message.id };
    const cpu = process.cpuUsage();
    const t = performance.now();
    try {
      out.result = await mod.handler(message.event, context);
    } catch (error) {
      out.error = error?.stack ?? String(error);
    }
    out.durationMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    out.cpuMs = (used.user + used.system) / 1000;
    out.maxRssMiB = mib(process.resourceUsage().maxRSS);
    out.rssMiB = Math.round((process.memoryUsage.rss() / 1048576) * 10) / 10;
    out.output = take();
    out.outputBytes = Buffer.byteLength(out.output);
    process.send(out);
  });
});
`;

const tail = (text: string, max = 4000) => (text.length > max ? `…${text.slice(-max)}` : text);

/**
 * Starts one built asset in a long-lived child process, the way a warm Lambda execution
 * environment runs it: imported once from a private temp copy with no `node_modules` reachable
 * (see `isolateAsset`), a Lambda-like environment and nothing inherited from this process, then
 * invoked once per event over IPC, one invocation at a time.
 *
 * Why a long-lived process: a full pipeline cycle invokes each function many times; paying a
 * process start and a cold import per batch would make the bundle tests slow for no added proof.
 * It also measures what a warm environment accumulates, which is what sizes a function: each
 * invocation reports the process's peak RSS (Lambda's "Max Memory Used"), CPU and wall time.
 */
export async function startIsolatedAsset(
  assetDir: string,
  options: IsolatedAssetOptions,
): Promise<IsolatedAsset> {
  const { root, taskRoot } = await isolateAsset(assetDir);
  const runner = path.join(root, 'runner.mjs');
  await writeFile(runner, runnerSource);
  const memoryMb = String(options.memoryMb ?? 1024);
  const heapFlags = options.memoryMb ? lambdaHeapFlags(options.memoryMb) : [];
  const child: ChildProcess = fork(
    runner,
    [pathToFileURL(path.join(taskRoot, handlerFile)).href, options.name, memoryMb],
    {
      cwd: taskRoot,
      env: lambdaLikeEnv(taskRoot, {
        AWS_LAMBDA_FUNCTION_NAME: options.name,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: memoryMb,
        ...options.env,
      }),
      // Never the parent's loaders (vitest, tsx): the asset must run on plain node.
      execArgv: heapFlags,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    },
  );
  let stderr = '';
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = tail(stderr + chunk.toString('utf8'));
  });

  const pending = new Map<
    number,
    { resolve: (r: IsolatedInvocation) => void; reject: (e: Error) => void }
  >();
  let dead: Error | undefined;
  const fail = (error: Error) => {
    dead ??= error;
    for (const waiter of pending.values()) waiter.reject(dead);
    pending.clear();
  };
  child.on('exit', (code, signal) => {
    fail(new Error(`${options.name}: isolated process exited (${code ?? signal})\n${stderr}`));
  });
  child.on('error', (error) => fail(error));

  let readyMessage: Extract<ChildMessage, { type: 'ready' }>;
  try {
    readyMessage = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(`${options.name}: import took over ${options.importTimeoutMs ?? 60_000} ms`),
        );
      }, options.importTimeoutMs ?? 60_000);
      child.once('message', (message: ChildMessage) => {
        clearTimeout(timer);
        if (message.type !== 'ready')
          reject(new Error(`${options.name}: unexpected ${message.type}`));
        else if (message.error) reject(new Error(`${options.name}: ${message.error}\n${stderr}`));
        else resolve(message);
      });
      child.once('exit', () => {
        clearTimeout(timer);
        reject(dead);
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await rm(root, { recursive: true, force: true });
    throw error;
  }

  child.on('message', (message: ChildMessage) => {
    if (message.type !== 'result') return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    const { type: _type, id: _id, ...invocation } = message;
    waiter?.resolve(invocation);
  });

  let nextId = 0;
  const invokeTimeoutMs = options.invokeTimeoutMs ?? 5 * 60_000;
  const invoke = (event: unknown): Promise<IsolatedInvocation> => {
    if (dead) return Promise.reject(dead);
    const id = ++nextId;
    return new Promise<IsolatedInvocation>((resolve, reject) => {
      const timer = setTimeout(() => {
        fail(new Error(`${options.name}: invocation ${id} timed out after ${invokeTimeoutMs} ms`));
        child.kill('SIGKILL');
      }, invokeTimeoutMs);
      pending.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      child.send({ type: 'invoke', id, event, timeoutMs: invokeTimeoutMs });
    });
  };

  return {
    name: options.name,
    importMs: readyMessage.importMs,
    importMaxRssMiB: readyMessage.maxRssMiB,
    invoke,
    async invokeOrThrow(event) {
      const run = await invoke(event);
      if (run.error) throw new Error(`${options.name} failed: ${run.error}\n${tail(run.output)}`);
      return run.result;
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.disconnect();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}
