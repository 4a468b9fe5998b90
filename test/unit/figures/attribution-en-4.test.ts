/**
 * English rules found on real coverage annotated for the 2026-12-09 batch, each written as a
 * general rule: a description before a proper name is an appositive, a comma inside a number
 * splits no phrase, "said" takes a titled name after it, a participle phrase after a subject
 * names no one, an initialism's points end no source, people sent for a task are named by it,
 * and one prisoner opening a sentence is a person followed, not a capture.
 * Every sentence here is invented.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';

const figures = (text: string) =>
  extractFigures(`Test story\n\n${text}`, { published: '2025-03-01' });

/** The claimant of the first figure with `value`, or "missing" when there is none. */
const claimantOf = (text: string, value: number): string | null => {
  const f = figures(text).find((x) => x.value === value);
  return f === undefined ? 'missing' : f.claimant;
};

describe('who gave a figure', () => {
  it('credits the proper name after a common-noun description', () => {
    expect(
      claimantOf(
        'Two North Korean prisoners of war want to resettle in South Korea, according to the human rights group Freedom Bridge Korea.',
        2,
      ),
    ).toBe('Freedom Bridge Korea');
  });

  it('reads "said defence analyst X" after a number with a thousands comma', () => {
    expect(
      claimantOf(
        'Some 3,000 North Korean troops have been killed, said defence analyst Ko Myung-hyun.',
        3000,
      ),
    ).toBe('Ko Myung-hyun');
    expect(
      claimantOf(
        'Some 3,000 North Korean troops have been killed, said on Tuesday Kim Tae-ho.',
        3000,
      ),
    ).toBeNull();
  });

  it('skips a participle phrase between the subject and its verb', () => {
    expect(
      claimantOf(
        "The Ukrainian 5th Special Operations Regiment, stationed near Russia's Kursk region, reported that it had killed 40 North Korean soldiers.",
        40,
      ),
    ).toBe('Ukraine Special Operations Forces');
  });

  it('reads an initialism with points as one source', () => {
    expect(
      claimantOf(
        'The new deployment follows a report from the U.K. Defense Ministry last week, stating that over 6,000 North Korean soldiers have been killed or wounded.',
        6000,
      ),
    ).toBe('UK Ministry of Defence');
  });

  it('credits the agent of "it is estimated by X that", and nobody for "it is believed"', () => {
    expect(
      claimantOf(
        'It is estimated by U.S. intelligence that 1,200 North Korean soldiers died.',
        1200,
      ),
    ).toBe('U.S. intelligence');
    expect(claimantOf('It is believed that 1,200 North Korean soldiers died.', 1200)).toBeNull();
  });

  it("reads a country's possessive before a known body as that body, not as a list", () => {
    expect(
      claimantOf(
        "About 3,000 North Korean soldiers have been killed, according to Ukraine's HUR intelligence agency.",
        3000,
      ),
    ).toBe('Ukraine Main Intelligence Directorate');
  });

  it('gives each of two sources in one passage its own number', () => {
    const text =
      'While the Pentagon counts 11,000 North Korean troops in Kursk, Seoul says there are 12,000.';
    expect(claimantOf(text, 11000)).toBe('Pentagon');
    expect(claimantOf(text, 12000)).toBe('South Korea');
    const aside =
      'The NIS said 300 North Korean soldiers had died. Ukraine, for its part, puts the toll at 1,000.';
    expect(claimantOf(aside, 1000)).toBe('Ukraine');
  });

  it('reads headline forms: "N. Korean", and a source after a closing colon', () => {
    expect(claimantOf('Seoul says 600 N. Korean soldiers were killed in Russia.', 600)).toBe(
      'South Korea',
    );
    expect(
      figures('N. Korea has sent 10,000 troops to Russia: Seoul').map((f) => [f.value, f.claimant]),
    ).toEqual([[10000, 'South Korea']]);
  });

  it("credits the spy agency's think tank, not the agency", () => {
    expect(
      claimantOf(
        'According to the NIS think tank, there are about 4,000 North Korean workers in Russia.',
        4000,
      ),
    ).toBe('Institute for National Security Strategy');
  });
});

describe('what a figure counts', () => {
  it('names people sent for reconstruction workers, and for mine clearance deminers', () => {
    const unitOf = (text: string) => figures(text).map((f) => [f.value, f.unit]);
    expect(
      unitOf(
        'North Korea will send 6,000 people to Kursk to help with reconstruction and mine removal, an official said.',
      ),
    ).toEqual([[6000, 'workers']]);
    expect(
      unitOf('North Korea will send 1,000 people to Kursk for mine clearance, an official said.'),
    ).toEqual([[1000, 'deminers']]);
  });

  it('reads one prisoner opening a sentence as a person, a capture of one as a count', () => {
    expect(
      figures(
        'Two North Korean soldiers were captured in January, Zelensky said. One prisoner had already asked to live in South Korea.',
      ).map((f) => f.value),
    ).toEqual([2]);
    expect(
      figures('Ukraine has taken one North Korean prisoner, Zelensky said.').map((f) => [
        f.value,
        f.metric,
      ]),
    ).toEqual([[1, 'captured']]);
  });
});

describe('the dead of a ceremony', () => {
  const killed = (text: string) =>
    figures(`North Korea sent an engineer regiment to Russia. ${text}`)
      .filter((f) => f.metric === 'killed')
      .map((f) => f.value);

  it('reads "sacrifices of N people" and "N members of the regiment died" as deaths', () => {
    expect(
      killed(
        'Kim said, "Although there were the heartbreaking sacrifices of nine people, I thank the regiment."',
      ),
    ).toEqual([9]);
    expect(killed('Nine members of the regiment died during the mission.')).toEqual([9]);
  });
});

describe('a count broken down in an aside', () => {
  it('finds the predicate after ", including …,"', () => {
    expect(
      figures(
        'Some 12,000 North Korean soldiers, including 500 officers and three generals, are in Russia, Ukraine said.',
      ).map((f) => [f.value, f.metric]),
    ).toContainEqual([12000, 'deployed']);
  });
});
