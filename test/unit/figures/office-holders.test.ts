/**
 * A post named without its holder ("South Korea's defence minister said") credits the holder
 * when the same story names them, and the ministry when it does not: the way annotators and
 * readers credit it, so a user filtering by the minister's name finds the figure.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/index.ts';

const claimantsOf = (text: string) =>
  extractFigures(text, { published: '2024-06-10' }).map((f) => [f.value, f.claimant]);

describe('office holders', () => {
  it('credits the minister the story names to a later "defence chief"', () => {
    const text = [
      'Seoul briefing',
      'Defence Minister Shin Won-sik spoke to foreign reporters in Seoul on Monday.',
      'Pyongyang has sent about 7,000 containers of munitions to Russia since last summer, according to South Korea’s defense chief.',
    ].join('\n\n');
    expect(claimantsOf(text)).toEqual([[7000, 'Shin Won-sik']]);
  });

  it('leaves the figure with the ministry when no holder is named', () => {
    const text =
      'Pyongyang has sent about 7,000 containers of munitions to Russia, South Korea’s defence minister said.';
    expect(claimantsOf(text)).toEqual([[7000, 'South Korea Ministry of National Defense']]);
  });

  it('keeps the ministry when the story names the ministry itself, not the post', () => {
    const text = [
      'Defence Minister Shin Won-sik spoke to foreign reporters in Seoul on Monday.',
      'South Korea’s defence ministry said Pyongyang has sent about 7,000 containers of munitions to Russia.',
    ].join('\n\n');
    expect(claimantsOf(text)).toEqual([[7000, 'South Korea Ministry of National Defense']]);
  });

  it('keeps the ministry when two holders of the post are named and the sentence says neither', () => {
    const text = [
      'Kim Yong-hyun replaced Shin Won-sik as defence minister in September.',
      'Pyongyang has sent about 7,000 containers of munitions to Russia, South Korea’s defence minister said.',
    ].join('\n\n');
    expect(claimantsOf(text)).toEqual([[7000, 'South Korea Ministry of National Defense']]);
  });
});
