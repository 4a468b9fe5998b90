import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { FetchError } from '../errors.ts';
import { AddressGuard } from './address-guard.ts';

/** Limits and identity of the fetcher; every value comes from config. */
export interface FetcherOptions {
  allowAddresses?: readonly string[];
  connectTimeoutMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  maxPerHost?: number;
  contactUrl?: string;
}

/** What a conditional GET can send. */
export interface FetchRequest {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** A time (epoch ms) by which the whole fetch must end, when sooner than the usual timeout. */
  deadline?: number;
}

/** A successful (2xx) response, body fully read and decompressed. */
export interface FetchResponse {
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** The one HTTP fetcher for feeds and articles. */
export type Fetcher = (url: string, request?: FetchRequest) => Promise<FetchResponse>;

const VERSION = '0.1.0';

/** Parses Retry-After as seconds (delta or HTTP date). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - now) / 1000));
}

/** Counts concurrent requests per host so one site never sees more than N at once. */
class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  constructor(private readonly max: number) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    while ((this.active.get(host) ?? 0) >= this.max) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    }
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
    try {
      return await task();
    } finally {
      this.active.set(host, (this.active.get(host) ?? 1) - 1);
      this.waiting.get(host)?.shift()?.();
    }
  }
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i;

/**
 * Builds the fetcher: connect and total timeouts, a byte cap applied both on the wire and after
 * decompression (a gzip bomb is cut, not inflated), manual redirects with the address guard on
 * every hop, and a User-Agent that names the project and a contact URL so site owners can reach us.
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const guard = new AddressGuard(options.allowAddresses ?? []);
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? 15 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 10;
  const limiter = new HostLimiter(options.maxPerHost ?? 2);
  const userAgent = `claimwatch/${VERSION} (+${options.contactUrl ?? 'https://github.com/claimwatch/claimwatch'})`;

  /**
   * A timer that, when it fires, first lets the event loop take in the I/O already waiting: a
   * page parsed synchronously elsewhere in the process (Readability) can block the loop past a
   * deadline while this response sat complete in the socket, and timers run before I/O in each
   * turn of the loop. Such a response is delivered, not failed; a truly late one still fails.
   */
  const lenientTimeout = (fire: () => void, ms: number) => setTimeout(() => setImmediate(fire), ms);

  const once = (url: URL, request: FetchRequest, deadline: number) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        guard.assertHost(url.hostname);
        const client = url.protocol === 'https:' ? https : http;
        const headers: Record<string, string> = {
          'user-agent': userAgent,
          accept:
            request.accept ??
            'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
        };
        if (request.etag) headers['if-none-match'] = request.etag;
        if (request.lastModified) headers['if-modified-since'] = request.lastModified;
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
          reject(new FetchError('timeout', `timed out fetching ${url.href}`));
          return;
        }
        let settled = false;
        const fail = (error: FetchError) => {
          if (settled) return;
          settled = true;
          clearTimeout(total);
          req.destroy();
          reject(error);
        };
        const req = client.request(url, {
          method: 'GET',
          headers,
          lookup: guard.lookup,
          agent: false,
        });
        const total = lenientTimeout(
          () =>
            fail(new FetchError('timeout', `timed out after ${timeoutMs} ms fetching ${url.href}`)),
          remaining,
        );
        req.on('socket', (socket) => {
          if (socket.connecting) {
            const connectTimer = lenientTimeout(
              () =>
                fail(
                  new FetchError(
                    'timeout',
                    `could not connect within ${connectTimeoutMs} ms to ${url.host}`,
                  ),
                ),
              connectTimeoutMs,
            );
            socket.once('connect', () => clearTimeout(connectTimer));
            socket.once('close', () => clearTimeout(connectTimer));
          }
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (error instanceof FetchError) return fail(error);
          const code = error.code ?? '';
          const kind = TLS_CODES.test(code) ? 'tls' : 'network';
          fail(
            new FetchError(
              kind,
              `${kind === 'tls' ? 'TLS' : 'network'} error fetching ${url.href}: ${error.message}`,
              { cause: error },
            ),
          );
        });
        req.on('response', (res) => {
          const status = res.statusCode ?? 0;
          if (status >= 300 && status < 400 && status !== 304) {
            // Never read a redirect's body: an endless one would stream on after we return.
            res.destroy();
            settled = true;
            clearTimeout(total);
            resolve({ status, headers: res.headers, body: Buffer.alloc(0) });
            return;
          }
          const declared = Number(res.headers['content-length'] ?? 0);
          const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
          if (declared > maxBytes && !encoding) {
            res.destroy();
            return fail(
              new FetchError(
                'too_large',
                `${url.href} declares ${declared} bytes, over the ${maxBytes}-byte limit`,
              ),
            );
          }
          let wire = 0;
          res.on('data', (chunk: Buffer) => {
            wire += chunk.length;
            if (wire > maxBytes) {
              fail(new FetchError('too_large', `${url.href} sent more than ${maxBytes} bytes`));
            }
          });
          let stream: Readable = res;
          if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip());
          else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate());
          else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              stream.destroy();
              return fail(
                new FetchError(
                  'too_large',
                  `${url.href} decompresses past the ${maxBytes}-byte limit`,
                ),
              );
            }
            chunks.push(chunk);
          });
          stream.on('error', (error) =>
            fail(
              new FetchError('network', `bad response body from ${url.href}: ${error.message}`, {
                cause: error,
              }),
            ),
          );
          stream.on('end', () => {
            if (settled) return;
            settled = true;
            clearTimeout(total);
            resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
          });
          res.on('aborted', () =>
            fail(new FetchError('network', `connection closed early by ${url.host}`)),
          );
        });
        req.end();
      },
    );

  return async (input, request = {}) => {
    let url: URL;
    try {
      url = new URL(input);
    } catch (error) {
      throw new FetchError('network', `not a URL: ${input}`, { cause: error });
    }
    const deadline = Math.min(Date.now() + timeoutMs, request.deadline ?? Number.POSITIVE_INFINITY);
    for (let hop = 0; hop <= maxRedirects; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new FetchError('blocked_address', `refusing a non-HTTP URL: ${url.href}`);
      }
      const current = url;
      const res = await limiter.run(current.host, () => once(current, request, deadline));
      if (res.status === 304) {
        throw new FetchError('not_modified', `${current.href} not modified`, { status: 304 });
      }
      if (res.status >= 300 && res.status < 400) {
        const location = res.headers.location;
        if (!location) {
          throw new FetchError('http_status', `${current.href} redirected without a Location`, {
            status: res.status,
          });
        }
        try {
          url = new URL(location, current);
        } catch (error) {
          // A TypeError here would escape as a crash of the whole poll, not a failed fetch.
          throw new FetchError(
            'http_status',
            `${current.href} redirected to an invalid URL: ${location.slice(0, 200)}`,
            { status: res.status, cause: error },
          );
        }
        continue;
      }
      if (res.status === 429 || res.status === 503) {
        const retryAfterSeconds = parseRetryAfter(res.headers['retry-after'] as string | undefined);
        throw new FetchError('rate_limited', `${current.href} answered ${res.status}`, {
          status: res.status,
          retryAfterSeconds,
        });
      }
      if (res.status < 200 || res.status >= 300) {
        throw new FetchError('http_status', `${current.href} answered HTTP ${res.status}`, {
          status: res.status,
        });
      }
      return { url: current.href, status: res.status, headers: res.headers, body: res.body };
    }
    throw new FetchError('http_status', `more than ${maxRedirects} redirects from ${input}`);
  };
}
