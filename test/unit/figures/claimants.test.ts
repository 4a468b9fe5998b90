import { describe, expect, it } from 'vitest';
import {
  canonicalClaimant,
  findClaimantMentions,
  sameClaimant,
} from '../../../shared/figures/claimants.ts';

describe('canonicalClaimant', () => {
  it.each([
    ['Zelensky', 'Volodymyr Zelensky', 'UA'],
    ['Zelenskyy', 'Volodymyr Zelensky', 'UA'],
    ['Zelenskiy', 'Volodymyr Zelensky', 'UA'],
    ['President Volodymyr Zelenskyy', 'Volodymyr Zelensky', 'UA'],
    ['Syrsky', 'Oleksandr Syrskyi', 'UA'],
    ['Sirsky', 'Oleksandr Syrskyi', 'UA'],
    ['Gen. Oleksandr Syrskyi', 'Oleksandr Syrskyi', 'UA'],
    ['JCS', 'South Korea Joint Chiefs of Staff', 'KR'],
    ['the Joint Chiefs of Staff', 'South Korea Joint Chiefs of Staff', 'KR'],
    ["South Korea's military", 'South Korea Joint Chiefs of Staff', 'KR'],
    ['South Korean Joint Chiefs of Staff', 'South Korea Joint Chiefs of Staff', 'KR'],
    ['NIS', 'South Korea National Intelligence Service', 'KR'],
    ['National Intelligence Service', 'South Korea National Intelligence Service', 'KR'],
    ["Seoul's spy agency", 'South Korea National Intelligence Service', 'KR'],
    ['South Korean military intelligence', 'South Korean military intelligence', 'KR'],
    ['HUR', 'Ukraine Main Intelligence Directorate', 'UA'],
    ['GUR', 'Ukraine Main Intelligence Directorate', 'UA'],
    ['Main Intelligence Directorate', 'Ukraine Main Intelligence Directorate', 'UA'],
    ["Ukraine's military intelligence", 'Ukraine Main Intelligence Directorate', 'UA'],
    ['the Pentagon', 'Pentagon', 'US'],
    ['the Kremlin', 'Kremlin', 'RU'],
    ['Shoigu', 'Sergei Shoigu', 'RU'],
    ['Korean Central News Agency', 'KCNA', 'KP'],
    ['South Korean MP Lee Sung-kwon', 'Lee Sung-kwon', 'KR'],
    ['Lee Seong-kweun', 'Lee Sung-kwon', 'KR'],
  ])('%s -> %s (%s)', (name, canonical, country) => {
    expect(canonicalClaimant(name)).toEqual({ name: canonical, country });
  });

  it('names a joint source by its members, however they are spelled or ordered', () => {
    const joint = { name: 'Joint: South Korea, Ukraine, United States', country: null };
    expect(canonicalClaimant('American, South Korean and Ukrainian authorities')).toEqual(joint);
    expect(canonicalClaimant('the US, Ukraine, and South Korea')).toEqual(joint);
    expect(canonicalClaimant('U.S., South Korean and Ukrainian intelligence officials')).toEqual(
      joint,
    );
  });

  it('keeps unknown claimants, with the country their words give', () => {
    expect(canonicalClaimant('South Korean military sources')).toEqual({
      name: 'South Korean military sources',
      country: 'KR',
    });
  });

  it('does not reduce a body to the country that modifies it', () => {
    expect(canonicalClaimant('Ukraine Air Force').name).toBe('Ukraine Air Force');
  });
});

describe('sameClaimant', () => {
  it('equates spellings of one person or body', () => {
    expect(sameClaimant('Zelensky', 'Volodymyr Zelenskyy')).toBe(true);
    expect(sameClaimant('JCS', "South Korea's military")).toBe(true);
    expect(sameClaimant('Joint Chiefs of Staff', 'South Korea Joint Chiefs of Staff')).toBe(true);
    expect(
      sameClaimant(
        'american, south korean and ukrainian authorities',
        'American, South Korean and Ukrainian authorities',
      ),
    ).toBe(true);
  });

  it('tells different claimants apart', () => {
    expect(sameClaimant('Zelensky', 'Syrskyi')).toBe(false);
    expect(sameClaimant('NIS', 'JCS')).toBe(false);
    expect(sameClaimant('South Korean intelligence', 'South Korean military intelligence')).toBe(
      false,
    );
  });

  it('matches null only with null', () => {
    expect(sameClaimant(null, null)).toBe(true);
    expect(sameClaimant(null, 'NIS')).toBe(false);
    expect(sameClaimant('NIS', undefined)).toBe(false);
  });
});

describe('findClaimantMentions', () => {
  it('prefers the longest spelling', () => {
    const text = 'South Korean military intelligence and the JCS, but not jcs';
    expect(findClaimantMentions(text).map((m) => text.slice(m.start, m.end))).toEqual([
      'South Korean military intelligence',
      'JCS',
    ]);
  });
});
