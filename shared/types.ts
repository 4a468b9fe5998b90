/**
 * The domain's plain data shapes, shared by every stage. They carry no behaviour so that
 * handlers, the embedded runtime, the CLI and tests can pass them around freely.
 */

/** What a figure counts (FIGURES.md). */
export type Metric =
  | 'deployed'
  | 'killed'
  | 'wounded'
  | 'casualties'
  | 'captured'
  | 'missing'
  | 'supplied';

/** Every metric, for validating user input. */
export const METRICS: readonly Metric[] = [
  'deployed',
  'killed',
  'wounded',
  'casualties',
  'captured',
  'missing',
  'supplied',
];

/** What the number counts: personnel or materiel (FIGURES.md). */
export type Unit =
  | 'troops'
  | 'officers'
  | 'generals'
  | 'workers'
  | 'deminers'
  | 'containers'
  | 'shells'
  | 'missiles'
  | 'rocket_launchers'
  | 'artillery'
  | 'drones';

/** Every unit, in the order FIGURES.md lists them (troops before their officers and generals). */
export const UNITS: readonly Unit[] = [
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

/**
 * The units that count materiel North Korea supplies, not people: one list for every reader,
 * so a new kind of weapon is materiel everywhere at once.
 */
export const MATERIEL: ReadonlySet<Unit> = new Set<Unit>([
  'containers',
  'shells',
  'missiles',
  'rocket_launchers',
  'artillery',
  'drones',
]);

/** How the number is hedged (FIGURES.md). */
export type Qualifier =
  | 'exact'
  | 'about'
  | 'at_least'
  | 'more_than'
  | 'up_to'
  | 'less_than'
  | 'range';

/**
 * One number a story attributes to the North Korea–Russia military relationship.
 * The field names are the public contract of `claimwatch extract --json`.
 */
export interface Figure {
  metric: Metric;
  unit: Unit;
  value: number;
  valueHigh?: number;
  qualifier: Qualifier;
  claimant: string | null;
  claimantCountry: string | null;
  /** Whose personnel or materiel: `KP` unless the story says otherwise. */
  side: string;
  /** ISO date or `start/end` interval, when the story says. */
  asOf?: string;
  evidence: string;
  /**
   * True when the number adds to an earlier count ("another 5,000"): it is not a new total, so
   * timelines never chart it as one.
   */
  increment?: boolean;
}

/** Why a story is, or is not, about the North Korea–Russia relationship, and what it reports. */
export interface StoryTags {
  relevant: boolean;
  reason: string;
  metrics: Metric[];
  claimants: string[];
  places: string[];
  language: string;
}

/** What article extraction yields for one page. */
export interface ExtractedArticle {
  title: string;
  byline: string | null;
  text: string;
  publishedAt: string | null;
  language: string | null;
  canonicalUrl: string | null;
  /** `readability` when the page was parsed; `feed` when the feed's own content was used instead. */
  source: 'readability' | 'feed' | 'text';
  /** Why extraction fell back to the feed's content, when it did. */
  fallbackReason?: string;
}

/**
 * The message the poller queues, one per new feed item: the extraction stage fetches its page
 * (the poller carries no DOM library) and falls back to the feed's own content.
 */
export interface ItemMessage {
  /** The story id the item's link gives; the page's canonical URL may give another. */
  storyId: string;
  feedId: string;
  feedUrl: string;
  /** The item's key within its feed, hashed (its seen record's key). */
  itemHash: string;
  /** The item's http(s) page; null when it has none, and its feed content is the article. */
  link: string | null;
  /** Why there is no page to read, when `link` is null. */
  noLinkReason?: string;
  guid: string | null;
  title: string;
  author: string | null;
  publishedAt: string | null;
  /** The feed's declared language, if any. */
  language: string | null;
  /** The item's HTML content (or summary) from the feed, inline. */
  content?: string;
  /** Set when the content was too large for a message and was stored under `storyId` first. */
  contentStored?: boolean;
  /** How often the item was re-queued because its site was not answering (absent: never). */
  parked?: number;
}

/** One article read and ready for claim extraction. */
export interface ArticleMessage {
  /** Stable story id derived from the normalised URL. */
  storyId: string;
  url: string;
  feedId: string;
  feedUrl: string;
  title: string;
  byline: string | null;
  publishedAt: string | null;
  language: string | null;
  source: ExtractedArticle['source'];
  fallbackReason?: string;
  /** The body, inline; absent when it was too large and stored first (see `bodyRef`). */
  text?: string;
  /** Key of the stored body when it did not fit the message. */
  bodyRef?: string;
}

/** A feed the monitor polls. */
export interface FeedConfig {
  /** A stable id, for feeds whose URL may change; derived from the URL when absent. */
  id?: string;
  url: string;
  title?: string;
  language?: string;
}

/** One new figure to deliver, as queued for the alerting stage. */
export interface AlertMessage {
  alertId: string;
}
