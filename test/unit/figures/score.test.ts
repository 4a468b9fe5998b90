import { describe, expect, it } from 'vitest';
import { type GoldFigure, scoreArticle, scoreCorpus } from '../../../shared/figures/score.ts';
import type { Figure } from '../../../shared/types.ts';

const fig = (f: Partial<Figure>): Figure => ({
  metric: 'casualties',
  unit: 'troops',
  value: 3000,
  qualifier: 'exact',
  claimant: null,
  claimantCountry: null,
  side: 'KP',
  evidence: '',
  ...f,
});

describe('scoreArticle', () => {
  it('matches on metric, value and valueHigh, and unit only for deployed and supplied', () => {
    const gold: GoldFigure[] = [
      { metric: 'casualties', unit: 'troops', value: 3000, claimant: 'Zelensky' },
      { metric: 'deployed', unit: 'officers', value: 500, claimant: null },
    ];
    const s = scoreArticle(
      [
        fig({ unit: 'officers', claimant: 'Volodymyr Zelenskyy' }),
        fig({ metric: 'deployed', unit: 'troops', value: 500 }),
      ],
      gold,
    );
    expect(s.truePositives).toBe(1);
    expect(s.falsePositives).toBe(1);
    expect(s.falseNegatives).toBe(1);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.attribution).toBe(1);
  });

  it('neither rewards nor penalises optional gold figures', () => {
    const gold: GoldFigure[] = [
      { metric: 'deployed', unit: 'troops', value: 50_000, side: 'RU', optional: true },
    ];
    expect(scoreArticle([], gold)).toMatchObject({ precision: 1, recall: 1, falseNegatives: 0 });
    const s = scoreArticle([fig({ metric: 'deployed', value: 50_000, side: 'RU' })], gold);
    expect(s).toMatchObject({ truePositives: 0, falsePositives: 0, ignored: [expect.anything()] });
  });

  it('scores attribution on matched figures with claimant equivalence', () => {
    const gold: GoldFigure[] = [
      {
        metric: 'casualties',
        unit: 'troops',
        value: 1100,
        claimant: 'South Korea Joint Chiefs of Staff',
      },
      { metric: 'killed', unit: 'troops', value: 100, claimant: 'Lee Sung-kwon' },
      { metric: 'deployed', unit: 'troops', value: 12_000, claimant: null },
    ];
    const s = scoreArticle(
      [
        fig({ value: 1100, claimant: 'JCS' }),
        fig({ metric: 'killed', value: 100, claimant: 'NIS' }),
        fig({ metric: 'deployed', value: 12_000, claimant: null }),
      ],
      gold,
    );
    expect(s.attributionTotal).toBe(3);
    expect(s.attributionCorrect).toBe(2);
  });

  it('does not score attribution against a gold figure without a claimant field', () => {
    const s = scoreArticle(
      [fig({ claimant: 'X' })],
      [{ metric: 'casualties', unit: 'troops', value: 3000 }],
    );
    expect(s.attributionTotal).toBe(0);
    expect(s.attribution).toBe(1);
  });

  it('pairs each gold figure with one prediction', () => {
    const s = scoreArticle(
      [fig({}), fig({})],
      [{ metric: 'casualties', unit: 'troops', value: 3000 }],
    );
    expect(s.truePositives).toBe(1);
    expect(s.falsePositives).toBe(1);
  });
});

describe('scoreCorpus', () => {
  it('sums the counts of its articles', () => {
    const c = scoreCorpus([
      { predicted: [fig({})], gold: [{ metric: 'casualties', unit: 'troops', value: 3000 }] },
      { predicted: [], gold: { figures: [{ metric: 'killed', unit: 'troops', value: 100 }] } },
    ]);
    expect(c).toMatchObject({ truePositives: 1, falseNegatives: 1, precision: 1, recall: 0.5 });
    expect(c.articles).toHaveLength(2);
  });
});
