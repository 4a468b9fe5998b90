import { describe, expect, it } from 'vitest';
import { find, readerFor } from './pack-reading.ts';

// General coverage of the language packs (December 2026): case forms, numerals, hedges, verbs
// of reporting and sources written in the other ways news phrases them. Every sentence below is
// our own, written for these tests.

const read = readerFor('2025-03-10');

describe('Ukrainian coverage', () => {
  it('reads a source named in the locative after a verb ("повідомили в розвідці")', () => {
    const f = read(
      'uk',
      'Північна Корея відправить до Росії ще близько 6 тисяч військових будівельників, повідомили в розвідці Південної Кореї.',
    );
    expect(find(f, 6000)).toMatchObject({
      metric: 'deployed',
      qualifier: 'about',
      increment: true,
      claimant: 'South Korean intelligence',
    });
  });

  it('credits the source cited with "із посиланням на" in a back-reference', () => {
    const f = read(
      'uk',
      'Майже 6000 військових КНДР загинули або дістали поранень за рік боїв. Про це повідомляє УНІАН із посиланням на Національну розвідувальну службу Південної Кореї.',
    );
    expect(find(f, 6000)).toMatchObject({
      metric: 'casualties',
      claimant: 'South Korea National Intelligence Service',
    });
  });

  it('reads "отримали поранення" after a bare number, and "перевищили" as a hedge', () => {
    const f = read(
      'uk',
      'За даними української розвідки, близько 300 північнокорейських вояків загинули, а ще приблизно 2700 отримали поранення. Загальні втрати підрозділів КНДР перевищили 4 тисячі осіб.',
    );
    expect(find(f, 2700)).toMatchObject({ metric: 'wounded', claimant: 'Ukrainian intelligence' });
    expect(find(f, 4000)).toMatchObject({ metric: 'casualties', qualifier: 'more_than' });
  });

  it('reads "ліквідацію" as killed and "відвантажила" as supplied', () => {
    const f = read(
      'uk',
      'Сили спеціальних операцій повідомили про ліквідацію 40 військових КНДР. Як інформує Генштаб, Північна Корея відвантажила понад 4 мільйони снарядів.',
    );
    expect(find(f, 40)).toMatchObject({
      metric: 'killed',
      claimant: 'Ukraine Special Operations Forces',
    });
    expect(find(f, 4_000_000)).toMatchObject({ metric: 'supplied', unit: 'shells' });
  });

  it('prefers the person nearest the verb over a body in the same title', () => {
    const f = read(
      'uk',
      'Начальник ГУР Міністерства оборони України Кирило Буданов заявив, що на Курщині досі воюють до 8 000 військових КНДР.',
    );
    expect(find(f, 8000).claimant).toBe('Kyrylo Budanov');
  });

  it('does not take "ще" out of another word ("щелепи")', () => {
    const f = read(
      'uk',
      'Лікарі зняли пов’язку зі щелепи одного з полонених з КНДР. Українські воїни взяли в полон двох північнокорейських солдатів.',
    );
    expect(f.filter((x) => x.value === 1)).toEqual([]);
    expect(find(f, 2)).toMatchObject({ metric: 'captured' });
  });
});

describe('Russian coverage', () => {
  it('reads a source named after "в" when a verb of saying stands beside it', () => {
    const f = read(
      'ru',
      'В Пентагоне заявили, что в Курской области находятся примерно 11 тыс. северокорейских военнослужащих. По словам Буданова, КНДР поставила России порядка 250 баллистических ракет. В ГУР сообщили, что Пхеньян передал Москве свыше 5 млн артиллерийских снарядов.',
    );
    expect(find(f, 11000)).toMatchObject({ metric: 'deployed', claimant: 'Pentagon' });
    expect(find(f, 250).claimant).toBe('Kyrylo Budanov');
    expect(find(f, 5_000_000)).toMatchObject({
      metric: 'supplied',
      claimant: 'Ukraine Main Intelligence Directorate',
    });
  });

  it('keeps a destination after "в" a destination', () => {
    const f = read('ru', 'КНДР направила в Россию около 12 тысяч военных, сообщил Зеленский.');
    expect(find(f, 12000).claimant).toBe('Volodymyr Zelensky');
  });

  it('reads "получили ранения", "ликвидации" and an adverb of increment a few words back', () => {
    const f = read(
      'ru',
      'По данным украинской разведки, около 300 военных КНДР погибли, а еще примерно 2700 получили ранения. Силы специальных операций сообщили о ликвидации 40 северокорейских военных. Южнокорейская разведка считает, что КНДР дополнительно отправит в Россию около шести тысяч военнослужащих.',
    );
    expect(find(f, 2700)).toMatchObject({ metric: 'wounded', claimant: 'Ukrainian intelligence' });
    expect(find(f, 40)).toMatchObject({ metric: 'killed' });
    expect(find(f, 6000)).toMatchObject({ metric: 'deployed', increment: true });
  });
});

describe('German coverage', () => {
  it('reads a bare number with "weitere" and an auxiliary before its metric', () => {
    const f = read(
      'de',
      'Mindestens 300 nordkoreanische Soldaten seien getötet worden und etwa 2.700 weitere wurden verwundet, teilte der Nationale Geheimdienst in Seoul mit.',
    );
    expect(find(f, 2700)).toMatchObject({
      metric: 'wounded',
      qualifier: 'about',
      claimant: 'South Korea National Intelligence Service',
    });
  });

  it('does not guess a metric for "vermisst oder verwundet"', () => {
    const f = read(
      'de',
      'Von den nordkoreanischen Soldaten seien 700 gefallen, 1.500 seien vermisst oder verwundet, heißt es.',
    );
    expect(f.filter((x) => x.value === 1500)).toEqual([]);
  });

  it('reads "Opfer" as casualties, "Tötung" as killed and "verschifft" as supplied', () => {
    const f = read(
      'de',
      'Laut dem NIS hat Nordkorea rund 14.000 Soldaten nach Russland geschickt, es habe unter ihnen etwa 5.000 Opfer gegeben. Die ukrainischen Spezialkräfte meldeten die Tötung von 40 nordkoreanischen Soldaten. Pjöngjang habe rund 220 ballistische Raketen nach Russland verschifft, erklärte der Nationale Geheimdienst.',
    );
    expect(find(f, 5000)).toMatchObject({ metric: 'casualties' });
    expect(find(f, 40)).toMatchObject({ metric: 'killed' });
    expect(find(f, 220)).toMatchObject({
      metric: 'supplied',
      unit: 'missiles',
      claimant: 'South Korea National Intelligence Service',
    });
  });

  it('credits western officials who "schätzen"', () => {
    const f = read(
      'de',
      'Westliche Beamte schätzen, dass mindestens 1.200 nordkoreanische Soldaten gefallen sind, berichtet die BBC.',
    );
    expect(find(f, 1200).claimant).toBe('Western officials');
  });
});

describe('Korean coverage', () => {
  it('names British defence intelligence and western officials', () => {
    const f = read(
      'ko',
      '영국 국방정보국에 따르면 북한군 사상자 수가 6000명을 넘어선 것으로 분석됐다.\n\n서방 관계자들은 북한군 최소 1천 명이 전사한 것으로 추정된다고 말했다.',
    );
    expect(find(f, 6000).claimant).toBe('UK Ministry of Defence');
    expect(find(f, 1000).claimant).toBe('Western officials');
  });
});
