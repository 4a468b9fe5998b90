import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import { guessLanguage, tagStory } from '../../../shared/figures/tags.ts';

describe('tagStory', () => {
  it('tags a story that reports figures', () => {
    const text =
      'Ukrainian President Volodymyr Zelensky said more than 3,000 North Korean troops were killed or wounded in Kursk. South Korea says the North sent about 7,000 containers to Moscow.';
    const tags = tagStory({ title: 'Losses in Kursk', text, figures: extractFigures(text) });
    expect(tags.relevant).toBe(true);
    expect(tags.reason).toMatch(/reports 2 North Korea–Russia figures/);
    expect(tags.metrics).toEqual(['casualties', 'supplied']);
    expect(tags.claimants).toEqual(['Volodymyr Zelensky', 'South Korea']);
    expect(tags.places).toEqual(['Kursk', 'Moscow']);
    expect(tags.language).toBe('en');
  });

  it('tags a military story about North Korea and Russia without figures', () => {
    const tags = tagStory({
      title: 'Kim meets Shoigu',
      text: 'North Korean leader Kim Jong Un met Russia’s Sergei Shoigu in Pyongyang to discuss troops and weapons.',
      figures: [],
      language: 'en-GB',
    });
    expect(tags.relevant).toBe(true);
    expect(tags.reason).toMatch(/names North Korea and Russia/);
    expect(tags.metrics).toEqual([]);
    expect(tags.places).toEqual(['Pyongyang']);
    expect(tags.language).toBe('en-GB');
  });

  it('says why a story is not relevant', () => {
    expect(
      tagStory({
        title: 'IMF tranche',
        text: 'Ukraine receives $1.1 billion from the IMF.',
        figures: [],
      }).reason,
    ).toBe('does not name North Korea');
    expect(
      tagStory({ title: 'Launch', text: 'North Korea fired a missile into the sea.', figures: [] })
        .reason,
    ).toBe('names North Korea but not Russia');
    expect(
      tagStory({
        title: 'Trade',
        text: 'North Korea and Russia signed a tourism deal.',
        figures: [],
      }).relevant,
    ).toBe(false);
  });

  it('does not count Russian-side figures as relevant on their own', () => {
    const text = 'Russia lost 1,220 soldiers over the past day, Ukraine said.';
    const figures = extractFigures(text);
    expect(figures.map((f) => f.side)).toEqual(['RU']);
    expect(tagStory({ title: '', text, figures }).relevant).toBe(false);
  });
});

describe('guessLanguage', () => {
  it.each([
    ['The troops were sent to Russia and the figures were said to be high.', 'en'],
    ['Die Soldaten sind nicht mit der Armee auf dem Weg, und das ist für den Krieg.', 'de'],
    [
      'Les soldats et les armes sont dans la région, selon le ministère qui a dit que des pertes.',
      'fr',
    ],
    ['Северокорейские военные находятся в Курской области', 'ru'],
    ['Північнокорейські військові перебувають у Курській області', 'uk'],
    ['북한군이 러시아 쿠르스크에 파병되었다', 'ko'],
    ['', 'und'],
    ['12 34 56', 'und'],
  ])('guesses %j as %s', (text, language) => {
    expect(guessLanguage(text)).toBe(language);
  });
});
