/**
 * Rules for structures the dev halves showed before session 26 and left unread: numbers listed
 * "respectively", two sources in two clauses of one Korean sentence, a name between a German
 * count and its participle. Every sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { brief, find, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');
/** German stories name the North in their own title: the packs read the story's language. */
const german = readerFor('2025-07-01', 'Nordkoreanische Soldaten in Russland');
/** Ukrainian and Russian stories, likewise. */
const ukrainian = readerFor('2025-07-01', 'Військові КНДР у Росії');
const russian = readerFor('2025-07-01', 'Военные КНДР в России');

describe('numbers listed respectively (Korean 각각)', () => {
  it('gives each number the noun of loss listed in the same place ("사망자와 부상자가 각각 300명과 2700명")', () => {
    const figures = story(
      'ko',
      '국정원은 쿠르스크에 투입된 북한군 가운데 사망자와 부상자가 각각 300명과 2700명이라고 밝혔다.',
    );
    expect(brief(figures)).toEqual(['killed/troops 300', 'wounded/troops 2700']);
  });

  it('pairs them across a comma and a hedge too ("각각 약 500명, 1500명으로")', () => {
    const figures = story(
      'ko',
      '합참은 북한군 포로와 전사자를 각각 약 500명, 1500명으로 추정했다.',
    );
    expect(find(figures, 500).metric).toBe('captured');
    expect(find(figures, 1500).metric).toBe('killed');
  });

  it('leaves numbers that are not listed after 각각 to their own nouns', () => {
    const figures = story('ko', '국정원은 북한군 사망자가 300명, 부상자가 2700명이라고 밝혔다.');
    expect(brief(figures)).toEqual(['killed/troops 300', 'wounded/troops 2700']);
  });
});

describe('two Korean clauses, two sources', () => {
  it('credits the number of the second clause to the source that says it ("…밝혔는데, 정보총국은 …")', () => {
    const figures = story(
      'ko',
      '국정원은 북한군 1만1천명이 파병됐다고 밝혔는데, 우크라이나 정보총국은 1만2천명이 파병됐다고 주장했다.',
    );
    expect(find(figures, 11000).claimant).toBe('South Korea National Intelligence Service');
    expect(find(figures, 12000).claimant).toBe('Ukraine Main Intelligence Directorate');
  });

  it('keeps the first source when the second clause names none ("…밝혔고, 사망자는 …고 덧붙였다")', () => {
    const figures = story(
      'ko',
      '국정원은 북한군 1만1천명이 파병됐다고 밝혔고, 이 가운데 사망자는 300명이라고 덧붙였다.',
    );
    expect(find(figures, 300).claimant).toBe('South Korea National Intelligence Service');
  });
});

describe('a name between a German count and its participle', () => {
  it('reads "der 10.000 von Kim Jong Un entsandten Soldaten" as a deployment', () => {
    const figures = german(
      'de',
      'Ein Überläufer beschreibt den Alltag der 10.000 von Kim Jong Un entsandten Soldaten.',
    );
    expect(brief(figures)).toEqual(['deployed/troops 10000']);
  });

  it('reads "der 12.000 nach Russland verlegten Soldaten" as a deployment', () => {
    const figures = german(
      'de',
      'Das Leben der 12.000 nach Russland verlegten Soldaten ist hart, berichtet ein Überläufer.',
    );
    expect(brief(figures)).toEqual(['deployed/troops 12000']);
  });

  it('still reads a partitive ("600 der nach Russland entsandten Soldaten") by its own verb', () => {
    const figures = german(
      'de',
      'Mehr als 600 der nach Russland entsandten Soldaten wurden bisher getötet.',
    );
    expect(brief(figures)).toEqual(['killed/troops 600']);
  });
});

describe('words of loss and supply in the active voice', () => {
  it('reads the Ukrainian active past of wounding ("знищили 77 … і ще 40 поранили")', () => {
    const figures = ukrainian(
      'uk',
      'Бійці ССО доповіли, що за тиждень знищили 77 військових КНДР і ще 40 поранили.',
    );
    expect(brief(figures)).toEqual(['killed/troops 77', 'wounded/troops 40']);
  });

  it('reads the Russian one too ("уничтожили 77 … и еще 40 ранили")', () => {
    const figures = russian(
      'ru',
      'В ССО заявили, что за неделю уничтожили 77 военных КНДР и еще 40 ранили.',
    );
    expect(brief(figures)).toEqual(['killed/troops 77', 'wounded/troops 40']);
  });

  it('reads German "versorgte Russland mit … Granaten" as supply', () => {
    const figures = german(
      'de',
      'Seit dem Sommer versorgte Nordkorea Russland mit schätzungsweise 6 Millionen Granaten.',
    );
    expect(brief(figures)).toEqual(['supplied/shells 6000000']);
  });
});
