import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import { findNumbers, parseNumber } from '../../../shared/figures/numbers.ts';
import { splitSentences } from '../../../shared/figures/sentences.ts';
import { tagStory } from '../../../shared/figures/tags.ts';

const words = [
  'North',
  'Korean',
  'troops',
  'soldiers',
  'killed',
  'wounded',
  'more than',
  'about',
  'at least',
  'up to',
  'between',
  'and',
  'to',
  '-',
  '3,000',
  '11 000',
  'three thousand',
  'a dozen',
  '12k',
  '1.5 million',
  'Zelensky said',
  '“',
  '”',
  '"',
  'Dec.',
  '23',
  'Gen.',
  'U.S.',
  'rose from',
  'mm',
  'km',
  '$',
  '.',
  ',',
  '\n',
  'according to',
  'reportedly',
  'he added',
  'containers',
  'Russia',
];
const newsy = fc.array(fc.constantFrom(...words), { maxLength: 60 }).map((w) => w.join(' '));
const anything = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  newsy,
);

describe('never throws', () => {
  it('extractFigures, on any string', () => {
    fc.assert(
      fc.property(anything, fc.option(fc.string()), (text, published) => {
        const figures = extractFigures(text, published === null ? {} : { published });
        expect(Array.isArray(figures)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('the number reader, on any string', () => {
    fc.assert(
      fc.property(anything, (text) => {
        findNumbers(text);
        parseNumber(text);
      }),
      { numRuns: 400 },
    );
  });

  it('the sentence splitter and tagger, on any string', () => {
    fc.assert(
      fc.property(anything, (text) => {
        for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
        tagStory({ title: text, text, figures: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('figures it returns are well formed', () => {
    fc.assert(
      fc.property(newsy, (text) => {
        for (const f of extractFigures(text, { published: '2024-12-23' })) {
          expect(Number.isInteger(f.value) && f.value > 0).toBe(true);
          if (f.valueHigh !== undefined) expect(f.valueHigh).toBeGreaterThan(f.value);
          expect(['KP', 'RU']).toContain(f.side);
        }
      }),
      { numRuns: 300 },
    );
  });
});
