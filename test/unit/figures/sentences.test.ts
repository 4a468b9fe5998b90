import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../shared/figures/sentences.ts';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  // Paragraphs in the project's words built on news habits (titles, initialisms, "p.m.", quotes
  // that end a sentence); ` || ` marks each sentence end. bench/nlp-libraries.ts scores wink-nlp
  // and compromise on the same file.
  const splits = readFileSync(
    join(import.meta.dirname, '..', '..', 'fixtures', 'sentences', 'news-splits.txt'),
    'utf8',
  )
    .trim()
    .split('\n');
  it.each(splits)('splits news copy as written: %s', (line) => {
    const want = line.split(' || ');
    expect(texts(want.join(' '))).toEqual(want);
  });

  it('ends a sentence at a full stop inside a closing quote', () => {
    expect(texts('He wrote: "Our forces took two prisoners." Both were hurt.')).toEqual([
      'He wrote: "Our forces took two prisoners."',
      'Both were hurt.',
    ]);
  });

  it('does not split after titles and months', () => {
    expect(
      texts(
        "Kyiv's top commander, Gen. Oleksandr Syrskyi, spoke. Lt. Col. Park said so on Dec. 19.",
      ),
    ).toEqual([
      "Kyiv's top commander, Gen. Oleksandr Syrskyi, spoke.",
      'Lt. Col. Park said so on Dec. 19.',
    ]);
  });

  it('joins "U.S." and "No." to what follows, but not before a new sentence', () => {
    expect(
      texts(
        'The U.S. Department of Defense said so. The No. 1 issue is drones. He met the U.S. The talks ended.',
      ),
    ).toEqual([
      'The U.S. Department of Defense said so.',
      'The No. 1 issue is drones.',
      'He met the U.S.',
      'The talks ended.',
    ]);
  });

  it('keeps abbreviated hedges in their sentence', () => {
    expect(texts('It sent approx. 10,000 troops. Mr. Kim agreed.')).toEqual([
      'It sent approx. 10,000 troops.',
      'Mr. Kim agreed.',
    ]);
  });

  it('numbers paragraphs by line and joins hard-wrapped lines', () => {
    const s = splitSentences(
      'Title line\n\nFirst sentence here. Second one\nwraps here.\nNew paragraph.',
    );
    expect(s.map((x) => [x.text, x.paragraph])).toEqual([
      ['Title line', 0],
      ['First sentence here.', 1],
      ['Second one\nwraps here.', 1],
      ['New paragraph.', 2],
    ]);
  });

  it('gives offsets into the original text', () => {
    const text = '  One. Two.';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('ends a sentence whose space after the stop was lost in scraping', () => {
    expect(texts('Boats carried the crates from Rason.A navy officer confirmed it.')).toEqual([
      'Boats carried the crates from Rason.',
      'A navy officer confirmed it.',
    ]);
    // Names with a dot, abbreviations and addresses stay whole.
    expect(texts('The site Caliber.Az, citing U.S.Army sources, linked news.example.org.')).toEqual(
      ['The site Caliber.Az, citing U.S.Army sources, linked news.example.org.'],
    );
  });

  it('returns nothing for empty text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n ')).toEqual([]);
  });
});
