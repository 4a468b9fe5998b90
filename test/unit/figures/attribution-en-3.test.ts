/**
 * English attribution rules found on real coverage annotated on 2026-12-07/08, each written as a
 * general rule: where an interview took place is no part of who gave it, a ministry "of" a
 * country is that country's ministry, "quoted X as saying" names X, a body's "authorities"
 * speak for it, unowned intelligence cited by a lawmaker who relays the NIS is the NIS's,
 * whoever memorialises the dead gives their number, and a person or body a figure's sentence
 * names, with no verb or citation, is its source.
 * Every sentence here is invented.
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

describe('who gave a figure', () => {
  it('drops "in an interview with" from a passive agent, so a later "him" finds the speaker', () => {
    const text =
      'North Korea has shipped about 2 million shells, and Vladimir Putin wants more.\n\n' +
      'This was stated by South Korean Defense Minister Shin Won-sik in an interview with a radio station.\n\n' +
      'According to him, at least 6,000 containers have left for Russia.';
    expect(claimantOf(text, 2000000)).toBe('Shin Won-sik');
    expect(claimantOf(text, 6000)).toBe('Shin Won-sik');
  });

  it('reads "the Ministry of X of Ukraine" as that country\'s ministry, not the country', () => {
    expect(
      claimantOf(
        'Russia will bring 4,000 workers from North Korea, according to the Ministry of Social Policy of Ukraine.',
        4000,
      ),
    ).toBe('Ukraine Ministry of Social Policy');
    expect(
      claimantOf(
        'Russia will bring 4,000 workers from North Korea, according to the Security Service of Ukraine.',
        4000,
      ),
    ).toBe('Ukraine Security Service');
  });

  it('credits the one quoted "as saying", not the outlet that quotes', () => {
    expect(
      claimantOf(
        'A news agency quoted a Ukrainian government paper as saying that North Korea sent 5,000 containers.',
        5000,
      ),
    ).toBe('Ukraine');
  });

  it("lets a body's authorities speak for it", () => {
    expect(
      claimantOf(
        'A network reported, citing Ukrainian intelligence authorities, that Pyongyang will send 12,000 more troops.',
        12000,
      ),
    ).toBe('Ukrainian intelligence');
  });

  it("gives unowned intelligence cited by an NIS-briefed lawmaker to the NIS, but not an outlet's", () => {
    expect(
      claimantOf(
        'Lawmaker Lee Seong-kweun, citing intelligence reports, said 300 North Korean soldiers had been killed.',
        300,
      ),
    ).toBe('South Korea National Intelligence Service');
    expect(
      claimantOf(
        'A newspaper, citing intelligence reports, said 300 North Korean soldiers had been killed.',
        300,
      ),
    ).not.toBe('South Korea National Intelligence Service');
  });

  it('credits whoever memorialises or honours the dead with their number', () => {
    expect(
      claimantOf(
        'Kim Jong Un welcomed the engineers home and memorialised six soldiers killed in Russia, state media said.',
        6,
      ),
    ).toBe('Kim Jong Un');
  });

  it('credits a known outlet after its descriptor', () => {
    expect(
      claimantOf(
        'North Korea may send up to 9,000 workers to Russia, Japanese public broadcaster NHK reported.',
        9000,
      ),
    ).toBe('NHK');
  });

  it("credits a body the figure's sentence names when no verb or citation ties it", () => {
    expect(
      claimantOf(
        "In the Pentagon's latest count, about 2,400 North Korean soldiers were killed or wounded in the Kursk region.",
        2400,
      ),
    ).toBe('Pentagon');
    expect(
      claimantOf(
        'A new South Korean military intelligence estimate puts North Korean losses at 4,700 dead and wounded.',
        4700,
      ),
    ).toBe('South Korean military intelligence');
  });

  it('takes no country, no North Korean actor and no one beside unnamed reports as that source', () => {
    expect(
      claimantOf(
        'North Korea has sent about 9,000 troops to Russia to fight against Ukraine.',
        9000,
      ),
    ).toBeNull();
    expect(
      claimantOf(
        'Kim Jong Un welcomed home 1,200 North Korean sappers who had cleared mines in Kursk.',
        1200,
      ),
    ).toBeNull();
    expect(
      claimantOf(
        'Dmitry Peskov would not comment on reports that 800 North Korean soldiers had been killed.',
        800,
      ),
    ).toBeNull();
  });
});
