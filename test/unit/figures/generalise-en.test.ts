/**
 * Rules added when the real-article dev split grew from 19 to 40 articles, each shown in our own
 * sentences with the structure the new articles used: broadcast number forms ("three-thousand",
 * "27-hundred", "four-thousand-100"), ISO dates, "6,000+", rates after the noun, the size of
 * North Korea's army, presence and training as deployment, and attribution over the paragraph
 * (source lines, titles before a name, outlets citing a body, a paragraph's closing source,
 * object pronouns, transcript speaker labels, report nouns).
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import { findNumbers } from '../../../shared/figures/numbers.ts';
import type { Figure } from '../../../shared/types.ts';

const read = (text: string): Figure[] => extractFigures(text, { published: '2025-03-01' });

/** The figures in a compact form: metric/unit value[-high] qualifier [claimant]. */
const brief = (text: string): string[] =>
  read(text).map(
    (f) =>
      `${f.metric}/${f.unit} ${f.value}${f.valueHigh ? `-${f.valueHigh}` : ''} ${f.qualifier} [${
        f.claimant ?? '-'
      }]`,
  );

const values = (text: string) => findNumbers(text).map((m) => [m.value, m.valueHigh ?? null]);

describe('broadcast number forms', () => {
  it('reads a scale word hyphenated to a number word or to digits', () => {
    expect(values('nearly five-thousand men')).toEqual([[5000, null]]);
    expect(values('some 35-hundred injured')).toEqual([[3500, null]]);
    expect(values('thirty-two-thousand troops')).toEqual([[32000, null]]);
    expect(values('two-hundred shells')).toEqual([[200, null]]);
  });

  it('adds the digits a broadcast writes after its hyphenated scale', () => {
    expect(values('another three-thousand-200 were hurt')).toEqual([[3200, null]]);
  });

  it('reads a whole wounded count written in broadcast style', () => {
    expect(
      brief(
        'The spy agency believes about 500 North Korean soldiers died and another two-thousand-300 were wounded, lawmakers briefed by the NIS said.',
      ),
    ).toEqual([
      'killed/troops 500 about [South Korea National Intelligence Service]',
      'wounded/troops 2300 exact [South Korea National Intelligence Service]',
    ]);
  });
});

describe('numbers that are no counts', () => {
  it('never reads an ISO date as numbers or a range', () => {
    expect(values('posted 2024-11-05 at noon')).toEqual([]);
    expect(values('report of 2025-03')).toEqual([]);
    expect(
      brief('2024-11-05 Around 9,000 North Korean soldiers are now in Kursk, Seoul said.'),
    ).toEqual(['deployed/troops 9000 about [South Korea]']);
  });

  it('reads a trailing plus as "more than"', () => {
    expect(brief('Britain says North Korea took 7,000+ casualties in Kursk.')).toEqual([
      'casualties/troops 7000 more_than [United Kingdom]',
    ]);
  });

  it('drops a rate that follows its noun, but not "a day earlier"', () => {
    expect(
      read(
        'Russian forces lose some 1,400 soldiers a day near Kursk, where North Korea sent troops.',
      ),
    ).toEqual([]);
    expect(
      brief('Ukraine said 40 North Korean soldiers a day earlier were killed near Sudzha.').map(
        (s) => s.split(' ')[1],
      ),
    ).toEqual(['40']);
  });

  it("leaves out the size of North Korea's whole army", () => {
    expect(
      read(
        'North Korea, whose military numbers some 1.3 million troops, sent 12,000 to Russia.',
      ).map((f) => f.value),
    ).toEqual([12000]);
  });

  it('leaves out people killed by North Korean weapons, and the "others" hurt with them', () => {
    expect(
      read(
        'Strikes with North Korean weapons in Ukraine killed 31 people and injured 140 others, prosecutors said.',
      ),
    ).toEqual([]);
  });
});

describe('presence and readiness', () => {
  it('reads "believed to be in" and "training" as a deployment', () => {
    expect(
      brief('Roughly 7,000 North Korean troops are thought to be in Russia’s Kursk region.'),
    ).toEqual(['deployed/troops 7000 about [-]']);
    expect(brief('Kyiv says North Korea is training 4,000 soldiers to help Russia.')).toEqual([
      'deployed/troops 4000 exact [Ukraine]',
    ]);
  });
});

describe('attribution over the paragraph', () => {
  it('credits a "Source:" line to the lead above it', () => {
    expect(
      brief(
        'North Korea may soon send another 3,000 soldiers to Russia.\n\nSource: Kyrylo Budanov, head of Ukrainian military intelligence, in an interview',
      ),
    ).toEqual(['deployed/troops 3000 exact [Kyrylo Budanov]']);
  });

  it('reads a title and a bracketed aside as the person the title ends in', () => {
    expect(
      brief(
        'Some 9,000 North Korean soldiers are in Russia.\n\nThis was reported by the head of the Defence Intelligence of Ukraine (known as HUR) Kyrylo Budanov.',
      ),
    ).toEqual(['deployed/troops 9000 about [Kyrylo Budanov]']);
  });

  it('credits the body an outlet refers to, not the outlet', () => {
    expect(
      brief(
        'North Korea has lost more than 5,500 soldiers in Kursk. This is reported by a news site with reference to the UK Ministry of Defense.',
      ),
    ).toEqual(['casualties/troops 5500 more_than [UK Ministry of Defence]']);
  });

  it('gives an opening sentence the source that closes the next one', () => {
    expect(
      brief(
        'Last autumn Pyongyang sent about 12,000 soldiers to Kursk. Since then roughly a quarter of them have been killed or wounded, according to Western officials.',
      ),
    ).toEqual(['deployed/troops 12000 about [Western officials]']);
  });

  it('resolves "according to him" and verbs such as "stressed"', () => {
    expect(
      brief(
        'Kyrylo Budanov gave an interview on Friday. "They are ready," Budanov stressed.\n\nAccording to him, a first group of 1,800 North Korean soldiers will go to Kursk.',
      ),
    ).toEqual(['deployed/troops 1800 exact [Kyrylo Budanov]']);
  });

  it('skips a title after a name to reach the name', () => {
    expect(
      brief(
        'Anna Kowalska, director of a research programme at a Washington institute, said about 800 North Korean soldiers had been killed.',
      ),
    ).toEqual(['killed/troops 800 about [Anna Kowalska]']);
  });

  it("reads a transcript's speaker label as the person introduced earlier", () => {
    expect(
      brief(
        'Anna Kowalska, an analyst at a Warsaw institute, said the war was costly for Pyongyang.\n\nKOWALSKA: About 3,000 North Korean soldiers have been killed or wounded.',
      ),
    ).toEqual(['casualties/troops 3000 about [Anna Kowalska]']);
  });

  it('reads "the report, cited by X" as the report\'s body', () => {
    expect(
      brief(
        'North Korean losses are heavy, according to a UK Ministry of Defence intelligence update.\n\nThe report, cited by a news site, estimates that over 4,500 North Korean troops have become casualties.',
      ),
    ).toEqual(['casualties/troops 4500 more_than [UK Ministry of Defence]']);
  });

  it('reads the body behind "assessments by" without the participle after it', () => {
    expect(
      brief(
        'Half of the roughly 10,000 North Korean troops in Kursk were hurt, according to assessments by Western and Ukrainian intelligence shared with journalists.',
      ),
    ).toEqual(['deployed/troops 10000 about [Western and Ukrainian intelligence]']);
  });

  it('reads an unnamed South Korean defence minister as the ministry', () => {
    expect(
      brief(
        'North Korea has sent more than 900 missiles to Russia, South Korea’s defense minister said.',
      ),
    ).toEqual(['supplied/missiles 900 more_than [South Korea Ministry of National Defense]']);
  });

  it('does not read a "with" phrase before a participle as a source', () => {
    expect(
      brief(
        'Pyongyang has sent over 14,000 troops, with the first battles with Ukrainian units reported in March.',
      ),
    ).toEqual(['deployed/troops 14000 more_than [-]']);
  });

  it('does not take a list bullet into an anonymous source', () => {
    expect(
      brief(
        '- Some analysts, citing reporting in a newspaper, say 5,000 workers have been promised to Russia by Pyongyang.',
      ),
    ).toEqual(['deployed/workers 5000 exact [-]']);
  });
});

describe('attribution rules from the third real-article round', () => {
  it('reads a country in a hyphenated modifier as no claimant', () => {
    expect(
      brief(
        'About 4,000 North Korean troops could be lost by summer, according to a study by the US-based Center for Strategic and International Studies.',
      ),
    ).toEqual(['casualties/troops 4000 about [Center for Strategic and International Studies]']);
  });

  it('makes a list of capitals one joint source', () => {
    expect(
      brief(
        'Kyiv, Seoul and Washington all say over 9,000 North Korean soldiers are now in Russia.',
      ),
    ).toEqual(['deployed/troops 9000 more_than [Kyiv, Seoul and Washington]']);
  });

  it('credits the one an outlet cited as saying', () => {
    expect(
      brief(
        'A state news agency cited security chief Sergei Shoigu as saying that North Korea will send 2,000 deminers to Kursk.',
      ),
    ).toEqual(['deployed/deminers 2000 exact [Sergei Shoigu]']);
  });

  it('credits a nominal confirmation by a country', () => {
    expect(
      brief(
        'The vote came after the confirmation by the U.S. of the deployment of up to 9,000 North Korean troops to Russia.',
      ),
    ).toEqual(['deployed/troops 9000 up_to [United States]']);
  });

  it('gives a body the reports it owns', () => {
    expect(
      brief(
        'South Korean intelligence reports indicate that about 9,000 North Korean troops are in Russia.',
      ),
    ).toEqual(['deployed/troops 9000 about [South Korean intelligence]']);
    expect(
      brief('Media reports indicate that about 9,000 North Korean troops are in Russia.'),
    ).toEqual(['deployed/troops 9000 about [-]']);
  });

  it('skips a known person’s title between commas', () => {
    expect(
      brief(
        'Sergei Shoigu, Moscow’s Security Council chief, announced that North Korea would send 4,000 military construction personnel to Kursk.',
      ),
    ).toEqual(['deployed/workers 4000 exact [Sergei Shoigu]']);
  });

  it('credits a "reportedly" sentence to the source the next sentence announces', () => {
    expect(
      brief(
        'North Korea will send 2,000 sappers to Russia, reportedly to clear mines.\n\nThis was announced by security chief Sergei Shoigu, according to a local site.',
      ),
    ).toEqual(['deployed/deminers 2000 exact [Sergei Shoigu]']);
  });

  it('names an unnamed news report after the outlet the next sentence gives', () => {
    expect(
      brief(
        'Up to 4,000 North Korean troops are expected to be in Kursk by Monday, according to a news report. The Daily Planet reported it on Friday, citing one Ukrainian and three U.S. officials.',
      ),
    ).toEqual(['deployed/troops 4000 up_to [Ukrainian and U.S. officials]']);
  });

  it('reads a lawmaker after "Rep." as the lawmaker, relaying the briefing', () => {
    expect(
      brief(
        'The spy agency briefed lawmakers on Tuesday, according to Rep. Lee Seong-kweun. "North Korea has sent 14-thousand troops in two waves," he said.',
      ),
    ).toEqual(['deployed/troops 14000 exact [South Korea National Intelligence Service]']);
  });

  it('counts no lone soldier of an anecdote, but a single prisoner', () => {
    expect(brief('One North Korean soldier tried to flee the trench.')).toEqual([]);
    expect(brief('Ukraine captured one North Korean soldier in Kursk, Zelensky said.')).toEqual([
      'captured/troops 1 exact [Volodymyr Zelensky]',
    ]);
  });

  it('reads construction personnel as workers', () => {
    expect(brief('Pyongyang will send 3,000 military construction personnel to Kursk.')).toEqual([
      'deployed/workers 3000 exact [-]',
    ]);
  });
});
