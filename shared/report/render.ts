/**
 * Renders the timeline report: one self-contained HTML file that opens with no network. The
 * chart library and the page's script are inlined, the data travels as escaped JSON, and a
 * Content-Security-Policy allows exactly those two scripts (by hash) and no network fetches, so
 * even a string that slipped past escaping could neither run nor phone home.
 */

import { createHash } from 'node:crypto';
import type { FigureSummary } from '../store/queries.ts';
import type { MentionRecord } from '../store/store.ts';
import type { ChartLibrary } from './chart-library.ts';
import { CLIENT_SCRIPT } from './client-script.ts';
import { escapeHtml, inlineScript, jsonForScript } from './escape.ts';
import type { ReportChart, ReportFilter, ReportModel, ReportRow, ReportSource } from './model.ts';
import { buildReportModel, describeReport, formatFigureValue, qualifierLabel } from './model.ts';

/** What the page needs besides the data. */
export interface RenderOptions {
  /** The chart library to inline (`readChartLibrary()`); tests may pass a stub. */
  chartLibrary: ChartLibrary;
  /** When the report was made, shown on the page. */
  generatedAt: Date;
}

const TITLE = 'North Korea’s military support to Russia: figures over time';

/** The report's style sheet; the web view (`claimwatch serve`) uses it too. */
export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --accent: #2f5d95; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: #f6f7f9; }
header, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 0 0 12px; }
h3 { font-size: 1rem; margin: 0 0 6px; }
a { color: var(--accent); }
.meta, .key, .note { color: var(--muted); font-size: 0.9rem; }
nav ul { list-style: none; padding: 0; margin: 12px 0 0; display: flex; flex-wrap: wrap; gap: 6px 10px; }
nav li a { display: inline-block; padding: 2px 10px; border: 1px solid var(--line); border-radius: 999px; background: #fff; text-decoration: none; }
section.chart-section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px; margin: 20px 0; }
.chart-box { position: relative; height: 340px; }
.key { margin: 8px 0 0; }
.details { position: relative; margin: 12px 0 0; padding: 12px 40px 12px 14px; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; background: #fafbfc; }
.details .point + .point { margin-top: 12px; padding-top: 12px; border-top: 1px dashed var(--line); }
.details .close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 1.3rem; cursor: pointer; color: var(--muted); }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; vertical-align: 1px; }
ul.sources { margin: 0; padding-left: 18px; }
ul.sources li { margin: 2px 0; overflow-wrap: anywhere; }
blockquote { margin: 4px 0 6px; padding-left: 10px; border-left: 3px solid var(--line); color: #3a4253; font-size: 0.9rem; }
table { width: 100%; border-collapse: collapse; margin-top: 16px; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; }
tr.selected td { background: #fff6d6; }
details summary { cursor: pointer; color: var(--muted); font-size: 0.85rem; }
.empty { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px; }
footer { padding-bottom: 32px; }
section.legend { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 20px; margin: 20px 0 0; }
section.legend h2 { font-size: 1rem; margin: 0 0 6px; }
section.legend p { margin: 6px 0; }
ul.claimants { list-style: none; padding: 0; margin: 4px 0 8px; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 0.9rem; }
ul.claimants .swatch { width: 14px; height: 14px; border: 1px solid #fff; box-shadow: 0 0 0 1px #b9bfca; }
ul.claimants .swatch.dashed { border-radius: 2px; }
.span-key { display: inline-block; width: 28px; height: 5px; background: #0072B2; opacity: 0.45; vertical-align: 3px; }
@media print { body { background: #fff; } section.chart-section { break-inside: avoid; } nav, .details { display: none; } }
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function sourceHtml(source: ReportSource): string {
  const label = escapeHtml(source.title || source.rawUrl);
  const link = source.url
    ? `<a href="${escapeHtml(source.url)}" target="_blank" rel="noopener noreferrer">${label}</a>`
    : `<span class="unlinked">${label} (${escapeHtml(source.rawUrl)})</span>`;
  const meta = [
    source.published ? `published ${escapeHtml(source.published)}` : '',
    source.claimant ? `claimant: ${escapeHtml(source.claimant)}` : '',
  ].filter(Boolean);
  const evidence = source.evidence
    ? `<details><summary>evidence</summary><blockquote>${escapeHtml(source.evidence)}</blockquote></details>`
    : '';
  return `<li>${link}${meta.length ? ` <span class="meta">· ${meta.join(' · ')}</span>` : ''}${evidence}</li>`;
}

function rowHtml(row: ReportRow, figureHref?: (figureId: string) => string): string {
  return [
    `<tr id="${escapeHtml(row.rowId)}" data-figure-id="${escapeHtml(row.figureId)}">`,
    `<td class="num">${escapeHtml(`${row.increment ? '+' : ''}${formatFigureValue(row.value, row.valueHigh)}`)}${row.increment ? ' <span class="note">(more, added to an earlier count)</span>' : ''}</td>`,
    `<td>${row.qualifiers.map((q) => escapeHtml(qualifierLabel(q))).join('; ')}</td>`,
    `<td>${row.claimants.map(escapeHtml).join('; ')}</td>`,
    `<td class="date">${escapeHtml(periodText(row.period) ?? (row.date || 'undated'))}${row.dated ? '' : ' <span class="note">(not on the chart)</span>'}</td>`,
    `<td><ul class="sources">${row.sources.map(sourceHtml).join('')}</ul></td>`,
    figureHref
      ? `<td><a class="figure-link" href="${escapeHtml(figureHref(row.figureId))}">every source</a></td>`
      : '',
    '</tr>',
  ].join('');
}

/** A period as a reader says it: `2024-12-14/2024-12-15` → "2024-12-14 to 2024-12-15". */
function periodText(period: string | undefined): string | undefined {
  return period?.replace('/', ' to ');
}

/** How the report's body may differ where it is shown. */
export interface ReportBodyOptions {
  /** A link from each table row to a page of the figure (the web view); none in the file. */
  figureHref?: (figureId: string) => string;
}

/**
 * The legend every chart shares, shown once: which claimant each colour is (with the colour's
 * name, for readers who cannot tell colours apart), what the shapes mean, and how spans and
 * side-by-side points read.
 */
export function renderLegendHtml(model: ReportModel): string {
  if (model.charts.length === 0) return '';
  const colours = model.claimants
    .map(
      (c) =>
        `<li data-claimant="${escapeHtml(c.claimant)}"><span class="swatch${c.dashed ? ' dashed' : ''}" style="background:${escapeHtml(c.color)}"></span>${escapeHtml(c.claimant)} <span class="note">(${escapeHtml(c.colorName)}${c.dashed ? ', dashed line' : ''})</span></li>`,
    )
    .join('');
  return `<section class="legend" id="legend" aria-label="legend">
<h2>How to read the charts</h2>
<p class="key"><b>Colours:</b> one per claimant, the same in every chart.</p>
<ul class="claimants">${colours}</ul>
<p class="key shapes"><b>Shapes:</b> how the claimant hedges the number: ● exactly · ◆ about · ▲ at least / more than · ▼ up to / less than; a vertical bar above a point reaches a range’s high end.</p>
<p class="key"><b>Dates:</b> every chart shares one date axis. <span class="span-key"></span> a horizontal band is a figure that covers a month or a longer period, with its point in the middle. Claimants who give the same number for the same date sit side by side; hover a point for its evidence (and who else gives it), click it for its sources.</p>
</section>`;
}

/**
 * The report's charts and tables, with the legend once above them and the data element the
 * page's script draws from: the part of the page the file and the web view share.
 */
export function renderReportBody(model: ReportModel, options: ReportBodyOptions = {}): string {
  const body = model.charts.length
    ? `${renderLegendHtml(model)}\n${model.charts.map((c) => chartHtml(c, options.figureHref)).join('\n')}`
    : '<p class="empty">No figures match. Run <code>claimwatch demo</code> or <code>claimwatch run</code> to collect some.</p>';
  return `${body}\n<script type="application/json" id="claimwatch-data">${jsonForScript({ charts: model.charts, axis: model.axis })}</script>`;
}

function chartHtml(chart: ReportChart, figureHref?: (figureId: string) => string): string {
  const id = escapeHtml(chart.id);
  const title = escapeHtml(chart.title);
  const who = chart.series.map((s) => s.claimant).join(', ');
  const undated = chart.undated
    ? `<p class="note">${chart.undated} figure${chart.undated === 1 ? ' has' : 's have'} no date that can be placed on the time axis; ${chart.undated === 1 ? 'it is' : 'they are'} in the table only.</p>`
    : '';
  return `<section class="chart-section" id="${id}" data-metric="${escapeHtml(chart.metric)}" data-unit="${escapeHtml(chart.unit)}" data-side="${escapeHtml(chart.side)}">
<h2>${title}</h2>
<div class="chart-box"><canvas id="${id}-canvas" role="img" aria-label="${escapeHtml(`${chart.title} over time, one series per claimant: ${who}. The table below lists every figure.`)}"></canvas></div>
${undated}<div class="details" id="${id}-details" hidden aria-live="polite"></div>
<table>
<caption>${title}: ${chart.rows.length} figure${chart.rows.length === 1 ? '' : 's'}</caption>
<thead><tr><th>value</th><th>qualifier</th><th>claimant(s)</th><th>date</th><th>sources</th>${figureHref ? '<th>figure</th>' : ''}</tr></thead>
<tbody>
${chart.rows.map((r) => rowHtml(r, figureHref)).join('\n')}
</tbody>
</table>
</section>`;
}

function filterText(filter: ReportFilter): string {
  const parts = [
    filter.metric ? `metric ${filter.metric}` : '',
    filter.since ? `dated on or after ${filter.since}` : '',
    filter.until ? `dated on or before ${filter.until}` : '',
  ].filter(Boolean);
  return parts.length ? ` · only figures with ${parts.join(', ')}` : '';
}

/**
 * Renders a report model as one self-contained HTML document. Pure: the same model and options
 * give the same string. The page works offline and under its own CSP: `default-src 'none'`,
 * scripts allowed only by the hashes of the two inlined ones.
 */
export function renderReportHtml(model: ReportModel, options: RenderOptions): string {
  const library = inlineScript(options.chartLibrary.source);
  const client = inlineScript(CLIENT_SCRIPT);
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(library)} ${sha256(client)}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const generated = options.generatedAt.toISOString().slice(0, 16).replace('T', ' ');
  const nav = model.charts.length
    ? `<nav aria-label="charts"><ul>${model.charts
        .map(
          (c) =>
            `<li><a href="#${escapeHtml(c.id)}">${escapeHtml(c.title)} (${c.rows.length})</a></li>`,
        )
        .join('')}</ul></nav>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimwatch report; ${escapeHtml(options.chartLibrary.name)} ${escapeHtml(options.chartLibrary.version)}">
<link rel="icon" href="data:,">
<title>claimwatch: ${escapeHtml(TITLE)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(TITLE)}</h1>
<p class="meta">${escapeHtml(describeReport(model))} · generated ${escapeHtml(generated)} UTC${escapeHtml(filterText(model.filter))}</p>
${nav}
</header>
<main>
${renderReportBody(model)}
</main>
<footer>
<p class="note">Each chart shows the estimates of one metric over time, one series per claimant (spellings of one claimant are merged: “Zelenskyy” and “Ukraine’s President” are Volodymyr Zelensky). A figure several claimants give appears once in each of their series. A point sits at the date the figure covers and at its value (a month or a longer period is a band across it); a range is drawn at its low end with a bar up to its high end. Every link goes to the story that reported the figure; claimwatch extracted the numbers automatically, so check the evidence before quoting them.</p>
<noscript><p class="note">The charts need JavaScript; the tables list every figure.</p></noscript>
</footer>
<script>${library}</script>
<script>${client}</script>
</body>
</html>
`;
}

/**
 * Renders the report straight from the figures (`queryFigures`' summaries) and each figure's
 * mentions: the one call the CLI, or anything else holding plain data, needs.
 */
export function renderReport(
  figures: readonly FigureSummary[],
  mentionsByFigure: ReadonlyMap<string, readonly MentionRecord[]>,
  options: RenderOptions & { filter?: ReportFilter },
): string {
  return renderReportHtml(buildReportModel(figures, mentionsByFigure, options.filter), options);
}
