import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimwatch, root } from '../helpers/cli.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';
import { slackAlerts as receivedAlerts } from '../helpers/slack.ts';

const sample = join(root, 'local/demo/articles/000_zelensky-kursk-toll.txt');

describe('claimwatch CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('extract --json prints title, byline, text, tags and figures for a text article', async () => {
    const { code, stdout } = await claimwatch([
      'extract',
      '--json',
      sample,
      '--published',
      '2024-12-23',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['title', 'byline', 'text', 'tags', 'figures']);
    expect(out.tags.relevant).toBe(true);
    const zelensky = out.figures.find((f: { value: number }) => f.value === 3000);
    expect(zelensky).toMatchObject({
      metric: 'casualties',
      unit: 'troops',
      qualifier: 'more_than',
      claimantCountry: 'UA',
      side: 'KP',
    });
    expect(zelensky.claimant).toMatch(/Zelensk/);
    expect(typeof zelensky.evidence).toBe('string');
  });

  it('extract reads an HTML file through Readability', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      `<!doctype html><html lang="en"><head><title>Kursk losses</title></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Kursk losses</h1>
      <p>South Korea's Joint Chiefs of Staff said on Monday that about 1,100 North Korean soldiers had been killed or injured in Russia's Kursk region, where Pyongyang sent troops to help Moscow.</p>
      <p>The estimate came as Ukraine's president warned that Pyongyang could send more troops and equipment to the Russian army in the coming months.</p>
      <p>Officials in Seoul said the losses were incurred in fighting against Ukrainian forces in the Kursk border region over the past several weeks.</p>
      </article><footer>Subscribe to our newsletter</footer></body></html>`,
    );
    const { code, stdout } = await claimwatch([
      'extract',
      '--json',
      page,
      '--published',
      '2024-12-23',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.text).toContain('1,100 North Korean soldiers');
    expect(out.text).not.toContain('newsletter');
    expect(out.figures).toEqual([
      expect.objectContaining({
        metric: 'casualties',
        value: 1100,
        qualifier: 'about',
        claimantCountry: 'KR',
      }),
    ]);
  });

  it('extract fetches a URL through the guarded fetcher', async () => {
    const site = await startTestServer();
    site.route('/story', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<html><head><title>Supplies</title></head><body><article><h1>Supplies</h1><p>South Korea's spy agency said North Korea had shipped about 7,000 containers of munitions to Russia since August, according to lawmakers briefed by the agency on Tuesday.</p><p>The shipments are believed to include artillery shells and rockets used by Russian forces along the front line in Ukraine, the lawmakers said after the briefing.</p></article></body></html>`,
      );
    });
    try {
      const ok = await claimwatch(['extract', '--json', `${site.url}/story`], {
        FETCH_ALLOW_ADDRESSES: '127.0.0.1',
      });
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout).figures).toEqual([
        expect.objectContaining({
          metric: 'supplied',
          unit: 'containers',
          value: 7000,
          qualifier: 'about',
        }),
      ]);
      const refused = await claimwatch(['extract', `${site.url}/story`], {
        FETCH_ALLOW_ADDRESSES: '',
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toMatch(/^claimwatch: refusing to fetch from 127\.0\.0\.1/);
    } finally {
      await site.close();
    }
  });

  it('fails with one clear line and a non-zero exit on bad input', async () => {
    const missing = await claimwatch(['extract', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^claimwatch: cannot read .*nope\.txt: ENOENT$/);
    const badDate = await claimwatch(['extract', sample, '--published', '23/12/2024']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--published must be a date as YYYY-MM-DD/);
    const unknown = await claimwatch(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
  });

  it('every command answers --help', async () => {
    for (const command of ['run', 'demo', 'extract', 'figures', 'feeds', 'alerts']) {
      const { code, stdout } = await claimwatch([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: claimwatch /);
    }
  });
});

describe('after `claimwatch demo`, every query command answers from its data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-demo-'));
  const dataDir = join(dir, 'data');
  let slack: TestServer;
  let first: Awaited<ReturnType<typeof claimwatch>>;
  const run = (args: string[]) => claimwatch([...args, '--data-dir', dataDir]);

  beforeAll(async () => {
    slack = await startTestServer();
    slack.route('/hook', (_req, res) => {
      res.writeHead(200);
      res.end('ok');
    });
    first = await claimwatch(['demo', '--data-dir', dataDir], {
      SLACK_WEBHOOK_URL: `${slack.url}/hook`,
    });
  });
  afterAll(async () => {
    await slack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const slackAlerts = () => receivedAlerts(slack.requests);

  it('prints the eleven alerts and a summary table, and delivers each to Slack exactly once', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.match(/^NEW FIGURE: /gm)).toHaveLength(11);
    expect(first.stdout).toMatch(/feeds polled\s+stories stored\s+figures\s+new figures\s+alerts/);
    expect(first.stdout).toMatch(/\n1\s+5\s+11\s+11\s+11\n/);
    const delivered = slackAlerts();
    expect(delivered).toHaveLength(11);
    expect(new Set(delivered).size).toBe(11);
  });

  it('figures: JSON, table and CSV, and filters by metric, claimant and date', async () => {
    const list = JSON.parse((await run(['figures', '--json'])).stdout) as {
      id: string;
      metric: string;
      value: number;
      sources: number;
      claimants: string[];
    }[];
    expect(list).toHaveLength(11);
    expect(list.find((f) => f.metric === 'casualties' && f.value === 3000)?.sources).toBe(5);
    expect((await run(['figures'])).stdout).toMatch(/casualties\s+troops\s+3,000\s+more_than/);
    const csv = (await run(['figures', '--csv'])).stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^id,metric,unit,value,/);
    expect(csv).toHaveLength(12);
    const casualties = JSON.parse(
      (await run(['figures', '--metric', 'casualties', '--json'])).stdout,
    );
    expect(
      casualties.map((f: { value: number }) => f.value).sort((a: number, b: number) => a - b),
    ).toEqual([30, 1100, 3000]);
    const zelensky = JSON.parse(
      (await run(['figures', '--claimant', 'Zelenskyy', '--json'])).stdout,
    );
    expect(zelensky.map((f: { id: string }) => f.id)).toEqual(['casualties|troops|3000||KP']);
    const none = await run(['figures', '--since', '2025-01-01']);
    expect(none.stdout).toMatch(/^no figures match/);
  });

  it('figure ID: every story that reported it, with its evidence sentence', async () => {
    const out = JSON.parse((await run(['figure', 'casualties|troops|3000||KP', '--json'])).stdout);
    expect(out.mentions).toHaveLength(5);
    for (const m of out.mentions) expect(m.evidence).toMatch(/3,000|three thousand/);
    const text = (await run(['figure', 'casualties|troops|3000||KP'])).stdout;
    expect(text).toMatch(/sources:\s+5/);
    const missing = await run(['figure', 'killed|troops|9||KP']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(
      'claimwatch: no figure with id "killed|troops|9||KP": `claimwatch figures` lists them',
    );
  });

  it('stories and story: by tag, feed and date, as table, JSON and CSV', async () => {
    const all = JSON.parse((await run(['stories', '--json'])).stdout) as {
      url: string;
      metrics: string[];
    }[];
    expect(all).toHaveLength(5);
    const supplied = JSON.parse((await run(['stories', '--tag', 'supplied', '--json'])).stdout);
    expect(supplied).toHaveLength(1);
    expect(
      JSON.parse((await run(['stories', '--feed', 'claimwatch-demo', '--json'])).stdout),
    ).toHaveLength(5);
    expect(
      JSON.parse((await run(['stories', '--since', '2024-12-24', '--json'])).stdout),
    ).toHaveLength(0);
    expect((await run(['stories', '--csv'])).stdout.split('\n')[0]).toMatch(/^storyId,url,title,/);
    const story = await run(['story', all[0].url]);
    expect(story.code).toBe(0);
    expect(story.stdout).toContain(all[0].url);
    expect(story.stdout).toMatch(/relevant: yes/);
  });

  it('feeds and alerts: health and delivery state', async () => {
    expect((await run(['feeds'])).stdout).toMatch(
      /claimwatch-demo\s+ok\s+0\s+\d+ min ago\s+in \d+ min\s+5/,
    );
    const alerts = JSON.parse((await run(['alerts', '--json'])).stdout);
    expect(alerts).toHaveLength(11);
    expect(
      alerts.every(
        (a: { status: string; channels: Record<string, string> }) =>
          a.status === 'sent' && a.channels.slack === 'sent',
      ),
    ).toBe(true);
    expect((await run(['alerts', '--failed'])).stdout.trim()).toBe(
      'no failed or unconfirmed alerts',
    );
  });

  it('rejects bad filters in one line', async () => {
    const metric = await run(['figures', '--metric', 'tanks']);
    expect(metric.code).toBe(2);
    expect(metric.stderr.trim()).toMatch(
      /^claimwatch: unknown metric "tanks": use one of deployed, /,
    );
    const date = await run(['stories', '--until', '2024-02-31']);
    expect(date.code).toBe(2);
    expect(date.stderr.trim()).toBe(
      'claimwatch: --until must be a date as YYYY-MM-DD, got "2024-02-31"',
    );
  });

  it('alerts nothing when run again', async () => {
    const second = await claimwatch(['demo', '--data-dir', dataDir], {
      SLACK_WEBHOOK_URL: `${slack.url}/hook`,
    });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toMatch(/NEW FIGURE/);
    expect(second.stdout).toMatch(/\n1\s+0\s+11\s+0\s+0\n/);
    expect(slackAlerts()).toHaveLength(11);
  });
});
