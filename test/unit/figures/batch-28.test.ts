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

describe('numbers that are no count', () => {
  it('reads no count in a Korean number the sentence calls impossible', () => {
    const figures = story(
      'ko',
      '한 전문가는 "북한이 병력 8만명을 러시아로 보내는 건 현실적으로 불가능하다"고 말했다.',
    );
    expect(figures.find((f) => f.value === 80000)).toBeUndefined();
  });

  it('still counts losses called irreparable', () => {
    const figures = story(
      'ko',
      '우크라이나 정보총국은 북한군에 회복 불가능한 손실을 입혔으며 북한군 전사자가 300명에 이른다고 밝혔다.',
    );
    expect(find(figures, 300).metric).toBe('killed');
  });
});
