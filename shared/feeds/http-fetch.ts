import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { FetchError, SiteBusyError } from '../errors.ts';
import { AddressGuard } from './address-guard.ts';
import { siteOf } from './identity.ts';

/** Limits and identity of the fetcher; every value comes from config. */
export interface FetcherOptions {
  allowAddresses?: readonly string[];
  connectTimeoutMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  maxPerHost?: number;
  /**
   * How long a site that let a request time out is not asked again (default ten minutes): its
   * further pages fail at once, as timeouts, instead of each holding a slot for the full timeout.
   */
  siteCooldownMs?: number;
  contactUrl?: string;
}

/** What a conditional GET can send. */
export interface FetchRequest {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** A time (epoch ms) by which the whole fetch must end, when sooner than the usual timeout. */
  deadline?: number;
  /**
   * When set, a request that has waited this long in its host's line without the host answering
   * anything meanwhile fails with {@link SiteBusyError} instead of waiting on: the caller can
   * come back later and free its slot for other sites now.
   */
  parkAfterMs?: number;
  /**
   * When set (and shorter than the timeout), a request the site has not finished answering
   * within this long is abandoned with {@link SiteBusyError}: not a failure, and no mark against
   * the site, so a caller that will try again later with the full timeout frees its slot now.
   * Until that host answers anything, further requests with this option step aside at once.
   */
  giveUpAfterMs?: number;
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

/** One request waiting for its host's line to move. */
interface Waiter {
  /** Gives the waiter its turn; false if it has already left the line (pass the turn on). */
  wake: () => boolean;
}

/**
 * Counts concurrent requests per host so one site never sees more than N at once. A waiter may
 * leave the line (see {@link FetchRequest.parkAfterMs}) when the host has answered nothing for
 * that long: a tarpit's line would otherwise hold every waiter's slot for the full timeout.
 */
class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Waiter[]>();
  /** When the host last answered a request (a response, not a timeout or a dropped line). */
  private readonly answered = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** Records that `host` answered, so the requests in its line keep waiting for their turn. */
  heardFrom(host: string): void {
    this.answered.set(host, Date.now());
  }

  async run<T>(host: string, task: () => Promise<T>, parkAfterMs?: number): Promise<T> {
    const since = Date.now();
    while ((this.active.get(host) ?? 0) >= this.max) {
      // `left` and `woken` settle once between them, synchronously, so no turn is ever lost.
      let left = false;
      let turn!: (moved: boolean) => void;
      const woken = new Promise<boolean>((resolve) => {
        turn = resolve;
      });
      const waiter: Waiter = {
        wake: () => {
          if (left) return false;
          left = true;
          turn(true);
          return true;
        },
      };
      const queue = this.waiting.get(host) ?? [];
      queue.push(waiter);
      this.waiting.set(host, queue);
      if (parkAfterMs === undefined) {
        await woken;
        continue;
      }
      const silentSince = () => Math.max(since, this.answered.get(host) ?? 0);
      const timer = setTimeout(
        () => {
          if (left) return;
          // Out of the line: a later turn passes to the next waiter still in it.
          left = true;
          turn(false);
        },
        Math.max(0, silentSince() + parkAfterMs - Date.now()),
      );
      const moved = await woken;
      clearTimeout(timer);
      if (moved) continue;
      if (Date.now() - silentSince() >= parkAfterMs) {
        throw new SiteBusyError(
          `${host} has answered nothing for ${Math.round((Date.now() - silentSince()) / 1000)} s with ${this.active.get(host)} requests open`,
          host,
        );
      }
      // the host answered meanwhile without the line reaching us: wait on
    }
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
    try {
      return await task();
    } finally {
      this.active.set(host, (this.active.get(host) ?? 1) - 1);
      const queue = this.waiting.get(host) ?? [];
      for (let next = queue.shift(); next && !next.wake(); next = queue.shift()) {
        // that one had left the line
      }
      if (queue.length === 0) this.waiting.delete(host);
    }
  }
}

/**
 * The site a URL belongs to, for the breaker: a host name's registrable domain (a tarpit cannot
 * escape by minting subdomains), an IP address with its port (so two local servers, or two
 * services on one address, are told apart).
 */
export function breakerSiteOf(url: URL): string {
  const ipLiteral = /^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('[');
  return ipLiteral ? url.host : siteOf(url.hostname);
}

/**
 * Remembers sites that stopped answering. One timeout opens the site's breaker for the cool-down:
 * until then every request to it fails at once, so a site that tarpits a hundred pages costs one
 * timeout, not a hundred slots held for twenty seconds each, and other feeds' pages go ahead.
 * After the cool-down the next request is let through, and the breaker opens again only if it
 * too times out.
 */
export class SiteBreaker {
  private readonly open = new Map<string, { at: number; until: number; reason: string }>();
  constructor(
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The error a request to `site` fails with now, if its breaker is open. */
  refusal(site: string, url: URL): FetchError | undefined {
    const entry = this.open.get(site);
    if (!entry) return undefined;
    const now = this.now();
    if (now >= entry.until) {
      this.open.delete(site);
      return undefined;
    }
    const ago = Math.round((now - entry.at) / 1000);
    return new FetchError(
      'timeout',
      `not fetching ${url.href}: ${site} did not answer ${ago} s ago (${entry.reason}); asked again after ${new Date(entry.until).toISOString()}`,
    );
  }

  /** Opens `site`'s breaker after a request to it timed out. */
  trip(site: string, reason: string): void {
    const at = this.now();
    this.open.set(site, { at, until: at + this.cooldownMs, reason });
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
  const breaker = new SiteBreaker(options.siteCooldownMs ?? 10 * 60_000);
  /** Timeouts of requests the site had received and held: these open its breaker. */
  const heldBySite = new WeakSet<FetchError>();
  /**
   * Hosts that let a first try go unanswered, and when: further first tries there step aside at
   * once (the second tries, with the full timeout, decide), until the host answers anything.
   */
  const unanswered = new Map<string, number>();
  const unansweredForMs = options.siteCooldownMs ?? 10 * 60_000;
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
        const fail = (error: FetchError | SiteBusyError) => {
          if (settled) return;
          settled = true;
          clearTimeout(total);
          clearTimeout(giveUp);
          req.destroy();
          reject(error);
        };
        const giveUp =
          request.giveUpAfterMs !== undefined && request.giveUpAfterMs < remaining
            ? lenientTimeout(
                () =>
                  fail(
                    new SiteBusyError(
                      `${url.host} had not answered ${url.href} after ${request.giveUpAfterMs} ms`,
                      url.host,
                    ),
                  ),
                request.giveUpAfterMs,
              )
            : undefined;
        const req = client.request(url, {
          method: 'GET',
          headers,
          lookup: guard.lookup,
          agent: false,
        });
        const siteTimeout = (message: string) => {
          const error = new FetchError('timeout', message);
          heldBySite.add(error);
          fail(error);
        };
        const total = lenientTimeout(
          () => siteTimeout(`timed out after ${Math.round(remaining)} ms fetching ${url.href}`),
          remaining,
        );
        req.on('socket', (socket) => {
          if (socket.connecting) {
            const connectTimer = lenientTimeout(
              () => siteTimeout(`could not connect within ${connectTimeoutMs} ms to ${url.host}`),
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
            clearTimeout(giveUp);
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
            clearTimeout(giveUp);
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
    const started = Date.now();
    const deadline = Math.min(started + timeoutMs, request.deadline ?? Number.POSITIVE_INFINITY);
    // A caller's own shorter budget (a poll running out of time) says nothing about the site.
    const siteHadFullTime = deadline === started + timeoutMs;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new FetchError('blocked_address', `refusing a non-HTTP URL: ${url.href}`);
      }
      const current = url;
      const site = breakerSiteOf(current);
      /** Fails at once a request the site's recent silence says not to send (yet). */
      const screen = () => {
        const refused = breaker.refusal(site, current);
        if (refused) throw refused;
        const silentAt = unanswered.get(current.host);
        if (request.giveUpAfterMs !== undefined && silentAt !== undefined) {
          if (Date.now() - silentAt < unansweredForMs) {
            throw new SiteBusyError(
              `${current.host} let a request go unanswered ${Math.round((Date.now() - silentAt) / 1000)} s ago`,
              current.host,
            );
          }
          unanswered.delete(current.host);
        }
      };
      screen();
      const res = await limiter.run(
        current.host,
        async () => {
          // Screened after waiting in line too: the request ahead may just have timed out.
          screen();
          try {
            const answer = await once(current, request, deadline);
            limiter.heardFrom(current.host);
            unanswered.delete(current.host);
            return answer;
          } catch (error) {
            if (error instanceof FetchError && heldBySite.has(error) && siteHadFullTime) {
              breaker.trip(site, error.message);
            }
            if (error instanceof SiteBusyError) unanswered.set(current.host, Date.now());
            throw error;
          }
        },
        request.parkAfterMs,
      );
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
