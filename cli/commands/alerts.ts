import { dataDirOf, openLocalStore } from '../../local/session.ts';
import type { AlertChannel } from '../../shared/alerts/channels.ts';
import { consoleChannel, slackChannel, smtpChannel } from '../../shared/alerts/channels.ts';
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
  const { store, close } = await openLocalStore(dataDirOf(opts.dataDir));
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
