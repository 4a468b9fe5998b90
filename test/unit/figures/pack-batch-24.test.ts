import { describe, expect, it } from 'vitest';
import { brief, readerFor } from './pack-reading.ts';

// Pack rules of session 19, from the dev half of batch 2027-01-17. Every sentence below is our own.

const read = readerFor('2025-01-15');

describe('Ukrainian', () => {
  it('takes "the diplomat" for the person who spoke last, not an outlet named between', () => {
    const figures = read(
      'uk',
      [
        "В інтерв'ю радіостанції посол Пономаренко повідомив, що в штабі служать п'ять генералів.",
        'Агентство Yonhap зазначає, що цю інформацію ще не перевірено.',
        'Український дипломат також повідомив, що бригада КНДР у Курській області налічує 900 військовослужбовців.',
      ].join('\n\n'),
    );
    const troops = figures.find((f) => f.value === 900);
    expect(troops?.metric).toBe('deployed');
    expect(troops?.claimant).toBe('Dmytro Ponomarenko');
  });
});

describe('Russian', () => {
  it('takes "the diplomat" for the person who spoke last, not an outlet named between', () => {
    const figures = read(
      'ru',
      [
        'В интервью радиостанции посол Пономаренко сообщил, что в штабе служат пять генералов.',
        'Агентство Yonhap отмечает, что эту информацию ещё не проверили.',
        'Украинский дипломат также сообщил, что бригада КНДР в Курской области насчитывает 900 военнослужащих.',
      ].join('\n\n'),
    );
    const troops = figures.find((f) => f.value === 900);
    expect(troops?.metric).toBe('deployed');
    expect(troops?.claimant).toBe('Dmytro Ponomarenko');
  });
});

describe('Korean', () => {
  it('credits the person an outlet reports as saying the numbers, not the outlet', () => {
    const figures = read(
      'ko',
      '지난 5일 우크린폼은 젤렌스키 대통령이 방송에 출연해 "북한이 1만 1000명을 보냈고 4000명이 죽거나 다쳤다"고 말했다고 보도했다.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['deployed', 11000, 'Volodymyr Zelensky'],
      ['casualties', 4000, 'Volodymyr Zelensky'],
    ]);
  });

  it('knows the Global Defense Corporation and RBC-Ukraine by their Korean names', () => {
    const figures = read(
      'ko',
      'RBC 우크라이나 언론은 군사 매체 ‘글로벌 디펜스 코퍼레이션’을 인용해 “공습으로 북한군 400명이 사망했다”고 보도했다.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['killed', 400, 'Global Defense Corporation'],
    ]);
  });
});

describe('Korean deserters and names', () => {
  it('reads deserters, sent or caught by their own side, as no figure', () => {
    expect(
      read(
        'ko',
        '키이우 인디펜던트는 진지를 이탈한 러시아 파병 북한군 병사 15명이 러시아 당국에 구금됐다고 보도했다.',
      ),
    ).toEqual([]);
    expect(read('ko', '우크라이나군은 탈영한 북한군 병사 15명이 모두 붙잡혔다고 밝혔다.')).toEqual(
      [],
    );
  });

  it('knows Hromadske and "우크라이나 군사 정보국" (the HUR) by their Korean names', () => {
    const figures = read(
      'ko',
      [
        '현지 매체 ‘그로마드스케’는 “이들은 훈련을 명분으로 러시아에 온 30여명의 북한군 정예 병력 중 일부”라고 보도했다.',
        '로이터 통신에 따르면, 우크라이나 군사 정보국(HUR)은 약 1만 1000명의 북한 군인들이 러시아에 있다고 밝혔다.',
      ].join('\n\n'),
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([
      [30, 'Hromadske'],
      [11000, 'Ukraine Main Intelligence Directorate'],
    ]);
  });
});

describe('Ukrainian back-references', () => {
  it('credits the country’s own body that the next sentence says gave the figure', () => {
    const figures = read(
      'uk',
      [
        'За новими даними Південної Кореї, КНДР відправила до Росії 2500 своїх військових.',
        'Таку інформацію повідомили південнокорейські законодавці після брифінгу національного розвідувального агентства.',
      ].join('\n\n'),
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([
      [2500, 'South Korea National Intelligence Service'],
    ]);
  });
});

describe('Korean travel statistics', () => {
  it('reads no figure in a paragraph that counts visitors by the purpose of their trip', () => {
    expect(
      read(
        'ko',
        '작년 러시아를 방문한 북한 주민은 1만 명을 넘었다.\n\n방문 목적으로 보면 교육이 6500명으로 가장 많았고, 사업 2100명, 운송차량 1400명, 관광 40명 순으로 나타났다.',
      ),
    ).toEqual([]);
    // The next paragraph's deployment is a figure all the same.
    const figures = read(
      'ko',
      '작년 러시아를 방문한 북한인이 밝힌 입국 목적은 교육이 6500명으로 가장 많았다.\n\n국정원은 북한이 러시아에 1만 명을 파병했다고 밝혔다.',
    );
    expect(figures.map((f) => [f.metric, f.value])).toEqual([['deployed', 10000]]);
  });
});

describe('Korean verbs at the end of the clause', () => {
  it('counts a wounded soldier who was captured as captured, and one who died of his wounds as killed', () => {
    expect(
      brief(
        read(
          'ko',
          '국정원은 "부상을 입은 북한군 2명이 우크라이나군에 생포된 사실을 확인했다"고 밝혔다.',
        ),
      ),
    ).toEqual(['captured/troops 2']);
    expect(
      brief(
        read(
          'ko',
          '국정원은 "생포됐던 북한군 2명이 부상이 심해져 사망하였음을 확인했다"고 밝혔다.',
        ),
      ),
    ).toEqual(['killed/troops 2']);
    expect(brief(read('ko', '우크라이나군이 생포했던 북한군 2명이 부상 악화로 사망했다.'))).toEqual(
      ['killed/troops 2'],
    );
  });

  it('counts a sent soldier who was captured as captured, and a headline’s noun of capture as no verb', () => {
    expect(
      brief(read('ko', '러시아에 파병된 북한군 2명이 우크라이나군에 생포됐다고 국정원이 밝혔다.')),
    ).toEqual(['captured/troops 2']);
    expect(
      brief(read('ko', '국정원 "북한군 사망 200여명, 부상 1500여명 생포 직전 자폭 시도도"')),
    ).toEqual(['killed/troops 200', 'wounded/troops 1500']);
  });
});

describe('Korean names of Ukraine’s officials', () => {
  it('knows Kyslytsya, Chernyak and Barhylevych, and reads the North’s own General Staff as no source', () => {
    const figures = read(
      'ko',
      [
        '키슬리차 상임대표는 "북한 파병대에는 조선인민군 총참모부 소속 장군 4명을 포함해 장교 최소 400명이 포함돼 있다"고 언급했다.',
        '우크라이나 국방부 정보총국 안드리 츠헤르니아크 대표는 2천 명의 북한군이 전투에 참여하고 있다고 설명했다.',
      ].join('\n\n'),
    );
    expect(figures.map((f) => [f.unit, f.value, f.claimant])).toEqual([
      ['generals', 4, 'Serhiy Kyslytsya'],
      ['officers', 400, 'Serhiy Kyslytsya'],
      ['troops', 2000, 'Andriy Chernyak'],
    ]);
  });
});

describe('Korean surnames with a title', () => {
  it('takes "김 장관은" for the minister named before, not Kim Jong Un named beside it', () => {
    const figures = read(
      'ko',
      [
        '김용현 국방부 장관은 국회 국방위원회에 출석했다.',
        '김 장관은 지난해 푸틴과 김정은이 정상회담을 한 뒤 파병이 시작됐다며 북한이 1만 1000명을 보냈다고 설명했다.',
      ].join('\n\n'),
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([[11000, 'Kim Yong-hyun']]);
  });
});

describe('Korean subjects and the trades a count includes', () => {
  it('counts those who took part and then fell as casualties, but not a whole some of whom fell', () => {
    expect(
      brief(
        read(
          'ko',
          '우크라이나는 전투에 참여한 북한군 최소 40명이 주말 동안 죽거나 다쳤다고 밝혔다.',
        ),
      ),
    ).toEqual(['casualties/troops 40']);
    expect(
      brief(
        read(
          'ko',
          '우크라이나는 전투에 참여한 북한군 약 1만 명 가운데 상당수가 죽거나 다쳤다고 밝혔다.',
        ),
      ),
    ).toEqual(['deployed/troops 10000']);
  });

  it('reads a count that includes engineers among other trades as troops', () => {
    expect(
      brief(
        read(
          'ko',
          '김 장관은 "북한 병력은 특수부대와 공병·포병 포함해서 약 1만1000명 정도 파병될 것"이라고 말했다.',
        ),
      ),
    ).toEqual(['deployed/troops 11000']);
  });
});

describe('Korean bare nouns of Seoul’s authorities', () => {
  it('reads "정보당국" and "정부당국" as Seoul’s, unless another country is named before them', () => {
    const figures = read(
      'ko',
      [
        '정보당국은 북한이 컨테이너 1만 8천 개 이상 물량의 무기를 러시아에 수출한 것으로 파악하고 있다.',
        '미국 정보당국은 북한군 1만 명이 러시아에 있다고 밝혔다.',
      ].join('\n\n'),
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([
      [18000, 'South Korean intelligence'],
      [10000, 'U.S. intelligence'],
    ]);
  });
});

describe('Russian and Ukrainian travel statistics', () => {
  it('reads no figure in a paragraph that counts entrants by the purpose of their trip', () => {
    expect(
      read(
        'ru',
        'По данным статистики, в прошлом году в Россию прибыли 12 400 граждан КНДР. При этом 6900 человек указали образовательные цели поездки.',
      ),
    ).toEqual([]);
    expect(
      read(
        'uk',
        'За даними статистики, торік до Росії прибули 12 400 громадян КНДР. Зокрема, йдеться про 6 900 людей, які приїхали нібито з освітньою метою.',
      ),
    ).toEqual([]);
  });
});
