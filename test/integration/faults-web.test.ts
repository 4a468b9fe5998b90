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
import { serveSampleSite } from '../helpers/sample-site.ts';

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
  // Long enough that a busy CI machine still inflates 2 MiB of a compression bomb (too_large)
  // before it; short enough that the silent servers' timeout cases stay quick.
  FETCH_TIMEOUT_MS: 3000,
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

/** Private targets, and 6to4 and Teredo addresses that carry one inside. */
const privateTargets = ['private-addresses.json', 'embedded-ipv4-addresses.json']
  .flatMap((name) => JSON.parse(fixture(name).toString('utf8')) as { name: string; url: string }[])
  .map((t) => ({ name: t.name, url: (o: Origins) => t.url.replace('{{PORT}}', o.port) }));

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
  /** Where the story ends up, when not at the link (a redirect's target). */
  storyUrl?: (o: Origins) => string;
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
    name: 'redirect-endless-body',
    what: 'a redirect whose body never ends',
    link: (o) => `${o.web}/page/redirect-endless-body`,
    storyUrl: (o) => `${o.web}/page/after-redirect`,
    expect: { page: 'AFTER-REDIRECT-MARKER' },
  },
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

/** A readable article page in our own words: `paragraph` three times under a heading. */
const readablePage = (title: string, paragraph: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head><body><article><h1>${title}</h1>${`<p>${paragraph} Officials in Seoul and Kyiv described the fighting in the Kursk region and the movements of troops along the border at length for reporters.</p>`.repeat(3)}</article></body></html>`;

/**
 * Item links a browser would run or read locally: none may become a story URL, or a link in
 * Slack, email or the report. Each item's own text carries a figure, so it reaches the alerts.
 */
const NON_WEB_LINKS = [
  {
    link: 'javascript:alert(document.domain)//',
    text: "Ukraine's military intelligence said 312 North Korean soldiers were wounded in Kursk.",
  },
  {
    link: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    text: "South Korea's NIS said 4,410 North Korean troops were deployed to Russia.",
  },
  {
    link: 'vbscript:msgbox("x")',
    text: 'The Pentagon said North Korea supplied 1,310 missiles to Russia.',
  },
  {
    link: 'file:///etc/passwd',
    text: "Ukraine's military intelligence said 83 North Korean soldiers went missing in Kursk.",
  },
];

/** Five link-less items of one feed that repeat one guid: five stories, five figures. */
const SHARED_GUID_ITEMS = [
  "South Korea's NIS said 1,111 North Korean soldiers were killed in Kursk.",
  "South Korea's NIS said 2,222 North Korean soldiers were wounded in Kursk.",
  "South Korea's NIS said 33 North Korean soldiers were captured in Kursk.",
  'The Pentagon said North Korea shipped 4,444 containers of munitions to Russia.',
  'The Pentagon said 6,565 North Korean troops were deployed to Russia.',
];

const ESC = '\u001b';
const BEL = '\u0007';
/** Terminal sequences a page might carry: clear the screen, retitle the window. */
const TERMINAL_ATTACK = `${ESC}[2J${ESC}]0;retitled by a feed${BEL}`;

/**
 * Items whose titles and text speak to Slack (mentions, a disguised link), to a spreadsheet
 * (formulas) and to a terminal (escape sequences). Served as a JSON Feed, the one feed format
 * that can carry a raw ESC; the last one's page carries them too. Every text holds a figure.
 */
const INJECTION_ITEMS = [
  {
    slug: 'hyperlink',
    title: '=HYPERLINK("https://evil.example/x","Open the full report")',
    html: "Ukraine's military intelligence said 641 North Korean soldiers were killed in Kursk, &lt;!here&gt; and &lt;https://evil.example|the full report&gt; has more.",
  },
  {
    slug: 'plus',
    title: "+cmd|' /C calc'!A0 troop numbers",
    html: "South Korea's spy agency told &lt;!channel&gt; that North Korea has sent 2,345 troops to Russia.",
  },
  {
    slug: 'minus',
    title: "-2+3+cmd|' /C calc'!A0",
    html: '@SUM(1+1) The Pentagon said North Korea shipped 9,137 containers of munitions to Russia.',
  },
  {
    slug: 'at',
    title: `@SUM(1+1)*cmd|' /C calc'!A0 ${TERMINAL_ATTACK}captured soldiers`,
    html: `${TERMINAL_ATTACK} South Korea's NIS said 171 North Korean troops were captured.`,
  },
  {
    slug: 'page',
    title: `${TERMINAL_ATTACK}wounded soldiers`,
    html: "Ukraine's military intelligence said 417 North Korean soldiers were wounded in Kursk.",
    page: readablePage(
      `${TERMINAL_ATTACK}wounded soldiers &lt;!channel&gt;`,
      `INJECTION-PAGE-MARKER ${TERMINAL_ATTACK} =HYPERLINK("https://evil.example","Open") Ukraine's military intelligence said 417 North Korean soldiers were wounded in Kursk, &lt;!here&gt; &lt;https://evil.example|the full report&gt;.`,
    ),
  },
];

/** The other outlet's article a hostile page names as its canonical URL (`.invalid`: RFC 2606). */
const OUTLET_URL = 'http://outlet.invalid/news/real-report';
const OUTLET_TITLE = 'The outlet’s own report';

/** The feeds of issue 13's hostile inputs, each served at `/feed/<id>`. */
const HOSTILE_FEEDS = [
  'links-non-web',
  'shared-guid',
  'control-reference',
  'injection',
  'outlet',
  'canonical',
] as const;

/** How many stories each of those feeds must end with. */
const HOSTILE_STORIES: Record<(typeof HOSTILE_FEEDS)[number], number> = {
  'links-non-web': NON_WEB_LINKS.length,
  'shared-guid': SHARED_GUID_ITEMS.length,
  'control-reference': 3,
  injection: INJECTION_ITEMS.length,
  outlet: 1,
  canonical: 1,
};

/**
 * The inputs of issue 13 tried in the main cycles beyond the feed and page cases, each marked
 * held by the test that checks its outcome (6to4 and Teredo redirects are feed and page cases).
 */
const HELD_INPUTS = [
  'redirect-endless-body',
  ...NON_WEB_LINKS.map((l) => `link-${l.link.split(':')[0]}`),
  'shared-guid',
  'control-reference',
  'canonical-foreign',
  'slack-injection',
  'csv-formulas',
  'terminal-escapes',
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

/** The cells of a CSV document (RFC 4180 quoting), row by row. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Every text Slack would format in a webhook payload: the fallback text and each block's. */
function slackTexts(payload: string): string[] {
  const texts: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'text' && typeof v === 'string') texts.push(v);
        else walk(v);
      }
    }
  };
  walk(JSON.parse(payload));
  return texts;
}

/** C0 and C1 control characters other than newline and tab: what a terminal would act on. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/**
 * The suite's figures, printed once both groups below have run. The stall is measured with
 * clocks for the report only: no test fails on a duration, since CI machines are busy.
 */
const tally = new FaultTally('faults-web', [
  'inputs tried',
  'failures survived',
  'stories lost',
  'stories duplicated',
  'alerts duplicated',
  'longest stall of a healthy feed (ms)',
]);
afterAll(() => {
  tally.print();
});

interface Snapshot {
  feeds: Map<string, FeedRecord>;
  stories: StoryRecord[];
  alerts: AlertRecord[];
  slackHeadlines: string[];
}

describe('feeds and pages that misbehave, through the real pipeline', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimwatch-faults-'));
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
  /** What the redirect with an endless body sent, and whether the fetcher hung up on it. */
  const redirectBody = { requests: 0, bytes: 0, closed: 0 };
  /** The inputs of {@link HELD_INPUTS} whose test passed. */
  const held = new Set<string>();

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
    goodLinks.push(
      ...serveSampleSite(web, { feedPath: '/feed/good', feedTitle: 'Good', canonicalOnSite: true }),
    );

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
    const pageItems = pageCases.map(
      (c) =>
        `<item><title>Page fault ${c.name}</title><link>${escapeXml(c.link(o))}</link><guid isPermaLink="false">page-${c.name}</guid><description>Summary of ${c.name}.</description><content:encoded><![CDATA[<p>${fallbackMarker(c.name)}: the feed's own text, used when the page cannot be.</p><script>fetch('${o.canary}/feed-content/script')</script><img src="${o.canary}/feed-content/img"><iframe src="${o.canary}/feed-content/iframe"></iframe>]]></content:encoded></item>`,
    );
    // Two feeds, each within the per-feed item cap: items past it would never be read.
    const half = Math.ceil(pageItems.length / 2);
    web.route('/feed/pages', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss('Pages', pageItems.slice(0, half).join('')));
    });
    web.route('/feed/pages-more', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss('More pages', pageItems.slice(half).join('')));
    });

    // A redirect whose body never ends: the fetcher must hang up on it, not read it.
    web.route('/page/redirect-endless-body', (_req, res) => {
      redirectBody.requests++;
      res.writeHead(302, { location: '/page/after-redirect', 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'r');
      let open = true;
      res.on('close', () => {
        open = false;
        redirectBody.closed++;
      });
      const pump = () => {
        while (open) {
          redirectBody.bytes += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    serve(
      '/page/after-redirect',
      'text/html; charset=utf-8',
      readablePage(
        'After the redirect',
        'AFTER-REDIRECT-MARKER: the page a redirect led to, read once the redirect was hung up on.',
      ),
    );

    // Links a browser would run or read locally.
    web.route('/feed/links-non-web', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        rss(
          'Non-web links',
          NON_WEB_LINKS.map(
            (l, i) =>
              `<item><title>Non-web link ${i}</title><link>${escapeXml(l.link)}</link><guid isPermaLink="false">non-web-${i}</guid><description>${escapeXml(l.text)}</description></item>`,
          ).join(''),
        ),
      );
    });

    // Five link-less items under one guid.
    web.route('/feed/shared-guid', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        rss(
          'Shared guid',
          SHARED_GUID_ITEMS.map(
            (text, i) =>
              `<item><title>Shared guid item ${i + 1}</title><guid isPermaLink="false">one-guid-for-all</guid><description>${escapeXml(text)}</description></item>`,
          ).join(''),
        ),
      );
    });

    // One control-character reference in one item of an otherwise good feed.
    web.route('/feed/control-reference', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        rss(
          'Control reference',
          [1, 2, 3]
            .map(
              (n) =>
                `<item><title>${n === 2 ? 'Escape &#27;[2J here' : `Plain item ${n}`}</title><link>${o.web}/article/control-${n}</link><description>Item ${n}${n === 2 ? ' with &#27; inside' : ''}.</description></item>`,
            )
            .join(''),
        ),
      );
    });

    // Mentions, a disguised link, formulas and terminal escapes in titles, text and a page.
    web.route('/feed/injection', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/feed+json' });
      res.end(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Injection',
          items: INJECTION_ITEMS.map((item) => ({
            id: `injection-${item.slug}`,
            url: `${o.web}/inject/${item.slug}`,
            title: item.title,
            content_html: `<p>${item.html}</p>`,
          })),
        }),
      );
    });
    for (const item of INJECTION_ITEMS) {
      if (item.page) serve(`/inject/${item.slug}`, 'text/html; charset=utf-8', item.page);
    }

    // Another outlet's story, then a page on this site naming it as its canonical URL.
    web.route('/feed/outlet', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        rss(
          'Outlet',
          `<item><title>${escapeXml(OUTLET_TITLE)}</title><link>${OUTLET_URL}</link><description>OUTLET-MARKER: the outlet's own words.</description></item>`,
        ),
      );
    });
    web.route('/feed/canonical', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        rss(
          'Canonical',
          `<item><title>Forged report</title><link>${o.web}/page/canonical-foreign</link><description>Forged summary.</description></item>`,
        ),
      );
    });
    serve(
      '/page/canonical-foreign',
      'text/html; charset=utf-8',
      readablePage(
        'Forged report',
        'FORGED-MARKER The Pentagon said 77,000 North Korean troops were killed.',
        `<link rel="canonical" href="${OUTLET_URL}">`,
      ),
    );

    const feedList = parseFeedList([
      { id: 'good', url: `${o.web}/feed/good` },
      { id: 'pages', url: `${o.web}/feed/pages` },
      { id: 'pages-more', url: `${o.web}/feed/pages-more` },
      ...HOSTILE_FEEDS.map((id) => ({ id, url: `${o.web}/feed/${id}` })),
      ...feedCases.map((c) => ({ id: c.id, url: c.url(o) })),
    ]);
    runtime = LocalRuntime.fromEnv(
      {
        ...services.env,
        FETCH_ALLOW_ADDRESSES: '127.0.0.1',
        // One local server stands in for the many sites these feeds would be on: the polite
        // limit of two requests per host would make the slow cases queue the others behind
        // them, which no real set of distinct sites does.
        FETCH_MAX_PER_HOST: '64',
        // For the same reason, one slow case must not close the server to every other case: a
        // real tarpit's timeout closes only its own site (the stall group below proves it).
        FETCH_SITE_COOLDOWN_MS: '1',
        // Each hostile input is judged on its own, with this suite's short timeouts: polled one
        // at a time, a neighbour's synchronous page reading never eats into another's timer.
        // (Side-by-side polling is proved by the stall group below and by poller.test.ts.)
        POLL_CONCURRENCY: '1',
        PAGE_CONCURRENCY: '1',
        FETCH_TIMEOUT_MS: String(LIMITS.FETCH_TIMEOUT_MS),
        FETCH_CONNECT_TIMEOUT_MS: String(LIMITS.FETCH_CONNECT_TIMEOUT_MS),
        FETCH_MAX_BYTES: String(LIMITS.FETCH_MAX_BYTES),
        MAX_ITEMS_PER_FEED: String(LIMITS.MAX_ITEMS_PER_FEED),
        SLACK_WEBHOOK_URL: `${slack.url}/hook`,
      },
      feedList,
      { retryDelaySeconds: () => 0, consumers: { feeds: 1, articles: 1 } },
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
      snap.stories.find((s) => s.storyId === storyIdFor((c.storyUrl ?? c.link)(origins)));
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
    expect(status.get('pages-more')).toBe('ok');
  }, 60_000);

  it('hangs up on a redirect with an endless body, and reads the page it leads to', () => {
    expect(redirectBody.requests).toBeGreaterThan(0);
    // Every redirect response was closed by the fetcher, none left streaming after the cycles.
    expect(redirectBody.closed).toBe(redirectBody.requests);
    held.add('redirect-endless-body');
  });

  it('stores items with javascript:, data:, vbscript: and file: links from the feed, under no such URL', async () => {
    const stories = storiesOf(second, 'links-non-web');
    expect(stories).toHaveLength(NON_WEB_LINKS.length);
    for (const story of stories) {
      expect(story.url.startsWith(`${origins.web}/feed/links-non-web#`), story.url).toBe(true);
      expect(story.source).toBe('feed');
      expect(story.fallbackReason).toMatch(
        /^item link is not a URL: (javascript|data|vbscript|file):/,
      );
      expect(story.figureKeys.length, story.title).toBeGreaterThan(0);
    }
    const body = (await runtime.deps.store.getStoryBody(stories[0].storyId)) ?? '';
    expect(body).not.toMatch(/root:[^:]*:0:0:/);
    for (const s of second.stories) expect(s.url, s.storyId).toMatch(/^https?:\/\//);
    for (const a of second.alerts) expect(a.storyUrl, a.alertId).toMatch(/^https?:\/\//);
    for (const l of NON_WEB_LINKS) {
      const scheme = l.link.split(':')[0];
      expect(
        stories.some((s) => s.fallbackReason?.includes(`${scheme}:`)),
        scheme,
      ).toBe(true);
      held.add(`link-${scheme}`);
    }
  });

  it('keeps five link-less items that share one guid apart: five stories, no figure dropped', () => {
    const stories = storiesOf(second, 'shared-guid');
    expect(stories).toHaveLength(SHARED_GUID_ITEMS.length);
    expect(new Set(stories.map((s) => s.title)).size).toBe(SHARED_GUID_ITEMS.length);
    for (const story of stories) {
      expect(story.source).toBe('feed');
      expect(story.fallbackReason).toBe('item has no link');
      expect(story.figureKeys.length, story.title).toBeGreaterThan(0);
    }
    expect(new Set(stories.flatMap((s) => s.figureKeys)).size).toBe(SHARED_GUID_ITEMS.length);
    expect(first.feeds.get('shared-guid')!.itemsSeen).toBe(SHARED_GUID_ITEMS.length);
    expect(second.feeds.get('shared-guid')!.itemsSeen).toBe(SHARED_GUID_ITEMS.length);
    held.add('shared-guid');
  });

  it('reads a feed with one &#27; in one item, the character dropped, every item kept', () => {
    const feed = second.feeds.get('control-reference')!;
    expect(feed.lastError).toBeUndefined();
    const stories = storiesOf(second, 'control-reference');
    expect(stories).toHaveLength(3);
    const escaped = stories.find((s) => s.title.includes('here'))!;
    expect(escaped.title).not.toMatch(TERMINAL_CONTROLS);
    expect(escaped.title).toContain('[2J here');
    held.add('control-reference');
  });

  it('never lets a page speak for another site: the outlet’s story keeps its own source', async () => {
    const { store } = runtime.deps;
    const outlet = second.stories.find((s) => s.storyId === storyIdFor(OUTLET_URL))!;
    expect(outlet).toBeDefined();
    expect(outlet.url).toBe(OUTLET_URL);
    expect(outlet.title).toBe(OUTLET_TITLE);
    expect(outlet.feedIds).toEqual(['outlet']);
    expect(outlet.source).toBe('feed');
    const outletBody = (await store.getStoryBody(outlet.storyId)) ?? '';
    expect(outletBody).toContain('OUTLET-MARKER');
    expect(outletBody).not.toContain('FORGED-MARKER');
    // Unchanged between the cycles, by field.
    expect(outlet).toEqual(first.stories.find((s) => s.storyId === outlet.storyId));
    // The forged page is its own story, under its own URL, and its figure cites that URL.
    const forged = second.stories.find(
      (s) => s.storyId === storyIdFor(`${origins.web}/page/canonical-foreign`),
    )!;
    expect(forged).toBeDefined();
    expect(forged.feedIds).toEqual(['canonical']);
    expect(await store.getStoryBody(forged.storyId)).toContain('FORGED-MARKER');
    for (const a of second.alerts) expect(a.storyUrl, a.headline).not.toBe(OUTLET_URL);
    expect(second.alerts.some((a) => a.storyUrl === `${origins.web}/page/canonical-foreign`)).toBe(
      true,
    );
    held.add('canonical-foreign');
  });

  it('sends Slack no active mention and no link but the story’s own', () => {
    const posts = slack.requests.filter((r) => r.path === '/hook' && r.method === 'POST');
    const texts = posts.flatMap((p) => slackTexts(p.body));
    const all = texts.join('\n');
    // The hostile text did reach Slack, escaped.
    expect(all).toContain('&lt;https://evil.example|the full report&gt;');
    expect(all).toMatch(/&lt;!(channel|here)&gt;/);
    for (const text of texts) {
      expect(text).not.toMatch(/<[!@#]/);
      for (const [, inside] of text.matchAll(/<([^>]*)>/g)) {
        expect(inside.startsWith(`${origins.web}/`), inside).toBe(true);
      }
      expect(text).not.toMatch(/<(javascript|data|vbscript|file):/i);
    }
    // Each injected figure was alerted.
    const injected = storiesOf(second, 'injection');
    expect(injected).toHaveLength(INJECTION_ITEMS.length);
    for (const story of injected) {
      expect(
        second.alerts.some((a) => a.storyUrl === story.url),
        story.url,
      ).toBe(true);
    }
    held.add('slack-injection');
  });

  it('`stories --csv` and `figures --csv` start no cell with = + - @', async () => {
    const outputs = await Promise.all([
      claimwatch(['stories', '--csv', '--data-dir', dataDir]),
      claimwatch(['figures', '--csv', '--data-dir', dataDir]),
    ]);
    for (const { code, stdout, stderr } of outputs) {
      expect(code, stderr).toBe(0);
      const cells = csvRows(stdout).flat();
      expect(cells.length).toBeGreaterThan(10);
      for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const titles = csvRows(outputs[0].stdout).flat();
    for (const item of INJECTION_ITEMS.slice(0, 3)) {
      expect(titles).toContain(`'${item.title}`);
    }
    held.add('csv-formulas');
  }, 60_000);

  it('prints no terminal control character in `stories`, `story` or `alerts`', async () => {
    const page = INJECTION_ITEMS.find((i) => i.page)!;
    const outputs = await Promise.all([
      claimwatch(['stories', '--data-dir', dataDir]),
      claimwatch(['story', `${origins.web}/inject/${page.slug}`, '--data-dir', dataDir]),
      claimwatch(['story', `${origins.web}/inject/at`, '--data-dir', dataDir]),
      claimwatch(['alerts', '--data-dir', dataDir]),
    ]);
    for (const { code, stdout, stderr } of outputs) {
      expect(code, stderr).toBe(0);
      expect(stdout).not.toMatch(TERMINAL_CONTROLS);
      expect(stderr).not.toMatch(TERMINAL_CONTROLS);
    }
    // What the escapes wrapped is still shown, as text.
    expect(outputs[1].stdout).toContain('retitled by a feed');
    expect(outputs[2].stdout).toContain('captured soldiers');
    held.add('terminal-escapes');
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
    tally.set('failures survived', survivedFeeds + survivedPages + held.size);
    tally.add(
      'inputs tried',
      HELD_INPUTS.filter((n) => !pageCases.some((c) => c.name === n)).length,
    );

    // What must have come out: every story of every feed that works.
    const expected = new Set(
      [
        ...goodLinks,
        ...pageCases.map((c) => (c.storyUrl ?? c.link)(o)),
        ...feedCases.flatMap((c) => c.stories?.(o) ?? []),
      ].map(storyIdFor),
    );
    const stored = new Set(second.stories.map((s) => s.storyId));
    // Items of the hostile feeds: some have no usable link, so they are counted by feed.
    const hostileLost = Object.entries(HOSTILE_STORIES).reduce(
      (n, [feedId, count]) => n + Math.max(0, count - storiesOf(second, feedId).length),
      0,
    );
    tally.set('stories lost', [...expected].filter((id) => !stored.has(id)).length + hostileLost);

    const byUrl = new Map<string, number>();
    for (const s of second.stories) {
      // A story stored from a link-less item is told apart by the fragment normalizeUrl drops.
      const key = s.url.includes('#') ? s.url : normalizeUrl(s.url);
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

    expect(tally.get('inputs tried')).toBeGreaterThan(0);
    expect(tally.get('stories lost')).toBe(0);
    expect(tally.get('stories duplicated')).toBe(0);
    expect(tally.get('alerts duplicated')).toBe(0);
    expect(second.stories.length).toBe(
      expected.size + Object.values(HOSTILE_STORIES).reduce((a, b) => a + b, 0),
    );
    expect([...held].sort()).toEqual([...HELD_INPUTS].sort());
  });
});

/**
 * A healthy feed polled in the same cycle as feeds whose pages tarpit (they answer only when the
 * test releases them), nest 1,000 and 2,000 `<div>`s deep, or weigh 14 MB, with the fetcher's
 * production limits (20 s a page, 15 MiB). The same healthy feed alone, on a store of its own,
 * gives the baseline. What is asserted is the order of events: the healthy feed's alert goes out
 * while every tarpit is still unanswered, and every hostile item ends up stored from its feed's
 * text with the reason. The stall (the healthy alert's delay over the baseline) is reported.
 */
describe('a healthy feed polled beside tarpits, hanging feeds, deep markup and a 14 MB page', () => {
  const TARPIT_FEEDS = 3;
  /**
   * Feeds whose own URL never answers, all queued before the healthy one: more than three poll
   * batches of ten.
   */
  const HANGING_FEEDS = 30;
  const TARPIT_PAGES = 3;
  /**
   * Pages of one more site that answers nothing, all queued ahead of the healthy feed's items:
   * more than every extraction slot of the cycle together (three batches of ten).
   */
  const CROWD_PAGES = 40;
  /** One page on each of this many more hosts that answer nothing: again more than every slot. */
  const SPREAD_HOSTS = 32;
  const DEEP = [1000, 2000];
  const HUGE_BYTES = 14 * 1024 * 1024;

  interface Run {
    dataDir: string;
    services: LocalServices;
    slack: TestServer;
    runtime: LocalRuntime;
    /** Resolves with the clock reading when the first Slack post arrives. */
    firstPost: Promise<number>;
  }

  let site: TestServer;
  const tarpitServers: TestServer[] = [];
  const hangingServers: TestServer[] = [];
  const hangingIds = Array.from({ length: HANGING_FEEDS }, (_, n) => `hanging-${n}`);
  /** Tarpit requests held open; `release` answers every one still open. */
  const tarpit = { requests: 0, answered: 0, held: [] as ServerResponse[] };
  let crowdServer: TestServer;
  /** Hanging feeds whose poll had given up on them, now and when the healthy feed was polled. */
  let hangingGaveUp = 0;
  let hangingGaveUpAtHealthyPoll: number | undefined;
  const spreadServers: TestServer[] = [];
  /** Resolves when the first of the spread hosts receives a request (their items are queued). */
  let spreadAsked!: () => void;
  const spreadQueued = new Promise<void>((resolve) => {
    spreadAsked = resolve;
  });
  /** Resolves when the crowded site receives its first page request (its items are queued). */
  let crowdAsked!: () => void;
  const crowdQueued = new Promise<void>((resolve) => {
    crowdAsked = resolve;
  });
  /** The healthy feed answers once this resolves: in the crowded run, after the crowd queued. */
  let healthyGate: Promise<void> = Promise.resolve();
  const releaseTarpits = () => {
    for (const res of tarpit.held.splice(0)) {
      if (!res.writableEnded && !res.destroyed && res.req.url?.startsWith('/feed')) {
        res.destroy();
        continue;
      }
      if (res.destroyed || res.writableEnded) continue;
      tarpit.answered++;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readablePage('Released at last', 'TARPIT-PAGE-MARKER: answered on release.'));
    }
  };
  const runs: Run[] = [];
  let baseline: { run: Run; alertMs: number };
  let hostile: {
    run: Run;
    alertMs: number;
    tarpitRequestsAtAlert: number;
    tarpitAnsweredAtAlert: number;
    /** Requests the crowded site had received when the alert went out. */
    crowdRequestsAtAlert: number;
    /** The most requests any of the spread hosts had received when the alert went out. */
    spreadRequestsAtAlert: number;
    /** Hanging feeds given up on (each after the full timeout) when the alert went out. */
    hangingGaveUpAtAlert: number;
  };
  const healthyLinks: string[] = [];
  const markerOf = (id: string) => `HOSTILE-FALLBACK-${id.toUpperCase()}`;
  const hostileItems: { feedId: string; id: string; link: string; reason: RegExp }[] = [];

  async function startRun(feeds: { id: string; url: string }[]): Promise<Run> {
    const dataDir = mkdtempSync(join(tmpdir(), 'claimwatch-stall-'));
    const services = await openServices(dataDir);
    const slack = await startTestServer();
    let posted: (at: number) => void = () => {};
    const firstPost = new Promise<number>((resolve) => {
      posted = resolve;
    });
    slack.route('/hook', (_req, res) => {
      posted(performance.now());
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    const runtime = LocalRuntime.fromEnv(
      {
        ...services.env,
        FETCH_ALLOW_ADDRESSES: '127.0.0.1',
        SLACK_WEBHOOK_URL: `${slack.url}/hook`,
        // the crowded feed's forty items, all in one poll (the default takes thirty)
        MAX_ITEMS_PER_FEED: String(CROWD_PAGES),
      },
      parseFeedList(feeds),
      { retryDelaySeconds: () => 0 },
    );
    const run = { dataDir, services, slack, runtime, firstPost };
    runs.push(run);
    return run;
  }

  beforeAll(async () => {
    site = await startTestServer();
    for (let n = 0; n < TARPIT_FEEDS; n++) {
      // One server per tarpit feed: each is its own host, as several slow sites would be.
      const server = await startTestServer();
      server.route('/slow', (_req, res) => {
        tarpit.requests++;
        tarpit.held.push(res);
      });
      tarpitServers.push(server);
    }
    crowdServer = await startTestServer();
    crowdServer.route('/page', (_req, res) => {
      tarpit.requests++;
      crowdAsked();
      tarpit.held.push(res);
    });
    for (let n = 0; n < SPREAD_HOSTS; n++) {
      const server = await startTestServer();
      server.route('/page', (_req, res) => {
        tarpit.requests++;
        spreadAsked();
        tarpit.held.push(res);
      });
      spreadServers.push(server);
    }
    for (let n = 0; n < HANGING_FEEDS; n++) {
      // Each on its own host too: the per-host limit would otherwise queue them one behind another.
      const server = await startTestServer();
      server.route('/feed', (_req, res) => {
        // closed by the client: its poll gave up on the feed
        res.on('close', () => hangingGaveUp++);
        tarpit.held.push(res);
      });
      hangingServers.push(server);
    }
    const o = site.url;
    const item = (feedId: string, id: string, link: string, reason: RegExp) => {
      hostileItems.push({ feedId, id, link, reason });
      return `<item><title>Hostile ${id}</title><link>${link}</link><guid isPermaLink="false">${id}</guid><description>${markerOf(id)}: the feed's own text.</description></item>`;
    };
    const feeds = [{ id: 'healthy', url: `${o}/feed/healthy` }];
    for (let n = 0; n < TARPIT_FEEDS; n++) {
      const items = Array.from({ length: TARPIT_PAGES }, (_, i) =>
        item(
          `tarpit-${n}`,
          `tarpit-${n}-${i}`,
          `${tarpitServers[n].url}/slow?item=${i}`,
          /^page fetch failed \(timeout\)/,
        ),
      ).join('');
      site.route(`/feed/tarpit-${n}`, (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(rss(`Tarpit ${n}`, items));
      });
    }
    const crowdItems = Array.from({ length: CROWD_PAGES }, (_, i) =>
      item(
        'tarpit-crowd',
        `crowd-${i}`,
        `${crowdServer.url}/page?item=${i}`,
        /^page fetch failed \(timeout\)/,
      ),
    ).join('');
    site.route('/feed/tarpit-crowd', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss('Crowd', crowdItems));
    });
    const spreadItems = spreadServers
      .map((server, i) =>
        item(
          'tarpit-spread',
          `spread-${i}`,
          `${server.url}/page`,
          /^page fetch failed \(timeout\)/,
        ),
      )
      .join('');
    site.route('/feed/tarpit-spread', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss('Spread', spreadItems));
    });
    const markupItems = [
      ...DEEP.map((depth) =>
        item('markup', `deep-${depth}`, `${o}/deep/${depth}`, /^page-too-complex: .*nested/),
      ),
      item('markup', 'huge', `${o}/huge`, /^page-too-large: /),
    ].join('');
    site.route('/feed/markup', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss('Markup', markupItems));
    });
    for (const depth of DEEP) {
      const page = `<!doctype html><html><head><title>Deep ${depth}</title></head><body>${'<div>'.repeat(depth)}<p>Deep text.</p>${'</div>'.repeat(depth)}</body></html>`;
      site.route(`/deep/${depth}`, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
      });
    }
    const head = Buffer.from(
      '<!doctype html><html><head><title>Huge</title></head><body><article><p>',
    );
    const huge = Buffer.concat([head, Buffer.alloc(HUGE_BYTES - head.length, 'word ')]);
    site.route('/huge', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(huge);
    });

    healthyLinks.push(
      ...serveSampleSite(site, {
        feedPath: '/feed/healthy',
        feedTitle: 'Healthy',
        canonicalOnSite: true,
        feedGate: () => healthyGate,
      }),
    );

    // The same cycle without hostile feeds: the baseline.
    const alone = await startRun(feeds);
    const aloneStart = performance.now();
    await finishes(alone.runtime.runCycle(), 'the baseline cycle');
    baseline = { run: alone, alertMs: (await alone.firstPost) - aloneStart };

    // With them: the healthy feed's alert must not wait for any tarpit.
    // (`hanging-*` sorts before `healthy`, so every hanging feed is queued ahead of it, and the
    // healthy feed answers only once the crowded site's forty items are queued ahead of its own.)
    healthyGate = Promise.all([crowdQueued, spreadQueued]).then(() => {
      hangingGaveUpAtHealthyPoll = hangingGaveUp;
    });
    const crowded = await startRun([
      ...hangingIds.map((id, n) => ({ id, url: `${hangingServers[n].url}/feed` })),
      ...feeds,
      ...Array.from({ length: TARPIT_FEEDS }, (_, n) => ({
        id: `tarpit-${n}`,
        url: `${o}/feed/tarpit-${n}`,
      })),
      { id: 'markup', url: `${o}/feed/markup` },
      { id: 'tarpit-crowd', url: `${o}/feed/tarpit-crowd` },
      { id: 'tarpit-spread', url: `${o}/feed/tarpit-spread` },
    ]);
    const start = performance.now();
    const cycle = crowded.runtime.runCycle();
    const alertAt = await finishes(crowded.firstPost, 'the healthy feed’s alert');
    const tarpitRequestsAtAlert = tarpit.requests;
    const tarpitAnsweredAtAlert = tarpit.answered;
    const crowdRequestsAtAlert = crowdServer.requests.length;
    const spreadRequestsAtAlert = Math.max(...spreadServers.map((s) => s.requests.length));
    const hangingGaveUpAtAlert = hangingGaveUp;
    hostile = {
      run: crowded,
      alertMs: alertAt - start,
      tarpitRequestsAtAlert,
      tarpitAnsweredAtAlert,
      crowdRequestsAtAlert,
      spreadRequestsAtAlert,
      hangingGaveUpAtAlert,
    };
    // The tarpits stay silent until the cycle ends: their pages time out, and fall back.
    await finishes(cycle, 'the cycle with hostile feeds');
  }, 150_000);

  afterAll(async () => {
    releaseTarpits();
    await Promise.all([
      site?.close(),
      crowdServer?.close(),
      ...spreadServers.map((s) => s.close()),
      ...tarpitServers.map((s) => s.close()),
      ...hangingServers.map((s) => s.close()),
    ]);
    for (const run of runs) {
      await run.slack.close();
      await run.services.stop();
      rmSync(run.dataDir, { recursive: true, force: true });
    }
  });

  it('polls the healthy feed while every hanging feed is still unanswered', () => {
    // Thirty feeds that never answer, queued first, held none of the poll slots it needed.
    expect(hangingGaveUpAtHealthyPoll).toBe(0);
  });

  it('sends the healthy feed’s alert before any silent page is waited on for its full timeout', () => {
    // Seventy-two silent pages were queued ahead of the healthy feed's, more than every
    // extraction slot. Each had only its short first try when the alert went out: none had been
    // re-tried with the full timeout, and no tarpit had answered.
    expect(hostile.tarpitRequestsAtAlert).toBeGreaterThan(0);
    expect(hostile.tarpitAnsweredAtAlert).toBe(0);
    expect(hostile.crowdRequestsAtAlert).toBe(2);
    expect(hostile.spreadRequestsAtAlert).toBe(1);
    // The clock: the hanging feeds were asked as the cycle began, and none had yet been given up
    // on, so the alert came sooner than one full timeout after the cycle began.
    expect(hostile.hangingGaveUpAtAlert).toBe(0);
  });

  it('asks a site that answers nothing two pages at a time, however many pages it has', () => {
    // Forty pages: two first tries (given up after a few seconds) while the rest stepped out of
    // line and were re-queued; then two second tries with the full timeout. When those timed
    // out the site's breaker opened, and its other pages were never asked.
    expect(crowdServer.requests).toHaveLength(4);
  });

  it('asks each of many silent hosts twice: a short first try, then the full timeout', () => {
    for (const server of spreadServers) expect(server.requests).toHaveLength(2);
  });

  it('stores the healthy feed’s stories and alerts its figures as it does alone', async () => {
    const figuresOf = async (run: Run) => {
      const alerts = await run.runtime.deps.store.listAlerts();
      return [...new Set(alerts.map((a) => a.figureKey))].sort();
    };
    for (const run of [baseline.run, hostile.run]) {
      const stories = await run.runtime.deps.store.listStories();
      const healthy = stories.filter((s) => s.feedIds.includes('healthy'));
      expect(healthy.map((s) => s.storyId).sort()).toEqual(healthyLinks.map(storyIdFor).sort());
    }
    const alone = await figuresOf(baseline.run);
    expect(alone.length).toBeGreaterThan(0);
    expect(await figuresOf(hostile.run)).toEqual(alone);
  });

  it('stores every hostile item once, from its feed’s text, with the reason', async () => {
    const { store } = hostile.run.runtime.deps;
    const stories = await store.listStories();
    for (const h of hostileItems) {
      const matching = stories.filter((s) => s.storyId === storyIdFor(h.link));
      expect(matching, h.id).toHaveLength(1);
      const [story] = matching;
      expect(story.feedIds).toEqual([h.feedId]);
      expect(story.source, h.id).toBe('feed');
      expect(story.fallbackReason, h.id).toMatch(h.reason);
      expect(await store.getStoryBody(story.storyId), h.id).toContain(markerOf(h.id));
    }
    const feeds = await store.listFeeds();
    for (const feed of feeds) {
      if (hangingIds.includes(feed.feedId))
        expect(feed.lastError?.kind, feed.feedId).toBe('timeout');
      else expect(feed.lastError, feed.feedId).toBeUndefined();
    }
  });

  it('reports the longest stall of the healthy feed', () => {
    // Measured, not asserted: a busy machine stretches both cycles.
    tally.set(
      'longest stall of a healthy feed (ms)',
      Math.max(0, Math.round(hostile.alertMs - baseline.alertMs)),
    );
    tally.add('inputs tried', hostileItems.length + HANGING_FEEDS);
    tally.add('failures survived', hostileItems.length + HANGING_FEEDS);
    console.log(
      `healthy feed alert: ${Math.round(baseline.alertMs)} ms alone, ${Math.round(hostile.alertMs)} ms beside ${hostileItems.length} hostile pages and ${HANGING_FEEDS} hanging feeds`,
    );
  });
});
