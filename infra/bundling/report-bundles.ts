/**
 * Size and cold-import report of the four Lambda assets, built exactly as synth builds them:
 * `node --import tsx infra/bundling/report-bundles.ts [runs]`. Each import runs in a fresh
 * isolated process (see `runAssetInIsolation`), so the time is what a cold start pays before
 * the handler runs, on this machine. Exists so bundle growth is measured, not guessed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { buildLambda, type LambdaBuildResult } from './build-lambda.ts';
import { runAssetInIsolation } from './isolated-run.ts';
import { lambdaBuildSpec, lambdaFunctionNames } from './lambda-assets.ts';

/** One row of the report. */
export interface BundleReport {
  readonly name: string;
  readonly codeKiB: number;
  readonly sourceMapKiB: number;
  readonly totalKiB: number;
  /** Deflated size of every file: close to the zip CDK uploads. */
  readonly zippedKiB: number;
  /** Median of the runs, in milliseconds. */
  readonly coldImportMs: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kib = (bytes: number) => Math.round(bytes / 1024);

/** Measures one built asset: sizes, and `runs` cold imports in isolated processes. */
export async function measureAsset(asset: LambdaBuildResult, runs = 3): Promise<BundleReport> {
  let zipped = 0;
  for (const file of asset.files) {
    zipped += deflateRawSync(await readFile(path.join(asset.outDir, file.file))).byteLength;
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runAssetInIsolation(asset.outDir);
    if (run.error) throw new Error(`${asset.name} does not load: ${run.error}`);
    times.push(run.importMs);
  }
  const maps = asset.files.filter((f) => f.file.endsWith('.map')).reduce((s, f) => s + f.bytes, 0);
  return {
    name: asset.name,
    codeKiB: kib(asset.codeBytes),
    sourceMapKiB: kib(maps),
    totalKiB: kib(asset.totalBytes),
    zippedKiB: kib(zipped),
    coldImportMs: Math.round(median(times)),
  };
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  const outDir = await mkdtemp(path.join(tmpdir(), 'claimwatch-report-'));
  try {
    const rows: (BundleReport | { name: string; error: string })[] = [];
    for (const name of lambdaFunctionNames) {
      try {
        const asset = await buildLambda(
          lambdaBuildSpec(name, { feedsFile: 'feeds.json' }),
          path.join(outDir, name),
        );
        rows.push(await measureAsset(asset, runs));
      } catch (error) {
        rows.push({ name, error: (error as Error).message.split('\n')[0] });
      }
    }
    console.table(rows);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

if (import.meta.filename === process.argv[1]) await main();
