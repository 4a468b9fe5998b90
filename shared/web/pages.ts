/**
 * The pages of the web view (`claimwatch serve`), rendered on the server from plain data. Every
 * string that came from a feed or a story (titles, evidence, claimants, URLs, error messages)
 * reaches the page through the report's escaping (`escapeHtml`, `safeHref`), so a hostile title
 * is shown as text; the pages run no script but the report's own chart script, served from the
 * same origin under a Content-Security-Policy that allows nothing else.
 */

import { canonicalClaimant } from '../figures/claimants.ts';
import { describeFigure } from '../figures/identity.ts';
import { escapeHtml, safeHref } from '../report/escape.ts';
import type { ReportModel } from '../report/model.ts';
import { describeReport, formatFigureValue, qualifierLabel } from '../report/model.ts';
import { REPORT_STYLE, renderReportBody } from '../report/render.ts';
import type { FeedRecord, FigureRecord, MentionRecord } from '../store/store.ts';
import { METRICS } from '../types.ts';
import { figurePath } from './links.ts';

/** The pages of the navigation bar, in order. */
const NAV: readonly { path: string; label: string }[] = [
  { path: '/figures', label: 'Figures' },
  { path: '/feeds', label: 'Feed health' },
  { path: '/alerts', label: 'Alerts' },
  { path: '/cycle', label: 'Cycle' },
];

const WEB_STYLE = `
nav.site { background: #1d2330; }
nav.site ul { max-width: 1120px; margin: 0 auto; padding: 8px 24px; display: flex; gap: 4px 18px; flex-wrap: wrap; list-style: none; }
nav.site li a { color: #e8ecf3; text-decoration: none; font-weight: 600; background: none; border: 0; padding: 0; }
nav.site a[aria-current="page"] { text-decoration: underline; text-underline-offset: 4px; }
nav.site .brand { color: #fff; margin-right: 12px; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 20px 0; }
.status { font-weight: 600; white-space: nowrap; }
.status.ok, .status.sent { color: #1b6e3a; }
.status.new, .status.pending, .status.sending, .status.unconfirmed { color: #8a5a00; }
.status.failing, .status.failed { color: #b3261e; }
.error-text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; margin: 0; }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: end; }
form.filters label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
form.filters input, form.filters select, form.filters button { font: inherit; padding: 4px 6px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
ol.sources > li { margin: 0 0 14px; overflow-wrap: anywhere; }
td.wrap { overflow-wrap: anywhere; }
p.problem { background: #fdecea; border: 1px solid #f5c2bd; border-radius: 6px; padding: 10px 14px; }
`;

/** What every page shows besides its own content. */
export interface LayoutOptions {
  title: string;
  /** The navigation entry to mark as the current page. */
  active?: string;
  /** Where the data comes from, for the footer: a data directory or a table. */
  dataLabel?: string;
  /** Extra `<head>` content (e.g. the Atom feed's `<link rel="alternate">`). */
  head?: string;
  /** Same-origin script paths, loaded at the end of the body. */
  scripts?: readonly string[];
}

/** Wraps a page's content in the common document: navigation, style, footer. */
export function layout(body: string, options: LayoutOptions): string {
  const nav = NAV.map(
    (n) =>
      `<li><a href="${n.path}"${options.active === n.path ? ' aria-current="page"' : ''}>${escapeHtml(n.label)}</a></li>`,
  ).join('');
  const scripts = (options.scripts ?? [])
    .map((src) => `<script src="${escapeHtml(src)}"></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<link rel="alternate" type="application/atom+xml" title="claimwatch: new figures" href="/figures.atom">
${options.head ?? ''}
<title>${escapeHtml(options.title)} · claimwatch</title>
<style>${REPORT_STYLE}${WEB_STYLE}</style>
</head>
<body>
<nav class="site" aria-label="site"><ul><li><a class="brand" href="/figures">claimwatch</a></li>${nav}<li><a href="/figures.atom">Atom feed</a></li></ul></nav>
<header><h1>${escapeHtml(options.title)}</h1></header>
<main>
${body}
</main>
<footer><p class="note">Read-only view${options.dataLabel ? ` of ${escapeHtml(options.dataLabel)}` : ''}. claimwatch extracts figures automatically: check the evidence before quoting them.</p></footer>
${scripts}
</body>
</html>
`;
}

/** A time as people read it, in UTC, with how long ago or how soon: "2024-12-23 09:00 UTC (5 min ago)". */
export function timeHtml(iso: string | null | undefined, now: Date): string {
  if (!iso) return '<span class="note">never</span>';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return escapeHtml(iso);
  const shown = new Date(t).toISOString().slice(0, 16).replace('T', ' ');
  return `<time datetime="${escapeHtml(new Date(t).toISOString())}">${shown} UTC</time> <span class="note">(${escapeHtml(relative(t, now.getTime()))})</span>`;
}

function relative(t: number, now: number): string {
  const minutes = Math.round((t - now) / 60_000);
  const size = Math.abs(minutes);
  const amount =
    size < 1
      ? 'less than a minute'
      : size < 120
        ? `${size} min`
        : size < 48 * 60
          ? `${Math.round(size / 60)} h`
          : `${Math.round(size / 1440)} days`;
  if (size < 1) return 'now';
  return minutes < 0 ? `${amount} ago` : `in ${amount}`;
}

/** A link only when the URL is http(s); otherwise the URL as text. */
function linkOrText(url: string | null | undefined, label: string): string {
  const href = safeHref(url);
  return href
    ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(label)}</a>`
    : `<span class="unlinked">${escapeHtml(label)}${url && url !== label ? ` (${escapeHtml(url)})` : ''}</span>`;
}

// ---- feed health ----------------------------------------------------------------------------

/** A feed's state in one word: `paused` (by a person), `new` (never polled), `failing`, or `ok`. */
export function feedStatus(feed: FeedRecord): 'paused' | 'new' | 'failing' | 'ok' {
  if (feed.paused) return 'paused';
  if (!feed.lastCheckedAt) return 'new';
  return feed.errorCount > 0 ? 'failing' : 'ok';
}

/** Failing feeds first (most consecutive errors first), then new ones, then the rest by id. */
export function sortFeedsForHealth(feeds: readonly FeedRecord[]): FeedRecord[] {
  const rank = { failing: 0, new: 1, ok: 2, paused: 3 } as const;
  return [...feeds].sort(
    (a, b) =>
      rank[feedStatus(a)] - rank[feedStatus(b)] ||
      b.errorCount - a.errorCount ||
      a.feedId.localeCompare(b.feedId),
  );
}

/** Feed health: status, last success, the last error in full, next check; failing feeds first. */
export function feedsPage(feeds: readonly FeedRecord[], now: Date, dataLabel?: string): string {
  const sorted = sortFeedsForHealth(feeds);
  const failing = sorted.filter((f) => feedStatus(f) === 'failing').length;
  const rows = sorted.map((f) => {
    const status = feedStatus(f);
    const error = f.lastError
      ? `<p class="note">${escapeHtml(f.lastError.kind)} · ${timeHtml(f.lastError.at, now)}</p><pre class="error-text">${escapeHtml(f.lastError.message)}</pre>`
      : '<span class="note">none</span>';
    return `<tr data-feed-id="${escapeHtml(f.feedId)}" data-status="${status}">
<td class="wrap"><strong>${escapeHtml(f.title || f.feedId)}</strong><br><span class="note">${escapeHtml(f.feedId)}</span><br>${linkOrText(f.url, f.url)}</td>
<td><span class="status ${status}">${status}</span>${f.paused ? `<br><span class="note">by ${escapeHtml(f.paused.by)}${f.paused.why ? `: ${escapeHtml(f.paused.why)}` : ''}</span>` : ''}${f.errorCount ? `<br><span class="note">${f.errorCount} error${f.errorCount === 1 ? '' : 's'} in a row</span>` : ''}</td>
<td>${timeHtml(f.lastSuccessAt, now)}</td>
<td>${timeHtml(f.lastCheckedAt, now)}</td>
<td>${timeHtml(f.nextCheckAt, now)}</td>
<td class="num">${f.itemsSeen ?? 0}</td>
<td class="wrap">${error}</td>
</tr>`;
  });
  const body = feeds.length
    ? `<p class="meta">${feeds.length} feed${feeds.length === 1 ? '' : 's'}, ${failing} failing. Failing feeds are listed first.</p>
<div class="panel"><table id="feeds">
<thead><tr><th>feed</th><th>status</th><th>last success</th><th>last checked</th><th>next check</th><th>items</th><th>last error</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`
    : '<p class="empty">No feeds yet: run <code>claimwatch run</code> or <code>claimwatch demo</code>.</p>';
  return layout(body, { title: 'Feed health', active: '/feeds', dataLabel });
}

// ---- the cycle ------------------------------------------------------------------------------

/** When the monitor last polled and when it polls next, as the feeds' state tells it. */
export interface CycleInfo {
  /** The latest `lastCheckedAt` of any feed: when the last cycle ran. */
  lastRanAt: string | null;
  /** The earliest `nextCheckAt`: when the next cycle will poll something. */
  nextAt: string | null;
  feeds: number;
  failing: number;
  /** Failing feeds waiting out a back-off (their next check is after the next cycle). */
  backingOff: number;
  /** Feeds due now (their next check has passed). */
  due: number;
}

/** Derives the cycle from the feeds' polling state. */
export function cycleOf(feeds: readonly FeedRecord[], now: Date): CycleInfo {
  const checked = feeds.map((f) => f.lastCheckedAt).filter((t): t is string => Boolean(t));
  const next = feeds
    .filter((f) => !f.paused)
    .map((f) => f.nextCheckAt)
    .filter((t): t is string => Boolean(t));
  const latest = (list: string[]) =>
    list.length ? list.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : null;
  const earliest = (list: string[]) =>
    list.length ? list.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) : null;
  const nextAt = earliest(next);
  return {
    lastRanAt: latest(checked),
    nextAt,
    feeds: feeds.length,
    failing: feeds.filter((f) => feedStatus(f) === 'failing').length,
    backingOff: feeds.filter(
      (f) =>
        feedStatus(f) === 'failing' &&
        nextAt !== null &&
        Date.parse(f.nextCheckAt) > Date.parse(nextAt),
    ).length,
    due: feeds.filter((f) => !f.paused && Date.parse(f.nextCheckAt) <= now.getTime()).length,
  };
}

/** The cycle: when the last one ran and when the next one runs. */
export function cyclePage(cycle: CycleInfo, now: Date, dataLabel?: string): string {
  const overdue = cycle.nextAt !== null && Date.parse(cycle.nextAt) < now.getTime() - 120_000;
  const body = cycle.feeds
    ? `<div class="panel"><dl class="facts" id="cycle">
<dt>last cycle ran</dt><dd data-field="last">${timeHtml(cycle.lastRanAt, now)}</dd>
<dt>next cycle</dt><dd data-field="next">${timeHtml(cycle.nextAt, now)}</dd>
<dt>feeds</dt><dd>${cycle.feeds} (${cycle.due} due now, ${cycle.failing} failing${cycle.backingOff ? `, ${cycle.backingOff} backing off after errors` : ''})</dd>
</dl>
${overdue ? '<p class="problem">The next check is overdue: is <code>claimwatch run</code> running?</p>' : ''}
<p class="note">Derived from the feeds' polling state: the last cycle is the latest time a feed was checked, the next is the earliest time one is due. <a href="/feeds">Feed health</a> lists each feed.</p></div>`
    : '<p class="empty">No feeds yet, so no cycle has run: start <code>claimwatch run</code> or <code>claimwatch demo</code>.</p>';
  return layout(body, { title: 'Polling cycle', active: '/cycle', dataLabel });
}

// ---- figures --------------------------------------------------------------------------------

/** The figure filters as the query string gives them (already checked). */
export interface FigureQuery {
  metric?: string;
  claimant?: string;
  since?: string;
  until?: string;
}

/** The timeline and table of the report, with a filter form (metric, claimant, dates). */
export function figuresPage(
  model: ReportModel,
  query: FigureQuery,
  options: { claimants?: readonly string[]; problem?: string; dataLabel?: string } = {},
): string {
  const metricOptions = ['', ...METRICS]
    .map(
      (m) =>
        `<option value="${escapeHtml(m)}"${(query.metric ?? '') === m ? ' selected' : ''}>${m ? escapeHtml(m) : 'any metric'}</option>`,
    )
    .join('');
  const claimantList = (options.claimants ?? [])
    .map((c) => `<option value="${escapeHtml(c)}"></option>`)
    .join('');
  const form = `<form class="filters panel" method="get" action="/figures">
<label>metric <select name="metric">${metricOptions}</select></label>
<label>claimant <input name="claimant" list="claimant-names" value="${escapeHtml(query.claimant ?? '')}" placeholder="any spelling"></label>
<datalist id="claimant-names">${claimantList}</datalist>
<label>dated from <input type="date" name="since" value="${escapeHtml(query.since ?? '')}"></label>
<label>to <input type="date" name="until" value="${escapeHtml(query.until ?? '')}"></label>
<button type="submit">Filter</button> <a href="/figures">clear</a>
</form>`;
  const problem = options.problem ? `<p class="problem">${escapeHtml(options.problem)}</p>` : '';
  const body = `${form}
${problem}<p class="meta" id="summary">${escapeHtml(describeReport(model))}</p>
${options.problem ? '' : renderReportBody(model, { figureHref: figurePath })}`;
  return layout(body, {
    title: 'Figures over time',
    active: '/figures',
    dataLabel: options.dataLabel,
    scripts:
      options.problem || model.charts.length === 0 ? [] : ['/assets/chart.js', '/assets/report.js'],
  });
}

/** One figure: what it says, and every story that reported it with its evidence sentence. */
export function figurePage(
  figure: FigureRecord,
  mentions: readonly MentionRecord[],
  now: Date,
  dataLabel?: string,
): string {
  const sorted = [...mentions].sort((a, b) =>
    (a.publishedAt ?? a.seenAt).localeCompare(b.publishedAt ?? b.seenAt),
  );
  const claimants = [
    ...new Set(
      [figure.claimant, ...mentions.map((m) => m.claimant)]
        .filter((c): c is string => Boolean(c))
        .map((c) => canonicalClaimant(c).name || c),
    ),
  ];
  const sources = sorted.map(
    (m) => `<li data-story-id="${escapeHtml(m.storyId)}">
<h3>${linkOrText(m.storyUrl, m.storyTitle || m.storyUrl)}</h3>
<p class="meta">${[
      m.publishedAt
        ? `published ${escapeHtml(m.publishedAt.slice(0, 10))}`
        : 'publish date unknown',
      `claimant: ${escapeHtml(m.claimant ? canonicalClaimant(m.claimant).name || m.claimant : 'unattributed')}`,
      `says: ${escapeHtml(qualifierLabel(m.qualifier))} ${escapeHtml(formatFigureValue(figure.value, figure.valueHigh))}`,
      m.asOf ? `as of ${escapeHtml(m.asOf.replace('/', ' to '))}` : '',
      `seen ${timeHtml(m.seenAt, now)}`,
    ]
      .filter(Boolean)
      .join(' · ')}</p>
<blockquote class="evidence">${escapeHtml(m.evidence)}</blockquote>
</li>`,
  );
  const title = describeFigure(figure);
  const rejected = figure.rejected
    ? `<p class="problem" id="rejected">Rejected by ${escapeHtml(figure.rejected.by)} ${timeHtml(figure.rejected.at, now)}${figure.rejected.why ? `: ${escapeHtml(figure.rejected.why)}` : ''}. It is left out of the timeline, the report and alerts.</p>\n`
    : '';
  const body = `${rejected}<div class="panel"><dl class="facts" id="figure" data-figure-key="${escapeHtml(figure.figureKey)}">
<dt>value</dt><dd>${escapeHtml(`${figure.increment ? '+' : ''}${formatFigureValue(figure.value, figure.valueHigh)}`)} <span class="note">(${escapeHtml(qualifierLabel(figure.qualifier))})</span></dd>
<dt>metric</dt><dd><a href="/figures?metric=${encodeURIComponent(figure.metric)}">${escapeHtml(figure.metric)}</a>, ${escapeHtml(figure.unit.replace(/_/g, ' '))}${figure.side && figure.side !== 'KP' ? ` (side ${escapeHtml(figure.side)})` : ''}</dd>
<dt>claimed by</dt><dd>${claimants.length ? claimants.map(escapeHtml).join('; ') : 'unattributed'}</dd>
<dt>as of</dt><dd>${figure.asOf ? escapeHtml(figure.asOf.replace('/', ' to ')) : '<span class="note">not said</span>'}</dd>
<dt>first seen</dt><dd>${timeHtml(figure.firstSeenAt, now)}</dd>
<dt>id</dt><dd><code>${escapeHtml(figurePath(figure.figureKey).split('/').pop()!)}</code> <span class="note">(${escapeHtml(figure.figureKey)})</span></dd>
</dl></div>
<section class="panel" id="sources"><h2>${sorted.length} source${sorted.length === 1 ? '' : 's'}</h2>
${sorted.length ? `<ol class="sources">${sources.join('\n')}</ol>` : `<p class="note">No story is stored for this figure; it was first reported at ${linkOrText(figure.firstStoryUrl, figure.firstStoryUrl)}.</p>`}
</section>
<p><a href="/figures">← all figures</a></p>`;
  return layout(body, { title, dataLabel });
}

// ---- alerts ---------------------------------------------------------------------------------

/** What the alerts page needs of an alert (the store's record). */
export interface AlertRow {
  alertId: string;
  figureKey: string;
  createdAt: string;
  status: string;
  headline: string;
  attempts: number;
  sentAt?: string;
  lastError?: string | null;
  channels?: Record<string, string>;
}

function channelStateClass(state: string): string {
  if (state === 'sent') return 'sent';
  if (state.startsWith('failed')) return 'failed';
  return state === 'unconfirmed' ? 'unconfirmed' : 'pending';
}

/** Alerts, newest first, with their delivery state per channel and the last error in full. */
export function alertsPage(alerts: readonly AlertRow[], now: Date, dataLabel?: string): string {
  const sorted = [...alerts].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const counts = new Map<string, number>();
  for (const a of alerts) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const rows = sorted.map((a) => {
    const channels = Object.entries(a.channels ?? {})
      .map(
        ([name, state]) =>
          `<li>${escapeHtml(name)}: <span class="status ${channelStateClass(state)}">${escapeHtml(state)}</span></li>`,
      )
      .join('');
    return `<tr data-alert-id="${escapeHtml(a.alertId)}" data-status="${escapeHtml(a.status)}">
<td>${timeHtml(a.createdAt, now)}</td>
<td class="wrap"><a href="${escapeHtml(figurePath(a.figureKey))}">${escapeHtml(a.headline)}</a><br><span class="note">${escapeHtml(a.alertId)}</span></td>
<td><span class="status ${channelStateClass(a.status)}">${escapeHtml(a.status)}</span><br><span class="note">${a.attempts} attempt${a.attempts === 1 ? '' : 's'}</span></td>
<td>${channels ? `<ul class="sources">${channels}</ul>` : '<span class="note">none yet</span>'}</td>
<td>${a.sentAt ? timeHtml(a.sentAt, now) : '<span class="note">not sent</span>'}</td>
<td class="wrap">${a.lastError ? `<pre class="error-text">${escapeHtml(a.lastError)}</pre>` : ''}</td>
</tr>`;
  });
  const summary = [...counts.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([status, n]) => `${n} ${escapeHtml(status)}`)
    .join(', ');
  const body = alerts.length
    ? `<p class="meta">${alerts.length} alert${alerts.length === 1 ? '' : 's'}: ${summary}. “unconfirmed”: the process stopped while posting, so the message may or may not have arrived (<code>claimwatch alerts resend ID</code> sends it again).</p>
<div class="panel"><table id="alerts">
<thead><tr><th>created</th><th>alert</th><th>status</th><th>channels</th><th>sent</th><th>last error</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`
    : '<p class="empty">No alerts yet.</p>';
  return layout(body, { title: 'Alerts', active: '/alerts', dataLabel });
}

/** A page for a request that cannot be answered: not found, a bad filter, the data unreachable. */
export function problemPage(title: string, message: string, dataLabel?: string): string {
  return layout(
    `<p class="problem">${escapeHtml(message)}</p><p><a href="/figures">figures</a></p>`,
    {
      title,
      dataLabel,
    },
  );
}
