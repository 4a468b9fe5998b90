import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** CloudWatch namespace of every claimwatch metric; the dashboard and alarms read these names. */
export const METRICS_NAMESPACE = 'claimwatch';

/**
 * The metrics the pipeline emits, as embedded-metric-format logs (no API calls). Each name is
 * one custom metric, billed $0.30 a month beyond the free tier's ten, so only what an alarm or a
 * person watching the pipeline's health needs is a metric: six. Everything else a stage counts
 * (feeds scheduled, items queued, figures extracted, each failure's kind) is a field of its log
 * line, for Logs Insights (`docs/deploy.md` has the queries).
 */
export const MetricName = {
  feedsPolled: 'FeedsPolled',
  fetchFailures: 'FetchFailures',
  storiesStored: 'StoriesStored',
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

/**
 * Counts a fetch failure. Its kind is in the poll's log line (`failure.kind`), not a dimension:
 * a dimension per kind would be a custom metric per kind.
 */
export function countFetchFailure(): void {
  metrics.addMetric(MetricName.fetchFailures, MetricUnit.Count, 1);
}

/**
 * Flushes what was counted in this invocation, if anything: Powertools otherwise prints a
 * plain-text warning among the JSON logs for every invocation that counted nothing.
 */
export function flushMetrics(): void {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}
