import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import { figuresMatch, scoreArticle, scoreCorpus } from '../../../shared/figures/score.ts';
import { loadCorpus } from './fixtures.ts';

const corpus = loadCorpus();
const runs = corpus.map((article) => ({
  article,
  predicted: extractFigures(article.text, { published: article.published }),
}));

describe('annotated corpus', () => {
  it('has at least 30 articles', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it('scores precision, recall and attribution of 1.0', () => {
    const problems: string[] = [];
    for (const { article, predicted } of runs) {
      const s = scoreArticle(predicted, article.figures);
      for (const p of s.unmatchedPredicted) {
        problems.push(`${article.file}: extra ${p.metric}/${p.unit} ${p.value} (${p.evidence})`);
      }
      for (const g of s.missedGold)
        problems.push(`${article.file}: missed ${g.metric}/${g.unit} ${g.value}`);
      for (const m of s.matches.filter((x) => x.claimantCorrect === false)) {
        problems.push(
          `${article.file}: ${m.gold.metric} ${m.gold.value} claimant ${m.predicted.claimant} vs ${m.gold.claimant}`,
        );
      }
    }
    expect(problems).toEqual([]);
    const score = scoreCorpus(
      runs.map((r) => ({ predicted: r.predicted, gold: r.article.figures })),
    );
    expect(score.precision).toBe(1);
    expect(score.recall).toBe(1);
    expect(score.attribution).toBe(1);
  });

  it('extracts none of the numbers that are not figures', () => {
    const problems: string[] = [];
    for (const { article, predicted } of runs) {
      for (const p of predicted) {
        if ((article.mustNotExtract ?? []).includes(p.value))
          problems.push(`${article.file}: ${p.value}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every figure the side the annotation gives it', () => {
    const problems: string[] = [];
    for (const { article, predicted } of runs) {
      for (const p of predicted) {
        const gold = article.figures.find((g) => figuresMatch(p, g));
        if (gold && (gold.side ?? 'KP') !== p.side) {
          problems.push(`${article.file}: ${p.metric} ${p.value} side ${p.side}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
