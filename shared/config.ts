import { z } from 'zod';

/** Raised at cold start when the environment cannot run claimwatch; the message names every problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  TABLE_NAME: z.string().min(1, 'TABLE_NAME is required'),
  FEEDS_QUEUE_URL: z.string().url('FEEDS_QUEUE_URL must be a queue URL'),
  ARTICLES_QUEUE_URL: z.string().url('ARTICLES_QUEUE_URL must be a queue URL'),
  ALERTS_QUEUE_URL: z.string().url('ALERTS_QUEUE_URL must be a queue URL'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Endpoints of local stand-ins (dynalite, fauxqs, moto); unset in AWS. */
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  SQS_ENDPOINT: z.string().url().optional(),
  SES_ENDPOINT: z.string().url().optional(),
  SECRETS_ENDPOINT: z.string().url().optional(),
  /** Where the feed list lives; defaults to `feeds.json` beside the running code. */
  FEEDS_FILE: z.string().optional(),
  /** Addresses the fetcher may reach although private or loopback (local runs and tests only). */
  FETCH_ALLOW_ADDRESSES: csv,
  FETCH_CONNECT_TIMEOUT_MS: positiveInt(10_000),
  FETCH_TIMEOUT_MS: positiveInt(20_000),
  FETCH_MAX_BYTES: positiveInt(15 * 1024 * 1024),
  FETCH_MAX_PER_HOST: positiveInt(2),
  /** How long a site that let a request time out is not asked again (its pages fall back). */
  FETCH_SITE_COOLDOWN_MS: positiveInt(10 * 60_000),
  CONTACT_URL: z.string().default('https://github.com/claimwatch/claimwatch'),
  /** How often feeds are polled, unless a feed asks for less (ttl, Cache-Control). */
  POLL_INTERVAL_MINUTES: positiveInt(5),
  /** Articles polled from one feed in one run, newest first. */
  MAX_ITEMS_PER_FEED: positiveInt(30),
  /**
   * Feeds of one batch polled side by side, so one slow site holds one slot, not the batch, and
   * a batch of ten is billed for about its slowest site, not the sum of all ten.
   */
  POLL_CONCURRENCY: positiveInt(10),
  /**
   * A poll that finds nothing new and nothing wrong skips writing the feed's state while its
   * last recorded check is younger than this (minutes): the feed stays due at the next tick
   * anyway, and in AWS these writes were most of the bill. 0 (the embedded runtime's default)
   * writes every poll; the stack sets 60, so `lastCheckedAt` is then at most an hour old.
   */
  FEED_STATE_REFRESH_MINUTES: z.coerce.number().int().min(0).default(0),
  /**
   * Items of one extract-claims batch whose pages are fetched side by side: all ten, so a batch
   * lasts about its slowest page (parsing is one page at a time whatever this is; the per-host
   * limit still keeps two requests on any one site).
   */
  PAGE_CONCURRENCY: positiveInt(10),
  SLACK_WEBHOOK_URL: z.string().url().optional(),
  /** Where `claimwatch serve`'s web view is reached: alerts and its Atom feed link figures there. */
  PUBLIC_URL: z
    .string()
    .url('PUBLIC_URL must be an http(s) URL')
    .refine((u) => /^https?:\/\//i.test(u), 'PUBLIC_URL must be an http(s) URL')
    .optional(),
  /** Secrets Manager secret holding the Slack webhook URL (AWS). */
  SLACK_SECRET_ARN: z.string().optional(),
  ALERT_EMAIL_TO: csv,
  ALERT_EMAIL_FROM: z.string().optional(),
  /** Send email through this SMTP server instead of SES (the embedded runtime), e.g. smtp://127.0.0.1:2525. */
  SMTP_URL: z.string().url().optional(),
  DIGEST_THRESHOLD: positiveInt(5),
  /** Receives of an alert message before it is dead-lettered (the alerts queue's redrive policy). */
  ALERTS_MAX_RECEIVES: positiveInt(15),
  /** Print each alert to the console (the embedded runtime's default channel). */
  ALERT_CONSOLE: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

/** Typed, validated configuration, read once per cold start. */
export type Config = z.output<typeof schema>;

/**
 * Parses the environment into a {@link Config}, failing fast with every problem listed, so a
 * misconfigured Lambda dies at cold start instead of half-working on the first event.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues
      .map((i) => `${i.path.join('.') || 'config'}: ${i.message}`)
      .join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const config = result.data;
  if (config.ALERT_EMAIL_TO.length > 0 && !config.ALERT_EMAIL_FROM) {
    throw new ConfigError(
      'invalid configuration: ALERT_EMAIL_FROM is required with ALERT_EMAIL_TO',
    );
  }
  return config;
}
