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
import { METRICS } from '../types.ts';
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
}

/** One claimant's figures in one chart. */
export interface ReportSeries {
  /** The canonical claimant name, or {@link UNATTRIBUTED}. */
  claimant: string;
  country: string | null;
  color: string;
  points: ReportPoint[];
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
  /** The time axis range, padded around the points. */
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
  filter: ReportFilter;
  totals: { figures: number; charts: number; claimants: number; sources: number };
}

/** The series of figures no story attributes to anyone ("reportedly"). */
export const UNATTRIBUTED = 'unattributed (reportedly)';

const DAY_MS = 86_400_000;

/**
 * Colours by the claimant's country, so a reader sees at a glance whose estimate is whose:
 * Ukraine's claimants in blues, South Korea's in reds and oranges, the United States' in greens,
 * anyone else in purples and browns. Claimants of one country get the family's shades in turn.
 */
const COUNTRY_SHADES: Record<string, readonly string[]> = {
  UA: ['#1f5fa8', '#5b9bd5', '#0d3b6e', '#8fbbe8', '#3f7cc0'],
  KR: ['#c0392b', '#e67e22', '#8e1b12', '#f0a35e', '#d9534f'],
  US: ['#2e8b57', '#7cc48f', '#1b5e3a', '#4caf50'],
};
const OTHER_SHADES: readonly string[] = ['#7d5ba6', '#9c755f', '#b07aa1', '#5d6d7e', '#a0522d'];
const UNATTRIBUTED_COLOR = '#8c8c8c';

/** Units in the order FIGURES.md lists them: troops before their officers and generals. */
const UNIT_ORDER: readonly Unit[] = [
  'troops',
  'officers',
  'generals',
  'workers',
  'deminers',
  'containers',
  'shells',
  'missiles',
  'rocket_launchers',
  'artillery',
  'drones',
];

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

/**
 * Places a figure's date on the time axis: `YYYY-MM-DD` at that day, a period (`YYYY-MM`,
 * `YYYY`) at its first day, all in UTC so the axis does not shift with the reader's time zone.
 * Anything else is not placed (the figure stays in the table).
 */
export function dateToTime(date: string): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return time;
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

  // Colours follow claimants across charts: within a country, the most prolific claimant gets
  // the first shade.
  const attributions = new Map(
    figures.map((f) => [f.id, attributionsOf(f, mentionsByFigure.get(f.id) ?? [])]),
  );
  const claimantCounts = new Map<string, number>();
  const countries = new Map<string, string | null>();
  for (const list of attributions.values()) {
    for (const a of list) {
      claimantCounts.set(a.claimant, (claimantCounts.get(a.claimant) ?? 0) + 1);
      if (!countries.get(a.claimant)) countries.set(a.claimant, a.country);
    }
  }
  const ranked = [...claimantCounts.entries()]
    .filter(([name]) => name !== UNATTRIBUTED)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const colors = new Map<string, string>([[UNATTRIBUTED, UNATTRIBUTED_COLOR]]);
  const used = new Map<readonly string[], number>();
  for (const [name] of ranked) {
    const shades = COUNTRY_SHADES[countries.get(name) ?? ''] ?? OTHER_SHADES;
    const n = used.get(shades) ?? 0;
    colors.set(name, shades[n % shades.length]!);
    used.set(shades, n + 1);
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
      const x = dateToTime(figure.date);
      rows.push({
        rowId,
        figureId: figure.id,
        value: figure.value,
        valueHigh: figure.valueHigh ?? undefined,
        qualifiers: [...new Set([figure.qualifier, ...mentions.map((m) => m.qualifier)])],
        claimants: attributed.map((a) => a.claimant).sort(),
        date: figure.date,
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
        const s = series.get(a.claimant) ?? {
          claimant: a.claimant,
          country: a.country,
          color: colors.get(a.claimant) ?? UNATTRIBUTED_COLOR,
          points: [],
        };
        s.points.push({
          x,
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
        });
        series.set(a.claimant, s);
      }
    }
    for (const s of series.values()) s.points.sort((a, b) => a.x - b.x || a.y - b.y);
    const ordered = [...series.values()].sort(compareSeries);
    const points = ordered.flatMap((s) => s.points);
    const spots = new Map<string, ReportPoint[]>();
    for (const p of points) {
      const spot = `${p.x}|${p.y}|${p.yHigh ?? ''}`;
      spots.set(spot, [...(spots.get(spot) ?? []), p]);
    }
    for (const same of spots.values()) {
      for (const [k, p] of same.entries()) Object.assign(p, { stack: k, stackSize: same.length });
    }
    const xs = points.map((p) => p.x);
    const lo = xs.length ? Math.min(...xs) : Date.UTC(2024, 0, 1);
    const hi = xs.length ? Math.max(...xs) : lo;
    const pad = Math.max(3 * DAY_MS, Math.round((hi - lo) * 0.06));
    charts.push({
      id,
      metric,
      unit,
      side,
      title: chartTitle(metric, unit, side),
      series: ordered,
      rows,
      xMin: lo - pad,
      xMax: hi + pad,
      yMax: Math.max(0, ...points.map((p) => p.yHigh ?? p.y)),
      undated,
    });
  }

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
