/**
 * How English stories count North Korean materiel sent to Russia: artillery named by its head
 * noun alone or after "units of", ammunition counted as munitions or pieces, joined modifiers
 * that share one noun, and a count listed after a sentence of supply. Holding, use and other
 * countries' materiel stay out. Every sentence here is invented.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';

/** Each figure as [value, metric, unit]. */
const read = (text: string) =>
  extractFigures(`Test story\n\n${text}`, { published: '2025-03-01' }).map((f) => [
    f.value,
    f.metric,
    f.unit,
  ]);

describe('materiel counts', () => {
  it('reads "artillery" as the head noun when nothing follows it', () => {
    expect(read('North Korea sent 50 self-propelled artillery to Russia, Kyiv said.')).toEqual([
      [50, 'supplied', 'artillery'],
    ]);
    expect(read('North Korea delivered 100 pieces of artillery to Russia, Kyiv said.')).toEqual([
      [100, 'supplied', 'artillery'],
    ]);
  });

  it('reads the noun after "units of" and a gun\'s type name as the unit', () => {
    expect(
      read('North Korea sent up to 200 units of 170mm self-propelled artillery to Russia.'),
    ).toEqual([[200, 'supplied', 'artillery']]);
    expect(read('North Korea sent some 120 units of M1989 Koksan to Russia.')).toEqual([
      [120, 'supplied', 'artillery'],
    ]);
  });

  it('counts munitions and pieces of ammunition as shells', () => {
    expect(read('North Korea has shipped some 2.5 million artillery munitions to Russia.')).toEqual(
      [[2500000, 'supplied', 'shells']],
    );
    expect(read('North Korea has shipped 3 million pieces of ammunition to Russia.')).toEqual([
      [3000000, 'supplied', 'shells'],
    ]);
  });

  it('gives joined modifiers the noun they share, not the first modifier', () => {
    expect(
      read('North Korea has provided Russia with over 3 million artillery and mortar rounds.'),
    ).toEqual([[3000000, 'supplied', 'shells']]);
  });

  it('reads materiel listed after a sentence of North Korean supply as supplied', () => {
    expect(
      read(
        'Pyongyang has also provided weapons to Russia. These include 120 self-propelled guns and 120 multiple rocket launchers, the ministry said.',
      ),
    ).toEqual([
      [120, 'supplied', 'artillery'],
      [120, 'supplied', 'rocket_launchers'],
    ]);
  });

  it("leaves out materiel that is held, used, or another country's", () => {
    expect(read('North Korea keeps some 6,000 artillery pieces near the border.')).toEqual([]);
    expect(read('North Korea fired 200 artillery shells near the border island.')).toEqual([]);
    expect(
      read('North Korea is sending troops to Russia. Ukraine lost 300 howitzers last year.'),
    ).toEqual([]);
  });

  it('reads a number hyphened to a measure as a size, not a count', () => {
    expect(
      read(
        'North Korea sent at least 10 Koksan guns to Russia, with their 25-foot-long barrels in plain view.',
      ),
    ).toEqual([[10, 'supplied', 'artillery']]);
  });

  it('takes "according to" a capital for the source, not for where the materiel went', () => {
    expect(
      read('According to Kyiv, some 3,000 containers of shells were shipped from North Korea.'),
    ).toEqual([[3000, 'supplied', 'containers']]);
    // A real destination other than Russia still leaves the count out.
    expect(read('Allies pledged to send 400,000 shells to Kyiv this year.')).toEqual([]);
  });

  it('reads through "North Korean-made" between the number and its noun', () => {
    expect(read('Pyongyang has given Moscow some 60 North Korean-made Koksan guns.')).toEqual([
      [60, 'supplied', 'artillery'],
    ]);
  });
});
