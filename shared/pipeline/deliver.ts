import type { AlertChannel } from '../alerts/channels.ts';
import { alertView } from '../alerts/render.ts';
import type { Store } from '../store/store.ts';

/** What alert delivery needs. */
export interface DeliverDeps {
  store: Store;
  channels: AlertChannel[];
  /** How long one consumer holds an alert while it delivers it. */
  leaseMs?: number;
}

/** Raised when some channel failed; the message is retried, and dead-lettered in the end. */
export class AlertDeliveryFailed extends Error {
  override name = 'AlertDeliveryFailed';
}

/**
 * Delivers one alert on every channel it has not yet reached. The alert is claimed first with a
 * conditional update, so two consumers holding the same message cannot both send it; each
 * channel's success is recorded, so a retry after a partial failure sends only what is missing.
 */
export async function deliverAlert(
  deps: DeliverDeps,
  alertId: string,
  now: Date,
): Promise<{ status: 'sent' | 'skipped'; channels: string[] }> {
  const alert = await deps.store.claimAlert(alertId, deps.leaseMs ?? 60_000, now.getTime());
  if (!alert) return { status: 'skipped', channels: [] };
  const figure = await deps.store.getFigure(alert.figureKey);
  const view = alertView(alert, figure);
  const channels = { ...(alert.channels ?? {}) };
  const failures: string[] = [];
  for (const channel of deps.channels) {
    if (channels[channel.name] === 'sent') continue;
    try {
      await channel.send(view);
      channels[channel.name] = 'sent';
    } catch (error) {
      channels[channel.name] = `failed: ${(error as Error).message}`;
      failures.push(`${channel.name}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0) {
    await deps.store.finishAlert(
      alertId,
      { status: 'failed', channels, error: failures.join('; ') },
      now,
    );
    throw new AlertDeliveryFailed(`alert ${alertId} not delivered: ${failures.join('; ')}`);
  }
  await deps.store.finishAlert(alertId, { status: 'sent', channels }, now);
  return { status: 'sent', channels: Object.keys(channels) };
}
