/**
 * English rules from the errors of the quarter of the blind split moved to dev on 2026-12-06
 * (ids beginning 6 and 7, never read before): a helped country is no actor, a rate after the
 * noun, remnants of missiles, counted parts that name builders, injuries sustained, a relative
 * clause with its own speaker, the outlet in view when its citation is read, and Western media
 * and sources as claimants. Every sentence is invented.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import type { Figure } from '../../../shared/types.ts';

const read = (text: string): Figure[] =>
  extractFigures(`Test story\n\n${text}`, { published: '2025-03-01' });
const brief = (figures: Figure[]) =>
  figures.map((f) => [f.value, f.metric, f.unit, f.claimant] as const);

describe('what a number counts', () => {
  it('keeps North Korea the sender when Russia is the one it helps', () => {
    expect(read('North Korea has aided Russia by sending 9,000 troops to the front.')).toEqual([
      expect.objectContaining({ value: 9000, metric: 'deployed', side: 'KP' }),
    ]);
  });

  it('reads "loses 80 soldiers daily" as a rate, not a count', () => {
    expect(read('Analysts say the North Korean contingent loses about 80 soldiers daily.')).toEqual(
      [],
    );
  });

  it('does not count remnants of missiles as missiles supplied', () => {
    expect(
      read('Investigators studied remnants of five North Korean missiles recovered near Kyiv.'),
    ).toEqual([]);
  });

  it('names a total by its counted parts when all of them are builders and deminers', () => {
    const f = read(
      'North Korea will send 7,000 personnel to Russia, including 2,000 combat engineers and 5,000 military builders.',
    );
    expect(f.map((x) => [x.value, x.unit])).toEqual([
      [7000, 'workers'],
      [2000, 'deminers'],
      [5000, 'workers'],
    ]);
  });

  it('leaves a total of troops as troops when a part is not counted or not a builder', () => {
    expect(
      read('North Korea will send 7,000 troops to Kursk, including 1,000 deminers.')[0],
    ).toMatchObject({ value: 7000, unit: 'troops' });
    expect(
      read('North Korea sent 12,000 troops, including 500 officers and 300 builders.')[0],
    ).toMatchObject({ value: 12000, unit: 'troops' });
  });

  it('reads a Seoul headline\'s "the North" and its comma-joined builders', () => {
    const f = extractFigures(
      'North to send 7,000 military engineers, construction workers to Russia\n\nNorth Korea will send them this summer, reports said.',
      { published: '2025-06-17' },
    );
    expect(f.map((x) => [x.value, x.metric, x.unit])).toEqual([[7000, 'deployed', 'workers']]);
  });

  it('reads "between 30 to 50 miles" as one measured range, no count', () => {
    expect(
      read(
        'A Ukrainian officer said the North Korean soldiers were housed in barracks between 30 to 50 miles from the border.',
      ),
    ).toEqual([]);
  });

  it('reads the whole force a loss is only foreseen for as deployed, credited to analysts of a body', () => {
    const f = read(
      'If losses go on at this rate, all 13,000 North Korean soldiers in Kursk could be killed or wounded by May, ISW analysts said.',
    );
    expect(brief(f)).toEqual([[13000, 'deployed', 'troops', 'Institute for the Study of War']]);
  });

  it('reads people a dash sums up as the builders named before it', () => {
    const f = read(
      'North Korea will send "a division of builders, two brigades – 4,000 people" and 2,000 deminers to Kursk, Shoigu said.',
    );
    expect(f.map((x) => [x.value, x.unit])).toEqual([
      [4000, 'workers'],
      [2000, 'deminers'],
    ]);
  });

  it('reads the part that "have become casualties" and workers Russia recruits', () => {
    const f = read(
      'The report estimates that over 5,000 of the roughly 12,000 North Korean personnel sent to the area have become casualties.',
    );
    expect(f.map((x) => [x.value, x.metric])).toEqual([
      [5000, 'casualties'],
      [12000, 'deployed'],
    ]);
    expect(
      read('Russia plans to recruit about 13,000 North Korean workers for its drone plants.')[0],
    ).toMatchObject({ value: 13000, metric: 'deployed', unit: 'workers' });
    expect(
      read('Analysts say Pyongyang suffered the loss of around 2,500 troops in Kursk.')[0],
    ).toMatchObject({ value: 2500, metric: 'casualties' });
  });

  it('reads soldiers who "have sustained injuries" as wounded', () => {
    const f = read(
      'Kyiv says some 500 North Korean soldiers have lost their lives, while around 2,900 have sustained injuries.',
    );
    expect(f.map((x) => [x.value, x.metric])).toEqual([
      [500, 'killed'],
      [2900, 'wounded'],
    ]);
  });
});

describe('who gives it', () => {
  it('credits the speaker of a relative clause that carries the number', () => {
    const f = read(
      'The new units come from North Korea, which Western officials estimate has sent at least 14,000 soldiers so far.',
    );
    expect(brief(f)).toEqual([[14000, 'deployed', 'troops', 'Western officials']]);
  });

  it('"the Institute" after a sentence that names the ISW without a source of its own', () => {
    const f = read(
      'As a result, the ISW calculated that North Korean losses were about 90 soldiers a day.\nThe Institute recalled that North Korea had deployed some 13,000 soldiers to Kursk.',
    );
    expect(brief(f)).toEqual([[13000, 'deployed', 'troops', 'Institute for the Study of War']]);
  });

  it('credits the body that "indicates", nearer the number than the lawmaker relaying it', () => {
    const f = read(
      'According to Yu, Ukrainian intelligence indicates that about 450 North Korean soldiers have died.',
    );
    expect(brief(f)).toEqual([[450, 'killed', 'troops', 'Ukrainian intelligence']]);
  });

  it('keeps the outlet when what it cites is unnamed contacts in some countries', () => {
    const f = read(
      'North Korea is weighing sending about 24,000 workers to Russia. This was reported by NHK with reference to diplomatic interlocutors in Russia and Europe.',
    );
    expect(brief(f)).toEqual([[24000, 'deployed', 'workers', 'NHK']]);
  });

  it("does not give a number after an aside on the subject to the aside's speaker", () => {
    const f = read(
      "The figure, which Zelensky said came from his commanders, is far above the 1,300 North Korean casualties reported by South Korea's Joint Chiefs of Staff.",
    );
    expect(f[0]).toMatchObject({ value: 1300, claimant: 'South Korea Joint Chiefs of Staff' });
  });

  it('reads "the country\'s ministry" an outlet cites as the outlet\'s country', () => {
    const f = read(
      "North Korea has shipped about 250 self-propelled guns to Russia, according to South Korea's Yonhap news agency, citing the country's Ministry of Defense.",
    );
    expect(brief(f)).toEqual([
      [250, 'supplied', 'artillery', 'South Korea Ministry of National Defense'],
    ]);
  });

  it("knows the South's defence ministry and Western media", () => {
    expect(
      read(
        "The South's defense ministry estimated that North Korea has shipped some 21,000 containers to Russia.",
      )[0],
    ).toMatchObject({ claimant: 'South Korea Ministry of National Defense' });
    expect(
      read(
        'Western media claim that over 12,000 North Korean soldiers are fighting for Russia.',
      )[0],
    ).toMatchObject({ claimant: 'Western media' });
  });
});
