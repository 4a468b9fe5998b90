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
