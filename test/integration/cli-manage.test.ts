/**
 * Managing feeds, alerts and figures from the CLI (issue #16): `feeds list/remove/pause/resume/
 * export/test`, `alerts test`, `figures reject/restore`, each through the real CLI against a
 * local data directory and servers on 127.0.0.1; and, in process, that a rejected figure never
 * alerts again while its new mentions are still stored, and that a paused feed is never due.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actor } from '../../cli/actor.ts';
import type { LocalServices } from '../../local/services.ts';
import { startLocalServices } from '../../local/services.ts';
import { loadConfig } from '../../shared/config.ts';
import { createDeps } from '../../shared/deps.ts';
import { parseOpml } from '../../shared/feeds/discover.ts';
import { parseFeedList } from '../../shared/feeds/feed-list.ts';
import { processArticle } from '../../shared/pipeline/claims.ts';
import type { ArticleMessage } from '../../shared/types.ts';
import { claimwatch } from '../helpers/cli.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';
import { serveSampleSite } from '../helpers/sample-site.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimwatch-manage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('feeds remove / export', () => {
  const list = join(dir, 'feeds.json');
  beforeAll(() => {
    writeFileSync(
      list,
      `${JSON.stringify(
        {
          note: 'kept',
          feeds: [
            { id: 'nk', url: 'https://nk.example/feed', title: 'NK & "Friends" <desk>' },
            { id: 'seoul', url: 'https://seoul.example/rss.xml?a=1&b=2' },
            { url: 'https://kyiv.example/atom', title: 'Kyiv\tdaily' },
          ],
        },
        null,
        2,
      )}\n`,
    );
  });

  it('exports OPML 2.0 that a feed reader imports, every attribute escaped', async () => {
    const { code, stdout, stderr } = await claimwatch(['feeds', 'export', '--feeds', list]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<opml version="2\.0">/);
    // Well-formed XML: an XML parser reads it without a parsererror.
    const doc = new JSDOM(stdout, { contentType: 'text/xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    const outlines = [...doc.querySelectorAll('body > outline')];
    expect(outlines.map((o) => o.getAttribute('type'))).toEqual(['rss', 'rss', 'rss']);
    expect(outlines.map((o) => o.getAttribute('xmlUrl'))).toEqual([
      'https://nk.example/feed',
      'https://seoul.example/rss.xml?a=1&b=2',
      'https://kyiv.example/atom',
    ]);
    expect(outlines[0]!.getAttribute('text')).toBe('NK & "Friends" <desk>');
    expect(outlines[0]!.getAttribute('title')).toBe('NK & "Friends" <desk>');
    expect(outlines[1]!.getAttribute('text')).toBe('seoul');
    expect(outlines[2]!.getAttribute('title')).toBe('Kyiv\tdaily');
    expect(stdout).toContain('text="NK &amp; &quot;Friends&quot; &lt;desk&gt;"');
    // And our own importer reads it back: the round trip `feeds import` would do.
    expect(parseOpml(stdout).map((f) => f.url)).toEqual(
      outlines.map((o) => o.getAttribute('xmlUrl')),
    );
  });

  it('removes a feed from the list file, keeping the file’s other fields', async () => {
    const { code, stdout, stderr } = await claimwatch([
      'feeds',
      'remove',
      'seoul',
      '--feeds',
      list,
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^removed seoul {2}https:\/\/seoul\.example\/rss\.xml\?a=1&b=2\n/);
    expect(stdout).toMatch(/stories and figures stay in the table/);
    const saved = JSON.parse(readFileSync(list, 'utf8'));
    expect(saved.note).toBe('kept');
    expect(saved.feeds.map((f: { url: string }) => f.url)).toEqual([
      'https://nk.example/feed',
      'https://kyiv.example/atom',
    ]);
  });

  it('refuses an unknown id in one line, naming the ids there are (exit 2)', async () => {
    const { code, stderr } = await claimwatch(['feeds', 'remove', 'nope', '--feeds', list]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^claimwatch: no feed "nope" in .*feeds\.json \(its ids: nk, /);
  });
});

describe('feeds test URL', () => {
  let site: TestServer;
  beforeAll(async () => {
    site = await startTestServer();
    serveSampleSite(site);
    site.route('/page', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>hi</body></html>',
      );
    });
  });
  afterAll(() => site.close());

  it('polls the feed once and shows each article’s figures, storing nothing', async () => {
    const dataDir = join(dir, 'feeds-test-data');
    const { code, stdout, stderr } = await claimwatch(
      ['feeds', 'test', `${site.url}/feed.xml`, '--items', '2'],
      { FETCH_ALLOW_ADDRESSES: '127.0.0.1', CLAIMWATCH_DATA_DIR: dataDir },
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^feed: {3}Sample\n/);
    expect(stdout).toMatch(/\nHTTP: {3}200, application\/rss\+xml/);
    expect(stdout).toMatch(/\nitems: {2}5\n/);
    expect(stdout).toMatch(
      /\n1\. .*\n {3}http:\/\/127\.0\.0\.1:\d+\/news\/.*\n {3}read from the page; about North Korea–Russia\n {3}figures: 2\n/,
    );
    expect(stdout).toMatch(
      / {5}- More than 3,000 North Korean troops killed or wounded — Volodymyr Zelensky/,
    );
    expect(stdout).toMatch(/3 more items not read .*Nothing was stored\.\n$/);
    // The feed and its 2 pages, nothing else; and no data directory was created.
    expect(site.requests.map((r) => r.path).filter((p) => p.startsWith('/news/'))).toHaveLength(2);
    expect(() => readFileSync(join(dataDir, 'claimwatch.lock'))).toThrow();
    const json = await claimwatch(
      ['feeds', 'test', `${site.url}/feed.xml`, '--items', '1', '--json'],
      {
        FETCH_ALLOW_ADDRESSES: '127.0.0.1',
      },
    );
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({ status: 200, title: 'Sample', items: 5 });
    expect(out.read).toHaveLength(1);
    expect(out.read[0].figures.length).toBeGreaterThan(0);
  });

  it('says in one line when the URL is a page, naming the feed it announces', async () => {
    const { code, stderr } = await claimwatch(['feeds', 'test', `${site.url}/page`], {
      FETCH_ALLOW_ADDRESSES: '127.0.0.1',
    });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      `claimwatch: ${site.url}/page is a web page, not a feed; it announces ${site.url}/feed.xml: test that instead`,
    );
  });
});

describe('alerts test', () => {
  let slack: TestServer;
  beforeAll(async () => {
    slack = await startTestServer();
    slack.route('/hook', (_req, res) => {
      res.writeHead(200);
      res.end('ok');
    });
    slack.route('/down', (_req, res) => {
      res.writeHead(403);
      res.end('invalid_token');
    });
  });
  afterAll(() => slack.close());

  it('sends one marked test message to each channel and says which succeeded', async () => {
    const { code, stdout, stderr } = await claimwatch(['alerts', 'test'], {
      SLACK_WEBHOOK_URL: `${slack.url}/hook`,
      ALERT_CONSOLE: 'true',
    });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^claimwatch test alert — not a figure\n/);
    expect(stdout).toMatch(/\nconsole: sent\nslack: sent\n$/);
    const posts = slack.requests.filter((r) => r.path === '/hook');
    expect(posts).toHaveLength(1);
    const body = JSON.parse(posts[0]!.body);
    expect(body.text).toMatch(/^claimwatch test alert — not a figure: /);
    expect(body.blocks[0].text.text).toBe('claimwatch test alert — not a figure');
  });

  it('exits 1 when a channel fails, and when none is configured', async () => {
    const failed = await claimwatch(['alerts', 'test'], { SLACK_WEBHOOK_URL: `${slack.url}/down` });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('slack: FAILED (Slack answered HTTP 403)\n');
    expect(failed.stderr.trim()).toMatch(/^claimwatch: 1 of 1 channels failed; check /);
    const none = await claimwatch(['alerts', 'test'], {
      SLACK_WEBHOOK_URL: undefined,
      SLACK_SECRET_ARN: undefined,
      ALERT_EMAIL_TO: undefined,
      ALERT_CONSOLE: undefined,
    });
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toMatch(
      /^claimwatch: no alert channel is configured: set SLACK_WEBHOOK_URL/,
    );
  });
});

describe('after `claimwatch demo`: pausing feeds and rejecting figures', () => {
  const dataDir = join(dir, 'demo-data');
  const run = (args: string[]) => claimwatch([...args, '--data-dir', dataDir]);
  beforeAll(async () => {
    const demo = await run(['demo']);
    expect(demo.code, demo.stderr).toBe(0);
  });

  it('pauses and resumes a feed, recording who and when; `feeds list` shows the pause', async () => {
    const paused = await run(['feeds', 'pause', 'claimwatch-demo', '--by', 'analyst-a']);
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.stdout).toMatch(/^paused claimwatch-demo \(by analyst-a at \d{4}-/);
    const list = await run(['feeds', 'list']);
    expect(list.stdout).toMatch(/claimwatch-demo\s+paused\s+0\s+.*paused by analyst-a 0 min ago/);
    const json = JSON.parse((await run(['feeds', 'list', '--json'])).stdout);
    expect(json[0].paused).toMatchObject({ by: 'analyst-a', at: expect.any(String) });
    expect((await run(['feeds'])).stdout).toMatch(/claimwatch-demo\s+paused/);
    const resumed = await run(['feeds', 'resume', 'claimwatch-demo']);
    expect(resumed.stdout).toMatch(/^resumed claimwatch-demo \(by /);
    const after = JSON.parse((await run(['feeds', 'list', '--json'])).stdout)[0];
    expect(after.paused).toBeUndefined();
    expect(after.resumed).toMatchObject({ by: actor() });
    const unknown = await run(['feeds', 'pause', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toMatch(
      /^claimwatch: no feed "nope" in the table \(its ids: claimwatch-demo\)/,
    );
  });

  it('rejects a figure: it leaves figures and the report, keeps who/when/why, and restores', async () => {
    const all = JSON.parse((await run(['figures', '--json'])).stdout) as {
      id: string;
      alias: string;
      value: number;
      metric: string;
    }[];
    expect(all).toHaveLength(11);
    const wrong = all.find((f) => f.metric === 'killed' && f.value === 100)!;
    const missingWhy = await run(['figures', 'reject', wrong.alias]);
    expect(missingWhy.code).toBe(2);
    expect(missingWhy.stderr.trim()).toMatch(/required option '--why <reason>'/);

    const rejected = await run([
      'figures',
      'reject',
      wrong.alias,
      '--why',
      'misread: it is wounded',
      '--by',
      'analyst-b',
    ]);
    expect(rejected.code, rejected.stderr).toBe(0);
    expect(rejected.stdout).toMatch(
      new RegExp(`^rejected ${wrong.alias} \\(killed troops 100\\) by analyst-b at `),
    );

    const left = JSON.parse((await run(['figures', '--json'])).stdout) as { id: string }[];
    expect(left).toHaveLength(10);
    expect(left.map((f) => f.id)).not.toContain(wrong.id);
    const listed = JSON.parse((await run(['figures', '--rejected', '--json'])).stdout);
    expect(listed).toEqual([
      expect.objectContaining({
        id: wrong.id,
        rejected: expect.objectContaining({ by: 'analyst-b', why: 'misread: it is wounded' }),
      }),
    ]);
    const report = await run(['report', '--out', join(dir, 'report.html')]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/10 figures/);

    const one = await run(['figure', wrong.alias]);
    expect(one.stdout).toMatch(/\nREJECTED: {3}by analyst-b at .*: misread: it is wounded\n/);
    const again = await run(['figures', 'reject', wrong.alias, '--why', 'twice']);
    expect(again.stdout).toMatch(/is already rejected \(by analyst-b/);

    const restored = await run(['figures', 'restore', wrong.alias, '--by', 'analyst-c']);
    expect(restored.stdout).toMatch(/^restored .* by analyst-c at /);
    expect(JSON.parse((await run(['figures', '--json'])).stdout)).toHaveLength(11);
    const history = JSON.parse((await run(['figure', wrong.alias, '--json'])).stdout);
    expect(history.rejected).toBeUndefined();
    const text = (await run(['figure', wrong.alias])).stdout;
    expect(text).toMatch(
      /history: {4}rejected by analyst-b at .*: misread: it is wounded\nhistory: {4}restored by analyst-c at /,
    );
    const unknown = await run(['figures', 'restore', 'fig-ffffffff']);
    expect(unknown.code).toBe(2);
    // Fourteen CLI processes in a row: on a busy machine each start takes seconds.
  }, 120_000);
});

describe('in the table: rejected figures and paused feeds', () => {
  let services: LocalServices;
  let deps: ReturnType<typeof createDeps>;
  const sent: object[][] = [];
  beforeAll(async () => {
    services = await startLocalServices();
    deps = createDeps(loadConfig({ ...services.env }));
  });
  afterAll(() => services?.stop());

  const article = (storyId: string, text: string): ArticleMessage => ({
    storyId,
    url: `https://news.example/${storyId}`,
    feedId: 'f',
    feedUrl: 'https://news.example/feed',
    title: 'North Korean troops in Kursk',
    byline: null,
    publishedAt: '2024-12-23T00:00:00Z',
    language: 'en',
    source: 'readability',
    text,
  });
  const claimDeps = () => ({
    store: deps.store,
    alertsQueue: { send: async (m: object[]) => void sent.push(m) },
  });

  it('a rejected figure queues no alert, on redelivery or corroboration, but keeps its mentions', async () => {
    const text =
      "South Korea's Joint Chiefs of Staff said on Monday that about 1,100 North Korean soldiers had been killed or injured in Russia's Kursk region, where Pyongyang sent troops to help Moscow.";
    const now = new Date('2024-12-24T00:00:00Z');
    const first = await processArticle(claimDeps(), article('s1', text), now);
    expect(first.newFigures).toHaveLength(1);
    expect(first.alertsQueued).toBe(1);
    const key = first.newFigures[0]!;
    expect(
      await deps.store.rejectFigure(key, { at: now.toISOString(), by: 'a', why: 'test' }),
    ).toBe(true);
    // Redelivered before its alert went out: it would be queued again if not rejected.
    const redelivered = await processArticle(claimDeps(), article('s1', text), now);
    expect(redelivered.alertsQueued).toBe(0);
    const corroborated = await processArticle(claimDeps(), article('s2', text), now);
    expect(corroborated.alertsQueued).toBe(0);
    expect((await deps.store.mentions(key)).map((m) => m.storyId)).toEqual(['s1', 's2']);
    expect((await deps.store.getFigure(key))?.storyIds).toEqual(['s1', 's2']);
    expect(sent).toHaveLength(1);
  });

  it('dueFeeds leaves a paused feed out until it is resumed', async () => {
    const list = parseFeedList([
      { id: 'a', url: 'https://a.example/feed' },
      { id: 'b', url: 'https://b.example/feed' },
    ]);
    const now = new Date();
    await deps.store.syncFeeds(list.feeds, list.hash, now);
    expect((await deps.store.dueFeeds(now)).map((f) => f.feedId)).toEqual(['a', 'b']);
    expect(await deps.store.pauseFeed('a', { at: now.toISOString(), by: 'x' })).toBe(true);
    expect(await deps.store.pauseFeed('nope', { at: now.toISOString(), by: 'x' })).toBe(false);
    expect((await deps.store.dueFeeds(now)).map((f) => f.feedId)).toEqual(['b']);
    // A sync of the same or a changed list keeps the pause.
    const changed = parseFeedList([
      ...list.feeds.map(({ feedId: _, ...f }) => f),
      { id: 'c', url: 'https://c.example/feed' },
    ]);
    await deps.store.syncFeeds(changed.feeds, changed.hash, now);
    expect((await deps.store.dueFeeds(now)).map((f) => f.feedId)).toEqual(['b', 'c']);
    await deps.store.resumeFeed('a', { at: now.toISOString(), by: 'y' });
    expect((await deps.store.dueFeeds(now)).map((f) => f.feedId)).toEqual(['a', 'b', 'c']);
  });
});
