import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartLibrary } from '../../../shared/report/chart-library.ts';
import { readChartLibrary } from '../../../shared/report/chart-library.ts';
import { inlineScript, jsonForScript, safeHref } from '../../../shared/report/escape.ts';
import type { ReportChart } from '../../../shared/report/model.ts';
import {
  buildReportModel,
  dateToTime,
  describeReport,
  UNATTRIBUTED,
} from '../../../shared/report/model.ts';
import { renderReport } from '../../../shared/report/render.ts';
import type { FigureSummary } from '../../../shared/store/queries.ts';
import type { MentionRecord } from '../../../shared/store/store.ts';

const STUB_LIBRARY: ChartLibrary = {
  name: 'Stub',
  version: '0',
  source: 'window.Chart = function () {};',
};
const generatedAt = new Date('2025-01-02T03:04:05Z');

function figure(
  id: string,
  fields: Partial<FigureSummary> & { date: string; value: number },
): FigureSummary {
  const [metric, unit] = id.split('|');
  return {
    id,
    metric: metric!,
    unit: unit!,
    qualifier: 'exact',
    side: 'KP',
    claimant: null,
    claimantCountry: null,
    claimants: [],
    firstSeenAt: '2025-01-01T00:00:00.000Z',
    sources: 1,
    latestSource: 'https://news.example/latest',
    latestSourceAt: null,
    ...fields,
  };
}

let storyCount = 0;
function mention(figureKey: string, fields: Partial<MentionRecord> = {}): MentionRecord {
  storyCount++;
  return {
    figureKey,
    storyId: `s${storyCount}`,
    storyUrl: `https://news.example/story-${storyCount}`,
    storyTitle: `Story ${storyCount}`,
    publishedAt: '2024-12-23T09:00:00.000Z',
    claimant: null,
    claimantCountry: null,
    qualifier: 'exact',
    evidence: `Evidence sentence ${storyCount}.`,
    seenAt: '2025-01-01T00:00:00.000Z',
    ...fields,
  };
}

const parse = (html: string) => new JSDOM(html).window.document;
const chartById = (charts: ReportChart[], id: string) => charts.find((c) => c.id === id)!;

describe('report renderer', () => {
  it('escapes hostile titles, evidence, claimants and URLs', () => {
    const key = 'casualties|troops|3000||KP';
    const hostile = {
      title: '<script>alert("title")</script>',
      evidence: 'They said </script><script>alert(1)</script><!-- 3,000 & more',
      claimant: '<img src=x onerror=alert(1)>',
      quoteUrl: 'https://news.example/a"onmouseover="alert(1)',
      scriptUrl: 'javascript:alert(1)',
    };
    const html = renderReport(
      [figure(key, { date: '2024-12-23', value: 3000, claimant: hostile.claimant })],
      new Map([
        [
          key,
          [
            mention(key, {
              storyTitle: hostile.title,
              evidence: hostile.evidence,
              claimant: hostile.claimant,
              storyUrl: hostile.quoteUrl,
            }),
            mention(key, { storyTitle: 'Plain', storyUrl: hostile.scriptUrl }),
          ],
        ],
      ]),
      { chartLibrary: STUB_LIBRARY, generatedAt },
    );
    const doc = parse(html);

    // Only the report's own three scripts exist: the data, the library, the page's script.
    expect(html.match(/<script/gi)).toHaveLength(3);
    expect(doc.querySelectorAll('script')).toHaveLength(3);
    expect(doc.querySelector('img')).toBeNull();
    const handlers = [...doc.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
    );
    expect(handlers).toEqual([]);

    // The `"` cannot end the href: the link goes where the URL says, percent-encoded.
    const links = [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(links).toContain('https://news.example/a%22onmouseover=%22alert(1)');
    expect(links.some((href) => /^\s*javascript:/i.test(href ?? ''))).toBe(false);
    expect(doc.querySelector('.unlinked')?.textContent).toContain(hostile.scriptUrl);

    // Hostile text is shown as text.
    const row = doc.querySelector('tr[data-figure-id]')!;
    expect(row.textContent).toContain(hostile.title);
    expect(row.textContent).toContain(hostile.claimant);
    expect(doc.querySelector('blockquote')?.textContent).toBe(hostile.evidence);

    // The JSON data cannot close its element, and reads back unchanged.
    const data = doc.getElementById('claimwatch-data')!;
    expect(data.textContent).not.toMatch(/<\/script|<!--/i);
    const parsed = JSON.parse(data.textContent!) as { charts: ReportChart[] };
    const source = parsed.charts[0]!.series[0]!.points[0]!.sources[0]!;
    expect(source.title).toBe(hostile.title);
    expect(source.evidence).toBe(hostile.evidence);
  });

  it('allows exactly its own scripts by hash, and nothing from the network', () => {
    const key = 'killed|troops|100||KP';
    const html = renderReport(
      [figure(key, { date: '2024-12-23', value: 100 })],
      new Map([[key, [mention(key)]]]),
      { chartLibrary: STUB_LIBRARY, generatedAt },
    );
    const doc = parse(html);
    const csp = doc
      .querySelector('meta[http-equiv="Content-Security-Policy"]')!
      .getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    const executable = [...doc.querySelectorAll('script:not([type])')];
    expect(executable).toHaveLength(2);
    for (const script of executable) {
      const hash = createHash('sha256').update(script.textContent!).digest('base64');
      expect(csp).toContain(`'sha256-${hash}'`);
    }
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
  });

  it('groups series by canonical claimant and colours them by country', () => {
    const a = 'casualties|troops|3000||KP';
    const b = 'casualties|troops|1100||KP';
    const c = 'casualties|troops|4000||KP';
    const d = 'killed|troops|100||KP';
    const model = buildReportModel(
      [
        figure(a, { date: '2024-12-23', value: 3000, qualifier: 'more_than' }),
        figure(b, { date: '2024-12-23', value: 1100, qualifier: 'about' }),
        figure(c, { date: '2025-01-05', value: 4000 }),
        figure(d, { date: '2024-12-20', value: 100 }),
      ],
      new Map([
        [
          a,
          [
            mention(a, { claimant: 'Zelenskyy', qualifier: 'more_than' }),
            mention(a, { claimant: 'Volodymyr Zelensky', qualifier: 'more_than' }),
            mention(a, { claimant: "Ukraine's President", qualifier: 'more_than' }),
          ],
        ],
        [
          b,
          [
            mention(b, { claimant: 'JCS', qualifier: 'about' }),
            mention(b, { claimant: 'South Korea Joint Chiefs of Staff', qualifier: 'about' }),
            mention(b, { claimant: null, qualifier: 'at_least' }),
          ],
        ],
        [c, [mention(c, { claimant: 'Zelenskiy' })]],
        [d, [mention(d, { claimant: 'Zelensky' })]],
      ]),
    );
    const casualties = chartById(model.charts, 'casualties-troops');
    const series = Object.fromEntries(
      casualties.series.map((s) => [s.claimant, s.points.map((p) => [p.date, p.y])]),
    );
    expect(series).toEqual({
      'South Korea Joint Chiefs of Staff': [['2024-12-23', 1100]],
      'Volodymyr Zelensky': [
        ['2024-12-23', 3000],
        ['2025-01-05', 4000],
      ],
      [UNATTRIBUTED]: [['2024-12-23', 1100]],
    });
    const zelensky = casualties.series.find((s) => s.claimant === 'Volodymyr Zelensky')!;
    expect(zelensky.points[0]!.sources).toHaveLength(3);
    expect(zelensky.points[0]!.qualifier).toBe('more_than');
    // Same claimant, same colour in every chart; Ukraine's blue is not South Korea's red.
    const killed = chartById(model.charts, 'killed-troops');
    expect(killed.series[0]!.color).toBe(zelensky.color);
    const jcs = casualties.series.find((s) => s.claimant.includes('Joint Chiefs'))!;
    expect(jcs.color).not.toBe(zelensky.color);
    // Two claimants at one spot are stacked, so both markers stay visible.
    expect(jcs.points[0]!.stackSize).toBe(2);
    expect(model.totals).toEqual({ figures: 4, charts: 2, claimants: 2, sources: 8 });
    expect(describeReport(model)).toBe('4 figures in 2 charts, 2 claimants, 8 sources');
  });

  it('lists every figure in a table, one chart per metric and unit, dated or not', () => {
    const ids = [
      'deployed|troops|12000||KP',
      'deployed|troops|10000|12000|KP',
      'deployed|generals|3||KP',
      'supplied|shells|1000000||KP',
      'supplied|containers|20000||KP',
      'casualties|troops|500||KP',
    ];
    const figures = [
      figure(ids[0]!, { date: '2024-11-01', value: 12000 }),
      figure(ids[1]!, { date: '2024-10', value: 10000, valueHigh: 12000, qualifier: 'range' }),
      figure(ids[2]!, { date: '2024-12-23', value: 3 }),
      figure(ids[3]!, { date: '2024', value: 1_000_000 }),
      figure(ids[4]!, { date: '2024-10-15', value: 20000 }),
      figure(ids[5]!, { date: '', value: 500 }),
    ];
    const mentions = new Map(ids.map((id) => [id, [mention(id, { claimant: 'South Korea' })]]));
    const model = buildReportModel(figures, mentions);
    expect(model.charts.map((c) => c.id)).toEqual([
      'deployed-troops',
      'deployed-generals',
      'casualties-troops',
      'supplied-containers',
      'supplied-shells',
    ]);
    const doc = parse(renderReport(figures, mentions, { chartLibrary: STUB_LIBRARY, generatedAt }));
    const rows = [...doc.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-figure-id'));
    expect(rows.sort()).toEqual([...ids].sort());
    for (const row of doc.querySelectorAll('tbody tr')) {
      expect(row.querySelector('a[href^="https://news.example/"]')).not.toBeNull();
    }

    const deployed = chartById(model.charts, 'deployed-troops');
    const range = deployed.series[0]!.points.find((p) => p.figureId === ids[1])!;
    expect(range).toMatchObject({ x: Date.UTC(2024, 9, 1), y: 10000, yHigh: 12000 });
    expect(deployed.yMax).toBe(12000);
    expect(doc.querySelector(`tr[data-figure-id="${ids[1]}"] td.num`)?.textContent).toBe(
      '10,000–12,000',
    );
    // An undated figure stays in the table, off the time axis.
    const casualties = chartById(model.charts, 'casualties-troops');
    expect(casualties.series).toEqual([]);
    expect(casualties.rows).toHaveLength(1);
    expect(casualties.undated).toBe(1);
    expect(doc.querySelector('#casualties-troops .note')?.textContent).toMatch(/table only/);
  });

  describe('with the real chart library', () => {
    let library: ChartLibrary;
    beforeAll(async () => {
      library = await readChartLibrary();
    });

    it('inlines it and embeds no http(s) script, style or link reference', () => {
      const key = 'killed|troops|100||KP';
      const story = mention(key, { claimant: 'Zelensky' });
      const html = renderReport(
        [figure(key, { date: '2024-12-23', value: 100 })],
        new Map([[key, [story]]]),
        { chartLibrary: library, generatedAt },
      );
      expect(library.name).toBe('Chart.js');
      expect(library.version).toMatch(/^4\./);
      const doc = parse(html);
      expect(doc.querySelectorAll('script[src]')).toHaveLength(0);
      expect(
        doc.querySelectorAll('img, iframe, object, embed, video, audio, source, base'),
      ).toHaveLength(0);
      for (const link of doc.querySelectorAll('link')) {
        expect(link.getAttribute('href')).toMatch(/^data:/);
      }
      const styles = [...doc.querySelectorAll('style')].map((s) => s.textContent).join('\n');
      expect(styles).not.toMatch(/@import|url\(/i);
      const scripts = [...doc.querySelectorAll('script:not([type])')].map((s) => s.textContent!);
      expect(scripts[0]).toContain(`Chart.js v${library.version}`);
      expect(scripts.join('\n')).not.toMatch(/sourceMappingURL/);
      // Outside the library, the only http(s) address is the story link; inside it, addresses
      // appear only in its licence comments.
      const withoutLibrary = html.replace(scripts[0]!, '');
      expect(new Set(withoutLibrary.match(/https?:\/\/[^\s"'<>)]+/g))).toEqual(
        new Set([story.storyUrl]),
      );
      expect(scripts[0]!.replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/https?:\/\//);
    });
  });
});

describe('increments in the report', () => {
  it('lists an increment in the table but never draws it as a total', () => {
    const total = figure('deployed|troops|16000||KP', { date: '2025-01-10', value: 16000 });
    const more = figure('deployed|troops|5000||KP|+', {
      date: '2025-02-10',
      value: 5000,
      increment: true,
    });
    const model = buildReportModel([total, more], new Map());
    const chart = model.charts.find((c) => c.metric === 'deployed')!;
    expect(chart.rows.map((r) => [r.value, r.increment])).toEqual([
      [16000, false],
      [5000, true],
    ]);
    const plotted = chart.series.flatMap((s) => s.points.map((p) => p.value));
    expect(plotted).toEqual([16000]);
    const html = renderReport([total, more], new Map(), {
      chartLibrary: STUB_LIBRARY,
      generatedAt,
    });
    expect(html).toContain('+5,000');
  });
});

describe('report helpers', () => {
  it('places full dates and periods on a UTC time axis', () => {
    expect(dateToTime('2024-12-23')).toBe(Date.UTC(2024, 11, 23));
    expect(dateToTime('2024-10')).toBe(Date.UTC(2024, 9, 1));
    expect(dateToTime('2024')).toBe(Date.UTC(2024, 0, 1));
    for (const bad of ['', '2024-02-31', '2024-13', '23/12/2024', 'soon']) {
      expect(dateToTime(bad), bad).toBeNull();
    }
  });

  it('links only http(s) URLs', () => {
    expect(safeHref('https://a.example/x y')).toBe('https://a.example/x%20y');
    expect(safeHref('http://a.example/')).toBe('http://a.example/');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      '/x',
      '',
    ]) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });

  it('keeps data and scripts from ending their element', () => {
    const value = { s: '</script><!-- & \u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
    expect(inlineScript('var s = "</SCRIPT>";')).toBe('var s = "<\\/SCRIPT>";');
    expect(() => inlineScript('x <!-- y')).toThrow(/<!--/);
  });
});
