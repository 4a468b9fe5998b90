import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import { describeFigure, FigureSet, figureKey } from '../../../shared/figures/identity.ts';
import type { Figure } from '../../../shared/types.ts';

const base: Figure = {
  metric: 'casualties',
  unit: 'troops',
  value: 3000,
  qualifier: 'more_than',
  claimant: 'Volodymyr Zelensky',
  claimantCountry: 'UA',
  side: 'KP',
  evidence: '…',
};

describe('figureKey', () => {
  it('is metric|unit|value|valueHigh|side', () => {
    expect(figureKey(base)).toBe('casualties|troops|3000||KP');
    expect(figureKey({ ...base, metric: 'deployed', value: 10_000, valueHigh: 12_000 })).toBe(
      'deployed|troops|10000|12000|KP',
    );
  });

  it('ignores qualifier, claimant and date', () => {
    const other: Figure = { ...base, qualifier: 'exact', claimant: null, asOf: '2024-12-23' };
    expect(figureKey(other)).toBe(figureKey(base));
  });

  it('keeps an increment apart from a total of the same size', () => {
    const more: Figure = { ...base, metric: 'deployed', qualifier: 'exact', increment: true };
    expect(figureKey(more)).toBe('deployed|troops|3000||KP|+');
    expect(figureKey({ ...more, increment: false })).toBe('deployed|troops|3000||KP');
    expect(describeFigure(more)).toBe('3,000 more North Korean troops deployed to Russia');
  });

  it('tells sides apart', () => {
    expect(figureKey({ ...base, side: 'RU' })).not.toBe(figureKey(base));
  });
});

describe('describeFigure', () => {
  it.each([
    [base, 'More than 3,000 North Korean troops killed or wounded'],
    [
      { ...base, metric: 'supplied', unit: 'containers', value: 7000, qualifier: 'about' },
      'About 7,000 containers supplied by North Korea',
    ],
    [
      { ...base, metric: 'deployed', value: 10_000, valueHigh: 12_000, qualifier: 'range' },
      '10,000–12,000 North Korean troops deployed to Russia',
    ],
    [
      { ...base, metric: 'captured', value: 1, qualifier: 'exact' },
      '1 North Korean soldier captured',
    ],
    [
      { ...base, metric: 'deployed', unit: 'generals', value: 3, qualifier: 'exact' },
      '3 North Korean generals deployed to Russia',
    ],
    [
      { ...base, metric: 'wounded', value: 1000, qualifier: 'at_least' },
      'At least 1,000 North Korean troops wounded',
    ],
    [
      { ...base, metric: 'deployed', value: 50_000, qualifier: 'exact', side: 'RU' },
      '50,000 Russian troops deployed',
    ],
    [
      { ...base, metric: 'supplied', unit: 'shells', value: 12_000_000, qualifier: 'up_to' },
      'Up to 12,000,000 artillery shells supplied by North Korea',
    ],
  ] as Array<[Figure, string]>)('describes %o', (figure, words) => {
    expect(describeFigure(figure)).toBe(words);
  });
});

describe('one story telling a figure twice', () => {
  it('keeps "another 1,000" and "the 1,000" of two sentences as one figure, apart in one sentence', () => {
    const text =
      'North Korea will send another 1,000 sappers to Kursk, Shoigu said.\n\n' +
      'The 1,000 sappers are to clear mines left by the fighting.';
    expect(extractFigures(`Test story\n\n${text}`).filter((f) => f.value === 1000)).toHaveLength(1);
    const same = extractFigures(
      'Test story\n\nNorth Korea sent 3,000 troops in October and will send another 3,000 in December.',
    );
    expect(same.map((f) => Boolean(f.increment))).toEqual([false, true]);
  });
});

describe('FigureSet', () => {
  const total: Figure = {
    ...base,
    metric: 'deployed',
    value: 3000,
    qualifier: 'exact',
    evidence: 'North Korea sent 3,000 troops in October and will send another 3,000 in December.',
  };
  const more: Figure = { ...total, increment: true };

  it('keeps a total and an increment of one sentence apart, whichever comes first', () => {
    for (const order of [
      [total, more],
      [more, total],
    ]) {
      const set = new FigureSet();
      for (const f of order) set.add(f, 1);
      expect(
        set
          .list()
          .map((f) => Boolean(f.increment))
          .sort(),
      ).toEqual([false, true]);
    }
  });

  it('keeps one figure for a total and an increment of two sentences, the better ranked', () => {
    const set = new FigureSet();
    set.add({ ...more, evidence: 'North Korea will send another 3,000 troops.' }, 1);
    set.add({ ...total, evidence: 'The 3,000 troops will arrive in December.' }, 2);
    expect(set.list().map((f) => [f.value, Boolean(f.increment)])).toEqual([[3000, false]]);
  });

  it('counts a loss told in two trades as troops, once', () => {
    const set = new FigureSet();
    const killed: Figure = { ...base, metric: 'killed', value: 9, qualifier: 'exact' };
    set.add({ ...killed, unit: 'deminers', evidence: 'Nine sappers died.' }, 1);
    set.add({ ...killed, unit: 'troops', evidence: 'Nine soldiers died.' }, 1);
    expect(set.list().map((f) => [f.value, f.unit])).toEqual([[9, 'troops']]);
  });
});
