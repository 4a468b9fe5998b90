import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { AddressInfo, Server, Socket } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, deflateSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoArticles, renderDemoPage } from '../../local/demo/pages.ts';
import { LocalRuntime } from '../../local/runtime.ts';
import type { LocalServices } from '../../local/services.ts';
import { QUEUES } from '../../local/services.ts';
import { openServices } from '../../local/session.ts';
import type { FetchFailureKind } from '../../shared/errors.ts';
import { parseFeedList } from '../../shared/feeds/feed-list.ts';
import { normalizeUrl, storyIdFor } from '../../shared/feeds/identity.ts';
import type { AlertRecord, FeedRecord, StoryRecord } from '../../shared/store/store.ts';
import { FaultTally } from '../helpers/fault-report.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';

/**
 * Feeds and article pages that misbehave, through the real pipeline: the embedded runtime polls
 * every feed below in one cycle, from local servers on 127.0.0.1, with small fetch limits. Each
 * failing feed must end with the right failure kind on its record, each bad page must fall back
 * to the feed's own content with the reason recorded, the good feed's stories must all be stored
 * once, and a second cycle must add nothing.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => readFileSync(join(root, 'test/fixtures/faults', name));

const LIMITS = {
  FETCH_TIMEOUT_MS: 1500,
  FETCH_CONNECT_TIMEOUT_MS: 500,
  FETCH_MAX_BYTES: 2 * 1024 * 1024,
  MAX_ITEMS_PER_FEED: 25,
};
const MANY_ITEMS = 10_000;

/** Where the cases point: filled in once the servers listen. */
interface Origins {
  /** The fault server. */
  web: string;
  /** A server that must never receive a request. */
  canary: string;
  /** A TCP server that accepts connections and never answers. */
  silent: string;
  /** A port nobody listens on. */
  refused: string;
  port: string;
}

const privateTargets = (
  JSON.parse(fixture('private-addresses.json').toString('utf8')) as { name: string; url: string }[]
).map((t) => ({ name: t.name, url: (o: Origins) => t.url.replace('{{PORT}}', o.port) }));

type Outcome = FetchFailureKind | 'ok';

interface FeedCase {
  id: string;
  what: string;
  url: (o: Origins) => string;
  expect: Outcome;
  /** For a feed that must work: the links of the items that must become stories. */
  stories?: (o: Origins) => string[];
}

const feedCases: FeedCase[] = [
  {
    id: 'trickle',
    what: 'one byte every 200 ms',
    url: (o) => `${o.web}/feed/trickle`,
    expect: 'timeout',
  },
  {
    id: 'silent',
    what: 'accepts the connection, never answers',
    url: (o) => `${o.silent}/feed.xml`,
    expect: 'timeout',
  },
  {
    id: 'headers-only',
    what: 'sends headers, never a body',
    url: (o) => `${o.web}/feed/headers-only`,
    expect: 'timeout',
  },
  {
    id: 'endless',
    what: 'a body that never ends',
    url: (o) => `${o.web}/feed/endless`,
    expect: 'too_large',
  },
  {
    id: 'gzip-bomb',
    what: '24 MiB of zeros gzipped',
    url: (o) => `${o.web}/feed/gzip-bomb`,
    expect: 'too_large',
  },
  {
    id: 'brotli-bomb',
    what: '24 MiB of zeros in brotli',
    url: (o) => `${o.web}/feed/brotli-bomb`,
    expect: 'too_large',
  },
  {
    id: 'ten-thousand-items',
    what: `${MANY_ITEMS} items`,
    url: (o) => `${o.web}/feed/many`,
    expect: 'ok',
    stories: (o) =>
      Array.from({ length: LIMITS.MAX_ITEMS_PER_FEED }, (_, i) => `${o.web}/many/item-${i}`),
  },
  {
    id: 'billion-laughs',
    what: 'nested internal entities',
    url: (o) => `${o.web}/feed/billion-laughs`,
    expect: 'ok',
    stories: (o) => [`${o.web}/article/laughs-1`, `${o.web}/article/laughs-2`],
  },
  {
    id: 'xxe-file',
    what: 'an external entity naming file:///etc/passwd',
    url: (o) => `${o.web}/feed/xxe-file`,
    expect: 'ok',
    stories: (o) => [`${o.web}/article/xxe-file-1`],
  },
  {
    id: 'xxe-http',
    what: 'external entities, DTD and XInclude naming the canary',
    url: (o) => `${o.web}/feed/xxe-http`,
    expect: 'ok',
    stories: (o) => [`${o.web}/article/xxe-http-1`],
  },
  {
    id: 'invalid-utf8',
    what: 'invalid UTF-8 in titles and descriptions',
    url: (o) => `${o.web}/feed/invalid-utf8`,
    expect: 'ok',
    stories: (o) => [`${o.web}/article/utf8-1`, `${o.web}/article/utf8-2`],
  },
  {
    id: 'json-null-item',
    what: 'a JSON Feed with a null item',
    url: (o) => `${o.web}/feed/json-null-item`,
    expect: 'ok',
    stories: (o) => [`${o.web}/article/json-good-1`],
  },
  {
    id: 'json-version-object',
    what: 'JSON whose version is an object',
    url: (o) => `${o.web}/feed/json-version-object`,
    expect: 'not_a_feed',
  },
  {
    id: 'redirect-loop',
    what: 'redirects to itself',
    url: (o) => `${o.web}/feed/redirect-loop`,
    expect: 'http_status',
  },
  {
    id: 'redirect-bad-location',
    what: 'redirects to a Location that is not a URL',
    url: (o) => `${o.web}/feed/bad-location`,
    expect: 'http_status',
  },
  {
    id: 'refused',
    what: 'nobody listens',
    url: (o) => `${o.refused}/feed.xml`,
    expect: 'network',
  },
  {
    id: 'html-page',
    what: 'an HTML page instead of a feed',
    url: (o) => `${o.web}/feed/html`,
    expect: 'not_a_feed',
  },
  {
    id: 'sitemap',
    what: 'well-formed XML that is not a feed',
    url: (o) => `${o.web}/feed/sitemap`,
    expect: 'not_a_feed',
  },
  // These two are polled one after the other (feeds are polled in id order): broken XML, then
  // a body with no root element, which used to leave the parser waiting forever.
  {
    id: 'xml-broken',
    what: 'broken XML: a stray tag in a title',
    url: (o) => `${o.web}/feed/broken`,
    expect: 'bad_xml',
  },
  {
    id: 'xml-declaration-only',
    what: 'an XML declaration and no root element, right after broken XML',
    url: (o) => `${o.web}/feed/declaration-only`,
    expect: 'not_a_feed',
  },
  {
    id: 'direct-metadata',
    what: 'a feed URL on the metadata service',
    url: () => 'http://169.254.169.254/latest/meta-data/',
    expect: 'blocked_address',
  },
  ...privateTargets.map(
    (t): FeedCase => ({
      id: `to-${t.name}`,
      what: `redirects to ${t.url({ web: '', canary: '', silent: '', refused: '', port: 'PORT' })}`,
      url: (o) => `${o.web}/feed/to/${t.name}`,
      expect: 'blocked_address',
    }),
  ),
];

interface PageCase {
  name: string;
  what: string;
  link: (o: Origins) => string;
  /** A failure kind: the story falls back to the feed's content. A marker: the page is used. */
  expect: { fallback: FetchFailureKind } | { page: string };
}

const pageCases: PageCase[] = [
  {
    name: 'trickle',
    what: 'one byte every 200 ms',
    link: (o) => `${o.web}/page/trickle`,
    expect: { fallback: 'timeout' },
  },
  {
    name: 'silent',
    what: 'accepts the connection, never answers',
    link: (o) => `${o.silent}/page.html`,
    expect: { fallback: 'timeout' },
  },
  {
    name: 'endless',
    what: 'a body that never ends',
    link: (o) => `${o.web}/page/endless`,
    expect: { fallback: 'too_large' },
  },
  {
    name: 'gzip-bomb',
    what: '24 MiB of zeros gzipped',
    link: (o) => `${o.web}/page/gzip-bomb`,
    expect: { fallback: 'too_large' },
  },
  {
    name: 'deflate-bomb',
    what: '24 MiB of zeros deflated',
    link: (o) => `${o.web}/page/deflate-bomb`,
    expect: { fallback: 'too_large' },
  },
  {
    name: 'redirect-loop',
    what: 'redirects to itself',
    link: (o) => `${o.web}/page/redirect-loop`,
    expect: { fallback: 'http_status' },
  },
  {
    name: 'bad-location',
    what: 'redirects to a Location that is not a URL',
    link: (o) => `${o.web}/page/bad-location`,
    expect: { fallback: 'http_status' },
  },
  {
    name: 'direct-metadata',
    what: 'an item linking to the metadata service',
    link: () => 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    expect: { fallback: 'blocked_address' },
  },
  ...privateTargets.map(
    (t): PageCase => ({
      name: `to-${t.name}`,
      what: `redirects to ${t.url({ web: '', canary: '', silent: '', refused: '', port: 'PORT' })}`,
      link: (o) => `${o.web}/page/to/${t.name}`,
      expect: { fallback: 'blocked_address' },
    }),
  ),
  {
    name: 'invalid-utf8',
    what: 'invalid UTF-8 in the page',
    link: (o) => `${o.web}/page/invalid-utf8`,
    expect: { page: 'INVALID-UTF8-PAGE-MARKER' },
  },
  {
    name: 'scripts-fetch',
    what: 'scripts, resources and a refresh that would fetch from the canary',
    link: (o) => `${o.web}/page/scripts-fetch`,
    expect: { page: 'SCRIPTS-FETCH-MARKER' },
  },
  {
    name: 'scripts-loop',
    what: 'scripts that would loop forever',
    link: (o) => `${o.web}/page/scripts-loop`,
    expect: { page: 'SCRIPTS-LOOP-MARKER' },
  },
  {
    name: 'doctype-entities',
    what: 'a DTD with external entities naming the canary',
    link: (o) => `${o.web}/page/doctype-entities`,
    expect: { page: 'DOCTYPE-MARKER' },
  },
];

/** Feed content each page item carries: the fallback text, plus markup that must not fetch. */
const fallbackMarker = (name: string) => `FEED-FALLBACK-${name.toUpperCase()}`;

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(title: string, items: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title>${items}</channel></rss>`;
}

/** Sends `body` one byte every 200 ms until the client gives up. */
function trickle(res: ServerResponse, contentType: string, body: string): void {
  res.writeHead(200, { 'content-type': contentType });
  let i = 0;
  const timer = setInterval(() => {
    if (i >= body.length) {
      clearInterval(timer);
      res.end();
      return;
    }
    res.write(body[i++]);
  }, 200);
  res.on('close', () => clearInterval(timer));
}

/** Writes 64 KiB chunks, as fast as the client reads them, until it hangs up. */
function endless(res: ServerResponse, contentType: string): void {
  res.writeHead(200, { 'content-type': contentType });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let open = true;
  res.on('close', () => {
    open = false;
  });
  const pump = () => {
    while (open) {
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

/** Runs `claimwatch` in its own process, as a user would. */
function claimwatch(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/claimwatch.mjs'), ...args],
      { cwd: root, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) || 1 : 0, stdout, stderr });
      },
    );
  });
}

/** Fails, instead of waiting for the hook's timeout, when a cycle hangs (no speed assertion). */
async function finishes<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within 90 s`)), 90_000);
  });
  try {
    return await Promise.race([work, hung]);
  } finally {
    clearTimeout(timer);
  }
}

interface Snapshot {
  feeds: Map<string, FeedRecord>;
  stories: StoryRecord[];
  alerts: AlertRecord[];
  slackHeadlines: string[];
}

describe('feeds and pages that misbehave, through the real pipeline', () => {
  const tally = new FaultTally('faults-web', [
    'inputs tried',
    'failures survived',
    'stories lost',
    'stories duplicated',
    'alerts duplicated',
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), 'claimwatch-faults-'));
  const articles = loadDemoArticles();
  let services: LocalServices;
  let web: TestServer;
  let canary: TestServer;
  let slack: TestServer;
  let silent: Server;
  const silentSockets = new Set<Socket>();
  let origins: Origins;
  let runtime: LocalRuntime;
  let first: Snapshot;
  let second: Snapshot;
  const goodLinks: string[] = [];

  const slackHeadlines = () =>
    slack.requests
      .filter((r) => r.path === '/hook' && r.method === 'POST')
      .flatMap((post) => {
        const { blocks } = JSON.parse(post.body) as {
          blocks: { type: string; text?: { text: string } }[];
        };
        const head = blocks[0].text?.text ?? '';
        if (!/^\d+ new figures$/.test(head)) return [head];
        return blocks.slice(1).map((b) => /^\*(.+)\*/.exec(b.text!.text)![1]);
      });

  async function snapshot(): Promise<Snapshot> {
    const { store } = runtime.deps;
    return {
      feeds: new Map((await store.listFeeds()).map((f) => [f.feedId, f])),
      stories: await store.listStories(),
      alerts: await store.listAlerts(),
      slackHeadlines: slackHeadlines(),
    };
  }

  beforeAll(async () => {
    services = await openServices(dataDir);
    [web, canary, slack] = await Promise.all([
      startTestServer(),
      startTestServer(),
      startTestServer(),
    ]);
    silent = createNetServer((socket) => {
      silentSockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => silentSockets.delete(socket));
    });
    const silentPort = await listen(silent);
    const closed = createNetServer();
    const refusedPort = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    origins = {
      web: web.url,
      canary: canary.url,
      silent: `http://127.0.0.1:${silentPort}`,
      refused: `http://127.0.0.1:${refusedPort}`,
      port: new URL(web.url).port,
    };
    const o = origins;
    const fill = (name: string) =>
      fixture(name)
        .toString('utf8')
        .replaceAll('{{BASE}}', o.web)
        .replaceAll('{{CANARY}}', o.canary);
    const fillBytes = (name: string) =>
      Buffer.from(fixture(name).toString('latin1').replaceAll('{{BASE}}', o.web), 'latin1');

    slack.route('/hook', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });

    // The good feed: the five sample articles, eleven distinct figures between them.
    const goodItems = articles
      .map((a) => {
        const link = `${o.web}/news/${a.slug}`;
        goodLinks.push(link);
        return `<item><title>${escapeXml(a.title)}</title><link>${link}</link><guid isPermaLink="false">${a.slug}</guid><pubDate>Mon, 23 Dec 2024 09:00:00 GMT</pubDate></item>`;
      })
      .join('');
    web.route('/feed/good', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss('Good', goodItems));
    });
    for (const a of articles) {
      web.route(`/news/${a.slug}`, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          renderDemoPage({
            title: a.title,
            body: a.body,
            publishedAt: a.publishedAt,
            url: `${o.web}/news/${a.slug}`,
            site: 'Sample Times',
          }),
        );
      });
    }

    // Feed faults.
    const smallFeed = rss(
      'Slow',
      `<item><title>x</title><link>${o.web}/article/slow</link></item>`,
    );
    web.route('/feed/trickle', (_req, res) => trickle(res, 'application/rss+xml', smallFeed));
    web.route('/feed/headers-only', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.flushHeaders();
    });
    web.route('/feed/endless', (_req, res) => endless(res, 'application/rss+xml'));
    const zeros = Buffer.alloc(24 * 1024 * 1024);
    const bombs = {
      gzip: gzipSync(zeros, { level: 9 }),
      deflate: deflateSync(zeros, { level: 9 }),
      br: brotliCompressSync(zeros, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }),
    };
    const bomb = (encoding: keyof typeof bombs, contentType: string) => {
      return (_req: unknown, res: ServerResponse) => {
        res.writeHead(200, {
          'content-type': contentType,
          'content-encoding': encoding,
          'content-length': bombs[encoding].length,
        });
        res.end(bombs[encoding]);
      };
    };
    web.route('/feed/gzip-bomb', bomb('gzip', 'application/rss+xml'));
    web.route('/feed/brotli-bomb', bomb('br', 'application/rss+xml'));
    const many = rss(
      'Many',
      Array.from(
        { length: MANY_ITEMS },
        (_, i) =>
          `<item><title>Item ${i}</title><link>${o.web}/many/item-${i}</link><description>Item ${i} of many.</description></item>`,
      ).join(''),
    );
    web.route('/feed/many', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(many);
    });
    const serve = (path: string, contentType: string, body: string | Buffer) =>
      web.route(path, (_req, res) => {
        res.writeHead(200, { 'content-type': contentType });
        res.end(body);
      });
    serve('/feed/billion-laughs', 'application/rss+xml', fill('billion-laughs.xml'));
    serve('/feed/xxe-file', 'application/rss+xml', fill('xxe-file.xml'));
    serve('/feed/xxe-http', 'application/rss+xml', fill('xxe-http.xml'));
    serve(
      '/feed/invalid-utf8',
      'application/rss+xml; charset=utf-8',
      fillBytes('invalid-utf8.xml'),
    );
    serve('/feed/json-null-item', 'application/feed+json', fill('json-feed-null-item.json'));
    serve('/feed/json-version-object', 'application/json', fill('json-feed-version-object.json'));
    serve('/feed/sitemap', 'application/xml', fill('not-a-feed-sitemap.xml'));
    serve('/feed/broken', 'application/rss+xml', fill('mismatched-tags.xml'));
    serve('/feed/declaration-only', 'application/rss+xml', fill('xml-declaration-only.xml'));
    serve(
      '/feed/html',
      'text/html',
      '<!doctype html><html><head><title>Not a feed</title></head><body><p>Hello</p></body></html>',
    );
    const redirect = (path: string, location: string) =>
      web.route(path, (_req, res) => {
        res.writeHead(302, { location });
        res.end();
      });
    redirect('/feed/redirect-loop', '/feed/redirect-loop');
    redirect('/feed/bad-location', 'http://exa mple.com/feed');
    for (const t of privateTargets) redirect(`/feed/to/${t.name}`, t.url(o));

    // Page faults: one feed, one item per bad page.
    web.route('/page/trickle', (_req, res) =>
      trickle(res, 'text/html', `<!doctype html><html><body>${'<p>slow</p>'.repeat(50)}`),
    );
    web.route('/page/endless', (_req, res) => endless(res, 'text/html'));
    web.route('/page/gzip-bomb', bomb('gzip', 'text/html'));
    web.route('/page/deflate-bomb', bomb('deflate', 'text/html'));
    redirect('/page/redirect-loop', '/page/redirect-loop');
    redirect('/page/bad-location', 'http://[::1/page');
    for (const t of privateTargets) redirect(`/page/to/${t.name}`, t.url(o));
    serve('/page/invalid-utf8', 'text/html', fillBytes('invalid-utf8.html'));
    serve('/page/scripts-fetch', 'text/html; charset=utf-8', fill('scripts-fetch.html'));
    serve('/page/scripts-loop', 'text/html; charset=utf-8', fill('scripts-loop.html'));
    serve('/page/doctype-entities', 'text/html; charset=utf-8', fill('doctype-entities.html'));
    const pageItems = pageCases
      .map(
        (c) =>
          `<item><title>Page fault ${c.name}</title><link>${escapeXml(c.link(o))}</link><guid isPermaLink="false">page-${c.name}</guid><description>Summary of ${c.name}.</description><content:encoded><![CDATA[<p>${fallbackMarker(c.name)}: the feed's own text, used when the page cannot be.</p><script>fetch('${o.canary}/feed-content/script')</script><img src="${o.canary}/feed-content/img"><iframe src="${o.canary}/feed-content/iframe"></iframe>]]></content:encoded></item>`,
      )
      .join('');
    web.route('/feed/pages', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss('Pages', pageItems));
    });

    const feedList = parseFeedList([
      { id: 'good', url: `${o.web}/feed/good` },
      { id: 'pages', url: `${o.web}/feed/pages` },
      ...feedCases.map((c) => ({ id: c.id, url: c.url(o) })),
    ]);
    runtime = LocalRuntime.fromEnv(
      {
        ...services.env,
        FETCH_ALLOW_ADDRESSES: '127.0.0.1',
        FETCH_TIMEOUT_MS: String(LIMITS.FETCH_TIMEOUT_MS),
        FETCH_CONNECT_TIMEOUT_MS: String(LIMITS.FETCH_CONNECT_TIMEOUT_MS),
        FETCH_MAX_BYTES: String(LIMITS.FETCH_MAX_BYTES),
        MAX_ITEMS_PER_FEED: String(LIMITS.MAX_ITEMS_PER_FEED),
        SLACK_WEBHOOK_URL: `${slack.url}/hook`,
      },
      feedList,
      { retryDelaySeconds: () => 0 },
    );

    await finishes(runtime.runCycle(), 'the first cycle');
    first = await snapshot();
    // Everything due again at once, failing feeds included, as if their back-off had run out.
    const past = new Date(Date.now() - 60_000).toISOString();
    for (const feed of first.feeds.values()) {
      await runtime.deps.store.saveFeedState({ ...feed, nextCheckAt: past });
    }
    await finishes(runtime.runCycle(), 'the second cycle');
    second = await snapshot();
  }, 120_000);

  afterAll(async () => {
    for (const socket of silentSockets) socket.destroy();
    await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
    await Promise.all([web?.close(), canary?.close(), slack?.close()]);
    await services?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const storiesOf = (snap: Snapshot, feedId: string) =>
    snap.stories.filter((s) => s.feedIds.includes(feedId));

  describe.each(feedCases)('feed $id: $what', (c) => {
    if (c.expect === 'ok') {
      it('is read, and each of its items is stored once', () => {
        const feed = first.feeds.get(c.id)!;
        expect(feed.lastError).toBeUndefined();
        expect(feed.errorCount).toBe(0);
        const expected = c.stories!(origins).map(storyIdFor).sort();
        expect(feed.itemsSeen).toBe(expected.length);
        expect(
          storiesOf(first, c.id)
            .map((s) => s.storyId)
            .sort(),
        ).toEqual(expected);
        expect(second.feeds.get(c.id)!.itemsSeen).toBe(expected.length);
        expect(storiesOf(second, c.id)).toHaveLength(expected.length);
      });
    } else {
      it(`ends with ${c.expect} on its feed record, in both cycles, and stores nothing`, () => {
        const feed = first.feeds.get(c.id)!;
        expect(feed.lastError?.kind).toBe(c.expect);
        expect(feed.errorCount).toBe(1);
        expect(second.feeds.get(c.id)!.lastError?.kind).toBe(c.expect);
        expect(second.feeds.get(c.id)!.errorCount).toBe(2);
        expect(storiesOf(second, c.id)).toHaveLength(0);
      });
    }
  });

  describe.each(pageCases)('page $name: $what', (c) => {
    const story = (snap: Snapshot) =>
      snap.stories.find((s) => s.storyId === storyIdFor(c.link(origins)));
    if ('fallback' in c.expect) {
      const kind = c.expect.fallback;
      it(`falls back to the feed's content, reason ${kind}`, async () => {
        const stored = story(first)!;
        expect(stored).toBeDefined();
        expect(stored.source).toBe('feed');
        expect(stored.fallbackReason).toMatch(new RegExp(`^page fetch failed \\(${kind}\\)`));
        const body = await runtime.deps.store.getStoryBody(stored.storyId);
        expect(body).toContain(fallbackMarker(c.name));
      });
    } else {
      const marker = c.expect.page;
      it('is read from the page, nothing in it run or fetched', async () => {
        const stored = story(first)!;
        expect(stored).toBeDefined();
        expect(stored.source).toBe('readability');
        const body = (await runtime.deps.store.getStoryBody(stored.storyId))!;
        expect(body).toContain(marker);
        if (c.name === 'invalid-utf8') expect(body).toContain('\uFFFD');
      });
    }
  });

  it('stores invalid UTF-8 in a feed as U+FFFD', async () => {
    const stories = storiesOf(first, 'invalid-utf8');
    expect(stories.some((s) => s.title.includes('\uFFFD'))).toBe(true);
    const bodies = await Promise.all(
      stories.map((s) => runtime.deps.store.getStoryBody(s.storyId)),
    );
    expect(bodies.join('\n')).toContain('INVALID-UTF8-FEED-MARKER');
    expect(bodies.join('\n')).toContain('\uFFFD');
  });

  it('never expands an entity: the laughs stay one word, the XXE stays a literal', async () => {
    const { store } = runtime.deps;
    for (const s of [...storiesOf(first, 'billion-laughs'), ...storiesOf(first, 'xxe-file')]) {
      const body = (await store.getStoryBody(s.storyId)) ?? '';
      expect(`${s.title}\n${body}`).not.toMatch(/lollol/);
      expect(body.length).toBeLessThan(10_000);
    }
    const laughs = storiesOf(first, 'billion-laughs').find((s) => s.title.includes('title'))!;
    expect(laughs.title).toContain('&lol9;');
    const xxe = storiesOf(first, 'xxe-file')[0];
    expect(await store.getStoryBody(xxe.storyId)).toContain('&xxe;');
  });

  it('never reads /etc/passwd into the table', async () => {
    const dump: string[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await runtime.deps.clients.doc.send(
        new ScanCommand({ TableName: runtime.config.TABLE_NAME, ExclusiveStartKey }),
      );
      dump.push(JSON.stringify(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    const table = dump.join('\n');
    expect(table).toContain('&xxe;'); // the scan did see the XXE story
    expect(table).not.toMatch(/root:[^:]*:0:0:/);
    if (existsSync('/etc/passwd')) {
      for (const line of readFileSync('/etc/passwd', 'utf8').split('\n').filter(Boolean)) {
        expect(table).not.toContain(line);
      }
    }
  });

  it('never sends a request to the canary: no entity, DTD, script, resource or refresh', () => {
    expect(canary.requests.map((r) => r.path)).toEqual([]);
  });

  it('stores the good feed’s five stories once, and alerts each new figure once', () => {
    const good = storiesOf(first, 'good');
    expect(good.map((s) => s.storyId).sort()).toEqual(goodLinks.map(storyIdFor).sort());
    expect(first.feeds.get('good')!.lastError).toBeUndefined();
    const figureKeys = new Set(first.alerts.map((a) => a.figureKey));
    expect(figureKeys.size).toBeGreaterThanOrEqual(11);
    expect(first.alerts).toHaveLength(figureKeys.size);
    expect(first.alerts.every((a) => a.status === 'sent')).toBe(true);
    expect(first.slackHeadlines).toHaveLength(figureKeys.size);
    expect(new Set(first.slackHeadlines).size).toBe(first.slackHeadlines.length);
  });

  it('adds nothing in a second cycle: no story, no alert, no Slack message', () => {
    expect(second.stories.map((s) => s.storyId).sort()).toEqual(
      first.stories.map((s) => s.storyId).sort(),
    );
    expect(second.alerts).toHaveLength(first.alerts.length);
    expect(second.slackHeadlines).toEqual(first.slackHeadlines);
    for (const [feedId, feed] of second.feeds) {
      expect(feed.itemsSeen ?? 0, feedId).toBe(first.feeds.get(feedId)!.itemsSeen ?? 0);
    }
  });

  it('leaves no message in a queue or a dead-letter queue', async () => {
    const { sqs } = runtime.deps.clients;
    for (const url of [
      ...QUEUES.map((q) => services.queueUrls[q]),
      ...Object.values(services.dlqUrls),
    ]) {
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: url,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      expect(Number(Attributes?.ApproximateNumberOfMessages), url).toBe(0);
      expect(Number(Attributes?.ApproximateNumberOfMessagesNotVisible), url).toBe(0);
    }
  });

  it('`claimwatch feeds` shows each failing feed with its failure kind', async () => {
    const { code, stdout, stderr } = await claimwatch(['feeds', '--data-dir', dataDir]);
    expect(code, stderr).toBe(0);
    const status = new Map(
      stdout
        .split('\n')
        .slice(2)
        .map((line) => line.trim().split(/\s+/))
        .map(([feedId, state]) => [feedId, state]),
    );
    for (const c of feedCases) expect(status.get(c.id), c.id).toBe(c.expect);
    expect(status.get('good')).toBe('ok');
    expect(status.get('pages')).toBe('ok');
  }, 60_000);

  it('reports its figures: nothing lost, nothing duplicated', () => {
    const o = origins;
    // What went in: every hostile feed and every hostile page.
    tally.set('inputs tried', feedCases.length + pageCases.length);
    const survivedFeeds = feedCases.filter((c) => first.feeds.get(c.id)?.lastError).length;
    const survivedPages = pageCases.filter((c) =>
      first.stories.some(
        (s) =>
          s.storyId === storyIdFor(c.link(o)) &&
          s.source === 'feed' &&
          /^page fetch failed/.test(s.fallbackReason ?? ''),
      ),
    ).length;
    tally.set('failures survived', survivedFeeds + survivedPages);

    // What must have come out: every story of every feed that works.
    const expected = new Set(
      [
        ...goodLinks,
        ...pageCases.map((c) => c.link(o)),
        ...feedCases.flatMap((c) => c.stories?.(o) ?? []),
      ].map(storyIdFor),
    );
    const stored = new Set(second.stories.map((s) => s.storyId));
    tally.set('stories lost', [...expected].filter((id) => !stored.has(id)).length);

    const byUrl = new Map<string, number>();
    for (const s of second.stories) {
      const key = normalizeUrl(s.url);
      byUrl.set(key, (byUrl.get(key) ?? 0) + 1);
    }
    tally.set(
      'stories duplicated',
      [...byUrl.values()].reduce((n, count) => n + count - 1, 0) +
        (second.stories.length - first.stories.length) +
        second.stories.filter((s) => new Set(s.feedIds).size !== s.feedIds.length).length,
    );

    const perFigure = new Map<string, number>();
    for (const a of second.alerts)
      perFigure.set(a.figureKey, (perFigure.get(a.figureKey) ?? 0) + 1);
    tally.set(
      'alerts duplicated',
      [...perFigure.values()].reduce((n, count) => n + count - 1, 0) +
        (second.slackHeadlines.length - new Set(second.slackHeadlines).size),
    );

    tally.print();
    expect(tally.get('inputs tried')).toBeGreaterThan(0);
    expect(tally.get('stories lost')).toBe(0);
    expect(tally.get('stories duplicated')).toBe(0);
    expect(tally.get('alerts duplicated')).toBe(0);
    expect(second.stories.length).toBe(expected.size);
  });
});
