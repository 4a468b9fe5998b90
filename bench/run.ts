/**
 * `npm run bench`: accuracy, speed and memory of every stage, each speed beside a baseline
 * measured in the same run (ratios are what a reader compares across machines). Prints one table
 * and writes `bench/results/latest.json` (and a dated copy).
 *
 * Parts run in separate processes so one part's memory does not inflate another's peak RSS.
 * Environment: ARTICLE_DATA_DIR (default ../shared/data/article-extraction), FEED_DATA_DIR
 * (default ../shared/data/feeds), BENCH_FEEDS (1000), BENCH_ITEMS (10), BENCH_ONLY (comma list of
 * parts: extraction, figures, feeds, e2e, lambdas).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RealSplitScore } from './real-articles.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const only = (process.env.BENCH_ONLY ?? 'extraction,figures,feeds,e2e,lambdas,cost').split(',');
const env = {
  ...process.env,
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  ARTICLE_DATA_DIR:
    process.env.ARTICLE_DATA_DIR ?? resolve(root, '../shared/data/article-extraction'),
};

/** Runs one part in its own Node process and returns what it printed as JSON. */
function part<T>(name: string, script: string, nodeFlags: string[] = []): T | { skipped: string } {
  if (!only.includes(name)) return { skipped: 'not selected (BENCH_ONLY)' };
  process.stderr.write(`bench: ${name}…\n`);
  const started = Date.now();
  const res = spawnSync(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', '--expose-gc', '-e', script],
    {
      cwd: root,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  process.stderr.write(`bench: ${name} took ${Math.round((Date.now() - started) / 1000)} s\n`);
  if (res.status !== 0)
    return {
      skipped: `failed: ${(res.stderr || res.stdout).trim().split('\n').slice(-3).join(' ')}`,
    };
  const lines = res.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

const E2E_HEAP_MB = 384;
const out = (expr: string) => `console.log(JSON.stringify(${expr}))`;

const extraction = existsSync(join(env.ARTICLE_DATA_DIR, 'ground-truth.json'))
  ? part<Record<string, unknown>>(
      'extraction',
      `import('./bench/extraction.ts').then(async (m) => { const r = await m.runExtractionBench(process.env.ARTICLE_DATA_DIR); for (const e of [r.baseline, r.ours]) delete e.perPage; ${out('r')} })`,
    )
  : { skipped: `no article-extraction data at ${env.ARTICLE_DATA_DIR}` };
const figures = part<Record<string, unknown>>(
  'figures',
  `import('./bench/figures.ts').then((m) => { ${out('m.runFigureBench()')} })`,
);
const feedsDir = process.env.FEED_DATA_DIR ?? resolve(root, '../shared/data/feeds');
const feeds = existsSync(join(feedsDir, 'manifest.json'))
  ? part<Record<string, unknown>>(
      'feeds',
      `import('./eval/feeds.ts').then(async (m) => { const r = await m.measureFeeds(${JSON.stringify(feedsDir)}); delete r.perCase; ${out('r')} })`,
    )
  : { skipped: `no feed corpus at ${feedsDir}` };
const e2e = part<Record<string, unknown>>(
  'e2e',
  `import('./bench/e2e.ts').then(async (m) => { const r = await m.runEndToEndBench(${Number(process.env.BENCH_FEEDS ?? 1000)}, ${Number(process.env.BENCH_ITEMS ?? 10)}); ${out('r')} })`,
  // The memory budget under test: the whole embedded runtime (poller, jsdom, dynalite, fauxqs)
  // in one process whose heap is capped at 384 MB, as on a small machine.
  [`--max-old-space-size=${E2E_HEAP_MB}`],
);
const lambdas = part<Record<string, unknown>>(
  'lambdas',
  `Promise.all([import('./infra/bundling/lambda-assets.ts'), import('./infra/bundling/report-bundles.ts'), import('node:fs'), import('node:os'), import('node:path')]).then(async ([assets, report, fs, os, path]) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimwatch-bench-assets-'));
    try {
      const built = await assets.buildAllAssets(dir, { feedsFile: 'feeds.json' });
      const rows = [];
      for (const name of assets.lambdaFunctionNames) rows.push(await report.measureAsset(built[name], 3));
      ${out('rows')}
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  })`,
);

// The bill, from measured units per poll, article and alert (bench/cost-run.ts): writes
// bench/results/cost.json and the tables in docs/deploy.md, today beside the commit before the
// poller/reader split (BENCH_COST_BASELINE, or `none`).
const cost = part<{
  bills: {
    feeds: number;
    list: number;
    afterFree: number;
    beforeList?: number;
    beforeAfterFree?: number;
  }[];
  beforeColdImports?: { name: string; coldImportMs: number; codeKiB: number }[];
  table: string;
}>(
  'cost',
  `import('./bench/cost-run.ts').then((m) => { const r = m.runCostBench(); ${out('r')} })`,
);

/** A bare Node start, the floor under every cold import. */
function bareNodeStartMs(): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, ['-e', '0']);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[2];
}
const nodeStartMs = only.includes('lambdas') ? bareNodeStartMs() : null;

const results = {
  measuredAt: new Date().toISOString(),
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  extraction,
  figures,
  feeds,
  e2e,
  lambdas: { bareNodeStartMs: nodeStartMs, bundles: lambdas },
  cost,
};

// ---- the table ---------------------------------------------------------------------------------
const n = (x: unknown, d = 3) => (typeof x === 'number' ? x.toFixed(d) : '-');
const lines: string[] = [];
const row = (what: string, value: string, baseline = '', ratio = '') =>
  lines.push(
    `${what.padEnd(46)} ${value.padStart(12)} ${baseline.padStart(12)} ${ratio.padStart(8)}`,
  );
lines.push(
  `${'measure'.padEnd(46)} ${'claimwatch'.padStart(12)} ${'baseline'.padStart(12)} ${'ratio'.padStart(8)}`,
);
type Ext = {
  all: { f1: number };
  tuning: { f1: number };
  heldOut: { f1: number };
  pagesPerSecond: number;
};
if ('ours' in extraction) {
  const ours = extraction.ours as Ext;
  const base = extraction.baseline as Ext;
  row('body extraction F1, all pages', n(ours.all.f1), n(base.all.f1));
  row('body extraction F1, tuning pages', n(ours.tuning.f1), n(base.tuning.f1));
  row('body extraction F1, held-out pages', n(ours.heldOut.f1), n(base.heldOut.f1));
  row(
    'body extraction pages/s',
    n(ours.pagesPerSecond, 1),
    n(base.pagesPerSecond, 1),
    n(ours.pagesPerSecond / base.pagesPerSecond, 2),
  );
  row('body extraction peak RSS (MB)', String(extraction.peakRssMb));
} else row('body extraction', String((extraction as { skipped: string }).skipped));
type Acc = { precision: number; recall: number; attribution: number; articles: number };
if ('corpus' in figures) {
  const corpus = figures.corpus as Acc;
  const demo = figures.demo as Acc;
  const seeds = figures.seeds as Acc | { skipped: string };
  row(`figures precision (corpus, ${corpus.articles} articles)`, n(corpus.precision));
  row('figures recall (corpus)', n(corpus.recall));
  row('figures attribution (corpus)', n(corpus.attribution));
  row(
    `figures precision / recall (${demo.articles} demo articles)`,
    `${n(demo.precision, 2)} / ${n(demo.recall, 2)}`,
  );
  if ('skipped' in seeds) row('figures, real seeds (../shared/seeds)', `skipped: ${seeds.skipped}`);
  else {
    row(
      `figures precision / recall (${seeds.articles} real seeds)`,
      `${n(seeds.precision, 2)} / ${n(seeds.recall, 2)}`,
    );
  }
  for (const [lang, acc] of Object.entries(figures.languages as Record<string, Acc>)) {
    row(
      `figures ${lang}, own corpus (${acc.articles} articles): P / R / attribution`,
      `${n(acc.precision, 2)} / ${n(acc.recall, 2)} / ${n(acc.attribution, 2)}`,
    );
  }
  type Modelled = Acc & { f1: number; mustNotExtractHits: number };
  const modelled = (figures.modelled ?? {}) as Record<string, Record<string, Modelled>>;
  for (const [lang, halves] of Object.entries(modelled))
    for (const [split, s] of Object.entries(halves))
      row(
        `figures ${lang}, modelled articles ${split} (${s.articles}): P / R / F1 / attribution / forbidden`,
        `${n(s.precision, 2)} / ${n(s.recall, 2)} / ${n(s.f1, 2)} / ${n(s.attribution, 2)} / ${s.mustNotExtractHits}`,
      );
  const real = figures.real as RealSplitScore[] | undefined;
  for (const s of real ?? []) {
    row(
      `figures ${s.language}, real articles ${s.split} (${s.articles}/${s.annotated}): P / R / F1 / attribution`,
      s.skipped
        ? `skipped: ${s.skipped}`
        : `${n(s.precision, 2)} / ${n(s.recall, 2)} / ${n(s.f1, 2)} / ${n(s.attribution, 2)}`,
    );
  }
  const ms = figures.msPer1000Words as number;
  const base = figures.baselineMsPer1000Words as number;
  row('figure extraction ms/1,000 words, annotated corpus', n(ms, 2), n(base, 2), n(ms / base, 1));
  type Speed = { articles: number; msPer1000Words: number; baselineMsPer1000Words: number };
  const speedRow = (label: string, s: Speed) =>
    row(
      label,
      n(s.msPer1000Words, 2),
      n(s.baselineMsPer1000Words, 2),
      n(s.msPer1000Words / s.baselineMsPer1000Words, 1),
    );
  const news = figures.newsText as Speed | undefined;
  if (news) speedRow(`figure extraction ms/1,000 words, ${news.articles} news texts`, news);
  for (const [lang, s] of Object.entries((figures.languageSpeed ?? {}) as Record<string, Speed>))
    speedRow(`figure extraction ms/1,000 words, ${lang} own corpus (${s.articles})`, s);
  for (const [lang, s] of Object.entries((figures.modelledSpeed ?? {}) as Record<string, Speed>))
    speedRow(`figure extraction ms/1,000 words, ${lang} modelled articles (${s.articles})`, s);
  for (const [lang, s] of Object.entries((figures.realSpeed ?? {}) as Record<string, Speed>))
    speedRow(`figure extraction ms/1,000 words, ${lang} real articles (${s.articles})`, s);
} else row('figures', String((figures as { skipped: string }).skipped));
if ('feedsParsed' in feeds) {
  const f = feeds as Record<string, number>;
  row(`feed corpus: feeds parsed (of ${f.feedCases})`, String(f.feedsParsed));
  row(`feed corpus: non-feeds rejected (of ${f.nonFeedCases})`, String(f.nonFeedsRejected));
  row(`feed corpus: items read (of ${f.itemsExpected})`, String(f.itemsRead));
  row(
    `feed corpus: titles with mojibake / U+FFFD (of ${f.titles})`,
    `${f.mojibakeTitles} / ${f.fffdTitles}`,
  );
} else row('feed corpus', String((feeds as { skipped: string }).skipped));
if ('articles' in e2e) {
  row(`end to end: ${e2e.feeds} feeds, ${e2e.articles} articles (s)`, n(e2e.seconds, 1));
  row(
    'end to end articles/s',
    n(e2e.articlesPerSecond, 1),
    n(e2e.baselineArticlesPerSecond, 1),
    n((e2e.articlesPerSecond as number) / (e2e.baselineArticlesPerSecond as number), 2),
  );
  row(
    'poll to alert latency p50 / p95 (s)',
    `${n(e2e.latencyP50Seconds, 1)} / ${n(e2e.latencyP95Seconds, 1)}`,
  );
  row(
    'cycle start to alert p50 / p95 (s)',
    `${n(e2e.cycleToAlertP50Seconds, 1)} / ${n(e2e.cycleToAlertP95Seconds, 1)}`,
  );
  row(`end to end peak RSS (MiB, heap capped at ${E2E_HEAP_MB} MB)`, n(e2e.peakRssMiB, 0));
} else row('end to end', String((e2e as { skipped: string }).skipped));
if (Array.isArray(lambdas)) {
  for (const b of lambdas as {
    name: string;
    zippedKiB: number;
    codeKiB: number;
    coldImportMs: number;
  }[]) {
    row(
      `${b.name}: code / zipped KiB, cold import ms`,
      `${b.codeKiB} / ${b.zippedKiB}`,
      `${b.coldImportMs} ms`,
      nodeStartMs ? `${n(b.coldImportMs / nodeStartMs, 1)}x` : '',
    );
  }
  row('bare node start (the cold-import baseline, ms)', n(nodeStartMs, 0));
  const before = 'bills' in cost ? cost.beforeColdImports : undefined;
  if (Array.isArray(before)) {
    for (const b of before) {
      row(
        `${b.name} before the split: code KiB, cold import ms`,
        String(b.codeKiB),
        `${b.coldImportMs} ms`,
      );
    }
  }
} else row('lambda bundles', String((lambdas as { skipped: string }).skipped));
if ('bills' in cost) {
  for (const b of cost.bills) {
    row(
      `cost, ${b.feeds} feeds: list / after free tiers ($/month)`,
      `${n(b.list, 2)} / ${n(b.afterFree, 2)}`,
      b.beforeList === undefined ? '' : `${n(b.beforeList, 2)} / ${n(b.beforeAfterFree, 2)}`,
    );
  }
} else row('cost model', String((cost as { skipped: string }).skipped));

const table = lines.join('\n');
console.log(table);
const dir = join(root, 'bench/results');
mkdirSync(dir, { recursive: true });
const json = `${JSON.stringify({ ...results, table }, null, 2)}\n`;
// A partial run (BENCH_ONLY) never replaces the full results.
const file = process.env.BENCH_ONLY ? 'partial.json' : 'latest.json';
writeFileSync(join(dir, file), json);
if (!process.env.BENCH_ONLY)
  writeFileSync(join(dir, `${results.measuredAt.slice(0, 10)}.json`), json);
console.error(`bench: written to bench/results/${file}`);
