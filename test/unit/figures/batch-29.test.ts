/**
 * Rules from the natural errors of the dev halves, read in session 24 (all languages). Every
 * sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('what is no figure', () => {
  it('reads no figure in a report an official says cannot be confirmed ("확인 불가")', () => {
    const figures = story(
      'ko',
      '미 국무부 대변인은 3일 브리핑에서 북한군 300명이 폭격으로 숨졌다는 보도에 대해 "확인 불가"라고 말했다.',
    );
    expect(figures.map((f) => f.value)).not.toContain(300);
  });

  it('reads no figure in a report an official "has nothing to confirm" about', () => {
    const figures = story(
      'ko',
      '국방부는 북한군 70명이 포로로 잡혔다는 보도에 대해 "하나하나 확인해 드릴 사안은 없다"고 했다.',
    );
    expect(figures.map((f) => f.value)).not.toContain(70);
  });
});
