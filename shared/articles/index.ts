/**
 * Article extraction for the poller and the CLI: one import for the page path
 * (`extractArticle`), the feed-content path (`htmlToText`) and the plain-text path
 * (`articleFromText`).
 */
export { ArticleExtractionError } from './errors.ts';
export type { ExtractArticleOptions, FeedItemHint } from './extract-article.ts';
export { extractArticle, MIN_BODY_CHARS } from './extract-article.ts';
export { htmlToText } from './html-to-text.ts';
export { articleFromText } from './text-article.ts';
