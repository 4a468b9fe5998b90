import { shortHash } from '../shared/feeds/identity.ts';
import type { MessageQueue } from '../shared/queue/sqs-queue.ts';
import type { Store } from '../shared/store/store.ts';
import type { AlertMessage } from '../shared/types.ts';

/** What a restart recovered. */
export interface Recovery {
  itemsRequeued: number;
  alertsRequeued: number;
}

/**
 * Recovers what a killed process left in flight. The embedded SQS stand-in keeps its messages in
 * memory, so after a crash (or SIGKILL) the queued polls, articles and alerts are gone while the
 * table still says the feeds were scheduled, the items seen and the alerts pending. In AWS the
 * queues are durable and none of this is needed; here, on start (the data directory is this
 * process's alone, so whatever was in flight belonged to a dead process):
 * - a feed item marked seen whose story was never stored is forgotten, so the next poll queues
 *   it again (a story that was stored is left alone: no duplicate);
 * - a feed with such items is due again at once, and polled without its ETag, Last-Modified
 *   and item-list hash: a "not modified" or an unchanged list would otherwise keep the forgotten
 *   items from being queued again (a poll that died before reporting left its feed due anyway);
 * - an alert not yet sent (`pending`, or `sending` when the process died) goes back on the alerts
 *   queue, a dead sender's lease handed back first; its sender claims it before sending, so it
 *   still goes out once, and a channel the dead sender had marked `sending` is recorded
 *   `unconfirmed`, never posted again.
 */
export async function recoverInFlight(
  store: Store,
  alertsQueue: MessageQueue,
  now = new Date(),
): Promise<Recovery> {
  let itemsRequeued = 0;
  for (const feed of await store.listFeeds()) {
    let forgotten = 0;
    for (const item of await store.feedItems(feed.feedId)) {
      if (await store.getStory(item.storyId)) continue;
      await store.forgetFeedItem(feed.feedId, shortHash(item.itemKey));
      forgotten++;
    }
    itemsRequeued += forgotten;
    // (`pollScheduledAt` is only on data written by versions whose scheduler held feeds.)
    if (forgotten > 0 || feed.pollScheduledAt) {
      await store.saveFeedState({
        ...feed,
        etag: undefined,
        lastModified: undefined,
        itemsHash: undefined,
        pollScheduledAt: undefined,
        nextCheckAt: now.toISOString(),
      });
    }
  }
  const unsent = (await store.listAlerts()).filter(
    (a) => a.status === 'pending' || a.status === 'sending',
  );
  for (const alert of unsent.filter((a) => a.status === 'sending')) {
    await store.releaseAlert(alert.alertId);
  }
  await alertsQueue.send(unsent.map((a): AlertMessage => ({ alertId: a.alertId })));
  return { itemsRequeued, alertsRequeued: unsent.length };
}
