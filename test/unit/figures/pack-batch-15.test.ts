import { describe, expect, it } from 'vitest';
import { brief, find, readerFor } from './pack-reading.ts';

// Pack rules from the natural errors of the 2026-12-15 batch (its dev half, read after its
// first run). Every sentence below is our own.

const read = readerFor('2025-06-10');

describe('what befell the people a number counts', () => {
  it("Ukrainian: a participle after the noun's comma says they were captured", () => {
    const f = read(
      'uk',
      'Посол зустрівся з трьома солдатами КНДР, захопленими українськими десантниками під Суджею.',
    );
    expect(brief(f)).toEqual(['captured/troops 3']);
  });

  it('Ukrainian: "з" before a noun in the instrumental is company, not the whole of a part', () => {
    const f = read('uk', 'Журналісти поспілкувалися з двома військовими КНДР у Курській області.');
    expect(brief(f)).not.toContain('deployed/troops 2');
  });

  it('Russian: a clause after the comma that says nothing of these people does not count', () => {
    const f = read(
      'ru',
      'Потери северокорейских частей превысили 500 человек, пленных в тот день не брали.',
    );
    expect(brief(f)).toEqual(['casualties/troops 500']);
  });

  it('Korean: the whole that includes a part takes the word before the part', () => {
    const f = read(
      'ko',
      '국정원은 북한군의 손실 규모를 전사자 400여명 포함 약 3500명으로 추산했다고 밝혔다.',
    );
    expect(brief(f)).toEqual(['killed/troops 400', 'casualties/troops 3500']);
  });
});

describe('numbers that are no count', () => {
  it('German: a grouped count after "im vergangenen Jahr" still counts', () => {
    const f = read(
      'de',
      'Nordkorea hat im vergangenen Jahr 9.000 Arbeiter nach Russland geschickt.',
    );
    expect(brief(f)).toEqual(['deployed/workers 9000']);
  });

  it('German: a plain year after "im Jahr" is still a year', () => {
    const f = read('de', 'Nordkorea hat im Jahr 2025 Soldaten nach Russland geschickt.');
    expect(brief(f)).toEqual([]);
  });

  it('German: digits alone in quotation marks are a marking on a missile', () => {
    const f = read(
      'de',
      'Nordkorea hat Russland ballistische Raketen geliefert. Auf Trümmerteilen war die Zahl „114“ eingeprägt.',
    );
    expect(brief(f)).toEqual([]);
  });

  it('German: a quoted number before its noun still counts', () => {
    const f = read('de', 'Nordkorea hat „13.000“ Soldaten nach Russland geschickt.');
    expect(brief(f)).toEqual(['deployed/troops 13000']);
  });
});

describe('sources', () => {
  it("Ukrainian: Seoul's foreign ministry is a body, above the outlet that relays it", () => {
    const f = read(
      'uk',
      'За інформацією МЗС Південної Кореї, Україна утримує двох полонених солдатів КНДР, повідомляє Yonhap.',
    );
    expect(find(f, 2)).toMatchObject({
      metric: 'captured',
      claimant: 'South Korea Ministry of Foreign Affairs',
    });
  });

  it('Russian: the same ministry in Russian spelling', () => {
    const f = read(
      'ru',
      'По данным МИД Республики Корея, Украина удерживает двух пленных солдат КНДР.',
    );
    expect(find(f, 2)).toMatchObject({ claimant: 'South Korea Ministry of Foreign Affairs' });
  });

  it('Korean: the source an outlet cites, named before the verb of citing', () => {
    const f = read(
      'ko',
      '15일 BBC는 여러 서방 당국자의 말을 인용해, 쿠르스크에 파병된 북한군 1만2000여명 중 지금까지 숨진 인원이 약 1200명으로 추정된다고 전했다.',
    );
    expect(find(f, 1200)).toMatchObject({ metric: 'killed', claimant: 'Western officials' });
    expect(find(f, 12000)).toMatchObject({ metric: 'deployed', claimant: 'Western officials' });
  });
});
