import { describe, expect, it } from 'vitest';
import { find, readerFor } from './pack-reading.ts';

// Every sentence below is our own, written for these tests: constructions that Korean, German,
// Russian and Ukrainian news use, found while reading the 2026-12-09 to 2026-12-11 dev batches
// (names and places are invented).

const read = readerFor('2025-11-10');

describe('the noun of arriving', () => {
  it('moves people like the verb of arriving does', () => {
    const ru = read(
      'ru',
      'Мы ждём прибытия первой группы, около 900 военнослужащих КНДР, в Брянскую область, сказал Скибицкий.',
    );
    expect(find(ru, 900)).toMatchObject({
      metric: 'deployed',
      unit: 'troops',
      qualifier: 'about',
      claimant: 'Vadym Skibitskyi',
    });
    const uk = read(
      'uk',
      'Ми очікуємо прибуття першої групи, близько 900 військовослужбовців КНДР, до Брянської області, сказав Скібіцький.',
    );
    expect(find(uk, 900)).toMatchObject({ metric: 'deployed', unit: 'troops', qualifier: 'about' });
    const de = read(
      'de',
      'Der Geheimdienst meldete die Ankunft von rund 900 nordkoreanischen Soldaten in Brjansk.',
    );
    expect(find(de, 900)).toMatchObject({ metric: 'deployed', unit: 'troops' });
  });
});

describe('a list of different trades', () => {
  it('names none of them: the people stay troops', () => {
    const ru = read(
      'ru',
      'По данным разведки, КНДР направит в целом 4 тысячи военнослужащих для работ по разминированию, восстановления мостов и ремонта дорог.',
    );
    expect(find(ru, 4000)).toMatchObject({ metric: 'deployed', unit: 'troops' });
    const uk = read(
      'uk',
      'За даними розвідки, КНДР направить загалом 4 тисячі військовослужбовців для робіт із розмінування, відновлення мостів та ремонту доріг.',
    );
    expect(find(uk, 4000)).toMatchObject({ metric: 'deployed', unit: 'troops' });
  });

  it('still names one trade when it is the only one', () => {
    const ru = read(
      'ru',
      'По данным разведки, КНДР направит 4 тысячи военнослужащих для работ по разминированию полей.',
    );
    expect(find(ru, 4000)).toMatchObject({ metric: 'deployed', unit: 'deminers' });
  });

  it('reads Korean nouns of two trades joined by · as troops', () => {
    const ko = read(
      'ko',
      '국정원은 북한이 공병·건설병 3천 명을 러시아에 추가로 파견했다고 밝혔다.',
    );
    expect(find(ko, 3000)).toMatchObject({ metric: 'deployed', unit: 'troops' });
    const one = read('ko', '국정원은 북한이 건설병 3천 명을 러시아에 추가로 파견했다고 밝혔다.');
    expect(find(one, 3000)).toMatchObject({ metric: 'deployed', unit: 'workers' });
  });
});

describe('a name right after "сообщил, что"', () => {
  it('is the subject of what was said, not the one who says it', () => {
    const ru = read(
      'ru',
      '5 марта министр обороны РФ Андрей Белоусов по итогам визита в КНДР сообщил, что Ким Чен Ын решил отправить в Брянскую область 2 тыс. саперов.',
    );
    expect(find(ru, 2000)).toMatchObject({ metric: 'deployed', claimant: 'Andrei Belousov' });
    const uk = read(
      'uk',
      '5 березня секретар Радбезу РФ Сергій Шойгу за підсумками візиту до КНДР повідомив, що Кім Чен Ин вирішив відправити до Брянської області 2 тис. саперів.',
    );
    expect(find(uk, 2000)).toMatchObject({ metric: 'deployed', claimant: 'Sergei Shoigu' });
  });
});

describe('a Korean topic in the plural and an interview partner', () => {
  it('keeps "서방 관계자들은" the source over the outlet of "BBC와의 인터뷰에서"', () => {
    const ko = read(
      'ko',
      '서방 관계자들은 지난달 BBC와의 인터뷰에서 북한에서 보낸 1만 2천 명 가운데 적어도 2천 명이 넉 달 사이에 숨진 것으로 보인다고 말했다.',
    );
    expect(find(ko, 12000)).toMatchObject({ metric: 'deployed', claimant: 'Western officials' });
    expect(find(ko, 2000)).toMatchObject({ metric: 'killed', claimant: 'Western officials' });
  });
});

describe('a part pointing back to a long sentence', () => {
  it('finds the noun of "von ihnen" anywhere in the sentence before', () => {
    const de = read(
      'de',
      'Rund 9.000 nordkoreanische Soldaten sind im Zuge einer Vereinbarung mit Moskau in der Region eingetroffen und hatten sich zuvor an der Abwehr des ukrainischen Vorstoßes beteiligt. Berichten zufolge sind mehr als dreitausend von ihnen getötet worden.',
    );
    expect(find(de, 3000)).toMatchObject({
      metric: 'killed',
      unit: 'troops',
      qualifier: 'more_than',
    });
  });
});
