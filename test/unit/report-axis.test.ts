/**
 * The report's time axis: periods are spans (never their first day), every chart shares one
 * axis, each claimant has one colour from a colour-blind-safe palette, and claimants at one spot
 * know about each other.
 */
import { describe, expect, it } from 'vitest';
import {
  buildReportModel,
  CLAIMANT_PALETTE,
  dateSpan,
  dateToTime,
  UNATTRIBUTED,
} from '../../shared/report/model.ts';
import type { FigureSummary } from '../../shared/store/queries.ts';
import type { MentionRecord } from '../../shared/store/store.ts';

const DAY = 86_400_000;

function summary(id: string, date: string, extra: Partial<FigureSummary> = {}): FigureSummary {
  const [metric, unit, value] = id.split('|');
  return {
    id,
    metric: metric!,
    unit: unit!,
    value: Number(value),
    qualifier: 'exact',
    side: 'KP',
    claimant: null,
    claimantCountry: null,
    claimants: [],
    date,
    firstSeenAt: '2025-01-01T00:00:00.000Z',
    sources: 1,
    latestSource: 'https://news.example/x',
    latestSourceAt: null,
    ...extra,
  };
}

let n = 0;
function mention(figureKey: string, claimant: string | null, asOf?: string): MentionRecord {
  n++;
  return {
    figureKey,
    storyId: `s${n}`,
    storyUrl: `https://news.example/${n}`,
    storyTitle: `Story ${n}`,
    publishedAt: '2024-12-01T00:00:00.000Z',
    claimant,
    claimantCountry: null,
    qualifier: 'exact',
    ...(asOf ? { asOf } : {}),
    evidence: `Evidence ${n}.`,
    seenAt: '2025-01-01T00:00:00.000Z',
  };
}

describe('date spans', () => {
  it('reads days, months, years and intervals as UTC spans', () => {
    expect(dateSpan('2024-12-23')).toEqual({
      start: Date.UTC(2024, 11, 23),
      end: Date.UTC(2024, 11, 24),
      period: false,
    });
    expect(dateSpan('2024-11')).toEqual({
      start: Date.UTC(2024, 10, 1),
      end: Date.UTC(2024, 11, 1),
      period: true,
    });
    expect(dateSpan('2024')).toMatchObject({
      start: Date.UTC(2024, 0, 1),
      end: Date.UTC(2025, 0, 1),
    });
    expect(dateSpan('2024-11-01/2024-11-30')).toEqual({
      start: Date.UTC(2024, 10, 1),
      end: Date.UTC(2024, 11, 1),
      period: true,
    });
    expect(dateSpan('2024-12-14/2024-12-15')!.end - dateSpan('2024-12-14/2024-12-15')!.start).toBe(
      2 * DAY,
    );
    for (const bad of ['', '2024-12-15/2024-12-14', '2024-02-30/2024-03-01', 'a/b/c', 'soon']) {
      expect(dateSpan(bad), bad).toBeNull();
    }
    expect(dateToTime('2024-11-01/2024-11-30')).toBe(Date.UTC(2024, 10, 1));
  });
});

describe('the report model', () => {
  const month = 'deployed|troops|11000||KP';
  const interval = 'killed|troops|200||KP';
  const day = 'killed|troops|300||KP';
  const figures = [
    summary(month, '2024-11'),
    // The summary's date is the interval's first day; the interval comes from the figure's asOf.
    summary(interval, '2024-11-01', { asOf: '2024-11-01/2024-11-30' }),
    summary(day, '2025-01-15'),
  ];
  const mentions = new Map([
    [month, [mention(month, 'Zelensky', '2024-11'), mention(month, 'JCS', '2024-11')]],
    [interval, [mention(interval, 'Zelensky')]],
    [day, [mention(day, null)]],
  ]);
  const model = buildReportModel(figures, mentions);

  it('draws a month or an interval as a span to its end, not at its first day', () => {
    const deployed = model.charts.find((c) => c.metric === 'deployed')!;
    for (const p of deployed.series.flatMap((s) => s.points)) {
      expect([p.x, p.xEnd, p.period]).toEqual([
        Date.UTC(2024, 10, 1),
        Date.UTC(2024, 11, 1),
        '2024-11',
      ]);
    }
    const killed = model.charts.find((c) => c.metric === 'killed')!;
    const ranged = killed.series.flatMap((s) => s.points).find((p) => p.figureId === interval)!;
    expect([ranged.xEnd, ranged.period]).toEqual([Date.UTC(2024, 11, 1), '2024-11-01/2024-11-30']);
    expect(killed.rows.find((r) => r.figureId === interval)!.period).toBe('2024-11-01/2024-11-30');
    const single = killed.series.flatMap((s) => s.points).find((p) => p.figureId === day)!;
    expect(single.xEnd).toBeUndefined();
  });

  it('gives every chart one shared date axis covering every span', () => {
    const axes = model.charts.map((c) => [c.xMin, c.xMax]);
    expect(new Set(axes.map(String)).size).toBe(1);
    expect(model.axis.xMin).toBeLessThan(Date.UTC(2024, 10, 1));
    expect(model.axis.xMax).toBeGreaterThan(Date.UTC(2025, 0, 15));
  });

  it('gives each claimant one palette colour and a legend entry naming it', () => {
    const colours = new Map<string, string>();
    for (const s of model.charts.flatMap((c) => c.series)) {
      expect(colours.get(s.claimant) ?? s.color).toBe(s.color);
      colours.set(s.claimant, s.color);
    }
    expect(colours.get('Volodymyr Zelensky')).not.toBe(
      colours.get('South Korea Joint Chiefs of Staff'),
    );
    expect(CLAIMANT_PALETTE.map((p) => p.color)).toContain(colours.get('Volodymyr Zelensky'));
    expect(model.claimants.map((c) => c.claimant)).toEqual([
      'Volodymyr Zelensky',
      'South Korea Joint Chiefs of Staff',
      UNATTRIBUTED,
    ]);
    expect(model.claimants.every((c) => c.colorName.length > 0)).toBe(true);
    expect(new Set(CLAIMANT_PALETTE.map((p) => p.color)).size).toBe(CLAIMANT_PALETTE.length);
  });

  it('tells the points at one spot who else is there', () => {
    const points = model.charts
      .find((c) => c.metric === 'deployed')!
      .series.flatMap((s) => s.points);
    expect(points.map((p) => [p.claimant, p.sameSpot, p.stackSize])).toEqual([
      ['South Korea Joint Chiefs of Staff', ['Volodymyr Zelensky'], 2],
      ['Volodymyr Zelensky', ['South Korea Joint Chiefs of Staff'], 2],
    ]);
    expect(new Set(points.map((p) => p.spot)).size).toBe(1);
  });

  it('repeats colours only past the palette, with dashed lines', () => {
    const many = Array.from({ length: CLAIMANT_PALETTE.length + 2 }, (_, i) => `Claimant ${i}`);
    const key = 'killed|troops|5||KP';
    const big = buildReportModel(
      [summary(key, '2024-12-01')],
      new Map([[key, many.map((c) => mention(key, c))]]),
    );
    const dashed = big.claimants.filter((c) => c.dashed);
    expect(dashed).toHaveLength(2);
    expect(big.claimants.filter((c) => !c.dashed).map((c) => c.color)).toEqual(
      CLAIMANT_PALETTE.map((p) => p.color),
    );
  });
});
