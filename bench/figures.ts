import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractFigures } from '../shared/figures/extract.ts';
import { hasPack } from '../shared/figures/multilingual/index.ts';
import type { GoldArticle } from '../shared/figures/score.ts';
import { scoreCorpus } from '../shared/figures/score.ts';
import type { FixtureArticle } from '../test/unit/figures/fixtures.ts';
import {
  loadCorpus,
  loadDemoSet,
  loadModelled,
  MODELLED,
  modelledSplit,
} from '../test/unit/figures/fixtures.ts';
import {
  defaultTextsDir,
  forbiddenHits,
  type RealSplitScore,
  runRealArticlesBench,
} from './real-articles.ts';

/** Precision, recall and attribution of one set of annotated articles. */
export interface FigureAccuracy {
  articles: number;
  goldFigures: number;
  precision: number;
  recall: number;
  attribution: number;
}

/** What `npm run bench` reports of the figure extractor. */
export interface FigureBench {
  /** The five demo articles (`local/demo/articles/`) against `demo-figures.json`. */
  demo: FigureAccuracy;
  /**
   * The five real news articles the demo set restates, against their gold, read from outside the
   * repo (`../shared/seeds/`, `../shared/gold/seed-figures.json`; third-party text never enters
   * the repo); skipped where that folder is absent.
   */
  seeds: FigureAccuracy | { skipped: string };
  corpus: FigureAccuracy;
  /**
   * The committed corpora per language, in the project's own words: English is the corpus above
   * plus `corpus-new/en`; every other language is `test/fixtures/figures/corpus-new/<lang>/`.
   */
  languages: Record<string, FigureAccuracy>;
  real: RealSplitScore[];
  /**
   * The own-words articles modelled on real coverage (`corpus-modelled/<lang>/`), dev and held
   * apart: the held half is only ever read here, in aggregate.
   */
  modelled: Record<string, Record<'dev' | 'held', ModelledScore>>;
  /** Speed of each language on its modelled articles: news-length text on the subject. */
  modelledSpeed: Record<string, LanguageSpeed>;
  /** Median ms per 1,000 words over the corpus and the demo articles. */
  msPer1000Words: number;
  /** The baseline in the same run: sentence splitting and a bare number scan of the same text. */
  baselineMsPer1000Words: number;
  words: number;
  /**
   * Speed on typical news text: the true bodies of the article-extraction pages (real articles,
   * mostly not about North Korea, ~700 words each), beside the same baseline.
   */
  newsText?: {
    articles: number;
    words: number;
    msPer1000Words: number;
    baselineMsPer1000Words: number;
  };
  /**
   * Speed of each language pack's reader on its committed corpus
   * (`test/fixtures/figures/corpus-new/<lang>/`, the project's own words), beside the same
   * baseline: the packs read differently from English, so each is timed on its own text.
   */
  languageSpeed: Record<string, LanguageSpeed>;
  /**
   * Speed of each language on the real articles present on this machine (dev and blind texts,
   * outlets' own wording at its own length; they stay outside the repository): the own corpora
   * above are a few short texts each, where what every call costs once weighs more.
   */
  realSpeed: Record<string, LanguageSpeed>;
}

/** One language × half of the modelled set: F1 and the forbidden numbers read, too. */
export interface ModelledScore extends FigureAccuracy {
  f1: number;
  /** `mustNotExtract` numbers extracted, counted once per article and number. */
  mustNotExtractHits: number;
}

/** Milliseconds per 1,000 words of one language's corpus, beside the baseline. */
export interface LanguageSpeed {
  articles: number;
  words: number;
  msPer1000Words: number;
  baselineMsPer1000Words: number;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Where the real seed articles and their gold live, beside the repo. */
const SHARED_DIR = join(import.meta.dirname, '..', '..', 'shared');

/**
 * The real seed articles with their gold, or why they are skipped: they stay outside the repo,
 * so a checkout without `../shared` still benches.
 */
function loadRealSeeds(dir = SHARED_DIR): FixtureArticle[] | { skipped: string } {
  const goldFile = join(dir, 'gold', 'seed-figures.json');
  if (!existsSync(goldFile) || !existsSync(join(dir, 'seeds'))) {
    return { skipped: `no ${join(dir, 'seeds')} or ${goldFile}` };
  }
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as { articles: GoldArticle[] };
  return gold.articles.map((a) => ({
    ...a,
    file: a.file!,
    text: readFileSync(join(dir, 'seeds', a.file!), 'utf8'),
  }));
}

function accuracy(articles: ReturnType<typeof loadCorpus>, language?: string): FigureAccuracy {
  const score = scoreCorpus(
    articles.map((a) => ({
      predicted: extractFigures(a.text, {
        published: a.published,
        language: language ?? (a as { language?: string }).language ?? null,
      }),
      gold: a.figures,
    })),
  );
  return {
    articles: articles.length,
    goldFigures: articles.reduce((n, a) => n + a.figures.filter((f) => !f.optional).length, 0),
    precision: score.precision,
    recall: score.recall,
    attribution: score.attribution,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const CORPUS_NEW = join(import.meta.dirname, '..', 'test', 'fixtures', 'figures', 'corpus-new');

/** Every language's committed corpus, read the way the corpus tests read theirs. */
function languageAccuracy(corpus: FixtureArticle[]): Record<string, FigureAccuracy> {
  const out: Record<string, FigureAccuracy> = {};
  const langs = existsSync(CORPUS_NEW) ? readdirSync(CORPUS_NEW).sort() : [];
  const english = [...corpus, ...(langs.includes('en') ? loadCorpus(join(CORPUS_NEW, 'en')) : [])];
  out.en = accuracy(english, 'en');
  for (const lang of langs.filter((l) => l !== 'en')) {
    out[lang] = accuracy(loadCorpus(join(CORPUS_NEW, lang)), lang);
  }
  return out;
}

/** The languages with a folder in `dir` that a reader knows (English, or one with a pack). */
function languagesIn(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((l) => l === 'en' || hasPack(l))
        .sort()
    : [];
}

/** Every language's modelled articles, scored per half. */
function modelledAccuracy(): Record<string, Record<'dev' | 'held', ModelledScore>> {
  const out: Record<string, Record<'dev' | 'held', ModelledScore>> = {};
  for (const lang of languagesIn(MODELLED)) {
    const halves = {} as Record<'dev' | 'held', ModelledScore>;
    const all = loadModelled(lang);
    for (const split of ['dev', 'held'] as const) {
      const articles = all.filter((a) => modelledSplit(a.file) === split);
      const predicted = articles.map((a) =>
        extractFigures(a.text, { published: a.published, language: lang }),
      );
      const score = scoreCorpus(articles.map((a, i) => ({ predicted: predicted[i]!, gold: a })));
      const hits = articles.reduce(
        (n, a, i) => n + forbiddenHits(predicted[i]!, a.mustNotExtract ?? []).length,
        0,
      );
      halves[split] = {
        articles: articles.length,
        goldFigures: articles.reduce((n, a) => n + a.figures.filter((f) => !f.optional).length, 0),
        precision: score.precision,
        recall: score.recall,
        f1: score.f1,
        attribution: score.attribution,
        mustNotExtractHits: hits,
      };
    }
    out[lang] = halves;
  }
  return out;
}

/** A deliberately minimal pass over the text: what any extractor must at least do. */
function baselineScan(text: string): number {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  let n = 0;
  for (const { segment } of segmenter.segment(text))
    n += (segment.match(/\d[\d,.]*/g) ?? []).length;
  return n;
}

/** Milliseconds per 1,000 words of `fn` over `texts`: the median of `rounds` timed passes. */
function timePer1000Words<T extends { text: string }>(
  texts: T[],
  fn: (text: string, item: T) => unknown,
  rounds: number,
): number {
  const totalWords = texts.reduce((n, t) => n + words(t.text), 0);
  for (let i = 0; i < 3; i++) for (const t of texts) fn(t.text, t); // warm-up
  (globalThis as { gc?: () => void }).gc?.();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    for (const t of texts) fn(t.text, t);
    samples.push(performance.now() - start);
  }
  return (median(samples) / totalWords) * 1000;
}

/** How fast `extract` reads `texts`, beside the baseline over the same texts. */
function speedOf<T extends { text: string }>(
  texts: T[],
  extract: (text: string, item: T) => unknown,
  rounds: number,
): LanguageSpeed {
  return {
    articles: texts.length,
    words: texts.reduce((n, t) => n + words(t.text), 0),
    msPer1000Words: timePer1000Words(texts, extract, rounds),
    baselineMsPer1000Words: timePer1000Words(texts, baselineScan, rounds),
  };
}

/**
 * Each pack language's speed on its committed corpus (dates as annotated, the language given),
 * so a slow pack shows even where English dominates the annotated-corpus figure.
 */
export function languageSpeed(rounds = 15, dir = CORPUS_NEW): Record<string, LanguageSpeed> {
  const out: Record<string, LanguageSpeed> = {};
  for (const lang of languagesIn(dir)) {
    const articles = loadCorpus(join(dir, lang));
    out[lang] = speedOf(
      articles,
      (text, a) => extractFigures(text, { published: a.published, language: lang }),
      rounds,
    );
  }
  return out;
}

/**
 * Each language's speed on the real articles stored locally (`defaultTextsDir()`: dev and
 * blind together, as a Lambda meets them), beside the baseline; empty when none are present.
 */
export function realLanguageSpeed(
  rounds = 5,
  dir = defaultTextsDir(),
): Record<string, LanguageSpeed> {
  const out: Record<string, LanguageSpeed> = {};
  if (!existsSync(dir)) return out;
  const splits = readdirSync(dir).filter((x) => existsSync(join(dir, x)));
  const langs = new Set(splits.flatMap((x) => readdirSync(join(dir, x))));
  for (const lang of [...langs].sort()) {
    const texts = splits.flatMap((x) => {
      const folder = join(dir, x, lang);
      if (!existsSync(folder)) return [];
      return readdirSync(folder)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => ({ text: readFileSync(join(folder, f), 'utf8') }));
    });
    if (texts.length === 0) continue;
    out[lang] = speedOf(
      texts,
      (text) => extractFigures(text, { published: '2025-01-01', language: lang }),
      rounds,
    );
  }
  return out;
}

/**
 * Scores the extractor on the demo articles, the real seeds (when present) and the corpus, and
 * times it against the baseline.
 */
export function runFigureBench(
  rounds = 15,
  articleDataDir = process.env.ARTICLE_DATA_DIR,
): FigureBench {
  const demo = loadDemoSet().articles;
  const seeds = loadRealSeeds();
  const corpus = loadCorpus();
  const texts = [...demo, ...corpus].map((a) => ({ text: a.text, published: a.published }));
  const totalWords = texts.reduce((n, t) => n + words(t.text), 0);
  const time = (fn: () => void) => {
    const samples: number[] = [];
    // Warm, as a Lambda that reads many stories is; then collect what earlier parts left, so
    // a full old generation is not swept inside the timed passes (`--expose-gc` enables it).
    for (let i = 0; i < 5; i++) fn();
    (globalThis as { gc?: () => void }).gc?.();
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      fn();
      samples.push(performance.now() - start);
    }
    return (median(samples) / totalWords) * 1000;
  };
  let newsText: FigureBench['newsText'];
  const truthFile = articleDataDir ? join(articleDataDir, 'ground-truth.json') : '';
  if (truthFile && existsSync(truthFile)) {
    const bodies = Object.values(
      JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { articleBody: string }>,
    ).map((g) => ({ text: g.articleBody }));
    newsText = speedOf(bodies, (t) => extractFigures(t, { published: '2024-12-23' }), rounds);
  }
  const msPer1000Words = time(() => {
    for (const t of texts) extractFigures(t.text, { published: t.published });
  });
  const baselineMsPer1000Words = time(() => {
    for (const t of texts) baselineScan(t.text);
  });
  // Each language's corpus is small (about 1,000 words), so its passes are short: more of them.
  const perLanguage = languageSpeed(rounds * 4);
  return {
    newsText,
    languageSpeed: perLanguage,
    realSpeed: realLanguageSpeed(),
    demo: accuracy(demo),
    seeds: Array.isArray(seeds) ? accuracy(seeds) : seeds,
    corpus: accuracy(corpus),
    languages: languageAccuracy(corpus),
    // Real articles nobody here wrote, dev and blind apart, when their texts are on this machine
    // (they stay outside the repository): scores only, never the blind split's errors.
    real: runRealArticlesBench(),
    modelled: modelledAccuracy(),
    modelledSpeed: languageSpeed(rounds * 2, MODELLED),
    msPer1000Words,
    baselineMsPer1000Words,
    words: totalWords,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(runFigureBench(), null, 2));
}
