/**
 * Extraction quality bench: scores plain Readability (the baseline) and our `extractArticle`
 * on real news pages with hand-checked bodies (scrapinghub/article-extraction-benchmark),
 * using the benchmark's own shingle scoring so the figures compare with published ones.
 * F1 is reported separately on a fixed tuning split and a held-out split never tuned on.
 *
 * Run: `node --import tsx bench/extraction.ts` (data dir: env `ARTICLE_DATA_DIR`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../shared/articles/extract-article.ts';

/** Python's `\w+` on `str`: Unicode letters, numbers and underscore (combining marks split). */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

/** One page's shingle counts, divided by tp+fp+fn so that every page weighs the same. */
export interface ShingleMatch {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Splits text into the benchmark's tokens (case kept).
 * Exported so diagnostics can show which tokens differ.
 */
export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const slice = tokens.slice(i, i + n);
    if (slice.length === 0) continue;
    const key = slice.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Compares a predicted body to the true body with 4-token shingles as multisets, as the
 * benchmark does, so our figures are comparable to the published ones.
 */
export function matchShingles(truth: string, prediction: string): ShingleMatch {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) {
    const tc = t.get(key) ?? 0;
    fp += Math.max(0, pc - tc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** Precision, recall and F1 of a set of pages, with the per-page matches they came from. */
export interface ExtractionScore {
  f1: number;
  precision: number;
  recall: number;
  pages: number;
  perPage: ShingleMatch[];
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Scores predicted bodies against true bodies exactly as the benchmark does: precision is the
 * mean over pages with a non-empty prediction, recall the mean over pages with a non-empty
 * truth, and F1 the harmonic mean of those two means.
 */
export function scoreExtraction(
  pages: ReadonlyArray<{ truth: string; prediction: string }>,
): ExtractionScore {
  const perPage = pages.map((p) => matchShingles(p.truth, p.prediction));
  const precision = mean(perPage.filter((m) => m.tp + m.fp > 0).map(precisionOf));
  const recall = mean(perPage.filter((m) => m.tp + m.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, pages: pages.length, perPage };
}

/** F1 of one page alone: what a fixture test asserts a floor on. */
export function pageF1(truth: string, prediction: string): number {
  return scoreExtraction([{ truth, prediction }]).f1;
}

/**
 * Where the benchmark data lives unless `ARTICLE_DATA_DIR` says otherwise: `shared/` beside the
 * repository (outside it), as the project's machines and CI have it.
 */
export const DEFAULT_ARTICLE_DATA_DIR = fileURLToPath(
  new URL('../../shared/data/article-extraction', import.meta.url),
);

/** The split a page belongs to, fixed by its id alone so it never moves between runs. */
export type Split = 'tuning' | 'held-out';

/**
 * Pages whose id hashes (sha256, hex) to a first digit below `c` tune the post-processing
 * (about 3/4); the rest are held out and only ever measured.
 */
export function splitOf(id: string): Split {
  const first = createHash('sha256').update(id).digest('hex')[0];
  return first < 'c' ? 'tuning' : 'held-out';
}

/** One benchmark page: its id, URL, HTML and true body. */
export interface BenchPage {
  id: string;
  url: string;
  html: string;
  truth: string;
  split: Split;
}

/** Loads every page that has both HTML and a true body, sorted by id. */
export function loadBenchPages(dataDir: string): BenchPage[] {
  const truthFile = join(dataDir, 'ground-truth.json');
  if (!existsSync(truthFile)) {
    throw new Error(`no article-extraction data at ${dataDir} (set ARTICLE_DATA_DIR)`);
  }
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  return Object.keys(truth)
    .sort()
    .map((id) => ({
      id,
      url: truth[id].url ?? `https://example.invalid/${id}`,
      // All pages decode as UTF-8 (44 have no <meta charset>): pass the string, not bytes.
      html: gunzipSync(readFileSync(join(dataDir, 'html', `${id}.html.gz`))).toString('utf8'),
      truth: truth[id].articleBody ?? '',
      split: splitOf(id),
    }));
}

/** The baseline: Readability on jsdom as documented, `textContent` as the body. */
export async function baselineExtract(html: string, url: string): Promise<string> {
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', () => {});
  let dom: JSDOM | undefined;
  try {
    dom = new JSDOM(html, { url, virtualConsole });
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } catch {
    return '';
  } finally {
    dom?.window.close();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Our extractor as the pipeline calls it (no feed item: the page alone). */
export async function oursExtract(html: string, url: string): Promise<string> {
  return (await extractArticle(html, { url })).text;
}

/** One extractor's figures over all pages and per split. */
export interface ExtractorFigures {
  name: string;
  all: Omit<ExtractionScore, 'perPage'>;
  tuning: Omit<ExtractionScore, 'perPage'>;
  heldOut: Omit<ExtractionScore, 'perPage'>;
  pagesPerSecond: number;
  medianMsPerPage: number;
  /** Full collections the bench asked for (see {@link BENCH_HEAP_COLLECT_BYTES}). */
  collections: number;
  perPage: Array<{ id: string; split: Split; f1: number; ms: number }>;
}

/** What {@link runExtractionBench} returns: both extractors measured in the same run. */
export interface ExtractionBenchResult {
  dataDir: string;
  pages: number;
  tuningPages: number;
  heldOutPages: number;
  baseline: ExtractorFigures;
  ours: ExtractorFigures;
  /** Peak resident set size of this process so far, in MB. */
  peakRssMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summary(score: ExtractionScore): Omit<ExtractionScore, 'perPage'> {
  const { perPage: _perPage, ...rest } = score;
  return rest;
}

/**
 * Heap size past which the bench asks V8 for a full collection. V8 sizes its heap from the
 * machine's memory (gigabytes here) and collects lazily, so without this the RSS of a run
 * reflects garbage not yet collected (≈ 900 MB) rather than what extraction keeps alive
 * (≈ 100 MB, flat across pages); a Lambda with 512 MB gets a small heap and collects early
 * on its own. Set `BENCH_NO_GC=1` to measure without it.
 */
export const BENCH_HEAP_COLLECT_BYTES = 160 * 1024 * 1024;

/** V8's full collection, exposed for this process if it was not already. */
function fullCollection(): (() => void) | undefined {
  if (process.env.BENCH_NO_GC) return undefined;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

async function measure(
  name: string,
  pages: BenchPage[],
  extract: (html: string, url: string) => Promise<string>,
): Promise<ExtractorFigures> {
  const predictions: string[] = [];
  const times: number[] = [];
  const collect = fullCollection();
  let collections = 0;
  const started = performance.now();
  for (const page of pages) {
    const t0 = performance.now();
    predictions.push(await extract(page.html, page.url));
    // Counted in the page's time: it is work the page caused.
    if (collect && process.memoryUsage().heapUsed > BENCH_HEAP_COLLECT_BYTES) {
      collect();
      collections++;
    }
    times.push(performance.now() - t0);
  }
  const elapsed = (performance.now() - started) / 1000;
  const scored = (filter: (p: BenchPage) => boolean) =>
    scoreExtraction(
      pages.flatMap((p, i) => (filter(p) ? [{ truth: p.truth, prediction: predictions[i] }] : [])),
    );
  return {
    name,
    all: summary(scored(() => true)),
    tuning: summary(scored((p) => p.split === 'tuning')),
    heldOut: summary(scored((p) => p.split === 'held-out')),
    pagesPerSecond: pages.length / elapsed,
    medianMsPerPage: median(times),
    collections,
    perPage: pages.map((p, i) => ({
      id: p.id,
      split: p.split,
      f1: pageF1(p.truth, predictions[i]),
      ms: times[i],
    })),
  };
}

/**
 * Scores the baseline and our extractor over every page in `dataDir`, in the same run and
 * process, so speed and quality compare like for like; prints nothing.
 */
export async function runExtractionBench(dataDir: string): Promise<ExtractionBenchResult> {
  const pages = loadBenchPages(dataDir);
  const baseline = await measure('readability textContent (baseline)', pages, baselineExtract);
  const ours = await measure('extractArticle (ours)', pages, oursExtract);
  return {
    dataDir,
    pages: pages.length,
    tuningPages: pages.filter((p) => p.split === 'tuning').length,
    heldOutPages: pages.filter((p) => p.split === 'held-out').length,
    baseline,
    ours,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** The bench's figures as a plain-text table. */
export function formatExtractionBench(result: ExtractionBenchResult): string {
  const f = (n: number) => n.toFixed(3);
  const rows = [result.baseline, result.ours].map((e) =>
    [
      e.name.padEnd(36),
      f(e.all.f1),
      f(e.all.precision),
      f(e.all.recall),
      f(e.tuning.f1),
      f(e.heldOut.f1),
      e.pagesPerSecond.toFixed(1).padStart(6),
      e.medianMsPerPage.toFixed(0).padStart(6),
    ].join('  '),
  );
  const gain = (split: 'tuning' | 'heldOut') => {
    const d = result.ours[split].f1 - result.baseline[split].f1;
    return `${d >= 0 ? '+' : ''}${d.toFixed(3)}`;
  };
  return [
    `article extraction: ${result.pages} pages (tuning ${result.tuningPages}, held-out ${result.heldOutPages}) from ${result.dataDir}`,
    `${'extractor'.padEnd(36)}  F1     P      R      F1tune F1held pages/s  ms/p50`,
    ...rows,
    `F1 gain over the baseline: tuning ${gain('tuning')}, held-out ${gain('heldOut')}`,
    `peak RSS ${result.peakRssMb} MB (full GC when the heap passes ${BENCH_HEAP_COLLECT_BYTES / 1048576} MB: ${result.baseline.collections} + ${result.ours.collections} times)`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dataDir = process.env.ARTICLE_DATA_DIR || DEFAULT_ARTICLE_DATA_DIR;
  const result = await runExtractionBench(dataDir);
  console.log(formatExtractionBench(result));
  // Per-page figures of the tuning split only: the held-out pages are never looked at one by one.
  if (process.env.BENCH_PAGES) {
    for (const [i, p] of result.ours.perPage.entries()) {
      if (p.split !== 'tuning') continue;
      const b = result.baseline.perPage[i];
      console.log(
        `${p.id.slice(0, 12)} ${p.split.padEnd(8)} base ${b.f1.toFixed(3)} ours ${p.f1.toFixed(3)}`,
      );
    }
  }
}
