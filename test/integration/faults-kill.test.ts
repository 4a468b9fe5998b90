import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoArticles, renderDemoPage } from '../../local/demo/pages.ts';
import { openLocalStore } from '../../local/session.ts';
import type { AlertRecord, FigureRecord, StoryRecord } from '../../shared/store/store.ts';
import { FaultTally } from '../helpers/fault-report.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';
import { EXPECTED_SOURCES } from '../helpers/sample-site.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

const tally = new FaultTally('faults-kill', [
  'inputs tried',
  'failures survived',
  'stories lost',
  'alerts duplicated',
]);

/** One `claimwatch run --once` process. */
interface Life {
  child: ChildProcess;
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describe('SIGKILL mid-cycle, then `claimwatch run --once` again', { timeout: 300_000 }, () => {
  const articles = loadDemoArticles();
  const tmp = mkdtempSync(join(tmpdir(), 'claimwatch-kill-'));
  let site: TestServer;
  let slack: TestServer;
  const held: ServerResponse[] = [];
  const heldPages: ServerResponse[] = [];
  let holdSlow = true;
  const running = new Set<ChildProcess>();

  beforeAll(async () => {
    site = await startTestServer();
    slack = await startTestServer();
    slack.route('/hook', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    // The first post to /hold never gets an answer: the process is killed while Slack has the
    // message but before it could record that.
    slack.route('/hold', (_req, res) => {
      if (held.length === 0) {
        held.push(res);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const feed = (name: string, path: string, chosen: typeof articles) => {
      const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title>${chosen
        .map(
          (a) =>
            `<item><title>${escapeXml(a.title)}</title><link>${site.url}/${path}/${a.slug}</link><guid isPermaLink="false">${a.slug}</guid><pubDate>Mon, 23 Dec 2024 09:00:00 GMT</pubDate></item>`,
        )
        .join('')}</channel></rss>`;
      const etag = `"${name}-1"`;
      // conditional GET: a poller that kept the ETag of a poll whose stories were lost would be
      // told "not modified"
      site.route(`/${name}.xml`, (req, res) => {
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
        res.end(xml);
      });
    };
    feed('a', 'slow', articles.slice(0, 3));
    feed('b', 'slow', articles.slice(3));
    feed('all', 'fast', articles);
    for (const a of articles) {
      const page = renderDemoPage({
        title: a.title,
        body: a.body,
        publishedAt: a.publishedAt,
        url: `https://sample.example/news/${a.slug}`,
        site: 'Sample Times',
      });
      const serve = (res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
      };
      site.route(`/fast/${a.slug}`, (_req, res) => serve(res));
      // While `holdSlow` is set, a slow page gets no answer at all: the process is killed
      // while it waits, whatever the machine's speed.
      site.route(`/slow/${a.slug}`, (_req, res) => {
        if (holdSlow) heldPages.push(res);
        else serve(res);
      });
    }
  });

  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL');
    await site?.close();
    await slack?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  function feedsFile(name: string, feeds: { id: string; url: string }[]): string {
    const path = join(tmp, `${name}-feeds.json`);
    writeFileSync(path, JSON.stringify({ feeds }));
    return path;
  }

  /** Starts `claimwatch run --once` in its own process, as a user would. */
  function live(feeds: string, dataDir: string, webhook: string): Life {
    tally.add('inputs tried');
    const child = spawn(
      process.execPath,
      [join(root, 'bin/claimwatch.mjs'), 'run', '--once', '--feeds', feeds, '--data-dir', dataDir],
      {
        cwd: root,
        env: {
          ...process.env,
          FETCH_ALLOW_ADDRESSES: '127.0.0.1',
          SLACK_WEBHOOK_URL: webhook,
          POWERTOOLS_LOG_LEVEL: 'SILENT',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    running.add(child);
    const stderr: string[] = [];
    child.stderr!.on('data', (c: Buffer) => stderr.push(c.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => {
        running.delete(child);
        resolve({ code, signal });
      }),
    );
    return { child, stderr, exited };
  }

  /**
   * Waits for a state of the world (a request seen, a record written), however long a busy
   * machine takes to get there; only the process dying first ends the wait early.
   */
  async function until(check: () => boolean | Promise<boolean>, what: string, life: Life) {
    while (!(await check())) {
      if (!running.has(life.child))
        throw new Error(`exited before ${what}: ${life.stderr.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Waits until the living process has finished polling a feed, read from its own table. */
  async function untilPolled(life: Life, dataDir: string, feedId: string) {
    const advert = join(dataDir, 'services.json');
    const advertised = () =>
      existsSync(advert) && JSON.parse(readFileSync(advert, 'utf8')).pid === life.child.pid;
    await until(advertised, 'the process to start its services', life);
    const { store, close } = await openLocalStore(dataDir);
    try {
      await until(
        async () => Boolean((await store.getFeed(feedId))?.lastSuccessAt),
        `feed ${feedId} polled`,
        life,
      );
    } finally {
      await close();
    }
  }

  async function kill(life: Life, dataDir: string) {
    life.child.kill('SIGKILL');
    expect(await life.exited).toEqual({ code: null, signal: 'SIGKILL' });
    tally.add('failures survived');
    // the killed process could not clean up: its advert stays, naming a dead pid
    const advert = JSON.parse(readFileSync(join(dataDir, 'services.json'), 'utf8'));
    expect(advert.pid).toBe(life.child.pid);
  }

  async function finish(life: Life) {
    const { code } = await life.exited;
    expect(code, life.stderr.join('')).toBe(0);
  }

  const posts = (path: string) =>
    slack.requests.filter((r) => r.method === 'POST' && r.path.split('?')[0] === path);
  /** The headlines of each post, digests unpacked. */
  const headlines = (body: string): string[] => {
    const { blocks } = JSON.parse(body) as { blocks: { text?: { text: string } }[] };
    if (!/^\d+ new figures$/.test(blocks[0].text?.text ?? '')) return [blocks[0].text!.text];
    return blocks.slice(1).map((b) => /^\*(.+)\*/.exec(b.text!.text)![1]);
  };

  async function readBack(dataDir: string) {
    const { store, close } = await openLocalStore(dataDir);
    try {
      const figures: FigureRecord[] = await store.listFigures();
      const stories: StoryRecord[] = await store.listStories();
      const alerts: AlertRecord[] = await store.listAlerts();
      const mentions = new Map<string, string[]>();
      for (const f of figures) {
        mentions.set(f.figureKey, (await store.mentions(f.figureKey)).map((m) => m.storyId).sort());
      }
      return { figures, stories, alerts, mentions };
    } finally {
      await close();
    }
  }

  /** Five stories once, the eleven figures with their sources and mentions, eleven alerts sent. */
  function expectWhole(state: Awaited<ReturnType<typeof readBack>>, delivered: string[]) {
    const { figures, stories, alerts, mentions } = state;
    const storyIds = new Set(stories.map((s) => s.storyId));
    tally.add('stories lost', articles.length - storyIds.size);
    tally.add('alerts duplicated', delivered.length - new Set(delivered).size);
    expect(stories).toHaveLength(5);
    expect(storyIds.size).toBe(5);
    expect(new Map(figures.map((f) => [f.figureKey, f.storyIds.length]))).toEqual(EXPECTED_SOURCES);
    for (const f of figures) expect(mentions.get(f.figureKey)).toEqual(f.storyIds);
    expect(alerts).toHaveLength(11);
    expect(alerts.map((a) => a.status)).toEqual(Array(11).fill('sent'));
    expect(delivered).toHaveLength(11);
    expect(new Set(delivered).size).toBe(11);
  }

  it('loses no story and sends no alert twice when killed mid-poll', async () => {
    const dataDir = join(tmp, 'mid-poll');
    const feeds = feedsFile('mid-poll', [
      { id: 'a', url: `${site.url}/a.xml` },
      { id: 'b', url: `${site.url}/b.xml` },
    ]);
    const webhook = `${slack.url}/hook?scenario=mid-poll`;
    const slowPages = () => site.requests.filter((r) => r.path.startsWith('/slow/')).length;

    // First life: both feeds are polled (their five items queued and marked seen, their ETags
    // kept), and the pages, read by extract-claims, get no answer: SIGKILL. Nothing stored,
    // nothing reached Slack.
    const first = live(feeds, dataDir, webhook);
    await untilPolled(first, dataDir, 'a');
    await untilPolled(first, dataDir, 'b');
    await until(() => slowPages() >= 1, 'the first page', first);
    await kill(first, dataDir);
    holdSlow = false;
    for (const res of heldPages.splice(0)) res.destroy();
    expect(posts('/hook')).toHaveLength(0);
    const fetched = (prefix: string) => site.requests.filter((r) => r.path.startsWith(prefix));
    expect(fetched('/a.xml')).toHaveLength(1);
    expect(fetched('/b.xml')).toHaveLength(1);
    expect((await readBack(dataDir)).stories).toHaveLength(0);

    // Second life: recovers (a stale advert, items queued in memory and gone while the table
    // says they were seen) and finishes the work; a third finds nothing to do.
    const second = live(feeds, dataDir, webhook);
    await finish(second);
    expect(second.stderr.join('')).toMatch(/recovered after an interrupted run: 5 articles/);
    // each feed was due again and asked for in full, not "if none match" its old ETag
    for (const path of ['/a.xml', '/b.xml']) {
      expect(fetched(path).map((r) => r.headers['if-none-match'])).toEqual([undefined, undefined]);
    }
    const answered = new Set(fetched('/slow/').map((r) => r.path));
    expect(answered.size).toBe(5);
    expect(existsSync(join(dataDir, 'services.json'))).toBe(false);
    const third = live(feeds, dataDir, webhook);
    await finish(third);

    const delivered = posts('/hook').flatMap((p) => headlines(p.body));
    const state = await readBack(dataDir);
    expectWhole(state, delivered);
    for (const alert of state.alerts) expect(alert.channels).toMatchObject({ slack: 'sent' });
  });

  it('never posts an alert twice when killed while Slack holds its answer', async () => {
    const dataDir = join(tmp, 'mid-delivery');
    const feeds = feedsFile('mid-delivery', [{ id: 'all', url: `${site.url}/all.xml` }]);
    const webhook = `${slack.url}/hold?scenario=mid-delivery`;

    // First life: everything is stored and the first digest is posted; Slack has it but has not
    // answered when the process dies.
    const first = live(feeds, dataDir, webhook);
    await until(() => posts('/hold').length >= 1, 'the first Slack post', first);
    await kill(first, dataDir);
    const unknownFate = headlines(posts('/hold')[0].body);
    expect(unknownFate.length).toBeGreaterThan(1);

    // Second life: what was posted without an answer is recorded `unconfirmed`, not posted
    // again; the rest goes out. A third life changes nothing.
    const second = live(feeds, dataDir, webhook);
    await finish(second);
    const third = live(feeds, dataDir, webhook);
    await finish(third);

    const delivered = posts('/hold').flatMap((p) => headlines(p.body));
    const state = await readBack(dataDir);
    expectWhole(state, delivered);
    const slackState = new Map(state.alerts.map((a) => [a.headline, a.channels?.slack]));
    for (const headline of delivered) {
      expect(slackState.get(headline)).toBe(
        unknownFate.includes(headline) ? 'unconfirmed' : 'sent',
      );
    }
  });

  it('ends with the suite’s figures: nothing lost, nothing duplicated', () => {
    tally.print();
    expect(tally.get('failures survived')).toBe(2);
    expect(tally.get('stories lost')).toBe(0);
    expect(tally.get('alerts duplicated')).toBe(0);
  });
});
