/**
 * Extraction never throws for bad HTML (it falls back instead); this error is for callers that
 * break the contract, such as passing a non-string or a page URL that is not absolute, so that
 * a bug upstream is not silently reported as an empty article.
 */
export class ArticleExtractionError extends Error {
  override name = 'ArticleExtractionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}
