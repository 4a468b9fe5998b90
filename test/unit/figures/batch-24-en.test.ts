/**
 * English rules from the natural errors of the dev halves of batches 2027-01-18 and -19, read in
 * session 19. Every sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { brief, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('numbers that are not figures', () => {
  it('leaves out troops on North Korea’s own border with the South', () => {
    expect(
      brief(
        story(
          'en',
          'Along the fortified inter-Korean border, the North has posted up to 8,000 soldiers to lay mines and build walls, the JCS said.',
        ),
      ),
    ).toEqual([]);
    // Named beside Russia, the border does not make a deployment there a figure of home.
    expect(
      brief(
        story(
          'en',
          'While guarding the DMZ, North Korea has also sent 8,000 soldiers to Russia, the JCS said.',
        ),
      ),
    ).toEqual(['deployed/troops 8000']);
  });

  it('reads a range of two years as years', () => {
    expect(
      brief(
        story(
          'en',
          'The defector said he served as an officer in the North Korean army between 1991 and 1999.',
        ),
      ),
    ).toEqual([]);
    expect(
      brief(story('en', 'Between 1,500 and 2,000 North Korean soldiers were killed.')),
    ).toEqual(['killed/troops 1500-2000']);
  });
});

describe('who gives the figure', () => {
  it('takes "the report" for the body that reported last, past a country doing something between', () => {
    const figures = story(
      'en',
      [
        'Moscow sent an air defence system to Pyongyang, the Multilateral Sanctions Monitoring Team reported.',
        'Russia has also shared satellite data with North Korea.',
        'The report claimed that North Korea sent more than 9,000 troops to Russia last year.',
      ].join('\n\n'),
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([
      [9000, 'Multilateral Sanctions Monitoring Team'],
    ]);
  });
});

describe('more of who gives the figure, and restated counts', () => {
  it('leaves the progressive’s auxiliary out of the source’s name', () => {
    const figures = story(
      'en',
      'Biden administration officials are now saying that about 7,000 North Korean soldiers are in the Kursk region.',
    );
    expect(figures.map((f) => f.claimant)).toEqual(['Biden administration officials']);
  });

  it('reads "that number could rise to N" as the last figure’s new value', () => {
    const figures = story(
      'en',
      'About 9,000 North Korean troops are in Kursk, Ukraine says. Kyiv’s envoy to Seoul, Dmytro Ponomarenko, said that number could rise to 14,000.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toContainEqual([
      'deployed',
      14000,
      'Dmytro Ponomarenko',
    ]);
  });

  it('knows Shoigu spelled "Shoygu", and his post when the name is left out', () => {
    const figures = story(
      'en',
      [
        'Sergei Shoygu, the Secretary of the Security Council, announced that North Korea would send specialists.',
        'The security council secretary said 2,000 North Korean deminers would arrive in Kursk.',
      ].join('\n\n'),
    );
    expect(figures.map((f) => [f.unit, f.value, f.claimant])).toEqual([
      ['deminers', 2000, 'Sergei Shoigu'],
    ]);
  });
});

describe('what befell the people counted, past a reduced relative clause', () => {
  it('reads past "believed to have been sent to Russia late last year" to the verb of the toll', () => {
    expect(
      brief(
        story(
          'en',
          'Western officials estimated that around 3,500 of the 12,000 North Korean soldiers believed to have been sent to Russia late last year may have been killed, wounded, captured or gone missing.',
        ),
      ),
    ).toEqual(['casualties/troops 3500', 'deployed/troops 12000']);
  });
});

describe('materiel used, past an aside', () => {
  it('leaves out missiles the sentence says were used, with an aside between the noun and the verb', () => {
    expect(
      brief(
        story(
          'en',
          'The prosecutor said 31 missiles, possibly made in North Korea, have been used in Ukraine since the end of January.',
        ),
      ),
    ).toEqual([]);
  });
});

describe('land lost is no toll', () => {
  it('reads troops beside territory "it lost" as the force there, not as losses', () => {
    expect(
      brief(
        story(
          'en',
          'With an estimated 11,000 North Korean soldiers, Russia has won back most of the territory it lost in August.',
        ),
      ),
    ).toEqual(['deployed/troops 11000']);
  });
});

describe('soldiers who entered the territory', () => {
  it('reads "have entered the territory of Kursk" as deployed, credited to the HUR under a long name', () => {
    const figures = story(
      'en',
      'The Main Military Intelligence Department of the Armed Forces of Ukraine claims 9,000 North Korean soldiers have entered the territory of Kursk since October 25.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['deployed', 9000, 'Ukraine Main Intelligence Directorate'],
    ]);
  });
});

describe('tolls named in pairs', () => {
  it('reads "both fatalities and injuries" after the number as casualties', () => {
    expect(
      brief(
        story(
          'en',
          'Zelenskyy reported that North Korean casualties in Kursk have already surpassed 2,500, including both fatalities and injuries.',
        ),
      ),
    ).toEqual(['casualties/troops 2500']);
  });
});

describe('pronouns', () => {
  it('takes "he" for the person who opened the sentence before, not one named after him', () => {
    const figures = story(
      'en',
      [
        'Sergei K. Shoigu, a close aide to President Vladimir V. Putin, met Kim Jong-un in Pyongyang on Tuesday.',
        'Afterwards, he told reporters that Kim had agreed to send 4,000 construction workers to the Kursk region.',
      ].join('\n\n'),
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([[4000, 'Sergei Shoigu']]);
  });
});

describe('deserters', () => {
  it('reads soldiers who abandoned their posts as no figure, and a force counted apart as one', () => {
    expect(
      brief(
        story(
          'en',
          'At least 16 North Korean soldiers stationed in the Kursk and Bryansk regions have abandoned their posts, a Ukrainian broadcaster reported.',
        ),
      ),
    ).toEqual([]);
    expect(
      brief(
        story(
          'en',
          'About 11,000 North Korean soldiers are in Kursk. At least 16 of them have deserted, a Ukrainian broadcaster reported.',
        ),
      ),
    ).toEqual(['deployed/troops 11000']);
  });
});
