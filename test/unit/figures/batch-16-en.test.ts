/**
 * English rules from the natural errors of the 2026-12-16 batch (its dev half, read after its
 * first run). Every sentence is invented.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import type { Figure } from '../../../shared/types.ts';

const read = (text: string): Figure[] =>
  extractFigures(`Test story\n\n${text}`, { published: '2025-03-01' });
const brief = (figures: Figure[]) =>
  figures.map((f) => [f.value, f.metric, f.unit, f.claimant] as const);

describe('a quote inside an aside on the speaker', () => {
  it('still credits the speaker when the quote closes on its own comma', () => {
    const f = read(
      'Ukrainian President Volodymyr Zelensky, who has accused Moscow of “hiding the dead,” said in February that up to 3,000 North Korean soldiers had been killed or wounded.',
    );
    expect(brief(f)).toEqual([[3000, 'casualties', 'troops', 'Volodymyr Zelensky']]);
  });

  it('still credits the speaker when the comma follows the quote', () => {
    const f = read(
      'South Korea\'s spy agency, which called the deployment "a grave threat", said 1,500 North Korean special forces had arrived in Vladivostok.',
    );
    expect(brief(f)).toEqual([
      [1500, 'deployed', 'troops', 'South Korea National Intelligence Service'],
    ]);
  });
});

describe('the leader at a ceremony for the dead', () => {
  it('reads "Kim Jong-un" with a hyphen as North Korea and as the one who gives the count', () => {
    const f = read(
      'Kim Jong-un celebrated seven members of the battalion who died during their deployment.',
    );
    expect(brief(f)).toEqual([[7, 'killed', 'troops', 'Kim Jong Un']]);
  });
});

describe("a headline's country", () => {
  it('is the person of that country the story has speak', () => {
    const f = extractFigures(
      'Ukraine says three North Korean soldiers captured in Kursk\n\nPresident Volodymyr Zelensky said the men were being questioned by investigators in Kyiv.',
      { published: '2025-02-01' },
    );
    expect(brief(f)).toEqual([[3, 'captured', 'troops', 'Volodymyr Zelensky']]);
  });

  it("does not outrank the body's own wording of the same figure", () => {
    const f = extractFigures(
      'U.S. says 7,000 North Korean troops in Kursk\n\nThe United States estimates that about 7,000 North Korean soldiers have reached the Kursk region, Secretary of State Antony Blinken said.',
      { published: '2024-11-01' },
    );
    expect(f.map((x) => [x.value, x.qualifier, x.claimant])).toEqual([
      [7000, 'about', 'United States'],
    ]);
  });
});

describe('a lawmaker an outlet reports', () => {
  it('stays the source when the sentence closes on the outlet', () => {
    const f = read(
      'One South Korean lawmaker estimated that Pyongyang had shipped at least two million shells, per Politico.',
    );
    expect(brief(f)).toEqual([[2000000, 'supplied', 'shells', 'South Korean lawmaker']]);
  });
});

describe('scraped text', () => {
  it('reads a character reference ("Ukraine&#39;s") as its character, never as a number', () => {
    const f = read('Ukraine&#39;s president says 40 North Korean soldiers were killed near Kursk');
    expect(f.map((x) => x.value)).toEqual([40]);
  });
});

describe('numbers a broadcaster spells out', () => {
  it('reads "one-point-five million" and "one and a half million"', () => {
    expect(
      read('North Korea has given one-point-five million shells to Russia.').map((x) => x.value),
    ).toEqual([1500000]);
    expect(
      read('Moscow has imported two and a half million shells from North Korea.').map(
        (x) => x.value,
      ),
    ).toEqual([2500000]);
  });

  it('reads "Russia may attract another 20-25 thousand" North Korean soldiers as sent', () => {
    const f = read('Russia may attract another 20-25 thousand North Korean soldiers, Kyiv says.');
    expect(f.map((x) => [x.metric, x.value, x.valueHigh, x.increment])).toEqual([
      ['deployed', 20000, 25000, true],
    ]);
  });
});

describe('who spoke', () => {
  it('is the person before an appositive title the writer never closed', () => {
    const f = read(
      'Major General Vadym Skibitsky, deputy chief of Kyiv’s intelligence directorate said North Korea had sent 900,000 shells.',
    );
    expect(brief(f)).toEqual([[900000, 'supplied', 'shells', 'Vadym Skibitskyi']]);
  });

  it('leaves "reportedly" out of who spoke', () => {
    const f = read(
      'A senior Ukrainian official reportedly said that North Korea had sent 900,000 shells.',
    );
    expect(f[0]?.claimant ?? '').not.toMatch(/reportedly/);
  });
});

describe('batch 2026-12-17', () => {
  it('reads "no more than fifty" as up to fifty, and "the media agency" as the outlet named last', () => {
    const f = read(
      'Officials worry about the missiles, reports The New York Times. As the media agency notes, Russia has received no more than fifty ballistic missiles from North Korea.',
    );
    expect(f.map((x) => [x.value, x.qualifier, x.claimant])).toEqual([
      [50, 'up_to', 'The New York Times'],
    ]);
  });
});

describe('"according to" with a word for the estimate', () => {
  it('reads whose estimates they are, and stops at the comma before the clause', () => {
    expect(
      read(
        'According to South Korean estimates, North Korea has sent 11,000 troops to Russia.',
      ).map((x) => x.claimant),
    ).toEqual(['South Korea']);
    expect(
      read(
        'According to United States estimates, North Korea has sent 11,000 troops to Russia.',
      ).map((x) => x.claimant),
    ).toEqual(['United States']);
  });

  it('never takes the North for a member of a list of sources', () => {
    const f = read(
      'According to estimates from the US, Ukraine and South Korea, North Korea has sent 11,000 troops to Russia.',
    );
    expect(f[0]?.claimant).not.toMatch(/North Korea/);
  });
});

describe('a source phrase', () => {
  it('ends before the verb it is the subject of', () => {
    const f = read(
      'Estimates by U.S. and South Korean officials put the first contingent at 11,000 to 12,000 North Korean troops.',
    );
    expect(f.map((x) => x.claimant)).toEqual(['U.S. and South Korean officials']);
  });
});
