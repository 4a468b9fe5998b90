/**
 * English rules from the natural errors of the dev halves of batches 2027-01-12 to -15, read in
 * session 18.
 * Every sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/index.ts';
import { brief, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('what befell the people counted', () => {
  it('reads past a relative clause on the noun to the verb that says what happened to them', () => {
    expect(
      brief(
        story(
          'en',
          'Seoul’s spy agency said in March that roughly 600 North Korean soldiers who were sent to Kursk have died.',
        ),
      ),
    ).toEqual(['killed/troops 600']);
    expect(
      brief(
        story(
          'en',
          'Allied officials told reporters that at least 2,000 of the 12,000 men that Pyongyang had dispatched had been killed by spring.',
        ),
      ),
    ).toEqual(['killed/troops 2000', 'deployed/troops 12000']);
  });

  it('keeps a deployment when the verb after the relative clause says nothing befell them', () => {
    expect(
      brief(
        story(
          'en',
          'Seoul’s spy agency said that about 600 North Korean soldiers who were sent to Kursk have already been trained on drones.',
        ),
      ),
    ).toEqual(['deployed/troops 600']);
  });
});

describe('who gives a figure', () => {
  it('credits "the statement further claimed" to whoever issued the statement before it', () => {
    const figures = story(
      'en',
      "A statement by Ukraine's military intelligence (HUR) on Telegram said on Sunday that at least 40 North Korean soldiers were killed near two villages by the country's drone units.\n\nThe statement further claimed that at least five North Korean servicemen went missing near Sudzha.",
    );
    const missing = figures.find((f) => f.metric === 'missing');
    expect([missing?.value, missing?.claimant]).toEqual([
      5,
      'Ukraine Main Intelligence Directorate',
    ]);
  });

  it('credits "the ambassador" to the envoy the story named by surname only', () => {
    const figures = story(
      'en',
      'Ponomarenko said the two prisoners were being treated well.\nAccording to Seoul, Pyongyang sent more than 11,000 soldiers to Russia.\nThe ambassador confirmed heavy losses among the North Korean contingent, with about 3,500 killed or wounded so far.',
    );
    const toll = figures.find((f) => f.metric === 'casualties');
    expect([toll?.value, toll?.claimant]).toEqual([3500, 'Dmytro Ponomarenko']);
  });
});

describe('outlets', () => {
  it('reads an outlet named after its verb ("…, reports Financial Times.", "…, says CNN.")', () => {
    expect(
      story(
        'en',
        'Russia has moved about 2,500 North Korean soldiers to the Kursk region, some 40 kilometres from the border, reports Financial Times.',
      )[0]?.claimant,
    ).toBe('Financial Times');
    expect(
      story('en', 'Pyongyang has sent about 2,500 soldiers to the Kursk region, says CNN.')[0]
        ?.claimant,
    ).toBe('CNN');
  });

  it('prefers the source an outlet cites in a later paragraph, who says the soldiers were transported', () => {
    const figures = story(
      'en',
      'Russia has moved about 2,500 North Korean soldiers to the Kursk region, reports Financial Times.\n\nThe paper cites Ukrainian intelligence sources who say about 2,500 North Korean soldiers were secretly transported in civilian trucks from the Far East.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['deployed', 2500, 'Ukrainian intelligence'],
    ]);
  });

  // Guards for the two rules above: a known outlet is an outlet, not a body of its own name.
  it('ranks a known outlet below a person who gives the same figure', () => {
    const figures = story(
      'en',
      'The one million shells North Korea sent to Russia are mostly duds, former commander Yevhen Dykyi told Radio NV.\n\nNorth Korea sent more than one million artillery shells to Russia, reported Bloomberg.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['supplied', 1000000, 'Yevhen Dykyi'],
    ]);
  });

  it('keeps the outlet of its own sentence over a source that assessed something else just before', () => {
    const figures = story(
      'en',
      'North Korea may send up to 25,000 more troops to Russia. Ukrainian intelligence has assessed that these soldiers could arrive within months. They would join the 11,000 North Korean troops sent last November, per CNN.',
    );
    expect(figures.find((f) => f.value === 11000)?.claimant).toBe('CNN');
  });
});

describe('who the people counted are', () => {
  it('counts North Koreans right after a line about workers as workers', () => {
    expect(
      brief(
        story(
          'en',
          'North Korean construction workers keep arriving in the Russian Far East, a newspaper reports. About 12,000 North Koreans have been sent there this year, according to the NIS.',
        ),
      ),
    ).toEqual(['deployed/workers 12000']);
  });

  it('keeps them soldiers when that line names soldiers too', () => {
    expect(
      brief(
        story(
          'en',
          'North Korea sends both workers and soldiers to Russia, a newspaper reports. About 12,000 North Koreans have been sent there this year, according to the NIS.',
        ),
      ),
    ).toEqual(['deployed/troops 12000']);
  });
});

describe('growth by a number', () => {
  it('reads "has risen by about 2,000" as an increment of that many, beside the new total', () => {
    const figures = story(
      'en',
      'The number of North Korean troops in the Kursk region has risen by about 1,500, the Pentagon said on Monday, bringing the total there to some 9,000.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.increment ?? false])).toEqual([
      ['deployed', 1500, true],
      ['deployed', 9000, false],
    ]);
  });

  it('still takes a shrinking by a number for no figure', () => {
    expect(
      brief(
        story('en', 'The North Korean contingent in Kursk has shrunk by 2,000, the Pentagon said.'),
      ),
    ).toEqual([]);
  });
});

describe('names that are no source', () => {
  it('takes no source from a possessive ("Vladimir Putin\'s war effort")', () => {
    const figures = story(
      'en',
      "Pyongyang sent roughly 12,000 soldiers to help with Vladimir Putin's war effort last autumn.",
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([[12000, null]]);
  });
});

describe("Russia's own losses", () => {
  it('leaves out a daily rate and a toll of the whole war', () => {
    expect(
      brief(
        story(
          'en',
          "That comes on top of more than 1,200 Russian soldiers killed or wounded every day, according to Britain's defence ministry.",
        ),
      ),
    ).toEqual([]);
    expect(
      brief(
        story(
          'en',
          "Kyiv reported Russia's deadliest day of the war, with 1,650 Russian soldiers killed or wounded.",
        ),
      ),
    ).toEqual([]);
  });
});

describe('an outlet closing the next sentence', () => {
  it('gives the lead the source that outlet relays ("…, X said, as reported by France Presse.")', () => {
    const figures = story(
      'en',
      'North Korea has sent a first group of 1,200 special forces soldiers to the Russian Far East. More will follow soon, South Korean intelligence said on Friday, as reported by France Presse.',
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([
      [1200, 'South Korean intelligence'],
    ]);
  });
});

describe('forces', () => {
  it('counts "DPRK forces" as troops', () => {
    const figures = story(
      'en',
      '"We believe there are now at least 9,000 DPRK forces in the Kursk Oblast," spokesman Pat Ryder told reporters.',
    );
    expect(figures.map((f) => [f.metric, f.unit, f.value, f.claimant])).toEqual([
      ['deployed', 'troops', 9000, 'Patrick Ryder'],
    ]);
  });
});

describe('losses the counted people suffered', () => {
  it('counts the force, not the losses, when the losses have no number of their own', () => {
    expect(
      brief(
        story(
          'en',
          'Zelensky said in December that 12,000 North Korean troops were in the Kursk region and had already sustained heavy losses.',
        ),
      ),
    ).toEqual(['deployed/troops 12000']);
    expect(
      brief(story('en', 'Zelensky said 3,000 North Korean troops had been killed or wounded.')),
    ).toEqual(['casualties/troops 3000']);
  });
});

describe('small words around a number', () => {
  it('reads "had taken two North Koreans prisoner" as a capture', () => {
    expect(
      brief(
        story(
          'en',
          'Zelensky said on Sunday that Ukraine had taken three North Koreans prisoner in Kursk.',
        ),
      ),
    ).toEqual(['captured/troops 3']);
  });

  it('takes no count from "the 11-country monitoring team"', () => {
    expect(
      brief(
        story(
          'en',
          'North Korea has sent some 13,000 troops to Russia, according to a report from the 11-country Multilateral Sanctions Monitoring Team.',
        ),
      ),
    ).toEqual(['deployed/troops 13000']);
  });
});

describe('a fraction of a whole', () => {
  it("keeps the participle right after the whole's noun as what befell it", () => {
    expect(
      brief(
        story(
          'en',
          'The ceremony honoured only a fraction of the roughly 500 North Korean troops killed in the Kursk fighting.',
        ),
      ),
    ).toEqual(['killed/troops 500']);
    expect(
      brief(
        story('en', 'Two-thirds of the 9,000 North Korean soldiers were wounded, the NIS said.'),
      ),
    ).toEqual(['deployed/troops 9000']);
  });
});

describe('numbers inside names', () => {
  it('takes no count from a small number closing a name ("Local News 8")', () => {
    expect(
      brief(
        story(
          'en',
          'North Korean troops remain in Kursk.\n\nKXYZ Local News 8 is committed to providing a forum for civil conversation.',
        ),
      ),
    ).toEqual([]);
  });
});

describe('a new value for a figure already named', () => {
  it('reads "has increased to N" and "put the figure at N" as the last figure\'s kind', () => {
    const figures = story(
      'en',
      'Washington has estimated that about 9,000 North Korean troops are in Russia. Seoul assessed that this has increased to 10,500, while Kyiv has put the figure higher, at up to 13,000.',
    );
    expect(figures.map((f) => [f.metric, f.unit, f.value, f.claimant])).toEqual([
      ['deployed', 'troops', 9000, 'United States'],
      ['deployed', 'troops', 10500, 'South Korea'],
      ['deployed', 'troops', 13000, 'Ukraine'],
    ]);
  });
});

describe('who revises a figure', () => {
  it('reads "X upped that number to N" as X giving a new value of the last figure', () => {
    const figures = story(
      'en',
      'Blinken said 7,000 North Korean troops were in Kursk. On Monday, President Zelensky upped that number to 10,000, per the Kyiv Independent.',
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([
      [7000, 'Antony Blinken'],
      [10000, 'Volodymyr Zelensky'],
    ]);
  });
});

describe('counts whose predicate is further off', () => {
  it('reads people "dispatched to Russia" in a story of North Korea as its own', () => {
    expect(
      brief(
        story(
          'en',
          'North Korea is deepening its ties with Moscow. Officials met there last week. They discussed cooperation in metals and aviation.\n\nSome 13,000 workers have been dispatched to Russia.',
        ),
      ),
    ).toEqual(['deployed/workers 13000']);
  });

  it('reads the predicate after an aside between dashes', () => {
    expect(
      brief(
        story(
          'en',
          'The official said around 3,000 North Korean workers – each paid about $700 a month – were already believed to be in Russia.',
        ),
      ),
    ).toEqual(['deployed/workers 3000']);
  });

  it('shares the predicate over counts joined by "as well as"', () => {
    expect(
      brief(
        story(
          'en',
          'According to Ukrainian intelligence, two generals, as well as 400 officers and about 11 thousand soldiers, arrived in Russia.',
        ),
      ),
    ).toEqual(['deployed/generals 2', 'deployed/officers 400', 'deployed/troops 11000']);
  });
});

describe('counted people as speakers', () => {
  it('never makes "Six North Korean escapees" a source', () => {
    const figures = story(
      'en',
      'Russia relies ever more on North Korean labour. Five North Korean escapees shared accounts of their treatment. Over 40,000 additional laborers are expected to be dispatched to Russia.',
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([[40000, null]]);
  });
});

describe('suppositions', () => {
  it('takes no figure from "Imagine that the enemy withdraws 10,000 soldiers"', () => {
    expect(
      brief(
        story(
          'en',
          '"Imagine that now the enemy withdraws 8,000 soldiers from the second line of defence, puts soldiers from North Korea there," the officer said.',
        ),
      ),
    ).toEqual([]);
  });
});

describe('wounded prisoners', () => {
  it('counts the capture when a capture participle follows a noun of people later in the clause', () => {
    expect(
      brief(
        story(
          'en',
          'Ukraine said on Sunday that it was questioning three wounded soldiers it said are North Koreans captured while fighting for Moscow.',
        ),
      ),
    ).toEqual(['captured/troops 3']);
  });
});

describe('joint sources as the story lists them', () => {
  it('keeps "X and its allies" whole, as subject or after "according to"', () => {
    expect(
      story('en', 'Seoul and its allies said North Korea had sent 12,000 troops to Russia.')[0]
        ?.claimant,
    ).toBe('Seoul and its allies');
    expect(
      story(
        'en',
        'North Korea has sent 9,000 troops, according to estimates by the United States and its allies.',
      )[0]?.claimant,
    ).toBe('United States and its allies');
  });

  it('keeps nationalities listed before "intelligence agencies" whole', () => {
    expect(
      story(
        'en',
        'South Korean and Western intelligence agencies say Pyongyang has sent over 9,000 soldiers.',
      )[0]?.claimant,
    ).toBe('South Korean and Western intelligence agencies');
  });
});

describe('lists of nationalities as one source', () => {
  it('reads "X and Y sources indicate" and a comma list after "Estimates from" or "according to"', () => {
    expect(
      story(
        'en',
        'Ukrainian and Western sources indicate that around 10,000 North Korean troops are present in Kursk.',
      )[0]?.claimant,
    ).toBe('Ukrainian and Western sources');
    expect(
      story(
        'en',
        'Estimates from Ukrainian, US, and South Korean intelligence suggest that up to 11,000 North Korean soldiers have been deployed to Russia.',
      )[0]?.claimant,
    ).toBe('Ukrainian, U.S., and South Korean intelligence');
    expect(
      story(
        'en',
        'North Korea has sent 9,000 troops, according to Western, South Korean and Ukrainian intelligence agencies.',
      )[0]?.claimant,
    ).toBe('Western, South Korean and Ukrainian intelligence agencies');
  });
});

describe('a list of nationalities keeps its noun', () => {
  it('credits "according to Ukrainian and Western assessments" as written', () => {
    expect(
      story(
        'en',
        'Pyongyang deployed around 12,000 soldiers to Kursk last autumn, according to Ukrainian and Western assessments.',
      )[0]?.claimant,
    ).toBe('Ukrainian and Western assessments');
  });
});

describe('claims from a list of countries', () => {
  it('credits "claims from Ukraine, the U.S., and South Korea that …" to the list as written', () => {
    expect(
      story(
        'en',
        'Despite claims from Ukraine, the U.S., and South Korea that Pyongyang deployed 9,000–11,000 troops to the Kursk region, Moscow has not acknowledged this.',
      )[0]?.claimant,
    ).toBe('Ukraine, the U.S., and South Korea');
  });
});

describe('more verbs and tolls', () => {
  it('reads "X accuse North Korea of deploying N" as X giving N', () => {
    expect(
      story(
        'en',
        'Ukraine, South Korea, and the United States accuse North Korea of deploying over 9,000 soldiers to support Russian forces.',
      )[0]?.claimant,
    ).toBe('Ukraine, South Korea, and the United States');
  });

  it('reads "have sustained battle injuries" as wounded', () => {
    expect(
      brief(
        story(
          'en',
          'Of the 11,000 North Koreans deployed, approximately 3,000 have sustained battle injuries, officials said.',
        ),
      ),
    ).toEqual(['deployed/troops 11000', 'wounded/troops 3000']);
  });

  it("reads a text's first line by the North Korea its next lines name", () => {
    const figures = extractFigures(
      'Lee said after the briefing that another 900 had been injured. He said the dead included senior officers.\n\nThe first reports of North Korean casualties came this week.',
      { language: 'en', published: '2025-07-01' },
    );
    expect(figures.map((f) => [f.metric, f.value, f.side])).toEqual([['wounded', 900, 'KP']]);
  });
});

describe('small repairs of the 2027-01-16 batch', () => {
  it('reads "more than 3 ,000" with a stray space as 3,000', () => {
    expect(
      brief(
        story(
          'en',
          'According to Ukrainian data, more than 2 ,000 North Korean soldiers were killed or wounded.',
        ),
      ),
    ).toEqual(['casualties/troops 2000']);
  });
});
