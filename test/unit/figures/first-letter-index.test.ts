import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstLetterIndex } from '../../../shared/figures/multilingual/first-letter-index.ts';

// The index stands in for a global alternation `(word1|word2|…)` in the Korean pack (sources,
// cue words, hedges): an alert's claimant and metric come from these matches, so the index must
// find exactly what the regex finds, wherever V8 left the regex unoptimised.
const words = [
  '국가정보원',
  '국정원',
  '국방부',
  '우크라이나 국방부',
  '우크라',
  'NIS',
  'nato',
  '사망',
];
const sources = words.map((w) => w.replace(/ /g, '\\s+'));

function regexHits(text: string): Array<{ start: number; end: number; text: string }> {
  const re = new RegExp(`(${sources.join('|')})`, 'giu');
  return [...text.matchAll(re)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    text: m[0],
  }));
}

describe('first-letter index of a Korean alternation', () => {
  const index = FirstLetterIndex.build(words, sources, 'giu')!;

  it('finds the longest listed word where the regex does, in the regex order', () => {
    const text = '우크라이나  국방부와 국정원(NIS)은 Nato 회의에서 사망자를 밝혔다';
    expect(index.hits(text)).toEqual(regexHits(text));
    expect(index.hits(text).map((h) => h.text)).toEqual([
      '우크라이나  국방부',
      '국정원',
      'NIS',
      'Nato',
      '사망',
    ]);
  });

  it('agrees with the regex on any mix of the words, their cases and other text', () => {
    const piece = fc.oneof(
      fc.constantFrom(...words, 'nis', 'NATO', 'Nis', '우크라이나', '국', ' ', '  ', '.', 'ſ', 'K'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(index.hits(text)).toEqual(regexHits(text));
        expect(index.test(text)).toBe(regexHits(text).length > 0);
      }),
      { numRuns: 400 },
    );
  });

  it('declines words it cannot key by their first letter', () => {
    expect(FirstLetterIndex.build([' 국방부'], ['\\s+국방부'], 'giu')).toBeNull();
    expect(FirstLetterIndex.build(['(NIS)'], ['\\(NIS\\)'], 'giu')).toBeNull();
  });
});
