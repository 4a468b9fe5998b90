/**
 * Rules from the natural errors of the dev halves, read in session 22 (all languages). Every
 * sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { find, only, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('who gave the figure', () => {
  it('credits the source a headline names before its quote', () => {
    const figures = story(
      'en',
      'NIS “2,400 North Korean special forces arrive in Khabarovsk and head to the front… 9,000 troops to be sent”',
    );
    expect(find(figures, 2400).claimant).toBe('South Korea National Intelligence Service');
    expect(find(figures, 9000).claimant).toBe('South Korea National Intelligence Service');
  });

  it("reads Ukraine's own transliteration of its president's name", () => {
    expect(
      only(story('en', 'Zelenskyi: about 2,300 North Korean soldiers were wounded near Sudzha'))
        .claimant,
    ).toBe('Volodymyr Zelensky');
  });
});

describe('Korean lines that go on from the one before', () => {
  it('credits a line that only "also said" to the speaker named before it', () => {
    const figures = story(
      'ko',
      [
        '국가정보원은 이날 정보위원회에 북한군 동향을 보고했다.',
        '김선호 1차장은 "북한군은 주로 20대 초반으로 보인다"고 말했다.',
        '파병 인원에 대해서는 "여러 정보를 모아 보면 9800여명으로 본다"고도 했다.',
      ].join('\n'),
    );
    expect(find(figures, 9800).claimant).toBe('South Korea National Intelligence Service');
  });

  it('keeps the source of the line before for one opening on "along with this"', () => {
    const figures = story(
      'ko',
      [
        '국정원은 지난 20일 북한이 러시아에 2000명을 먼저 보냈다고 밝혔다.',
        '이와 함께 국회 정보위원회에서 지금까지 4000명이 건너갔고 연말까지 1만2천여명이 갈 것이라고 전한 것으로 알려졌다.',
      ].join('\n'),
    );
    expect(find(figures, 4000).claimant).toBe('South Korea National Intelligence Service');
    expect(find(figures, 12000).claimant).toBe('South Korea National Intelligence Service');
  });
});

describe('posts named without their holder', () => {
  it("reads the secretary of Russia's Security Council as Shoigu in German", () => {
    expect(
      only(
        story(
          'de',
          'Pjöngjang schickt etwa 4000 Pioniere nach Kursk, erklärte der Sekretär des russischen Sicherheitsrats am Dienstag.',
        ),
      ).claimant,
    ).toBe('Sergei Shoigu');
  });
});

describe('an outlet that holds the interview', () => {
  it('credits whom the outlet interviewed, not the outlet', () => {
    const figures = story(
      'uk',
      "КНДР відправила до Росії ще близько 7 тисяч робітників. Такі дані навів в інтерв'ю «Укрінформу» начальник Генштабу ЗСУ Андрій Гнатов.",
    );
    expect(only(figures).claimant).toBe('Andriy Hnatov');
  });
});

describe('a body referred to by its country and kind', () => {
  it('reads "the Ukrainian agency" as the Ukrainian body the story named last', () => {
    const figures = story(
      'en',
      "Ukraine's military intelligence agency HUR briefed reporters on Monday about the fighting near Kursk. Moscow denies the losses, but the Ukrainian agency estimates that 700 North Korean soldiers were wounded in a week.",
    );
    expect(only(figures).claimant).toBe('Ukraine Main Intelligence Directorate');
  });
});

describe('an outlet after its verb that cites a source', () => {
  it('credits the source the outlet cites, with or without marks around its name', () => {
    for (const outlet of ['the Kyiv Post', 'the "Kyiv Post,"']) {
      const figures = story(
        'en',
        `Four North Korean officers died in a strike near Makiivka, reports ${outlet}${outlet.endsWith(',"') ? '' : ','} citing Ukrainian intelligence sources.`,
      );
      expect(only(figures).claimant).toBe('Ukrainian intelligence');
    }
  });
});

describe('what each number of an English sentence counts', () => {
  it('leaves a force that "is in Russia" a deployment when a vague amount of it died', () => {
    const figures = story(
      'en',
      'Seoul estimates that about 9,000 North Korean soldiers are in Russia, and hundreds have died in the fighting.',
    );
    expect(only(figures).metric).toBe('deployed');
  });

  it('counts no people in "the other two" of a number of brigades', () => {
    expect(
      story(
        'en',
        'Of the four North Korean brigades at the front, one was wiped out and three others took heavy losses, Kyiv said.',
      ),
    ).toEqual([]);
    expect(
      story(
        'en',
        'One of four North Korean brigades has been broken up, while the other three can no longer fight, military sources said.',
      ),
    ).toEqual([]);
  });
});

describe('a figure the story says nobody has confirmed', () => {
  it('drops a Korean count the official says is not confirmed', () => {
    expect(
      story(
        'ko',
        '김 차장은 일부 언론이 보도한 북한군 7000명 추가 파병에 대해 "현재 확인된 바 없다"고 말했다.',
      ),
    ).toEqual([]);
  });
});

describe("an outlet citing its country's intelligence unnamed", () => {
  it('credits that country intelligence body in German', () => {
    const figures = story(
      'de',
      'Die südkoreanische Agentur Yonhap meldete unter Berufung auf den Geheimdienst des Landes, dass 400 nordkoreanische Soldaten gefallen seien.',
    );
    expect(only(figures).claimant).toBe('South Korea National Intelligence Service');
  });
});

describe('English number forms and predicates from the 2027-02 batches', () => {
  it('reads the size of "a force of" as a deployment, even among losses', () => {
    const figures = story(
      'en',
      '"Those are heavy losses for a force of 14,000 North Korean soldiers," the analyst said.',
    );
    expect(only(figures).metric).toBe('deployed');
  });

  it('joins a range whose "or" an editor put in brackets', () => {
    const f = only(story('en', 'Pyongyang has sent 13 (or) 14,000 soldiers to Russia.'));
    expect([f.value, f.valueHigh]).toEqual([13000, 14000]);
  });

  it('reads "are involved" as presence, and a casualty rate as no toll', () => {
    const f = only(
      story(
        'en',
        'Some 9,000 North Korean troops are involved, with steep casualty rates reported.',
      ),
    );
    expect([f.metric, f.value]).toEqual(['deployed', 9000]);
  });

  it('counts nothing in a quantity per year built into an adjective', () => {
    const figures = story(
      'en',
      'Besides shipping missiles to Russia in breach of sanctions, North Korea buys too much refined petroleum from Moscow. The UN Security Council has imposed a 600,000-barrel-per-year limit on product exports to Pyongyang, but Russia is blowing past it, a US spokesperson said.',
    );
    expect(figures.map((f) => f.value)).not.toContain(600000);
  });
});

describe('unquoted speech', () => {
  it('credits a paragraph of speech to the speaker its last sentence names', () => {
    const figures = story(
      'en',
      'About 8,000 North Korean soldiers are now in Russia. It is alarming how fast they learn drone warfare. They get that chance because we fight back, Zelensky said.',
    );
    expect(only(figures).claimant).toBe('Volodymyr Zelensky');
  });
});

describe('Korean sources from the 2027-02 batches', () => {
  it('reads a bare intelligence agency and the Defense Intelligence Agency by its short name', () => {
    expect(
      only(story('ko', '첩보기관에 따르면 북한군 2300여명이 러시아 극동에 도착했다.')).claimant,
    ).toBe('South Korean intelligence');
    expect(
      only(story('ko', '정보본부 추산으로는 북한이 보낸 컨테이너가 1만4천 개에 이른다.')).claimant,
    ).toBe('South Korean military intelligence');
  });

  it('lets a line that opens on its source speak for the sentences after it on the line', () => {
    const figures = story(
      'ko',
      [
        '북한군 200명 사망·900명 부상',
        '북한군의 전쟁 상황',
        '최근 국가정보원에 따르면, 북한군이 전선에 투입되었다는 소식이 전해졌습니다. 북한군은 적지 않은 인명 피해를 입고 있으며, 어려움에 직면해 있습니다. 예컨대 북한군 중 최소 200명이 숨지고 900명이 다친 것으로 나타났습니다.',
      ].join('\n'),
    );
    expect(find(figures, 200).claimant).toBe('South Korea National Intelligence Service');
    expect(find(figures, 900).claimant).toBe('South Korea National Intelligence Service');
  });
});

describe('what each number of a Korean sentence counts', () => {
  it('reads a word of loss right before the count as its own, over the whole named before', () => {
    const figures = story(
      'ko',
      '국정원은 북한군 사상자가 사망 700명을 포함해 총 5,100명에 이른다고 보고했다.',
    );
    expect(find(figures, 700).metric).toBe('killed');
    expect(find(figures, 5100).metric).toBe('casualties');
  });

  it('reads those taken prisoner as captured, whatever the predicate after says', () => {
    const f = only(
      story('ko', '우크라이나군에 포로로 잡힌 북한군 병사 3명은 이번 교환에 포함되지 않았습니다.'),
    );
    expect([f.metric, f.value]).toEqual(['captured', 3]);
  });

  it('keeps a force a deployment when the dead after a comma have their own count', () => {
    const figures = story(
      'ko',
      '러시아에 파병된 북한군은 지금까지 1만3천명이 넘고, 사망자는 2500여 명에 달하는 것으로 정보 당국은 보고 있습니다.',
    );
    expect([find(figures, 13000).metric, find(figures, 13000).qualifier]).toEqual([
      'deployed',
      'more_than',
    ]);
    expect(find(figures, 2500).metric).toBe('killed');
  });

  it('reads "died and were wounded" as one count of casualties', () => {
    expect(
      only(story('ko', '젤렌스키 대통령은 북한군 4000명 이상이 사망하고 부상했다고 밝혔다.'))
        .metric,
    ).toBe('casualties');
  });
});

describe("Ukraine's Foreign Intelligence Service", () => {
  it('is one claimant in every language', () => {
    const cases: Array<[string, string]> = [
      [
        'en',
        "North Korea has shipped 5.5 million shells to Russia, Ukraine's Foreign Intelligence Service said.",
      ],
      ['uk', 'За даними Служби зовнішньої розвідки, КНДР передала Росії 5,5 млн снарядів.'],
      ['ko', '우크라이나 해외정보국은 북한이 러시아에 포탄 550만발을 보냈다고 밝혔다.'],
    ];
    for (const [lang, text] of cases)
      expect(only(story(lang, text)).claimant).toBe('Ukraine Foreign Intelligence Service');
  });

  it('credits a Korean line that an unnamed general said to whom the next line says raised it, past a photo credit', () => {
    const figures = story(
      'ko',
      [
        '푸틴 대통령이 열병식 뒤 북한 장성들과 인사하고 있다. 2025.5.9 ⓒ 로이터=뉴스1',
        '러시아가 드론 생산을 위해 북한에서 약 1만5천 명의 노동자를 데려왔을 수 있다고 우크라이나 군 장성이 밝혔다.',
        '키이우인디펜던트에 따르면 안드리 흐나토프 우크라이나 총참모장은 인터뷰에서 이같은 가능성을 제기했다.',
      ].join('\n'),
    );
    expect(only(figures).claimant).toBe('Andriy Hnatov');
  });
});

describe("Britain's Foreign Office and reported speech in German", () => {
  it('credits the ministry the story named before, past a sentence whose subject only acts', () => {
    const figures = story(
      'de',
      'Die Sanktionen träfen Unterstützer des Krieges, erklärte das britische Außenministerium. Das Ministerium erklärte, sie hätten an der Entsendung von über 12.000 nordkoreanischen Soldaten mitgewirkt. Putin verheize die nordkoreanischen Truppen. Nordkorea habe Verluste von über 5.000 Mann erlitten.',
    );
    expect(find(figures, 12000).claimant).toBe('UK Foreign Office');
    expect(find(figures, 5000).claimant).toBe('UK Foreign Office');
  });
});

describe('German ministries and hearsay', () => {
  it("reads a ministry named only by its country as that country's ministry named before", () => {
    const figures = story(
      'de',
      'Dies teilte das südkoreanische Verteidigungsministerium laut Yonhap bei einem Briefing mit. Seoul betont, dass Nordkorea wohl weiter Truppen schicken wird.\n"Nordkorea hat etwa 13.000 Soldaten und 150 Geschütze zur Verfügung gestellt, und es wird wohl weiter liefern", so das südkoreanische Ministerium.',
    );
    expect(find(figures, 13000).claimant).toBe('South Korea Ministry of National Defense');
  });

  it('credits nobody for what is only heard ("dem Vernehmen nach")', () => {
    const figures = story(
      'de',
      'Der Geheimdienst NIS bestätigte die Verlegung von Spezialkräften. Insgesamt sollen dem Vernehmen nach bis zu 14.000 nordkoreanische Soldaten nach Russland geschickt werden.',
    );
    expect(only(figures).claimant ?? null).toBeNull();
  });
});

describe('anecdotes of the dead', () => {
  it('counts no toll in "a dozen" bodies a patrol found, but keeps "two dozen" wounded', () => {
    expect(
      story(
        'en',
        'After the clash, Ukrainian special forces found the bodies of more than a dozen North Korean soldiers near Kursk.',
      ),
    ).toEqual([]);
    const f = only(
      story('en', 'Two dozen wounded North Korean soldiers were brought to a hospital in Kursk.'),
    );
    expect([f.metric, f.value]).toEqual(['wounded', 24]);
  });
});

describe('who was killed', () => {
  it('counts the dead after "killing" when they are North Korean, not the victims of the North', () => {
    expect(
      only(
        story('en', 'A Ukrainian drone hit a trench near Kursk, killing 17 North Korean soldiers.'),
      ).metric,
    ).toBe('killed');
    expect(
      story(
        'en',
        'North Korean soldiers opened fire on a Chechen detachment in the Kursk region, killing nine servicemen.',
      ),
    ).toEqual([]);
  });
});

describe('Korean sources from the 2027-02-15/16 batches', () => {
  it('credits a line that "also expected" after a paragraph break to the speaker before it', () => {
    const figures = story(
      'ko',
      '루스템 우메로프 국방장관은 인터뷰에서 신원 확인이 필요하다며 이같이 말했습니다.\n\n또 약 1,500km 전선에 북한군 약 1만 6,000명이 나뉘어 배치될 것으로 예상했습니다.',
    );
    expect(only(figures).claimant).toBe('Rustem Umerov');
  });

  it("credits Ukraine's special operations regiment over the outlet that reports it", () => {
    const figures = story(
      'ko',
      '우크라이나 제8 특수작전연대가 지난 17일 전투에서 북한 군인 60명을 사살했다며 영상을 공개했다고 미 자유아시아방송(RFA)이 보도했다.',
    );
    expect(only(figures).claimant).toBe('Ukraine Special Operations Forces');
  });
});

describe('the one spared', () => {
  it('counts no figure in "all died but one" in Korean', () => {
    expect(
      story(
        'ko',
        '우크라이나군에 드론을 지원하는 단체 대표 요나스 오만은 현지 매체와 인터뷰에서 “양측 첫 교전은 25일 쿠르스크에서 있었다”며 “내가 알기로 북한군은 1명을 제외하곤 모두 죽었다”고 말했다.',
      ),
    ).toEqual([]);
  });
});

describe('a post after its verb', () => {
  it('credits the holder of a post the table knows, named after "says"', () => {
    const figures = story(
      'en',
      'The first 2,900 North Korean troops will head to Kursk. Where the other 9,000 will go is unclear, says the head of the DIU.',
    );
    expect(find(figures, 2900).claimant).toBe('Kyrylo Budanov');
  });
});

describe('lives lost in an attack', () => {
  it('counts no North Korean toll in a headline of a strike that claimed lives', () => {
    expect(
      story(
        'en',
        'Drone Attack in Kharkiv Claims Four Lives Amid Talks\nNorth Korean missiles have been used against Ukrainian cities.',
      ).filter((f) => f.value === 4),
    ).toEqual([]);
  });
});

describe('a text cut short', () => {
  it('counts no single digit the text stops on, but keeps a whole number there', () => {
    expect(
      story('en', 'Shoigu said North Korea will send 7,000 personnel to Kursk, including 1').map(
        (f) => f.value,
      ),
    ).toEqual([7000]);
    expect(
      story('en', 'The first group has arrived in Kursk.\nNorth Korea deployed 13,000').map(
        (f) => f.value,
      ),
    ).toEqual([13000]);
  });
});

describe('a countdown', () => {
  it('counts nothing in "N to go"', () => {
    expect(
      story(
        'en',
        'Ukraine destroys its first North Korean-supplied Koksan gun – 149 to go (video)',
      ),
    ).toEqual([]);
  });
});

describe('a footnote mark', () => {
  it('counts no number glued to the stop after a word', () => {
    expect(
      story(
        'en',
        'On Friday the U.S. government announced that North Korea had provided Russia with “more than 1,000 containers of military equipment and munitions,” along with images of the transfer routes of the shipments.1\n\nGraphic of North Korean Munitions Transfer Routes into Russia as released by the U.S. government',
      ).map((f) => f.value),
    ).toEqual([1000]);
  });
});

describe('German doubt, victims, deserters and tolls', () => {
  it('counts no figure the story says has no proof', () => {
    expect(
      story(
        'de',
        'Selenskyj zeigte Fotos von drei verletzten Männern mit asiatischen Zügen, jedoch keinen Beweis dafür, dass es Nordkoreaner sind.',
      ),
    ).toEqual([]);
  });

  it('counts no North Korean wounded in those the North’s weapons hurt', () => {
    expect(
      story(
        'de',
        'Russland setzte erneut Raketen aus Nordkorea ein. Die nordkoreanischen Waffen hätten weitere 85 Personen verletzt.',
      ).filter((f) => f.value === 85),
    ).toEqual([]);
  });

  it('reads "lost their lives or were wounded" as casualties past a place of fighting', () => {
    const f = only(
      story(
        'de',
        'Laut ukrainischen Angaben hätten bisher mindestens 4.000 Nordkoreaner bei Kämpfen in der Region Kursk ihr Leben verloren oder seien verwundet worden.',
      ),
    );
    expect(f.metric).toBe('casualties');
  });
});

describe('German ranges and joined clauses', () => {
  it('reads "25 bis 30.000" as thousands at both ends', () => {
    const f = only(
      story(
        'de',
        'Der ukrainische Geheimdienst erwartet, dass 15 bis 20.000 weitere nordkoreanische Soldaten nach Russland geschickt werden.',
      ),
    );
    expect([f.value, f.valueHigh]).toEqual([15000, 20000]);
  });

  it('gives each number of "getötet und … verletzt" its own verb', () => {
    const figures = story(
      'de',
      'Mehr als 400 nordkoreanische Soldaten wurden getötet und mehr als 3.100 Soldaten in der Region Kursk verletzt, berichtete der NIS.',
    );
    expect(find(figures, 400).metric).toBe('killed');
    expect(find(figures, 3100).metric).toBe('wounded');
  });
});

describe('Korean counts set apart and captives who were wounded', () => {
  it('reads the wounded "apart from the dead" as wounded', () => {
    const figures = story(
      'ko',
      '키이우포스트는 이 공격으로 북한군 장교 5명이 숨졌다고 전했다. 사망자와 별개로 4명 이상의 북한군 병사가 다친 것으로 전해졌다.',
    );
    expect(find(figures, 4).metric).toBe('wounded');
  });

  it('counts captives who were wounded as captured, unless a later verb says otherwise', () => {
    const figures = story(
      'ko',
      '젤렌스키 대통령이 쿠르스크 지역에서 생포한 부상한 북한군 병사 3명에 대해 교환을 제안했다.',
    );
    expect(only(figures).metric).toBe('captured');
  });

  it('counts no runaway workers a reporter met', () => {
    expect(
      story(
        'ko',
        'BBC가 만난 탈주 북한 노동자 7명 등의 증언에 따르면 북한 노동자들은 러시아의 건설 현장 등에서 하루 18시간 작업에 투입된다.',
      ),
    ).toEqual([]);
  });
});

describe('a Korean broadcast line that goes on', () => {
  it('credits "특히 … 보도했습니다" to the outlet the line before named', () => {
    const figures = story(
      'ko',
      [
        '우크라이나 언론매체인 키이우 포스트는 도네츠크 러시아 군부대를 향한 미사일 공격으로 30여 명이 숨졌다고 전했습니다.',
        '특히 사망자 가운데 북한군 장교 7명이 포함됐으며, 북한군 병사도 4명 이상 다쳤다고 보도했습니다.',
      ].join('\n\n'),
    );
    expect(find(figures, 4).claimant).toBe('Kyiv Post');
  });
});

describe('a Korean quote that denies something else, and the force fought', () => {
  it('keeps the count a speaker gives after denying a report in a closed quote', () => {
    const figures = story(
      'ko',
      '부다노프 국장은 “북한군이 전선에서 사라졌다는 보도는 사실이 아니다”라며 “약 7000명이 여전히 우크라이나군과 교전을 벌이고 있다”고 말했다.',
    );
    expect([only(figures).value, only(figures).claimant]).toEqual([7000, 'Kyrylo Budanov']);
  });
});

describe('findings as a source', () => {
  it('credits the joint source whose findings give the count', () => {
    expect(
      only(
        story(
          'en',
          'Findings from Ukrainian and South Korean intelligence indicate that about 13,000 soldiers from North Korea have been sent to the Kursk region.',
        ),
      ).claimant,
    ).toBe('Ukrainian and South Korean intelligence');
  });
});

describe('"the ministry" after its minister', () => {
  it('reads the ministry as the one the minister named last speaks for, past an outlet', () => {
    const figures = story(
      'en',
      'Radio Free Asia reported on the talks on Monday. South Korean Minister of National Defense Shin Won-sik said in an interview on July 24 that the trade began last year. He also said that the ministry believes the containers sent from North Korea to Russia held 4.8 million rounds of 152-millimeter artillery shells.',
    );
    expect(find(figures, 4800000).claimant).toBe('South Korea Ministry of National Defense');
  });
});
