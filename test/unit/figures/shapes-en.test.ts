/**
 * Shapes of English figures probed with invented sentences (not taken from any stored article):
 * each case is one shape the reader got wrong before.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import type { Figure } from '../../../shared/types.ts';

const read = (text: string): Figure[] =>
  extractFigures(`Test story\n\n${text}`, { published: '2025-03-01' });
const brief = (figures: Figure[]) => figures.map((f) => [f.value, f.metric] as const);

describe('a ratio', () => {
  it('is no count, on either side', () => {
    expect(
      read('Nearly one in four North Korean soldiers has been wounded, the NIS said.'),
    ).toEqual([]);
    expect(read('Two out of five North Korean soldiers were killed, the NIS said.')).toEqual([]);
  });

  it('takes a part of the whole it is of, which stays a deployment', () => {
    expect(
      brief(
        read(
          'About one in four of the 13,000 North Korean troops has been killed or wounded, the NIS said.',
        ),
      ),
    ).toEqual([[13000, 'deployed']]);
  });

  it('is not read into a count of days', () => {
    expect(
      brief(
        read('The SSO said it had killed 52 North Korean soldiers and wounded 31 in two days.'),
      ),
    ).toEqual([
      [52, 'killed'],
      [31, 'wounded'],
    ]);
  });
});

describe('words for the dead and the wounded', () => {
  it('reads "perished" and "gave their lives" as killed', () => {
    expect(brief(read('Around 900 North Korean soldiers have perished, the NIS said.'))).toEqual([
      [900, 'killed'],
    ]);
    expect(
      brief(read('Some 250 North Korean soldiers gave their lives near Sudzha, the NIS said.')),
    ).toEqual([[250, 'killed']]);
  });

  it('reads "were hospitalised" as wounded', () => {
    expect(
      brief(read('About 60 North Korean soldiers were hospitalised in Moscow, the NIS said.')),
    ).toEqual([[60, 'wounded']]);
  });
});

describe('those still in the field', () => {
  it('are a deployment, not the losses named before them', () => {
    expect(
      brief(
        read(
          'North Korea has suffered some 3,000 casualties, yet about 9,000 are still operational, the NIS said.',
        ),
      ),
    ).toEqual([
      [3000, 'casualties'],
      [9000, 'deployed'],
    ]);
  });
});

describe('a change of a count', () => {
  it('keeps the new total and drops the amount of the change', () => {
    expect(
      brief(
        read('The number of North Korean troops in Russia rose by 2,000 to 14,000, the NIS said.'),
      ),
    ).toEqual([[14000, 'deployed']]);
  });

  it('is no figure when only the amount is given', () => {
    expect(
      read('The North Korean contingent has shrunk by 3,000 since March, the NIS said.'),
    ).toEqual([]);
  });
});

describe('ages', () => {
  it('are no count, every age of a list', () => {
    expect(
      brief(read('Two North Korean soldiers aged 19 and 27 were captured in Kursk, the SBU said.')),
    ).toEqual([[2, 'captured']]);
  });
});

describe('a number under a condition or called false', () => {
  it('is no figure', () => {
    expect(
      read(
        'North Korea is helping Russia. If North Korea sent 90,000 troops, the war would change, analysts said.',
      ),
    ).toEqual([]);
    expect(
      read(
        'North Korea is helping Russia. Reports of 90,000 North Korean troops are false, the Kremlin said.',
      ),
    ).toEqual([]);
  });
});
