/**
 * The "Hard cases" of FIGURES.md, each in a sentence of our own that has the structure real
 * coverage used when the extractor got it wrong: number forms, clause structure, hedge scope,
 * increments, presence, relevance and attribution.
 */
import { describe, expect, it } from 'vitest';
import { canonicalClaimant } from '../../../shared/figures/claimants.ts';
import { extractFigures } from '../../../shared/figures/extract.ts';
import type { Figure } from '../../../shared/types.ts';

const read = (text: string): Figure[] => extractFigures(text, { published: '2025-02-10' });

/** The figures in a compact form: metric/unit value[-high] qualifier [claimant]. */
const brief = (text: string): string[] =>
  read(text).map(
    (f) =>
      `${f.metric}/${f.unit} ${f.value}${f.valueHigh ? `-${f.valueHigh}` : ''} ${f.qualifier} [${
        f.claimant ?? '-'
      }]${f.increment ? ' +' : ''}`,
  );

describe('number forms', () => {
  it('reads thousands hyphenated to their digits, alone and in a range', () => {
    expect(
      brief("Kyiv's military intelligence said Pyongyang had sent 40-thousand soldiers to Russia."),
    ).toEqual(['deployed/troops 40000 exact [Ukraine Main Intelligence Directorate]']);
    expect(
      brief('Seoul thinks Pyongyang moved between 10-thousand and 12-thousand troops into Kursk.'),
    ).toEqual(['deployed/troops 10000-12000 range [South Korea]']);
  });

  it('gives a calibre between the count and its noun to the noun', () => {
    expect(
      brief('North Korea has shipped 4 million 122 mm shells to Russia, the JCS said.'),
    ).toEqual(['supplied/shells 4000000 exact [South Korea Joint Chiefs of Staff]']);
    expect(
      brief('Pyongyang supplied some 2 million 8-inch rounds to Moscow, according to the NIS.'),
    ).toEqual(['supplied/shells 2000000 about [South Korea National Intelligence Service]']);
  });
});

describe('fractions and separators', () => {
  it('never reads a hyphenated fraction as a count', () => {
    expect(
      read('North Korea sent 12,000 troops. One-fourth of those forces became casualties.').map(
        (f) => f.value,
      ),
    ).toEqual([12000]);
  });

  it('reads the whole force under a fraction word and never the fraction', () => {
    expect(
      brief('Two-thirds of the 11,000 North Korean soldiers have been wounded, the NIS said.'),
    ).toEqual(['deployed/troops 11000 exact [South Korea National Intelligence Service]']);
  });

  it('leaves out a number whose separator is misplaced', () => {
    expect(read('The NIS said 11,00 North Korean troops were deployed.')).toEqual([]);
  });
});

describe('clause structure', () => {
  it('lets counts joined by "and" share the predicate after them', () => {
    expect(
      brief(
        'Some 3,000 North Korean personnel and 500 servicemen were sent to Russia, the JCS said.',
      ),
    ).toEqual([
      'deployed/troops 3000 about [South Korea Joint Chiefs of Staff]',
      'deployed/troops 500 exact [South Korea Joint Chiefs of Staff]',
    ]);
  });

  it("gives a second number the verb of its own clause, not the first number's", () => {
    expect(
      brief(
        'Zelensky said 3,000 North Korean troops were killed or wounded and 4,000 more were sent to Russia.',
      ),
    ).toEqual([
      'casualties/troops 3000 exact [Volodymyr Zelensky]',
      'deployed/troops 4000 exact [Volodymyr Zelensky] +',
    ]);
  });

  it('takes the metric of a group whose size is all the verb says from its subject', () => {
    const ctx = 'North Korea sent soldiers to Kursk. ';
    expect(
      brief(
        `${ctx}The dead and wounded among the North Korean troops numbered at least 1,100, the JCS said.`,
      ),
    ).toEqual(['casualties/troops 1100 at_least [South Korea Joint Chiefs of Staff]']);
    expect(brief(`${ctx}Officials put the total at 9,500 North Korean troops.`)).toEqual([
      'deployed/troops 9500 exact [-]',
    ]);
    expect(
      brief(
        `${ctx}By its count, the force numbers roughly 12,000 soldiers, among them 500 officers and three generals, Ukraine's intelligence said.`,
      ),
    ).toEqual([
      'deployed/troops 12000 about [Ukrainian intelligence]',
      'deployed/officers 500 exact [Ukrainian intelligence]',
      'deployed/generals 3 exact [Ukrainian intelligence]',
    ]);
  });

  it('reads a toll with no noun after its number as casualties', () => {
    expect(
      brief(
        'North Korea sent troops to Kursk. The toll among the North Korean troops has reached 4,000, the NIS said.',
      ),
    ).toEqual(['casualties/troops 4000 exact [South Korea National Intelligence Service]']);
  });

  it('reads a part of a total with its own metric', () => {
    expect(
      brief(
        'Of the 2,600 North Korean soldiers who became casualties, some 700 died, the NIS said.',
      ),
    ).toEqual([
      'casualties/troops 2600 exact [South Korea National Intelligence Service]',
      'killed/troops 700 about [South Korea National Intelligence Service]',
    ]);
  });

  it('keeps a fraction out and the total it is a fraction of in', () => {
    expect(
      brief(
        "Nearly a third of the roughly 14,000 North Korean troops sent to Russia have been killed or wounded, Ukraine's intelligence said.",
      ),
    ).toEqual(['deployed/troops 14000 about [Ukrainian intelligence]']);
  });
});

describe('hedges and increments', () => {
  it('keeps a hedge on its own number when the next one counts something else', () => {
    expect(
      brief(
        "North Korea has sent more than 200 guns and 9 million shells to Russia, South Korea's military said.",
      ),
    ).toEqual([
      'supplied/artillery 200 more_than [South Korea Joint Chiefs of Staff]',
      'supplied/shells 9000000 exact [South Korea Joint Chiefs of Staff]',
    ]);
  });

  it('still shares a hedge over two counts of the same people', () => {
    expect(
      brief(
        'Lawmaker Lee Sung-kwon said at least 100 North Korean troops had been killed and 1,000 wounded.',
      ),
    ).toEqual([
      'killed/troops 100 at_least [Lee Sung-kwon]',
      'wounded/troops 1000 at_least [Lee Sung-kwon]',
    ]);
  });

  it('marks an addition to an earlier count as an increment, not a total', () => {
    expect(
      brief('North Korea sent another 3,000 troops to Russia early this year, the JCS said.'),
    ).toEqual(['deployed/troops 3000 exact [South Korea Joint Chiefs of Staff] +']);
    expect(
      brief(
        'At least 100 North Korean soldiers were killed and another thousand wounded, the NIS said.',
      ),
    ).toEqual([
      'killed/troops 100 at_least [South Korea National Intelligence Service]',
      'wounded/troops 1000 exact [South Korea National Intelligence Service]',
    ]);
  });
});

describe('presence and relevance', () => {
  it('reads presence with no verb of movement as a deployment', () => {
    expect(
      brief(
        "Some 8,000 North Korean soldiers are now in the Belgorod region, Ukraine's military intelligence said.",
      ),
    ).toEqual(['deployed/troops 8000 about [Ukraine Main Intelligence Directorate]']);
    expect(brief('The North Korean contingent numbered some 11,000 men, the NIS said.')).toEqual([
      'deployed/troops 11000 about [South Korea National Intelligence Service]',
    ]);
  });

  it('leaves out victims of North Korean weapons', () => {
    expect(read('A North Korean missile killed 12 people in Kyiv on Thursday.')).toEqual([]);
  });

  it('leaves out numbers the story doubts, denies or asks about', () => {
    expect(
      read('A deployment of 50,000 North Korean troops looks improbable, analysts said.'),
    ).toEqual([]);
    expect(read('Could North Korea send 30,000 more troops to Russia this spring?')).toEqual([]);
  });
});

describe('direction of materiel', () => {
  it('does not count materiel North Korea receives, or that Russia uses', () => {
    const ctx = 'North Korea has armed Russia for its war. ';
    expect(
      read(`${ctx}Pyongyang is thought to have received over 8,000 containers from Moscow.`),
    ).toEqual([]);
    expect(
      read(
        `${ctx}Russian forces deployed at least 30 North Korean missiles against Kharkiv, the air force said.`,
      ),
    ).toEqual([]);
    expect(
      brief(`${ctx}North Korea has sent Russia more than 13,000 containers, the NIS said.`),
    ).toEqual(['supplied/containers 13000 more_than [South Korea National Intelligence Service]']);
    expect(
      brief(`${ctx}Russia received 100 ballistic missiles from North Korea, Kyiv said.`),
    ).toEqual(['supplied/missiles 100 exact [Ukraine]']);
  });

  it('gives a listed noun behind an adjective and a calibre its own unit', () => {
    expect(
      brief(
        'North Korea sent nearly 60 self-propelled howitzers and 30 upgraded 240mm multiple rocket launchers, the JCS said.',
      ),
    ).toEqual([
      'supplied/artillery 60 up_to [South Korea Joint Chiefs of Staff]',
      'supplied/rocket_launchers 30 exact [South Korea Joint Chiefs of Staff]',
    ]);
  });
});

describe('attribution', () => {
  it('keeps the source a lawmaker relays, even past a hedge of belief', () => {
    expect(
      brief(
        "North Korea sent troops to Russia. A South Korean lawmaker said about 200 North Korean soldiers are believed to have died, with some 2,000 others hurt, according to the country's intelligence agency.",
      ),
    ).toEqual([
      'killed/troops 200 about [South Korea National Intelligence Service]',
      'wounded/troops 2000 about [South Korea National Intelligence Service]',
    ]);
  });

  it('reads the person a title ends in after an inverted verb, and a think tank named before', () => {
    expect(
      brief(
        'North Korea sent troops to Russia. Roughly 11,500 North Korean troops are in Kursk, said Pentagon Press Secretary Sabrina Singh.',
      ),
    ).toEqual(['deployed/troops 11500 about [Sabrina Singh]']);
    expect(
      brief(
        'North Korea sent troops to Russia. The Institute for the Study of War released a new assessment. The think tank estimated that about 11,000 North Korean soldiers were fighting in Kursk.',
      ),
    ).toEqual(['deployed/troops 11000 about [Institute for the Study of War]']);
  });

  it('keeps a joint source of several countries whole', () => {
    const ctx = 'North Korea sent troops to Russia. ';
    const joint = 'Joint: South Korea, Ukraine, United States';
    const claimants = (text: string) =>
      read(ctx + text).map((f) => canonicalClaimant(f.claimant ?? '').name);
    expect(
      claimants(
        'Estimates from the US, Ukraine and South Korea suggest some 11,000 North Korean soldiers are now in Russia.',
      ),
    ).toEqual([joint]);
    expect(
      claimants(
        'U.S., South Korean and Ukrainian intelligence officials say 11,000 North Korean troops are in Kursk.',
      ),
    ).toEqual([joint]);
  });

  it("reads an outlet's later figures as the source it cited, and drops rates of losses", () => {
    expect(
      brief(
        'North Korea has become a main supplier of shells to Russia, The Guardian reported on Monday, citing Western intelligence sources. According to the newspaper, about 2 million a year are being shipped. Russian losses are averaging 1,100 a day.',
      ),
    ).toEqual(['supplied/shells 2000000 about [Western intelligence]']);
  });

  it('credits the officials a media report cites', () => {
    expect(
      brief(
        'North Korea sent troops to Russia. Media reports citing Ukrainian intelligence officials have said Pyongyang may send 25,000 more troops.',
      ),
    ).toEqual(['deployed/troops 25000 exact [Ukrainian intelligence] +']);
  });

  it('takes the source from the next sentence of the paragraph', () => {
    expect(
      brief(
        "North Korea has deployed 11,000 troops to Russia. The estimate came from South Korea's National Intelligence Service.",
      ),
    ).toEqual(['deployed/troops 11000 exact [South Korea National Intelligence Service]']);
  });

  it('credits the source an agency cites, not the agency', () => {
    expect(
      brief(
        'Around 1,000 North Korean soldiers were killed in December, Yonhap reported, citing the Joint Chiefs of Staff.',
      ),
    ).toEqual(['killed/troops 1000 about [South Korea Joint Chiefs of Staff]']);
  });

  it('gives a lawmaker relaying an NIS briefing to the NIS, and a lawmaker alone to the lawmaker', () => {
    expect(
      brief(
        'The NIS briefed parliament on Monday. Lawmaker Lee Sung-kwon said 300 North Korean soldiers had been killed.',
      ),
    ).toEqual(['killed/troops 300 exact [South Korea National Intelligence Service]']);
    expect(brief('Lawmaker Lee Sung-kwon said 300 North Korean soldiers had been killed.')).toEqual(
      ['killed/troops 300 exact [Lee Sung-kwon]'],
    );
  });

  it('reads "puts the losses at" and "put at … by" as attribution, "is reported to" as nobody', () => {
    const ctx = 'North Korea sent soldiers to Kursk. ';
    expect(
      brief(`${ctx}South Korean military intelligence puts the losses at around 1,100.`),
    ).toEqual(['casualties/troops 1100 about [South Korean military intelligence]']);
    expect(brief(`North Korean death toll in Kursk put at 1,000 by Ukraine`)).toEqual([
      'killed/troops 1000 exact [Ukraine]',
    ]);
    expect(
      brief(`${ctx}Russia is reported to have brought in about 12,000 North Korean troops.`),
    ).toEqual(['deployed/troops 12000 about [-]']);
  });

  it('reads "with X reporting" as a source', () => {
    expect(
      brief(
        'North Korea has sent 11,000 troops to Russia, with the Pentagon reporting a further 1,000 missing.',
      ),
    ).toEqual(['deployed/troops 11000 exact [Pentagon]', 'missing/troops 1000 exact [Pentagon]']);
  });

  it("keeps a country's body whole instead of cutting it to the country", () => {
    expect(
      brief("Ukraine's border service said 300 North Korean soldiers had been captured."),
    ).toEqual(['captured/troops 300 exact [Ukraine State Border Guard Service]']);
  });
});
