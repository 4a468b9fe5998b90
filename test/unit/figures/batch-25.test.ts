/**
 * Rules from the natural errors of the dev halves, read in session 20 (all languages). Every
 * sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { brief, only, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('who gave the figure', () => {
  it('reads an outlet named in quotes after "according to"', () => {
    expect(
      only(
        story(
          'en',
          'According to "The Washington Post," North Korea shipped about 2.4 million shells to Russia over one winter.',
        ),
      ).claimant,
    ).toBe('The Washington Post');
    expect(
      only(story('ru', 'Как пишет «РИА Новости», КНДР направила в Россию около 4200 военных.'))
        .claimant,
    ).toBe('RIA Novosti');
  });

  it('takes no source from a following sentence that names a body but says nothing', () => {
    expect(
      only(
        story(
          'de',
          'Nordkorea hat Russland seit Herbst rund 12.000 Soldaten zur Verfügung gestellt. Der NIS arbeitet seitdem eng mit der CIA zusammen.',
        ),
      ).claimant,
    ).toBe(null);
    expect(
      only(
        story(
          'uk',
          'Україна взяла у полон двох вояків КНДР. Слідчі СБУ допитують обох полонених із січня.',
        ),
      ).claimant,
    ).toBe(null);
    // One that says something still gives the figure its source.
    expect(
      only(
        story(
          'de',
          'Nordkorea hat Russland seit Herbst rund 12.000 Soldaten zur Verfügung gestellt. Der NIS teilte dies den Abgeordneten mit.',
        ),
      ).claimant,
    ).toBe('South Korea National Intelligence Service');
  });
});

describe('Korean sources', () => {
  it('reads a foreign family name with a title as the person named before', () => {
    const figures = story(
      'ko',
      '리투아니아 구호단체 대표 요나스 오만은 현지 방송과 인터뷰를 했다.\n\n그는 전선 상황을 설명했다.\n\n오만 대표는 “처음에는 북한군 2400명이 러시아로 이송됐다”고 설명했다.',
    );
    expect(only(figures).claimant).toBe('Jonas Öhman');
  });

  it('knows the National Human Rights Commission', () => {
    expect(
      only(
        story(
          'ko',
          '국가인권위원회는 우크라이나군에 생포된 북한군 2명을 강제로 송환해서는 안 된다고 밝혔다.',
        ),
      ).claimant,
    ).toBe('National Human Rights Commission of Korea');
  });
});

describe('Ukrainian outlets', () => {
  it('keeps the outlet a sentence credits by its noun, beside an agency’s estimate', () => {
    const figures = story(
      'uk',
      'Кім Чен Ин відвідав родини загиблих. Про це пише «Главком» з посиланням на rfi.\n\nЗа даними видання, на фронті загинули щонайменше 700 північнокорейських військових. Західна розвідка оцінює, що КНДР відправила до Росії понад 12 тис. солдатів.',
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([
      [700, 'RFI'],
      [12000, 'Western intelligence'],
    ]);
  });

  it('reads a citation whose preposition is dropped', () => {
    expect(
      only(
        story(
          'uk',
          'Двоє полонених солдатів КНДР попросили передати їх Південній Кореї. Про це повідомляє «Главком» із посиланням Deutsche Welle.',
        ),
      ).claimant,
    ).toBe('Deutsche Welle');
  });
});

describe('English sources in a clause of their own', () => {
  it('gives a nation’s lower estimate to that nation, not to the speaker before it', () => {
    const figures = story(
      'en',
      'Zelenskyy said 3,800 North Korean soldiers had been killed or wounded, though U.S. estimates were lower, at about 1,500.',
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([
      [3800, 'Volodymyr Zelensky'],
      [1500, 'United States'],
    ]);
  });

  it('reads intelligence officials in a country as that country’s intelligence', () => {
    expect(
      only(
        story(
          'en',
          'Intelligence officials in South Korea said about 350 North Korean soldiers had been killed.',
        ),
      ).claimant,
    ).toBe('South Korean intelligence');
    expect(
      only(
        story(
          'en',
          'Intelligence reports from Seoul suggest that some 9,000 North Korean troops are now in Russia.',
        ),
      ).claimant,
    ).toBe('South Korean intelligence');
  });
});

describe('English numbers that are not figures', () => {
  it('leaves out soldiers who have returned home', () => {
    expect(
      brief(
        story(
          'en',
          'The spy agency said some 2,500 North Korean soldiers have returned home from Russia to train others.',
        ),
      ),
    ).toEqual([]);
  });

  it('leaves out a ratio and the size of one unit', () => {
    expect(
      brief(
        story(
          'en',
          'Russia assigned one translator for every 40 North Korean soldiers in Kursk, the defector said.',
        ),
      ),
    ).toEqual([]);
    expect(
      brief(
        story(
          'en',
          'He said two political officers sat in each battalion of about 600 North Korean soldiers in Kursk.',
        ),
      ),
    ).toEqual([]);
  });

  it('reads a calibre in centimetres as part of the noun', () => {
    expect(
      brief(
        story(
          'en',
          'North Korea shipped 4.1 million 15-centimetre artillery shells to Russia, he said.',
        ),
      ),
    ).toEqual(['supplied/shells 4100000']);
  });

  it('leaves out missiles another country sent', () => {
    expect(
      brief(
        story(
          'en',
          'North Korea has shipped shells to Russia for two years. The paper also found that Iran had sent 300 ballistic missiles to Russia.',
        ),
      ),
    ).toEqual([]);
  });
});

describe('decimal millions', () => {
  it('reads 4.1 million as 4,100,000 in every language', () => {
    // Binary arithmetic makes 4.1 × 1,000,000 4,099,999.9999999995, which no count is.
    expect(brief(story('en', 'North Korea has sent 4.1 million shells to Russia.'))).toEqual([
      'supplied/shells 4100000',
    ]);
    expect(
      brief(story('de', 'Nordkorea hat 4,1 Millionen Artilleriegranaten an Russland geliefert.')),
    ).toEqual(['supplied/shells 4100000']);
    expect(brief(story('ru', 'КНДР передала России 4,1 млн снарядов.'))).toEqual([
      'supplied/shells 4100000',
    ]);
  });
});

describe('English words of supply and presence', () => {
  it('reads every form of the verbs of supply', () => {
    expect(
      brief(
        story('en', 'North Korea provides Russia with roughly 2 million artillery shells a year.'),
      ),
    ).toEqual(['supplied/shells 2000000']);
    expect(
      brief(
        story('en', 'Russia could receive up to 2 million more artillery shells from North Korea.'),
      ),
    ).toEqual(['supplied/shells 2000000 +']);
  });

  it('reads "shots of" as a word for the shells that follow', () => {
    expect(
      brief(
        story(
          'en',
          'The containers sent from North Korea equal about 2.5 million shots of 152 mm artillery shells.',
        ),
      ),
    ).toEqual(['supplied/shells 2500000']);
  });

  it('reads the presence of troops as a deployment', () => {
    expect(
      brief(
        story('en', 'Zelensky confirmed the presence of 11,500 North Koreans in the Kursk area.'),
      ),
    ).toEqual(['deployed/troops 11500']);
  });
});

describe('a part of a whole in the packs', () => {
  it('reads "4000 von 12.000 Soldaten" as a toll of a deployment', () => {
    expect(
      brief(
        story(
          'de',
          'Kiew meldet, dass 3500 von 12.000 nordkoreanischen Soldaten in Kursk verletzt oder getötet worden sind.',
        ),
      ),
    ).toEqual(['casualties/troops 3500', 'deployed/troops 12000']);
    expect(
      brief(
        story(
          'de',
          'Schätzungen zufolge wurden über 5.000 der 13.000 nach Russland entsandten nordkoreanischen Soldaten getötet oder verwundet.',
        ),
      ),
    ).toEqual(['casualties/troops 5000', 'deployed/troops 13000']);
    expect(
      brief(
        story(
          'ru',
          'Киев сообщает, что 3500 из 12 000 северокорейских военных в Курской области ранены или убиты.',
        ),
      ),
    ).toEqual(['casualties/troops 3500', 'deployed/troops 12000']);
    expect(
      brief(
        story(
          'uk',
          'Київ повідомляє, що 3500 із 12 000 північнокорейських військових на Курщині поранені або вбиті.',
        ),
      ),
    ).toEqual(['casualties/troops 3500', 'deployed/troops 12000']);
  });

  it('leaves a fired part of materiel alone', () => {
    expect(
      brief(
        story(
          'de',
          'Ermittler haben Trümmer von 19 der rund 40 nordkoreanischen Raketen untersucht, die Russland abgefeuert hat.',
        ),
      ),
    ).toEqual([]);
  });
});

describe('German presence and other suppliers', () => {
  it('reads troops on their way as deployed', () => {
    expect(
      brief(
        story(
          'de',
          'Mindestens 9.000 nordkoreanische Soldaten sind nach Angaben des NIS auf dem Weg in die Ukraine.',
        ),
      ),
    ).toEqual(['deployed/troops 9000']);
  });

  it('leaves out missiles Iran sent', () => {
    for (const [language, text] of [
      [
        'de',
        'Nordkorea liefert Granaten. Die Zeitung berichtet, dass Iran Russland 300 ballistische Raketen geliefert hat.',
      ],
      [
        'ru',
        'КНДР поставляет снаряды. Издание пишет, что Иран передал России 300 баллистических ракет.',
      ],
      ['uk', 'КНДР постачає снаряди. Видання пише, що Іран передав Росії 300 балістичних ракет.'],
    ] as const)
      expect(brief(story(language, text))).toEqual([]);
  });
});

describe('English batch 2027-01-26', () => {
  it('reads a number set off by commas after a name as an age', () => {
    expect(
      brief(
        story(
          'en',
          'The two North Korean prisoners of war, Mr. Kim, 24, and Mr. Jo, 31, spoke to reporters in Kyiv.',
        ),
      ),
    ).toEqual(['captured/troops 2']);
  });

  it('reads special operation forces as troops', () => {
    expect(
      brief(
        story(
          'en',
          'Seoul said North Korea had sent 1,800 special operation forces to Russia last week.',
        ),
      ),
    ).toEqual(['deployed/troops 1800']);
  });

  it('credits the spy chief’s briefing to the NIS', () => {
    expect(
      only(
        story(
          'en',
          'South Korea’s spy chief told lawmakers that 2,800 North Korean troops are already in Russia.',
        ),
      ).claimant,
    ).toBe('South Korea National Intelligence Service');
  });

  it('credits "reports from X that …" to X', () => {
    expect(
      only(
        story(
          'en',
          'Satellite images appear to confirm reports from South Korea’s National Intelligence Service (NIS) that 1,700 soldiers have been shipped to Vladivostok.',
        ),
      ).claimant,
    ).toBe('South Korea National Intelligence Service');
    expect(
      only(
        story(
          'en',
          'It follows months of reports from Ukrainian and Western intelligence agencies suggesting that Pyongyang had sent over 9,000 soldiers to Russia.',
        ),
      ).claimant,
    ).toBe('Ukrainian and Western intelligence agencies');
  });
});

describe('a post then its holder', () => {
  it('credits the person named after a post', () => {
    const figures = story(
      'en',
      'In November, about 11,500 North Korean soldiers arrived in Russia. Within three months their number fell by half, according to the Commander-in-Chief of the Ukrainian Armed Forces, General Oleksandr Syrskyi.',
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([[11500, 'Oleksandr Syrskyi']]);
  });
});

describe('Korean countries that act', () => {
  it('takes no source from a country that acts in a line with no word of saying', () => {
    expect(
      only(
        story(
          'ko',
          '북한은 올해 2만 명 규모의 추가 파병을 계획하고 있으며, 러시아는 이들에게 무기와 탄약을 제공하며 부대 통합을 추진 중이다.',
        ),
      ).claimant,
    ).toBe(null);
  });
});

describe('Korean ranges', () => {
  it('reads "1천여 명에서 많게는 약 3천 명으로 추정된다" as a range', () => {
    expect(
      brief(story('ko', '북한군 2차 파병 병력 규모는 1천여 명에서 많게는 약 3천 명으로 추정된다.')),
    ).toEqual(['deployed/troops 1000-3000']);
  });
});

describe('Korean clauses and counts per group', () => {
  it('reads what befell a part from its own clause', () => {
    expect(
      brief(
        story(
          'ko',
          '합참은 파병된 북한군 1만2000명 중 약 3500명의 사상자가 발생했으며 지난 1~2월에 2500명 이상이 추가 파병됐다고 밝혔다.',
        ),
      ),
    ).toEqual(['deployed/troops 12000', 'casualties/troops 3500', 'deployed/troops 2500 +']);
    expect(
      brief(
        story(
          'ko',
          '북한은 지난해 병력 1만2천여명을 러시아로 파견했고 이 중 3천5백여명이 죽거나 다치자 증원 전력을 투입했다.',
        ),
      ),
    ).toContain('casualties/troops 3500');
  });

  it('leaves out so many each and the size of one unit', () => {
    expect(
      brief(
        story(
          'ko',
          '북한군이 공격 전에 30~40명씩 모였다가 최대 8명의 소규모 단위로 나뉘어 이동한다고 우크라이나 정보총국이 전했다.',
        ),
      ),
    ).toEqual([]);
    // So many of each type named is a count.
    expect(
      brief(story('ko', '북한제 미사일 KN-23과 KN-24도 각각 11발씩 러시아에 수출됐다.')),
    ).toEqual(['supplied/missiles 11']);
  });
});

describe('Korean wholes that include a part', () => {
  it('reads the whole by its own noun after it', () => {
    expect(
      brief(
        story(
          'ko',
          '정부는 북한군 파병 인원은 약 1만 4000명이며, 사망자 500명을 포함해 4200명의 사상자가 발생했다고 발표했다.',
        ),
      ),
    ).toEqual(['deployed/troops 14000', 'killed/troops 500', 'casualties/troops 4200']);
  });
});

describe('markup left in a text', () => {
  it('reads paragraphs closed by tags as paragraphs, and tags as no words', () => {
    const html =
      '<p style="text-align: justify;">КНДР отправит в Россию ещё одну группу солдат. Об этом сообщает <a href="https://example.org/2024-10-25/north-korea">агентство</a> со ссылкой на южнокорейскую разведку.</p> <p style="text-align: justify;">Ранее сообщалось, что в РФ уже находятся 1700 бойцов спецназа КНДР.</p> <p style="text-align: justify;">Ни Россия, ни КНДР официально не подтверждают переброску войск.</p>';
    expect(brief(story('ru', html))).toEqual(['deployed/troops 1700']);
  });
});

describe('bare intelligence officials', () => {
  it('speak for the intelligence body the story named before', () => {
    const figures = story(
      'en',
      'South Korea’s National Intelligence Service briefed lawmakers on Wednesday.\n\nDuring the closed-door session, intelligence officials also said some 10,500 North Korean soldiers had reached the front line in Kursk.',
    );
    expect(only(figures).claimant).toBe('South Korea National Intelligence Service');
  });
});

describe('German lists and verbs', () => {
  it('reads an item of a list by what the lines above it said happened', () => {
    expect(
      brief(
        story(
          'de',
          'Laut dem Bericht hat Nordkorea seit Kriegsbeginn viele Ressourcen nach Russland geschickt. Die Einzelheiten:\n- Über 13.000 Soldaten, die in mehreren Phasen entsandt wurden.\n- Fast 8 Millionen Artillerie- und Munitionsrunden im Jahr 2024.',
        ),
      ),
    ).toEqual(['deployed/troops 13000', 'supplied/shells 8000000']);
  });

  it('reads "brachten" and "mobilisiert"', () => {
    expect(
      brief(
        story(
          'de',
          'Schiffe brachten über 2,4 Millionen Artilleriegranaten aus Nordkorea nach Russland.',
        ),
      ),
    ).toEqual(['supplied/shells 2400000']);
    expect(
      brief(story('de', "Russland habe etwa 12'000 nordkoreanische Soldaten mobilisiert.")),
    ).toEqual(['deployed/troops 12000']);
  });
});

describe('Korean batch 2027-01-29', () => {
  it('reads 만천여 명 as about 11,000', () => {
    expect(
      brief(story('ko', '국정원은 북한군 병사 만천여 명이 쿠르스크로 이동 배치됐다고 보고했다.')),
    ).toEqual(['deployed/troops 11000']);
  });

  it('leaves out containers that went over to the North', () => {
    expect(brief(story('ko', '신원식 "러 컨테이너 8천개 북한으로 넘어가…北식량값 안정"'))).toEqual(
      [],
    );
  });

  it('reads a line broken after a particle as one sentence', () => {
    expect(
      only(
        story(
          'ko',
          '블링컨 미국 국무장관은 지난달 31일 “북한군 병력 약 7500명이\n쿠르스크에 배치돼 있다”고 말했다.',
        ),
      ).claimant,
    ).toBe('Antony Blinken');
  });
});

describe('Korean counters', () => {
  it('counts self-propelled guns by 기', () => {
    expect(brief(story('ko', '북한은 최근 석 달 동안 러시아에 자주포 140기를 보냈다.'))).toEqual([
      'supplied/artillery 140',
    ]);
  });
});

describe('English batch 2027-01-28', () => {
  it('reads "sustaining injuries" after a bare number', () => {
    expect(
      brief(
        story(
          'en',
          'Around 250 North Korean soldiers have died in Kursk, with an additional 2,300 sustaining injuries.',
        ),
      ),
    ).toEqual(['killed/troops 250', 'wounded/troops 2300']);
  });

  it('reads "transporting" and "to commit" as sending', () => {
    expect(
      brief(
        story(
          'en',
          'Russian ships were transporting around 1,300 North Korean special forces soldiers to Vladivostok.',
        ),
      ),
    ).toEqual(['deployed/troops 1300']);
    expect(
      brief(
        story(
          'en',
          'Pyongyang is expected to commit as many as 13,000 soldiers to the war in Russia.',
        ),
      ),
    ).toEqual(['deployed/troops 13000']);
  });
});

describe('Ukrainian and Russian impersonal reports', () => {
  it('credit nobody for what "became known" or "was reported"', () => {
    const uk = story(
      'uk',
      'Західні посадовці заявили, що КНДР готує нову партію військ.\n\n11 січня стало відомо, що українські військові на Курщині взяли у полон двох північнокорейських солдатів.',
    );
    expect(only(uk).claimant).toBe(null);
    const ru = story(
      'ru',
      'Генштаб ВСУ заявил о новых боях в Курской области. Тогда сообщалось, что КНДР отправила в Россию около 11 000 военных.',
    );
    expect(only(ru).claimant).toBe(null);
  });
});

describe('a surname beside a word of saying', () => {
  it('is the person the story named before in full', () => {
    const figures = story(
      'uk',
      'Речник Пентагону Патрік Райдер провів брифінг для журналістів.\n\n"За нашими оцінками, до Курської області прибуло близько 9 тисяч північнокорейських військових", - повідомив Райдер.',
    );
    expect(only(figures).claimant).toBe('Patrick Ryder');
    const korean = story(
      'ru',
      'Министр обороны Южной Кореи Ким Ён Хён выступил в парламенте.\n\n«По нашим данным, КНДР отправила в Россию около 9 тысяч военных», — сказал Ким.',
    );
    expect(only(korean).claimant).toBe('Kim Yong-hyun');
  });
});

describe('German batch 2027-01-30', () => {
  it('credits a ministry whose report "reveals" the figures', () => {
    expect(
      only(
        story(
          'de',
          'In einem Bericht des britischen Verteidigungsministeriums wird offengelegt, dass rund 12.000 nordkoreanische Soldaten nach Kursk entsandt wurden.',
        ),
      ).claimant,
    ).toBe('UK Ministry of Defence');
  });

  it('reads soldiers gathering and a participle phrase before the noun', () => {
    expect(
      brief(
        story(
          'de',
          'Bis Montag würden sich bis zu 4.500 nordkoreanische Soldaten dort versammeln.',
        ),
      ),
    ).toEqual(['deployed/troops 4500']);
    expect(
      brief(
        story(
          'de',
          'Der NIS sagte, dass von den 14.000 zum Kampf entsandten nordkoreanischen Truppen etwa 4.200 Opfer zu beklagen waren.',
        ),
      ),
    ).toEqual(['deployed/troops 14000', 'casualties/troops 4200']);
  });

  it('reads reinforcements as troops', () => {
    expect(
      brief(
        story(
          'de',
          'Die Ukraine schätzt, dass Nordkorea weitere 2.500 Verstärkungen nach Russland geschickt hat.',
        ),
      ),
    ).toEqual(['deployed/troops 2500 +']);
  });
});

describe('Korean batch 2027-02-01', () => {
  it('reads a country that says it as the source', () => {
    expect(
      only(
        story(
          'ko',
          '한편 미국은 러시아 쿠르스크에 북한군 약 7500명이 배치됐다고 지난달 31일 밝혔습니다.',
        ),
      ).claimant,
    ).toBe('United States');
  });

  it('counts long-range guns, but not the brigades they make up', () => {
    expect(
      brief(story('ko', '국방부는 북한이 러시아에 장사정포 180여문을 지원했다고 밝혔다.')),
    ).toEqual(['supplied/artillery 180']);
    expect(
      brief(story('ko', '신 실장은 북한이 러시아에 장사정포 3개 여단 규모를 지원했다고 밝혔다.')),
    ).toEqual([]);
  });
});

describe('English batch 2027-01-31', () => {
  it('knows Samuel Paparo, and the Ukrainian spy chief as Budanov', () => {
    expect(
      only(
        story(
          'en',
          'Adm. Sam Paparo told lawmakers that about 12,500 North Korean troops had been sent to Russia.',
        ),
      ).claimant,
    ).toBe('Samuel Paparo');
    expect(
      only(
        story(
          'en',
          'The Ukrainian spy chief said 2,700 North Korean troops would be sent to Kursk by Friday.',
        ),
      ).claimant,
    ).toBe('Kyrylo Budanov');
  });
});

describe('Korean: Umerov, and troops assembling', () => {
  it('reads 집결 as presence and knows 우메로프', () => {
    const figures = story(
      'ko',
      '루스템 우메로프 우크라이나 국방장관은 인터뷰에서 “쿠르스크에 1만1000~1만4000여 명의 북한군이 집결했다”고 말했다.',
    );
    expect(figures.map((f) => [f.value, f.valueHigh, f.claimant])).toEqual([
      [11000, 14000, 'Rustem Umerov'],
    ]);
  });
});

describe('English numbers that count nothing', () => {
  it('leaves out a prisoner swap, a comparison, a half and a dateline', () => {
    for (const text of [
      'Russia and Ukraine have exchanged about a thousand prisoners of war this week.',
      'Kim said each of his soldiers is worth 100 of the enemy, North Korean media reported.',
      'The commander said his men were outnumbered by seven against 40 North Koreans in each unit.',
      'The North Koreans took about three-and-a-half hours to capture the village.',
      'North Korea has shipped shells to Russia.\nNov 7, 2024 10:41 83',
    ])
      expect(brief(story('en', text))).toEqual([]);
    // Prisoners a swap left out are the North's captives.
    expect(
      brief(
        story(
          'en',
          'The list of exchanged prisoners did not include the two North Korean soldiers captured by Ukraine.',
        ),
      ),
    ).toEqual(['captured/troops 2']);
  });
});

describe('Pavel Belentsev', () => {
  it('is known in Russian and German', () => {
    expect(
      only(
        story(
          'ru',
          'Сейчас в России работают около 14 тысяч рабочих из КНДР, заявил помощник главы девелоперской группы Павел Беленцев.',
        ),
      ).claimant,
    ).toBe('Pavel Belentsev');
  });
});

describe('Korean: the leader who sends', () => {
  it('is no source in a line that is only said to be so', () => {
    expect(
      only(
        story('ko', '김정은은 1천2백 명 규모의 북한 공병부대를 러시아로 파견한 것으로 전해졌다.'),
      ).claimant,
    ).toBe(null);
  });
});

describe('a story about one body’s report', () => {
  it('gives the report the figures no sentence credits', () => {
    const figures = story(
      'en',
      'A new multinational team has released its findings on arms transfers.\n\nThis, from the very first report by the Multilateral Sanctions Monitoring Team, released on Thursday.\n\nThe North has supplied Russia with over 19,000 containers of shells since 2023.',
    );
    expect(only(figures).claimant).toBe('Multilateral Sanctions Monitoring Team');
    // With no report in its lead, a story's uncredited figure stays nobody's.
    expect(
      only(
        story(
          'en',
          'The Multilateral Sanctions Monitoring Team met in Seoul.\n\nThe North has supplied Russia with over 19,000 containers of shells since 2023.',
        ),
      ).claimant,
    ).toBe(null);
  });
});
