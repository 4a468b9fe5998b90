import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFeeds, parseOpml } from '../../shared/feeds/discover.ts';
import { claimwatch, root } from '../helpers/cli.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';

const opml = join(root, 'test/fixtures/feeds/subscriptions.opml');

describe('feed discovery and OPML', () => {
  it('finds the feeds a page announces, resolved against the page', () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/s.css">
      <link rel="alternate" type="application/rss+xml" title="All news" href="/rss.xml">
      <link rel="Alternate" type="application/atom+xml" href="https://cdn.example/atom">
      <link rel="alternate" hreflang="ko" href="/ko/">
    </head><body></body></html>`;
    expect(discoverFeeds(html, 'https://news.example/world/page')).toEqual([
      { url: 'https://news.example/rss.xml', title: 'All news' },
      { url: 'https://cdn.example/atom', title: null },
    ]);
  });

  it('reads nested OPML outlines and skips folders', () => {
    expect(parseOpml(readFileSync(opml, 'utf8'))).toEqual([
      { url: 'https://nk.example/feed/', title: 'NK desk' },
      { url: 'https://seoul.example/rss.xml', title: 'Seoul wire' },
      { url: 'https://kyiv.example/atom', title: 'Kyiv daily' },
    ]);
  });
});

describe('claimwatch feeds import / add', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-feeds-'));
  let site: TestServer;
  beforeAll(async () => {
    site = await startTestServer();
    site.route('/section', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>News</body></html>',
      );
    });
    site.route('/rss', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Section feed</title></channel></rss>',
      );
    });
    site.route('/plain', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>no feeds here</body></html>');
    });
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports an OPML file into the feed list without duplicates', async () => {
    const list = join(dir, 'feeds.json');
    writeFileSync(list, JSON.stringify({ feeds: [{ id: 'nk', url: 'http://nk.example/feed' }] }));
    const { code, stdout } = await claimwatch(['feeds', 'import', opml, '--feeds', list]);
    expect(code).toBe(0);
    expect(stdout).toContain('2 added');
    const saved = JSON.parse(readFileSync(list, 'utf8')).feeds.map((f: { url: string }) => f.url);
    expect(saved).toEqual([
      'http://nk.example/feed',
      'https://seoul.example/rss.xml',
      'https://kyiv.example/atom',
    ]);
  });

  it('adds the feed a page links to, after checking it parses', async () => {
    const list = join(dir, 'added.json');
    const { code, stdout } = await claimwatch(
      ['feeds', 'add', `${site.url}/section`, '--feeds', list],
      {
        FETCH_ALLOW_ADDRESSES: '127.0.0.1',
      },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('1 added');
    expect(JSON.parse(readFileSync(list, 'utf8'))).toEqual({
      feeds: [{ id: '127-0-0-1-rss', url: `${site.url}/rss`, title: 'Section feed' }],
    });
  });

  it('refuses a page with no feed, and a private address unless allowed, in one line', async () => {
    const list = join(dir, 'none.json');
    const none = await claimwatch(['feeds', 'add', `${site.url}/plain`, '--feeds', list], {
      FETCH_ALLOW_ADDRESSES: '127.0.0.1',
    });
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe(
      `claimwatch: ${site.url}/plain is neither a feed nor a page that links to one`,
    );
    const blocked = await claimwatch(['feeds', 'add', `${site.url}/rss`, '--feeds', list], {
      FETCH_ALLOW_ADDRESSES: '',
    });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr.trim()).toMatch(/^claimwatch: refusing to fetch from 127\.0\.0\.1/);
  });
});
