/**
 * The `cost` part of `npm run bench`: measures this checkout and, beside it, the commit before
 * the poller/reader split (`BENCH_COST_BASELINE`, default below; `none` to skip), each in its
 * own process; keeps both in `bench/results/cost.json`; and writes the generated cost tables
 * into `docs/deploy.md` between its markers, so the published numbers are always the measured
 * ones. The bundles' cold imports of the baseline are measured the same way as today's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CostMeasurement } from './cost.ts';
import { monthlyBill, renderCostTables } from './cost-model.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The last commit before the split (session 2's end): "today" in issue #15's terms. */
export const DEFAULT_BASELINE = '905649e';

/** Where docs/deploy.md's generated section starts and ends. */
export const DOC_MARKERS = ['<!-- cost-table:start -->', '<!-- cost-table:end -->'] as const;

function measure(at: string): CostMeasurement {
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/cost.ts'), at], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'INFO' },
  });
  if (res.status !== 0)
    throw new Error(`cost measurement failed for ${at}: ${res.stderr.slice(-800)}`);
  const lines = res.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as CostMeasurement;
}

/** A detached worktree of `ref` sharing this checkout's node_modules. */
function worktree(ref: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-baseline-'));
  rmSync(dir, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: root, stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return {
    dir,
    remove: () => {
      execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' });
    },
  };
}

/** Replaces the generated section of docs/deploy.md; returns whether it changed. */
export function writeDocTables(markdown: string, file = join(root, 'docs/deploy.md')): boolean {
  const text = readFileSync(file, 'utf8');
  const [start, end] = DOC_MARKERS;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file} lacks the ${start} … ${end} markers`);
  const next = `${text.slice(0, a + start.length)}\n${markdown}\n${text.slice(b)}`;
  if (next === text) return false;
  writeFileSync(file, next);
  return true;
}

/** Runs the part; prints a summary line per feed count on stderr, returns the results. */
export function runCostBench() {
  const now = measure(root);
  const ref = process.env.BENCH_COST_BASELINE ?? DEFAULT_BASELINE;
  let before: CostMeasurement | undefined;
  let beforeColdImports: unknown;
  if (ref !== 'none') {
    const tree = worktree(ref);
    try {
      before = measure(tree.dir);
      beforeColdImports = coldImports(tree.dir);
    } finally {
      tree.remove();
    }
  }
  const table = renderCostTables(now, before);
  writeFileSync(
    join(root, 'bench/results/cost.json'),
    `${JSON.stringify({ now, before }, null, 2)}\n`,
  );
  writeDocTables(table);
  const bills = [100, 1000, 5000].map((feeds) => ({
    feeds,
    now: monthlyBill(now, feeds),
    before: before ? monthlyBill(before, feeds) : undefined,
  }));
  return {
    bills: bills.map((b) => ({
      feeds: b.feeds,
      list: b.now.list,
      afterFree: b.now.afterFree,
      beforeList: b.before?.list,
      beforeAfterFree: b.before?.afterFree,
    })),
    beforeColdImports,
    table,
  };
}

/** Cold imports of another checkout's bundles, measured as `npm run bench` measures today's. */
function coldImports(at: string): unknown {
  const script = `Promise.all([import('./infra/bundling/lambda-assets.ts'), import('./infra/bundling/report-bundles.ts'), import('node:fs'), import('node:os'), import('node:path')]).then(async ([assets, report, fs, os, path]) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimwatch-bench-assets-'));
    try {
      const built = await assets.buildAllAssets(dir, { feedsFile: 'feeds.json' });
      const rows = [];
      for (const name of assets.lambdaFunctionNames) rows.push(await report.measureAsset(built[name], 3));
      console.log(JSON.stringify(rows));
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  })`;
  const res = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: at,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) return { skipped: res.stderr.slice(-300) };
  const lines = res.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const result = runCostBench();
  console.log(JSON.stringify(result));
  void existsSync;
}
