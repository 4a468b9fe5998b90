import { hostname } from 'node:os';
import { dataDirOf, openLocalStore } from '../../local/session.ts';
import type { AlertChannel } from '../../shared/alerts/channels.ts';
import { consoleChannel, slackChannel, smtpChannel } from '../../shared/alerts/channels.ts';
import { ConfigError, loadConfig } from '../../shared/config.ts';
import { createDeps } from '../../shared/deps.ts';
import { UsageError } from '../../shared/errors.ts';
import { deliverAlerts } from '../../shared/pipeline/deliver.ts';
import type { AlertRecord } from '../../shared/store/store.ts';
import { printTable } from '../output.ts';

/** Channel states that need a person's decision: maybe posted before a crash, or given up. */
const NEEDS_DECISION = (state: string) => state === 'unconfirmed' || state.startsWith('failed');

/** The alerts a person must look at: delivery given up, or maybe posted before a crash. */
function needsAttention(alert: AlertRecord): boolean {
  return (
    alert.status === 'failed' ||
    Object.values(alert.channels ?? {}).some((s) => s === 'unconfirmed')
  );
}

function shownStatus(alert: AlertRecord): string {
  const unconfirmed = Object.values(alert.channels ?? {}).some((s) => s === 'unconfirmed');
  return unconfirmed && alert.status !== 'failed' ? `${alert.status}, unconfirmed` : alert.status;
}

/** `claimwatch alerts`: every alert with its delivery state. */
export async function alertsCommand(opts: {
  json?: boolean;
  failed?: boolean;
  wide?: boolean;
  dataDir?: string;
}) {
  const { store, close } = await openLocalStore(dataDirOf(opts.dataDir));
  try {
    let alerts = await store.listAlerts();
    if (opts.failed) alerts = alerts.filter(needsAttention);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(alerts, null, 2)}\n`);
      return;
    }
    if (alerts.length === 0) {
      process.stdout.write(opts.failed ? 'no failed or unconfirmed alerts\n' : 'no alerts yet\n');
      return;
    }
    printTable(
      ['created', 'id', 'status', 'attempts', 'alert', 'channels'],
      alerts.map((a) => [
        a.createdAt.slice(0, 16).replace('T', ' '),
        a.alertId,
        shownStatus(a),
        a.attempts,
        a.headline,
        Object.entries(a.channels ?? {})
          .map(([k, v]) => `${k}: ${v}`)
          .join('; '),
      ]),
      {
        wide: opts.wide,
        // The id is what `claimwatch alerts resend ID` takes: never cut.
        keep: [1],
        flex: [4, 5],
        drop: [5, 3],
        style: (column, text) =>
          column !== 2
            ? undefined
            : text === 'sent'
              ? 'green'
              : /failed|unconfirmed/.test(text)
                ? 'red'
                : 'yellow',
      },
    );
    if (opts.failed) {
      process.stdout.write(
        '\n"unconfirmed": the process stopped while posting, so the message may or may not have arrived.\nSend again with `claimwatch alerts resend ID…` once you have checked.\n',
      );
    }
  } finally {
    await close();
  }
}

/** The channels this machine's configuration reaches: the console, Slack and SMTP email. */
function localChannels(env: NodeJS.ProcessEnv): AlertChannel[] {
  const list: AlertChannel[] = [consoleChannel()];
  if (env.SLACK_WEBHOOK_URL) list.push(slackChannel(env.SLACK_WEBHOOK_URL));
  const to = (env.ALERT_EMAIL_TO ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (env.SMTP_URL && env.ALERT_EMAIL_FROM && to.length > 0) {
    list.push(smtpChannel(env.SMTP_URL, env.ALERT_EMAIL_FROM, to));
  }
  return list;
}

/**
 * `claimwatch alerts resend ID…`: a person decides that alerts left unconfirmed by a crash (or
 * given up as failed) should go out again. Only those channels are sent to; the others keep
 * their state, so nothing already confirmed is posted twice.
 */
export async function resendCommand(ids: string[], opts: { dataDir?: string }) {
  if (ids.length === 0) throw new UsageError('alerts resend: name at least one alert id');
  const { store, close } = await openLocalStore(dataDirOf(opts.dataDir), { write: true });
  try {
    const channels = localChannels(process.env);
    const reopened: string[] = [];
    for (const id of ids) {
      const alert = await store.getAlert(id);
      if (!alert) throw new UsageError(`alerts resend: no alert ${id} (see claimwatch alerts)`);
      const states = Object.entries(alert.channels ?? {});
      const chosen = states.filter(([, s]) => NEEDS_DECISION(s)).map(([name]) => name);
      const missing = channels.map((c) => c.name).filter((n) => !(n in (alert.channels ?? {})));
      if (chosen.length === 0 && alert.status !== 'failed') {
        process.stdout.write(`${id}: nothing to resend (${shownStatus(alert)})\n`);
        continue;
      }
      if (!(await store.reopenAlert(id, chosen, Date.now()))) {
        process.stdout.write(`${id}: being delivered right now; not touched\n`);
        continue;
      }
      reopened.push(id);
      process.stdout.write(
        `${id}: resending to ${[...chosen, ...missing].join(', ') || 'no configured channel'}\n`,
      );
    }
    if (reopened.length === 0) return;
    const outcomes = await deliverAlerts({ store, channels }, reopened, new Date());
    for (const o of outcomes) {
      process.stdout.write(`${o.alertId}: ${o.status}${o.error ? ` (${o.error})` : ''}\n`);
    }
    if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
  } finally {
    await close();
  }
}

/**
 * `claimwatch alerts test`: one plainly marked test message to every channel this
 * configuration reaches, the way the alerting stage builds them (`Deps.channels`: Slack from
 * SLACK_WEBHOOK_URL or its secret, email through SMTP or SES, the console when ALERT_CONSOLE is
 * set). Says which succeeded; exit 1 when any failed or none is configured.
 */
export async function testAlertsCommand() {
  const placeholder = 'http://127.0.0.1/unused';
  // The channels need no table or queue: placeholders satisfy the config's schema.
  const config = loadConfig({
    ...process.env,
    TABLE_NAME: process.env.TABLE_NAME || 'unused',
    FEEDS_QUEUE_URL: process.env.FEEDS_QUEUE_URL || placeholder,
    ARTICLES_QUEUE_URL: process.env.ARTICLES_QUEUE_URL || placeholder,
    ALERTS_QUEUE_URL: process.env.ALERTS_QUEUE_URL || placeholder,
  });
  const channels = await createDeps(config).channels();
  if (channels.length === 0) {
    throw new ConfigError(
      'no alert channel is configured: set SLACK_WEBHOOK_URL (e.g. in .env), or ALERT_EMAIL_TO with ALERT_EMAIL_FROM and SMTP_URL',
    );
  }
  const text = `Sent by \`claimwatch alerts test\` from ${hostname()} at ${new Date().toISOString()}. If you can read this, claimwatch alerts reach this channel.`;
  let failed = 0;
  for (const channel of channels) {
    try {
      if (!channel.sendTest) throw new Error('this channel cannot send a test message');
      await channel.sendTest(text);
      process.stdout.write(`${channel.name}: sent\n`);
    } catch (error) {
      failed++;
      process.stdout.write(`${channel.name}: FAILED (${(error as Error).message})\n`);
    }
  }
  if (failed > 0) {
    process.stderr.write(
      `claimwatch: ${failed} of ${channels.length} channels failed; check their settings (SLACK_WEBHOOK_URL, SMTP_URL, ALERT_EMAIL_TO)\n`,
    );
    process.exitCode = 1;
  }
}
