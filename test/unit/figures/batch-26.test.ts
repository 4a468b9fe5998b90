/**
 * Rules from the natural errors of the dev halves, read in session 21 (all languages). Every
 * sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { only, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('who gave the figure', () => {
  it("credits the head of Ukraine's military intelligence by name, not his directorate", () => {
    expect(
      only(
        story(
          'en',
          'About 9,000 North Korean soldiers remain in Russia, says the head of the DIU.',
        ),
      ).claimant,
    ).toBe('Kyrylo Budanov');
    expect(
      only(
        story(
          'en',
          "North Korea has sent 9,000 troops to Russia, the head of Ukraine's military intelligence told reporters.",
        ),
      ).claimant,
    ).toBe('Kyrylo Budanov');
  });

  it("reads Ukraine's special operations unit as its Special Operations Forces", () => {
    expect(
      only(
        story(
          'en',
          "A clip posted by Ukraine's special operations unit shows that 40 North Korean soldiers were killed near Kursk.",
        ),
      ).claimant,
    ).toBe('Ukraine Special Operations Forces');
  });

  it('reads sources, reconnaissance and special units named by their nation in the packs', () => {
    expect(
      only(
        story(
          'de',
          'Westliche Quellen gehen davon aus, dass bereits 9.000 nordkoreanische Soldaten in Russland sind.',
        ),
      ).claimant,
    ).toBe('Western sources');
    expect(
      only(story('de', 'Südkoreanischen Quellen zufolge sind bisher 500 Nordkoreaner gefallen.'))
        .claimant,
    ).toBe('South Korean sources');
    expect(
      only(
        story(
          'de',
          'Nordkorea hat laut ukrainischer Aufklärung schon 2 Millionen Granaten nach Russland geliefert.',
        ),
      ).claimant,
    ).toBe('Ukrainian intelligence');
    expect(
      only(
        story(
          'de',
          'Ukrainische Spezialeinheiten meldeten am Montag, sie hätten 30 nordkoreanische Soldaten verletzt.',
        ),
      ).claimant,
    ).toBe('Ukraine Special Operations Forces');
    expect(
      only(
        story(
          'de',
          'Nach Berichten aus der Ukraine hat Nordkorea im Frühjahr weitere 2.000 Soldaten geschickt.',
        ),
      ).claimant,
    ).toBe('Ukraine');
    expect(
      only(story('uk', 'За даними західних джерел, КНДР перекинула до Росії ще 2 000 військових.'))
        .claimant,
    ).toBe('Western sources');
    expect(
      only(
        story(
          'ru',
          'По данным южнокорейских источников, КНДР перебросила в Россию ещё 2 000 военных.',
        ),
      ).claimant,
    ).toBe('South Korean sources');
  });

  it('joins Korean sources listed with the particle of "and" into one joint source', () => {
    expect(
      only(
        story(
          'ko',
          '한국과 미국, 우크라이나 정보 당국은 북한이 러시아에 병력 1만4000명을 보낸 것으로 본다.',
        ),
      ).claimant,
    ).toBe('South Korean, U.S. and Ukrainian sources');
    expect(
      only(story('ko', '한국과 미국 당국은 북한군 사상자가 2000명을 넘은 것으로 보고 있다.'))
        .claimant,
    ).toBe('South Korean and U.S. sources');
  });

  it("reads Kyiv's military intelligence, military source and media in Korean", () => {
    expect(
      only(
        story(
          'ko',
          '우크라이나 군사 정보기관에 따르면 북한은 올해 러시아에 탄도미사일 60발을 넘겼다.',
        ),
      ).claimant,
    ).toBe('Ukraine Main Intelligence Directorate');
    expect(
      only(
        story(
          'ko',
          '한 일본 통신사는 우크라이나 군 소식통을 인용해 북한군 약 1500명이 서부로 향했다고 전했다.',
        ),
      ).claimant,
    ).toBe('Ukrainian military source');
    expect(only(story('ko', '북한군 40명이 숨졌다고 우크라이나 매체들이 보도했다.')).claimant).toBe(
      'Ukrainian media',
    );
  });

  it('counts the West among the members of a Korean joint source', () => {
    expect(
      only(story('ko', '우크라이나와 서방 분석에 따르면 북한군 1만2천여 명이 전선에 배치됐다.'))
        .claimant,
    ).toBe('Ukrainian and Western sources');
  });
  it('credits intelligence estimates the story leaves unnamed as such', () => {
    expect(
      only(
        story(
          'uk',
          'За оцінками розвідок, до Росії могли перекинути близько 9 тисяч військових КНДР.',
        ),
      ).claimant,
    ).toBe('intelligence estimates');
    expect(
      only(
        story(
          'de',
          'Das folgt auf Schätzungen des Geheimdienstes, wonach 9.000 nordkoreanische Soldaten entsandt wurden.',
        ),
      ).claimant,
    ).toBe('intelligence estimates');
  });
  it('knows Paparo by his Korean spelling, and him as "he" in the line after', () => {
    const said = story(
      'ko',
      '새뮤얼 파파로 사령관은 청문회에 나왔다. 그는 “러시아에 북한군 1만3천 명이 있다”고 말했다.',
    );
    expect(only(said).claimant).toBe('Samuel Paparo');
  });
  it('knows the foreign minister Cho Tae-yul in Korean and Paparo in Ukrainian', () => {
    expect(
      only(story('ko', '조태열 외교부 장관은 북한군 1만3천 명이 러시아에 있다고 밝혔다.')).claimant,
    ).toBe('Cho Tae-yul');
    expect(
      only(story('uk', 'Адмірал Папаро заявив, що в Росії перебуває 13 тисяч військових КНДР.'))
        .claimant,
    ).toBe('Samuel Paparo');
  });
  it("reads Seoul's foreign ministry and NHK in Korean", () => {
    expect(
      only(story('ko', '외교부는 북한이 러시아에 병력 1만3천여 명을 보냈다고 밝혔다.')).claimant,
    ).toBe('South Korea Ministry of Foreign Affairs');
    expect(
      only(story('ko', '일본 NHK에 따르면 북한 노동자 2만 명이 러시아에 파견된다.')).claimant,
    ).toBe('NHK');
  });
  it("reads Seoul's military intelligence, Western media and Russian outlets in the packs", () => {
    expect(
      only(
        story(
          'uk',
          'За даними воєнної розвідки Південної Кореї, КНДР направила до Росії 13 тисяч військових.',
        ),
      ).claimant,
    ).toBe('South Korean military intelligence');
    expect(
      only(story('ru', 'Как пишут западные СМИ, КНДР направила в Россию 13 тысяч военных.'))
        .claimant,
    ).toBe('Western media');
    expect(
      only(
        story(
          'de',
          'Laut der Nachrichtenagentur Tass hat Nordkorea 1.200 Pioniere nach Russland geschickt.',
        ),
      ).claimant,
    ).toBe('TASS');
  });
  it("names Seoul's papers as such when a story cites them as South Korea's newspaper", () => {
    expect(
      only(
        story(
          'en',
          "South Korea's Chosun Ilbo newspaper reported that about 2,000 more North Korean soldiers were sent to Kursk.",
        ),
      ).claimant,
    ).toBe('Chosun Ilbo');
  });
  it('reads a bare defence ministry as the ministry of the country named before', () => {
    expect(
      only(
        story(
          'en',
          'South Korea confirmed the reports. The defense ministry estimated that North Korea sent 1,300 containers.',
        ),
      ).claimant,
    ).toBe('South Korea Ministry of National Defense');
    expect(
      only(
        story(
          'de',
          'Südkorea hat die Berichte bestätigt. Das Verteidigungsministerium schätzt, dass Nordkorea 1.300 Container geliefert hat.',
        ),
      ).claimant,
    ).toBe('South Korea Ministry of National Defense');
    expect(
      only(
        story(
          'uk',
          'Південна Корея підтвердила дані. У міністерстві оборони заявили, що КНДР відправила 1300 контейнерів.',
        ),
      ).claimant,
    ).toBe('South Korea Ministry of National Defense');
  });
  it("gives a Korean line that recalls the first deployment no neighbour's source", () => {
    const figures = story(
      'ko',
      '국정원은 북한군 3천 명이 추가로 파병됐다고 밝혔다. 북한은 지난해 11월 병력 1만2천 명을 러시아에 파병했다.',
    );
    expect(figures.find((f) => f.value === 12000)?.claimant).toBe(null);
    expect(figures.find((f) => f.value === 3000)?.claimant).toBe(
      'South Korea National Intelligence Service',
    );
  });
  it("reads a country's intelligence service as that country's intelligence body", () => {
    const seoul = story(
      'de',
      'Rund 250 nordkoreanische Soldaten wurden getötet und 2.100 verletzt, teilte Seouls Geheimdienst mit.',
    );
    expect(seoul.map((f) => f.claimant)).toEqual([
      'South Korea National Intelligence Service',
      'South Korea National Intelligence Service',
    ]);
    expect(
      only(
        story(
          'de',
          'Die Geheimdienste des Vereinigten Königreichs schätzen, dass Nordkorea etwa 9.000 Soldaten stationiert hat.',
        ),
      ).claimant,
    ).toBe('UK Ministry of Defence');
  });
  it('reads a Swiss text, which writes the sharp s as "ss", with the German words of saying', () => {
    const figures = story(
      'de',
      'Doch nicht nur Soldaten sollen gemäss dem NIS geschickt werden. 3000 nordkoreanische Arbeiter, die in Russland tätig sind, werden ebenfalls in den Krieg geschickt.',
    );
    expect(only(figures).claimant).toBe('South Korea National Intelligence Service');
  });
  it('reads "its intelligence service" as the intelligence of the country named before', () => {
    expect(
      only(
        story(
          'de',
          'Südkorea ist besorgt. Sein Geheimdienst erklärte, dass Nordkorea 1.200 Soldaten nach Russland geschickt habe.',
        ),
      ).claimant,
    ).toBe('South Korea National Intelligence Service');
  });
  it('takes no source from a photo credit written without a colon', () => {
    expect(
      only(
        story(
          'de',
          'Welt\nFoto KCNA / AP / Bildagentur\nNordkorea hat Russland mit 15.000 Containern Waffen beliefert.',
        ),
      ).claimant,
    ).toBe(null);
  });
  it('knows the INSS by its shortened Korean name', () => {
    expect(
      only(
        story(
          'ko',
          '국가전략연구원의 보고서에 따르면 북한은 지난해 러시아에 152㎜ 포탄 80만 발을 공급했다.',
        ),
      ).claimant,
    ).toBe('Institute for National Security Strategy');
  });
  it('credits the intelligence services left unnamed, and German outlets by name', () => {
    expect(
      only(
        story(
          'de',
          'Nach Schätzungen der Geheimdienste sind etwa 13.000 nordkoreanische Soldaten in Russland.',
        ),
      ).claimant,
    ).toBe('intelligence estimates');
    expect(
      only(
        story(
          'de',
          'Nachweisbar ist ein Kontingent von etwa 2.000 nordkoreanischen Männern, berichtet der Merkur.',
        ),
      ).claimant,
    ).toBe('Merkur');
  });
  it('reads "bekannt gab" in a German clause as a word of saying', () => {
    expect(
      only(
        story(
          'de',
          'Kim Jong-un hat die Entsendung von 800 Pionieren genehmigt, wie Sergej Schoigu bekannt gab.',
        ),
      ).claimant,
    ).toBe('Sergei Shoigu');
  });
  it("takes the North's own special operations forces for no source", () => {
    const figures = story(
      'ko',
      '북한이 폭풍군단으로 불리는 특수작전군 예하 부대원 1만1천여 명을 파병하기로 한 것으로 알려졌다.',
    );
    expect(only(figures).claimant).not.toBe('Ukraine Special Operations Forces');
  });
  it('knows Seth Jones of CSIS, and him by surname and post in Korean', () => {
    const said = story(
      'ko',
      '세스 존스 국제안보 프로그램 책임자는 대담에 나왔다. 존스 책임자는 "북한 파병 병력을 1만 3천 명으로 볼 때 손실이 크다"라고 말했다.',
    );
    expect(only(said).claimant).toBe('Seth Jones');
  });
  it("takes the North's troops, the subject of a passive, for no source", () => {
    const figures = story(
      'en',
      'North Korean troops were first confirmed to be in Kursk in the autumn, and it is estimated that Pyongyang deployed about 13,000 soldiers.',
    );
    expect(only(figures).claimant).toBe(null);
  });
  it("reads the North's leader by surname and post, Kyiv's military and two countries together in Korean", () => {
    expect(
      only(
        story('ko', '김정은 위원장은 행사에 참석했다. 김 위원장은 "7명의 희생이 있었다"고 말했다.'),
      ).claimant,
    ).toBe('Kim Jong Un');
    expect(
      only(story('ko', '우크라이나 군 당국은 북한군 포로 2명을 생포했다고 밝혔다.')).claimant,
    ).toBe('Ukraine General Staff');
    expect(
      only(story('ko', '우크라이나와 한국은 북한이 1만3천 명을 파병한 것으로 추정한다.')).claimant,
    ).toBe('Ukraine and South Korea');
  });

  it("takes the North's leader who sends, in a line with no word of saying, for no source", () => {
    // A guard: before "김 위원장" was known, the line took its neighbour's source as well.
    const figures = story(
      'ko',
      '쇼이구 서기는 기자들에게 북한과의 합의 내용을 공개했다. 김 위원장이 공병 900명을 보내기로 했다는 것이다.',
    );
    expect(only(figures).claimant).toBe('Sergei Shoigu');
  });
});

describe('what the figure counts', () => {
  it('reads the toll after a long participle or a relative clause set off by commas', () => {
    const long = only(
      story(
        'en',
        'About 300 North Korean soldiers sent to Russia to take part in the fighting around Kursk have been killed, Seoul said.',
      ),
    );
    expect([long.metric, long.value]).toEqual(['killed', 300]);
    const commas = only(
      story(
        'en',
        'Seoul said at least 70 North Korean troops, who were dispatched to Russia, were killed in the battle.',
      ),
    );
    expect([commas.metric, commas.value]).toEqual(['killed', 70]);
  });

  it('keeps the deployment when the toll after it is only foreseen', () => {
    const foreseen = only(
      story(
        'en',
        'The institute said the 9,000 North Korean soldiers deployed to the Kursk region could all be dead or wounded by summer.',
      ),
    );
    expect([foreseen.metric, foreseen.value]).toEqual(['deployed', 9000]);
  });

  it('reads "the death of" as the dead and a transfer to hospital as the wounded', () => {
    const dead = only(
      story(
        'en',
        'The Ukrainian strike resulted in the death of 14 North Korean soldiers, Kyiv said.',
      ),
    );
    expect([dead.metric, dead.value]).toEqual(['killed', 14]);
    const hospital = only(
      story(
        'en',
        'About 150 North Korean soldiers have been transferred to a hospital in Moscow, the SBU said.',
      ),
    );
    expect([hospital.metric, hospital.value]).toEqual(['wounded', 150]);
  });

  it('counts no sources or officials a Korean story heard', () => {
    expect(
      story(
        'ko',
        '한 미국 신문은 우크라이나 소식통 1명과 미국 관리 3명의 말을 인용해 북한군의 전선 투입을 보도했다.',
      ),
    ).toEqual([]);
  });

  it('reads the Korean human toll (인명 피해) as casualties', () => {
    const toll = only(story('ko', '국정원은 북한군의 인명 피해가 5200명에 이른다고 밝혔다.'));
    expect([toll.metric, toll.value]).toEqual(['casualties', 5200]);
  });

  it('names a Korean count by the first of the nouns joined after it', () => {
    const joined = only(
      story('ko', '국정원은 북한이 800여만발의 포탄과 미사일을 러시아에 지원했다고 밝혔다.'),
    );
    expect([joined.unit, joined.value]).toEqual(['shells', 8000000]);
  });

  it("reads no figure in an outlet's name or in a German count of visitors", () => {
    expect(story('de', 'Mehr dazu lesen Sie auf France 24')).toEqual([]);
    expect(
      story(
        'de',
        'Die Zahl der russischen Besucher in Nordkorea stieg im Vorjahr auf 5.120 Personen.',
      ),
    ).toEqual([]);
  });

  it('counts those who gave their lives as the dead in Russian and Ukrainian', () => {
    const ru = only(
      story('ru', 'Фильм КНДР был посвящён 87 солдатам, отдавшим жизни в Курской области.'),
    );
    expect([ru.metric, ru.value]).toEqual(['killed', 87]);
    const uk = only(
      story('uk', 'Сюжет КНДР був присвячений 87 солдатам, які віддали життя на Курщині.'),
    );
    expect([uk.metric, uk.value]).toEqual(['killed', 87]);
  });

  it('reads no count in a spelled number hyphenated into an adjective', () => {
    expect(
      story(
        'en',
        'North Korea sent containers to Russia. The estimate rests on three-dimensional images of the ships.',
      ).filter((f) => f.value === 3),
    ).toEqual([]);
  });

  it('reads a place that hosts troops, captured by others, as a deployment', () => {
    const hosted = only(
      story(
        'en',
        'Belgorod, a border region shelled by Ukrainian forces in spring, now hosts about 4,000 North Korean troops.',
      ),
    );
    expect([hosted.metric, hosted.value]).toEqual(['deployed', 4000]);
    const captured = only(
      story(
        'en',
        'Sudzha, a town captured by Ukrainian forces in August, reportedly hosts some 2,000 North Korean troops.',
      ),
    );
    expect([captured.metric, captured.value]).toEqual(['deployed', 2000]);
  });

  it('reads a Korean passive of supply and a size in brigades between a count and its noun', () => {
    const guns = only(
      story('ko', '북한에서 120~130문 이상 2개 포병여단 규모의 장사정포가 러시아에 지원됐다.'),
    );
    expect([guns.metric, guns.unit, guns.value, guns.valueHigh]).toEqual([
      'supplied',
      'artillery',
      120,
      130,
    ]);
  });

  it('reads German soldiers who lost their lives as the dead', () => {
    const dead = only(
      story('de', 'Der NIS meldete, dass etwa 250 nordkoreanische Soldaten ihr Leben verloren.'),
    );
    expect([dead.metric, dead.value]).toEqual(['killed', 250]);
  });

  it("takes the North's state media as a sign the story is about the North", () => {
    const figures = readerFor('2025-12-13', 'Engineers return home')(
      'en',
      'The ceremony took place on Friday. Officials greeted the engineers in the capital. KCNA said the regiment cleared mines in Kursk. Kim said seven members of the regiment were killed.',
    );
    expect(figures.map((f) => [f.metric, f.value])).toEqual([['killed', 7]]);
  });

  it('reads a German count that passes a number, and US estimates as the United States', () => {
    const passed = only(
      story(
        'de',
        'Die Zahl der Gefallenen und Verwundeten unter den nordkoreanischen Soldaten habe 2.500 überschritten.',
      ),
    );
    expect([passed.metric, passed.value]).toEqual(['casualties', 2500]);
    expect(
      only(
        story(
          'de',
          'Nordkorea hat nach US-Schätzungen bereits 9.000 Soldaten nach Russland entsandt.',
        ),
      ).claimant,
    ).toBe('United States');
  });

  it("reads the noun after a Korean counter written apart from its number as that number's own", () => {
    const figures = story(
      'ko',
      '감시팀은 북한이 러시아에 약 800만 발의 포탄과 90여 발의 탄도미사일을 제공했다고 밝혔다.',
    );
    expect(figures.map((f) => [f.unit, f.value])).toEqual([
      ['shells', 8000000],
      ['missiles', 90],
    ]);
  });

  it('names North Koreans counted in a sentence that goes on to name workers as workers', () => {
    const counted = only(
      story(
        'en',
        'About 19,000 North Koreans went to Russia last year, as Pyongyang sent laborers abroad again.',
      ),
    );
    expect([counted.unit, counted.value]).toEqual(['workers', 19000]);
  });

  it('counts no Korean soldiers caught for leaving their posts', () => {
    expect(story('ko', '러시아에 파병된 북한군 장병 14명이 근무지 이탈로 적발됐다.')).toEqual([]);
  });

  it("counts no Korean dead of a strike with the North's missiles as the North's own", () => {
    expect(
      story('ko', '우크라 "러, 북한산 미사일 10여발 발사 확인… 최소 17명 사망"').filter(
        (f) => f.value === 17,
      ),
    ).toEqual([]);
  });

  it("counts no enemy losses a Russian war reporter gives as the North's", () => {
    expect(
      story(
        'ru',
        'Северокорейские бойцы штурмовали село. Потери противника превысили 250 человек, пленных не брали.',
      ),
    ).toEqual([]);
  });

  it("counts no month's toll of Russia's whole front", () => {
    expect(
      story(
        'en',
        "North Korean troops fought in Kursk. Ukraine's defence ministry put Russian casualties at 41,300 last month.",
      ).filter((f) => f.value === 41300),
    ).toEqual([]);
  });

  it('counts no travellers a statistics office counted by visit or purpose of entry', () => {
    expect(
      story(
        'en',
        'North Korea sends more workers to Russia. Other reported entry purposes included business with 2,100 individuals and transit with 150.',
      ),
    ).toEqual([]);
  });

  it('reads a change from an earlier value to a new one as the new value', () => {
    const doubled = only(
      story(
        'en',
        'North Korea has doubled the scale of its troop deployment to Russia from the existing 14,000 to 28,000 personnel.',
      ),
    );
    expect([doubled.value, doubled.valueHigh]).toEqual([28000, undefined]);
  });

  it('counts no North Korean workers who fled Russia', () => {
    expect(
      story(
        'ko',
        '북한은 러시아에 노동자를 대거 파견하고 있다. 러시아에서 탈출한 북한 노동자 5명의 증언에 따르면 노동자들은 공항에 도착하자마자 감시를 받으며 건설 현장에 투입됐다.',
      ),
    ).toEqual([]);
  });
});
