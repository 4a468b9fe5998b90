/**
 * Rules from the natural errors of the dev halves, read in session 22 (all languages). Every
 * sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { find, only, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('who gave the figure', () => {
  it('credits the source a headline names before its quote', () => {
    const figures = story(
      'en',
      'NIS “2,400 North Korean special forces arrive in Khabarovsk and head to the front… 9,000 troops to be sent”',
    );
    expect(find(figures, 2400).claimant).toBe('South Korea National Intelligence Service');
    expect(find(figures, 9000).claimant).toBe('South Korea National Intelligence Service');
  });

  it("reads Ukraine's own transliteration of its president's name", () => {
    expect(
      only(story('en', 'Zelenskyi: about 2,300 North Korean soldiers were wounded near Sudzha'))
        .claimant,
    ).toBe('Volodymyr Zelensky');
  });
});
