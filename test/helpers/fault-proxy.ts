import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The DynamoDB operations that write. */
export const WRITE_OPERATIONS = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'] as const;
export type WriteOperation = (typeof WRITE_OPERATIONS)[number];

/** A fault the proxy answers instead of forwarding. */
export type FaultKind = 'throttle' | 'server';

/** One write call as the SDK makes it: every attempt carries the same invocation id. */
export interface WriteCall {
  operation: WriteOperation;
  /** The parsed request body (`TableName`, `Key`/`Item`, `UpdateExpression`, ...). */
  input: Record<string, unknown>;
  /** The how-manieth write call this is, from 1. */
  index: number;
}

/**
 * What happens to one write call: how many of its attempts are answered with a fault (the rest
 * are forwarded), and which fault each gets. `Infinity` attempts: every attempt fails, so the
 * SDK's retries run out and the error reaches the caller.
 */
export interface FaultPlan {
  failAttempts: number;
  kind: FaultKind;
}

/** How the proxy chooses its faults. */
export interface FaultProxyOptions {
  /** The DynamoDB endpoint to forward to (dynalite). */
  target: string;
  /** Seed of the pseudo-random choices, so a run is repeatable. */
  seed?: number;
  /** Fraction of write calls that meet faults (default 0: a transparent proxy). */
  rate?: number;
  /** Of the faulted calls, the share answered with throttling rather than HTTP 500 (default 0.5). */
  throttleShare?: number;
  /**
   * Of the faulted calls, the share that fail on every attempt (default 0). These get HTTP 500:
   * the SDK backs a server error off from 25 ms but a throttle from 1 s, and eight throttled
   * attempts take half a minute.
   */
  exhaustShare?: number;
  /** Decides a call's fate before the seeded draw; return undefined to let the draw decide. */
  plan?: (call: WriteCall) => FaultPlan | undefined;
}

/** One retry the proxy saw: the same invocation again after a fault, and how long the SDK waited. */
export interface RetrySeen {
  operation: WriteOperation;
  attempt: number;
  after: FaultKind;
  waitedMs: number;
}

/** What the proxy did, for the test to assert on and print. */
export interface FaultStats {
  requests: number;
  writeCalls: number;
  writeAttempts: number;
  /** Attempts answered with a fault, by kind. */
  injected: Record<FaultKind, number>;
  /** Write calls that met at least one fault. */
  callsFaulted: number;
  /** Faulted calls whose last attempt was forwarded: the SDK's retries absorbed the faults. */
  callsRecovered: number;
  /** Faulted calls whose last attempt was a fault: the error reached the application. */
  callsExhausted: number;
  /** The `max=` of the SDK's `amz-sdk-request` header: its attempts per call. */
  maxAttempts: number;
  retries: RetrySeen[];
}

/** A running fault-injecting proxy in front of DynamoDB. */
export interface FaultProxy {
  url: string;
  /** A snapshot of what the proxy did so far. */
  readonly stats: FaultStats;
  /** Faults are injected only while enabled (default true). */
  enabled: boolean;
  /** Total attempts answered with a fault. */
  faultsInjected(): number;
  close(): Promise<void>;
}

/** mulberry32: a small seeded generator, enough to make fault choices repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAULT_BODY: Record<FaultKind, { status: number; type: string; message: string }> = {
  throttle: {
    status: 400,
    type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message:
      'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
  },
  server: {
    status: 500,
    type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
    message: 'Internal server error (injected)',
  },
};

interface CallState {
  operation: WriteOperation;
  plan: FaultPlan;
  attempts: number;
  faults: number;
  lastFault?: { kind: FaultKind; at: number };
}

/**
 * Starts an HTTP proxy on 127.0.0.1 between the AWS SDK and dynalite. Reads are forwarded;
 * each write call (identified across its retries by the SDK's `amz-sdk-invocation-id` header)
 * gets a plan when its first attempt arrives: forwarded, or answered with throttling
 * (HTTP 400 `ProvisionedThroughputExceededException`) or HTTP 500 (`InternalServerError`) for
 * some or all of its attempts. Plans are drawn from a seeded generator in the order the calls
 * arrive, so a sequential pipeline meets the same faults on every run.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const random = seeded(options.seed ?? 1);
  const rate = options.rate ?? 0;
  const throttleShare = options.throttleShare ?? 0.5;
  const exhaustShare = options.exhaustShare ?? 0;
  const calls = new Map<string, CallState>();
  const counts = {
    requests: 0,
    writeCalls: 0,
    writeAttempts: 0,
    injected: { throttle: 0, server: 0 },
    maxAttempts: 0,
  };
  const retries: RetrySeen[] = [];
  const stats = (): FaultStats => {
    const faulted = [...calls.values()].filter((c) => c.faults > 0);
    const exhausted = faulted.filter((c) => c.lastFault !== undefined).length;
    return {
      ...counts,
      injected: { ...counts.injected },
      callsFaulted: faulted.length,
      callsRecovered: faulted.length - exhausted,
      callsExhausted: exhausted,
      retries: [...retries],
    };
  };

  const draw = (call: WriteCall): FaultPlan => {
    const chosen = options.plan?.(call);
    if (chosen) return chosen;
    // Three draws per call whatever the outcome, so one call's fate never shifts the next's.
    const [faulted, exhausted, kind] = [random(), random(), random()];
    if (faulted >= rate) return { failAttempts: 0, kind: 'server' };
    if (exhausted < exhaustShare) return { failAttempts: Number.POSITIVE_INFINITY, kind: 'server' };
    return {
      failAttempts: kind < 0.25 ? 2 : 1,
      kind: kind < throttleShare ? 'throttle' : 'server',
    };
  };

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      res.writeHead(502);
      res.end(String(error));
    });
    upstream.end(body);
  };

  const proxy: FaultProxy = {
    url: '',
    get stats() {
      return stats();
    },
    enabled: true,
    faultsInjected: () => counts.injected.throttle + counts.injected.server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      counts.requests++;
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] as WriteOperation;
      if (!WRITE_OPERATIONS.includes(operation)) return forward(req, res, body);

      counts.writeAttempts++;
      const attemptHeader = String(req.headers['amz-sdk-request'] ?? '');
      const max = Number(/max=(\d+)/.exec(attemptHeader)?.[1] ?? 0);
      counts.maxAttempts = Math.max(counts.maxAttempts, max);
      const id = String(req.headers['amz-sdk-invocation-id'] ?? `anonymous-${counts.requests}`);
      let call = calls.get(id);
      if (!call) {
        counts.writeCalls++;
        const plan = proxy.enabled
          ? draw({
              operation,
              input: JSON.parse(body.toString('utf8') || '{}'),
              index: counts.writeCalls,
            })
          : { failAttempts: 0, kind: 'server' as const };
        call = { operation, plan, attempts: 0, faults: 0 };
        calls.set(id, call);
      }
      call.attempts++;
      const now = Date.now();
      if (call.lastFault) {
        retries.push({
          operation,
          attempt: call.attempts,
          after: call.lastFault.kind,
          waitedMs: now - call.lastFault.at,
        });
      }
      const faulted = call.faults < call.plan.failAttempts;
      if (!faulted) {
        call.lastFault = undefined;
        return forward(req, res, body);
      }
      call.faults++;
      call.lastFault = { kind: call.plan.kind, at: now };
      counts.injected[call.plan.kind]++;
      const fault = FAULT_BODY[call.plan.kind];
      res.writeHead(fault.status, {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': `fault-${counts.requests}`,
      });
      res.end(JSON.stringify({ __type: fault.type, message: fault.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
