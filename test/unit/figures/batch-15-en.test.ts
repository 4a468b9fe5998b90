/**
 * English rules from the natural errors of the 2026-12-15 batch (its dev half, read after its
 * first run): a part of a whole ("1,000 of the 11,000 troops … died"), thousands grouped with
 * points by a European desk, "the agency's estimates" as the agency last named, lawmakers
 * briefed by a body as that body's relay, and "held captive" or "in custody" as capture. Every
 * sentence is invented.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import type { Figure } from '../../../shared/types.ts';

const read = (text: string): Figure[] =>
  extractFigures(`Test story\n\n${text}`, { published: '2025-03-01' });
const brief = (figures: Figure[]) =>
  figures.map((f) => [f.value, f.metric, f.unit, f.claimant] as const);

describe('a part of a whole', () => {
  it('reads the part by the predicate and the whole as the force sent', () => {
    const f = read(
      'At least 2,500 of the 14,000 troops sent from North Korea have died since spring, British officials said.',
    );
    expect(brief(f)).toEqual([
      [2500, 'killed', 'troops', 'United Kingdom'],
      [14000, 'deployed', 'troops', 'United Kingdom'],
    ]);
  });

  it('takes a loss of both kinds for the part and keeps the noun after the whole', () => {
    const f = read(
      'Ukraine says some 3,500 of the 12,000 North Korean soldiers in Kursk have been killed or wounded.',
    );
    expect(f.map((x) => [x.value, x.metric, x.unit])).toEqual([
      [3500, 'casualties', 'troops'],
      [12000, 'deployed', 'troops'],
    ]);
  });
});

describe('numbers a European desk writes', () => {
  it('reads "1.000" and "11.000" in an English story as thousands', () => {
    const f = read(
      'Officials in Warsaw said they believed at least 1.500 of the 13.000 North Korean troops sent to Russia had died.',
    );
    expect(f.map((x) => [x.value, x.metric])).toEqual([
      [1500, 'killed'],
      [13000, 'deployed'],
    ]);
  });

  it('keeps a point as a decimal before a scale word', () => {
    const f = read('North Korea has shipped 1.500 million artillery shells to Russia.');
    expect(f.map((x) => [x.value, x.unit])).toEqual([[1500000, 'shells']]);
  });
});

describe('who gave it', () => {
  it('"the agency\'s estimates" in a paragraph of its own is the agency named before', () => {
    const f = read(
      "The National Intelligence Service said Pyongyang had rotated its units in Kursk.\n\nAccording to the agency's estimates, about 400 North Korean troops were killed and some 3,100 injured.",
    );
    expect(f.map((x) => x.claimant)).toEqual([
      'South Korea National Intelligence Service',
      'South Korea National Intelligence Service',
    ]);
  });

  it('lawmakers briefed by the spy agency relay the agency, not the outlet citing them', () => {
    const f = read(
      "About 2,300 North Korean soldiers have died fighting for Russia, Yonhap reported on Tuesday, citing lawmakers briefed by the country's intelligence service.",
    );
    expect(brief(f)).toEqual([
      [2300, 'killed', 'troops', 'South Korea National Intelligence Service'],
    ]);
  });

  it("knows Seoul's foreign ministry as a body of its own", () => {
    const f = read(
      "Ukraine is holding two North Korean soldiers captive, South Korea's Foreign Ministry said.",
    );
    expect(brief(f)).toEqual([
      [2, 'captured', 'troops', 'South Korea Ministry of Foreign Affairs'],
    ]);
  });
});

describe('capture in other words', () => {
  it('counts soldiers held captive or in custody as captured', () => {
    expect(read('Three North Korean soldiers are being held captive by Ukraine.')[0]).toMatchObject(
      { value: 3, metric: 'captured' },
    );
    expect(read('Three North Korean soldiers are now in Ukrainian custody.')[0]).toMatchObject({
      value: 3,
      metric: 'captured',
    });
  });
});
