import { describe, expect, it } from 'vitest';
import { brief, readerFor } from './pack-reading.ts';

// Pack rules of session 18, from the dev half of batch 2027-01-12. Every sentence below is our own.

const read = readerFor('2025-01-15');

describe('German', () => {
  it('reads a bare number joined by "und" to the next as counting its noun, and its side', () => {
    const figures = read(
      'de',
      'Eine Einheit der Spezialkräfte der ukrainischen Armee meldete 30 getötete und 25 verletzte nordkoreanische Soldaten.',
    );
    expect(brief(figures)).toEqual(['killed/troops 30', 'wounded/troops 25']);
    expect(figures.map((f) => f.claimant)).toEqual([
      'Ukraine Special Operations Forces',
      'Ukraine Special Operations Forces',
    ]);
  });

  it('takes soldiers "versammelt" (assembled) somewhere as deployed', () => {
    expect(
      brief(
        read(
          'de',
          'Ein ukrainischer Beamter sagte, bis Freitag würden bis zu dreitausend nordkoreanische Soldaten versammelt sein.',
        ),
      ),
    ).toEqual(['deployed/troops 3000']);
  });
});

describe('Korean', () => {
  it('knows the Ukrainian army by its short name too ("우크라군은 … 주장했다")', () => {
    const figures = read(
      'ko',
      '영상을 공개한 우크라군은 북한군 30명이 숨지고 최소 25명이 다쳤다고 주장했다.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['killed', 30, 'Ukraine General Staff'],
      ['wounded', 25, 'Ukraine General Staff'],
    ]);
  });
});

describe('Korean words of moving and counting', () => {
  it('takes troops "이송" (transferred) somewhere as deployed', () => {
    expect(
      brief(
        read(
          'ko',
          '국정원은 러시아 함정이 북한 특수부대 2천여명을 블라디보스토크로 이송했다고 밝혔다.',
        ),
      ),
    ).toEqual(['deployed/troops 2000']);
  });

  it('counts containers written right after the counter ("1만여개 이상 컨테이너 분량의 포탄")', () => {
    expect(
      brief(
        read(
          'ko',
          '국정원은 북한이 1만여개 이상 컨테이너 분량의 포탄과 미사일을 러시아에 보냈다고 판단했다.',
        ),
      ),
    ).toEqual(['supplied/containers 10000']);
  });

  it('knows "우크라이나 군사 정보당국" as the HUR', () => {
    const f = read(
      'ko',
      '우크라이나 군사 정보당국에 따르면, 북한은 올해 초까지 러시아에 KN-23 미사일 120발을 공급한 것으로 파악됐다.',
    )[0];
    expect([f?.metric, f?.value, f?.claimant]).toEqual([
      'supplied',
      120,
      'Ukraine Main Intelligence Directorate',
    ]);
  });
});

describe('Korean sides and sources', () => {
  it('counts North Korea\'s losses "fighting together with Russian troops" as North Korea\'s', () => {
    const figures = read(
      'ko',
      '한국의 정보 기관은 북한이 러시아-우크라이나 전쟁에서 러시아군과 함께 싸우면서 3,500명의 사상자를 냈으며, 500명이 사망했다고 주장했다.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.side, f.claimant])).toEqual([
      ['casualties', 3500, 'KP', 'South Korean intelligence'],
      ['killed', 500, 'KP', 'South Korean intelligence'],
    ]);
  });

  it('reads "군사 건설자" as builders', () => {
    expect(
      brief(
        read(
          'ko',
          '쇼이구는 북한이 전투 공병 800명과 군사 건설자 4,000명을 러시아에 파견할 것이라고 말했다.',
        ),
      ),
    ).toEqual(['deployed/deminers 800', 'deployed/workers 4000']);
  });
});

describe('Korean prisoners, outlets and killing words', () => {
  it('leaves out the prisoners Russia and Ukraine swap when North Koreans are only in the next clause', () => {
    expect(
      brief(
        read(
          'ko',
          '[서울=뉴스핌] 김철수 통일북한전문기자 = 러시아와 우크라이나가 각각 120명의 포로를 교환했지만, 북한군 포로 2명은 포함되지 않았다고 단체 측이 밝혔다.',
        ),
      ),
    ).toEqual(['captured/troops 2']);
  });

  it('knows "키이우 포스트" written with a space', () => {
    const f = read(
      'ko',
      '우크라이나 매체 키이우 포스트에 따르면 전날 미사일 공격으로 북한군 장교 5명이 사망했다.',
    )[0];
    expect([f?.metric, f?.value, f?.claimant]).toEqual(['killed', 5, 'Kyiv Post']);
  });

  it('reads soldiers "제거했다" (eliminated) as killed', () => {
    expect(
      brief(read('ko', 'SSO는 쿠르스크에서 특수작전을 수행해 북한군 30명을 제거했다고 전했다.')),
    ).toEqual(['killed/troops 30']);
  });
});

describe('Korean outlets that relay', () => {
  it('gives way to a country\'s delegation or government that is the topic after "…에 따르면"', () => {
    const f = read(
      'ko',
      '로이터 통신에 따르면 우크라이나 대표단은 유엔 안보리에 제출한 성명에서 러시아에 파견된 북한군 장교가 최소 400여명이라고 밝혔다.',
    )[0];
    expect([f?.metric, f?.value, f?.claimant]).toEqual(['deployed', 400, 'Ukraine']);
  });
});

describe("Korean containers and the ministry's DIA", () => {
  it('counts the containers after "N개의" when the noun before says what fills them', () => {
    const f = read(
      'ko',
      '야당 의원과 공유된 국방정보국(DIA) 보고서에 따르면 북한은 무기와 포탄으로 가득 찬 20,000개의 컨테이너를 보낸 것으로 추정된다.',
    )[0];
    expect([f?.metric, f?.unit, f?.value, f?.claimant]).toEqual([
      'supplied',
      'containers',
      20000,
      'South Korean military intelligence',
    ]);
  });
});

describe('Korean parts "of these"', () => {
  it('gives a part "이 중" the source of the line before, though it is "전해졌다"', () => {
    const figures = read(
      'ko',
      '우크라이나 측 발표에 따르면 이달 중순까지 발생한 북한군 사상자는 3000명에 달한다. 이 중 전사자는 약 800명 수준으로 전해졌다.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['casualties', 3000, 'Ukraine'],
      ['killed', 800, 'Ukraine'],
    ]);
  });
});

describe('Russian counts of citizens', () => {
  it('reads "Количество граждан КНДР … может … превысить 50 тысяч человек" as more than that many workers', () => {
    expect(
      read(
        'ru',
        'Количество граждан КНДР, работающих на стройках в России, к концу 2025 года может вырасти втрое и превысить 40 тысяч человек.',
      ).map((f) => [f.metric, f.unit, f.value, f.qualifier]),
    ).toEqual([['deployed', 'workers', 40000, 'more_than']]);
  });
});

describe('Korean tolls and strengths', () => {
  it('reads "다치거나 목숨을 잃었다" (wounded or killed) as casualties', () => {
    expect(
      brief(
        read(
          'ko',
          '젤렌스키 대통령은 파병 북한군 1만1000여명 중 3000여명이 다치거나 목숨을 잃었다고 밝혔다.',
        ),
      ),
    ).toEqual(['deployed/troops 11000', 'casualties/troops 3000']);
  });

  it('takes no count from a force\'s strength ("4만명의 군사력을 가진", "4만명 군사력")', () => {
    expect(
      read(
        'ko',
        '폭풍군단은 10여개 여단으로 구성돼있으며, 4만명의 군사력을 가진 것으로 국정원은 보고 있다.',
      ),
    ).toEqual([]);
    expect(read('ko', '국정원 "4만명 군사력 폭풍군단 추가 파병 가능성"')).toEqual([]);
  });
});

describe('parts "of them"', () => {
  it('reads the cue right after "із них" for a bare number', () => {
    expect(
      brief(
        read(
          'uk',
          'Північна Корея торік відправила близько 12 000 солдатів воювати на боці Росії. Понад 5 000 із них загинули.',
        ),
      ),
    ).toEqual(['deployed/troops 12000', 'killed/troops 5000']);
  });
});

describe('Korean regimes and ministries', () => {
  it('never credits "김정은 정권" (the regime that sent them) within a source\'s line', () => {
    const figures = read(
      'ko',
      '국가정보원은 9월 초, 김정은 정권은 1만 4천 명을 러시아에 파병했으며 그중 사망자는 1800명에 달한다고 국회에서 밝혔다. 또한 영국의 국방성은 5000명 이상이 사상했다고 발표했다.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['deployed', 14000, 'South Korea National Intelligence Service'],
      ['killed', 1800, 'South Korea National Intelligence Service'],
      ['casualties', 5000, 'UK Ministry of Defence'],
    ]);
  });
});

describe('German leaders who act', () => {
  it('takes no source from Kim right before "Berichten zufolge"', () => {
    const figures = read(
      'de',
      'In einer überraschenden Wendung hat Kim Jong-un Berichten zufolge 9.000 seiner Soldaten nach Russland entsandt.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([['deployed', 9000, null]]);
  });
});
