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

  it("reads a president's administration as the government and a bare nationality as its country", () => {
    expect(canonicalClaimant('Biden administration')).toEqual({
      name: 'United States',
      country: 'US',
    });
    expect(canonicalClaimant('Ukrainian')).toEqual({ name: 'Ukraine', country: 'UA' });
  });

  it('keeps unknown claimants, with the country their words give', () => {
    expect(canonicalClaimant('South Korean military sources')).toEqual({
      name: 'South Korean military sources',
      country: 'KR',
    });
  });

  it("knows NHK and Kyiv's intelligence network", () => {
    expect(canonicalClaimant('NHK')).toEqual({ name: 'NHK', country: 'JP' });
    expect(canonicalClaimant("Kyiv's intelligence network")).toEqual({
      name: 'Ukrainian intelligence',
      country: 'UA',
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

describe('claimant canonicalisation audit', () => {
  it.each([
    ["the Pentagon's spokesperson", 'Pentagon', 'US'],
    ['Pentagon officials', 'Pentagon', 'US'],
    ['DoD', 'Pentagon', 'US'],
    ['NIS officials', 'South Korea National Intelligence Service', 'KR'],
    ['South Korean spy service', 'South Korea National Intelligence Service', 'KR'],
    ["NATO's secretary-general", 'NATO', null],
    ['the NATO chief', 'NATO', null],
    ['Kyrylo Budanov, who leads the directorate', 'Kyrylo Budanov', 'UA'],
    ['Park Sun-won, a member of the committee', 'Park Sun-won', 'KR'],
    ["Ukraine's Defence Intelligence agency", 'Ukraine Main Intelligence Directorate', 'UA'],
    ['Defense Intelligence Directorate of Ukraine', 'Ukraine Main Intelligence Directorate', 'UA'],
    ["Ukraine's armed forces", 'Ukraine General Staff', 'UA'],
    ['South Korean military officials', 'South Korea Joint Chiefs of Staff', 'KR'],
    ["Seoul's defence ministry", 'South Korea Ministry of National Defense', 'KR'],
    ['South Korean President Yoon Suk Yeol', 'Yoon Suk Yeol', 'KR'],
    ['the White House National Security Council', 'White House', 'US'],
    ['Yoo Sang-bum', 'Yoo Sang-bum', 'KR'],
    ['Robert Wood', 'Robert Wood', 'US'],
    ['Julianne Smith', 'Julianne Smith', 'US'],
    ['Frank Gardner', 'Frank Gardner', 'GB'],
    ['Western officials', 'Western officials', null],
    ['the Global Defense Corporation', 'Global Defense Corporation', null],
  ])('%s -> %s (%s)', (name, canonical, country) => {
    expect(canonicalClaimant(name)).toEqual({ name: canonical, country });
  });

  it('scores a person and the body they speak for as two sources, a generic name and its body as one', () => {
    // FIGURES.md: the claimant is the person or body the story credits; a relaying lawmaker
    // must come out as the NIS, not be counted as it
    expect(sameClaimant('Sabrina Singh', 'the Pentagon')).toBe(false);
    expect(sameClaimant('Yoo Sang-bum', 'NIS')).toBe(false);
    expect(sameClaimant('South Korean intelligence', "Seoul's spy agency")).toBe(true);
  });

  it('lets a user filtering by a body find its people’s figures too', () => {
    const speakers = { speakers: true };
    expect(sameClaimant('Sabrina Singh', 'the Pentagon', speakers)).toBe(true);
    expect(sameClaimant('White House', 'John Kirby', speakers)).toBe(true);
    expect(sameClaimant('Blinken', 'State Department', speakers)).toBe(true);
    expect(sameClaimant('Rutte', 'NATO', speakers)).toBe(true);
    expect(sameClaimant('Budanov', 'HUR', speakers)).toBe(true);
    expect(sameClaimant('Shin Won-sik', "South Korea's defence ministry", speakers)).toBe(true);
    expect(sameClaimant('Yoo Sang-bum', 'NIS', speakers)).toBe(true);
  });

  it('never counts two different people, or a country and its body, as one', () => {
    expect(sameClaimant('Shin Won-sik', 'Kim Yong-hyun', { speakers: true })).toBe(false);
    expect(sameClaimant('Sabrina Singh', 'Lloyd Austin', { speakers: true })).toBe(false);
    expect(sameClaimant('South Korea', 'NIS')).toBe(false);
    expect(sameClaimant('United States', 'Pentagon')).toBe(false);
    expect(sameClaimant('South Korean military sources', 'JCS')).toBe(false);
  });
});
