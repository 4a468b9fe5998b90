/**
 * English rules found on real coverage annotated for the 2026-12-12 batch: a long described
 * source after an inverted verb of saying ("…, says a South Korean military intelligence
 * report") is the subject, not the place named last before the verb.
 * Every sentence here is invented.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';

const claimantOf = (text: string, value: number): string | null => {
  const f = extractFigures(`Test story\n\n${text}`, { published: '2025-03-01' }).find(
    (x) => x.value === value,
  );
  return f === undefined ? 'missing' : f.claimant;
};

describe('a described source after an inverted verb of saying', () => {
  it('reads a source of five words after "says" as the subject', () => {
    expect(
      claimantOf(
        'North Korea has shipped over 9,000 containers to Russia, says a South Korean military intelligence report.',
        9000,
      ),
    ).toBe('South Korean military intelligence');
  });

  it('never takes the destination before the verb as the source', () => {
    expect(
      claimantOf(
        'North Korea has shipped over 9,000 containers to Russia, says a newly released military intelligence assessment by lawmakers.',
        9000,
      ),
    ).not.toBe('Russia');
  });
});

describe('an outlet that cited its source once', () => {
  it('relays that source in what it reports later in the story', () => {
    const text =
      'North Korea is arming Russia, Yonhap reported, citing Ukrainian intelligence.\n' +
      'Yonhap reported on Friday that about 40 Koksan howitzers and 16 multiple rocket launchers from North Korea will be delivered to the Kursk region.';
    expect(claimantOf(text, 40)).toBe('Ukrainian intelligence');
    expect(claimantOf(text, 16)).toBe('Ukrainian intelligence');
  });

  it('keeps the outlet when it never said whom it cites', () => {
    expect(
      claimantOf(
        'Yonhap reported on Friday that about 40 Koksan howitzers from North Korea will be delivered to the Kursk region.',
        40,
      ),
    ).toBe('Yonhap');
  });
});

describe('a nationality’s intelligence report', () => {
  it('credits "citing a Ukrainian intelligence assessment" to Ukrainian intelligence', () => {
    expect(
      claimantOf(
        'Another 20,000 North Korean soldiers are expected in Russia, CNN reported, citing a Ukrainian intelligence assessment.',
        20000,
      ),
    ).toBe('Ukrainian intelligence');
    expect(
      claimantOf(
        'North Korea has lost 2,500 troops, according to a British Ministry of Defence intelligence report.',
        2500,
      ),
    ).toBe('UK Ministry of Defence');
  });
});

describe('lawmakers described by what they attend', () => {
  it('reads "the lawmakers attending the … intelligence committee hearing" as relaying the NIS', () => {
    expect(
      claimantOf(
        'Pyongyang has sent about 3,500 labourers to Russia this year, according to the lawmakers attending a closed-door intelligence committee hearing.',
        3500,
      ),
    ).toBe('South Korea National Intelligence Service');
  });

  it('gives nobody when no briefing is in view', () => {
    expect(
      claimantOf(
        'Pyongyang has sent about 3,500 labourers to Russia this year, according to lawmakers from the ruling party.',
        3500,
      ),
    ).toBeNull();
  });
});

describe('the dead a memorial counts', () => {
  it('are killed, not deployed, when the memorial word governs the count', () => {
    const f = extractFigures(
      'Test story\n\nThe hall displayed portraits of 87 North Korean soldiers sent to Kursk.\n\nA new memorial will honour the 9,000 troops sent there.',
      { published: '2025-03-01' },
    );
    expect(f.map((x) => [x.value, x.metric])).toEqual([
      [87, 'killed'],
      [9000, 'deployed'],
    ]);
  });

  it("are North Korea's own count when the story names no source", () => {
    expect(
      claimantOf(
        'A memorial wall in Pyongyang carried the portraits of 87 North Korean soldiers who died in Kursk.',
        87,
      ),
    ).toBe('North Korea');
  });
});

describe('a list under a sentence that names its source', () => {
  it('says what that source said, item by item', () => {
    const f = extractFigures(
      'Test story\n\nNorth Korea has sent 2 million shells to Russia, Ukraine’s defence minister Rustem Umerov said on Monday.\n\n  • North Korea has also shipped about 4,100 containers to Russia.\n  • Some 60 artillery systems went with them.\n\nThe Kremlin declined to comment.',
      { published: '2025-03-01' },
    );
    expect(f.map((x) => [x.value, x.claimant])).toEqual([
      [2000000, 'Rustem Umerov'],
      [4100, 'Rustem Umerov'],
      [60, 'Rustem Umerov'],
    ]);
  });
});

describe("a briefing's transcript", () => {
  it('credits what "we" say in a turn to the speaker its label names, and no one after a question', () => {
    const f = extractFigures(
      'Briefing\n\nDEPUTY PRESS SECRETARY SABRINA SINGH: Good afternoon, everyone.\n\nWe believe that North Korea has sent around 8,000 soldiers to eastern Russia.\n\nQ: We understand 2,000 North Korean soldiers are already in Kursk.\n\nMS. SINGH: We assess that about 3,000 North Korean soldiers have moved west.',
      { published: '2025-03-01' },
    );
    expect(f.map((x) => [x.value, x.claimant])).toEqual([
      [8000, 'Sabrina Singh'],
      [2000, null],
      [3000, 'Sabrina Singh'],
    ]);
  });
});
