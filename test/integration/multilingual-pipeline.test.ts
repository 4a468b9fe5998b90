import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRuntime } from '../../local/runtime.ts';
import type { LocalServices } from '../../local/services.ts';
import { startLocalServices } from '../../local/services.ts';
import { parseFeedList } from '../../shared/feeds/feed-list.ts';
import { claimwatch } from '../helpers/cli.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';

// Our own sentences, written for this test: one Korean and one Ukrainian story.
const KOREAN = {
  slug: 'ko-nis',
  lang: 'ko',
  title: '국정원 "러 파병 북한군 사상자 3천 명 넘어"',
  paragraphs: [
    '국가정보원은 19일 러시아 쿠르스크 전선에 투입된 북한군 가운데 사상자가 3천 명을 넘어선 것으로 추산된다고 밝혔다.',
    '국정원은 이날 국회 정보위원회 비공개 회의에서 북한군이 드론 공격에 특히 취약하다고 보고했다.',
    '정보위 관계자는 기자들과 만나 북한군의 전술이 최근 다소 나아진 것으로 보인다고 전했다.',
    '북한은 러시아와 맺은 조약을 근거로 파병을 정당화하고 있으며 추가 파병 가능성도 거론된다.',
  ],
};

const UKRAINIAN = {
  slug: 'uk-hur',
  lang: 'uk',
  title: 'ГУР: КНДР передала Росії ще 120 гаубиць',
  paragraphs: [
    'За даними Головного управління розвідки, Північна Корея передала Росії ще 120 гаубиць для боїв на Курщині.',
    'Розвідники зазначають, що північнокорейська артилерія вже діє поблизу лінії фронту разом із російськими підрозділами.',
    'Раніше у ГУР наголошували, що постачання зброї з КНДР триває з осені та не припиняється навіть узимку.',
    'Українські військові фіксують дедалі більше снарядів північнокорейського виробництва на окремих ділянках.',
  ],
};

const page = (story: typeof KOREAN) =>
  `<!doctype html><html lang="${story.lang}"><head><meta charset="utf-8"><title>${story.title}</title>
<meta property="article:published_time" content="2025-01-20T09:00:00Z"></head>
<body><header><nav>menu</nav></header><article><h1>${story.title}</h1>
${story.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>footer</footer></body></html>`;

describe('Korean and Ukrainian stories through poll → claims → alert', () => {
  let services: LocalServices;
  let site: TestServer;
  let slack: TestServer;
  let runtime: LocalRuntime;

  beforeAll(async () => {
    services = await startLocalServices();
    site = await startTestServer();
    slack = await startTestServer();
    slack.route('/hook', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    const items = [KOREAN, UKRAINIAN]
      .map(
        (s) =>
          `<item><title>${s.title}</title><link>${site.url}/news/${s.slug}</link><guid isPermaLink="false">${s.slug}</guid><pubDate>Mon, 20 Jan 2025 09:00:00 GMT</pubDate></item>`,
      )
      .join('');
    site.route('/feed.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(
        `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Foreign</title>${items}</channel></rss>`,
      );
    });
    for (const story of [KOREAN, UKRAINIAN]) {
      site.route(`/news/${story.slug}`, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page(story));
      });
    }
    runtime = LocalRuntime.fromEnv(
      {
        ...services.env,
        FETCH_ALLOW_ADDRESSES: '127.0.0.1',
        SLACK_WEBHOOK_URL: `${slack.url}/hook`,
      },
      parseFeedList([{ id: 'foreign', url: `${site.url}/feed.xml` }]),
      { retryDelaySeconds: () => 0 },
    );
  });

  afterAll(async () => {
    await services?.stop();
    await site?.close();
    await slack?.close();
  });

  it('raises English alerts with the claimant’s English name and the original sentence', async () => {
    const summary = await runtime.runCycle();
    expect(summary).toMatchObject({ storiesStored: 2 });
    const { store } = runtime.deps;
    const figures = await store.listFigures();
    const keys = figures.map((f) => f.figureKey).sort();
    expect(keys).toEqual(['casualties|troops|3000||KP', 'supplied|artillery|120||KP|+']);

    const alerts = await store.listAlerts();
    expect(alerts.map((a) => a.headline).sort()).toEqual([
      '120 more artillery pieces supplied by North Korea',
      'More than 3,000 North Korean troops killed or wounded',
    ]);
    const korean = alerts.find((a) => a.figure.value === 3000)!;
    expect(korean.figure.claimant).toBe('South Korea National Intelligence Service');
    expect(korean.figure.evidence).toContain('사상자가 3천 명을 넘어선');
    const ukrainian = alerts.find((a) => a.figure.value === 120)!;
    expect(ukrainian.figure.claimant).toBe('Ukraine Main Intelligence Directorate');

    const posted = slack.requests
      .filter((r) => r.path === '/hook' && r.method === 'POST')
      .map((r) => r.body)
      .join('\n');
    expect(posted).toContain('More than 3,000 North Korean troops killed or wounded');
    expect(posted).toContain('South Korea National Intelligence Service');
    expect(posted).toContain('사상자가 3천 명을 넘어선');
    expect(posted).toContain('Ukraine Main Intelligence Directorate');
    expect(posted).toContain('передала Росії ще 120 гаубиць');
    expect(alerts.every((a) => a.status === 'sent')).toBe(true);

    const stories = await store.listStories();
    expect(stories.map((s) => s.language).sort()).toEqual(['ko', 'uk']);
    for (const story of stories) expect(story.tags.relevant).toBe(true);
  });

  it('claimwatch extract --json reads a Korean text file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimwatch-ko-'));
    const file = join(dir, 'ko.txt');
    writeFileSync(file, `${KOREAN.title}\n\n${KOREAN.paragraphs.join('\n')}\n`);
    const out = await claimwatch(['extract', '--json', file, '--published', '2025-01-20']);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as {
      tags: { language: string; relevant: boolean };
      figures: Array<Record<string, unknown>>;
    };
    expect(json.tags).toMatchObject({ language: 'ko', relevant: true });
    expect(json.figures).toHaveLength(1);
    expect(json.figures[0]).toMatchObject({
      metric: 'casualties',
      unit: 'troops',
      value: 3000,
      qualifier: 'more_than',
      claimant: 'South Korea National Intelligence Service',
      claimantCountry: 'KR',
      side: 'KP',
      asOf: '2025-01-19',
    });
    const forced = await claimwatch(['extract', '--json', file, '--language', 'ko']);
    expect(JSON.parse(forced.stdout).figures).toHaveLength(1);
  }, 120_000);
});
