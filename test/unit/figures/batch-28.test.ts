/**
 * Rules from the natural errors of the dev halves, read in session 23 (all languages). Every
 * sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { find, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('who gave the figure', () => {
  it('credits the person who "announced the news" of the sentence before', () => {
    const figures = story(
      'en',
      'Ukrainian troops have taken two North Korean soldiers prisoner near Kursk, a first in the war. President Volodymyr Zelensky announced the news on Sunday, sharing photographs of the men.',
    );
    expect(find(figures, 2).claimant).toBe('Volodymyr Zelensky');
  });
});
