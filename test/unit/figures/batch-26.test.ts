/**
 * Rules from the natural errors of the dev halves, read in session 21 (all languages). Every
 * sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { only, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('who gave the figure', () => {
  it("credits the head of Ukraine's military intelligence by name, not his directorate", () => {
    expect(
      only(
        story(
          'en',
          'About 9,000 North Korean soldiers remain in Russia, says the head of the DIU.',
        ),
      ).claimant,
    ).toBe('Kyrylo Budanov');
    expect(
      only(
        story(
          'en',
          "North Korea has sent 9,000 troops to Russia, the head of Ukraine's military intelligence told reporters.",
        ),
      ).claimant,
    ).toBe('Kyrylo Budanov');
  });

  it("reads Ukraine's special operations unit as its Special Operations Forces", () => {
    expect(
      only(
        story(
          'en',
          "A clip posted by Ukraine's special operations unit shows that 40 North Korean soldiers were killed near Kursk.",
        ),
      ).claimant,
    ).toBe('Ukraine Special Operations Forces');
  });

  it('reads sources, reconnaissance and special units named by their nation in the packs', () => {
    expect(
      only(
        story(
          'de',
          'Westliche Quellen gehen davon aus, dass bereits 9.000 nordkoreanische Soldaten in Russland sind.',
        ),
      ).claimant,
    ).toBe('Western sources');
    expect(
      only(story('de', 'Südkoreanischen Quellen zufolge sind bisher 500 Nordkoreaner gefallen.'))
        .claimant,
    ).toBe('South Korean sources');
    expect(
      only(
        story(
          'de',
          'Nordkorea hat laut ukrainischer Aufklärung schon 2 Millionen Granaten nach Russland geliefert.',
        ),
      ).claimant,
    ).toBe('Ukrainian intelligence');
    expect(
      only(
        story(
          'de',
          'Ukrainische Spezialeinheiten meldeten am Montag, sie hätten 30 nordkoreanische Soldaten verletzt.',
        ),
      ).claimant,
    ).toBe('Ukraine Special Operations Forces');
    expect(
      only(
        story(
          'de',
          'Nach Berichten aus der Ukraine hat Nordkorea im Frühjahr weitere 2.000 Soldaten geschickt.',
        ),
      ).claimant,
    ).toBe('Ukraine');
    expect(
      only(story('uk', 'За даними західних джерел, КНДР перекинула до Росії ще 2 000 військових.'))
        .claimant,
    ).toBe('Western sources');
    expect(
      only(
        story(
          'ru',
          'По данным южнокорейских источников, КНДР перебросила в Россию ещё 2 000 военных.',
        ),
      ).claimant,
    ).toBe('South Korean sources');
  });
});
