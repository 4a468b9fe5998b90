/**
 * Scoring predicted figures against hand annotation, exactly as FIGURES.md "Matching a
 * prediction to the gold" says: a prediction matches a gold figure of the same article when
 * metric, value and valueHigh are equal, and, for `deployed` and `supplied`, unit too.
 * Precision and recall count those matches; optional gold figures are neither rewarded nor
 * penalised; attribution is scored on matched figures, with spellings of one claimant equal.
 */

import type { Figure, Metric, Qualifier, Unit } from '../types.ts';
import { sameClaimant } from './claimants.ts';

/** One hand-annotated figure (an entry of `figures` in the gold file). */
export interface GoldFigure {
  metric: Metric;
  unit: Unit;
  value: number;
  valueHigh?: number;
  qualifier?: Qualifier;
  /** Absent: attribution is not scored for this figure. Null: the story names nobody. */
  claimant?: string | null;
  claimantCountry?: string | null;
  side?: string;
  /** Neither rewarded nor penalised. */
  optional?: boolean;
  /** An addition to an earlier count (FIGURES.md); not part of matching. */
  increment?: boolean;
  evidence?: string;
}

/** One annotated article (an entry of `articles` in the gold file). */
export interface GoldArticle {
  file?: string;
  published?: string;
  figures: GoldFigure[];
  mustNotExtract?: number[];
}

/** A prediction paired with the gold figure it matched. */
export interface FigureMatch {
  predicted: Figure;
  gold: GoldFigure;
  /** Whether the claimant is right; null when the gold gives no claimant to score against. */
  claimantCorrect: boolean | null;
}

/** Counts and rates shared by an article's and a corpus's score. */
export interface ScoreCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** TP / (TP + FP); 1 when nothing was predicted. */
  precision: number;
  /** TP / (TP + FN); 1 when there was nothing to find. */
  recall: number;
  f1: number;
  attributionCorrect: number;
  attributionTotal: number;
  /** Correct claimants over matched figures with a gold claimant; 1 when there are none. */
  attribution: number;
}

/** The score of one article, with the pairs behind it. */
export interface ArticleScore extends ScoreCounts {
  matches: FigureMatch[];
  /** Predictions that matched no gold figure: false positives. */
  unmatchedPredicted: Figure[];
  /** Non-optional gold figures nobody predicted: false negatives. */
  missedGold: GoldFigure[];
  /** Predictions that matched an optional gold figure: not counted. */
  ignored: Figure[];
}

/** The micro-averaged score of a corpus, with each article's score. */
export interface CorpusScore extends ScoreCounts {
  articles: ArticleScore[];
}

/** Whether a prediction matches a gold figure (FIGURES.md). */
export function figuresMatch(
  predicted: Pick<Figure, 'metric' | 'unit' | 'value' | 'valueHigh'>,
  gold: Pick<GoldFigure, 'metric' | 'unit' | 'value' | 'valueHigh'>,
): boolean {
  if (predicted.metric !== gold.metric) return false;
  if (predicted.value !== gold.value) return false;
  if ((predicted.valueHigh ?? null) !== (gold.valueHigh ?? null)) return false;
  if ((gold.metric === 'deployed' || gold.metric === 'supplied') && predicted.unit !== gold.unit) {
    return false;
  }
  return true;
}

function rates(tp: number, fp: number, fn: number, correct: number, total: number): ScoreCounts {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1,
    attributionCorrect: correct,
    attributionTotal: total,
    attribution: total === 0 ? 1 : correct / total,
  };
}

/**
 * Scores one article's predictions against its gold figures. Each gold figure matches at most
 * one prediction; predictions are paired with required gold figures first, then optional ones.
 */
export function scoreArticle(
  predicted: readonly Figure[],
  gold: readonly GoldFigure[] | GoldArticle,
): ArticleScore {
  const golds = Array.isArray(gold) ? gold : (gold as GoldArticle).figures;
  const used = new Set<number>();
  const matches: FigureMatch[] = [];
  const ignored: Figure[] = [];
  const unmatchedPredicted: Figure[] = [];
  const pending: Figure[] = [];
  for (const p of predicted) {
    const i = golds.findIndex((g, k) => !used.has(k) && !g.optional && figuresMatch(p, g));
    if (i === -1) {
      pending.push(p);
      continue;
    }
    used.add(i);
    const g = golds[i]!;
    const claimantCorrect = g.claimant === undefined ? null : sameClaimant(p.claimant, g.claimant);
    matches.push({ predicted: p, gold: g, claimantCorrect });
  }
  for (const p of pending) {
    const i = golds.findIndex((g, k) => !used.has(k) && g.optional === true && figuresMatch(p, g));
    if (i === -1) {
      unmatchedPredicted.push(p);
      continue;
    }
    used.add(i);
    ignored.push(p);
  }
  const missedGold = golds.filter((g, k) => !used.has(k) && !g.optional);
  const scored = matches.filter((m) => m.claimantCorrect !== null);
  const correct = scored.filter((m) => m.claimantCorrect === true).length;
  return {
    ...rates(matches.length, unmatchedPredicted.length, missedGold.length, correct, scored.length),
    matches,
    unmatchedPredicted,
    missedGold,
    ignored,
  };
}

/** Scores a corpus: sums of the articles' counts (micro-averaged rates), and each article. */
export function scoreCorpus(
  articles: ReadonlyArray<{
    predicted: readonly Figure[];
    gold: readonly GoldFigure[] | GoldArticle;
  }>,
): CorpusScore {
  const scores = articles.map((a) => scoreArticle(a.predicted, a.gold));
  const sum = (f: (s: ArticleScore) => number) => scores.reduce((acc, s) => acc + f(s), 0);
  return {
    ...rates(
      sum((s) => s.truePositives),
      sum((s) => s.falsePositives),
      sum((s) => s.falseNegatives),
      sum((s) => s.attributionCorrect),
      sum((s) => s.attributionTotal),
    ),
    articles: scores,
  };
}
