import type { AlertChannel } from './alerts/channels.ts';
import type { AlertClients } from './aws/alert-clients.ts';
import type { AwsClients } from './aws/clients.ts';
import { createAwsClients } from './aws/clients.ts';
import type { Config } from './config.ts';
import { loadConfig } from './config.ts';
import type { Fetcher } from './feeds/http-fetch.ts';
import { createFetcher } from './feeds/http-fetch.ts';
import type { MessageQueue } from './queue/sqs-queue.ts';
import { sqsQueue } from './queue/sqs-queue.ts';
import { Store } from './store/store.ts';

/** Everything the stages need, built once per cold start from config. */
export interface Deps {
  config: Config;
  clients: AwsClients;
  store: Store;
  fetcher: Fetcher;
  feedsQueue: MessageQueue;
  articlesQueue: MessageQueue;
  alertsQueue: MessageQueue;
  /** The alert channels, resolved lazily: only the alerting stage reads the Slack secret. */
  channels(): Promise<AlertChannel[]>;
}

/** The Slack webhook secret is missing or malformed. */
export class SecretError extends Error {
  override name = 'SecretError';
}

async function slackWebhookUrl(config: Config, clients: AlertClients): Promise<string | undefined> {
  if (config.SLACK_WEBHOOK_URL) return config.SLACK_WEBHOOK_URL;
  if (!config.SLACK_SECRET_ARN) return undefined;
  const { GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const res = await clients.secrets.send(
    new GetSecretValueCommand({ SecretId: config.SLACK_SECRET_ARN }),
  );
  const raw = res.SecretString?.trim() ?? '';
  let url = raw;
  if (raw.startsWith('{')) {
    try {
      url = (JSON.parse(raw) as { webhookUrl?: string; url?: string }).webhookUrl ?? '';
    } catch (error) {
      throw new SecretError('the Slack secret is not a URL or {"webhookUrl": "..."}', {
        cause: error,
      });
    }
  }
  if (!/^https?:\/\//.test(url))
    throw new SecretError('the Slack secret does not hold a webhook URL');
  return url;
}

/** Builds the dependencies from a config; the embedded runtime and tests call this directly. */
export function createDeps(config: Config): Deps {
  const clients = createAwsClients(config);
  let channels: Promise<AlertChannel[]> | undefined;
  return {
    config,
    clients,
    store: new Store(clients.doc, config.TABLE_NAME),
    fetcher: createFetcher({
      allowAddresses: config.FETCH_ALLOW_ADDRESSES,
      connectTimeoutMs: config.FETCH_CONNECT_TIMEOUT_MS,
      timeoutMs: config.FETCH_TIMEOUT_MS,
      maxBytes: config.FETCH_MAX_BYTES,
      maxPerHost: config.FETCH_MAX_PER_HOST,
      siteCooldownMs: config.FETCH_SITE_COOLDOWN_MS,
      contactUrl: config.CONTACT_URL,
    }),
    feedsQueue: sqsQueue(clients.sqs, config.FEEDS_QUEUE_URL),
    articlesQueue: sqsQueue(clients.sqs, config.ARTICLES_QUEUE_URL),
    alertsQueue: sqsQueue(clients.sqs, config.ALERTS_QUEUE_URL),
    channels() {
      channels ??= (async () => {
        // Loaded here, not at the top: only the alerting stage sends alerts, and the others'
        // cold starts should not import nodemailer, SES, Secrets Manager and the renderers.
        const [
          { consoleChannel, emailChannel, slackChannel, smtpChannel },
          { createAlertClients },
        ] = await Promise.all([import('./alerts/channels.ts'), import('./aws/alert-clients.ts')]);
        const alertClients = createAlertClients(config);
        const list: AlertChannel[] = [];
        if (config.ALERT_CONSOLE) list.push(consoleChannel());
        const webhook = await slackWebhookUrl(config, alertClients);
        if (webhook) list.push(slackChannel(webhook));
        if (config.ALERT_EMAIL_TO.length > 0 && config.ALERT_EMAIL_FROM) {
          list.push(
            config.SMTP_URL
              ? smtpChannel(config.SMTP_URL, config.ALERT_EMAIL_FROM, config.ALERT_EMAIL_TO)
              : emailChannel(alertClients.ses, config.ALERT_EMAIL_FROM, config.ALERT_EMAIL_TO),
          );
        }
        return list;
      })().catch((error) => {
        channels = undefined;
        throw error;
      });
      return channels;
    },
  };
}

let cached: Deps | undefined;

/** The process's dependencies, from the environment, validated on first use (cold start). */
export function getDeps(): Deps {
  cached ??= createDeps(loadConfig());
  return cached;
}
