import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';

const one = (text: string, published = '2024-12-23') => {
  const figures = extractFigures(text, { published });
  expect(figures, JSON.stringify(figures)).toHaveLength(1);
  return figures[0]!;
};

describe('extractFigures', () => {
  it('returns an empty array when there is nothing to find', () => {
    expect(extractFigures('')).toEqual([]);
    expect(extractFigures('   ')).toEqual([]);
    expect(extractFigures('Ukraine receives $1.1 billion from IMF.')).toEqual([]);
    expect(extractFigures(undefined as unknown as string)).toEqual([]);
  });

  it('reads a casualty figure with its hedge, claimant and date', () => {
    expect(
      one(
        'On Dec. 19, South Korean MP Lee Sung-kwon said at least 100 North Korean troops were killed.',
      ),
    ).toEqual({
      metric: 'killed',
      unit: 'troops',
      value: 100,
      qualifier: 'at_least',
      claimant: 'Lee Sung-kwon',
      claimantCountry: 'KR',
      side: 'KP',
      asOf: '2024-12-19',
      evidence:
        'On Dec. 19, South Korean MP Lee Sung-kwon said at least 100 North Korean troops were killed.',
    });
  });

  it('gives nobody as the claimant of "reportedly"', () => {
    const f = one('Russia has reportedly brought about 12,000 North Korean troops into Kursk.');
    expect(f).toMatchObject({
      metric: 'deployed',
      value: 12_000,
      claimant: null,
      claimantCountry: null,
    });
  });

  it('returns Russian troop counts with side RU', () => {
    expect(
      one('For its Kursk offensive, Russia has massed a force of 50,000 soldiers.'),
    ).toMatchObject({
      metric: 'deployed',
      value: 50_000,
      side: 'RU',
    });
  });

  it('leaves out calibres, distances, money, dates and unrelated counts', () => {
    const text = [
      'North Korea supplies 170 mm guns able to strike targets between 40 and 60 km away and 240-millimeter rocket launchers.',
      'On Dec. 23 at 6:40 PM the IMF paid $1.1 billion, its sixth tranche, 2 min read.',
      'North Korea fired 10 ballistic missiles into the sea, flying 400 km.',
      "North Korea's 11th Army Corps sent thousands of troops; KN-23 missiles were used.",
      'Russia launched 120 drones overnight.',
    ].join(' ');
    expect(extractFigures(text, { published: '2024-12-23' })).toEqual([]);
  });

  it('reads a change as its new value', () => {
    const f = one('The NIS said the number of North Korean troops killed rose from 300 to 600.');
    expect(f).toMatchObject({ metric: 'killed', value: 600 });
  });

  it('reads ranges', () => {
    expect(
      one('The Pentagon said 10,000-12,000 North Korean soldiers have been sent to Russia.'),
    ).toMatchObject({
      metric: 'deployed',
      value: 10_000,
      valueHigh: 12_000,
      qualifier: 'range',
      claimant: 'Pentagon',
    });
  });

  it('carries a quote that spans sentences to its speaker', () => {
    const figures = extractFigures(
      '“More than 4,000 North Korean troops have been killed or wounded. Roughly 1,400 were killed,” Zelenskiy wrote on Telegram.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['casualties', 4000, 'Volodymyr Zelensky'],
      ['killed', 1400, 'Volodymyr Zelensky'],
    ]);
  });

  it('resolves "he added" to the last person named', () => {
    const figures = extractFigures(
      'Oleksandr Syrsky said North Korean units had lost ground. He added that three North Korean soldiers had been captured.',
    );
    expect(figures).toMatchObject([
      { metric: 'captured', value: 3, claimant: 'Oleksandr Syrskyi' },
    ]);
  });

  it('keeps one figure per identity in an article', () => {
    const figures = extractFigures(
      'Zelensky: 3,000 North Korean troops killed or wounded\n\nPresident Volodymyr Zelensky said more than 3,000 North Korean troops were killed or wounded.',
    );
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ qualifier: 'more_than', claimant: 'Volodymyr Zelensky' });
  });

  it('reads supplies of materiel', () => {
    expect(
      one('Seoul’s spy agency said North Korea had shipped about 20,000 containers to Russia.'),
    ).toMatchObject({
      metric: 'supplied',
      unit: 'containers',
      value: 20_000,
      qualifier: 'about',
      claimant: 'South Korea National Intelligence Service',
    });
  });

  it('reads workers and deminers', () => {
    const figures = extractFigures(
      'Shoigu said North Korea would send 1,000 deminers and 5,000 military builders to Kursk.',
    );
    expect(figures.map((f) => [f.metric, f.unit, f.value])).toEqual([
      ['deployed', 'deminers', 1000],
      ['deployed', 'workers', 5000],
    ]);
  });
});
