import type { KnownBlock } from '@slack/types';
import type { AlertRecord, FigureRecord } from '../store/store.ts';

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
  const claimant = f.claimant
    ? `${f.claimant}${f.claimantCountry ? ` (${f.claimantCountry})` : ''}`
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
    headline: alert.headline,
    claimant,
    asOf: f.asOf ?? null,
    evidence: f.evidence,
    storyTitle: alert.storyTitle,
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
    `*Claimed by* ${view.claimant}`,
    view.asOf ? `*As of* ${view.asOf}` : null,
    view.change ? `*Change* ${view.change}` : null,
    `*Sources* ${view.sources}`,
  ].filter(Boolean);
  return {
    text: `New figure: ${view.headline}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: view.headline.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: context.join('  •  ') } },
      { type: 'section', text: { type: 'mrkdwn', text: `> ${view.evidence.slice(0, 2800)}` } },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `<${view.storyUrl}|${view.storyTitle.replace(/[<>|]/g, '')}>` },
        ],
      },
    ],
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The email: subject, HTML and text parts. */
export function renderEmail(view: AlertView): { subject: string; html: string; text: string } {
  return {
    subject: `[claimwatch] ${view.headline}`,
    text: renderText(view),
    html: `<h2>${escapeHtml(view.headline)}</h2>
<p><b>Claimed by</b> ${escapeHtml(view.claimant)}${view.asOf ? ` &middot; <b>as of</b> ${escapeHtml(view.asOf)}` : ''}</p>
${view.change ? `<p><b>Change</b> ${escapeHtml(view.change)}</p>` : ''}
<blockquote>${escapeHtml(view.evidence)}</blockquote>
<p><a href="${escapeHtml(view.storyUrl)}">${escapeHtml(view.storyTitle)}</a> (${view.sources} source${view.sources === 1 ? '' : 's'})</p>`,
  };
}

/** One Slack message for many alerts, so a burst does not hit Slack's one-message-a-second limit. */
export function renderSlackDigest(views: AlertView[]): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `${views.length} new figures` } },
  ];
  for (const view of views.slice(0, 45)) {
    const lines = [
      `*${view.headline}*`,
      `${view.claimant}${view.asOf ? `, as of ${view.asOf}` : ''}${view.change ? ` — ${view.change}` : ''}`,
      `> ${view.evidence.slice(0, 500)}`,
      `<${view.storyUrl}|${view.storyTitle.replace(/[<>|]/g, '')}> (${view.sources} source${view.sources === 1 ? '' : 's'})`,
    ];
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } });
  }
  return {
    text: `${views.length} new figures: ${views.map((v) => v.headline).join('; ')}`.slice(0, 3000),
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
