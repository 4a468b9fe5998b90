/**
 * English counting rules found on real coverage annotated for the 2026-12-10 batch, each a
 * general rule: soldiers and engineers sent for a task are named by it (in their own purpose
 * clause), "multiple launch systems" are rocket launchers, a capitalised word after a number
 * begins a name and lets no unit carry over, and a model number after a slash counts nothing.
 * Every sentence here is invented.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';

const read = (text: string) =>
  extractFigures(`Test story\n\n${text}`, { published: '2025-03-01' }).map((f) => [
    f.value,
    f.metric,
    f.unit,
  ]);

describe('what a count names', () => {
  it('names soldiers and engineers by the task of their own purpose clause', () => {
    expect(
      read(
        'About 4,000 North Korean engineering troops will go to Russia to repair roads and bridges, while another 800 soldiers are to specialise in demining.',
      ),
    ).toEqual([
      [4000, 'deployed', 'workers'],
      [800, 'deployed', 'deminers'],
    ]);
    expect(
      read(
        'North Korea sent 9,000 troops to Russia, where some helped with construction of trenches.',
      ),
    ).toEqual([[9000, 'deployed', 'troops']]);
  });

  it('reads multiple launch systems as rocket launchers', () => {
    expect(
      read(
        'Some 40 Koksan howitzers and 15 modernised multiple launch systems will go from North Korea to Russia.',
      ),
    ).toEqual([
      [40, 'supplied', 'artillery'],
      [15, 'supplied', 'rocket_launchers'],
    ]);
  });

  it('counts nothing in "two Far Eastern ports" or "M-1978/1989"', () => {
    expect(
      read(
        'North Korea sent troops to Russia. Explosives left from two Far Eastern ports for 12 towns.',
      ),
    ).toEqual([]);
    expect(read('North Korea sent an M-1978/1989 Koksan howitzer to Russia.')).toEqual([]);
  });

  it('reads "N dead and wounded" as casualties, and "N dead and M wounded" apart', () => {
    expect(read('North Korean losses stand at 3,900 dead and wounded, the JCS said.')).toEqual([
      [3900, 'casualties', 'troops'],
    ]);
    expect(
      read('Some 250 dead and 2,100 wounded North Korean soldiers were counted, the NIS said.'),
    ).toEqual([
      [250, 'killed', 'troops'],
      [2100, 'wounded', 'troops'],
    ]);
  });

  it("leaves out Russia's whole-war tolls, keeping the fighting beside North Korean troops", () => {
    expect(
      read(
        'North Korea sent troops to Russia last year. Russia has lost more than 650,000 soldiers in the war, Ukraine says.',
      ),
    ).toEqual([]);
  });

  it('takes the unit of "the number of X" for people in general, and counts no "other countries"', () => {
    expect(
      read(
        'North Korea is sending labour to Russia. The number of workers will reach 40 thousand people.',
      ),
    ).toEqual([[40000, 'deployed', 'workers']]);
    expect(
      read(
        'North Korea sent troops to Russia, a move condemned by the U.S. and some 30 other countries.',
      ),
    ).toEqual([]);
  });
});

describe('troops on their way (2026-12-12 batch)', () => {
  it('reads "are heading to", "headed for" and "had traveled" as a deployment', () => {
    expect(
      read('It is believed that at least 6,000 North Korean soldiers are heading to the front.'),
    ).toEqual([[6000, 'deployed', 'troops']]);
    expect(read('Some 2,500 North Korean troops were headed for Kursk, officials said.')).toEqual([
      [2500, 'deployed', 'troops'],
    ]);
    expect(
      read(
        'At least 7,000 North Korean troops had traveled thousands of miles from the Far East to the border.',
      ),
    ).toEqual([[7000, 'deployed', 'troops']]);
  });
});

describe('the engineer arm by its staff (2026-12-12 batch)', () => {
  it('reads "demining personnel" and "engineering personnel" as deminers', () => {
    expect(read('North Korea sent 800 demining personnel to the border region.')).toEqual([
      [800, 'deployed', 'deminers'],
    ]);
    expect(
      read('About 1,200 North Korean engineering personnel arrived in Kursk in August.'),
    ).toEqual([[1200, 'deployed', 'deminers']]);
    expect(read('North Korea sent 800 personnel to the border region.')).toEqual([
      [800, 'deployed', 'troops'],
    ]);
  });
});

describe('the war’s whole toll (2026-12-13 batch)', () => {
  it('reads a toll of 100,000 and more as no North Korean figure', () => {
    expect(
      read(
        'More than 150,000 soldiers have fallen in the war so far, and North Korea has lost 3,500 troops.',
      ),
    ).toEqual([[3500, 'casualties', 'troops']]);
  });
});
