/**
 * Rules from the natural errors of the dev halves, read in session 24 (all languages). Every
 * sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { find, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('what is no figure', () => {
  it('reads no figure in a report an official says cannot be confirmed ("확인 불가")', () => {
    const figures = story(
      'ko',
      '미 국무부 대변인은 3일 브리핑에서 북한군 300명이 폭격으로 숨졌다는 보도에 대해 "확인 불가"라고 말했다.',
    );
    expect(figures.map((f) => f.value)).not.toContain(300);
  });

  it('reads no figure in a report an official "has nothing to confirm" about', () => {
    const figures = story(
      'ko',
      '국방부는 북한군 70명이 포로로 잡혔다는 보도에 대해 "하나하나 확인해 드릴 사안은 없다"고 했다.',
    );
    expect(figures.map((f) => f.value)).not.toContain(70);
  });
});

describe('Korean ranges', () => {
  it('reads "X에서 Y명" with no counter after X as a range, not a change', () => {
    const figures = story(
      'ko',
      '한 연구원은 파병된 북한군이 13,000에서 14,000명 규모라고 분석했다.',
    );
    const f = find(figures, 13000);
    expect([f.value, f.valueHigh]).toEqual([13000, 14000]);
  });

  it('reads a spoken range put "as" an estimate ("…명으로 봤다") as a range', () => {
    const figures = story('ko', '그는 북한군 파병 규모를 만 3천에서 만 4천 명으로 봤습니다.');
    const f = find(figures, 13000);
    expect([f.value, f.valueHigh]).toEqual([13000, 14000]);
  });

  it('reads "1만 천" as eleven thousand, the 천 its own word', () => {
    const figures = story('ko', '북한군 1만 천~1만 3천 명이 파병된 것으로 추정된다.');
    const f = find(figures, 11000);
    expect([f.value, f.valueHigh]).toEqual([11000, 13000]);
  });
});

describe('Korean bodies', () => {
  it('credits "우크라이나군 특수작전군" (the army\'s special operations forces) to the SSO', () => {
    const figures = story(
      'ko',
      '우크라이나군 특수작전군은 5일 쿠르스크에서 북한군 9명이 숨지고 14명이 다쳤다고 밝혔다.',
    );
    expect(find(figures, 9).claimant).toBe('Ukraine Special Operations Forces');
  });
});

describe('the leaders who send', () => {
  it("credits who quotes North Korea's leader deciding a sending, not the leader (Korean)", () => {
    const figures = story(
      'ko',
      '12일 타스통신에 따르면, 라브로프 러시아 외무장관은 이날 “김정은 국무위원장은 러시아로 공병 2000명과 건설병 3000명을 파견하기로 결정했다”고 발표했다.',
    );
    expect(find(figures, 3000).claimant).toBe('Sergei Lavrov');
  });

  it('credits the source cited with "에 따르면" over the leader it reports (Korean)', () => {
    const figures = story(
      'ko',
      '라브로프 장관에 따르면, 김정은 위원장은 공병 2000명과 건설 인력 4000명을 러시아에 보내겠다고 밝혔다.',
    );
    expect(find(figures, 4000).claimant).toBe('Sergei Lavrov');
  });
});

describe('what a shipment equals', () => {
  it('counts the shells a Korean story says a shipment equals ("…에 해당하는 규모다")', () => {
    const figures = story(
      'ko',
      '북한이 러시아에 화약 5만t을 넘겼다는 분석이 나왔다. 이는 포탄 120만발에 해당하는 규모다.',
    );
    expect(find(figures, 1200000).metric).toBe('supplied');
  });

  it('counts them when the shells are "맞먹는" (as many as) the shipment', () => {
    const figures = story(
      'ko',
      '북한이 화약 5만t을 러시아에 넘겼다. 이 규모는 러시아군이 쓰는 포탄 약 120만 발과 맞먹는 것으로 분석됐다.',
    );
    expect(find(figures, 1200000).metric).toBe('supplied');
  });
});

describe('plans', () => {
  it('reads troops a country "offered" to send as deployed (a plan)', () => {
    const figures = story(
      'en',
      'North Korea has offered 20,000 troops to Moscow, a Russian outlet said.',
    );
    expect(find(figures, 20000).metric).toBe('deployed');
  });
});

describe('people who are no side', () => {
  it('reads no figure in the count of the bereaved families ("유가족은 20여 명")', () => {
    const figures = story(
      'ko',
      '북한 당국이 러시아 파병 전사자 가족에게 전사증을 줬다. 소식통은 "군 복무 중 사망한 군인들의 유가족을 불러 전사증을 주는 행사를 열었다"며 "전사증을 받은 유가족은 30여 명 정도였다"고 말했다.',
    );
    expect(figures.map((f) => f.value)).not.toContain(30);
  });
});

describe('German presence', () => {
  it('reads soldiers "vor Ort" (on the ground) as deployed', () => {
    const figures = story(
      'de',
      'Nordkorea unterstützt Russland. 2.500 Soldaten sind nach Angaben des Experten bereits vor Ort.',
    );
    expect(find(figures, 2500).metric).toBe('deployed');
  });
});

describe('who released what the figure rests on', () => {
  it('credits who released the video a story cites ("according to a video … released by X")', () => {
    const figures = story(
      'en',
      'One of the two North Korean soldiers captured by Ukraine said he had not known where he was going, according to a new video of his questioning released by Ukrainian President Volodymyr Zelensky.',
    );
    expect(find(figures, 2).claimant).toBe('Volodymyr Zelensky');
  });
});

describe('what was once reported', () => {
  it('gives the line after "Ранее сообщалось …" no source from the paragraph before', () => {
    const figures = story(
      'ru',
      '«Мы благодарны друзьям из КНДР», — сказал Песков.\n\nРанее сообщалось о решении КНДР направить в Россию строителей. По итогам переговоров принято решение отправить в Россию три тысячи военных строителей.',
    );
    expect(find(figures, 3000).claimant).toBeNull();
  });
});

describe('numbers that count no one', () => {
  it('reads no figure in the size of each group ("in Gruppen von 20 bis 30 Mann")', () => {
    const figures = story(
      'de',
      'Nordkorea unterstützt Russland. Die Nordkoreaner stürmten in Gruppen von 20 bis 30 Mann über offenes Feld.',
    );
    expect(figures).toEqual([]);
  });

  it('reads no count in the second half of a designation ("KN-23/24")', () => {
    const figures = story(
      'de',
      'Nordkorea lieferte Russland bis zu 150 Raketen vom Typ KN-23/24, heißt es in dem Bericht.',
    );
    expect(figures.map((f) => f.value)).toEqual([150]);
  });
});

describe('German fighting as a circumstance', () => {
  it('reads "… weitere wurden bei Kämpfen mit … verletzt" as wounded, not deployed', () => {
    const figures = story(
      'de',
      'Mehr als 200 nordkoreanische Soldaten wurden getötet, und 800 weitere wurden bei Kämpfen mit ukrainischen Truppen im Gebiet Kursk verletzt.',
    );
    expect(find(figures, 800).metric).toBe('wounded');
  });
});

describe('builders and deminers together', () => {
  it('reads "Pioniere und Bauarbeiter" under one number as workers, the wider word', () => {
    const figures = story(
      'de',
      'Pjöngjang will rund 4.000 Pioniere und Bauarbeiter für den Wiederaufbau nach Kursk schicken.',
    );
    expect(find(figures, 4000).unit).toBe('workers');
  });
});

describe('the dead a memorial shows', () => {
  it('reads soldiers whose portraits a Korean caption counts as killed', () => {
    const figures = story('ko', '이 사진은 러시아에서 숨진 북한 군인 90 명의 초상화를 보여준다.');
    expect(find(figures, 90).metric).toBe('killed');
  });
});

describe('a date is no part of who', () => {
  it('reads "reports on Mar. 5 suggest" as unnamed reports, not a claimant called so', () => {
    const figures = story(
      'en',
      'Seoul wants to bring over the two North Korean soldiers captured by Ukraine. However, reports on Mar. 7 suggest that Washington may step in.',
    );
    expect(find(figures, 2).claimant).toBeNull();
  });
});

describe('a restatement that names its source', () => {
  it("keeps the restatement's source over the leader a pronoun was read as", () => {
    const figures = readerFor('2025-07-01', 'Nordkoreas Waffenfabriken')(
      'de',
      'Kreml-Chef Wladimir Putin und Kim Jong Un besuchen eine Baustelle.\n\n• Nordkorea habe seit August 5.400 Container nach Russland verschifft, fügte er hinzu.\n\nDer südkoreanische Verteidigungsminister Shin Won-sik sprach am Montag vor der Presse.\n\nShin sagte außerdem, dass Nordkorea seit August 5.400 Container an Russland geliefert habe.',
    );
    expect(find(figures, 5400).claimant).toBe('Shin Won-sik');
  });
});

describe("the North's leader by his surname", () => {
  it("reads troops sent by \"Kim's decision\" as North Korea's, not Russia's (English)", () => {
    const figures = readerFor('2025-07-01', 'A year of the pact')(
      'en',
      "In the year since North Korea's Kim Jong Un and Russia's Vladimir Putin signed their pact, ties have grown, not least through Kim's decision to dispatch at least 14,000 troops to fight in Putin's war. Kim dispatched some 14,000 troops to Kursk, according to U.S. and South Korean officials.",
    );
    const f = find(figures, 14000);
    expect([f.side, f.claimant]).toEqual(['KP', 'U.S. and South Korean officials']);
    expect(figures.filter((x) => x.value === 14000)).toHaveLength(1);
  });
});

describe('Korean guns counted by 문 alone', () => {
  it('reads "N~M문" with no noun as artillery supplied', () => {
    const figures = story(
      'ko',
      '그는 "북한이 지난달부터 지금까지 130~140문 이상, 2개 포병 여단 규모를 러시아로 지원한 것으로 파악하고 있다"고 말했다.',
    );
    const f = find(figures, 130);
    expect([f.metric, f.unit, f.valueHigh]).toEqual(['supplied', 'artillery', 140]);
  });

  it('reads no guns in a name that goes on after 문 ("4·25문화회관")', () => {
    const figures = story(
      'ko',
      '북한은 러시아에서 돌아온 공병부대 환영식을 평양 4·25문화회관에서 열었다.',
    );
    expect(figures).toEqual([]);
  });
});

describe('a list of tasks names no one trade', () => {
  it('keeps people sent "для розмінування та відновлення" (demining and rebuilding) troops', () => {
    const figures = story(
      'uk',
      'Північна Корея відправить до Росії 4 тисячі людей для розмінування та відновлення Курської області.',
    );
    expect(find(figures, 4000).unit).toBe('troops');
  });

  it('keeps soldiers for demining and engineering works troops', () => {
    const figures = story(
      'uk',
      'Очікується прибуття ще 4 тисяч північнокорейських військовослужбовців для роботи з розмінування та інженерних робіт.',
    );
    expect(find(figures, 4000).unit).toBe('troops');
  });
});

describe("an outlet citing its country's intelligence", () => {
  it('credits the intelligence Yonhap cites unnamed in Russian ("ссылаясь на разведданные")', () => {
    const figures = story(
      'ru',
      'Южнокорейское агентство Yonhap, ссылаясь на разведданные, сообщает, что Пхеньян направил в Россию ещё 2 000 военнослужащих.',
    );
    expect(find(figures, 2000).claimant).toBe('South Korea National Intelligence Service');
  });
});

describe('German parts of them, and Ukraine as a source', () => {
  it('reads "3000 von ihnen" past a sentence that only goes on about them, credited to Ukraine', () => {
    const figures = story(
      'de',
      'Laut westlichen Geheimdiensten kämpfen rund 11.000 nordkoreanische Soldaten für Russland. Sie wurden nach kurzer Ausbildung an die Front verlegt. Nach Angaben der Ukraine sollen mehr als 2500 von ihnen gefallen oder verletzt worden sein.',
    );
    const f = find(figures, 2500);
    expect([f.metric, f.claimant]).toEqual(['casualties', 'Ukraine']);
  });
});

describe('Korean words for deminers', () => {
  it('reads "정리 전문가" (clearance specialists) sent with builders as deminers', () => {
    const figures = story(
      'ko',
      '김정은 국무위원장은 쿠르스크에 4000명의 건설 노동자와 800명의 정리 전문가를 파견하라고 지시했다.',
    );
    expect(find(figures, 800).unit).toBe('deminers');
  });
});

describe('places by their number', () => {
  it('reads no count in a pier of a port ("at Pier 1 of Rajin Port", "at Pier 2")', () => {
    const figures = story(
      'en',
      'A ship like the Lady R was seen at Pier 1 of Rajin Port, North Korea. Containers that came by train from North Korea were seen at Pier 2.',
    );
    expect(figures).toEqual([]);
  });
});

describe('"this content" reported a paragraph on', () => {
  it('credits every unsourced line of the paragraph before "… 이런 내용을 보고했다"', () => {
    const figures = story(
      'ko',
      '러시아에 파병된 북한군 사상자가 3900명에 달하고 이 중 사망자는 500명에 이르는 것으로 나타났다. 또한 북한군은 두 차례에 걸쳐 1만4000명이 파병된 것으로 전해졌다.\n\n국정원은 29일 국회 정보위원회에서 이런 내용을 보고했다.',
    );
    expect(find(figures, 3900).claimant).toBe('South Korea National Intelligence Service');
  });
});
