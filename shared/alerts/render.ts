import type { KnownBlock } from '@slack/types';
import { canonicalClaimant } from '../figures/claimants.ts';
import { describeFigure } from '../figures/identity.ts';
import { safeHref } from '../report/escape.ts';
import type { AlertRecord, FigureRecord } from '../store/store.ts';
import { stripControls } from '../text.ts';

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
}

const formatNumber = (n: number) => n.toLocaleString('en-US');

/** Builds the channel-independent view of an alert from its record and the figure's sources. */
export function alertView(alert: AlertRecord, figure: FigureRecord | undefined): AlertView {
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
  };
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
        elements: [{ type: 'mrkdwn', text: slackLink(view.storyUrl, view.storyTitle) }],
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

/** One Slack message for many alerts, so a burst does not hit Slack's one-message-a-second limit. */
export function renderSlackDigest(views: AlertView[]): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `${views.length} new figures` } },
  ];
  for (const view of views.slice(0, 45)) {
    const lines = [
      `*${slackEscape(view.headline)}*`,
      slackEscape(
        `${view.claimant}${view.asOf ? `, as of ${view.asOf}` : ''}${view.change ? ` — ${view.change}` : ''}`,
      ),
      `> ${slackEscape(view.evidence.slice(0, 500))}`,
      `${slackLink(view.storyUrl, view.storyTitle)} (${view.sources} source${view.sources === 1 ? '' : 's'})`,
    ];
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } });
  }
  return {
    text: slackEscape(
      `${views.length} new figures: ${views.map((v) => v.headline).join('; ')}`.slice(0, 3000),
    ),
    blocks,
  };
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
