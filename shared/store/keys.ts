/**
 * Key builders for the single table. Every item's keys are made here and nowhere else, so the
 * access patterns documented for users and the code that serves them cannot disagree.
 */
export const keys = {
  feed: (feedId: string) => ({ PK: `FEED#${feedId}`, SK: 'META' }),
  feedItem: (feedId: string, itemHash: string) => ({
    PK: `FEED#${feedId}`,
    SK: `ITEM#${itemHash}`,
  }),
  /**
   * A feed's polling state, apart from its listed record and out of every index: a poll writes
   * this one small item once (1 WRU), and the scheduler reads all of them with one Query.
   */
  feedState: (feedId: string) => ({ PK: 'FEEDSTATE', SK: feedId }),
  feedsConfig: () => ({ PK: 'CONFIG', SK: 'FEEDS' }),
  story: (storyId: string) => ({ PK: `STORY#${storyId}`, SK: 'META' }),
  storyBody: (storyId: string) => ({ PK: `STORY#${storyId}`, SK: 'BODY' }),
  figure: (figureKey: string) => ({ PK: `FIGURE#${figureKey}`, SK: 'META' }),
  mention: (figureKey: string, storyId: string) => ({
    PK: `FIGURE#${figureKey}`,
    SK: `MENTION#${storyId}`,
  }),
  alert: (alertId: string) => ({ PK: `ALERT#${alertId}`, SK: 'META' }),
} as const;

/** GSI partition values: one list per kind of item. */
export const lists = {
  feeds: 'FEEDS',
  /** The partition (on the table, not an index) holding every feed's polling state. */
  feedStates: 'FEEDSTATE',
  stories: 'STORIES',
  figures: 'FIGURES',
  alerts: 'ALERTS',
  claimantMetric: (claimantKey: string, metric: string, unit: string) =>
    `CLAIM#${claimantKey}#${metric}#${unit}`,
  feedStories: (feedId: string) => `FEEDSTORIES#${feedId}`,
} as const;
