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

describe('a part of a whole the story describes (session 26 modelled set)', () => {
  it("gives the part the predicate after the whole's own participle of sending", () => {
    const figures = story(
      'en',
      'At least 2,900 of the 13,000 North Korean soldiers sent to back Moscow are now dead or injured, the minister said.',
    );
    expect(find(figures, 2900).metric).toBe('casualties');
    expect(find(figures, 13000).metric).toBe('deployed');
  });

  it('still reads a part that was itself sent on ("1,000 of the 11,000 troops deployed … were sent")', () => {
    const figures = story(
      'en',
      'About 1,000 of the 11,000 troops deployed to Kursk were sent to the front line, officials said.',
    );
    expect(find(figures, 1000).metric).toBe('deployed');
  });

  it('finds the whole behind a possessive ("2,900 of North Korea\'s 13,000 troops … killed or wounded")', () => {
    const figures = readerFor(
      '2025-07-01',
      "Kyiv: 2,900 of North Korea's 13,000 troops in Russia killed or wounded",
    )('en', 'The figures were given on Friday.');
    expect(find(figures, 2900).metric).toBe('casualties');
    expect(find(figures, 13000).metric).toBe('deployed');
  });
});

describe('Korean numbers and nouns of the modelled set', () => {
  it('reads "1천만 발" as ten million', () => {
    expect(brief(story('ko', '북한은 지금까지 포탄 1천만 발을 러시아에 보냈다.'))).toEqual([
      'supplied/shells 10000000',
    ]);
  });

  it('reads "N개가 넘는 컨테이너" as more than N containers', () => {
    const figures = story('ko', '북한은 그동안 2만 개가 넘는 컨테이너를 러시아로 실어 보냈다.');
    expect(find(figures, 20000).unit).toBe('containers');
    expect(find(figures, 20000).qualifier).toBe('more_than');
  });

  it('counts guns and launchers joined by "·" as artillery', () => {
    expect(
      brief(story('ko', '북한은 170㎜ 자주포·240㎜ 방사포 200여 문을 러시아에 넘겼다.')),
    ).toEqual(['supplied/artillery 200']);
  });

  it('counts shells listed with other munitions ("포탄과 미사일 등 N발") as shells', () => {
    expect(brief(story('ko', '북한은 포탄과 미사일 등 800만 발을 러시아에 보냈다.'))).toEqual([
      'supplied/shells 8000000',
    ]);
  });

  it('counts a trade followed by "등" as troops ("공병 등 5천 명")', () => {
    expect(brief(story('ko', '북한은 공병 등 5천 명을 러시아에 추가로 보냈다.'))).toEqual([
      'deployed/troops 5000 +',
    ]);
  });

  it('reads materiel that "went over" ("넘어갔다") as supplied', () => {
    expect(
      brief(story('ko', '합참은 자주포 150여 문이 북한에서 러시아로 넘어갔다고 밝혔다.')),
    ).toEqual(['supplied/artillery 150']);
  });
});

describe('Ukrainian, Russian and German words of the modelled set', () => {
  it('reads "відрядив" (seconded) as sending, and "близько тисячі" as a thousand', () => {
    expect(
      brief(ukrainian('uk', 'За даними агентства, Пхеньян відрядив туди близько тисячі саперів.')),
    ).toEqual(['deployed/deminers 1000']);
  });

  it('reads "командировал" (seconded) as sending in Russian', () => {
    expect(
      brief(russian('ru', 'По данным агентства, Пхеньян командировал туда около тысячи саперов.')),
    ).toEqual(['deployed/deminers 1000']);
  });

  it('drops a daily rate whose word stands before the verb and a place ("щодня втрачає на фронті понад тисячу")', () => {
    expect(
      ukrainian('uk', 'Росія щодня втрачає на фронті понад тисячу осіб, тож поповнює армію.'),
    ).toEqual([]);
  });

  it('credits a quotation "— заявив посол" to the ambassador named before, not to a capital inside it', () => {
    const figures = ukrainian(
      'uk',
      [
        'Про це повідомив американський посол Роберт Вуд.',
        '',
        'Він нагадав, що Кремль давно шукає снаряди в інших держав.',
        '',
        '«Торік на прохання Москви Пхеньян відправив понад 16 тисяч контейнерів», — заявив посол.',
      ].join('\n'),
    );
    expect(find(figures, 16000).claimant).toBe('Robert Wood');
  });

  it('reads German "dasselbe Bild" as a picture, not the newspaper', () => {
    const figures = german(
      'de',
      'Bei den Verlusten zeigt sich dasselbe Bild: Aus Südkorea hieß es, rund 900 Soldaten seien getötet oder verletzt worden.',
    );
    expect(find(figures, 900).claimant).toBe('South Korea');
  });
});

describe('rules from the second round of modelled articles (session 26)', () => {
  it('reads a Russian participle of sending between commas as who they are, the verb after as what befell them', () => {
    expect(
      brief(
        russian(
          'ru',
          'Не менее 120 военнослужащих КНДР, переброшенных под Курск, погибли в боях за неделю.',
        ),
      ),
    ).toEqual(['killed/troops 120']);
  });

  it('reads Ukrainian "переправив" (ferried over) as sending', () => {
    expect(
      brief(ukrainian('uk', 'Розвідка вважає, що Пхеньян переправив до Росії ще 2500 військових.')),
    ).toEqual(['deployed/troops 2500 +']);
  });

  it('reads Russian people who came "на заработки" (to earn) as workers, the purpose opening the clause', () => {
    expect(
      brief(russian('ru', 'За год в Россию на заработки приехали почти 12 тысяч северокорейцев.')),
    ).toEqual(['deployed/workers 12000']);
  });

  it('reads German "erlitten Verletzungen" after a bare number as wounded', () => {
    expect(
      brief(german('de', 'Etwa 500 Soldaten sind gefallen, mehr als 3.500 erlitten Verletzungen.')),
    ).toEqual(['killed/troops 500', 'wounded/troops 3500']);
  });

  it('reads German "ins Land gekommen" as arrival', () => {
    expect(
      brief(
        german('de', 'Im Vorjahr seien rund 9.000 Arbeitskräfte aus Nordkorea ins Land gekommen.'),
      ),
    ).toEqual(['deployed/workers 9000']);
  });

  it('lets a German participle of loss beat "im Einsatz" before it', () => {
    expect(
      brief(
        german(
          'de',
          'Nach Angaben aus Seoul sind etwa 700 Nordkoreaner im Einsatz für Russland gefallen.',
        ),
      ),
    ).toEqual(['killed/troops 700']);
  });

  it('reads English "N of them fatal" as killed', () => {
    const figures = story(
      'en',
      'The agency put North Korean casualties at about 1,300, roughly 200 of them fatal.',
    );
    expect(find(figures, 200).metric).toBe('killed');
    expect(find(figures, 1300).metric).toBe('casualties');
  });

  it('gives "N of the soldiers North Korea sent … have been killed" the loss, not the sending', () => {
    expect(
      brief(
        story(
          'en',
          'Around 1,500 of the soldiers North Korea sent to fight alongside Russia have probably been killed, the spy agency said.',
        ),
      ),
    ).toEqual(['killed/troops 1500']);
  });

  it('drops containers Russia sent to the North ("러시아가 북한으로 보낸")', () => {
    expect(story('ko', '러시아가 북한으로 보낸 컨테이너는 8000개가량으로 추정된다.')).toEqual([]);
  });

  it('reads manpower put to a factory named before it as workers ("드론 공장에 북한 인력 N명")', () => {
    expect(
      brief(story('ko', '러시아의 드론 생산 공장에 북한 인력 1만 명이 투입될 예정이다.')),
    ).toEqual(['deployed/workers 10000']);
  });
});

describe('more rules from the dev halves of both rounds', () => {
  it('reads shells first in a longer list ("포탄과 장사정포, 미사일 등 N발") as shells', () => {
    expect(
      brief(story('ko', '북한은 포탄과 방사포, 미사일 등 700만 발을 러시아에 보냈다.')),
    ).toEqual(['supplied/shells 7000000']);
  });

  it('reads a workplace as the second word after a count ("1만명 드론 공장 투입") as workers', () => {
    expect(
      brief(
        readerFor('2025-07-01', '우크라 "北 인력 1만명 드론 공장 투입"')(
          'ko',
          '본문에는 숫자가 없다.',
        ),
      ),
    ).toEqual(['deployed/workers 10000']);
  });

  it('drops shells a leader ordered fired ("포탄 2000발을 쏘라고")', () => {
    expect(
      story(
        'ko',
        '북한은 러시아에 포탄을 보냈다. 김정은은 무인도를 향해 포탄 2000발을 쏘라고 명령했다.',
      ),
    ).toEqual([]);
  });

  it('reads Russian "лишилась N военных" (lost) as casualties', () => {
    expect(brief(russian('ru', 'В Курской области армия КНДР лишилась 300 военных.'))).toEqual([
      'casualties/troops 300',
    ]);
  });

  it('gives a bare count after "еще" the people of the count before it, over a noun in between', () => {
    expect(
      brief(
        russian(
          'ru',
          'Не менее 90 военных КНДР погибли в боях с украинскими подразделениями, еще около 800 получили ранения.',
        ),
      ),
    ).toEqual(['killed/troops 90', 'wounded/troops 800']);
  });
});

describe('rules from the dev half of the third round', () => {
  it('reads English "went in" and "taking part in the war" as a deployment', () => {
    expect(
      brief(
        story('en', 'Seoul believes 2,500 or more additional personnel went in during February.'),
      ),
    ).toEqual(['deployed/troops 2500']);
    expect(
      brief(
        story('en', 'Kyiv reckons roughly 11,000 North Korean troops are taking part in the war.'),
      ),
    ).toEqual(['deployed/troops 11000']);
  });

  it('still reads the loss when units "took part in" an offensive', () => {
    expect(
      brief(
        story(
          'en',
          'The number of North Korean troops killed rose from 200 to 500 as their units took part in a new offensive.',
        ),
      ),
    ).toEqual(['killed/troops 500']);
  });

  it('reads German "Getöteten und Verwundeten" as casualties', () => {
    expect(
      brief(german('de', 'Selenskyj sprach von mehr als 2.500 Getöteten und Verwundeten.')),
    ).toEqual(['casualties/troops 2500']);
  });

  it('drops a rate with "every day" after the noun ("1200 військових щодня"), keeps a day\'s toll ("за сутки")', () => {
    expect(ukrainian('uk', 'Росія несе величезні втрати — близько 1100 військових щодня.')).toEqual(
      [],
    );
    expect(
      brief(
        russian(
          'ru',
          'Силы специальных операций сообщили о ликвидации 40 северокорейских военных за сутки.',
        ),
      ),
    ).toEqual(['killed/troops 40']);
  });

  it('drops shells Russia fires ("випускає по позиціях три мільйони снарядів")', () => {
    expect(
      ukrainian(
        'uk',
        'Росія щороку випускає по українських позиціях близько двох мільйонів снарядів, і половину з них постачає Пхеньян.',
      ),
    ).toEqual([]);
  });

  it('finds the noun after a participle and its place ("5 тисяч відправлених до Росії контейнерів")', () => {
    expect(
      brief(ukrainian('uk', 'КНДР уже передала 5 тисяч відправлених до Росії контейнерів.')),
    ).toEqual(['supplied/containers 5000']);
  });
});

describe('a surname that "reminded" (нагадав, напомнил)', () => {
  it('credits the person named before by full name in Ukrainian', () => {
    const figures = ukrainian(
      'uk',
      [
        'Це озвучив заступник постійного представника США Роберт Вуд.',
        '',
        'Вуд нагадав, що раніше Пхеньян відправив Росії понад 16 тис. контейнерів.',
      ].join('\n'),
    );
    expect(find(figures, 16000).claimant).toBe('Robert Wood');
  });

  it('and in Russian', () => {
    const figures = russian(
      'ru',
      [
        'Это озвучил заместитель постпреда США Роберт Вуд.',
        '',
        'Вуд напомнил, что ранее Пхеньян отправил России более 16 тыс. контейнеров.',
      ].join('\n'),
    );
    expect(find(figures, 16000).claimant).toBe('Robert Wood');
  });
});

describe('German compounds of an agency acronym', () => {
  it('credits "nach NIS-Angaben" and "laut HUR-Informationen" to the agency', () => {
    expect(
      find(
        german('de', 'Nach NIS-Angaben sind rund 11.000 nordkoreanische Soldaten in Kursk.'),
        11000,
      ).claimant,
    ).toBe('South Korea National Intelligence Service');
    expect(
      find(
        german('de', 'Laut HUR-Informationen sind 12.000 nordkoreanische Soldaten in Kursk.'),
        12000,
      ).claimant,
    ).toBe('Ukraine Main Intelligence Directorate');
  });
});

describe('a purpose before the count names only people of no trade', () => {
  it('keeps builders builders after "специалисты по разминированию и …"', () => {
    expect(
      brief(
        russian(
          'ru',
          'По решению Ким Чен Ына в регион отправятся специалисты по разминированию и около пяти тысяч военных строителей.',
        ),
      ),
    ).toEqual(['deployed/workers 5000']);
  });
});

describe('rules from the dev half of the fourth round', () => {
  it('reads English "are already in the region" as a presence', () => {
    expect(
      brief(
        story(
          'en',
          'Some 9,000 North Korean soldiers are already in the region, the ambassador said.',
        ),
      ),
    ).toEqual(['deployed/troops 9000']);
  });

  it('reads German "nach Russland gekommen" as arrival', () => {
    expect(
      brief(
        german(
          'de',
          'Seit dem Frühjahr sind etwa 4.000 Soldaten aus dem Norden nach Russland gekommen.',
        ),
      ),
    ).toEqual(['deployed/troops 4000']);
  });

  it('reads Korean losses "합쳐" (combined) as casualties', () => {
    expect(
      brief(story('ko', '정보총국은 북한군 전사자와 부상자를 합쳐 3천여 명으로 집계했다.')),
    ).toEqual(['casualties/troops 3000']);
  });
});

describe('a paragraph that opens by saying who said "this"', () => {
  it('credits the figures of the paragraph before ("¶ Das kündigte Schoigu … an.")', () => {
    const figures = german(
      'de',
      [
        'Nordkorea stellt Russland weiteres Personal für die Region Kursk zur Verfügung. Insgesamt 4.000 Armeeangehörige sollen in das Gebiet verlegt werden.',
        '',
        'Das kündigte der Sekretär des russischen Sicherheitsrats, Sergej Schoigu, am Dienstag an.',
      ].join('\n'),
    );
    expect(find(figures, 4000).claimant).toBe('Sergei Shoigu');
  });

  it('in Ukrainian too ("¶ Про це повідомив Генштаб")', () => {
    const figures = ukrainian(
      'uk',
      ['КНДР відправила до Росії ще 2000 військових.', '', 'Про це повідомив Генштаб ЗСУ.'].join(
        '\n',
      ),
    );
    expect(find(figures, 2000).claimant).toBe('Ukraine General Staff');
  });
});

describe('a lawmaker briefed by a body (Korean)', () => {
  it('credits the body that briefed ("정보총국에서 따로 브리핑을 받았는데")', () => {
    const figures = story(
      'ko',
      '유용원 의원은 "우크라이나 정보총국에서 따로 브리핑을 받았는데, 북한군 사상자를 3천여 명으로 집계하고 있었다"고 말했다.',
    );
    expect(find(figures, 3000).claimant).toBe('Ukraine Main Intelligence Directorate');
  });

  it('and the body whose briefing it was ("정보총국 브리핑에서 들은 내용")', () => {
    const figures = story(
      'ko',
      '유용원 의원은 "정보총국 브리핑에서 들은 내용"이라며 "북한군 1천200명가량은 벌써 전장에 배치된 것으로 안다"고 말했다.',
    );
    expect(find(figures, 1200).claimant).toBe('Ukraine Main Intelligence Directorate');
  });
});

describe('"by X\'s count" as a source', () => {
  it('credits the agency an anaphor names ("By the agency\'s count, …")', () => {
    const figures = story(
      'en',
      [
        "Ukraine's military intelligence agency, HUR, says the North Koreans trained at five ranges.",
        '',
        "By the agency's count, about 11,000 North Korean military personnel are now in Russia.",
      ].join('\n'),
    );
    expect(find(figures, 11000).claimant).toBe('Ukraine Main Intelligence Directorate');
  });

  it('credits the person a possessive pronoun names ("By his account, …")', () => {
    const figures = story(
      'en',
      [
        'Secretary of State Antony Blinken said Moscow was growing desperate.',
        '',
        'By his account, Pyongyang now has 9,000 soldiers on Russian soil.',
      ].join('\n'),
    );
    expect(find(figures, 9000).claimant).toBe('Antony Blinken');
  });
});

describe('"warned" as a word of saying in Ukrainian and Russian', () => {
  it('credits "У Пентагоні попередили, що …" to the Pentagon', () => {
    expect(
      find(
        ukrainian(
          'uk',
          'У Пентагоні попередили, що Пхеньян відрядив до Росії близько 8000 військових.',
        ),
        8000,
      ).claimant,
    ).toBe('Pentagon');
  });

  it('and "В Пентагоне предупредили, что …"', () => {
    expect(
      find(
        russian(
          'ru',
          'В Пентагоне предупредили, что Пхеньян отправил в Россию около 8 тысяч военных.',
        ),
        8000,
      ).claimant,
    ).toBe('Pentagon');
  });
});
