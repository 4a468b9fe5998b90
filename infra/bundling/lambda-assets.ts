import path from 'node:path';
import { buildLambda, type LambdaBuildResult, type LambdaBuildSpec } from './build-lambda.ts';

/** The four functions of the pipeline, in pipeline order. */
export const lambdaFunctionNames = [
  'schedule-polls',
  'poll-feed',
  'extract-claims',
  'send-alerts',
] as const;

/** One of {@link lambdaFunctionNames}. */
export type LambdaFunctionName = (typeof lambdaFunctionNames)[number];

/** Where schedule-polls finds the feed list inside its asset (`FEEDS_FILE` is set to this). */
export const bundledFeedsFile = 'feeds.json';

/** Inputs that vary between synth and tests. */
export interface LambdaAssetOptions {
  /** The feed list copied into schedule-polls' asset, absolute or relative to the project root. */
  readonly feedsFile: string;
  /** Replace some handlers' entries, e.g. a probe while a handler is still being written. */
  readonly entries?: Partial<Record<LambdaFunctionName, string>>;
}

/**
 * The build spec of one function. The stack and the bundle tests both call this, so the tests
 * build exactly what synth deploys: extract-claims is the only function with jsdom, schedule-polls
 * the only one carrying the feed list.
 */
export function lambdaBuildSpec(
  name: LambdaFunctionName,
  options: LambdaAssetOptions,
): LambdaBuildSpec {
  return {
    name,
    entry: options.entries?.[name] ?? `functions/${name}/handler.ts`,
    jsdom: name === 'extract-claims',
    files:
      name === 'schedule-polls'
        ? [{ from: options.feedsFile, to: bundledFeedsFile, json: true }]
        : [],
  };
}

/**
 * Builds all four assets into `<outDir>/<function name>/`, the way `cdk synth` does, for tests
 * that run the real deployed code (bundle loading, the full-cycle test) without a CDK app.
 */
export async function buildAllAssets(
  outDir: string,
  options: LambdaAssetOptions,
): Promise<Record<LambdaFunctionName, LambdaBuildResult>> {
  const results = await Promise.all(
    lambdaFunctionNames.map((name) =>
      buildLambda(lambdaBuildSpec(name, options), path.join(outDir, name)),
    ),
  );
  return Object.fromEntries(results.map((r) => [r.name, r])) as Record<
    LambdaFunctionName,
    LambdaBuildResult
  >;
}
