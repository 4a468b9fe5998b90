/**
 * The small set of ways a fetch can fail. Each is stored on the feed, so users can see at a glance
 * why a feed is silent, and so the poller can decide how long to back off.
 */
export type FetchFailureKind =
  | 'timeout'
  | 'too_large'
  | 'not_modified'
  | 'rate_limited'
  | 'blocked_address'
  | 'http_status'
  | 'tls'
  | 'network'
  | 'bad_xml'
  | 'not_a_feed';

/**
 * Every way a poll can fail, as stored on the feed and shown by `claimwatch feeds`: the fetch and
 * parse failures, and `queue_refused`, when the feed was read but the queue did not take an
 * item's message (a poll that failed so used to leave the feed silently "new").
 */
export type PollFailureKind = FetchFailureKind | 'queue_refused';

/** A fetch or feed-parse failure of a known kind; `retryAfterSeconds` is set when the server said. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly kind: FetchFailureKind,
    message: string,
    options?: { cause?: unknown; status?: number; retryAfterSeconds?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  readonly status?: number;
  readonly retryAfterSeconds?: number;
}

/**
 * A request that would have to wait behind requests a site is not answering. Not a fetch
 * failure: nothing was asked of the site, and the caller is expected to come back later (the
 * extraction stage re-queues the item) rather than hold a slot other feeds' pages need.
 */
export class SiteBusyError extends Error {
  override name = 'SiteBusyError';
  constructor(
    message: string,
    readonly site: string,
  ) {
    super(message);
  }
}

/** A message on a queue that can never be processed (bad JSON, wrong shape): retrying cannot help. */
export class PoisonMessageError extends Error {
  override name = 'PoisonMessageError';
}

/** A user's input to the CLI is wrong; the CLI prints the message alone and exits non-zero. */
export class UsageError extends Error {
  override name = 'UsageError';
}
