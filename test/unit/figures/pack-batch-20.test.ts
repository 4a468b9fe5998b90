import { describe, expect, it } from 'vitest';
import { brief, only, readerFor } from './pack-reading.ts';

// Pack rules from the natural errors of the dev split, read in session 15. Every sentence below
// is our own.

const read = readerFor('2025-10-01');

describe('Ukrainian and Russian', () => {
  it('reads a breakdown after a dash ("8 тисяч – звичайні війська, 1 тисяча – інженерні")', () => {
    const uk = read(
      'uk',
      'Заголовок\n\nЗа даними розвідки Південної Кореї, у Курській області зараз воюють близько 9 тисяч північнокорейських військових. 8 тисяч – це звичайні війська, 1 тисяча – інженерні.',
    );
    expect(brief(uk)).toEqual([
      'deployed/troops 9000',
      'deployed/troops 8000',
      'deployed/deminers 1000',
    ]);
    const ru = read(
      'ru',
      'Заголовок\n\nПо данным разведки Южной Кореи, в Курской области сейчас воюют около 9 тысяч северокорейских военных. 8 тысяч – обычные войска, 1 тысяча – инженерные.',
    );
    expect(brief(ru)).toEqual([
      'deployed/troops 9000',
      'deployed/troops 8000',
      'deployed/deminers 1000',
    ]);
  });

  it('reads no deployment of soldiers who ran away, with the sending in a clause of its own', () => {
    expect(read('uk', 'КНДР направила солдатів до Росії - 18 з них уже втекли\n\nТекст.')).toEqual(
      [],
    );
    expect(read('ru', 'КНДР направила солдат в Россию - 18 из них уже сбежали\n\nТекст.')).toEqual(
      [],
    );
  });
});

describe('German', () => {
  it('reads no deployment of soldiers who fled, with the recruiting in a clause of its own', () => {
    expect(
      read('de', 'Russland rekrutiert Nordkoreaner - 18 Soldaten sind bereits geflohen\n\nText.'),
    ).toEqual([]);
    // The sending in the sentence before still counts.
    const f = read(
      'de',
      'Titel\n\nRussland hat 3000 Soldaten aus Nordkorea nach Kursk geschickt. 18 von ihnen sind geflohen.',
    );
    expect(brief(f)).toEqual(['deployed/troops 3000']);
  });
});

describe('German, more', () => {
  it('reads soldiers a country "provides" (bereitstellen) for a war as deployed', () => {
    const f = read(
      'de',
      'Berichten zufolge will Nordkorea für Russlands Krieg bis zu 9.000 Soldaten bereitstellen.',
    );
    expect(brief(f)).toEqual(['deployed/troops 9000']);
  });

  it('reads the strength of brigades ("Brigaden mit jeweils 5.000 Mann") as deployed', () => {
    const f = read(
      'de',
      '„Nordkorea bildet zwei Brigaden mit jeweils 5.000 Mann für Russland aus“, sagte Selenskyj.',
    );
    expect(brief(f)).toEqual(['deployed/troops 5000']);
    expect(only(f).claimant).toBe('Volodymyr Zelensky');
  });

  it('reads soldiers "in der russischen Region Kursk" as there, and none who left their unit', () => {
    expect(
      brief(
        read(
          'de',
          'Bis zu 14.000 Soldaten aus Nordkorea sollen jetzt in der russischen Region Kursk sein.',
        ),
      ),
    ).toEqual(['deployed/troops 14000']);
    expect(
      read(
        'de',
        'Laut Medienberichten hätten 20 nordkoreanische Soldaten ihre Einheit in der Region Kursk verlassen.',
      ),
    ).toEqual([]);
  });

  it('reads a bare number before a verb or "weitere" by the noun named before it', () => {
    const f = read(
      'de',
      'Nordkorea hat im Herbst rund 10.000 Soldaten nach Russland entsandt. Im Januar kamen 3000 weitere dazu.',
    );
    expect(brief(f)).toEqual(['deployed/troops 10000', 'deployed/troops 3000 +']);
    // An article before "weitere" is no count.
    expect(
      read('de', 'Die Entsendung nordkoreanischer Truppen ist eine weitere Stufe der Eskalation.'),
    ).toEqual([]);
  });

  it('reads "N weitere" losses after other losses as no addition', () => {
    const f = read(
      'de',
      'Laut dem Geheimdienst wurden 200 nordkoreanische Soldaten getötet. Etwa 900 weitere seien verletzt worden.',
    );
    expect(brief(f)).toEqual(['killed/troops 200', 'wounded/troops 900']);
  });

  it('reads "acht russische Soldaten" as Russia\'s, even with North Korea\'s troops as subject', () => {
    const f = read(
      'de',
      'Nordkoreanische Soldaten töteten versehentlich sieben russische Soldaten.',
    );
    expect(f.map((x) => [x.metric, x.value, x.side])).toEqual([['killed', 7, 'RU']]);
  });

  it('reads "das Nato-Partnerland Südkorea" as South Korea, not NATO', () => {
    const f = read(
      'de',
      'Das Nato-Partnerland Südkorea teilte am Montag mit, Nordkorea habe 2.500 Soldaten nach Russland verlegt.',
    );
    expect(only(f).claimant).toBe('South Korea');
  });
});

describe('Korean', () => {
  it('reads launchers that "can fire" guided rockets as supplied, not fired', () => {
    const f = read(
      'ko',
      '북한이 자주포 40문과 유도탄 발사가 가능한 방사포 15문을 러시아에 넘겼다고 우크라이나 정보당국이 밝혔다.',
    );
    expect(brief(f)).toEqual(['supplied/artillery 40', 'supplied/rocket_launchers 15']);
  });
});

describe('Korean, more', () => {
  it('reads "1만 1000~2000여 명" as 11,000 to 12,000, the high end sharing the 만', () => {
    const f = read('ko', '북한은 지난해 가을 1만 3000~4000여 명의 병력을 러시아에 보냈다.');
    expect(brief(f)).toEqual(['deployed/troops 13000-14000']);
  });

  it('reads a part "among the troops sent" (파병군 중) by what befell it, not by the sending', () => {
    const f = read(
      'ko',
      '북한군이 쿠르스크에서 싸우고 있다. 지난달까지 파병군 중 약 3000여 명의 병력이 사상한 것으로 알려졌다.',
    );
    expect(brief(f)).toEqual(['casualties/troops 3000']);
  });

  it('credits no one for "a source" (한 소식통), and reads the hedge inside its quotation', () => {
    const f = read(
      'ko',
      '국정원은 북한군이 추가로 파병됐다고 밝혔다.\n\n한 소식통은 "약 1500명의 북한군이 새로 배치된 것으로 안다"고 전했다.',
    );
    expect(only(f).claimant).toBeNull();
    expect(only(f).qualifier).toBe('about');
  });

  it('reads a cue in a phrase of time before the number (참전 이후) as no predicate of it', () => {
    const f = read(
      'ko',
      '북한군이 쿠르스크에서 싸우고 있다. 북한군은 참전 이후 2500명 이상 죽거나 다친 것으로 보인다.',
    );
    expect(brief(f)).toEqual(['casualties/troops 2500']);
  });

  it('reads 폭살 (blown up) as killed', () => {
    const f = read(
      'ko',
      '북한군이 쿠르스크에서 싸우고 있다. 특수부대는 북한군 30명을 폭살했다고 밝혔다.',
    );
    expect(brief(f)).toEqual(['killed/troops 30']);
  });

  it('reads captives "부상 당한 채" (wounded as they were) taken as captured', () => {
    const f = read(
      'ko',
      '북한군이 쿠르스크에서 싸우고 있다. 생포된 북한군 3명은 부상 당한 채 붙잡혔다.',
    );
    expect(brief(f)).toEqual(['captured/troops 3']);
  });

  it('knows Ukrainian bodies under the short 우크라 too ("우크라 군사정보국")', () => {
    const f = read('ko', '우크라 군사정보국은 북한이 러시아에 포탄 90만 발을 공급했다고 주장했다.');
    expect(only(f).claimant).toBe('Ukraine Main Intelligence Directorate');
  });

  it('reads no figure in a sum ("1000명을 더하면", adding 1,000)', () => {
    const f = read(
      'ko',
      '북한군 사상자는 4000여명이다. 여기에 다른 분석대로 800명을 더하면 파병 병력의 3분의 1이 피해를 입은 것이다.',
    );
    expect(brief(f)).toEqual(['casualties/troops 4000']);
  });

  it("keeps North Korea's side when a place is named by the force holding it (우크라이나군이 점령한 쿠르스크)", () => {
    const f = read(
      'ko',
      '북한은 지난해 우크라이나군이 점령한 쿠르스크에 특수부대를 보냈고, 올해는 공병 800명을 추가로 보냈다.',
    );
    expect(f.map((x) => [x.metric, x.unit, x.value, x.side])).toEqual([
      ['deployed', 'deminers', 800, 'KP'],
    ]);
  });

  it('reads no figure in the number of officials a story cites (2명의 … 당국자)', () => {
    expect(
      read(
        'ko',
        '외신은 3명의 서방 정보 당국자를 인용해 "북한군 일부가 이미 전선에 있다"고 보도했다.',
      ),
    ).toEqual([]);
  });

  it('reads shells 반출 (taken out) as supplied', () => {
    const f = read(
      'ko',
      '국정원은 북한이 러시아에 포탄을 보냈다고 밝혔다. 그러면서 반출 포탄이 80만 발 이상인 것으로 파악했다고 설명했다.',
    );
    expect(brief(f)).toEqual(['supplied/shells 800000']);
  });

  it('reads people who "will go to" a place (로 갈) as moved there', () => {
    const f = read(
      'ko',
      '북한군 부대가 러시아 극동에서 훈련 중이다. 정보총국장은 "선발대 1,800명이 다음 주 쿠르스크로 갈 것"이라고 말했다.',
    );
    expect(brief(f)).toEqual(['deployed/troops 1800']);
  });
});

describe('Russian', () => {
  it('reads no supply in missiles a verb of firing right before the number fires', () => {
    expect(
      read(
        'ru',
        'Заголовок\n\nКНДР продолжает отправлять России снаряды. Тем временем ВСУ выпустили по меньшей мере 12 ракет ATACMS, поставленных Соединёнными Штатами, по целям в Курской области.',
      ),
    ).toEqual([]);
  });

  it('reads a bare number before "и" by the noun named before it ("численность войск … достигла 11 тысяч и …")', () => {
    const f = read(
      'ru',
      'Заголовок\n\nЧисленность северокорейских войск, размещенных в России, достигла 9 тысяч и может вырасти, заявил Зеленский.',
    );
    expect(brief(f)).toEqual(['deployed/troops 9000']);
  });

  it('knows the lawmaker Park Sun-won as "Пак Сун Вон" too, over the agency he spoke to', () => {
    const f = read(
      'ru',
      'Заголовок\n\nВ интервью агентству Reuters южнокорейский депутат Пак Сун Вон заявил, что в Курской области находятся около 9 500 военных КНДР.',
    );
    expect(only(f).claimant).toBe('Park Sun-won');
  });
});

describe('Ukrainian and Russian, outlets', () => {
  it('reads "за даними видання" (according to the outlet) as the outlet named last, past a person', () => {
    const uk = read(
      'uk',
      'Заголовок\n\nПро родини загиблих пише Reuters. Кім Чен Ин заявив, що держава подбає про них.\n\nЗа даними видання, у боях загинули щонайменше 500 північнокорейських військових.',
    );
    expect(only(uk).claimant).toBe('Reuters');
    const ru = read(
      'ru',
      'Заголовок\n\nО семьях погибших пишет Reuters. Ким Чен Ын заявил, что государство позаботится о них.\n\nПо данным издания, в боях погибли не менее 500 северокорейских военных.',
    );
    expect(only(ru).claimant).toBe('Reuters');
  });
});

describe('Ukrainian and Russian, posts', () => {
  it('credits the person a long post titles, comma and rank between, over the body in the post', () => {
    const f = read(
      'uk',
      'Заголовок\n\nБлизько 9 000 військових КНДР лишаються на полігонах у Росії. Про це розповів заступник начальника Головного управління розвідки Міністерства оборони, генерал-майор Вадим Скібіцький.',
    );
    expect(only(f).claimant).toBe('Vadym Skibitskyi');
    const ru = read(
      'ru',
      'Заголовок\n\nОколо 9 000 военных КНДР остаются на полигонах в России. Об этом рассказал заместитель начальника Главного управления разведки Министерства обороны генерал-майор Вадим Скибицкий.',
    );
    expect(only(ru).claimant).toBe('Vadym Skibitskyi');
  });

  it('credits the post holder in the sentence that goes on from the one naming the post', () => {
    const f = read(
      'uk',
      'Заголовок\n\nВадим Скібіцький дав інтерв’ю.\n\nЗа словами заступника начальника ГУР, до Курської області прибуде 1500 військових КНДР. Є домовленість щодо направлення ще 5000 бійців КНДР.',
    );
    expect(f.map((x) => [x.value, x.claimant])).toEqual([
      [1500, 'Vadym Skibitskyi'],
      [5000, 'Vadym Skibitskyi'],
    ]);
  });
});
