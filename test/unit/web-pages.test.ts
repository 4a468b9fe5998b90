/**
 * The web view's pages and Atom feed carry story titles, evidence, claimants, URLs and feed
 * errors, which anyone can write. None of it may become markup, a script or a non-web link, and
 * the Atom feed must stay well-formed XML whatever the text holds.
 */
import type { AddressInfo } from 'node:net';
import { JSDOM } from 'jsdom';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureAlias } from '../../cli/figure-id.ts';
import { buildReportModel } from '../../shared/report/model.ts';
import type { FigureSummary } from '../../shared/store/queries.ts';
import type {
  AlertRecord,
  FeedRecord,
  FigureRecord,
  MentionRecord,
  Store,
} from '../../shared/store/store.ts';
import { escapeXml, renderAtom } from '../../shared/web/atom.ts';
import { figurePath, figureUrl, publicBase } from '../../shared/web/links.ts';
import {
  alertsPage,
  cycleOf,
  cyclePage,
  feedsPage,
  figurePage,
  figuresPage,
  sortFeedsForHealth,
} from '../../shared/web/pages.ts';
import { createWebServer, parseFigureQuery } from '../../shared/web/server.ts';

const now = new Date('2025-01-10T12:00:00Z');
const HOSTILE = `<script>alert("x")</script><img src=x onerror="alert(1)"> "quoted" & 'single' & more`;
const KEY = 'casualties|troops|3000||KP';

const figure: FigureRecord = {
  figureKey: KEY,
  metric: 'casualties',
  unit: 'troops',
  value: 3000,
  qualifier: 'more_than',
  claimant: HOSTILE,
  claimantCountry: null,
  side: 'KP',
  asOf: '2024-12',
  evidence: `Evidence ${HOSTILE} \u0000\u001b[2J\u0007 end`,
  firstSeenAt: '2025-01-02T03:04:05.000Z',
  firstStoryId: 's1',
  firstStoryUrl: 'javascript:alert(1)',
  storyIds: ['s1', 's2'],
  claimants: [HOSTILE],
};

const mentions: MentionRecord[] = [
  {
    figureKey: KEY,
    storyId: 's1',
    storyUrl: 'javascript:alert(1)',
    storyTitle: HOSTILE,
    publishedAt: '2024-12-23T09:00:00.000Z',
    claimant: HOSTILE,
    claimantCountry: null,
    qualifier: 'more_than',
    evidence: `They said ${HOSTILE}`,
    seenAt: '2025-01-02T03:04:05.000Z',
  },
  {
    figureKey: KEY,
    storyId: 's2',
    storyUrl: 'https://news.example/a"onmouseover="alert(1)',
    storyTitle: 'A plain title',
    publishedAt: '2024-12-24T09:00:00.000Z',
    claimant: 'Zelenskyy',
    claimantCountry: 'UA',
    qualifier: 'more_than',
    asOf: '2024-12',
    evidence: 'More than 3,000 were killed or wounded.',
    seenAt: '2025-01-03T03:04:05.000Z',
  },
];

const feed = (fields: Partial<FeedRecord> & { feedId: string }): FeedRecord => ({
  url: `https://feeds.example/${fields.feedId}.xml`,
  nextCheckAt: '2025-01-10T12:05:00.000Z',
  errorCount: 0,
  ...fields,
});

const feeds: FeedRecord[] = [
  feed({
    feedId: 'b-ok',
    lastCheckedAt: '2025-01-10T11:55:00.000Z',
    lastSuccessAt: '2025-01-10T11:55:00.000Z',
  }),
  feed({
    feedId: 'a-failing',
    title: HOSTILE,
    url: 'javascript:alert(2)',
    errorCount: 4,
    lastCheckedAt: '2025-01-10T11:58:00.000Z',
    nextCheckAt: '2025-01-10T14:00:00.000Z',
    lastError: {
      kind: 'http_status',
      message: `HTTP 503 from the server, and then a long explanation ${HOSTILE} ${'x'.repeat(300)} END`,
      at: '2025-01-10T11:58:00.000Z',
    },
  }),
  feed({ feedId: 'c-new', nextCheckAt: '2025-01-10T12:01:00.000Z' }),
];

const alert: AlertRecord = {
  alertId: 'alert-1',
  figureKey: KEY,
  createdAt: '2025-01-02T03:04:05.000Z',
  status: 'failed',
  headline: HOSTILE,
  figure,
  storyId: 's1',
  storyUrl: 'javascript:alert(1)',
  storyTitle: HOSTILE,
  attempts: 3,
  lastError: `slack: ${HOSTILE}`,
  channels: { slack: 'failed: Slack answered HTTP 500', console: 'sent' },
};

const parse = (html: string) => new JSDOM(html).window.document;

/** What a page must never contain, whatever the data: markup, handlers or script links. */
function expectInert(html: string, allowedScripts: string[] = []) {
  const doc = parse(html);
  const scripts = [...doc.querySelectorAll('script')];
  expect(scripts.filter((s) => !s.getAttribute('type')).map((s) => s.getAttribute('src'))).toEqual(
    allowedScripts,
  );
  expect(doc.querySelector('img')).toBeNull();
  const handlers = [...doc.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
  );
  expect(handlers).toEqual([]);
  for (const a of doc.querySelectorAll('a[href]')) {
    expect(a.getAttribute('href')).not.toMatch(/^\s*(javascript|data):/i);
  }
  return doc;
}

describe('web view pages', () => {
  it('shows feed health with failing feeds first and the whole last error, as text', () => {
    expect(sortFeedsForHealth(feeds).map((f) => f.feedId)).toEqual(['a-failing', 'c-new', 'b-ok']);
    const doc = expectInert(feedsPage(feeds, now));
    const rows = [...doc.querySelectorAll('#feeds tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['failing', 'new', 'ok']);
    expect(rows[0]!.textContent).toContain(HOSTILE);
    expect(doc.querySelector('.error-text')!.textContent).toMatch(/^HTTP 503 .* END$/s);
    expect(doc.querySelector('.error-text')!.textContent).toContain(HOSTILE);
    // The javascript: feed URL is shown, never linked.
    expect(rows[0]!.querySelector('a')).toBeNull();
    expect(rows[0]!.textContent).toContain('javascript:alert(2)');
  });

  it('derives the cycle: the last from lastCheckedAt, the next from the earliest nextCheckAt', () => {
    const cycle = cycleOf(feeds, now);
    expect(cycle).toMatchObject({
      lastRanAt: '2025-01-10T11:58:00.000Z',
      nextAt: '2025-01-10T12:01:00.000Z',
      feeds: 3,
      failing: 1,
      backingOff: 1,
      due: 0,
    });
    const doc = expectInert(cyclePage(cycle, now));
    expect(doc.querySelector('[data-field="last"]')!.textContent).toContain(
      '2025-01-10 11:58 UTC (2 min ago)',
    );
    expect(doc.querySelector('[data-field="next"]')!.textContent).toContain('(in 1 min)');
    expect(cycleOf([], now)).toMatchObject({ lastRanAt: null, nextAt: null });
  });

  it('shows one figure with every source and its evidence, hostile text as text', () => {
    const doc = expectInert(figurePage(figure, mentions, now));
    const items = [...doc.querySelectorAll('ol.sources > li')];
    expect(items).toHaveLength(2);
    // The javascript: story URL is shown as text beside its title, not linked.
    expect(items[0]!.querySelector('h3')!.textContent).toBe(`${HOSTILE} (javascript:alert(1))`);
    expect(items[0]!.querySelector('blockquote')!.textContent).toBe(`They said ${HOSTILE}`);
    // Only the http(s) story is a link; the `"` in its URL cannot end the attribute.
    expect([...doc.querySelectorAll('#sources a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://news.example/a%22onmouseover=%22alert(1)',
    ]);
    expect(doc.querySelector('#figure')!.textContent).toContain(HOSTILE);
    expect(doc.querySelector('#figure')!.textContent).toContain('2024-12');
  });

  it('shows alerts with their delivery state per channel', () => {
    const doc = expectInert(alertsPage([alert], now));
    const row = doc.querySelector('#alerts tbody tr')!;
    expect(row.getAttribute('data-status')).toBe('failed');
    const link = row.querySelector('a')!;
    expect(link.textContent).toBe(HOSTILE);
    expect(link.getAttribute('href')).toBe(`/figures/${figureAlias(KEY)}`);
    expect(row.textContent).toContain('slack: failed: Slack answered HTTP 500');
    expect(row.querySelector('.error-text')!.textContent).toBe(`slack: ${HOSTILE}`);
  });

  it('renders the figures timeline with the report, its filters echoed as text', () => {
    const summary: FigureSummary = {
      id: KEY,
      metric: 'casualties',
      unit: 'troops',
      value: 3000,
      qualifier: 'more_than',
      side: 'KP',
      claimant: HOSTILE,
      claimantCountry: null,
      claimants: [HOSTILE],
      date: '2024-12',
      asOf: '2024-12',
      firstSeenAt: figure.firstSeenAt,
      sources: 2,
      latestSource: 'javascript:alert(1)',
      latestSourceAt: null,
    };
    const model = buildReportModel([summary], new Map([[KEY, mentions]]));
    const query = { claimant: `"><script>alert(3)</script>`, metric: 'casualties' };
    const doc = expectInert(figuresPage(model, query, { claimants: [HOSTILE] }), [
      '/assets/chart.js',
      '/assets/report.js',
    ]);
    expect(doc.querySelector<HTMLInputElement>('input[name="claimant"]')!.value).toBe(
      query.claimant,
    );
    expect(doc.querySelector<HTMLOptionElement>('option[selected]')!.value).toBe('casualties');
    const row = doc.querySelector(`tr[data-figure-id="${KEY}"]`)!;
    expect(row.querySelector('a.figure-link')!.getAttribute('href')).toBe(figurePath(KEY));
    expect(row.querySelector('td.date')!.textContent).toBe('2024-12');
    // The data travels as JSON that cannot close its element.
    const data = doc.getElementById('claimwatch-data')!;
    expect(data.textContent).not.toMatch(/<\/script/i);
    const parsed = JSON.parse(data.textContent!);
    expect(parsed.charts[0].series[0].points[0].xEnd).toBe(Date.UTC(2025, 0, 1));
    // The legend is once on the page, and names each colour.
    expect(doc.querySelectorAll('.legend .shapes')).toHaveLength(1);
    expect(doc.querySelector('ul.claimants')!.textContent).toMatch(/\((blue|orange)\)/);
  });

  it('reads the figure filters from the query string, refusing bad ones', () => {
    const q = (s: string) => parseFigureQuery(new URLSearchParams(s));
    expect(q('metric=killed&claimant=%20Zelensky%20&since=2024-12-01&until=2024-12-31')).toEqual({
      metric: 'killed',
      claimant: 'Zelensky',
      since: '2024-12-01',
      until: '2024-12-31',
    });
    expect(q('')).toEqual({});
    expect(() => q('metric=shells')).toThrow(/unknown metric "shells"/);
    expect(() => q('since=2024-99-99')).toThrow(/YYYY-MM-DD/);
    expect(() => q('since=2024-12-31&until=2024-12-01')).toThrow(/after/);
  });
});

describe('Atom feed of new figures', () => {
  const older: FigureRecord = {
    ...figure,
    figureKey: 'killed|troops|100||KP',
    metric: 'killed',
    value: 100,
    qualifier: 'exact',
    claimant: 'Zelenskyy',
    claimantCountry: 'UA',
    asOf: undefined,
    evidence: 'About 100 were killed.',
    firstSeenAt: '2025-01-01T00:00:00.000Z',
    firstStoryUrl: 'https://news.example/older',
  };
  const xml = renderAtom([older, figure], 'https://watch.example/cw/', now);

  it('is well-formed XML, with control characters dropped', () => {
    const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    expect(xml).not.toMatch(/[\u0000\u001b\u0007]/);
    expect(escapeXml('a\u0000b\uFFFEc\uD800d & <e>')).toBe('abcd &amp; &lt;e&gt;');
    expect(escapeXml('😀')).toBe('😀');
  });

  it('parses in a feed reader with title, claimant, evidence and a link to the figure page', async () => {
    const parsed = await new Parser().parseString(xml);
    expect(parsed.title).toBe('claimwatch: new figures');
    expect(parsed.items.map((i) => i.title)).toEqual([
      'More than 3,000 North Korean troops killed or wounded',
      '100 North Korean troops killed',
    ]);
    const [first, second] = parsed.items;
    expect(first!.link).toBe(`https://watch.example/cw/figures/${figureAlias(KEY)}`);
    expect(first!.author).toBe(HOSTILE);
    expect(first!.summary).toContain(`Evidence ${HOSTILE}`);
    expect(first!.summary).toContain('as of 2024-12');
    expect(second!.author).toBe('Volodymyr Zelensky (UA)');
    expect(second!.summary).toContain('“About 100 were killed.”');
    expect(first!.id).toBe(`urn:claimwatch:figure:${figureAlias(KEY)}`);
  });
});

describe('web view links', () => {
  it('links figures under an http(s) PUBLIC_URL only', () => {
    expect(publicBase('https://watch.example/cw/')).toBe('https://watch.example/cw');
    expect(publicBase('javascript:alert(1)')).toBeNull();
    expect(publicBase(undefined)).toBeNull();
    expect(figureUrl('http://127.0.0.1:8080', KEY)).toBe(
      `http://127.0.0.1:8080/figures/${figureAlias(KEY)}`,
    );
    expect(figurePath(KEY)).toMatch(/^\/figures\/fig-[0-9a-f]{8}$/);
  });
});

describe('web view server', () => {
  const fakeStore = {
    listFeeds: async () => feeds,
    listFigures: async () => [figure],
    getFigure: async (key: string) => (key === KEY ? figure : undefined),
    mentions: async (key: string) => (key === KEY ? mentions : []),
    listAlerts: async () => [alert],
  } as unknown as Store;
  const server = createWebServer({
    source: { label: 'test data', read: (query) => query(fakeStore) },
    chartLibrary: { name: 'Stub', version: '0', source: 'window.Chart = function () {};' },
    now: () => now,
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('answers every page with a strict CSP, and refuses other hosts and methods', async () => {
    for (const path of [
      '/figures',
      '/feeds',
      '/alerts',
      '/cycle',
      `/figures/${figureAlias(KEY)}`,
    ]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toMatch(
        /default-src 'none'; script-src 'self'/,
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const atom = await fetch(`${base}/figures.atom`);
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(await atom.text()).toContain(`href="${base}/figures/${figureAlias(KEY)}"`);
    expect((await fetch(`${base}/figures/${encodeURIComponent(KEY)}`)).status).toBe(200);
    expect((await fetch(`${base}/figures/fig-00000000`)).status).toBe(404);
    expect((await fetch(`${base}/figures/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base}/figures?since=2024-13-01`)).status).toBe(400);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/figures']);
    expect((await fetch(`${base}/figures`, { method: 'POST' })).status).toBe(405);
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 gets nothing.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/figures`, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('answers 503 with the reason when the data cannot be read', async () => {
    const broken = createWebServer({
      source: {
        label: 'the broken table',
        read: async () => {
          throw new Error('table <gone>');
        },
      },
      chartLibrary: { name: 'Stub', version: '0', source: '' },
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(broken.address() as AddressInfo).port}/feeds`;
    const res = await fetch(url);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('Could not read the broken table: table &lt;gone&gt;');
    broken.closeAllConnections();
    await new Promise<void>((resolve) => broken.close(() => resolve()));
  });
});

describe('feeds and figures a person set aside', () => {
  it('lists a paused feed last, says who paused it, and leaves it out of the next cycle', () => {
    const paused = feed({
      feedId: 'd-paused',
      paused: { at: '2025-01-09T00:00:00.000Z', by: 'ana', why: `noisy ${HOSTILE}` },
      lastCheckedAt: '2025-01-09T00:00:00.000Z',
      nextCheckAt: '2025-01-10T11:00:00.000Z',
    });
    const all = [...feeds, paused];
    expect(sortFeedsForHealth(all).map((f) => f.feedId)).toEqual([
      'a-failing',
      'c-new',
      'b-ok',
      'd-paused',
    ]);
    const doc = expectInert(feedsPage(all, now));
    const row = doc.querySelector('tr[data-feed-id="d-paused"]')!;
    expect(row.getAttribute('data-status')).toBe('paused');
    expect(row.textContent).toContain(`by ana: noisy ${HOSTILE}`);
    expect(cycleOf(all, now)).toMatchObject({ nextAt: '2025-01-10T12:01:00.000Z', due: 0 });
  });

  it('marks a rejected figure on its page and leaves it out of the Atom feed', () => {
    const rejected: FigureRecord = {
      ...figure,
      rejected: { at: '2025-01-05T00:00:00.000Z', by: 'ana', why: `misread ${HOSTILE}` },
    };
    const doc = expectInert(figurePage(rejected, mentions, now));
    expect(doc.getElementById('rejected')!.textContent).toContain(`Rejected by ana`);
    expect(doc.getElementById('rejected')!.textContent).toContain(`misread ${HOSTILE}`);
    expect(renderAtom([rejected], 'http://127.0.0.1:8080', now)).not.toContain('<entry>');
  });
});
