/**
 * English attribution rules found on real coverage annotated on 2026-12-05 (issue #12), each
 * written as a general rule: a name after a determiner, dates and "-based" descriptors closing a
 * source, titled surnames, finding verbs, intelligence assessments, sentences broken over lines,
 * reduced passives, "This is what X said", a country inside its own official's words, acronyms
 * defined in brackets, a verb inside a known name, and a neighbouring sentence that points back.
 * Every sentence here is invented.
 */
import { describe, expect, it } from 'vitest';
import { sameClaimant } from '../../../shared/figures/claimants.ts';
import { extractFigures } from '../../../shared/figures/extract.ts';

/** The claimant of the first figure with `value`, or "missing" when there is none. */
const claimantOf = (text: string, value: number): string | null => {
  const f = extractFigures(`Test story\n\n${text}`, { published: '2025-03-01' }).find(
    (x) => x.value === value,
  );
  return f === undefined ? 'missing' : f.claimant;
};

describe('names and their trimmings', () => {
  it('reads a capitalised word after a sentence-initial determiner as a name', () => {
    expect(
      claimantOf(
        'The Telegraph reported on Oct. 9 that North Korea has sent Russia around 4 million shells.',
        4000000,
      ),
    ).toBe('Telegraph');
  });

  it('drops a date that closes an agent phrase', () => {
    expect(
      claimantOf(
        'Video published by Ukraine President Volodymyr Zelenskyy on Jan 20, 2025 shows two North Korean soldiers captured in Kursk.',
        2,
      ),
    ).toBe('Volodymyr Zelensky');
  });

  it('drops a "-based" descriptor and reads "Corp" as "Corporation"', () => {
    const c = claimantOf(
      'A report by a news site on May 2, citing London-based Global Defense Corp, claimed a strike killed about 200 North Korean soldiers.',
      200,
    );
    expect(c).toBe('Global Defense Corporation');
    expect(
      claimantOf(
        'North Korea has lost about 600 soldiers in Kursk, according to Vienna-based Frontline Monitor.',
        600,
      ),
    ).toBe('Frontline Monitor');
    expect(sameClaimant('Global Defense Corp', 'Global Defense Corporation')).toBe(true);
  });

  it('reads a titled surname as the person named in full before', () => {
    expect(
      claimantOf(
        'The briefing came from Rep. Park Sun-won of the intelligence committee. Rep. Park noted that Pyongyang sent an additional 1,500 troops.',
        1500,
      ),
    ).toBe('South Korea National Intelligence Service');
  });

  it('reads an acronym the story defined in brackets', () => {
    expect(
      claimantOf(
        "Britain's Defence Intelligence (DI) issued an update on Monday.\n\nDI said about 900 North Korean soldiers had been wounded.",
        900,
      ),
    ).toBe('UK Ministry of Defence');
  });

  it('does not read a verb inside a known name', () => {
    // "States" in "the United States" is no verb "states" with "… the United" as its subject.
    const c = claimantOf(
      'Officials in the United States expect some 6,000 North Korean troops to join the fighting.',
      6000,
    );
    expect(c ?? '').not.toMatch(/\bUnited$/u);
  });
});

describe('verbs and clauses', () => {
  it('takes the subject of a verb of finding', () => {
    expect(
      claimantOf(
        'Seoul has discovered at least 9,000 containers of munitions shipped from North Korea to Russia.',
        9000,
      ),
    ).toBe('South Korea');
  });

  it('takes the subject of "shared" data', () => {
    expect(
      claimantOf(
        'Zelenskiy shared preliminary figures indicating that over 2,500 North Korean soldiers have been killed or wounded.',
        2500,
      ),
    ).toBe('Volodymyr Zelensky');
  });

  it('credits the official whose words contain his country', () => {
    expect(
      claimantOf(
        'Defence Minister Shin Won-sik spoke on Monday. He said Seoul had discovered that some 2 million artillery shells were sent from North Korea to Russia.',
        2000000,
      ),
    ).toBe('Shin Won-sik');
  });

  it('reads "believed to" after a common noun as a hedge, not a verb', () => {
    expect(
      claimantOf(
        'North Korea delivered boxes believed to hold nearly 1 million artillery shells to Russia. This is what Defence Minister Shin Won-sik said.',
        1000000,
      ),
    ).toBe('Shin Won-sik');
  });

  it('gives "This is what X said" to the paragraph before it', () => {
    expect(
      claimantOf(
        'Pyongyang has shipped about 8,000 containers of munitions to Russia. Moscow wants more. This is what Defence Minister Shin Won-sik said on Friday.',
        8000,
      ),
    ).toBe('Shin Won-sik');
  });
});

describe('sources elsewhere', () => {
  it('reads intelligence assessments cited in reports as the source', () => {
    expect(
      claimantOf(
        'North Korea sent an estimated 11,000 soldiers to Russia, according to intelligence assessments cited in reports.',
        11000,
      ),
    ).toBe('intelligence assessments');
  });

  it('keeps the West as a member of a list of sources', () => {
    expect(
      claimantOf(
        'About 700 North Korean soldiers were killed, according to Ukrainian, South Korean and Western sources.',
        700,
      ),
    ).toBe('Ukrainian, South Korean and Western sources');
  });

  it('joins a sentence broken over lines and gives it its closing source', () => {
    expect(
      claimantOf(
        "North Korea sent some 10,000 soldiers to\n\nthe Kursk region,\n\nwhere many were killed, according to South Korea's National Intelligence Service.",
        10000,
      ),
    ).toBe('South Korea National Intelligence Service');
  });

  it('takes the source of a next sentence that points back', () => {
    expect(
      claimantOf(
        'Ukrainian troops have captured three North Korean soldiers. President Volodymyr Zelensky confirmed their capture on Sunday.',
        3,
      ),
    ).toBe('Volodymyr Zelensky');
  });

  it('does not take a next sentence that points elsewhere', () => {
    expect(
      claimantOf(
        'Ukrainian troops have captured three North Korean soldiers. President Volodymyr Zelensky said talks with allies went well.',
        3,
      ),
    ).toBe(null);
  });
});
