import type { KnownBlock } from '@slack/types';
import { canonicalClaimant } from '../figures/claimants.ts';
import { describeFigure } from '../figures/identity.ts';
import { safeHref } from '../report/escape.ts';
import type { AlertRecord, FigureRecord } from '../store/store.ts';
import { stripControls } from '../text.ts';
import { METRICS } from '../types.ts';
import { figureUrl } from '../web/links.ts';

/**
 * Text for a Slack mrkdwn field. Article text is anyone's: `<!channel>` or `<https://x|y>` in it
 * would ping the channel or disguise a link, so `&`, `<` and `>` are escaped as Slack's
 * formatting guide asks; nothing else is special to Slack.
 */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A Slack link to a story: only an http(s) URL becomes a link, percent-encoded where Slack's
 * `<url|text>` syntax would read it (`|`, `<`, `>`, spaces); anything else is shown as text.
 */
export function slackLink(url: string, title: string): string {
  const label = slackEscape(title.replace(/\|/g, '/'));
  const href = safeHref(url);
  if (!href) return label;
  const encoded = href.replace(/[|<>\s]/g, (c) => encodeURIComponent(c));
  return `<${encoded}|${label}>`;
}

/** What every channel shows of one alert, computed once. */
export interface AlertView {
  headline: string;
  claimant: string;
  asOf: string | null;
  evidence: string;
  storyTitle: string;
  storyUrl: string;
  sources: number;
  change: string | null;
  /** What the figure counts (`killed`, `supplied`, …): digests group by it. */
  metric?: string;
  /** The figure's page in the web view (`PUBLIC_URL/figures/<id>`), when PUBLIC_URL is set. */
  figureUrl?: string | null;
  /**
   * Set on the views of one Slack digest message when the batch needed more than one (Slack's
   * block limit): which message this is, of how many, and how many figures the batch has.
   */
  digestPart?: DigestPart;
}

/** Where one Slack digest message stands in its batch. */
export interface DigestPart {
  part: number;
  parts: number;
  /** Figures in the whole batch. */
  total: number;
  /** Whether the batch spans several metrics, so each figure says which it is grouped under. */
  grouped: boolean;
}

/** How an alert links outside the story: the web view's base URL (`PUBLIC_URL`), if any. */
export interface AlertViewOptions {
  publicUrl?: string | null;
}

const formatNumber = (n: number) => n.toLocaleString('en-US');

/** Builds the channel-independent view of an alert from its record and the figure's sources. */
export function alertView(
  alert: AlertRecord,
  figure: FigureRecord | undefined,
  options: AlertViewOptions = {},
): AlertView {
  const f = alert.figure;
  // Alerts are read in English whatever the story's language: the claimant by its canonical
  // English name, the figure in English words (`describeFigure`), and the evidence sentence as
  // the story wrote it.
  const claimantName = f.claimant ? canonicalClaimant(f.claimant).name || f.claimant : null;
  const claimant = claimantName
    ? `${claimantName}${f.claimantCountry ? ` (${f.claimantCountry})` : ''}`
    : 'unattributed';
  let change: string | null = null;
  if (alert.previous) {
    const before = alert.previous.valueHigh
      ? `${formatNumber(alert.previous.value)}–${formatNumber(alert.previous.valueHigh)}`
      : formatNumber(alert.previous.value);
    const delta = f.value - alert.previous.value;
    change = `up from ${before}${alert.previous.asOf ? ` (${alert.previous.asOf.slice(0, 10)})` : ''}, ${delta >= 0 ? '+' : ''}${formatNumber(delta)}`;
    if (delta < 0) change = change.replace(/^up/, 'down');
  }
  return {
    headline: alert.headline || describeFigure(f),
    claimant: stripControls(claimant),
    asOf: f.asOf ?? null,
    evidence: stripControls(f.evidence),
    storyTitle: stripControls(alert.storyTitle),
    storyUrl: alert.storyUrl,
    sources: figure?.storyIds.length ?? 1,
    change,
    metric: f.metric,
    figureUrl: figureUrl(options.publicUrl, alert.figureKey),
  };
}

/** The web view's link to a figure, as Slack mrkdwn; empty without PUBLIC_URL. */
function slackFigureLink(view: AlertView): string {
  return view.figureUrl ? slackLink(view.figureUrl, 'all sources in claimwatch') : '';
}

/** Plain text, for the console and the email's text part. */
export function renderText(view: AlertView): string {
  const lines = [
    `NEW FIGURE: ${view.headline}`,
    `  claimed by: ${view.claimant}${view.asOf ? `, as of ${view.asOf}` : ''}`,
  ];
  if (view.change) lines.push(`  change: ${view.change}`);
  lines.push(`  evidence: "${view.evidence}"`);
  lines.push(
    `  source: ${view.storyTitle} <${view.storyUrl}> (${view.sources} source${view.sources === 1 ? '' : 's'})`,
  );
  return lines.join('\n');
}

/** Slack Block Kit payload for an incoming webhook. */
export function renderSlack(view: AlertView): { text: string; blocks: KnownBlock[] } {
  const context = [
    `*Claimed by* ${slackEscape(view.claimant)}`,
    view.asOf ? `*As of* ${slackEscape(view.asOf)}` : null,
    view.change ? `*Change* ${slackEscape(view.change)}` : null,
    `*Sources* ${view.sources}`,
  ].filter(Boolean);
  return {
    text: `New figure: ${slackEscape(view.headline)}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: view.headline.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: context.join('  •  ') } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `> ${slackEscape(view.evidence.slice(0, 2800))}` },
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: slackLink(view.storyUrl, view.storyTitle) },
          ...(view.figureUrl ? [{ type: 'mrkdwn' as const, text: slackFigureLink(view) }] : []),
        ],
      },
    ],
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A story link for email: an http(s) href only; any other URL is shown as text, unlinked. */
function storyLinkHtml(url: string, title: string): string {
  const href = safeHref(url);
  return href
    ? `<a href="${escapeHtml(href)}">${escapeHtml(title)}</a>`
    : `${escapeHtml(title)} (${escapeHtml(url)})`;
}

/** The email: subject, HTML and text parts. */
export function renderEmail(view: AlertView): { subject: string; html: string; text: string } {
  return {
    subject: `[claimwatch] ${view.headline}`,
    text: renderText(view),
    html: `<h2>${escapeHtml(view.headline)}</h2>
<p><b>Claimed by</b> ${escapeHtml(view.claimant)}${view.asOf ? ` &middot; <b>as of</b> ${escapeHtml(view.asOf)}` : ''}</p>
${view.change ? `<p><b>Change</b> ${escapeHtml(view.change)}</p>` : ''}
<blockquote>${escapeHtml(view.evidence)}</blockquote>
<p>${storyLinkHtml(view.storyUrl, view.storyTitle)} (${view.sources} source${view.sources === 1 ? '' : 's'})</p>`,
  };
}

/** The most blocks Slack accepts in one message. */
export const SLACK_MAX_BLOCKS = 50;

const METRIC_HEADINGS: Record<string, string> = {
  deployed: 'Deployed',
  killed: 'Killed',
  wounded: 'Wounded',
  casualties: 'Killed or wounded',
  captured: 'Captured',
  missing: 'Missing',
  supplied: 'Supplied',
};

const metricRank = (metric: string | undefined) => {
  const i = METRICS.indexOf((metric ?? '') as (typeof METRICS)[number]);
  return i < 0 ? METRICS.length : i;
};

/** Items in metric order (FIGURES.md's), keeping their order within a metric. */
function byMetric<T>(items: readonly T[], viewOf: (item: T) => AlertView): T[] {
  return items
    .map((item, i) => ({ item, i, rank: metricRank(viewOf(item).metric) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}

/**
 * Splits one batch's digest into as few Slack messages as its blocks allow (at most
 * {@link SLACK_MAX_BLOCKS} each: a header and one block per figure), in metric order. Each
 * message's views carry their {@link DigestPart}, so the first says "60 new figures (1 of 2)".
 * A batch that fits gives one message.
 */
export function splitSlackDigest<T>(
  items: readonly T[],
  viewOf: (item: T) => AlertView,
): { items: T[]; views: AlertView[] }[] {
  const ordered = byMetric(items, viewOf);
  const grouped = new Set(ordered.map((item) => viewOf(item).metric ?? '')).size > 1;
  const perMessage = SLACK_MAX_BLOCKS - 1;
  const parts: T[][] = [];
  for (let i = 0; i < ordered.length; i += perMessage) parts.push(ordered.slice(i, i + perMessage));
  return parts.map((part, i) => ({
    items: part,
    views: part.map((item) => ({
      ...viewOf(item),
      digestPart: { part: i + 1, parts: parts.length, total: ordered.length, grouped },
    })),
  }));
}

const metricName = (view: AlertView) =>
  METRIC_HEADINGS[view.metric ?? ''] ?? view.metric ?? 'other';

/**
 * One figure of a digest: its headline first (bold), then, when the batch spans several metrics,
 * the metric it is grouped under, who claims it, the evidence and the links.
 */
function digestSection(view: AlertView, grouped: boolean): KnownBlock {
  const who = slackEscape(
    `${view.claimant}${view.asOf ? `, as of ${view.asOf}` : ''}${view.change ? ` — ${view.change}` : ''}`,
  );
  const lines = [
    `*${slackEscape(view.headline)}*`,
    grouped ? `_${slackEscape(metricName(view))}_ · ${who}` : who,
    `> ${slackEscape(view.evidence.slice(0, 500))}`,
    `${slackLink(view.storyUrl, view.storyTitle)} (${view.sources} source${view.sources === 1 ? '' : 's'})${view.figureUrl ? ` · ${slackFigureLink(view)}` : ''}`,
  ];
  return { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } };
}

/**
 * One Slack message for many alerts, so a burst does not hit Slack's one-message-a-second
 * limit: one block per figure, grouped by metric (in FIGURES.md's order, each labelled with its
 * metric when there are several), each linked to its story and, with PUBLIC_URL, to its page in
 * the web view. Views from {@link splitSlackDigest} make one message of a split batch ("60 new
 * figures (1 of 2)"); other views are one message, cut to Slack's block limit.
 */
export function renderSlackDigest(views: AlertView[]): { text: string; blocks: KnownBlock[] } {
  const part = views[0]?.digestPart ?? splitSlackDigest(views, (v) => v)[0]?.views[0]?.digestPart;
  const total = part?.total ?? views.length;
  const grouped = part?.grouped ?? false;
  const title = `${total} new figure${total === 1 ? '' : 's'}${part && part.parts > 1 ? ` (${part.part} of ${part.parts})` : ''}`;
  const ordered = byMetric(views, (v) => v).slice(0, SLACK_MAX_BLOCKS - 1);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title } },
    ...ordered.map((view) => digestSection(view, grouped)),
  ];
  const groups = new Map<string, string[]>();
  for (const view of ordered) {
    groups.set(metricName(view), [...(groups.get(metricName(view)) ?? []), view.headline]);
  }
  const summary = grouped
    ? [...groups].map(([name, headlines]) => `${name}: ${headlines.join('; ')}`).join('. ')
    : ordered.map((v) => v.headline).join('; ');
  return { text: slackEscape(`${title}: ${summary}`.slice(0, 3000)), blocks };
}

/** One email for many alerts. */
export function renderEmailDigest(views: AlertView[]): {
  subject: string;
  html: string;
  text: string;
} {
  const parts = views.map(renderEmail);
  return {
    subject: `[claimwatch] ${views.length} new figures`,
    text: parts.map((p) => p.text).join('\n\n'),
    html: parts.map((p) => p.html).join('\n<hr>\n'),
  };
}
