import type { AlertChannel } from '../alerts/channels.ts';
import { DeliveryError } from '../alerts/channels.ts';
import type { AlertView } from '../alerts/render.ts';
import { alertView } from '../alerts/render.ts';
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
 * `digestThreshold` alerts for a channel go out as one digest.
 */
export async function deliverAlerts(
  deps: DeliverDeps,
  alertIds: string[],
  now: Date,
): Promise<DeliveryOutcome[]> {
  const { store } = deps;
  const threshold = deps.digestThreshold ?? 5;
  const outcomes = new Map<string, DeliveryOutcome>();
  const claimed: { alert: AlertRecord; view: AlertView; channels: Record<string, string> }[] = [];
  for (const alertId of new Set(alertIds)) {
    const alert = await store.claimAlert(alertId, deps.leaseMs ?? 120_000, now.getTime());
    if (!alert) {
      outcomes.set(alertId, { alertId, status: 'skipped' });
      continue;
    }
    const channels = { ...(alert.channels ?? {}) };
    for (const [name, state] of Object.entries(channels)) {
      if (state === 'sending') {
        channels[name] = 'unconfirmed';
        await store.markChannel(alertId, name, 'unconfirmed');
        deps.log?.('alert may have been sent before a crash; not sending it again', {
          alertId,
          channel: name,
        });
      }
    }
    claimed.push({
      alert,
      view: alertView(alert, await store.getFigure(alert.figureKey)),
      channels,
    });
  }

  const failures = new Map<string, { errors: string[]; retryAfter?: number }>();
  const fail = (alertId: string, channel: string, error: unknown) => {
    const entry = failures.get(alertId) ?? { errors: [] };
    entry.errors.push(`${channel}: ${(error as Error).message}`);
    const retry = error instanceof DeliveryError ? error.retryAfterSeconds : undefined;
    if (retry !== undefined) entry.retryAfter = Math.max(entry.retryAfter ?? 0, retry);
    failures.set(alertId, entry);
  };

  for (const channel of deps.channels) {
    const pending = claimed.filter((c) => !DONE.has(c.channels[channel.name] ?? ''));
    if (pending.length === 0) continue;
    const mark = async (items: typeof pending, state: string) => {
      for (const item of items) {
        item.channels[channel.name] = state;
        await store.markChannel(item.alert.alertId, channel.name, state);
      }
    };
    if (pending.length > threshold && channel.sendDigest) {
      await mark(pending, 'sending');
      try {
        await channel.sendDigest(pending.map((p) => p.view));
        await mark(pending, 'sent');
      } catch (error) {
        await mark(pending, `failed: ${(error as Error).message}`);
        for (const item of pending) fail(item.alert.alertId, channel.name, error);
      }
      continue;
    }
    for (const item of pending) {
      await mark([item], 'sending');
      try {
        await channel.send(item.view);
        await mark([item], 'sent');
      } catch (error) {
        await mark([item], `failed: ${(error as Error).message}`);
        fail(item.alert.alertId, channel.name, error);
      }
    }
  }

  for (const { alert, channels } of claimed) {
    const failure = failures.get(alert.alertId);
    const error = failure?.errors.join('; ');
    const status = !failure
      ? 'sent'
      : deps.isFinalAttempt?.(alert.alertId) === false
        ? 'pending'
        : 'failed';
    await store.finishAlert(alert.alertId, { status, channels, error }, now);
    outcomes.set(alert.alertId, {
      alertId: alert.alertId,
      status: failure ? 'failed' : 'sent',
      error,
      retryAfterSeconds: failure?.retryAfter,
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
