/**
 * English rules from the natural errors of the dev split, read in session 16. Every sentence
 * here is our own.
 */
import { describe, expect, it } from 'vitest';
import { brief, only, readerFor } from './pack-reading.ts';

const read = readerFor('2025-03-01', 'Test story');
/** Stories whose title names North Korea's troops, for sentences that leave the topic to it. */
const story = readerFor('2025-03-01', 'North Korean troops in Russia');

describe('who gives a figure', () => {
  it('credits the lead to whom the next sentence says "shared the assessment"', () => {
    const f = only(
      read(
        'en',
        'North Korea has sent about 4,000 containers of munitions to Russia since last summer. Japanese Defense Minister Taro Kono shared the assessment at a briefing on Monday.',
      ),
    );
    expect(f.claimant).toBe('Taro Kono');
  });

  it('credits the body "identifying" the count', () => {
    const f = only(
      read(
        'en',
        'Several governments condemned the deployment, with Ukraine identifying four North Korean generals among the troops in Russia.',
      ),
    );
    expect([f.metric, f.unit, f.value, f.claimant]).toEqual(['deployed', 'generals', 4, 'Ukraine']);
  });
});

describe('numbers that are no figure', () => {
  it('reads no containers in "container ships" and no figure in a ship\'s IMO number', () => {
    expect(
      read('en', 'Three container ships carried North Korean munitions to Russia, Kyiv said.'),
    ).toEqual([]);
    const f = only(
      read(
        'en',
        'The freighter Sea Crane (IMO: 9234567) has delivered about 250 containers of North Korean munitions to Russia, Kyiv said.',
      ),
    );
    expect([f.unit, f.value]).toEqual(['containers', 250]);
  });

  it('reads "hand over two prisoners" as two, not more than two', () => {
    const f = only(
      read(
        'en',
        'Kyiv is ready to hand over two captured North Korean soldiers to Seoul, the president said.',
      ),
    );
    expect([f.metric, f.value, f.qualifier]).toEqual(['captured', 2, 'exact']);
  });
});

describe('who gives a figure (posts)', () => {
  it('credits the envoy by name, without the country of his post', () => {
    const f = only(
      read(
        'en',
        "Kyiv holds two captured North Korean soldiers. This was stated by Ukraine's Ambassador to South Korea Ivan Petrenko in an interview.",
      ),
    );
    expect(f.claimant).toBe('Ivan Petrenko');
  });
});

describe('who gives a figure (lists of countries)', () => {
  it('credits a list of countries after an opening phrase and before "all said"', () => {
    const f = only(
      read(
        'en',
        'Last spring, the U.S., Britain and Ukraine all said that North Korea had sent 9,000 of its troops to Russia.',
      ),
    );
    expect(f.claimant).toBe('U.S., Britain and Ukraine');
  });

  it('credits the countries whose reports it was, with an Oxford comma', () => {
    const f = only(
      read(
        'en',
        'Intelligence reports from the United States, Britain, and Ukraine suggest that up to 9,000 North Korean soldiers have been sent to Russia.',
      ),
    );
    expect(f.claimant).toBe('United States, Britain, and Ukraine');
    // "according to" such a list ends before the sentence's full stop.
    const g = only(
      read(
        'en',
        'Up to 9,000 North Korean soldiers have been sent to Russia, according to reports from the United States, Britain, and Ukraine.',
      ),
    );
    expect(g.claimant).toBe('United States, Britain, and Ukraine');
  });

  it('credits a body "in stating" the count', () => {
    const f = only(
      read(
        'en',
        'On Monday it was the British defence ministry that was most precise in stating that 400 North Korean soldiers had died.',
      ),
    );
    expect(f.claimant).toBe('UK Ministry of Defence');
  });
});

describe('parts and wholes', () => {
  it('reads "N soldiers out of a total of M were killed" as N killed of M deployed', () => {
    const figures = read(
      'en',
      'Kyiv said that 3,000 North Korean soldiers out of a total of 9,000 were killed.',
    );
    expect(brief(figures).sort()).toEqual(['deployed/troops 9000', 'killed/troops 3000']);
    expect(
      brief(
        read('en', 'Kyiv said that 3,000 out of 9,000 North Korean soldiers were killed.'),
      ).sort(),
    ).toEqual(['deployed/troops 9000', 'killed/troops 3000']);
  });

  it('reads a participle of deploying between the number and its noun ("the 9,000 deployed soldiers")', () => {
    const figures = read(
      'en',
      'About 500 of the 9,000 deployed North Korean soldiers died, Kyiv said.',
    );
    expect(brief(figures).sort()).toEqual(['deployed/troops 9000', 'killed/troops 500']);
    expect(
      brief(read('en', 'Seoul says 9,000 deployed soldiers from North Korea are in Russia.')),
    ).toEqual(['deployed/troops 9000']);
  });

  it('reads "eliminate" in a headline as killing', () => {
    expect(
      brief(read('en', 'Ukrainian forces eliminate 17 North Korean fighters in Kursk')),
    ).toEqual(['killed/troops 17']);
  });
});

describe('workers and parts', () => {
  it('reads migrant workers, and citizens a state sends abroad, as workers', () => {
    expect(
      brief(read('en', 'North Korea has sent about 14 000 migrant workers to Russia.')),
    ).toEqual(['deployed/workers 14000']);
    const f = only(
      read(
        'en',
        "According to Japan's public broadcaster, NHK, North Korea may send as many as 20,000 citizens to Russia.",
      ),
    );
    expect([f.unit, f.value, f.qualifier, f.claimant]).toEqual(['workers', 20000, 'up_to', 'NHK']);
  });

  it('gives a part after "including" the whole\'s metric, past "from North Korea"', () => {
    const figures = story(
      'en',
      'The strike killed 30 soldiers, including five officers from North Korea, Kyiv said.',
    );
    expect(brief(figures)).toEqual(['killed/troops 30', 'killed/officers 5']);
  });
});

describe('who gives a figure (institutions)', () => {
  it('credits the ministry a named minister speaks for ("according to Shin\'s ministry")', () => {
    const figures = read(
      'en',
      "South Korean Defense Minister Shin Won-sik spoke on Monday. Since August, Pyongyang has sent about 5,000 containers to Russia, according to Shin's ministry.",
    );
    expect(only(figures).claimant).toBe('South Korea Ministry of National Defense');
  });

  it('knows the National Resistance Center under its spellings', () => {
    const f = only(
      read(
        'en',
        "Ukraine's Center of National Resistance said 2,500 North Korean soldiers had arrived in Russia.",
      ),
    );
    expect(f.claimant).toBe('National Resistance Center');
  });
});

describe('ranges written with a tilde', () => {
  it('reads "6~20 miles" and "6⁓20 miles" as a distance, not a count', () => {
    const casualtyStory = readerFor(
      '2025-03-01',
      'North Korean casualties: Kyiv 3,000, Seoul 2,000',
    );
    for (const joiner of ['~', '\u2053']) {
      const figures = casualtyStory(
        'en',
        `The gap in North Korean casualties near Sumy was 3,000 for Kyiv and 2,000 for Seoul.\n\nThe New York Times, which covered the fierce battle for Sumy, 6${joiner}20 miles inside the Russian border where the worst battle took place, reported on the 13th that President Zelensky spoke to European leaders.`,
      );
      expect(brief(figures), joiner).toEqual(['casualties/troops 3000', 'casualties/troops 2000']);
    }
  });
});

describe('troops contributed and reinforcements', () => {
  it('reads troops a state contributes, and reinforcements, as sent', () => {
    expect(
      brief(
        story('en', 'Shoigu said North Korea would contribute 2,000 personnel for mine clearance.'),
      ),
    ).toEqual(['deployed/deminers 2000']);
    expect(
      brief(
        story(
          'en',
          'Kyiv estimates that 13,000 DPRK troops were sent, including 2,000 reinforcements.',
        ),
      ),
    ).toEqual(['deployed/troops 13000', 'deployed/troops 2000']);
  });
});

describe('who gives a figure (clauses and briefings)', () => {
  it('reads the subject of a clause after ", and" without the conjunction', () => {
    const figures = story(
      'en',
      'North Korea has sent about 9,000 soldiers to Russia, and the Joint Chiefs assessed that around 3,000 of them have been killed or injured.',
    );
    expect(figures.find((f) => f.value === 3000)?.claimant).toBe(
      'South Korea Joint Chiefs of Staff',
    );
    const other = story(
      'en',
      'North Korea has sent 9,000 soldiers to Russia, and the Ruritanian ministry assessed that 3,000 of them have been killed.',
    );
    expect(other.find((f) => f.value === 3000)?.claimant).toBe('Ruritanian ministry');
  });

  it('credits the spy agency for what lawmakers say "citing intelligence"', () => {
    const f = only(
      read(
        'en',
        'South Korean lawmakers, citing intelligence, stated that the DPRK had lost approximately 4,200 soldiers.',
      ),
    );
    expect(f.claimant).toBe('South Korea National Intelligence Service');
  });
});

describe('wholes opened by "out of"', () => {
  it('reads "out of 14,000 fighters, … lost 4,100" as 14,000 deployed', () => {
    expect(
      brief(
        story('en', 'Lawmakers said that, out of 14,000 fighters, the DPRK had lost about 4,100.'),
      ),
    ).toEqual(['deployed/troops 14000', 'casualties/troops 4100']);
    // A participle right after the whole's noun says what befell it.
    const killed = story(
      'en',
      'Kyiv said that out of more than 30 soldiers killed in the strike, five were North Korean officers.',
    );
    expect(killed.find((f) => f.value === 30)?.metric).toBe('killed');
  });
});
