/**
 * The figure extractor on real news articles nobody on the project wrote, per language and split.
 *
 * Gold lives in the repo (`bench/real/<lang>.json`: URLs and our own annotation only); the
 * article texts never enter the repo and are read from `$REAL_ARTICLES_DIR` (default
 * `../real-articles` beside the repo root, else `../shared/real-articles`), laid out as
 * `<split>/<lang>/<id>.txt`. Each article's split was fixed from its id before it was
 * annotated: `dev` articles may be inspected and tuned on, `blind` ones are for measurement only,
 * so `--details` shows blind errors only when asked for by name.
 *
 * CLI: `node --import tsx bench/real-articles.ts [--lang en] [--split dev|blind|all] [--added DATE]
 * [--details]`; `--added` scores only the articles annotated that day (their first, honest run).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractOptions } from '../shared/figures/extract.ts';
import { extractFigures } from '../shared/figures/index.ts';
import type { ArticleScore, GoldFigure } from '../shared/figures/score.ts';
import { scoreCorpus } from '../shared/figures/score.ts';
import type { Figure } from '../shared/types.ts';

/** The two halves of every real-article gold file. */
export type RealSplit = 'dev' | 'blind';

/** One annotated real article (an entry of `articles` in `bench/real/<lang>.json`). */
export interface RealGoldArticle {
  id: string;
  url: string;
  language: string;
  published: string | null;
  split: RealSplit;
  figures: GoldFigure[];
  mustNotExtract: number[];
  /** The day the article was annotated (absent for the first sets), to score a new set apart. */
  added?: string;
}

/** One gold file. */
export interface RealGoldFile {
  about: string;
  articles: RealGoldArticle[];
}

/** One article's errors, for `--details`. */
export interface RealArticleDetail {
  id: string;
  missed: GoldFigure[];
  spurious: Figure[];
  /** Matched figures whose claimant disagrees with the gold. */
  wrongClaimant: { gold: GoldFigure; predicted: Figure }[];
  /** `mustNotExtract` numbers that some prediction carries as its value. */
  forbiddenHits: number[];
}

/** The score of one language × split. */
export interface RealSplitScore {
  language: string;
  split: RealSplit;
  /** Articles in the gold file for this split. */
  annotated: number;
  /** Articles whose text was found (the ones scored). */
  articles: number;
  /** Non-optional gold figures of the scored articles. */
  goldFigures: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  attribution: number;
  attributionCorrect: number;
  attributionTotal: number;
  /** `mustNotExtract` numbers extracted, counted once per article and number. */
  mustNotExtractHits: number;
  /** Set when the split was not scored ("texts not present"). */
  skipped?: string;
  details?: RealArticleDetail[];
}

/** Options of {@link runRealArticlesBench}. */
export interface RealBenchOptions {
  /** Languages to score; every `bench/real/*.json` when absent. */
  languages?: string[];
  splits?: RealSplit[];
  /** Where the texts are; `$REAL_ARTICLES_DIR`, else {@link defaultTextsDir}. */
  textsDir?: string;
  /** Attach per-article errors to the scores. */
  details?: boolean;
  /** Score only the articles annotated on this day (their `added` field). */
  added?: string;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GOLD_DIR = join(ROOT, 'bench', 'real');

/**
 * The default texts folder: outside the repo, so third-party text never gets committed.
 * `../real-articles` where a machine kept its own; else `../shared/real-articles`, where the
 * project's outside data is provided (the search tool's answers may not be copied verbatim, so
 * a new machine cannot rebuild the texts itself).
 */
export function defaultTextsDir(): string {
  if (process.env.REAL_ARTICLES_DIR) return process.env.REAL_ARTICLES_DIR;
  const own = resolve(ROOT, '..', 'real-articles');
  const shared = resolve(ROOT, '..', 'shared', 'real-articles');
  return !existsSync(own) && existsSync(shared) ? shared : own;
}

/** Languages that have a gold file, sorted. */
export function realLanguages(goldDir = GOLD_DIR): string[] {
  if (!existsSync(goldDir)) return [];
  return readdirSync(goldDir)
    .filter((f) => /^[a-z]{2,3}\.json$/.test(f))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** Reads one language's gold file. */
export function loadRealGold(language: string, goldDir = GOLD_DIR): RealGoldFile {
  return JSON.parse(readFileSync(join(goldDir, `${language}.json`), 'utf8')) as RealGoldFile;
}

function articleDetail(id: string, score: ArticleScore, predicted: Figure[], forbidden: number[]) {
  return {
    id,
    missed: score.missedGold,
    spurious: score.unmatchedPredicted,
    wrongClaimant: score.matches
      .filter((m) => m.claimantCorrect === false)
      .map((m) => ({ gold: m.gold, predicted: m.predicted })),
    forbiddenHits: forbiddenHits(predicted, forbidden),
  };
}

/** The `mustNotExtract` numbers that appear as a predicted value or upper bound. */
export function forbiddenHits(
  predicted: readonly Figure[],
  forbidden: readonly number[],
): number[] {
  const values = new Set(predicted.flatMap((p) => [p.value, p.valueHigh ?? Number.NaN]));
  return [...new Set(forbidden)].filter((n) => values.has(n));
}

/** Scores one language × split; articles without a text file are left out. */
export function scoreRealSplit(
  language: string,
  split: RealSplit,
  gold: RealGoldFile,
  textsDir: string,
  withDetails = false,
  added?: string,
): RealSplitScore {
  const annotated = gold.articles.filter(
    (a) => a.split === split && (added === undefined || a.added === added),
  );
  const present = annotated
    .map((a) => ({ a, file: join(textsDir, split, language, `${a.id}.txt`) }))
    .filter(({ file }) => existsSync(file));
  const base = { language, split, annotated: annotated.length, articles: present.length };
  if (present.length === 0) {
    return {
      ...base,
      goldFigures: 0,
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 0,
      precision: 0,
      recall: 0,
      f1: 0,
      attribution: 0,
      attributionCorrect: 0,
      attributionTotal: 0,
      mustNotExtractHits: 0,
      skipped: 'texts not present',
    };
  }
  const runs = present.map(({ a, file }) => {
    const text = readFileSync(file, 'utf8');
    // `language` routes non-English text to its pack; cast in case the options type lags behind.
    const opts = { published: a.published ?? undefined, language } as ExtractOptions;
    return { a, predicted: extractFigures(text, opts) };
  });
  const score = scoreCorpus(runs.map((r) => ({ predicted: r.predicted, gold: r.a.figures })));
  const hits = runs.map((r) => forbiddenHits(r.predicted, r.a.mustNotExtract ?? []).length);
  const result: RealSplitScore = {
    ...base,
    goldFigures: runs.reduce((n, r) => n + r.a.figures.filter((f) => !f.optional).length, 0),
    truePositives: score.truePositives,
    falsePositives: score.falsePositives,
    falseNegatives: score.falseNegatives,
    precision: score.precision,
    recall: score.recall,
    f1: score.f1,
    attribution: score.attribution,
    attributionCorrect: score.attributionCorrect,
    attributionTotal: score.attributionTotal,
    mustNotExtractHits: hits.reduce((n, h) => n + h, 0),
  };
  if (withDetails) {
    result.details = runs.map((r, i) =>
      articleDetail(r.a.id, score.articles[i]!, r.predicted, r.a.mustNotExtract ?? []),
    );
  }
  return result;
}

/**
 * Scores every requested language × split. `bench/run.ts` can call this (without details) to
 * print the real-article numbers beside the synthetic ones.
 */
export function runRealArticlesBench(opts: RealBenchOptions = {}): RealSplitScore[] {
  const textsDir = opts.textsDir ?? defaultTextsDir();
  const splits = opts.splits ?? ['dev', 'blind'];
  const out: RealSplitScore[] = [];
  for (const language of opts.languages ?? realLanguages()) {
    const gold = loadRealGold(language);
    for (const split of splits) {
      out.push(scoreRealSplit(language, split, gold, textsDir, opts.details === true, opts.added));
    }
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function describe(f: Pick<Figure, 'metric' | 'unit' | 'value' | 'valueHigh'> & Partial<Figure>) {
  const value = f.valueHigh === undefined ? `${f.value}` : `${f.value}-${f.valueHigh}`;
  const side = f.side && f.side !== 'KP' ? ` side=${f.side}` : '';
  const inc = f.increment ? ' +increment' : '';
  return `${f.metric}/${f.unit} ${value} (${f.qualifier ?? '?'}) by ${f.claimant ?? 'nobody'}${side}${inc}`;
}

/** The CLI's table and, when asked, its per-article errors. */
export function formatRealScores(scores: readonly RealSplitScore[]): string {
  const lines = ['lang split  articles gold  P       R       F1      attrib        mustNotExtract'];
  for (const s of scores) {
    const head = `${s.language.padEnd(4)} ${s.split.padEnd(6)}`;
    if (s.skipped) {
      lines.push(`${head} ${s.skipped} (${s.annotated} annotated)`);
      continue;
    }
    lines.push(
      [
        head,
        `${s.articles}/${s.annotated}`.padEnd(8),
        `${s.goldFigures}`.padEnd(5),
        pct(s.precision).padEnd(7),
        pct(s.recall).padEnd(7),
        pct(s.f1).padEnd(7),
        `${pct(s.attribution)} (${s.attributionCorrect}/${s.attributionTotal})`.padEnd(13),
        `${s.mustNotExtractHits}`,
      ].join(' '),
    );
  }
  for (const s of scores) {
    if (!s.details) continue;
    lines.push('', `== ${s.language} ${s.split}: errors per article`);
    for (const d of s.details) {
      if (
        !d.missed.length &&
        !d.spurious.length &&
        !d.wrongClaimant.length &&
        !d.forbiddenHits.length
      ) {
        continue;
      }
      lines.push(`-- ${d.id}`);
      for (const g of d.missed) lines.push(`   missed:   ${describe(g)}`);
      for (const p of d.spurious) lines.push(`   spurious: ${describe(p)}`);
      for (const w of d.wrongClaimant) {
        lines.push(
          `   claimant: ${describe(w.predicted)}; gold says ${w.gold.claimant ?? 'nobody'}`,
        );
      }
      if (d.forbiddenHits.length)
        lines.push(`   mustNotExtract hit: ${d.forbiddenHits.join(', ')}`);
    }
  }
  return lines.join('\n');
}

function parseArgs(argv: readonly string[]) {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const lang = arg('--lang');
  const split = arg('--split') ?? 'all';
  if (!['dev', 'blind', 'all'].includes(split)) {
    throw new Error(`--split must be dev, blind or all, not ${split}`);
  }
  return {
    languages: lang ? lang.split(',') : undefined,
    split: split as RealSplit | 'all',
    details: argv.includes('--details'),
    added: arg('--added'),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs(process.argv.slice(2));
  const splits: RealSplit[] = args.split === 'all' ? ['dev', 'blind'] : [args.split];
  const scores = runRealArticlesBench({
    languages: args.languages,
    splits,
    details: args.details,
    added: args.added,
  });
  // Blind errors are shown only when the blind split is asked for by name: nobody tunes on them.
  if (args.split !== 'blind') for (const s of scores) if (s.split === 'blind') delete s.details;
  console.log(formatRealScores(scores));
}
