import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** CloudWatch namespace of every claimwatch metric; the dashboard and alarms read these names. */
export const METRICS_NAMESPACE = 'claimwatch';

/** The metrics the pipeline emits, as embedded-metric-format logs (no API calls, no extra cost). */
export const MetricName = {
  feedsScheduled: 'FeedsScheduled',
  feedsPolled: 'FeedsPolled',
  fetchFailures: 'FetchFailures',
  articlesQueued: 'ArticlesQueued',
  storiesStored: 'StoriesStored',
  figuresExtracted: 'FiguresExtracted',
  newFigures: 'NewFigures',
  alertsSent: 'AlertsSent',
  alertsFailed: 'AlertsFailed',
} as const;

/** One Metrics instance per process; handlers flush it at the end of each invocation. */
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'claimwatch' });

/** Adds a count to a metric. */
export function count(name: (typeof MetricName)[keyof typeof MetricName], value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}

/** Counts a fetch failure under its kind, so failures can be graphed and alarmed by kind. */
export function countFetchFailure(kind: string): void {
  const single = metrics.singleMetric();
  single.addDimension('kind', kind);
  single.addMetric(MetricName.fetchFailures, MetricUnit.Count, 1);
}

/** Flushes what was counted in this invocation. */
export function flushMetrics(): void {
  metrics.publishStoredMetrics();
}
