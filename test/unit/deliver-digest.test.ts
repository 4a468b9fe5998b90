/**
 * A burst of alerts goes to Slack as one digest for the whole batch; past Slack's block limit it
 * becomes as few messages as fit, each recorded on its own alerts, and every figure links to the
 * web view when PUBLIC_URL is set.
 */
import { describe, expect, it } from 'vitest';
import type { AlertChannel } from '../../shared/alerts/channels.ts';
import type { AlertView } from '../../shared/alerts/render.ts';
import { renderSlackDigest } from '../../shared/alerts/render.ts';
import { deliverAlerts } from '../../shared/pipeline/deliver.ts';
import type { AlertRecord, Store } from '../../shared/store/store.ts';

function alertRecord(i: number): AlertRecord {
  const metric = i % 2 ? 'killed' : 'deployed';
  return {
    alertId: `a${i}`,
    figureKey: `${metric}|troops|${1000 + i}||KP`,
    createdAt: '2025-01-01T00:00:00.000Z',
    status: 'pending',
    headline: `Figure ${i}`,
    figure: {
      metric,
      unit: 'troops',
      value: 1000 + i,
      qualifier: 'about',
      claimant: 'South Korea',
      claimantCountry: 'KR',
      side: 'KP',
      evidence: `About ${1000 + i}.`,
    },
    storyId: 's1',
    storyUrl: 'https://news.example/s1',
    storyTitle: 'Story',
    attempts: 0,
  } as AlertRecord;
}

/** The store calls delivery makes, in memory. */
function memoryStore(alerts: AlertRecord[]) {
  const byId = new Map(
    alerts.map((a) => [a.alertId, { ...a, channels: {} as Record<string, string> }]),
  );
  return {
    byId,
    store: {
      claimAlert: async (id: string) => byId.get(id),
      markChannel: async (id: string, channel: string, state: string) => {
        byId.get(id)!.channels[channel] = state;
      },
      getFigure: async () => undefined,
      finishAlert: async (id: string, outcome: { status: string }) => {
        byId.get(id)!.status = outcome.status as AlertRecord['status'];
      },
    } as unknown as Store,
  };
}

function slackRecorder(failPart?: number) {
  const digests: AlertView[][] = [];
  const channel: AlertChannel = {
    name: 'slack',
    send: async () => {
      throw new Error('a batch above the threshold must go as a digest');
    },
    sendDigest: async (views) => {
      digests.push(views);
      if (failPart === digests.length) throw new Error('Slack answered HTTP 500');
    },
  };
  return { channel, digests };
}

describe('Slack digests of a batch', () => {
  it('sends one digest for the batch, split past the block limit, each part "(k of n)"', async () => {
    const alerts = Array.from({ length: 70 }, (_, i) => alertRecord(i));
    const { store, byId } = memoryStore(alerts);
    const { channel, digests } = slackRecorder();
    const outcomes = await deliverAlerts(
      { store, channels: [channel], digestThreshold: 5, publicUrl: 'https://watch.example' },
      alerts.map((a) => a.alertId),
      new Date(),
    );
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    expect(digests).toHaveLength(2);
    const headers = digests.map(
      (views) => (renderSlackDigest(views).blocks[0] as { text: { text: string } }).text.text,
    );
    expect(headers).toEqual(['70 new figures (1 of 2)', '70 new figures (2 of 2)']);
    for (const views of digests)
      expect(renderSlackDigest(views).blocks.length).toBeLessThanOrEqual(50);
    expect(
      digests
        .flat()
        .map((v) => v.headline)
        .sort(),
    ).toEqual(alerts.map((a) => a.headline).sort());
    // Grouped by metric: every deployed figure before every killed one.
    const metrics = digests.flat().map((v) => v.metric);
    expect(metrics.lastIndexOf('deployed')).toBeLessThan(metrics.indexOf('killed'));
    // Linked to the web view.
    expect(
      digests.flat().every((v) => v.figureUrl?.startsWith('https://watch.example/figures/fig-')),
    ).toBe(true);
    expect([...byId.values()].every((a) => a.channels.slack === 'sent')).toBe(true);
  });

  it('records each part on its own alerts: a failed second part leaves only its alerts to retry', async () => {
    const alerts = Array.from({ length: 60 }, (_, i) => alertRecord(100 + i));
    const { store, byId } = memoryStore(alerts);
    const { channel, digests } = slackRecorder(2);
    const outcomes = await deliverAlerts(
      {
        store,
        channels: [channel],
        digestThreshold: 5,
        publicUrl: null,
        isFinalAttempt: () => false,
      },
      alerts.map((a) => a.alertId),
      new Date(),
    );
    const second = new Set(digests[1]!.map((v) => v.headline));
    for (const outcome of outcomes) {
      const alert = byId.get(outcome.alertId)!;
      expect(outcome.status).toBe(second.has(alert.headline) ? 'failed' : 'sent');
    }
    expect(digests.flat().every((v) => v.figureUrl === null)).toBe(true);
  });
});
