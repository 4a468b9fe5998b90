import { UsageError } from '../shared/errors.ts';
import type { Metric } from '../shared/types.ts';
import { METRICS } from '../shared/types.ts';

/** Checks `--metric` against the metrics FIGURES.md defines. */
export function parseMetric(value: string | undefined): Metric | undefined {
  if (value === undefined) return undefined;
  if (!(METRICS as readonly string[]).includes(value)) {
    throw new UsageError(`unknown metric "${value}": use one of ${METRICS.join(', ')}`);
  }
  return value as Metric;
}

/** Checks a `YYYY-MM-DD` date option, rejecting impossible dates like 2024-02-31. */
export function parseDay(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(`${value}T00:00:00Z`);
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(time) &&
    new Date(time).toISOString().startsWith(value);
  if (!ok) throw new UsageError(`${name} must be a date as YYYY-MM-DD, got "${value}"`);
  return value;
}
