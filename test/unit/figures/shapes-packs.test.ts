/**
 * Shapes of figures in German, Russian, Ukrainian and Korean, probed with invented sentences
 * (not taken from any stored article): each case is one shape a pack got wrong before.
 */
import { describe, expect, it } from 'vitest';
import { readerFor } from './pack-reading.ts';

const story = readerFor('2025-03-01', 'Test');

/** Each figure read as [value, metric]. */
const read = (text: string, language: string) =>
  story(language, text).map((f) => [f.value, f.metric] as const);

describe('a change of a count', () => {
  it('keeps the new total, not a range from the amount', () => {
    expect(
      read(
        'Численность северокорейских войск в России выросла на 2 тысячи до 14 тысяч, сообщила разведка Южной Кореи.',
        'ru',
      ),
    ).toEqual([[14000, 'deployed']]);
    expect(
      read(
        'Кількість північнокорейських військових у Росії зросла з 12 до 14 тисяч, повідомила розвідка Південної Кореї.',
        'uk',
      ),
    ).toEqual([[14000, 'deployed']]);
  });

  it('is no figure when only the amount is given', () => {
    expect(
      read(
        'Північнокорейський контингент скоротився на 3 тисячі осіб, повідомила розвідка Південної Кореї.',
        'uk',
      ),
    ).toEqual([]);
    expect(
      read(
        'Die Zahl der nordkoreanischen Soldaten in Russland ist um 2.000 gestiegen, so der südkoreanische Geheimdienst.',
        'de',
      ),
    ).toEqual([]);
  });
});

describe('a number under a condition', () => {
  it('is no figure in any pack', () => {
    expect(
      read('Если КНДР отправит 90 тысяч военных, ход войны изменится, считают аналитики.', 'ru'),
    ).toEqual([]);
    expect(
      read(
        'Якщо КНДР відправить 90 тисяч військових, хід війни зміниться, вважають аналітики.',
        'uk',
      ),
    ).toEqual([]);
    expect(
      read('Falls Nordkorea 90.000 Soldaten schicken würde, würde sich der Krieg ändern.', 'de'),
    ).toEqual([]);
    expect(
      read('북한이 9만 명을 보낸다면 전쟁 양상이 바뀔 것이라고 분석가들은 말했다.', 'ko'),
    ).toEqual([]);
  });

  it('leaves a claim whose sentence only goes on to a condition', () => {
    expect(
      read(
        'КНДР отправила в Россию 11 тысяч военных, и если понадобится, отправит еще, заявил Буданов.',
        'ru',
      ),
    ).toEqual([[11000, 'deployed']]);
  });
});

describe('hiring', () => {
  it('brings workers in, in Ukrainian and Russian', () => {
    expect(read('РФ найняла 12 тисяч робітників із КНДР, повідомляло BBC.', 'uk')).toEqual([
      [12000, 'deployed'],
    ]);
    expect(read('Россия наняла 12 тысяч рабочих из КНДР, сообщала BBC.', 'ru')).toEqual([
      [12000, 'deployed'],
    ]);
  });
});

describe('one and a half', () => {
  it('reads the Russian oblique case and the German words', () => {
    expect(
      read(
        'Более полутора тысяч северокорейских военных погибли, сообщила разведка Южной Кореи.',
        'ru',
      ),
    ).toEqual([[1500, 'killed']]);
    expect(
      read(
        'Nordkorea hat an Russland anderthalb Millionen Artilleriegranaten geliefert, so der Geheimdienst NIS.',
        'de',
      ),
    ).toEqual([[1500000, 'supplied']]);
  });
});

describe('Korean bare multipliers', () => {
  it('reads "만여 명" and "천여 명" as about 10,000 and about 1,000', () => {
    expect(
      read(
        '국정원은 북한군 만여 명이 국경 부근에 배치됐고 공병 천여 명이 지뢰 제거에 투입됐다고 밝혔다.',
        'ko',
      ),
    ).toEqual([
      [10000, 'deployed'],
      [1000, 'deployed'],
    ]);
  });
});

describe("victims of North Korea's weapons", () => {
  it('are no North Korean losses when the North is named only as the maker', () => {
    expect(read('북한제 미사일 공격으로 하르키우 시민 14명이 숨졌다.', 'ko')).toEqual([]);
  });
});

describe('Korean words for killing', () => {
  it('reads "사살" (shot dead) as killed', () => {
    expect(
      read('우크라이나군이 북한군 40여 명을 사살하고 2명을 생포했다고 국정원이 밝혔다.', 'ko'),
    ).toEqual([
      [40, 'killed'],
      [2, 'captured'],
    ]);
  });
});

describe('Korean clauses and ratios', () => {
  it('gives each number the verb of its own clause', () => {
    expect(read('국정원은 북한군 최소 500명이 숨지고 2천700명이 다쳤다고 밝혔다.', 'ko')).toEqual([
      [500, 'killed'],
      [2700, 'wounded'],
    ]);
  });

  it('reads a ratio as no count, and the whole before it as a deployment', () => {
    expect(read('북한군 4명 중 1명꼴로 다쳤다고 국정원이 밝혔다.', 'ko')).toEqual([]);
    expect(read('북한군 1만2천 명 가운데 4명 중 1명꼴로 다쳤다고 국정원이 밝혔다.', 'ko')).toEqual([
      [12000, 'deployed'],
    ]);
  });
});

describe('Korean missiles fired and people killed by the strike', () => {
  it('counts no missiles a clause before the noun fires', () => {
    expect(
      read(
        '북한은 러시아에 병력을 보냈다. 러시아가 우크라이나에 발사한 북한산 탄도미사일 50기 중 21기의 잔해를 분석했다.',
        'ko',
      ),
    ).toEqual([]);
    expect(read('북한은 러시아에 탄도미사일 50기를 보냈다.', 'ko')).toEqual([[50, 'supplied']]);
  });

  it('counts no people "this attack" killed, but North Korean soldiers it killed', () => {
    expect(
      read(
        '북한은 러시아에 병력을 보냈다. 이 공격으로 약 24명이 사망하고 115명이 부상한 것으로 전해졌다.',
        'ko',
      ),
    ).toEqual([]);
    expect(
      read(
        '북한군이 쿠르스크에서 공격했다. 이 공격으로 북한군 30명이 사망했다고 국정원이 밝혔다.',
        'ko',
      ),
    ).toEqual([[30, 'killed']]);
  });
});
