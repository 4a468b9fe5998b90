/**
 * The timeline report's content, computed from plain data before any HTML is written: which
 * charts there are, their series (one per claimant) and points, and the table under each. Kept
 * apart from the rendering so the grouping can be tested on its own and the page's script gets
 * exactly the data the tables show.
 */

import { canonicalClaimant } from '../figures/claimants.ts';
import type { FigureSummary } from '../store/queries.ts';
import type { MentionRecord } from '../store/store.ts';
import type { Unit } from '../types.ts';
import { METRICS, UNITS } from '../types.ts';
import { safeHref } from './escape.ts';

/** One story that reported a figure, as the report links it. */
export interface ReportSource {
  /** The story URL when it is a linkable http(s) URL, else null (shown as text only). */
  url: string | null;
  /** The URL as stored, for showing when it cannot be linked. */
  rawUrl: string;
  title: string;
  /** `YYYY-MM-DD`, when known. */
  published: string | null;
  /** The claimant this story attributes the figure to (canonical name), or null. */
  claimant: string | null;
  qualifier: string;
  evidence: string;
}

/** One point of a chart: one figure as one claimant gives it. */
export interface ReportPoint {
  /** The figure's date as a time value (ms, UTC midnight of the period's first day). */
  x: number;
  /**
   * For a figure that covers a period (`2024-11`, `2024`, `2024-12-14/2024-12-15`), the end of
   * that period (exclusive, ms): the chart draws it as a span from `x` to here, not as a dot on
   * the period's first day.
   */
  xEnd?: number;
  /** The period as the data gives it, when the figure covers more than one day. */
  period?: string;
  /** The figure's value; for a range, its low end. */
  y: number;
  /** A range's high end: drawn as a bar from `y` up to it. */
  yHigh?: number;
  figureId: string;
  /** The id of the figure's row in the table under the chart. */
  rowId: string;
  /** The date as the data gives it: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for a period. */
  date: string;
  value: number;
  valueHigh?: number;
  /** How this claimant hedges the number (the most common qualifier among its stories). */
  qualifier: string;
  claimant: string;
  claimantCountry: string | null;
  /** The first evidence sentence of this claimant's stories. */
  evidence: string;
  /** The stories in which this claimant gives this figure. */
  sources: ReportSource[];
  /**
   * Claimants often give the same number on the same day. Points of a chart at one spot are
   * drawn as concentric markers, so each stays visible: `stack` is this point's place among
   * them (0 is drawn on top, smallest), `stackSize` how many there are.
   */
  stack: number;
  stackSize: number;
  /** What the points at one spot share (date, period and value), so a click can show them all. */
  spot: string;
  /** The other claimants at this spot: a tooltip names them, so none hides behind another. */
  sameSpot: string[];
}

/** One claimant's figures in one chart. */
export interface ReportSeries {
  /** The canonical claimant name, or {@link UNATTRIBUTED}. */
  claimant: string;
  country: string | null;
  color: string;
  /** The colour's name, for the legend (people who cannot tell colours apart read names). */
  colorName: string;
  /** Drawn dashed: more claimants than the palette has colours, so colours repeat. */
  dashed: boolean;
  points: ReportPoint[];
}

/** One claimant in the page's colour legend: the same colour in every chart. */
export interface ReportClaimant {
  claimant: string;
  color: string;
  colorName: string;
  dashed: boolean;
}

/** One row of the table under a chart: a distinct figure. */
export interface ReportRow {
  rowId: string;
  figureId: string;
  value: number;
  valueHigh?: number;
  /** The figure's qualifier first, then any other one its stories use. */
  qualifiers: string[];
  claimants: string[];
  date: string;
  /** The period the figure covers (`asOf`), when it is more than one day. */
  period?: string;
  /** Whether the date could be placed on the time axis. */
  dated: boolean;
  /** An addition to an earlier count: listed in the table, never drawn as a total. */
  increment: boolean;
  sources: ReportSource[];
}

/** One chart: the figures of one metric, unit and side. */
export interface ReportChart {
  /** A slug usable as an HTML id, e.g. `casualties-troops`. */
  id: string;
  metric: string;
  unit: string;
  side: string;
  title: string;
  series: ReportSeries[];
  rows: ReportRow[];
  /** The time axis range, padded around the points: the same for every chart of the page. */
  xMin: number;
  xMax: number;
  /** The largest value shown, high ends of ranges included. */
  yMax: number;
  /** Figures in the table whose date could not be placed on the axis. */
  undated: number;
}

/** The filter the report was made with, shown on the page. */
export interface ReportFilter {
  metric?: string;
  since?: string;
  until?: string;
}

/** Everything the page shows. */
export interface ReportModel {
  charts: ReportChart[];
  /** Every claimant drawn, with its colour, for the one legend of the page. */
  claimants: ReportClaimant[];
  /** The one date axis every chart shares, so dates line up from chart to chart. */
  axis: { xMin: number; xMax: number };
  filter: ReportFilter;
  totals: { figures: number; charts: number; claimants: number; sources: number };
}

/** The series of figures no story attributes to anyone ("reportedly"). */
export const UNATTRIBUTED = 'unattributed (reportedly)';

const DAY_MS = 86_400_000;

/**
 * One colour per claimant, from palettes made to stay distinct for colour-blind readers: the
 * Okabe–Ito palette first, then Paul Tol's "muted" one. Claimants beyond them reuse the colours
 * with dashed lines. Names go in the legend, so nobody has to tell two colours apart by eye.
 */
export const CLAIMANT_PALETTE: readonly { color: string; name: string }[] = [
  { color: '#0072B2', name: 'blue' },
  { color: '#E69F00', name: 'orange' },
  { color: '#009E73', name: 'bluish green' },
  { color: '#D55E00', name: 'vermillion' },
  { color: '#56B4E9', name: 'sky blue' },
  { color: '#CC79A7', name: 'reddish purple' },
  { color: '#000000', name: 'black' },
  { color: '#882255', name: 'wine' },
  { color: '#44AA99', name: 'teal' },
  { color: '#999933', name: 'olive' },
  { color: '#332288', name: 'indigo' },
  { color: '#CC6677', name: 'rose' },
  { color: '#DDCC77', name: 'sand' },
  { color: '#88CCEE', name: 'cyan' },
  { color: '#117733', name: 'green' },
  { color: '#AA4499', name: 'purple' },
  // Okabe–Ito's yellow is faint on white: last.
  { color: '#F0E442', name: 'yellow' },
];
const UNATTRIBUTED_STYLE = { color: '#8c8c8c', name: 'grey', dashed: false };

/** Units in the order FIGURES.md lists them: troops before their officers and generals. */
const UNIT_ORDER: readonly Unit[] = UNITS;

const METRIC_LABELS: Record<string, string> = {
  deployed: 'Deployed',
  killed: 'Killed',
  wounded: 'Wounded',
  casualties: 'Casualties (killed and wounded)',
  captured: 'Captured',
  missing: 'Missing',
  supplied: 'Supplied',
};

/** A qualifier as a reader says it: `more_than` → "more than". */
export function qualifierLabel(qualifier: string): string {
  return qualifier === 'exact' ? 'exactly' : qualifier.replace(/_/g, ' ');
}

/** A number the way a reader says it: 3,000, or 10,000–12,000 for a range. */
export function formatFigureValue(value: number, valueHigh?: number | null): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return valueHigh ? `${n(value)}–${n(valueHigh)}` : n(value);
}

/** A date or period on the time axis: its start and its end (exclusive), in ms UTC. */
export interface DateSpan {
  start: number;
  end: number;
  /** More than one day: drawn as a span. */
  period: boolean;
}

function parseDatePart(part: string): { start: number; end: number } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(part.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  const start = Date.UTC(year, month - 1, day);
  const back = new Date(start);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  const end = m[3] ? start + DAY_MS : m[2] ? Date.UTC(year, month, 1) : Date.UTC(year + 1, 0, 1);
  return { start, end };
}

/**
 * The span a figure's date covers, in UTC so the axis does not shift with the reader's time
 * zone: a day (`2024-12-23`), a month (`2024-11`), a year (`2024`), or an interval of those
 * (`2024-11-01/2024-11-30`, `2024-12-14/2024-12-15`). Null when it cannot be placed.
 */
export function dateSpan(date: string | null | undefined): DateSpan | null {
  const parts = String(date ?? '').split('/');
  if (parts.length > 2) return null;
  const first = parseDatePart(parts[0]!);
  const last = parts.length === 2 ? parseDatePart(parts[1]!) : first;
  if (!first || !last || last.end <= first.start) return null;
  return { start: first.start, end: last.end, period: last.end - first.start > DAY_MS };
}

/**
 * Places a figure's date on the time axis: `YYYY-MM-DD` at that day, a period (`YYYY-MM`,
 * `YYYY`, `start/end`) at its first day (the chart draws the rest of it as a span). Anything
 * else is not placed (the figure stays in the table).
 */
export function dateToTime(date: string): number | null {
  return dateSpan(date)?.start ?? null;
}

/**
 * The period a figure covers: its own `asOf` when the caller passed it, else the `asOf` of a
 * story whose period starts where the figure's date does, else the figure's date itself.
 */
function periodOf(figure: FigureSummary, mentions: readonly MentionRecord[]): string {
  const start = dateSpan(figure.date)?.start;
  const candidates = [typeof figure.asOf === 'string' ? figure.asOf : undefined]
    .concat(mentions.map((m) => m.asOf))
    .filter((c): c is string => typeof c === 'string' && c !== '');
  return candidates.find((c) => start !== undefined && dateSpan(c)?.start === start) ?? figure.date;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function chartTitle(metric: string, unit: string, side: string): string {
  const base = `${METRIC_LABELS[metric] ?? metric}: ${unit.replace(/_/g, ' ')}`;
  return side === 'KP' ? base : `${base} (side ${side})`;
}

function canonical(name: string | null | undefined): { name: string; country: string | null } {
  if (!name || name.trim() === '') return { name: UNATTRIBUTED, country: null };
  const c = canonicalClaimant(name);
  return c.name ? c : { name: UNATTRIBUTED, country: null };
}

function toSource(m: MentionRecord): ReportSource {
  return {
    url: safeHref(m.storyUrl),
    rawUrl: String(m.storyUrl ?? ''),
    title: String(m.storyTitle ?? '') || String(m.storyUrl ?? ''),
    published: m.publishedAt ? m.publishedAt.slice(0, 10) : null,
    claimant: m.claimant ? canonical(m.claimant).name : null,
    qualifier: m.qualifier,
    evidence: String(m.evidence ?? ''),
  };
}

function mostCommon(values: string[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount) [best, bestCount] = [v, n];
  }
  return best;
}

const bySource = (a: ReportSource, b: ReportSource) =>
  (a.published ?? '').localeCompare(b.published ?? '') || a.title.localeCompare(b.title);

interface Attributed {
  claimant: string;
  country: string | null;
  mentions: MentionRecord[];
}

/**
 * Who gives a figure: its mentions grouped by canonical claimant, so "Zelenskyy" and
 * "Ukraine's President" are one claimant. A figure with no stored mention (a write cut short)
 * falls back to the claimant on the figure itself.
 */
function attributionsOf(figure: FigureSummary, mentions: readonly MentionRecord[]): Attributed[] {
  if (mentions.length === 0) {
    const c = canonical(figure.claimant);
    return [{ claimant: c.name, country: c.country ?? figure.claimantCountry, mentions: [] }];
  }
  const groups = new Map<string, Attributed>();
  for (const m of mentions) {
    const c = canonical(m.claimant);
    const group = groups.get(c.name) ?? { claimant: c.name, country: null, mentions: [] };
    group.country ??= c.country ?? m.claimantCountry ?? null;
    group.mentions.push(m);
    groups.set(c.name, group);
  }
  return [...groups.values()];
}

function fallbackSource(figure: FigureSummary): ReportSource {
  return {
    url: safeHref(figure.latestSource),
    rawUrl: String(figure.latestSource ?? ''),
    title: String(figure.latestSource ?? ''),
    published: figure.latestSourceAt ? figure.latestSourceAt.slice(0, 10) : null,
    claimant: figure.claimant ? canonical(figure.claimant).name : null,
    qualifier: figure.qualifier,
    evidence: '',
  };
}

const compareSeries = (a: ReportSeries, b: ReportSeries) =>
  Number(a.claimant === UNATTRIBUTED) - Number(b.claimant === UNATTRIBUTED) ||
  (a.country ?? '~').localeCompare(b.country ?? '~') ||
  a.claimant.localeCompare(b.claimant);

/**
 * Builds the report from the figures (`queryFigures`' summaries) and each figure's mentions.
 * One chart per metric, unit and side (shells and containers never share an axis), in the order
 * FIGURES.md lists the metrics; in each, one series per canonical claimant, and one point per
 * figure that claimant gives, linked to the stories in which it gives it. Every figure appears
 * once in its chart's table, whether or not its date can be plotted.
 */
export function buildReportModel(
  figures: readonly FigureSummary[],
  mentionsByFigure: ReadonlyMap<string, readonly MentionRecord[]>,
  filter: ReportFilter = {},
): ReportModel {
  const groups = new Map<string, FigureSummary[]>();
  for (const figure of figures) {
    const key = `${figure.metric}\u0000${figure.unit}\u0000${figure.side}`;
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }

  // Colours follow claimants across charts: the most prolific claimant gets the first colour.
  const attributions = new Map(
    figures.map((f) => [f.id, attributionsOf(f, mentionsByFigure.get(f.id) ?? [])]),
  );
  const claimantCounts = new Map<string, number>();
  for (const list of attributions.values()) {
    for (const a of list) {
      claimantCounts.set(a.claimant, (claimantCounts.get(a.claimant) ?? 0) + 1);
    }
  }
  const ranked = [...claimantCounts.entries()]
    .filter(([name]) => name !== UNATTRIBUTED)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const styles = new Map<string, { color: string; name: string; dashed: boolean }>([
    [UNATTRIBUTED, UNATTRIBUTED_STYLE],
  ]);
  for (const [i, [name]] of ranked.entries()) {
    const entry = CLAIMANT_PALETTE[i % CLAIMANT_PALETTE.length]!;
    styles.set(name, { ...entry, dashed: i >= CLAIMANT_PALETTE.length });
  }

  const orderIn = (list: readonly string[], v: string) => {
    const i = list.indexOf(v);
    return i < 0 ? list.length : i;
  };
  const keys = [...groups.keys()].sort((a, b) => {
    const [ma, ua, sa] = a.split('\u0000') as [string, string, string];
    const [mb, ub, sb] = b.split('\u0000') as [string, string, string];
    return (
      orderIn(METRICS, ma) - orderIn(METRICS, mb) ||
      ma.localeCompare(mb) ||
      orderIn(UNIT_ORDER, ua) - orderIn(UNIT_ORDER, ub) ||
      ua.localeCompare(ub) ||
      Number(sa !== 'KP') - Number(sb !== 'KP') ||
      sa.localeCompare(sb)
    );
  });

  const usedIds = new Set<string>();
  const charts: ReportChart[] = [];
  for (const key of keys) {
    const list = [...groups.get(key)!].sort(
      (a, b) => a.date.localeCompare(b.date) || a.value - b.value || a.id.localeCompare(b.id),
    );
    const { metric, unit, side } = list[0]!;
    let id = slug(`${metric}-${unit}${side === 'KP' ? '' : `-${side}`}`) || 'chart';
    for (let n = 2; usedIds.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    usedIds.add(id);

    const series = new Map<string, ReportSeries>();
    const rows: ReportRow[] = [];
    let undated = 0;
    for (const [i, figure] of list.entries()) {
      const rowId = `${id}-row-${i + 1}`;
      const mentions = mentionsByFigure.get(figure.id) ?? [];
      const sources = mentions.length
        ? mentions.map(toSource).sort(bySource)
        : [fallbackSource(figure)];
      const attributed = attributions.get(figure.id)!;
      const periodText = periodOf(figure, mentions);
      const span = dateSpan(periodText) ?? dateSpan(figure.date);
      const x = span?.start ?? null;
      rows.push({
        rowId,
        figureId: figure.id,
        value: figure.value,
        valueHigh: figure.valueHigh ?? undefined,
        qualifiers: [...new Set([figure.qualifier, ...mentions.map((m) => m.qualifier)])],
        claimants: attributed.map((a) => a.claimant).sort(),
        date: figure.date,
        ...(span?.period ? { period: periodText } : {}),
        dated: x !== null,
        increment: figure.increment === true,
        sources,
      });
      if (x === null) {
        undated++;
        continue;
      }
      // "Another 5,000" beside a total of 16,000 would draw a fall: increments stay off the chart.
      if (figure.increment) continue;
      for (const a of attributed) {
        const own = a.mentions.length ? a.mentions.map(toSource).sort(bySource) : sources;
        const style = styles.get(a.claimant) ?? UNATTRIBUTED_STYLE;
        const s = series.get(a.claimant) ?? {
          claimant: a.claimant,
          country: a.country,
          color: style.color,
          colorName: style.name,
          dashed: style.dashed,
          points: [],
        };
        s.points.push({
          x,
          ...(span?.period ? { xEnd: span.end, period: periodText } : {}),
          y: figure.value,
          ...(figure.valueHigh ? { yHigh: figure.valueHigh } : {}),
          figureId: figure.id,
          rowId,
          date: figure.date,
          value: figure.value,
          ...(figure.valueHigh ? { valueHigh: figure.valueHigh } : {}),
          qualifier: mostCommon(
            a.mentions.map((m) => m.qualifier),
            figure.qualifier,
          ),
          claimant: a.claimant,
          claimantCountry: a.country,
          evidence: own.find((src) => src.evidence)?.evidence ?? '',
          sources: own,
          stack: 0,
          stackSize: 1,
          spot: '',
          sameSpot: [],
        });
        series.set(a.claimant, s);
      }
    }
    for (const s of series.values()) s.points.sort((a, b) => a.x - b.x || a.y - b.y);
    const ordered = [...series.values()].sort(compareSeries);
    const points = ordered.flatMap((s) => s.points);
    const spots = new Map<string, ReportPoint[]>();
    for (const p of points) {
      const spot = `${p.x}|${p.xEnd ?? ''}|${p.y}|${p.yHigh ?? ''}`;
      spots.set(spot, [...(spots.get(spot) ?? []), p]);
    }
    for (const [spot, same] of spots) {
      for (const [k, p] of same.entries()) {
        Object.assign(p, {
          stack: k,
          stackSize: same.length,
          spot,
          sameSpot: same.filter((o) => o !== p).map((o) => o.claimant),
        });
      }
    }
    charts.push({
      id,
      metric,
      unit,
      side,
      title: chartTitle(metric, unit, side),
      series: ordered,
      rows,
      xMin: 0,
      xMax: 0,
      yMax: Math.max(0, ...points.map((p) => p.yHigh ?? p.y)),
      undated,
    });
  }

  // One date axis for every chart, so a date sits at the same place on each.
  const all = charts.flatMap((c) => c.series.flatMap((s) => s.points));
  const lo = all.length ? Math.min(...all.map((p) => p.x)) : Date.UTC(2024, 0, 1);
  const hi = all.length ? Math.max(...all.map((p) => p.xEnd ?? p.x)) : lo;
  const pad = Math.max(3 * DAY_MS, Math.round((hi - lo) * 0.04));
  const axis = { xMin: lo - pad, xMax: hi + pad };
  for (const chart of charts) Object.assign(chart, axis);

  const drawn = new Set(charts.flatMap((c) => c.series.map((s) => s.claimant)));
  const legend: ReportClaimant[] = [...ranked.map(([name]) => name), UNATTRIBUTED]
    .filter((name) => drawn.has(name))
    .map((name) => {
      const style = styles.get(name)!;
      return { claimant: name, color: style.color, colorName: style.name, dashed: style.dashed };
    });

  const claimants = new Set(
    [...attributions.values()]
      .flatMap((l) => l.map((a) => a.claimant))
      .filter((c) => c !== UNATTRIBUTED),
  );
  const sources = new Set(
    charts.flatMap((c) => c.rows.flatMap((r) => r.sources.map((s) => s.rawUrl))),
  );
  return {
    charts,
    claimants: legend,
    axis,
    filter,
    totals: {
      figures: figures.length,
      charts: charts.length,
      claimants: claimants.size,
      sources: sources.size,
    },
  };
}

/** The one-line summary `claimwatch report` prints, e.g. "11 figures in 7 charts, …". */
export function describeReport(model: ReportModel): string {
  const { figures, charts, claimants, sources } = model.totals;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(figures, 'figure')} in ${plural(charts, 'chart')}, ${plural(claimants, 'claimant')}, ${plural(sources, 'source')}`;
}
