import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, SiteBusyError } from '../../shared/errors.ts';
import { AddressGuard } from '../../shared/feeds/address-guard.ts';
import { breakerSiteOf, createFetcher, SiteBreaker } from '../../shared/feeds/http-fetch.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

describe('address guard', () => {
  const guard = new AddressGuard();
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    // 6to4 and Teredo addresses that carry the metadata service or a private address
    '2002:a9fe:a9fe::1',
    '2002:0a00:0001::1',
    '2002:7f00:1::',
    '2001:0:4136:e378:8000:63bf:5601:56fe',
    '2001:0:a9fe:a9fe::1',
  ])('refuses %s', (address) => {
    expect(guard.permits(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '2002:0808:0808::1'])(
    'permits public %s',
    (address) => {
      expect(guard.permits(address)).toBe(true);
    },
  );

  it('permits exactly what the local configuration allows', () => {
    const local = new AddressGuard(['127.0.0.1']);
    expect(local.permits('127.0.0.1')).toBe(true);
    expect(local.permits('127.0.0.2')).toBe(false);
    expect(local.permits('169.254.169.254')).toBe(false);
  });
});

describe('fetcher', () => {
  let server: TestServer;
  const redirectBodyClosed = (() => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  })();
  beforeAll(async () => {
    server = await startTestServer();
    server.route('/ok', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', etag: '"v1"' });
      res.end('hello');
    });
    server.route('/conditional', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { etag: '"v1"' });
      res.end('body');
    });
    server.route('/gzip', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipSync('compressed body'));
    });
    server.route('/bomb', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(50 * 1024 * 1024)));
    });
    server.route('/big', (_req, res) => {
      res.writeHead(200);
      res.end(Buffer.alloc(2 * 1024 * 1024));
    });
    server.route('/slow', () => {
      // never answers
    });
    server.route('/loop', (_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    });
    server.route('/to-metadata', (_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    server.route('/to-decimal-loopback', (_req, res) => {
      // 127.0.0.2 in decimal: not the one loopback address the configuration allows
      res.writeHead(301, { location: 'http://2130706434:1/' });
      res.end();
    });
    server.route('/redirect', (_req, res) => {
      res.writeHead(301, { location: '/ok' });
      res.end();
    });
    server.route('/endless-redirect', (_req, res) => {
      // A redirect whose body never ends: the fetcher must hang up, not drain it.
      res.writeHead(302, { location: '/ok', 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {}
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => redirectBodyClosed.resolve());
      pump();
    });
    server.route('/limited', (_req, res) => {
      res.writeHead(429, { 'retry-after': '120' });
      res.end();
    });
    server.route('/gone', (_req, res) => {
      res.writeHead(410);
      res.end();
    });
  });
  afterAll(() => server.close());

  const fetcher = createFetcher({
    allowAddresses: ['127.0.0.1'],
    maxBytes: 1024 * 1024,
    timeoutMs: 1500,
  });

  it('fetches a page, names itself in the User-Agent and returns validators', async () => {
    const res = await fetcher(`${server.url}/ok`);
    expect(res.body.toString()).toBe('hello');
    expect(res.headers.etag).toBe('"v1"');
    const sent = server.requests.find((r) => r.path === '/ok')!;
    expect(sent.headers['user-agent']).toMatch(/^claimwatch\/\S+ \(\+https?:\/\//);
    expect(sent.headers['accept-encoding']).toContain('gzip');
  });

  it('sends If-None-Match and reports 304 as not_modified', async () => {
    const error = await failure(fetcher(`${server.url}/conditional`, { etag: '"v1"' }));
    expect(error.kind).toBe('not_modified');
  });

  it('decompresses gzip', async () => {
    expect((await fetcher(`${server.url}/gzip`)).body.toString()).toBe('compressed body');
  });

  it('cuts a gzip bomb instead of inflating it', async () => {
    expect((await failure(fetcher(`${server.url}/bomb`))).kind).toBe('too_large');
  });

  it('cuts a body over the byte limit', async () => {
    expect((await failure(fetcher(`${server.url}/big`))).kind).toBe('too_large');
  });

  it('times out on a server that never answers, then stops asking that site for a while', async () => {
    // A fetcher of its own: the timeout opens the breaker for this whole server.
    const own = createFetcher({ allowAddresses: ['127.0.0.1'], timeoutMs: 500 });
    expect((await failure(own(`${server.url}/slow`))).kind).toBe('timeout');
    const before = server.requests.length;
    // Another page of the same site fails at once, as a timeout that says why, and never
    // reaches the server.
    const refused = await failure(own(`${server.url}/ok`));
    expect(refused.kind).toBe('timeout');
    expect(refused.message).toMatch(/did not answer \d+ s ago/);
    expect(server.requests.length).toBe(before);
    // A fetcher that has not seen the timeout still reads it.
    expect((await fetcher(`${server.url}/ok`)).body.toString()).toBe('hello');
  });

  it('hangs up on a redirect instead of reading its body', async () => {
    expect((await fetcher(`${server.url}/endless-redirect`)).url).toBe(`${server.url}/ok`);
    // The server sees its response closed by the client: nothing keeps streaming.
    await redirectBodyClosed.promise;
  });

  it('follows redirects, and stops a redirect loop', async () => {
    expect((await fetcher(`${server.url}/redirect`)).url).toBe(`${server.url}/ok`);
    const error = await failure(fetcher(`${server.url}/loop`));
    expect(error.kind).toBe('http_status');
    expect(error.message).toMatch(/redirects/);
  });

  it('refuses a redirect to the metadata service, or to loopback written in decimal', async () => {
    expect((await failure(fetcher(`${server.url}/to-metadata`))).kind).toBe('blocked_address');
    expect((await failure(fetcher(`${server.url}/to-decimal-loopback`))).kind).toBe(
      'blocked_address',
    );
  });

  it('refuses loopback when the configuration does not allow it, literal or resolved', async () => {
    const strict = createFetcher();
    expect((await failure(strict(`${server.url}/ok`))).kind).toBe('blocked_address');
    const port = new URL(server.url).port;
    expect((await failure(strict(`http://localhost:${port}/ok`))).kind).toBe('blocked_address');
    expect((await failure(strict(`http://[::ffff:127.0.0.1]:${port}/ok`))).kind).toBe(
      'blocked_address',
    );
    expect((await failure(strict(`http://0x7f000001:${port}/ok`))).kind).toBe('blocked_address');
  });

  it('reports 429 as rate_limited with Retry-After, other statuses as http_status', async () => {
    const limited = await failure(fetcher(`${server.url}/limited`));
    expect(limited.kind).toBe('rate_limited');
    expect(limited.retryAfterSeconds).toBe(120);
    const gone = await failure(fetcher(`${server.url}/gone`));
    expect(gone.kind).toBe('http_status');
    expect(gone.status).toBe(410);
  });

  it('keeps at most N requests in flight per host', async () => {
    let active = 0;
    let peak = 0;
    server.route('/concurrent', (_req, res) => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        res.writeHead(200);
        res.end('ok');
      }, 50);
    });
    const limited = createFetcher({ allowAddresses: ['127.0.0.1'], maxPerHost: 2 });
    const bodies = await Promise.all(
      Array.from({ length: 6 }, () => limited(`${server.url}/concurrent`)),
    );
    expect(bodies.map((b) => b.body.toString())).toEqual(Array(6).fill('ok'));
    expect(peak).toBe(2);
  });

  it('refuses non-HTTP schemes', async () => {
    expect((await failure(fetcher('file:///etc/passwd'))).kind).toBe('blocked_address');
  });
});

describe('site breaker', () => {
  it('groups a name by its registrable domain and an address by address and port', () => {
    const site = (u: string) => breakerSiteOf(new URL(u));
    // subdomains minted by a tarpit are one site
    expect(site('https://a1.tarpit.example/x')).toBe(site('https://b2.tarpit.example/y'));
    expect(site('https://news.outlet.co.uk/a')).toBe('outlet.co.uk');
    expect(site('http://127.0.0.1:8080/a')).toBe('127.0.0.1:8080');
    expect(site('http://127.0.0.1:8081/a')).not.toBe(site('http://127.0.0.1:8080/a'));
    expect(site('http://[::1]:9000/a')).toBe('[::1]:9000');
  });

  it('refuses a site until its cool-down ends, then lets the next request through', () => {
    let now = 1_000_000;
    const breaker = new SiteBreaker(60_000, () => now);
    const url = new URL('https://slow.example/page');
    expect(breaker.refusal('slow.example', url)).toBeUndefined();
    breaker.trip('slow.example', 'timed out after 20000 ms');
    now += 5_000;
    const refused = breaker.refusal('slow.example', url);
    expect(refused).toBeInstanceOf(FetchError);
    expect(refused?.kind).toBe('timeout');
    expect(refused?.message).toContain('did not answer 5 s ago (timed out after 20000 ms)');
    expect(breaker.refusal('other.example', new URL('https://other.example/'))).toBeUndefined();
    now += 55_000;
    expect(breaker.refusal('slow.example', url)).toBeUndefined();
  });
});

describe('waiting behind a site', () => {
  let tarpit: TestServer;
  let steady: TestServer;
  const held: import('node:http').ServerResponse[] = [];
  beforeAll(async () => {
    tarpit = await startTestServer();
    tarpit.route('/page', (_req, res) => {
      held.push(res);
    });
    steady = await startTestServer();
    steady.route('/page', (_req, res) => {
      // answers each request a moment later, one after another
      setImmediate(() => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('fine');
      });
    });
  });
  afterAll(async () => {
    for (const res of held) res.destroy();
    await Promise.all([tarpit.close(), steady.close()]);
  });

  it('steps out of the line of a site that answers nothing, without asking it', async () => {
    const fetcher = createFetcher({ allowAddresses: ['127.0.0.1'], maxPerHost: 1 });
    const first = fetcher(`${tarpit.url}/page?n=1`).catch((e: unknown) => e);
    const second = await fetcher(`${tarpit.url}/page?n=2`, { parkAfterMs: 50 }).catch(
      (e: unknown) => e,
    );
    expect(second).toBeInstanceOf(SiteBusyError);
    expect((second as SiteBusyError).site).toBe(new URL(tarpit.url).host);
    expect(tarpit.requests.map((r) => r.path)).toEqual(['/page?n=1']);
    for (const res of held.splice(0)) res.destroy();
    await first;
  });

  it('abandons a first try the site has not answered, and sends the full try later', async () => {
    const fetcher = createFetcher({ allowAddresses: ['127.0.0.1'], timeoutMs: 300 });
    const before = tarpit.requests.length;
    const abandoned = await fetcher(`${tarpit.url}/page?try=1`, { giveUpAfterMs: 50 }).catch(
      (e: unknown) => e,
    );
    expect(abandoned).toBeInstanceOf(SiteBusyError);
    // Another first try at that host steps aside without asking it…
    const aside = await fetcher(`${tarpit.url}/page?try=2`, { giveUpAfterMs: 50 }).catch(
      (e: unknown) => e,
    );
    expect(aside).toBeInstanceOf(SiteBusyError);
    // …but an abandoned try opened no breaker: a full try is sent, and its timeout is a failure.
    const full = await failure(fetcher(`${tarpit.url}/page?try=3`));
    expect(full.kind).toBe('timeout');
    expect(tarpit.requests.slice(before).map((r) => r.path)).toEqual([
      '/page?try=1',
      '/page?try=3',
    ]);
    for (const res of held.splice(0)) res.destroy();
  });

  it('waits its turn at a site that is answering, however long the line', async () => {
    const fetcher = createFetcher({ allowAddresses: ['127.0.0.1'], maxPerHost: 1 });
    const pages = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        fetcher(`${steady.url}/page?n=${n}`, { parkAfterMs: 2_000 }),
      ),
    );
    expect(pages.map((p) => p.body.toString())).toEqual(Array(12).fill('fine'));
  });
});
