/**
 * Rules from the natural errors of the dev halves, read in session 23 (all languages). Every
 * sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { find, only, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('who gave the figure', () => {
  it('leaves the auxiliary an aside cuts off out of the name ("An MP has, in fact, said")', () => {
    const figures = story(
      'en',
      'A Japanese MP has, in fact, said that at least 70 North Korean soldiers were killed.',
    );
    expect(find(figures, 70).claimant).toBe('Japanese MP');
  });

  it('reads "the intelligence service" as the intelligence body named last', () => {
    const figures = story(
      'en',
      "South Korea's National Intelligence Service briefed lawmakers on Tuesday. The intelligence service said about 13,000 North Korean soldiers had been sent to Russia.",
    );
    expect(find(figures, 13000).claimant).toBe('South Korea National Intelligence Service');
  });

  it('credits the person who "announced the news" of the sentence before', () => {
    const figures = story(
      'en',
      'Ukrainian troops have taken two North Korean soldiers prisoner near Kursk, a first in the war. President Volodymyr Zelensky announced the news on Sunday, sharing photographs of the men.',
    );
    expect(find(figures, 2).claimant).toBe('Volodymyr Zelensky');
  });
});

describe('who is only named beside a figure', () => {
  it('gives a figure in an "as concerns grow" clause to nobody named in the main clause', () => {
    const figures = story(
      'en',
      "The envoy met South Korean Defense Minister Kim Yong-hyun in Seoul, as worries mount over Pyongyang's dispatch of up to 9,000 soldiers to Russia.",
    );
    expect(find(figures, 9000).claimant).toBeNull();
  });
});

describe("North Korea's leader", () => {
  it('is no source of the troops he sends', () => {
    const figures = story(
      'en',
      'Since sending some 14,000 troops to fight for Moscow, Kim Jong Un has stressed the modernization of his artillery.',
    );
    expect(find(figures, 14000).claimant).toBeNull();
  });

  it('is no source of troops a Korean line has him send', () => {
    const figures = story(
      'ko',
      '김정은 국무위원장은 러시아에 공병 2천명을 추가로 보내겠다고 말했다.',
    );
    expect(find(figures, 2000).claimant).toBeNull();
  });

  it("is no more a source than Russia's president who took them", () => {
    const figures = story(
      'en',
      'Vladimir Putin has thanked the roughly 13,000 North Korean soldiers who fought in Kursk.',
    );
    expect(find(figures, 13000).claimant).toBeNull();
  });

  it('still gives the toll of the dead he mourns', () => {
    const figures = story(
      'en',
      'Kim Jong Un said seven soldiers of the engineering regiment had died clearing mines in Kursk.',
    );
    expect(find(figures, 7).claimant).toBe('Kim Jong Un');
  });
});

describe('numbers that are no count', () => {
  it('reads no count in a Korean number the sentence calls impossible', () => {
    const figures = story(
      'ko',
      '한 전문가는 "북한이 병력 8만명을 러시아로 보내는 건 현실적으로 불가능하다"고 말했다.',
    );
    expect(figures.find((f) => f.value === 80000)).toBeUndefined();
  });

  it('reads no count in a Korean ratio ("30명당 장교 3명")', () => {
    const figures = story(
      'ko',
      '러시아군은 북한군 40명당 통역관 2명과 장교 4명을 배치할 계획이다.',
    );
    expect(figures).toEqual([]);
  });

  it('still counts losses called irreparable', () => {
    const figures = story(
      'ko',
      '우크라이나 정보총국은 북한군에 회복 불가능한 손실을 입혔으며 북한군 전사자가 300명에 이른다고 밝혔다.',
    );
    expect(find(figures, 300).metric).toBe('killed');
  });
});

describe('what befell the people counted, in Korean', () => {
  it('reads "전사상" as killed and wounded, not killed', () => {
    expect(only(story('ko', '북한군, 쿠르스크 전투에서 5000명 전사상')).metric).toBe('casualties');
  });

  it('reads "부상·사망" (wounded and killed, with a middle dot) as both', () => {
    const figures = story('ko', '"북한군 1만1000명 중 벌써 2,600명 부상·사망"');
    expect(find(figures, 2600).metric).toBe('casualties');
  });

  it('reads soldiers treated in a hospital as wounded', () => {
    const figures = story(
      'ko',
      '현지 매체는 북한 병사 30여명이 쿠르스크의 군 병원으로 이송돼 치료받고 있다고 전했다.',
    );
    expect(find(figures, 30).metric).toBe('wounded');
  });

  it('keeps the wound named before the count when the clause after says the same', () => {
    const figures = story(
      'ko',
      '병원 관계자는 지난주 부상한 북한 병사 17명이 병원으로 이송돼 군인이 지키는 병동에서 부상 치료를 받고 있다고 말했다.',
    );
    expect(find(figures, 17).metric).toBe('wounded');
  });

  it('reads a battalion being formed of North Korean troops as sent, not as the dead before it', () => {
    const figures = story(
      'ko',
      '북한군 4명이 공습으로 숨졌으며 러시아군이 북한 병력으로 구성된 2000명 규모의 대대를 편성 중이다.',
    );
    expect(find(figures, 2000).metric).toBe('deployed');
  });

  it('reads "죽고" as killed', () => {
    const figures = story('ko', '파병된 북한군 가운데 700명이 죽고 3900명가량이 다쳤다.');
    expect(find(figures, 700).metric).toBe('killed');
  });

  it('reads no count in a comparison of strength ("…과 대등한")', () => {
    expect(story('ko', '북한군 4명이 러시아군 9명과 대등한 전투력을 보인다고 전했다.')).toEqual([]);
  });

  it("reads Russian soldiers shot by a North Korean as Russia's", () => {
    const figures = story(
      'ko',
      '북한군 중 한 명이 러시아 병사 4명을 근거리에서 사격해 사망하게 했다.',
    );
    expect(find(figures, 4).side).toBe('RU');
  });

  it('reads "잃었다" (lost) as killed and wounded', () => {
    const figures = story('ko', '"북한이 1만1000명을 보냈는데 벌써 3500명을 잃었다"고 말했다.');
    expect(find(figures, 3500).metric).toBe('casualties');
  });

  it('reads no count in what a landing ship can carry ("400명까지 태울 수 있는")', () => {
    const figures = story(
      'ko',
      '북한군 특수부대가 러시아 상륙함으로 이동했습니다. 위성사진에서는 상륙함이 확인됐는데, 이들 상륙함은 많게는 300명까지 태울 수 있는 것으로 추정됩니다.',
    );
    expect(figures.find((f) => f.value === 300)).toBeUndefined();
  });

  it('reads no count in deserters of a headline ("부대 이탈 후 붙잡혀")', () => {
    expect(story('ko', '우크라 매체 "러시아 파병 북한군 16명, 부대 이탈 후 붙잡혀"')).toEqual([]);
  });

  it('reads joining the invasion as being sent', () => {
    const figures = story('ko', '북한군 9천명 러시아의 침공 가담');
    expect(find(figures, 9000).metric).toBe('deployed');
  });
});

describe('what a number counts, in English', () => {
  it('reads "up to 200 of these howitzers" as howitzers', () => {
    const figures = story('en', 'North Korea has supplied up to 150 of these howitzers to Russia.');
    expect(only(figures)).toMatchObject({ metric: 'supplied', unit: 'artillery', value: 150 });
  });
});

describe('whose losses', () => {
  it("does not read Russia as the side of a toll because Russia's ministry reports it", () => {
    const figures = story(
      'en',
      'North Korean troops helped Russia in Kursk. The Russian Defense Ministry reported that Ukraine had endured over 60,000 losses during the operation.',
    );
    expect(figures.find((f) => f.value === 60000 && f.side === 'RU')).toBeUndefined();
  });
});

describe('rockets for launchers', () => {
  it('reads rockets for multiple rocket launchers as shells, in English', () => {
    const figures = story(
      'en',
      'North Korea supplied 3 million artillery shells and 400,000 to 500,000 rockets for multiple rocket launchers.',
    );
    expect(find(figures, 400000).unit).toBe('shells');
  });

  it('reads "Raketen für Mehrfachraketenwerfer" as shells, in German', () => {
    const figures = story(
      'de',
      'Nordkorea lieferte 3 Millionen Artilleriegranaten und 400.000 bis 500.000 Raketen für Mehrfachraketenwerfer.',
    );
    expect(find(figures, 400000).unit).toBe('shells');
  });
});

describe('numbers that are no count, in the packs', () => {
  it('reads no count in an age set off by commas after a name', () => {
    const figures = story(
      'de',
      'Nordkoreanische Soldaten kämpfen in Kursk. Petrenko, 31, ist Kommandeur einer Drohneneinheit.',
    );
    expect(figures.find((f) => f.value === 31)).toBeUndefined();
  });

  it('reads no count in a year after its month', () => {
    const figures = story(
      'de',
      'Die Ukraine hatte für August 2024 Truppen zur Offensive in die Region entsandt. Nordkoreanische Soldaten kämpfen dort.',
    );
    expect(figures.find((f) => f.value === 2024)).toBeUndefined();
  });

  it('leaves troops gone home uncounted though a later clause says they may be sent again', () => {
    const figures = story(
      'uk',
      'За даними розвідки, орієнтовно 1,3 тис. військових КНДР повернулося додому, але їх можуть повторно скерувати до Росії.',
    );
    expect(figures.find((f) => f.value === 1300)).toBeUndefined();
  });
});

describe('German wholes and vague amounts', () => {
  it('reads "von den insgesamt etwa 10.000 bis 12.000 Soldaten" as the whole sent', () => {
    const figures = story(
      'de',
      'Von den insgesamt etwa 9.000 bis 11.000 Soldaten aus Nordkorea sollen über 800 verletzt oder getötet worden sein.',
    );
    expect(find(figures, 9000).metric).toBe('deployed');
  });

  it('reads no count in "von einigen hundert Todesopfern"', () => {
    const figures = story('de', 'Von einigen hundert nordkoreanischen Todesopfern ist die Rede.');
    expect(figures).toEqual([]);
  });
});

describe('German units', () => {
  it('reads "geschossen" (shot) as no projectile', () => {
    const figures = story(
      'de',
      'Nordkoreanische Soldaten haben in Kursk auf tschetschenische Kameraden geschossen und sieben getötet, behauptet der ukrainische Geheimdienst.',
    );
    expect(figures.some((f) => f.unit === 'shells')).toBe(false);
  });

  it('reads people counted after "Die Zahl der … Arbeiter" as workers', () => {
    const figures = story(
      'de',
      'Die Zahl der nordkoreanischen Arbeiter in Russland wird sich verdoppeln und bis zum Sommer wohl 40.000 Personen erreichen.',
    );
    expect(find(figures, 40000).unit).toBe('workers');
  });
});

describe('Korean counts without a counter', () => {
  it('reads troops counted by the noun itself ("1만3000여 병력")', () => {
    const figures = story('ko', '북한은 지난해 가을 쿠르스크 전선에 1만3000여 병력을 보냈다.');
    expect(only(figures)).toMatchObject({ metric: 'deployed', unit: 'troops', value: 13000 });
  });
});

describe('Korean units', () => {
  it('reads explosives clearance specialists as deminers', () => {
    const figures = story('ko', '북한은 쿠르스크에 폭발물 제거 전문가 800명을 보냈다.');
    expect(only(figures)).toMatchObject({ unit: 'deminers', value: 800 });
  });
});

describe('Korean outlets', () => {
  it('knows the Ukrainian outlet Evocation Info by its Korean name', () => {
    const figures = story(
      'ko',
      '우크라이나 매체 이보케이션 인포는 쿠르스크의 한 군 병원에 북한군 부상병 80여명이 입원해 있다고 보도했다.',
    );
    expect(find(figures, 80).claimant).toBe('Evocation Info');
  });
});

describe('Korean sources', () => {
  it("reads Ukraine's special forces (우크라이나 특수부대) as its Special Operations Forces", () => {
    const figures = story(
      'ko',
      '우크라이나 특수부대는 드론 공격으로 북한군 30여명이 사망했다고 주장했다.',
    );
    expect(find(figures, 30).claimant).toBe('Ukraine Special Operations Forces');
  });

  it('reads "우크라이나군 특수부대" (the Ukrainian army\'s special forces) as its SSO too', () => {
    const figures = story(
      'ko',
      '우크라이나군 특수부대는 "쿠르스크에서 북한군 11명을 사살했다"고 밝혔다.',
    );
    expect(find(figures, 11).claimant).toBe('Ukraine Special Operations Forces');
  });

  it('knows Ukraine\'s military intelligence written "우크라이나 군 정보국"', () => {
    const figures = story(
      'ko',
      '우크라이나 군 정보국은 쿠르스크에서 최소 40명의 북한군이 숨지거나 다쳤다고 주장했다.',
    );
    expect(find(figures, 40).claimant).toBe('Ukraine Main Intelligence Directorate');
  });

  it("reads the intelligence a foreign outlet cites as that country's", () => {
    const figures = story(
      'ko',
      '우크라이나 현지매체는 정보당국을 인용해 "파병된 북한군에 장교 400명이 포함됐다"고 보도했다.',
    );
    expect(find(figures, 400).claimant).toBe('Ukrainian intelligence');
  });

  it('credits who forecasts a count ("…것으로 전망했다")', () => {
    const figures = story(
      'ko',
      '우크라이나 정부는 러시아군에 합류할 북한군 병력이 최대 1만8000명까지 늘어날 것으로 전망했다.',
    );
    expect(find(figures, 18000).claimant).toBe('Ukraine');
  });
});

describe('Korean channels', () => {
  it('tells the Telegram channel Kremlin Wind from the Kremlin', () => {
    const figures = story(
      'ko',
      '텔레그램 채널 크렘린윈드는 북한군이 오발 사고로 러시아군 2명이 사망하는 사건이 있었다고 전했다.',
    );
    expect(find(figures, 2).claimant).toBe('Kremlin Wind');
  });
});

describe('Korean broadcast transcripts', () => {
  it('credits every sentence of a quotation to the speaker its caption names', () => {
    const figures = story(
      'ko',
      [
        '우크라이나 정보총국은 북한군 9명을 사살했다며 영상을 공개했습니다.',
        '[볼로디미르 젤렌스키 / 우크라이나 대통령 (현지시각 어제)]',
        '"북한이 (쿠르스크로) 1만1000명을 보냈습니다. 지금까지 그 가운데 2900명이 죽거나 다쳤습니다."',
        '우크라이나 특수작전군도 북한군 14명을 추가로 사살했다며 사진을 공개했습니다.',
      ].join('\n'),
    );
    expect(find(figures, 11000).claimant).toBe('Volodymyr Zelensky');
    expect(find(figures, 2900).claimant).toBe('Volodymyr Zelensky');
  });
});
