/**
 * English rules from the natural errors of the 2026-12-14 batch (its dev half, read after its
 * first run): an outlet gives way to the source a neighbouring sentence says announced the news,
 * and across a story a named source outranks an outlet; an indefinite description after a name
 * ("Shoigu, a close Putin aide, said") describes that person; a list of kinds of loss that share
 * a number counts casualties; a daily rate of losses counts nobody. Every sentence is invented.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import type { Figure } from '../../../shared/types.ts';

const read = (text: string): Figure[] =>
  extractFigures(`Test story\n\n${text}`, { published: '2025-03-01' });
const brief = (figures: Figure[]) =>
  figures.map((f) => [f.value, f.metric, f.unit, f.claimant] as const);

describe('who gives a figure an outlet relays', () => {
  it('credits whom the next sentence says made the announcement, not the outlet', () => {
    expect(
      brief(
        read(
          'Pyongyang will send 4,000 builders to restore the Kursk region, the New York Times reports. Russian official Sergei Shoigu made the announcement on Monday after talks in the capital.',
        ),
      ),
    ).toEqual([[4000, 'deployed', 'workers', 'Sergei Shoigu']]);
  });

  it('knows an outlet the table does not list by the words of its name', () => {
    expect(
      brief(
        read(
          'Pyongyang will send 4,000 builders to restore the Kursk region, the Korea Herald reports. Russian official Sergei Shoigu made the announcement on Monday.',
        ),
      ),
    ).toEqual([[4000, 'deployed', 'workers', 'Sergei Shoigu']]);
  });

  it('keeps the outlet when the sentence beside it gives a number of its own', () => {
    expect(
      brief(
        read(
          'Pyongyang will send 4,000 builders to restore the Kursk region, the New York Times reports. Sergei Shoigu said 900 deminers were already at work.',
        ),
      )[0],
    ).toEqual([4000, 'deployed', 'workers', 'The New York Times']);
  });

  it('keeps the occurrence a named source gives over the one an outlet gives', () => {
    const figures = read(
      'The New York Times reported that 700 North Korean soldiers had been killed.\n\nA month later Ukrainian intelligence said 700 North Korean soldiers had been killed in Kursk.',
    );
    expect(brief(figures)).toEqual([[700, 'killed', 'troops', 'Ukrainian intelligence']]);
  });

  it('reads "Name, a close Putin aide, said" as the named person', () => {
    expect(
      brief(
        read(
          'Sergei Shoigu, a close Putin aide, said North Korea would send 2,000 more workers to Russia.',
        ),
      ),
    ).toEqual([[2000, 'deployed', 'workers', 'Sergei Shoigu']]);
  });
});

describe('kinds of loss and rates', () => {
  it('counts a list of kinds of loss sharing one number as casualties', () => {
    expect(
      brief(
        read(
          'The tally of wounded, killed, missing and captured North Korean soldiers stood near 3,500, Western officials said.',
        ),
      ),
    ).toEqual([[3500, 'casualties', 'troops', 'Western officials']]);
  });

  it('still reads kinds of loss with numbers of their own apart', () => {
    expect(
      brief(read('Ukraine said 120 North Korean soldiers were killed and 340 wounded.')).map(
        (f) => f[1],
      ),
    ).toEqual(['killed', 'wounded']);
  });

  it('drops daily losses, a rate and no count of people', () => {
    expect(
      brief(
        read(
          'About 11,000 North Korean troops are in Kursk. Their daily losses run to some 80 soldiers, analysts say.',
        ),
      ).map((f) => f[0]),
    ).toEqual([11000]);
  });
});
