import { describe, expect, it } from 'vitest';
import { brief, readerFor } from './pack-reading.ts';

// Pack rules of session 18, from the dev half of batch 2027-01-12. Every sentence below is our own.

const read = readerFor('2025-01-15');

describe('German', () => {
  it('reads a bare number joined by "und" to the next as counting its noun, and its side', () => {
    const figures = read(
      'de',
      'Eine Einheit der Spezialkräfte der ukrainischen Armee meldete 30 getötete und 25 verletzte nordkoreanische Soldaten.',
    );
    expect(brief(figures)).toEqual(['killed/troops 30', 'wounded/troops 25']);
    expect(figures.map((f) => f.claimant)).toEqual([
      'Ukraine Special Operations Forces',
      'Ukraine Special Operations Forces',
    ]);
  });

  it('takes soldiers "versammelt" (assembled) somewhere as deployed', () => {
    expect(
      brief(
        read(
          'de',
          'Ein ukrainischer Beamter sagte, bis Freitag würden bis zu dreitausend nordkoreanische Soldaten versammelt sein.',
        ),
      ),
    ).toEqual(['deployed/troops 3000']);
  });
});

describe('Korean', () => {
  it('knows the Ukrainian army by its short name too ("우크라군은 … 주장했다")', () => {
    const figures = read(
      'ko',
      '영상을 공개한 우크라군은 북한군 30명이 숨지고 최소 25명이 다쳤다고 주장했다.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['killed', 30, 'Ukraine General Staff'],
      ['wounded', 25, 'Ukraine General Staff'],
    ]);
  });
});
