import { describe, expect, it } from 'vitest';
import { brief, only, readerFor } from './pack-reading.ts';

// Pack rules from the natural errors of the dev split, read in session 16. Every sentence below
// is our own.

const read = readerFor('2025-10-01');

describe('Ukrainian and Russian sources', () => {
  it('credits an outlet named after a long description of it ("південнокорейське інформаційне агентство Yonhap")', () => {
    const uk = only(
      read(
        'uk',
        'Близько 500 військових КНДР загинули під Курськом. Про це 2 лютого повідомляє південнокорейське інформаційне агентство Yonhap.',
      ),
    );
    expect(uk.claimant).toBe('Yonhap');
    const ru = only(
      read(
        'ru',
        'Около 500 военных КНДР погибли под Курском. Об этом 2 февраля сообщает южнокорейское информационное агентство Yonhap.',
      ),
    );
    expect(ru.claimant).toBe('Yonhap');
  });

  it('does not credit the outlet a source spoke to, past a long description of the source', () => {
    const uk = only(
      read(
        'uk',
        'Росія готує понад 8 тисяч солдатів КНДР, повідомило джерело в українській розвідці агентству Інтерфакс-Україна.',
      ),
    );
    expect(uk.claimant ?? 'nobody').not.toMatch(/Interfax/u);
  });
});

describe('German sources', () => {
  it('credits no one for troops Kim sends, with no word of saying', () => {
    const de = only(read('de', 'Machthaber Kim Jong Un schickt 3000 Soldaten nach Russland.'));
    expect([de.value, de.claimant]).toEqual([3000, null]);
  });

  it('still credits Kim for what he announces ("verkündete")', () => {
    const de = only(
      read('de', 'Kim Jong Un verkündete, dass neun nordkoreanische Soldaten gefallen seien.'),
    );
    expect([de.metric, de.value, de.claimant]).toEqual(['killed', 9, 'Kim Jong Un']);
  });
});

describe('Korean sources', () => {
  it('credits the General Staff when the Ukrainian army (as the topic) announces', () => {
    const ko = only(read('ko', '우크라이나군은 북한군 사망자 40명이 발생했다고 발표했다.'));
    expect([ko.metric, ko.value, ko.claimant]).toEqual(['killed', 40, 'Ukraine General Staff']);
    // Troops that capture are no source.
    const caught = only(read('ko', '우크라이나군이 생포한 북한군 포로 2명을 만났다.'));
    expect(caught.claimant).toBeNull();
  });
});

describe('container ships', () => {
  it('reads no containers in a container ship ("контейнеровоз")', () => {
    expect(
      read('ru', 'Речь идет о трех контейнеровозах, которые перевозили снаряды КНДР в Россию.'),
    ).toEqual([]);
    expect(
      read('uk', 'Ідеться про три контейнеровози, що перевозили снаряди КНДР до Росії.'),
    ).toEqual([]);
    // Containers themselves still count.
    expect(only(read('ru', 'КНДР отправила в Россию 3 тысячи контейнеров.')).unit).toBe(
      'containers',
    );
  });
});

describe('Russian and Ukrainian verbs of arriving', () => {
  it('reads the infinitive of arriving ("должны прибыть", "мають прибути")', () => {
    const ru = only(read('ru', 'В Россию должны прибыть около четырех тысяч солдат КНДР.'));
    expect([ru.metric, ru.value, ru.qualifier]).toEqual(['deployed', 4000, 'about']);
    const uk = only(read('uk', 'До Росії мають прибути близько чотирьох тисяч солдатів КНДР.'));
    expect([uk.metric, uk.value, uk.qualifier]).toEqual(['deployed', 4000, 'about']);
  });
});

describe('prisoner exchanges', () => {
  it('reads no North Korean captives in prisoners two other armies exchange', () => {
    const cases: Array<[string, string]> = [
      [
        'ko',
        '북한군 포로 2명은 키이우에 있다. 러시아와 우크라이나는 지난달 각국 150명의 포로를 교환했다.',
      ],
      [
        'ru',
        'Двое военных КНДР находятся в плену в Киеве. Россия и Украина обменялись 150 пленными.',
      ],
      [
        'uk',
        'Двоє військових КНДР перебувають у полоні в Києві. Україна та Росія обмінялися 150 полоненими.',
      ],
      [
        'de',
        'Zwei nordkoreanische Soldaten sind in Kiew in Gefangenschaft. Russland und die Ukraine tauschten je 150 Gefangene aus.',
      ],
    ];
    for (const [language, body] of cases)
      expect(brief(read(language, body)), language).toEqual(['captured/troops 2']);
    // North Korean captives offered in an exchange are still counted.
    const ko = only(
      read('ko', '우크라이나는 북한군 포로 2명을 러시아 포로와 교환할 수 있다고 밝혔다.'),
    );
    expect([ko.metric, ko.value]).toEqual(['captured', 2]);
  });
});

describe('Korean sources (posts and reports)', () => {
  it('credits who posted what the post says ("…했다\\"는 글을 올렸다")', () => {
    const ko = only(
      read(
        'ko',
        '유용원 의원이 지난주 우크라이나를 방문했다.\n\n유 의원은 소셜미디어에 "키이우 인근 수용소에서 북한군 포로 2명을 만났다"는 글을 올렸다.',
      ),
    );
    expect([ko.metric, ko.value, ko.claimant]).toEqual(['captured', 2, 'Yu Yong-weon']);
  });

  it('knows the Friedrich Naumann Foundation and credits its report', () => {
    const ko = only(
      read(
        'ko',
        '독일 프리드리히 나우만 재단은 새 보고서를 냈다. 보고서는 러시아에 보내질 수 있는 북한 병력을 최대 3만 명으로 추정했다.',
      ),
    );
    expect([ko.value, ko.qualifier, ko.claimant]).toEqual([
      30000,
      'up_to',
      'Friedrich Naumann Foundation',
    ]);
  });
});

describe('German formations, support and losses', () => {
  it('reads troops that support the war, and a formation "mit"/"von" its strength', () => {
    const cases: Array<[string, string]> = [
      [
        'Rund 9.000 nordkoreanische Soldaten unterstützen inzwischen Russlands Krieg.',
        'deployed/troops 9000',
      ],
      [
        'Nordkorea will Russland mit insgesamt 9.000 Soldaten unterstützen.',
        'deployed/troops 9000',
      ],
      [
        'Russland bildet ein Bataillon mit 2.000 nordkoreanischen Soldaten.',
        'deployed/troops 2000',
      ],
      [
        'Er kam als Teil einer Gruppe von 400 nordkoreanischen Offizieren.',
        'deployed/officers 400',
      ],
    ];
    for (const [body, figure] of cases) expect(brief(read('de', body)), body).toEqual([figure]);
  });

  it('reads "Ausfälle" as casualties', () => {
    const de = read('de', 'Der Geheimdienst NIS zählt bereits 2.000 nordkoreanische Ausfälle.');
    expect(brief(de)).toEqual(['casualties/troops 2000']);
  });
});

describe('model names between a number and its noun', () => {
  it('reads past a model designation ("120 M1991 Mehrfachraketenwerfer")', () => {
    expect(
      brief(read('de', 'Nordkorea lieferte weitere 90 M1991 Mehrfachraketenwerfer an Russland.')),
    ).toEqual(['supplied/rocket_launchers 90 +']);
  });
});

describe('more named sources', () => {
  it("knows Ukraine's ambassador in Seoul, Dmytro Ponomarenko", () => {
    const uk = only(
      read('uk', 'За словами Пономаренка, у регіоні вже перебуває 9 000 військовослужбовців КНДР.'),
    );
    expect(uk.claimant).toBe('Dmytro Ponomarenko');
    const ru = only(
      read(
        'ru',
        'По словам украинского посла в Сеуле Дмитрия Пономаренко, до 9 тысяч северокорейских военных уже отправлены в Курскую область.',
      ),
    );
    expect(ru.claimant).toBe('Dmytro Ponomarenko');
  });
});

describe('Korean counts per item', () => {
  it('reads no figure in a count per container ("컨테이너마다 포탄 200에서 400발")', () => {
    expect(
      brief(
        read(
          'ko',
          '북한이 보낸 컨테이너가 2천 개에 달하고, 컨테이너마다 포탄 200에서 400발을 싣는다고 가정한 계산이다.',
        ),
      ),
    ).toEqual(['supplied/containers 2000']);
  });
});

describe('Korean reports commented on', () => {
  it('credits the source whose report the clause gives, not who comments on it', () => {
    const ko = only(
      read(
        'ko',
        '패트릭 라이더 미 국방부 대변인은 북한군 전사자가 최소 200명에 달한다는 한국 국가정보원의 보고와 관련해 "상황을 지켜보고 있다"고 말했다.',
      ),
    );
    expect([ko.metric, ko.value, ko.claimant]).toEqual([
      'killed',
      200,
      'South Korea National Intelligence Service',
    ]);
  });
});

describe('people who make up a force', () => {
  it('reads generals who make up a command as there ("входять до складу", "входят в состав")', () => {
    expect(
      brief(
        read(
          'uk',
          'Посол повідомив, що до складу так званого центру управління входять шість північнокорейських генералів.',
        ),
      ),
    ).toEqual(['deployed/generals 6']);
    expect(
      brief(
        read(
          'ru',
          'В состав так называемого центра управления входят шесть северокорейских генералов.',
        ),
      ),
    ).toEqual(['deployed/generals 6']);
  });
});

describe('sources named by their post or as the country', () => {
  it('credits Ukraine as the subject of a German word of saying ("Die Ukraine teilte mit")', () => {
    const de = only(
      read(
        'de',
        'Die Ukraine teilte mit, dass 9.000 nordkoreanische Soldaten in Russland eingetroffen sind.',
      ),
    );
    expect(de.claimant).toBe('Ukraine');
  });

  it("knows Korean names for Ukraine's General Staff and its intelligence chief", () => {
    const staff = only(
      read(
        'ko',
        '우크라이나군 참모본부는 텔레그램을 통해 북한군 사상자 약 3천 명이 발생했다고 발표했다.',
      ),
    );
    expect(staff.claimant).toBe('Ukraine General Staff');
    const chief = only(
      read(
        'ko',
        '우크라이나군 정보 수장은 러시아에 파병된 북한군 약 7천 명이 쿠르스크에 배치돼 있다고 주장했다.',
      ),
    );
    expect(chief.claimant).toBe('Kyrylo Budanov');
  });
});

describe('Korean wholes with a word of loss', () => {
  it('reads "붙잡힌 북한군 2명 중 1명" as two captured, not two deployed', () => {
    const ko = only(
      read('ko', '우크라이나 매체는 우크라이나군에 붙잡힌 북한군 2명 중 1명의 영상을 공개했다.'),
    );
    expect([ko.metric, ko.value]).toEqual(['captured', 2]);
    // A whole sent is still deployed.
    expect(brief(read('ko', '파병된 북한군 1만 명 중 사상자 3천 명이 발생했다.'))).toEqual([
      'deployed/troops 10000',
      'casualties/troops 3000',
    ]);
  });
});

describe("German: a country's report", () => {
  it('credits the country whose report it is ("Einem britischen Bericht zufolge")', () => {
    const de = only(
      read(
        'de',
        'Einem britischen Bericht zufolge hat Nordkorea in Kursk mehr als 5.000 Soldaten verloren.',
      ),
    );
    expect([de.metric, de.value, de.claimant]).toEqual(['casualties', 5000, 'United Kingdom']);
  });
});

describe('Korean nouns after "N명의"', () => {
  it('reads a two-word noun of trade before its last word ("5천명의 군사건설 인력")', () => {
    expect(
      brief(
        read('ko', '북한은 인프라 복구를 위해 4천명의 군사건설 인력을 러시아에 파견하기로 했다.'),
      ),
    ).toEqual(['deployed/workers 4000']);
    expect(
      brief(read('ko', '북한은 인프라 복구를 위해 4천명의 건설 인력을 러시아에 파견하기로 했다.')),
    ).toEqual(['deployed/workers 4000']);
  });
});

describe('Ukrainian future of having', () => {
  it('reads troops Russia "will have" as sent ("РФ скоро матиме 9 тисяч військових КНДР")', () => {
    expect(brief(read('uk', 'РФ скоро матиме 9 тисяч військових КНДР, заявив президент.'))).toEqual(
      ['deployed/troops 9000'],
    );
  });
});
