/**
 * The web view's Atom 1.0 feed of new figures (`/figures.atom`), so an analyst can follow new
 * figures in the feed reader they already use. Everything in it is escaped for XML, and
 * characters XML 1.0 forbids (control characters a hostile story may carry) are dropped, so the
 * feed always parses.
 */

import { canonicalClaimant } from '../figures/claimants.ts';
import { describeFigure } from '../figures/identity.ts';
import { safeHref } from '../report/escape.ts';
import type { FigureRecord } from '../store/store.ts';
import { figurePath } from './links.ts';

/** Most entries in the feed: the newest figures. */
export const ATOM_ENTRIES = 50;

/**
 * Text for XML content or a quoted attribute: `&`, `<`, `>`, `"`, `'` escaped, and characters
 * XML 1.0 does not allow (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF)
 * removed.
 */
export function escapeXml(value: unknown): string {
  return String(value ?? '')
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '',
    )
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
    );
}

function claimantOf(figure: FigureRecord): string {
  if (!figure.claimant) return 'unattributed';
  const name = canonicalClaimant(figure.claimant).name || figure.claimant;
  return figure.claimantCountry ? `${name} (${figure.claimantCountry})` : name;
}

const iso = (t: string | undefined) => {
  const ms = Date.parse(t ?? '');
  return Number.isNaN(ms) ? new Date(0).toISOString() : new Date(ms).toISOString();
};

/**
 * Renders the feed: the newest {@link ATOM_ENTRIES} figures by when claimwatch first saw them,
 * each with its wording as title, its claimant as author, its evidence sentence, and a link to
 * its page under `base` (PUBLIC_URL, or where the server is reached).
 */
export function renderAtom(figures: readonly FigureRecord[], base: string, now: Date): string {
  const root = base.replace(/\/+$/, '');
  // A figure a person rejected (`claimwatch figures reject`) is not news.
  const newest = figures
    .filter((f) => !f.rejected)
    .sort((a, b) => iso(b.firstSeenAt).localeCompare(iso(a.firstSeenAt)))
    .slice(0, ATOM_ENTRIES);
  const updated = newest.length ? iso(newest[0]!.firstSeenAt) : now.toISOString();
  const entries = newest.map((f) => {
    const page = `${root}${figurePath(f.figureKey)}`;
    const story = safeHref(f.firstStoryUrl);
    const claimant = claimantOf(f);
    const summary = [
      `Claimed by ${claimant}${f.asOf ? `, as of ${f.asOf.replace('/', ' to ')}` : ''}.`,
      f.evidence ? `“${f.evidence}”` : '',
      `${f.storyIds.length} source${f.storyIds.length === 1 ? '' : 's'}.`,
    ]
      .filter(Boolean)
      .join(' ');
    return `  <entry>
    <id>urn:claimwatch:figure:${escapeXml(figurePath(f.figureKey).split('/').pop())}</id>
    <title type="text">${escapeXml(describeFigure(f))}</title>
    <updated>${iso(f.firstSeenAt)}</updated>
    <published>${iso(f.firstSeenAt)}</published>
    <author><name>${escapeXml(claimant)}</name></author>
    <category term="${escapeXml(f.metric)}"/>
    <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>${story ? `\n    <link rel="related" type="text/html" href="${escapeXml(story)}"/>` : ''}
    <summary type="text">${escapeXml(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:claimwatch:figures</id>
  <title type="text">claimwatch: new figures</title>
  <subtitle type="text">New figures about North Korea’s military support to Russia, as claimwatch extracts them from the news.</subtitle>
  <updated>${updated}</updated>
  <generator>claimwatch</generator>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${root}/figures.atom`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${root}/figures`)}"/>
${entries.join('\n')}
</feed>
`;
}
