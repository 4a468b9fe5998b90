/**
 * English attribution rules written for generalisation rather than for one article: people the
 * claimant table does not know (named after a title, in an appositive, after the verb), later
 * references to them (pronoun, surname, "the defence secretary"), relative clauses ("assessments
 * which say"), sources cited by an outlet in every position, report nouns with a participle
 * ("estimates shared by"), a described speaker after the verb, a sentence that names the source of
 * the figure before it, joint lists, and spelling variants of known names. Every sentence here is
 * invented; names outside the claimant table are made up.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';

/** The claimant of the first figure with `value`, or "missing" when there is none. */
const claimantOf = (text: string, value: number): string | null => {
  const f = extractFigures(`Test story\n\n${text}`, { published: '2025-03-01' }).find(
    (x) => x.value === value,
  );
  return f === undefined ? 'missing' : f.claimant;
};

describe('people the claimant table does not know', () => {
  it('names the person after a title, not the title or the body in it', () => {
    expect(
      claimantOf(
        'Estonian Defence Minister Kaarel Tamm said some 9,000 North Korean troops were deployed.',
        9000,
      ),
    ).toBe('Kaarel Tamm');
    expect(
      claimantOf(
        'Roughly 800 North Korean soldiers have been killed, NATO spokesperson Ilse Brandt told reporters.',
        800,
      ),
    ).toBe('Ilse Brandt');
    expect(
      claimantOf(
        'Researcher Paula Quint of the Baltic Security Centre said 2,500 North Korean soldiers were wounded.',
        2500,
      ),
    ).toBe('Paula Quint');
  });

  it('ends a long title at the country it names, before the name', () => {
    expect(
      claimantOf(
        'The head of the Foreign Intelligence Service of Ukraine Petro Hrab said 450 North Korean soldiers had been captured.',
        450,
      ),
    ).toBe('Petro Hrab');
    expect(
      claimantOf(
        'Zelensky adviser Ivo Lind said about 3,600 North Korean soldiers had been killed.',
        3600,
      ),
    ).toBe('Ivo Lind');
  });

  it('reads a name after the verb, with its title in an appositive', () => {
    expect(
      claimantOf(
        'About 1,300 North Korean soldiers have died in Kursk, said Ivo Lind, a colonel in the reserve.',
        1300,
      ),
    ).toBe('Ivo Lind');
  });

  it('keeps a person closing an appositive as the subject, not the country after the verb', () => {
    expect(
      claimantOf(
        "Kyiv's spy chief, Kyrylo Budanov, said North Korea had moved 7,700 more soldiers to the front.",
        7700,
      ),
    ).toBe('Kyrylo Budanov');
  });

  it('credits a body whose belief a named lawmaker reports', () => {
    expect(
      claimantOf(
        'Rep. Han Ji-su, a member of the intelligence committee, said the NIS believed 2,900 North Korean soldiers had been wounded.',
        2900,
      ),
    ).toBe('South Korea National Intelligence Service');
  });

  it('skips a title appositive between a bare name and its verb', () => {
    expect(
      claimantOf(
        "Ivo Lind, Estonia's defence minister, said 1,300 North Korean soldiers had died.",
        1300,
      ),
    ).toBe('Ivo Lind');
  });

  it('finds a person introduced by title again by pronoun, surname or description', () => {
    const intro = 'Latvian Foreign Minister Aija Berzina arrived in Seoul on Friday.';
    expect(
      claimantOf(`${intro} She said 4,200 North Korean soldiers had been killed or wounded.`, 4200),
    ).toBe('Aija Berzina');
    expect(
      claimantOf(
        `${intro} Berzina said 4,200 North Korean soldiers had been killed or wounded.`,
        4200,
      ),
    ).toBe('Aija Berzina');
    expect(
      claimantOf(
        `${intro}\n\nThe foreign minister said 4,200 North Korean soldiers had been killed or wounded.`,
        4200,
      ),
    ).toBe('Aija Berzina');
  });

  it('reads "the defence minister" as the known minister named before', () => {
    expect(
      claimantOf(
        'Defence Minister Shin Won-sik spoke to reporters on Tuesday.\n\nAt the same briefing, the South Korean defence minister said North Korea had shipped about 9,500 containers to Russia.',
        9500,
      ),
    ).toBe('Shin Won-sik');
  });

  it('matches a hyphenated given name written apart or run together', () => {
    expect(
      claimantOf(
        'About 1,150 North Korean soldiers have been killed or wounded, NIS Director Cho Taeyong said.',
        1150,
      ),
    ).toBe('Cho Tae-yong');
  });
});

describe('sources in noun phrases and clauses', () => {
  it('reads the antecedent of "which say" as the source, without its report noun', () => {
    expect(
      claimantOf(
        'The allies met on Monday, following Ukrainian and Pentagon intelligence estimates which say at least 2,100 North Korean soldiers have become casualties.',
        2100,
      ),
    ).toBe('Ukrainian and Pentagon intelligence');
  });

  it('reads the body behind "estimates shared by"', () => {
    expect(
      claimantOf(
        'According to estimates shared by NATO, 2,100 North Korean soldiers have been killed.',
        2100,
      ),
    ).toBe('NATO');
  });

  it('reads a possessive body after the verb with its lower-case head', () => {
    expect(
      claimantOf('North Korea lost 650 soldiers last week, said Ukraine’s defence ministry.', 650),
    ).toBe('Ukraine Ministry of Defense');
  });

  it('reads a body followed by a description it goes by', () => {
    expect(
      claimantOf(
        "Some 8,800 North Korean soldiers are in Kursk, Ukraine's HUR military intelligence agency said.",
        8800,
      ),
    ).toBe('Ukraine Main Intelligence Directorate');
  });

  it('reads a body placed under a country’s ministry as that country’s body', () => {
    expect(
      claimantOf(
        "According to the Defense Intelligence Agency under South Korea's defense ministry, North Korea has loaded some 18,000 containers of arms bound for Russia.",
        18000,
      ),
    ).toBe('South Korean military intelligence');
  });

  it('reads British and American spellings of one body alike', () => {
    expect(
      claimantOf(
        "South Korea's Defence Intelligence Command said 1,900 North Korean soldiers had been wounded.",
        1900,
      ),
    ).toBe('South Korean military intelligence');
  });

  // The list keeps its noun, as the gold writes such sources ("Ukrainian and Western
  // assessments", "Ukrainian and Western estimates").
  it('makes a bare list of nationalities before a report noun one joint source', () => {
    expect(
      claimantOf(
        'North Korea has about 12,500 troops in Russia, according to Ukrainian, South Korean and U.S. estimates.',
        12500,
      ),
    ).toBe('Ukrainian, South Korean and U.S. estimates');
  });

  it('names an unnamed Western official as Western officials, and a possessive first word', () => {
    expect(
      claimantOf(
        'Up to 2,600 North Korean soldiers may have died, the newspaper reported, citing a Western official.',
        2600,
      ),
    ).toBe('Western officials');
    expect(
      claimantOf(
        "Japan's defence ministry said about 10,500 North Korean soldiers were deployed.",
        10500,
      ),
    ).toBe("Japan's defence ministry");
  });
});

describe('outlets and the sources they cite', () => {
  it('reads a citing phrase that opens the sentence', () => {
    expect(
      claimantOf(
        'Citing the National Intelligence Service, the broadcaster said 2,300 North Korean soldiers had been wounded.',
        2300,
      ),
    ).toBe('South Korea National Intelligence Service');
  });

  it('credits the source an unknown outlet cites', () => {
    expect(
      claimantOf(
        'Ria reported, citing the Russian defence ministry, that 1,700 North Korean deminers would arrive.',
        1700,
      ),
    ).toBe('Russia Ministry of Defense');
  });

  it('credits the source a closing citing phrase names', () => {
    expect(
      claimantOf(
        'A Kyiv weekly reported that 1,050 North Korean soldiers had been wounded in a month, citing the Main Intelligence Directorate.',
        1050,
      ),
    ).toBe('Ukraine Main Intelligence Directorate');
  });

  it('reads "reports" after a preposition as a noun, not a verb', () => {
    expect(
      claimantOf(
        'Kremlin spokesman Dmitry Peskov would not comment on reports that 1,050 North Korean soldiers had been wounded.',
        1050,
      ),
    ).toBeNull();
  });

  it('credits the source "which cited" names after an agency', () => {
    expect(
      claimantOf(
        'North Korea has sent 2,400 more troops to Russia, according to Yonhap, which cited the Joint Chiefs of Staff.',
        2400,
      ),
    ).toBe('South Korea Joint Chiefs of Staff');
  });

  it('credits the briefing body, not a time phrase, when a lawmaker relays a briefing', () => {
    expect(
      claimantOf(
        'The NIS briefed the intelligence committee. About 350 North Korean soldiers have died, a lawmaker said after a closed-door briefing from the intelligence agency on Wednesday.',
        350,
      ),
    ).toBe('South Korea National Intelligence Service');
  });
});

describe('speakers after the verb and sources in the next sentence', () => {
  it('does not read the clause before ", said the official" as its subject', () => {
    expect(
      claimantOf(
        'At least 1,400 North Korean soldiers have been killed, said the official, who asked not to be named.',
        1400,
      ),
    ).toBeNull();
  });

  it('reads a described speaker with capitalised modifiers after the verb', () => {
    expect(
      claimantOf(
        'Around 75 North Korean soldiers were captured in February, said a Ukrainian official, who was not named.',
        75,
      ),
    ).toBe('Ukraine');
  });

  it('reads "the country\'s military" as the military of the country named before', () => {
    expect(
      claimantOf(
        "Seoul's spy agency briefed lawmakers on Monday. North Korea has sent another 1,600 soldiers to Russia. The country's military disclosed the number on Tuesday.",
        1600,
      ),
    ).toBe('South Korea Joint Chiefs of Staff');
  });

  it('credits the figure before "X disclosed the figure" to X', () => {
    expect(
      claimantOf(
        "North Korea has sent another 2,200 soldiers to Russia. South Korea's military disclosed the figure on Monday.",
        2200,
      ),
    ).toBe('South Korea Joint Chiefs of Staff');
  });

  it('finds the speaker of a quote named in the sentence before, even without a verb', () => {
    expect(
      claimantOf(
        'Zelensky spoke in his evening address. "By our count, 3,300 North Korean soldiers were killed or wounded," he said.',
        3300,
      ),
    ).toBe('Volodymyr Zelensky');
  });
});
