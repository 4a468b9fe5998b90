import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { z } from 'zod';

/** Context key holding the config object (in `cdk.json`), and prefix of per-key overrides. */
export const configContextKey = 'claimwatch';

/**
 * Raised at synth when the deployment config is missing or wrong; the message lists every
 * problem and says where to set the values, so nothing half-configured reaches CloudFormation.
 */
export class InfraConfigError extends Error {
  override name = 'InfraConfigError';
}

const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === '' ? 'is required' : `must be ${what}`;

const email = z.email({ error: required('an email address') });

/** A list given as a JSON array (cdk.json) or a comma-separated string (`-c key=a,b`). */
const emailList = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  z.array(email, { error: required('a list of email addresses') }).min(1, 'is required'),
);

const retentionDays = new Set(
  Object.values(RetentionDays).filter((v): v is number => typeof v === 'number'),
);

const schema = z.strictObject({
  /** Feed list copied into schedule-polls' asset; relative to the project root. */
  feedsFile: z.string().min(1).default('feeds.json'),
  /** How often schedule-polls runs. */
  pollIntervalMinutes: z.coerce
    .number()
    .int('must be a whole number of minutes')
    .min(1)
    .max(1440)
    .default(5),
  /** Recipients of alert emails (`ALERT_EMAIL_TO`). */
  alertEmailTo: emailList,
  /** Sender of alert emails (`ALERT_EMAIL_FROM`); must be sendable through SES. */
  alertEmailFrom: email,
  /**
   * The verified SES identity send-alerts may send as: the sender address, or its domain when
   * the domain is what is verified. Defaults to `alertEmailFrom`.
   */
  sesIdentity: z.string().min(1).optional(),
  /** Name of the existing Secrets Manager secret holding the Slack webhook URL. */
  slackSecretName: z.string({ error: required('a secret name') }).min(1, 'is required'),
  /** Where CloudWatch alarms (dead letters, function errors) are emailed. */
  alarmEmail: email,
  /**
   * Base URL of a `claimwatch serve` web view your team can reach (`PUBLIC_URL`): Slack alerts
   * then link each figure to its page there. Optional.
   */
  publicUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** Contact URL sent in the fetcher's User-Agent (`CONTACT_URL`); the code has a default. */
  contactUrl: z.url({ error: required('a URL') }).optional(),
  /**
   * Create the CloudWatch dashboard ($3 a month at list price, beyond the free tier's three).
   * Off by default: the alarms page a person without it, and `docs/deploy.md` gives the
   * Logs Insights queries that answer the same questions on demand.
   */
  dashboard: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], {
      error: 'must be true or false',
    })
    .default(false),
  /** Retention of the functions' log groups, in days (a CloudWatch Logs retention value). */
  logRetentionDays: z.coerce
    .number()
    .refine((d) => retentionDays.has(d), {
      message: `must be one of ${[...retentionDays].join(', ')}`,
    })
    .default(30),
});

/** The validated deployment config. */
export type InfraConfig = z.output<typeof schema> & { readonly sesIdentity: string };

/** Input accepted by {@link parseInfraConfig}: what `cdk.json` or a test provides. */
export type InfraConfigInput = z.input<typeof schema>;

/**
 * Validates a raw config object, throwing {@link InfraConfigError} naming every problem.
 * Separate from {@link loadInfraConfig} so tests and tools can validate without an app.
 */
export function parseInfraConfig(raw: unknown): InfraConfig {
  const result = schema.safeParse(raw ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') return `  - unknown key(s): ${issue.keys.join(', ')}`;
      return `  - ${key || 'config'}: ${issue.message}`;
    });
    throw new InfraConfigError(
      `claimwatch config is invalid (set it under "${configContextKey}" in cdk.json's context, ` +
        `or per key with -c ${configContextKey}:<key>=<value>):\n${problems.join('\n')}`,
    );
  }
  return { ...result.data, sesIdentity: result.data.sesIdentity ?? result.data.alertEmailFrom };
}

/**
 * Reads the config from CDK context: the `claimwatch` object (cdk.json), overridden key by key
 * by `claimwatch:<key>` entries (`cdk synth -c claimwatch:alarmEmail=ops@example.org`), so a
 * deployment can change one value without editing cdk.json.
 */
export function loadInfraConfig(scope: Construct): InfraConfig {
  const base = scope.node.tryGetContext(configContextKey) as unknown;
  if (base !== undefined && (typeof base !== 'object' || base === null || Array.isArray(base))) {
    throw new InfraConfigError(
      `claimwatch config: context "${configContextKey}" must be an object`,
    );
  }
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown> | undefined) };
  for (const key of Object.keys(schema.shape)) {
    const override = scope.node.tryGetContext(`${configContextKey}:${key}`) as unknown;
    if (override !== undefined) merged[key] = override;
  }
  return parseInfraConfig(merged);
}
