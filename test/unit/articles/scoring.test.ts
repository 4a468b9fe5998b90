import { describe, expect, it } from 'vitest';
import {
  matchShingles,
  pageF1,
  scoreExtraction,
  splitOf,
  tokenize,
} from '../../../bench/extraction.ts';

describe('benchmark scoring (scrapinghub/article-extraction-benchmark evaluate.py)', () => {
  it('tokenizes like Python \\w+: Unicode letters, digits and underscore, case kept', () => {
    expect(tokenize('Zelensky’s 3,000 troops — naïve_café, Пхеньян 평양')).toEqual([
      'Zelensky',
      's',
      '3',
      '000',
      'troops',
      'naïve_café',
      'Пхеньян',
      '평양',
    ]);
  });

  it('compares 4-token shingles as multisets, normalised per page', () => {
    expect(matchShingles('a b c d e', 'a b c d e')).toEqual({ tp: 1, fp: 0, fn: 0 });
    // truth: abcd, bcde; prediction: abcd, bcdf → 1 shared, 1 extra, 1 missed
    const m = matchShingles('a b c d e', 'a b c d f');
    expect(m.tp).toBeCloseTo(1 / 3);
    expect(m.fp).toBeCloseTo(1 / 3);
    expect(m.fn).toBeCloseTo(1 / 3);
    // a repeated shingle counts twice
    expect(matchShingles('a b c d a b c d', 'a b c d').fn).toBeGreaterThan(0);
    // 1–3 tokens make one shingle
    expect(pageF1('two words', 'two words')).toBe(1);
  });

  it('averages precision over non-empty predictions and recall over non-empty truths', () => {
    const score = scoreExtraction([
      { truth: 'a b c d e', prediction: 'a b c d e' },
      { truth: 'f g h i j', prediction: '' },
    ]);
    expect(score.precision).toBe(1);
    expect(score.recall).toBe(0.5);
    expect(score.f1).toBeCloseTo(2 / 3);
  });

  it('splits pages deterministically by the sha256 of their id', () => {
    expect(splitOf('3f65af7b6b98b1c9ae9a3e0d8a09a85600cdc44e26e4b3a6db96a31f4b1767e3')).toBe(
      splitOf('3f65af7b6b98b1c9ae9a3e0d8a09a85600cdc44e26e4b3a6db96a31f4b1767e3'),
    );
    expect(['tuning', 'held-out']).toContain(splitOf('x'));
  });
});
