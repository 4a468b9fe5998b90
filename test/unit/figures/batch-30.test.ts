/**
 * Rules from the natural errors of the dev halves, read in session 25 (all languages). Every
 * sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { find, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('studies and their authors', () => {
  it('credits "according to the study" to the scholar a study "by X of Y University … finds" named', () => {
    const figures = story(
      'en',
      [
        'Moscow paid Pyongyang little in return, the study by Mira Castellan of Danube University in Vienna finds.',
        'By contrast, the North shipped up to 4.5 million artillery shells according to the study – far more than was thought.',
      ].join(' '),
    );
    expect(find(figures, 4500000).claimant).toBe('Mira Castellan');
  });

  it('reads the NIS think tank under the name "National Strategy Institute"', () => {
    const figures = story(
      'en',
      'A report by the South Korean National Strategy Institute says the North sent about 2 million artillery shells to Russia.',
    );
    expect(find(figures, 2000000).claimant).toBe('Institute for National Security Strategy');
  });
});

describe('who hands on data and whose data it is', () => {
  it('credits the body whose data a lawmaker disclosed ("의원이 공개한 정보총국 정보에 따르면")', () => {
    const figures = story(
      'ko',
      '유용원 의원이 공개한 우크라이나 정보총국 정보에 따르면 북한은 러시아에 KN-23 미사일 130기를 넘겼다.',
    );
    expect(find(figures, 130).claimant).toBe('Ukraine Main Intelligence Directorate');
  });

  it('still credits the lawmaker who discloses data with no other name ("유용원 의원이 공개한 자료")', () => {
    const figures = story(
      'ko',
      '유용원 의원이 공개한 자료에 따르면 북한군 2천 명이 추가로 투입됐다.',
    );
    expect(find(figures, 2000).claimant).toBe('Yu Yong-weon');
  });
});

describe('what a sentence after a figure lends it', () => {
  it('lends no source from a sentence whose intelligence service is only a companion ("mit dem … Geheimdienst")', () => {
    const figures = story(
      'de',
      'Pjöngjang hat Moskau seit dem Sommer etwa 9.000 Soldaten überlassen. Der NIS arbeitet dabei eng mit dem ukrainischen Geheimdienst zusammen.',
    );
    expect(find(figures, 9000).claimant).toBeNull();
  });

  it('still lends the source of a sentence that opens on its anaphor ("Der Geheimdienst …")', () => {
    const figures = story(
      'de',
      'Der NIS legte am Montag neue Zahlen vor.\n\nNordkorea hat Moskau etwa 9.000 Soldaten überlassen. Der Geheimdienst geht von weiteren Entsendungen aus.',
    );
    expect(find(figures, 9000).claimant).toBe('South Korea National Intelligence Service');
  });
});

describe('which occurrence of a figure gives its source', () => {
  it('prefers the sentence that names its source over one that only carries the source before', () => {
    const figures = story(
      'en',
      [
        'Seoul’s spy agency said on Monday that more troops arrived in February. In all, North Korea is said to have sent around 14,000 soldiers since autumn.',
        '',
        'According to Japanese and Polish officials, the North previously sent approximately 14,000 soldiers.',
      ].join('\n'),
    );
    expect(find(figures, 14000).claimant).toBe('Japanese and Polish officials');
  });

  it('credits "한국 군사정보에 따르면" to South Korean military intelligence', () => {
    const figures = story(
      'ko',
      '한국 군사정보에 따르면 북한은 지난달까지 컨테이너 1만1000개를 러시아로 보냈다.',
    );
    expect(find(figures, 11000).claimant).toBe('South Korean military intelligence');
  });
});

describe('people at work', () => {
  it('reads a bare count of people "already working in Russia" as workers', () => {
    const figures = story(
      'en',
      'Official data show that 9,000 North Koreans entered Russia last year. South Korean intelligence estimates that more than 12,000 are already working in Russia.',
    );
    expect(find(figures, 12000).unit).toBe('workers');
  });
});

describe('Korean anaphors of an official', () => {
  it('credits "이 관계자는" to the official of that kind named lines before, not the body named between', () => {
    const figures = story(
      'ko',
      [
        '군 관계자는 이날 기자들에게 정황을 설명했다.',
        '앞서 미국 백악관은 지난달 위성 사진을 공개했다.',
        '이 관계자는 이어 "북한이 보낸 컨테이너에 152mm 포탄을 실었다면 90만 발 이상"이라고 말했다.',
      ].join(' '),
    );
    expect(find(figures, 900000).claimant).toBe('South Korea Joint Chiefs of Staff');
  });
});

describe('Korean: what is no count, and whose troops', () => {
  it('reads no figure in the seats of an aircraft ("…명이 탑승할 수 있다")', () => {
    const figures = story('ko', '북한 평양에 도착한 러시아 수송기는 300명~400명이 탑승할 수 있다.');
    expect(figures.map((f) => f.value)).not.toContain(300);
  });

  it('reads North Korean officers counted by a source whose name holds "우크라이나 군" as North Korean', () => {
    const figures = story(
      'ko',
      '우크라이나 군사정보국은 장교 400명을 포함해 1만1000명의 북한군이 러시아에서 훈련을 받고 있다고 밝혔다.',
    );
    expect(find(figures, 400).unit).toBe('officers');
  });
});

describe('an outlet whose next lines name whom it cites', () => {
  it('credits the body an outlet cites in the lines after the figure (Ukrainian)', () => {
    const figures = story(
      'uk',
      [
        'Щонайменше 400 військових із Північної Кореї загинули в Курській області.',
        'Про це повідомляє агентство Yonhap.',
        'Ще близько 3 тис. північнокорейців поранено, стверджує агентство з посиланням на Національну розвідувальну службу (NIS) Південної Кореї.',
      ].join(' '),
    );
    expect(find(figures, 400).claimant).toBe('South Korea National Intelligence Service');
  });
});

describe('shells named after their launcher', () => {
  it('reads "multiple rocket launcher shells" as shells, not launchers', () => {
    const figures = story(
      'en',
      'North Korea has sent about 5,200 containers to Russia, which could hold more than 400,000 122mm multiple rocket launcher shells.',
    );
    expect(find(figures, 400000).unit).toBe('shells');
  });
});

describe('the Ukrainian army left bare after a unit of it', () => {
  it('credits "우크라이나군은" to the special forces named in the line before', () => {
    const figures = story(
      'ko',
      '우크라이나 특수작전군이 지난 9일 SNS로 공개한 영상이다. 영상을 올린 우크라이나군은 북한군 30명이 숨지고 25명이 다쳤다고 밝혔다.',
    );
    expect(find(figures, 30).claimant).toBe('Ukraine Special Operations Forces');
  });

  it('still credits a bare "우크라이나군은" with no unit before it to the General Staff', () => {
    const figures = story('ko', '우크라이나군은 북한군 30명이 숨졌다고 밝혔다.');
    expect(find(figures, 30).claimant).toBe('Ukraine General Staff');
  });
});

describe('German "außerdem" past a line with no source', () => {
  it('credits "Außerdem …" to the source two lines up when the line between names none', () => {
    const figures = story(
      'de',
      [
        'Der südkoreanische Geheimdienst NIS hat neue Erkenntnisse über die Verluste vorgelegt.',
        'Berichten zufolge hat Nordkorea seit dem Herbst rund 9.000 Soldaten nach Russland entsandt.',
        'Außerdem plant Pjöngjang, rund 4.000 weitere Soldaten nach Russland zu schicken.',
      ].join('\n'),
    );
    expect(find(figures, 4000).claimant).toBe('South Korea National Intelligence Service');
  });
});

describe('Korean trades listed inside a count', () => {
  it('reads "특수부대, 공병, 포병 등을 포함해 1만 3000명" as troops, not deminers', () => {
    const figures = story(
      'ko',
      '국방부는 "북한군 병력은 특수부대, 공병, 포병 등을 포함해 1만 3000명 정도가 파병될 것"이라고 밝혔다.',
    );
    expect(find(figures, 13000).unit).toBe('troops');
  });
});

describe('Korean troops seen where they are', () => {
  it('reads troops "spotted" at a base in Russia ("…명이 포착됐습니다") as deployed', () => {
    const figures = story(
      'ko',
      '같은 날 러시아 우수리스크의 군사시설에서도 북한군 310여 명이 포착됐습니다.',
    );
    expect(find(figures, 310).metric).toBe('deployed');
  });
});

describe('Korean: the army a side fights', () => {
  it('counts North Korean losses after "우크라이나군과 직접 교전하며" as North Korean', () => {
    const figures = story(
      'ko',
      '북한군은 쿠르스크 전선에 투입돼 우크라이나군과 직접 교전하며 사상자 규모가 4천 명에 육박했습니다.',
    );
    expect(find(figures, 4000).side).toBe('KP');
  });

  it('reads the count after "우크라이나군과 싸우기 위해" by its own noun (정규군), not the army fought', () => {
    const figures = story(
      'ko',
      '우크라이나 대표는 "북한은 우크라이나군과 싸우기 위해 약 1만2천 명의 정규군을 배치할 것"이라고 말했다.',
    );
    expect(find(figures, 12000).side).toBe('KP');
  });
});

describe('Korean missile designations and forecasts', () => {
  it('reads "KN23 140발" (no hyphen) as missiles, credited to who "전망하고 있다"', () => {
    const figures = story(
      'ko',
      '우크라이나 당국은 올해 북한이 KN23 140발을 러시아에 제공할 것으로 전망하고 있다.',
    );
    const f = find(figures, 140);
    expect([f.unit, f.claimant]).toEqual(['missiles', 'Ukraine']);
  });
});

describe('English supply verbs', () => {
  it('reads containers Russia "purchased … from North Korea" as supplied', () => {
    const figures = story(
      'en',
      'The envoy said that Russia had purchased more than 12,000 containers of ammunition from North Korea.',
    );
    expect(find(figures, 12000).metric).toBe('supplied');
  });
});

describe('Korean: what was seen is not what was sent', () => {
  it('reads no figure in guns destroyed in a line where "포착된" only says a case was caught on camera', () => {
    const figures = story(
      'ko',
      '북한제 자주포는 지금까지 총 5대가 격파됐으며, 근접 촬영으로 형태가 명확히 포착된 사례는 이번이 처음입니다.',
    );
    expect(figures.map((f) => f.value)).not.toContain(5);
  });

  it('reads no supply in containers of food the North got in return ("컨테이너 1만개 분량의 식량")', () => {
    const figures = story(
      'ko',
      '북한이 러시아에 컨테이너 5000개 분량 포탄을 지원하고 그 대가로 컨테이너 8000개 분량의 식량 등을 받은 정황이 포착됐다.',
    );
    expect(figures.map((f) => f.value)).not.toContain(8000);
  });
});

describe('an outlet citing an office', () => {
  it('credits "…, South Korean media reported, citing the defence minister" to the minister the story names', () => {
    const figures = story(
      'en',
      'North Korea has shipped about 5,900 containers to Russia, South Korean media reported on Tuesday, citing the defence minister. Defence Minister Shin Won-sik told lawmakers the shipments had grown.',
    );
    expect(find(figures, 5900).claimant).toBe('Shin Won-sik');
  });

  it('credits a sentence opened by an outlet\'s one-word name ("Bloomberg reported that …")', () => {
    const figures = story(
      'en',
      'Bloomberg reported that over 1.2 million artillery rounds were part of this transfer from North Korea.',
    );
    expect(find(figures, 1200000).claimant).toBe('Bloomberg');
  });
});

describe('formations and vessels are no count', () => {
  it('reads no figure in "three or four of these brigades"', () => {
    const figures = story(
      'en',
      'The North fields ten engineering brigades, and sending two or three of these brigades to Russia could earn it 90 million dollars.',
    );
    expect(figures.map((f) => f.value)).not.toContain(2);
  });

  it('reads no figure in "two of the ships"', () => {
    const figures = story(
      'en',
      'Images showed that three of the ships then travelled from Vostochny to the North Korean port of Rajin, where they appeared to unload.',
    );
    expect(figures.map((f) => f.value)).not.toContain(3);
  });
});

describe('German verbs of saying', () => {
  it('credits "Er wies auch darauf hin, dass …" after "Budanow bemerkte, dass …" to Budanov', () => {
    const figures = story(
      'de',
      'Budanow bemerkte, dass Nordkorea aus dem Krieg lernt. Er wies auch darauf hin, dass etwa 3.500 nordkoreanische Soldaten getötet oder schwer verwundet wurden.',
    );
    expect(find(figures, 3500).claimant).toBe('Kyrylo Budanov');
  });
});

describe('Korean: the victims of North Korean-made arms', () => {
  it('reads no North Korean loss in the people a North Korean-made missile killed', () => {
    const figures = story(
      'ko',
      "키이우 공습에 '북한 탄도미사일' 사용…최소 9명 사망\n\n우크라이나 군 소식통은 이번 공습에 북한산 KN-23 탄도 미사일이 사용됐고, 이로 인해 최소 9명이 사망했다고 밝혔다.",
    );
    expect(figures.map((f) => f.value)).not.toContain(9);
  });
});
