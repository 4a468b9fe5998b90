/**
 * Rules from the natural errors of the dev halves, read in session 20 (all languages). Every
 * sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { only, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('who gave the figure', () => {
  it('reads an outlet named in quotes after "according to"', () => {
    expect(
      only(
        story(
          'en',
          'According to "The Washington Post," North Korea shipped about 2.4 million shells to Russia over one winter.',
        ),
      ).claimant,
    ).toBe('The Washington Post');
    expect(
      only(story('ru', 'Как пишет «РИА Новости», КНДР направила в Россию около 4200 военных.'))
        .claimant,
    ).toBe('RIA Novosti');
  });

  it('takes no source from a following sentence that names a body but says nothing', () => {
    expect(
      only(
        story(
          'de',
          'Nordkorea hat Russland seit Herbst rund 12.000 Soldaten zur Verfügung gestellt. Der NIS arbeitet seitdem eng mit der CIA zusammen.',
        ),
      ).claimant,
    ).toBe(null);
    expect(
      only(
        story(
          'uk',
          'Україна взяла у полон двох вояків КНДР. Слідчі СБУ допитують обох полонених із січня.',
        ),
      ).claimant,
    ).toBe(null);
    // One that says something still gives the figure its source.
    expect(
      only(
        story(
          'de',
          'Nordkorea hat Russland seit Herbst rund 12.000 Soldaten zur Verfügung gestellt. Der NIS teilte dies den Abgeordneten mit.',
        ),
      ).claimant,
    ).toBe('South Korea National Intelligence Service');
  });
});
