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
 * memory, so after a crash (or SIGKILL) the queued articles and alerts are gone while the table
 * still says the items were seen and the alerts are pending. In AWS the queues are durable and
 * none of this is needed; here, on start:
 * - a feed item marked seen whose story was never stored is forgotten, so the next poll queues
 *   it again (a story that was stored is left alone: no duplicate);
 * - an alert not yet sent (`pending`, or `sending` when the process died) goes back on the alerts
 *   queue; its sender claims it before sending, so it still goes out once.
 */
export async function recoverInFlight(store: Store, alertsQueue: MessageQueue): Promise<Recovery> {
  let itemsRequeued = 0;
  for (const feed of await store.listFeeds()) {
    for (const item of await store.feedItems(feed.feedId)) {
      if (await store.getStory(item.storyId)) continue;
      await store.forgetFeedItem(feed.feedId, shortHash(item.itemKey));
      itemsRequeued++;
    }
  }
  const unsent = (await store.listAlerts()).filter(
    (a) => a.status === 'pending' || a.status === 'sending',
  );
  await alertsQueue.send(unsent.map((a): AlertMessage => ({ alertId: a.alertId })));
  return { itemsRequeued, alertsRequeued: unsent.length };
}
