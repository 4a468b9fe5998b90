import type { AlertChannel } from '../alerts/channels.ts';
import { DeliveryError } from '../alerts/channels.ts';
import type { AlertView } from '../alerts/render.ts';
import { alertView, splitSlackDigest } from '../alerts/render.ts';
import type { AlertRecord, Store } from '../store/store.ts';

/** What alert delivery needs. */
export interface DeliverDeps {
  store: Store;
  channels: AlertChannel[];
  /** How long one consumer holds an alert while it delivers it. */
  leaseMs?: number;
  /** More alerts than this at once go out as one digest per channel (default 5). */
  digestThreshold?: number;
  log?: (message: string, fields: Record<string, unknown>) => void;
  /**
   * Whether this is an alert's last delivery attempt before its message is dead-lettered. A
   * failed alert stays `pending` (with the reason) while retries remain, and becomes `failed`
   * only on its last attempt, so `claimwatch alerts --failed` lists what was really given up.
   */
  isFinalAttempt?: (alertId: string) => boolean;
  /**
   * The web view's base URL: alerts link each figure to its page there. Defaults to the
   * `PUBLIC_URL` environment variable (validated with the rest of the configuration); null for
   * no links.
   */
  publicUrl?: string | null;
}

/** The outcome for one alert of a batch. */
export interface DeliveryOutcome {
  alertId: string;
  status: 'sent' | 'skipped' | 'failed';
  error?: string;
  /** When a service asked to be left alone for a while (Slack's 429 Retry-After). */
  retryAfterSeconds?: number;
}

/** Raised by {@link deliverAlert} when some channel failed; the message is retried, and dead-lettered in the end. */
export class AlertDeliveryFailed extends Error {
  override name = 'AlertDeliveryFailed';
}

/** Channel states that mean "do not send again". */
const DONE = new Set(['sent', 'unconfirmed']);

/**
 * Delivers a batch of alerts on every channel each has not yet reached.
 *
 * Each alert is claimed first with a conditional update, so two consumers holding the same
 * message cannot both send it. A channel is marked `sending` before each post and `sent` after,
 * so a retry after a partial failure sends only what is missing, and a consumer that crashed
 * between posting and recording leaves `sending` behind: the next holder records it as
 * `unconfirmed` and does not post again — one Slack message per figure, even then. More than
 * `digestThreshold` alerts for a channel go out as one digest for the whole batch, grouped by
 * metric; on Slack, a batch beyond its block limit becomes as few messages as fit ("60 new
 * figures (1 of 2)"), each recorded on its own alerts, so a retry re-sends only a failed one.
 *
 * The table may fail too (throttling, a 500, after the SDK's retries). Such a failure stays with
 * the alert it hit: an alert whose `sending` mark could not be written is not posted; one that
 * was posted counts as posted even if that could not be recorded (the table then still says
 * `sending`, which the next holder reads as `unconfirmed`); and every claimed alert is handed
 * back (`finishAlert`) before returning. Where the claim or the hand-back itself failed, the
 * alert may still be leased to this consumer: it is reported `failed` with the lease as its
 * retry delay, so its message comes back when the lease has run out, not before (a holder whose
 * lease still runs skips the alert, and its message would be deleted with the alert unsent).
 */
export async function deliverAlerts(
  deps: DeliverDeps,
  alertIds: string[],
  now: Date,
): Promise<DeliveryOutcome[]> {
  const { store } = deps;
  const threshold = deps.digestThreshold ?? 5;
  const publicUrl = deps.publicUrl === undefined ? process.env.PUBLIC_URL : deps.publicUrl;
  const outcomes = new Map<string, DeliveryOutcome>();
  type Claimed = {
    alert: AlertRecord;
    view?: AlertView;
    channels: Record<string, string>;
    withdrawn?: boolean;
  };
  const claimed: Claimed[] = [];

  const failures = new Map<string, { errors: string[]; retryAfter?: number }>();
  const fail = (alertId: string, channel: string, error: unknown) => {
    const entry = failures.get(alertId) ?? { errors: [] };
    entry.errors.push(`${channel}: ${(error as Error).message}`);
    const retry = error instanceof DeliveryError ? error.retryAfterSeconds : undefined;
    if (retry !== undefined) entry.retryAfter = Math.max(entry.retryAfter ?? 0, retry);
    failures.set(alertId, entry);
  };
  /** A write whose failure must not stop the batch: what it records is in memory and rewritten by `finishAlert`. */
  const bestEffort = async (write: Promise<void>, alertId: string, what: string) => {
    try {
      await write;
    } catch (error) {
      deps.log?.(`could not record ${what}; recording it with the outcome`, {
        alertId,
        error: (error as Error).message,
      });
    }
  };

  const leaseMs = deps.leaseMs ?? 120_000;
  const afterLease = Math.ceil(leaseMs / 1000) + 1;
  for (const alertId of new Set(alertIds)) {
    let alert: AlertRecord | undefined;
    try {
      alert = await store.claimAlert(alertId, leaseMs, now.getTime());
    } catch (error) {
      // the claim may have been written before the error: retry once the lease has run out
      outcomes.set(alertId, {
        alertId,
        status: 'failed',
        error: `table: ${(error as Error).message}`,
        retryAfterSeconds: afterLease,
      });
      continue;
    }
    if (!alert) {
      outcomes.set(alertId, { alertId, status: 'skipped' });
      continue;
    }
    const channels = { ...(alert.channels ?? {}) };
    const item: Claimed = { alert, channels };
    claimed.push(item);
    for (const [name, state] of Object.entries(channels)) {
      if (state === 'sending') {
        channels[name] = 'unconfirmed';
        await bestEffort(store.markChannel(alertId, name, 'unconfirmed'), alertId, 'unconfirmed');
        deps.log?.('alert may have been sent before a crash; not sending it again', {
          alertId,
          channel: name,
        });
      }
    }
    try {
      const figure = await store.getFigure(alert.figureKey);
      // A person rejected the figure after its alert was queued: it is not sent, anywhere.
      if (figure?.rejected) item.withdrawn = true;
      else item.view = alertView(alert, figure, { publicUrl });
    } catch (error) {
      fail(alertId, 'table', error);
    }
  }

  for (const channel of deps.channels) {
    const pending = claimed.filter((c) => c.view && !DONE.has(c.channels[channel.name] ?? ''));
    if (pending.length === 0) continue;
    const digest = pending.length > threshold && channel.sendDigest;
    const batches = !digest
      ? pending.map((p) => ({ items: [p], views: [p.view!] }))
      : channel.name === 'slack'
        ? splitSlackDigest(pending, (p) => p.view!)
        : [{ items: pending, views: pending.map((p) => p.view!) }];
    for (const { items: group, views } of batches) {
      // `sending` is on record before the post, or the post does not happen.
      const before = group.map((g) => g.channels[channel.name]);
      try {
        for (const g of group) {
          g.channels[channel.name] = 'sending';
          await store.markChannel(g.alert.alertId, channel.name, 'sending');
        }
      } catch (error) {
        group.forEach((g, i) => {
          if (before[i] === undefined) delete g.channels[channel.name];
          else g.channels[channel.name] = before[i];
          fail(g.alert.alertId, 'table', error);
        });
        continue;
      }
      let state = 'sent';
      try {
        if (digest) await channel.sendDigest!(views);
        else await channel.send(views[0]!);
      } catch (error) {
        state = `failed: ${(error as Error).message}`;
        for (const g of group) fail(g.alert.alertId, channel.name, error);
      }
      for (const g of group) {
        g.channels[channel.name] = state;
        await bestEffort(
          store.markChannel(g.alert.alertId, channel.name, state),
          g.alert.alertId,
          `${channel.name} ${state}`,
        );
      }
    }
  }

  for (const { alert, channels, withdrawn } of claimed) {
    const failure = failures.get(alert.alertId);
    let error = withdrawn ? 'not sent: its figure was rejected' : failure?.errors.join('; ');
    const status = withdrawn
      ? 'withdrawn'
      : !failure
        ? 'sent'
        : deps.isFinalAttempt?.(alert.alertId) === false
          ? 'pending'
          : 'failed';
    const finish = () => store.finishAlert(alert.alertId, { status, channels, error }, now);
    let recorded = true;
    // The SDK already retried this write; one more call before the alert is left leased, whose
    // message would then wait out the lease before anyone may deliver what is missing.
    await finish().catch(() =>
      finish().catch((cause: Error) => {
        recorded = false;
        error = `${error ? `${error}; ` : ''}table: ${cause.message}`;
      }),
    );
    outcomes.set(alert.alertId, {
      alertId: alert.alertId,
      status: failure || !recorded ? 'failed' : withdrawn ? 'skipped' : 'sent',
      error,
      retryAfterSeconds: recorded
        ? failure?.retryAfter
        : Math.max(failure?.retryAfter ?? 0, afterLease),
    });
  }
  return alertIds.map((id) => outcomes.get(id)!);
}

/** Delivers one alert; throws {@link AlertDeliveryFailed} when a channel failed. */
export async function deliverAlert(
  deps: DeliverDeps,
  alertId: string,
  now: Date,
): Promise<{ status: 'sent' | 'skipped' }> {
  const [outcome] = await deliverAlerts(deps, [alertId], now);
  if (outcome.status === 'failed') {
    throw new AlertDeliveryFailed(`alert ${alertId} not delivered: ${outcome.error}`);
  }
  return { status: outcome.status };
}
