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

describe('a loss noun whose "of" takes the number', () => {
  it('counts the loss, though a participle after the noun says which soldiers', () => {
    expect(
      brief(read('Officials confirmed the deaths of 1,000 North Korean soldiers sent to Russia.')),
    ).toEqual([[1000, 'killed']]);
  });
});

describe('a participle before a plural noun that is no unit', () => {
  it('describes that noun, which is what the number counts', () => {
    expect(
      read(
        'North Korean troops are in Russia. There have been a total of five observed trips between the two ports since August, the institute said.',
      ),
    ).toEqual([]);
  });

  it('still leaves a bare number with a participle of its own, and a loss noun', () => {
    expect(
      brief(read('About 3,000 North Koreans killed this week are mourned in Pyongyang.')),
    ).toEqual([[3000, 'killed']]);
    expect(
      brief(
        read(
          'The NIS said North Korea has incurred 4,700 casualties, including 600 confirmed deaths.',
        ),
      ),
    ).toEqual([
      [4700, 'casualties'],
      [600, 'killed'],
    ]);
  });
});

describe("Ukraine's forces as the subject of their own losses", () => {
  it('are no North Korean toll', () => {
    expect(
      read(
        'North Korean troops fought in Kursk. According to the Russian general staff, the Ukrainian military suffered over 36,000 casualties during the offensive.',
      ),
    ).toEqual([]);
  });

  it('still count the North Koreans they killed', () => {
    expect(
      brief(read('North Korean troops fought in Kursk. Ukrainian forces have killed 300 of them.')),
    ).toEqual([[300, 'killed']]);
  });
});

describe('a word an editor bracketed in between the number and its noun', () => {
  it('belongs to the noun', () => {
    expect(
      read(
        'North Korea has shipped to Russia more than 400,000 (artillery) rounds, the minister said.',
      ).map((f) => [f.value, f.unit]),
    ).toEqual([[400000, 'shells']]);
    expect(
      read(
        'North Korea has shipped 5,000 containers to Russia. “If you convert them into 122mm ammunition, that is more than 400,000 (artillery) rounds,” the minister said.',
      ).map((f) => [f.value, f.unit]),
    ).toEqual([
      [5000, 'containers'],
      [400000, 'shells'],
    ]);
  });
});
