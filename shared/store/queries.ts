import { sameClaimant } from '../figures/claimants.ts';
import type { Metric } from '../types.ts';
import type { FigureRecord, MentionRecord, Store, StoryRecord } from './store.ts';

/** One row of `claimwatch figures`: a distinct figure with who gives it and how widely. */
export interface FigureSummary extends Record<string, unknown> {
  id: string;
  metric: string;
  unit: string;
  value: number;
  valueHigh?: number;
  qualifier: string;
  side: string;
  claimant: string | null;
  claimantCountry: string | null;
  claimants: string[];
  /** An addition to an earlier count ("another 3,000"): listed, never charted as a total. */
  increment?: boolean;
  /** The date the figure covers: its `asOf` start, else the first report's publish date. */
  date: string;
  firstSeenAt: string;
  sources: number;
  latestSource: string;
  latestSourceAt: string | null;
  /** Who rejected the figure, when and why: only on rejected figures. */
  rejected?: { at: string; by: string; why?: string };
}

/** Filters of the figure queries; dates are `YYYY-MM-DD`, inclusive. */
export interface FigureFilter {
  metric?: Metric;
  claimant?: string;
  since?: string;
  until?: string;
  /**
   * Figures a person rejected (`claimwatch figures reject`) are left out unless this is
   * `'include'`; `'only'` lists just them.
   */
  rejected?: 'exclude' | 'include' | 'only';
}

const dayOf = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

function matchesClaimant(names: (string | null)[], wanted: string): boolean {
  const needle = wanted.toLowerCase();
  return names.some(
    (n) => n && (sameClaimant(n, wanted, { speakers: true }) || n.toLowerCase().includes(needle)),
  );
}

/** Summarises a figure from its record and mentions. */
export function summarizeFigure(figure: FigureRecord, mentions: MentionRecord[]): FigureSummary {
  const byDate = [...mentions].sort((a, b) =>
    (a.publishedAt ?? a.seenAt).localeCompare(b.publishedAt ?? b.seenAt),
  );
  const first = byDate[0];
  const latest = byDate[byDate.length - 1];
  return {
    id: figure.figureKey,
    metric: figure.metric,
    unit: figure.unit,
    value: figure.value,
    valueHigh: figure.valueHigh,
    qualifier: figure.qualifier,
    side: figure.side,
    ...(figure.increment ? { increment: true } : {}),
    claimant: figure.claimant,
    claimantCountry: figure.claimantCountry,
    claimants: [...new Set(mentions.map((m) => m.claimant).filter((c): c is string => Boolean(c)))],
    date:
      dayOf(figure.asOf?.split('/')[0]) || dayOf(first?.publishedAt) || dayOf(figure.firstSeenAt),
    firstSeenAt: figure.firstSeenAt,
    sources: figure.storyIds.length,
    latestSource: latest?.storyUrl ?? figure.firstStoryUrl,
    latestSourceAt: latest?.publishedAt ?? null,
    ...(figure.rejected ? { rejected: figure.rejected } : {}),
  };
}

/**
 * The figures matching a filter, each with its claimants and sources. Served by Queries only:
 * the figures list on GSI1 and each figure's mentions under its own partition.
 */
export async function queryFigures(
  store: Store,
  filter: FigureFilter = {},
  onProgress?: (done: number, total: number) => void,
): Promise<FigureSummary[]> {
  let figures = await store.listFigures();
  if (filter.metric) figures = figures.filter((f) => f.metric === filter.metric);
  const rejected = filter.rejected ?? 'exclude';
  if (rejected !== 'include') {
    figures = figures.filter((f) => Boolean(f.rejected) === (rejected === 'only'));
  }
  const out: FigureSummary[] = [];
  for (const [i, figure] of figures.entries()) {
    const mentions = await store.mentions(figure.figureKey);
    const summary = summarizeFigure(figure, mentions);
    onProgress?.(i + 1, figures.length);
    if (
      filter.claimant &&
      !matchesClaimant([figure.claimant, ...summary.claimants], filter.claimant)
    )
      continue;
    if (filter.since && summary.date < filter.since) continue;
    if (filter.until && summary.date > filter.until) continue;
    out.push(summary);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** Filters of the story queries. */
export interface StoryFilter {
  tag?: string;
  feed?: string;
  since?: string;
  until?: string;
}

/** Whether a story carries a tag: a metric, claimant, place, language, or `relevant`/`irrelevant`. */
export function storyHasTag(story: StoryRecord, tag: string): boolean {
  const t = tag.toLowerCase();
  if (t === 'relevant') return story.tags.relevant;
  if (t === 'irrelevant' || t === 'not-relevant') return !story.tags.relevant;
  const values = [
    ...story.tags.metrics,
    ...story.tags.claimants,
    ...story.tags.places,
    story.tags.language,
  ].map((v) => String(v).toLowerCase());
  return values.includes(t);
}

/** Stories by publish date (newest first), or one feed's stories, filtered by tag and dates. */
export async function queryStories(store: Store, filter: StoryFilter = {}): Promise<StoryRecord[]> {
  const range = {
    since: filter.since,
    until: filter.until ? `${filter.until}T23:59:59.999Z` : undefined,
  };
  let stories: StoryRecord[];
  if (filter.feed) {
    const items = await store.feedItems(filter.feed);
    const loaded = await Promise.all(items.map((i) => store.getStory(i.storyId)));
    stories = loaded
      .filter((s): s is StoryRecord => Boolean(s))
      .filter((s) => {
        const when = s.publishedAt ?? s.firstSeenAt;
        return (!range.since || when >= range.since) && (!range.until || when <= range.until);
      });
  } else {
    stories = await store.listStories(range);
  }
  return filter.tag ? stories.filter((s) => storyHasTag(s, filter.tag!)) : stories;
}
