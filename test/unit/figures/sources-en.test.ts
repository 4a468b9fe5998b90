/**
 * How English stories name their sources, probed with invented sentences in many shapes (not
 * taken from any stored article): each case is one shape the reader got wrong before.
 */
import { describe, expect, it } from 'vitest';
import { sameClaimant } from '../../../shared/figures/claimants.ts';
import { extractFigures } from '../../../shared/figures/extract.ts';

const claimantOf = (text: string): string | null => {
  const figures = extractFigures(`Test story\n\n${text}`, { published: '2025-03-01' });
  expect(figures.length).toBeGreaterThan(0);
  return figures[0]!.claimant;
};

describe('a person named after the verb', () => {
  it('is the source when the sentence ends on the name, never the destination', () => {
    expect(claimantOf('North Korea has sent 2,500 soldiers to Russia, says Maren Ostby.')).toBe(
      'Maren Ostby',
    );
  });

  it('is the source when the name is followed by where the person works', () => {
    expect(
      claimantOf(
        'North Korea has sent 2,500 soldiers to Russia, said Maren Ostby of the Nordic Defence Forum.',
      ),
    ).toBe('Maren Ostby');
  });
});

describe('names of institutes with "for" in them', () => {
  it('keeps the whole name', () => {
    expect(
      claimantOf(
        'Pyongyang has shipped 4,000 containers to Russia, the Baltic Institute for Security Studies said.',
      ),
    ).toBe('Baltic Institute for Security Studies');
  });

  it('keeps a capitalised word that looks like a report noun', () => {
    expect(
      claimantOf(
        'Pyongyang has shipped 4,000 containers to Russia, according to a report released by the Korea Institute for Defense Analyses.',
      ),
    ).toBe('Korea Institute for Defense Analyses');
  });
});

describe('outlets and groups under one name', () => {
  it("reads a country's agency by its own name", () => {
    expect(
      claimantOf(
        'North Korea has sent 2,500 soldiers to Russia, Japan’s Kyodo news agency reported.',
      ),
    ).toBe('Kyodo');
    expect(
      claimantOf(
        'North Korea has sent 2,500 soldiers to Russia, Russia’s RIA Novosti news agency reported.',
      ),
    ).toBe('RIA Novosti');
  });

  it('reads a hyphenated outlet that contains a country as the outlet', () => {
    expect(
      claimantOf(
        'North Korea has sent 2,500 soldiers to Russia, the news site RBC-Ukraine reported.',
      ),
    ).toBe('RBC-Ukraine');
  });

  it('reads a name that starts with a digit', () => {
    expect(
      claimantOf(
        'North Korea has shipped 2,000 containers of munitions, according to the monitoring project 38 North.',
      ),
    ).toBe('38 North');
  });

  it('reads a channel by the name after "channel", even when a known word is in it', () => {
    expect(
      claimantOf(
        'According to the pro-war Telegram channel Kremlin Insider, four North Korean officers were wounded.',
      ),
    ).toBe('Kremlin Insider');
  });
});

describe('a report named with when it came out', () => {
  it('credits the body that provided the data', () => {
    expect(
      claimantOf(
        'According to figures provided in early March by the South Korean intelligence agency, at least 500 North Korean soldiers have died.',
      ),
    ).toBe('South Korea National Intelligence Service');
  });

  it('credits the owner of a possessive report, with its modifiers', () => {
    expect(
      claimantOf(
        'North Korean soldiers in Russia now number 14,000, according to the NIS’s latest assessment.',
      ),
    ).toBe('South Korea National Intelligence Service');
    expect(
      claimantOf('North Korean soldiers in Russia now number 14,000, the NIS’s assessment shows.'),
    ).toBe('South Korea National Intelligence Service');
  });
});

describe('two sources of two countries', () => {
  it('are one joint source as the story lists them', () => {
    const claimant = claimantOf(
      'About 14,000 North Korean troops are in Russia, according to Ukrainian President Zelensky and Latvian intelligence.',
    );
    expect(claimant).toBe('Ukrainian President Zelensky and Latvian intelligence');
    expect(sameClaimant(claimant, 'Latvian intelligence and Ukrainian President Zelensky')).toBe(
      true,
    );
  });
});

describe('officials of a named body', () => {
  it('speak for the body', () => {
    expect(
      claimantOf(
        'An official at the South Korean presidential office said North Korea had sent 2,500 more soldiers to Russia.',
      ),
    ).toBe('South Korean presidential office');
  });
});

describe('a source that claims only its own clause', () => {
  it('does not claim a number in the clause before ", and … reported that"', () => {
    const figures = extractFigures(
      'Test story\n\nA Ukrainian commander said the front was quiet. Yet about 9,000 North Korean soldiers are believed to be in Kursk, and on Monday a US official reported that several hundred had died.',
      { published: '2025-03-01' },
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([[9000, null]]);
  });
});

describe('an agent named by title, then name', () => {
  it('is the person after the comma', () => {
    expect(
      claimantOf(
        'About 9,000 North Korean troops are in Kursk, as stated by Deputy U.S. Ambassador to the U.N., Lena Marsh.',
      ),
    ).toBe('Lena Marsh');
  });
});

describe('a list of nationalities', () => {
  it('keeps "US" and an Oxford comma in one joint source', () => {
    const claimant = claimantOf(
      'US, Ukrainian, and South Korean intelligence estimates suggest that 13,000 North Korean soldiers are in Russia.',
    );
    expect(sameClaimant(claimant, 'South Korean, Ukrainian and U.S. intelligence')).toBe(true);
  });
});

describe('a passive of estimating', () => {
  it('does not make what is estimated the source', () => {
    expect(claimantOf("North Korea's contingent in Russia is estimated at 13,000.")).toBeNull();
  });
});

describe('footage shared by someone', () => {
  it('credits who shared it and reads the bodies it shows as the dead', () => {
    const figures = extractFigures(
      'Test story\n\nNorth Korea is helping Russia. Recent footage shared by a Ukrainian drone unit purportedly shows the bodies of over 30 North Korean soldiers in a snowy field.',
      { published: '2025-03-01' },
    );
    expect(figures.map((f) => [f.value, f.metric, f.claimant])).toEqual([
      [30, 'killed', 'Ukrainian drone unit'],
    ]);
  });
});

describe('a body that was told the figure', () => {
  it('is the audience, not the source', () => {
    expect(
      claimantOf(
        'The UN Security Council was told that 11,000 North Korean troops had been sent to Russia.',
      ),
    ).toBeNull();
  });

  it('gives way to the agent of "told by"', () => {
    expect(
      claimantOf('Reporters were told by John Kirby that 3,000 North Korean troops had moved.'),
    ).toBe('John Kirby');
  });
});

describe('a courtesy title before a surname', () => {
  it('names the person the story gave in full before, though no rule noted them as a source', () => {
    expect(
      claimantOf(
        'At the UN, the deputy US ambassador to the United Nations, Robert Wood, asked for more time.\n\n"Right now there are some 8,000 DPRK soldiers in Kursk Oblast," Mr Wood said.',
      ),
    ).toBe('Robert Wood');
  });

  it("does not take a sentence's first word for a given name", () => {
    expect(
      claimantOf('In Wood we trust. North Korea has sent 8,000 soldiers to Kursk, Mr Wood said.'),
    ).toBe('Mr Wood');
  });
});

describe('an accusation', () => {
  it('credits the accuser with the count it makes', () => {
    expect(
      claimantOf(
        'Seoul accused Pyongyang the following month of sending more than one million artillery rounds to Russia.',
      ),
    ).toBe('South Korea');
  });

  it('credits nobody when the accused is the subject', () => {
    expect(claimantOf('North Korea was accused of sending 10,000 troops to Russia.')).toBeNull();
    expect(
      claimantOf('North Korea, accused of sending 10,000 troops to Russia, denied it.'),
    ).toBeNull();
  });

  it('lends no source to the next sentence when it counts nothing', () => {
    expect(
      claimantOf(
        'Britain and South Korea have accused Russia of violating U.N. resolutions. Ukraine said three North Korean generals are with the troops in Russia.',
      ),
    ).toBe('Ukraine');
  });
});

describe('a person named in another clause of the sentence', () => {
  it('is the subject there, not the source of the figure', () => {
    expect(
      claimantOf(
        'North Korea has shipped containers to Russia that can hold about 5 million artillery shells, and Russian President Vladimir Putin is expected to seek closer cooperation.',
      ),
    ).toBeNull();
  });
});

describe('a body the table does not know by a name, with a known acronym in brackets', () => {
  it('is the body of the acronym, not the body it is part of', () => {
    expect(
      claimantOf(
        'Russia plans to recruit approximately 12,000 North Korean workers, according to the Main Intelligence Agency (GUR) of the Ukrainian Ministry of Defense.',
      ),
    ).toBe('Ukraine Main Intelligence Directorate');
  });
});

describe('"with X paying tribute to" the dead', () => {
  it('credits who pays tribute, over the outlet that reports it', () => {
    expect(
      claimantOf(
        'North Korea held a ceremony for its engineer troops, with leader Kim Jong-un paying tribute to nine soldiers who lost their lives, Yonhap News Agency reported.',
      ),
    ).toBe('Kim Jong Un');
  });
});
