/**
 * English rules from the natural errors of the dev split, read in session 15. Every sentence
 * here is our own.
 */
import { describe, expect, it } from 'vitest';
import { brief, readerFor } from './pack-reading.ts';

const read = readerFor('2025-03-01', 'Test story');

describe('what a number counts', () => {
  it('reads a quoted noun after the number as what it counts ("7,000 “trash balloons”")', () => {
    expect(
      read('en', 'Pyongyang has floated more than 7,000 “trash balloons” across the border.'),
    ).toEqual([]);
    expect(read('en', 'North Korea sent over 7,000 ‘balloons’ south, Seoul said.')).toEqual([]);
    // A unit in quotes is still the unit.
    expect(
      brief(read('en', 'North Korea has sent 3,000 “soldiers” to Russia, Kyiv said.')),
    ).toEqual(['deployed/troops 3000']);
  });

  it('reads no soldiers in "10 bereaved family members" beside a word of loss', () => {
    expect(
      read(
        'en',
        'North Korean troops died in Kursk. About 12 bereaved family members attended the casualty notice ceremony.',
      ),
    ).toEqual([]);
    // A participle before a unit still reads the unit.
    expect(
      brief(
        read('en', 'North Korean troops died in Kursk. Some 3,000 injured troops were evacuated.'),
      ),
    ).toEqual(['wounded/troops 3000']);
  });

  it('reads "mine-clearance personnel" as deminers', () => {
    expect(
      brief(read('en', 'Pyongyang promised to send 800 mine-clearance personnel to Kursk.')),
    ).toEqual(['deployed/deminers 800']);
  });

  it('reads a bare number that "appears" to have been sent as the materiel named before', () => {
    const f = read(
      'en',
      'Russia fired North Korean ballistic missiles at Kharkiv. "So far, fewer than 40 appear to have been shipped to Russia," the newspaper said.',
    );
    expect(brief(f)).toEqual(['supplied/missiles 40']);
  });
});

describe('totals of other things', () => {
  it('reads no troops in a total of railcars ("freight wagons, totaling up to 60")', () => {
    expect(
      read(
        'en',
        "Satellite images of North Korea's border rail yard at Russia's border captured on May 3 showed many freight wagons, totaling up to 60, as well as containers, the think tank said.",
      ),
    ).toEqual([]);
    expect(
      brief(
        read('en', 'North Korea sent more troops to Russia, totaling about 3,000, Seoul said.'),
      ),
    ).toEqual(['deployed/troops 3000']);
  });
});

describe('parts of other groups', () => {
  it('reads no North Korean count in "killing eight of their allies"', () => {
    expect(
      read(
        'en',
        "North Korean troops fired at a Chechen unit in Kursk, killing seven of their allies, according to Ukraine's military intelligence.",
      ),
    ).toEqual([]);
  });
});

describe('presence', () => {
  it('reads troops "inside of Russia" as deployed', () => {
    const f = read(
      'en',
      'The spokesman said there could be 9,000 to 10,000 North Korean troops inside of Russia.',
    );
    expect(brief(f)).toEqual(['deployed/troops 9000-10000']);
  });
});

describe('losses and envoys', () => {
  it('reads "died or been injured", quoted or not, as casualties', () => {
    expect(
      brief(
        read(
          'en',
          'About 3,500 North Koreans have died or been injured since December, Zelensky said.',
        ),
      ),
    ).toEqual(['casualties/troops 3500']);
    expect(
      brief(
        read(
          'en',
          'Zelensky said some 3,200 of the roughly 11,000 North Korean soldiers deployed had “died or been injured” in Kursk.',
        ),
      ),
    ).toEqual(['casualties/troops 3200', 'deployed/troops 11000']);
  });

  it("credits the envoy, not the country he is posted to ('ambassador to South Korea')", () => {
    const named = read(
      'en',
      "Olena Marchuk, Ukraine's ambassador to South Korea, told reporters that the number could reach 14,000 North Korean troops in Russia.",
    );
    expect(named.map((f) => f.claimant)).toEqual(['Olena Marchuk']);
    const post = read(
      'en',
      "Ukraine's ambassador to Japan said that 14,000 North Korean troops are in Russia.",
    );
    expect(post.map((f) => f.claimantCountry)).toEqual(['UA']);
  });
});

describe('a relative clause on the counted people', () => {
  it('reads the verb past a long "who …" clause ("troops who have been fighting in … have been killed")', () => {
    expect(
      brief(
        read(
          'en',
          'Some 900 North Korean troops who have been fighting in the Kursk region of western Russia have been killed, officials said.',
        ),
      ),
    ).toEqual(['killed/troops 900']);
  });
});

describe('wholes, presence and titles', () => {
  it('reads the whole a fraction is taken of behind a possessive ("a third of North Korea\'s 11,000 troops")', () => {
    expect(
      brief(
        read(
          'en',
          "North Korean troops fight in Kursk. More than a third of North Korea's 12,000 troops have been killed or wounded.",
        ),
      ),
    ).toEqual(['deployed/troops 12000']);
  });

  it('reads troops "operating" somewhere as there, and "the Ukraine President" as Zelensky', () => {
    expect(
      brief(read('en', 'Some 10,000 North Korean soldiers are operating inside Russian units.')),
    ).toEqual(['deployed/troops 10000']);
    const f = read(
      'en',
      'Last month the Ukraine President said two North Korean soldiers were captured.',
    );
    expect(f.map((x) => x.claimant)).toEqual(['Volodymyr Zelensky']);
  });
});
