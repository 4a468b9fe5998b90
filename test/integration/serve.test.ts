/**
 * `claimwatch serve` as a person uses it: the real CLI serving a data directory the demo filled
 * (plus a hostile feed, figure and alert written through the Store), every page opened in
 * Chromium through playwright-core. The test follows a figure to its sources, checks that
 * hostile titles are shown as text and that no script of theirs runs, and keeps screenshots in
 * test/artifacts/.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureAlias } from '../../cli/figure-id.ts';
import { openLocalStore } from '../../local/session.ts';
import { claimwatch, root } from '../helpers/cli.ts';

const artifacts = join(root, 'test/artifacts');
/** Debian's Chromium: playwright-core cannot download a browser of its own here. */
const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = `Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\``;

const HOSTILE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> "quoted" & 'single' & more`;
const HOSTILE_KEY = 'killed|troops|4242||KP';
const HOSTILE_ERROR = `HTTP 503 Service Unavailable: ${HOSTILE} and a long tail ${'which goes on '.repeat(12)}END`;

/** Writes a hostile feed, figure (two stories) and alert next to the demo's data. */
async function seedHostileData(dataDir: string): Promise<void> {
  const { store, close } = await openLocalStore(dataDir);
  try {
    const now = new Date();
    const demo = (await store.listFeeds()).find((f) => f.feedId === 'claimwatch-demo')!;
    await store.syncFeeds(
      [
        { feedId: demo.feedId, id: demo.feedId, url: demo.url, title: demo.title },
        {
          feedId: 'hostile-feed',
          id: 'hostile-feed',
          url: 'https://feeds.example/h.xml',
          title: HOSTILE,
        },
      ],
      `serve-test-${now.getTime()}`,
      now,
    );
    await store.saveFeedState({
      feedId: 'hostile-feed',
      url: 'https://feeds.example/h.xml',
      lastCheckedAt: now.toISOString(),
      nextCheckAt: new Date(now.getTime() + 3_600_000).toISOString(),
      errorCount: 3,
      lastError: { kind: 'http_status', message: HOSTILE_ERROR, at: now.toISOString() },
    });

    const figure = {
      metric: 'killed',
      unit: 'troops',
      value: 4242,
      qualifier: 'about',
      claimant: HOSTILE,
      claimantCountry: null,
      side: 'KP',
      asOf: '2024-11',
      evidence: `About 4,242 were killed, said ${HOSTILE}`,
    } as const;
    const stories = [
      { storyId: 'hostile-1', url: 'javascript:window.__pwned = 3', title: HOSTILE },
      {
        storyId: 'hostile-2',
        url: 'https://hostile.example/story?a="b"&c=<d>',
        title: `${HOSTILE} (2)`,
      },
    ];
    for (const story of stories) {
      await store.recordFigure(
        HOSTILE_KEY,
        figure,
        { storyId: story.storyId, url: story.url },
        now,
      );
      await store.putMention(
        {
          figureKey: HOSTILE_KEY,
          storyId: story.storyId,
          storyUrl: story.url,
          storyTitle: story.title,
          publishedAt: '2024-11-20T08:00:00.000Z',
          claimant: HOSTILE,
          claimantCountry: null,
          qualifier: 'about',
          asOf: '2024-11',
          evidence: `Evidence of ${story.storyId}: ${HOSTILE}`,
          seenAt: now.toISOString(),
        },
        null,
        'killed',
        'troops',
      );
    }
    await store.ensureAlert({
      alertId: 'hostile-alert',
      figureKey: HOSTILE_KEY,
      createdAt: now.toISOString(),
      status: 'failed',
      headline: HOSTILE,
      figure,
      storyId: 'hostile-2',
      storyUrl: stories[1]!.url,
      storyTitle: HOSTILE,
      attempts: 15,
      lastError: `slack: Slack answered HTTP 500 ${HOSTILE}`,
      channels: { slack: 'failed: Slack answered HTTP 500' },
    });
  } finally {
    await close();
  }
}

/** Starts `claimwatch serve --port 0` and waits for the address it prints. */
function startServe(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    [join(root, 'bin/claimwatch.mjs'), 'serve', '--port', '0', '--data-dir', dataDir],
    { cwd: root, env: { ...process.env, PUBLIC_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr!.on('data', (c: Buffer) => {
    out += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 60_000);
    const check = () => {
      const m = /claimwatch serve: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code}: ${out}`));
    });
  });
}

describe('claimwatch serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-serve-'));
  const dataDir = join(dir, 'data');
  let serve: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const offSite: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    const demo = await claimwatch(['demo', '--data-dir', dataDir]);
    expect(demo.code, demo.stderr).toBe(0);
    await seedHostileData(dataDir);
    serve = await startServe(dataDir);

    if (!existsSync(CHROMIUM)) return;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.route('**', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${serve.url}/`)) return route.continue();
      offSite.push(url);
      return route.abort();
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (serve?.child.exitCode === null) serve.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** A new page on the server, recording errors, CSP reports and dialogs (a script that ran). */
  const open = async (path: string): Promise<Page> => {
    if (!context) throw new Error(NO_CHROMIUM);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${path}: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await page.goto(`${serve.url}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  };
  const pwned = (page: Page) =>
    page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);

  it('finds Chromium to open the pages in', () => {
    expect(existsSync(CHROMIUM), NO_CHROMIUM).toBe(true);
  });

  it('says where it listens: 127.0.0.1 only', () => {
    expect(serve.output()).toMatch(/^claimwatch serve: http:\/\/127\.0\.0\.1:\d+\/ \(read-only/);
  });

  it('shows feed health with the failing feed first and its whole error, as text', async () => {
    const page = await open('/feeds');
    const rows = page.locator('#feeds tbody tr');
    expect(
      await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-feed-id'))),
    ).toEqual(['hostile-feed', 'claimwatch-demo']);
    expect(await rows.first().locator('strong').textContent()).toBe(HOSTILE);
    expect(await rows.first().locator('.error-text').textContent()).toBe(
      HOSTILE_ERROR.slice(0, 400),
    );
    expect(await rows.first().locator('.status').textContent()).toBe('failing');
    expect(await rows.nth(1).locator('.status').textContent()).toBe('ok');
    expect(await page.locator('img').count()).toBe(0);
    expect(await pwned(page)).toBeNull();
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'serve-feeds.png'), fullPage: true });
    await page.close();
  });

  it('shows when the last cycle ran and when the next one runs', async () => {
    const page = await open('/cycle');
    const last = await page.locator('[data-field="last"] time').getAttribute('datetime');
    const next = await page.locator('[data-field="next"] time').getAttribute('datetime');
    // The hostile feed was checked last (by the seeding); the demo feed is due first.
    expect(Date.parse(last!)).toBeGreaterThan(Date.now() - 600_000);
    expect(Date.parse(next!)).toBeLessThan(Date.now() + 3_600_000 - 60_000);
    await page.close();
  });

  it('lists alerts with their delivery state, hostile headlines as text', async () => {
    const page = await open('/alerts');
    const hostile = page.locator('tr[data-alert-id="hostile-alert"]');
    expect(await hostile.locator('a').first().textContent()).toBe(HOSTILE);
    expect(await hostile.textContent()).toContain('slack: failed: Slack answered HTTP 500');
    expect(await page.locator('tr[data-status="sent"]').count()).toBe(11);
    expect(await pwned(page)).toBeNull();
    await page.close();
  });

  it('draws the figures timeline and table, and follows a figure to its sources', async () => {
    const page = await open('/figures');
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    expect(await page.locator('html').getAttribute('data-charts')).toBe('8');
    expect(await page.locator('.legend .shapes').count()).toBe(1);
    expect(await page.locator('ul.claimants li').count()).toBeGreaterThanOrEqual(9);
    // The hostile figure's row: its story titles are text, its javascript: URL is not a link.
    const row = page.locator(`tr[data-figure-id="${HOSTILE_KEY}"]`);
    expect(await row.locator('td.date').textContent()).toBe('2024-11');
    expect(await row.textContent()).toContain(HOSTILE);
    expect(await row.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await pwned(page)).toBeNull();
    await page.screenshot({ path: join(artifacts, 'serve-figures.png'), fullPage: true });

    // Follow Zelensky's 3,000 to its page: every source with its evidence sentence.
    await page.locator('tr[data-figure-id="casualties|troops|3000||KP"] a.figure-link').click();
    await page.waitForURL(`${serve.url}/figures/${figureAlias('casualties|troops|3000||KP')}`);
    const sources = page.locator('ol.sources > li');
    expect(await sources.count()).toBe(5);
    for (const evidence of await sources.locator('blockquote.evidence').allTextContents()) {
      expect(evidence.length).toBeGreaterThan(20);
    }
    const links = await sources
      .locator('h3 a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(5);
    for (const link of links) expect(link).toMatch(/^https:\/\/demo\.claimwatch\.example\/news\//);
    expect(await page.locator('h1').textContent()).toBe(
      'More than 3,000 North Korean troops killed or wounded',
    );
    await page.close();
  });

  it('shows a hostile figure’s page with its titles as text and no script of theirs', async () => {
    const page = await open(`/figures/${figureAlias(HOSTILE_KEY)}`);
    const titles = await page.locator('ol.sources > li h3').allTextContents();
    expect(titles).toEqual([`${HOSTILE} (javascript:window.__pwned = 3)`, `${HOSTILE} (2)`]);
    expect(
      await page
        .locator('ol.sources a')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)),
    ).toEqual(['https://hostile.example/story?a=%22b%22&c=%3Cd%3E']);
    expect(await page.locator('#figure').textContent()).toContain(HOSTILE);
    expect(await page.locator('#figure').textContent()).toContain('2024-11');
    expect(await page.locator('img, iframe').count()).toBe(0);
    expect(await pwned(page)).toBeNull();
    await page.close();
  });

  it('filters figures by metric, claimant and date through the query string', async () => {
    const page = await open('/figures?metric=casualties&claimant=Zelenskyy&since=2024-12-01');
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    expect(
      await page.locator('section.chart-section').evaluateAll((s) => s.map((e) => e.id)),
    ).toEqual(['casualties-troops']);
    expect(
      await page
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-figure-id'))),
    ).toEqual(['casualties|troops|3000||KP']);
    await page.close();
    const bad = await context!.newPage();
    const response = await bad.goto(`${serve.url}/figures?metric=shells`);
    expect(response?.status()).toBe(400);
    expect(await bad.locator('p.problem').textContent()).toMatch(/unknown metric "shells"/);
    await bad.close();
  });

  it('serves an Atom feed of new figures that feed readers parse', async () => {
    const response = await fetch(`${serve.url}/figures.atom`);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const feed = await new Parser().parseString(xml);
    expect(feed.items).toHaveLength(12);
    const hostile = feed.items.find((i) => i.link?.endsWith(figureAlias(HOSTILE_KEY)))!;
    expect(hostile.title).toBe('About 4,242 North Korean troops killed');
    expect(hostile.author).toBe(HOSTILE);
    expect(hostile.summary).toContain(`said ${HOSTILE}`);
    expect(hostile.link).toBe(`${serve.url}/figures/${figureAlias(HOSTILE_KEY)}`);
  });

  it('leaves the data directory free between requests, so other commands can open it', async () => {
    // The server lets go of the directory once it has been idle a moment: until then another
    // command is refused with a clear message, and afterwards it opens.
    let figures = await claimwatch(['figures', '--data-dir', dataDir, '--json']);
    while (figures.code !== 0) {
      expect(figures.stderr).toMatch(/is (?:in use|locked)/);
      figures = await claimwatch(['figures', '--data-dir', dataDir, '--json']);
    }
    expect(JSON.parse(figures.stdout)).toHaveLength(12);
    // …and it still answers afterwards.
    expect((await fetch(`${serve.url}/feeds`)).status).toBe(200);
  });

  it('fetched nothing off the server, ran no foreign script, logged no error, and stops on Ctrl-C', async () => {
    expect(offSite).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    const exited = new Promise<number | null>((resolve) => serve.child.once('exit', resolve));
    serve.child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
