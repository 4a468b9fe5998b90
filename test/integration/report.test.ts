import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Chart } from 'chart.js';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIMANT_PALETTE } from '../../shared/report/model.ts';
import { claimwatch, root } from '../helpers/cli.ts';

const artifacts = join(root, 'test/artifacts');
/** Debian's Chromium: playwright-core cannot download a browser of its own here. */
const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = `Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\``;

/** The page's data points: Chart.js keeps the report's point objects as they were given. */
interface PagePoint {
  x: number;
  y: number;
  date: string;
  figureId: string;
  sources: { url: string }[];
}

/** `window` in the report page, where Chart.js's UMD build defines `Chart`. */
type ReportWindow = { Chart: typeof Chart };

/** What the test reads back from each live Chart.js instance. */
interface LiveChart {
  id: string;
  title: string;
  series: {
    label: string;
    points: { x: number; y: number; date: string; figureId: string; sources: string[] }[];
  }[];
  tableLinks: string[];
  tableRows: number;
}

describe('claimwatch report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-report-'));
  const dataDir = join(dir, 'data');
  const out = join(dir, 'report.html');
  let report: { code: number; stdout: string; stderr: string };
  let browser: Browser | undefined;
  let livePage: Page | undefined;
  /** The report open in Chromium; without a browser every test that needs one fails (never skips). */
  const browserPage = (): Page => {
    if (!livePage) throw new Error(NO_CHROMIUM);
    return livePage;
  };
  /** Every request the page made, and those that were not for the file itself. */
  const requests: string[] = [];
  const offFile: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const demo = await claimwatch(['demo', '--data-dir', dataDir]);
    expect(demo.code, demo.stderr).toBe(0);
    report = await claimwatch(['report', '--out', out, '--data-dir', dataDir]);
    expect(report.code, report.stderr).toBe(0);

    if (!existsSync(CHROMIUM)) return;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.route('**', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      offFile.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(out).href);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    livePage = page;
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Reads every chart from its Chart.js instance: what the page actually draws. */
  const liveCharts = () =>
    browserPage().evaluate(() => {
      const { Chart } = window as unknown as ReportWindow;
      return [...document.querySelectorAll('section.chart-section')].map((section) => {
        const chart = Chart.getChart(section.querySelector('canvas')!)!;
        return {
          id: section.id,
          title: section.querySelector('h2')!.textContent!,
          series: chart.data.datasets.map((d) => ({
            label: d.label!,
            points: (d.data as unknown as PagePoint[]).map((p) => ({
              x: p.x,
              y: p.y,
              date: p.date,
              figureId: p.figureId,
              sources: p.sources.map((source) => source.url),
            })),
          })),
          tableLinks: [...section.querySelectorAll('table a[href]')].map(
            (a) => (a as HTMLAnchorElement).href,
          ),
          tableRows: section.querySelectorAll('tbody tr').length,
        };
      });
    }) as Promise<LiveChart[]>;

  /** Scrolls a point into view and returns where it is on the page. */
  const pointPosition = (chartId: string, label: string, index = 0) =>
    browserPage().evaluate(
      ([id, name, i]) => {
        const { Chart } = window as unknown as ReportWindow;
        const canvas = document.getElementById(`${id}-canvas`) as HTMLCanvasElement;
        canvas.scrollIntoView({ block: 'center' });
        const chart = Chart.getChart(canvas)!;
        const d = chart.data.datasets.findIndex((s) => s.label === name);
        const point = chart.getDatasetMeta(d).data[i];
        const box = canvas.getBoundingClientRect();
        return { x: box.left + point.x, y: box.top + point.y };
      },
      [chartId, label, index] as const,
    );

  it('writes one file and prints its path and a one-line summary', () => {
    expect(report.stdout.trim().split('\n')).toEqual([
      out,
      '11 figures in 8 charts, 9 claimants, 5 sources',
    ]);
  });

  it('filters by metric and dates, and rejects bad options in one line', async () => {
    const only = join(dir, 'only', 'casualties.html');
    const filtered = await claimwatch([
      'report',
      ...['--out', only, '--data-dir', dataDir, '--metric', 'casualties', '--since', '2024-12-20'],
    ]);
    expect(filtered.code, filtered.stderr).toBe(0);
    expect(filtered.stdout).toBe(`${only}\n2 figures in 1 chart, 4 claimants, 5 sources\n`);
    expect(readFileSync(only, 'utf8')).toContain('only figures with metric casualties');

    const bad = await claimwatch(['report', '--metric', 'shells', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^claimwatch: unknown metric "shells"/);
  });

  it('is self-contained: the chart library is inlined and nothing is fetched from a server', () => {
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Chart.js v4');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*href=["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//i);
  });

  it('finds Chromium to open the report in', () => {
    expect(existsSync(CHROMIUM), NO_CHROMIUM).toBe(true);
  });

  it('draws a chart per metric with one series per claimant, at the figures’ values', async () => {
    const charts = await liveCharts();
    expect(charts.map((c) => c.id)).toEqual([
      'deployed-troops',
      'deployed-officers',
      'deployed-generals',
      'killed-troops',
      'wounded-troops',
      'casualties-troops',
      'missing-troops',
      'supplied-containers',
    ]);
    const casualties = charts.find((c) => c.id === 'casualties-troops')!;
    const values = Object.fromEntries(
      casualties.series.map((s) => [s.label, s.points.map((p) => [p.date, p.y])]),
    );
    expect(values).toEqual({
      'Volodymyr Zelensky': [['2024-12-23', 3000]],
      'Ukraine Main Intelligence Directorate': [['2024-12-14', 30]],
      'South Korea': [['2024-12-23', 1100]],
      'South Korea Joint Chiefs of Staff': [['2024-12-23', 1100]],
      'South Korean military intelligence': [['2024-12-23', 1100]],
    });
    const zelensky = casualties.series.find((s) => s.label === 'Volodymyr Zelensky')!.points[0]!;
    expect(zelensky.x).toBe(Date.UTC(2024, 11, 23));
    expect(new Set(zelensky.sources).size).toBe(5);

    // Every figure is in its chart's table, once; a month-only date covers its month (`x` is
    // where it starts; the span is drawn in the test below).
    expect(charts.reduce((n, c) => n + c.tableRows, 0)).toBe(11);
    const supplied = charts.find((c) => c.id === 'supplied-containers')!;
    expect(supplied.series.map((s) => s.label)).toEqual(['South Korea']);
    expect(supplied.series[0]!.points.map((p) => [p.date, p.x, p.y])).toEqual([
      ['2024-10', Date.UTC(2024, 9, 1), 7000],
      ['2024-10', Date.UTC(2024, 9, 1), 20000],
    ]);
  });

  it('links every point to its sources, which the table below lists too', async () => {
    const charts = await liveCharts();
    const figureIds = new Set<string>();
    for (const chart of charts) {
      for (const series of chart.series) {
        for (const point of series.points) {
          figureIds.add(point.figureId);
          expect(point.sources.length, `${chart.id} ${series.label}`).toBeGreaterThan(0);
          for (const url of point.sources) {
            expect(url).toMatch(/^https:\/\/demo\.claimwatch\.example\/news\//);
            expect(chart.tableLinks).toContain(url);
          }
        }
      }
    }
    expect(figureIds.size).toBe(11);
  });

  it('shows a point’s evidence on hover and its stories on click', async () => {
    const page = browserPage();
    const at = await pointPosition('casualties-troops', 'Volodymyr Zelensky');
    await page.mouse.move(at.x, at.y);
    const tooltipText = () =>
      page.evaluate(() => {
        const { Chart } = window as unknown as ReportWindow;
        const chart = Chart.getChart(
          document.getElementById('casualties-troops-canvas') as HTMLCanvasElement,
        )!;
        const t = chart.tooltip!;
        return [...t.title, ...t.body.flatMap((b) => [...b.lines, ...b.after]), ...t.footer].join(
          '\n',
        );
      });
    // Chart.js handles events on the next animation frame: wait for the tooltip.
    await expect.poll(tooltipText).toContain('Volodymyr Zelensky');
    const tooltip = await tooltipText();
    expect(tooltip).toContain('2024-12-23');
    expect(tooltip).toContain('Volodymyr Zelensky: more than 3,000');
    expect(tooltip).toContain('5 sources');
    expect(tooltip).toMatch(/“[^”]*North Korean/);

    await page.mouse.click(at.x, at.y);
    const panel = page.locator('#casualties-troops-details');
    await expect.poll(() => panel.isVisible()).toBe(true);
    const links = await panel
      .locator('a[target="_blank"]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(5);
    const charts = await liveCharts();
    const expected = charts
      .find((c) => c.id === 'casualties-troops')!
      .series.find((s) => s.label === 'Volodymyr Zelensky')!.points[0]!.sources;
    expect(new Set(links)).toEqual(new Set(expected));
    expect(await panel.textContent()).toContain('Volodymyr Zelensky: more than 3,000');
    expect(await page.locator('tr.selected').getAttribute('data-figure-id')).toBe(
      'casualties|troops|3000||KP',
    );

    // South Korea's three bodies give the same figure on the same day: one click shows all three.
    const korea = await pointPosition('casualties-troops', 'South Korea');
    await page.mouse.click(korea.x, korea.y);
    // Chart.js handles events on the next animation frame: wait for the panel to change.
    const claimantsShown = () =>
      panel
        .locator('.point')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.claimant).sort());
    await expect
      .poll(claimantsShown)
      .toEqual([
        'South Korea',
        'South Korea Joint Chiefs of Staff',
        'South Korean military intelligence',
      ]);

    // Kept for people to look at: the whole page with the casualties chart's sources open, and
    // that chart with a tooltip.
    mkdirSync(artifacts, { recursive: true });
    const zelensky = await pointPosition('casualties-troops', 'Volodymyr Zelensky');
    await page.mouse.click(zelensky.x, zelensky.y);
    await expect.poll(claimantsShown).toEqual(['Volodymyr Zelensky']);
    await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
    const hover = await pointPosition('casualties-troops', 'Volodymyr Zelensky');
    await page.mouse.move(hover.x, hover.y);
    await expect.poll(tooltipText).toContain('Volodymyr Zelensky');
    await page
      .locator('#casualties-troops')
      .screenshot({ path: join(artifacts, 'report-casualties.png') });
  });

  it('shares one date axis, draws a month as a span, and keeps same-day claimants apart', async () => {
    const page = browserPage();
    const drawn = await page.evaluate(() => {
      const { Chart } = window as unknown as ReportWindow;
      return [...document.querySelectorAll('section.chart-section canvas')].map((canvas) => {
        const chart = Chart.getChart(canvas as HTMLCanvasElement)!;
        const x = chart.scales.x!;
        return {
          id: canvas.id.replace(/-canvas$/, ''),
          min: x.min,
          max: x.max,
          left: chart.chartArea.left,
          right: chart.chartArea.right,
          points: chart.data.datasets.flatMap((d, i) =>
            chart.getDatasetMeta(i).data.map((el, j) => {
              const p = d.data[j] as unknown as { x: number; xEnd?: number; date: string };
              return {
                label: d.label!,
                color: d.borderColor as string,
                px: el.x,
                startPx: x.getPixelForValue(p.x),
                endPx: p.xEnd === undefined ? null : x.getPixelForValue(p.xEnd),
                xEnd: p.xEnd ?? null,
                date: p.date,
              };
            }),
          ),
        };
      });
    });
    // One axis: the same dates and the same plot area in every chart, so a date lines up.
    for (const chart of drawn) {
      expect([chart.min, chart.max, chart.left, chart.right], chart.id).toEqual([
        drawn[0]!.min,
        drawn[0]!.max,
        drawn[0]!.left,
        drawn[0]!.right,
      ]);
    }
    // "2024-10" covers October: a span to 1 November, its point in the middle, not on the 1st.
    const supplied = drawn.find((c) => c.id === 'supplied-containers')!.points;
    for (const p of supplied) {
      expect(p.xEnd).toBe(Date.UTC(2024, 10, 1));
      expect(p.px).toBeGreaterThan(p.startPx + (p.endPx! - p.startPx) / 3);
      expect(p.px).toBeLessThan(p.endPx! - (p.endPx! - p.startPx) / 3);
    }
    // Three South Korean bodies give 1,100 for 23 December: three markers, none on another.
    const korea = drawn
      .find((c) => c.id === 'casualties-troops')!
      .points.filter((p) => p.date === '2024-12-23' && p.label.startsWith('South Korea'));
    expect(korea).toHaveLength(3);
    const xs = korea.map((p) => p.px).sort((a, b) => a - b);
    expect(xs[1]! - xs[0]!).toBeGreaterThanOrEqual(8);
    expect(xs[2]! - xs[1]!).toBeGreaterThanOrEqual(8);
    // Hovering one names the others.
    const at = await pointPosition('casualties-troops', 'South Korea');
    await page.mouse.move(at.x, at.y);
    const tooltip = () =>
      page.evaluate(() => {
        const { Chart } = window as unknown as ReportWindow;
        const chart = Chart.getChart(
          document.getElementById('casualties-troops-canvas') as HTMLCanvasElement,
        )!;
        return chart.tooltip!.body.flatMap((b) => [...b.lines, ...b.after]).join('\n');
      });
    await expect.poll(tooltip).toContain('also given by:');
    expect((await tooltip()).replace(/\s+/g, ' ')).toContain(
      'also given by: South Korea Joint Chiefs of Staff, South Korean military intelligence',
    );

    // One colour per claimant, from the colour-blind-safe palette, the same in every chart.
    const colours = new Map<string, string>();
    for (const p of drawn.flatMap((c) => c.points)) {
      expect(colours.get(p.label) ?? p.color, p.label).toBe(p.color);
      colours.set(p.label, p.color);
    }
    const named = [...colours].filter(([label]) => !label.startsWith('unattributed'));
    expect(new Set(named.map(([, c]) => c)).size).toBe(named.length);
    const palette = CLAIMANT_PALETTE.map((e) => e.color);
    for (const [, colour] of named) expect(palette).toContain(colour);
  });

  it('says once what the colours and shapes mean', async () => {
    const page = browserPage();
    const legend = await page.evaluate(() => ({
      shapes: [...document.querySelectorAll('p')].filter((p) =>
        p.textContent!.startsWith('Shapes:'),
      ).length,
      colours: [...document.querySelectorAll('.legend ul.claimants li')].map((li) => ({
        claimant: (li as HTMLElement).dataset.claimant,
        text: li.textContent,
        swatch: getComputedStyle(li.querySelector('.swatch')!).backgroundColor,
      })),
    }));
    expect(legend.shapes).toBe(1);
    // The nine claimants, and the figures no one is named for.
    expect(legend.colours).toHaveLength(10);
    for (const c of legend.colours) {
      expect(c.text).toMatch(
        new RegExp(`^${c.claimant!.replace(/[()]/g, '\\$&')} \\(\\w[\\w ]*\\)$`),
      );
    }
    expect(legend.colours.map((c) => c.text)).toContain('unattributed (reportedly) (grey)');
  });

  it('made no request but for the file itself, and logged no error', () => {
    browserPage();
    expect(offFile).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(requests).toContain(pathToFileURL(out).href);
    expect(errors).toEqual([]);
  });
});
