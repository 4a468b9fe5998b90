/**
 * Rules for structures the dev half of session 27's round showed: who "it" means after a
 * sentence that opened on a country, a magazine whose name begins with "The", reports named by
 * who presented them, joint sources written as "officials in Seoul and Kyiv" or "a joint
 * investigation by A and B". Every sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { find, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');
const english = (...paragraphs: string[]) => story('en', paragraphs.join('\n\n'));

describe('"it" after a sentence that opens on a country', () => {
  it('means the country the sentence or clause before opened on ("Seoul disagrees: it says …")', () => {
    const figures = english(
      'Kyiv says some 9,000 North Korean soldiers have reached the front.',
      "South Korea's count is lower: it says 2,500 North Korean troops are already in Russia.",
    );
    expect(find(figures, 9000).claimant).toBe('Ukraine');
    expect(find(figures, 2500).claimant).toBe('South Korea');
  });

  it('reaches one sentence back ("South Korea disagrees. It says …")', () => {
    const figures = english(
      'Ukraine believes 9,000 North Korean soldiers are in the Kursk region.',
      'South Korea disagrees. It says 4,000 North Korean troops are in Russia so far.',
    );
    expect(find(figures, 4000).claimant).toBe('South Korea');
  });

  it('keeps the source for "…, it said" that closes a sentence about the North', () => {
    const figures = english(
      'The Pentagon said North Korea had sent 8,000 containers by March.',
      'Pyongyang shipped about 2,600 more containers in the spring, it said.',
    );
    expect(find(figures, 2600).claimant).toBe('Pentagon');
  });
});

describe('a named outlet and a dated participle', () => {
  it('does not take an outlet whose name begins with "The" for a person ("By his account")', () => {
    const figures = english(
      'Kyrylo Budanov has briefed reporters on the Kursk front, the U.S. outlet The Steel Desk reported on Friday. By his account, some 13,000 North Korean troops remain in the region.',
    );
    expect(find(figures, 13000).claimant).toBe('Kyrylo Budanov');
  });

  it('reads "published Monday" after a comma as a date of the interview, not a new speaker', () => {
    const figures = english(
      'Kyrylo Budanov said in an interview with the U.S. outlet The Steel Desk, published Monday, that 13,000 North Korean troops remain in the region.',
    );
    expect(find(figures, 13000).claimant).toBe('Kyrylo Budanov');
  });
});

describe('verbs and anaphors of counting bodies', () => {
  it('credits who "counted" the dead, after an aside', () => {
    const figures = english(
      'Volodymyr Zelensky put the North Korean toll at 4,100 dead and wounded last month. The NIS, in an update of its own, counted 500 killed and 2,900 wounded among the North Korean troops.',
    );
    expect(find(figures, 4100).claimant).toBe('Volodymyr Zelensky');
    expect(find(figures, 500).claimant).toBe('South Korea National Intelligence Service');
    expect(find(figures, 2900).claimant).toBe('South Korea National Intelligence Service');
  });

  it('reads "according to the team" as the monitoring team named before', () => {
    const figures = english(
      "The Multilateral Sanctions Monitoring Team's second report came out on Friday.",
      'According to the team, North Korea has sent Russia more than 24,000 containers of munitions.',
    );
    expect(find(figures, 24000).claimant).toBe('Multilateral Sanctions Monitoring Team');
  });
});

describe('joint sources', () => {
  it('keeps a list of capitals whose members "each said" as one source', () => {
    const figures = english(
      'Seoul, Kyiv and Washington have each said that more than 11,000 North Korean soldiers went to Russia.',
    );
    expect(find(figures, 11000).claimant).toBe('Seoul, Kyiv and Washington');
  });

  it('reads "officials in Seoul and Kyiv" as the two countries together', () => {
    const figures = english(
      'Officials in Seoul and Kyiv say Pyongyang has sent about 12,000 troops to Kursk.',
    );
    expect(find(figures, 12000).claimant).toBe('Seoul and Kyiv');
  });

  it('reads "a joint investigation by A and the London-based B" as A and B', () => {
    const figures = english(
      'North Korea has sent Russia at least 5 million artillery rounds, according to a joint investigation by Reuters and the London-based Open Source Centre.',
    );
    expect(find(figures, 5000000).claimant).toBe('Reuters and the Open Source Centre');
  });
});

describe('bodies named by their report or their half of Korea', () => {
  it('credits who presented "an updated assessment that X presented"', () => {
    const figures = english(
      "Pyongyang has now handed Moscow 240 long-range artillery pieces, according to an updated assessment that South Korea's Defense Ministry presented to lawmakers on Tuesday.",
    );
    expect(find(figures, 240).claimant).toBe('South Korea Ministry of National Defense');
  });

  it('reads "the South\'s intelligence service" as the NIS', () => {
    const figures = english(
      "Three North Korean soldiers captured by Ukraine have not asked to go to South Korea, the South's intelligence service said on Monday.",
    );
    expect(find(figures, 3).claimant).toBe('South Korea National Intelligence Service');
  });
});

const german = readerFor('2025-07-01', 'Nordkoreanische Soldaten in Russland');

describe('German sources by their own words and by their command', () => {
  it('credits "Ihren Angaben zufolge" to the source named before, not to the leader after it', () => {
    const figures = german(
      'de',
      [
        'Westliche Regierungsvertreter äußerten sich am Dienstag gegenüber einem Radiosender.',
        '',
        'Ihren Angaben zufolge hat Machthaber Kim Jong Un bislang etwa 12.000 Soldaten nach Russland geschickt.',
      ].join('\n'),
    );
    expect(find(figures, 12000).claimant).toBe('Western officials');
  });

  it('reads "die Militärführung in Seoul" as the Joint Chiefs of Staff', () => {
    const figures = german(
      'de',
      'Die Militärführung in Seoul bezifferte die Zahl der getöteten und verletzten Nordkoreaner auf mehr als 1.300.',
    );
    expect(find(figures, 1300).claimant).toBe('South Korea Joint Chiefs of Staff');
  });

  it('reads a loss verb past a short phrase of place ("4.500 im Gefecht ausgefallen")', () => {
    const figures = german(
      'de',
      'Westliche Beamte sagten, Nordkorea habe 12.000 Soldaten geschickt. Von ihnen seien inzwischen 4.500 im Gefecht ausgefallen.',
    );
    expect(find(figures, 4500).metric).toBe('casualties');
  });
});

describe('Korean counters and the sanctions monitors', () => {
  it('reads "11개국" as countries, no count of shells', () => {
    const figures = story(
      'ko',
      '북한이 러시아에 포탄을 계속 보내고 있다고 한국과 미국 등 11개국이 참여한 감시 기구가 밝혔다.',
    );
    expect(figures).toEqual([]);
  });

  it('credits "대북제재 감시 기구" as the Multilateral Sanctions Monitoring Team', () => {
    const figures = story(
      'ko',
      '북한이 러시아에 컨테이너 2만4천 개 이상 분량의 탄약을 보냈다고 한국과 미국 등 11개국이 참여한 대북제재 감시 기구가 밝혔다.',
    );
    expect(find(figures, 24000).claimant).toBe('Multilateral Sanctions Monitoring Team');
  });
});

const russian = readerFor('2025-07-01', 'Военные КНДР в России');

describe('Russian: a deputy named by his chief, the wounded after their verb, "тыс." ending a sentence', () => {
  it('credits the deputy, not the chief in the genitive before him ("заместитель Буданова Вадим Скибицкий")', () => {
    const figures = russian(
      'ru',
      'О том, что КНДР перебросит в Курскую область ещё 7000 военных, ранее рассказывал заместитель Буданова Вадим Скибицкий.',
    );
    expect(find(figures, 7000).claimant).toBe('Vadym Skibitskyi');
  });

  it('reads "ранения получили более 4 тыс." as wounded, not people received', () => {
    const figures = russian(
      'ru',
      'По данным разведки, с января погибли около 700 военных КНДР, ранения получили более 3 тыс.',
    );
    expect(find(figures, 3000).metric).toBe('wounded');
  });

  it('ends a sentence at "тыс." before a capitalised word, so the count keeps its own verb', () => {
    const figures = russian(
      'ru',
      'По данным разведки, с января погибли около 700 военных КНДР, ранения получили более 3 тыс. Около 1 тыс. раненых отправили домой поездами.',
    );
    expect(find(figures, 3000).metric).toBe('wounded');
  });
});

describe('Ukrainian "за повідомленнями" (by reports)', () => {
  it('names nobody, and lends no minister named before', () => {
    const figures = story(
      'uk',
      'Сибіга заявив, що КНДР отримує від Росії технології. Серед загиблих там військових, за повідомленнями, були семеро офіцерів армії КНДР.',
    );
    expect(find(figures, 7).claimant).toBeNull();
  });
});

describe('English: what an outlet cites, and documents and offices named without a name', () => {
  it('credits the source an outlet is next said to cite ("The broadcaster cited a report by …")', () => {
    const figures = english(
      'North Korea has sent more than 14,000 shipping containers to Russia, Yonhap News TV reported on Thursday.',
      "The broadcaster cited a report by South Korea's Defense Intelligence Agency that a lawmaker made public.",
    );
    expect(find(figures, 14000).claimant).toBe('South Korean military intelligence');
  });

  it('reads "military and intelligence agencies in A and B" as the two countries together', () => {
    const figures = english(
      'Military and intelligence agencies in the United States and South Korea put the number of North Korean troops in Russia at 12,500.',
    );
    expect(find(figures, 12500).claimant).toBe('United States and South Korea');
  });

  it('reads "the intelligence report says" as the intelligence body, past the outlet that relayed it', () => {
    const figures = english(
      "Newsweek reported the figure, referring to an assessment prepared by South Korea's military intelligence service, a Kyiv agency writes.",
      'The shipments could have held more than 7 million artillery rounds, the intelligence report says.',
    );
    expect(find(figures, 7000000).claimant).toBe('South Korean military intelligence');
  });

  it('credits "the spy agency\'s assessment as described by Lee" to the agency, not Lee', () => {
    const figures = english(
      'Lawmaker Lee Seong-kweun spoke after a briefing by the National Intelligence Service.',
      "Pyongyang is readying a further deployment of 7,000 soldiers, according to the spy agency's assessment as described by Lee.",
    );
    expect(find(figures, 7000).claimant).toBe('South Korea National Intelligence Service');
  });

  it('reads "Russia\'s senior security official" as Shoigu once the story named him', () => {
    const figures = english(
      'Shoigu visits Pyongyang again',
      "Pyongyang will dispatch 7,000 personnel to help rebuild the Kursk region, Russia's senior security official said.",
    );
    expect(find(figures, 7000).claimant).toBe('Sergei Shoigu');
  });
});

describe('German: an account and a capture in their own words', () => {
  it('reads "nach Darstellung von X" as a source and "in ihre Gewalt" as a capture', () => {
    const figures = german(
      'de',
      'Nach Darstellung von Präsident Wolodymyr Selenskyj brachten ukrainische Fallschirmjäger drei Nordkoreaner lebend in ihre Gewalt.',
    );
    expect(find(figures, 3).metric).toBe('captured');
    expect(find(figures, 3).claimant).toBe('Volodymyr Zelensky');
  });
});

describe('English "a couple thousand"', () => {
  it('reads two of the scale', () => {
    const figures = english(
      'Part of the force has moved closer to the border, roughly a couple thousand North Korean troops, the Pentagon said.',
    );
    expect(find(figures, 2000).metric).toBe('deployed');
  });
});

describe('Korean: the body in the lead and its spokesman below', () => {
  it('keeps the body the lead credits when its spokesman repeats the number', () => {
    const figures = story(
      'ko',
      [
        '쿠르스크 지역에 배치된 북한군 병력이 적어도 1만2000명으로 불어났다고 미국 국방부가 4일 밝혔다.',
        '',
        '통신 보도에 따르면 팻 라이더 미 국방부 대변인은 이날 브리핑에서 "지금 쿠르스크 일대에 있는 북한군은 적어도 1만2000명"이라고 말했다.',
      ].join('\n'),
    );
    expect(find(figures, 12000).claimant).toBe('Pentagon');
  });
});

describe('English: a few words around a source or a count', () => {
  it('reads "Mr. Shin did say" as Shin, not "Mr. Shin did"', () => {
    const figures = english(
      'Defense Minister Shin Won-sik met foreign reporters on Monday. Mr. Shin did say, though, that 8,000 containers of weapons have gone from the North to Russia.',
    );
    expect(find(figures, 8000).claimant).toBe('Shin Won-sik');
  });

  it('counts "weapons containers" as containers, and credits a military intelligence agency', () => {
    const figures = english(
      "South Korea's military intelligence agency estimates North Korea has sent Russia over 14,000 weapons containers.",
    );
    expect(find(figures, 14000).unit).toBe('containers');
    expect(find(figures, 14000).claimant).toBe('South Korean military intelligence');
  });

  it('reads "the London newspaper" as the newspaper named before', () => {
    const figures = english(
      "The Times wrote about North Korea's arms for Russia on Sunday. The London newspaper reported that some four million shells a year are being sent from Pyongyang to Moscow.",
    );
    expect(find(figures, 4000000).claimant).toBe('Times');
  });
});

describe('Korean labour and a Russian joint source', () => {
  it('counts "노동 인력" as workers', () => {
    const figures = story(
      'ko',
      '국정원은 북한이 러시아에 내보낸 노동 인력이 1만6000명 안팎에 이른다고 정보위에 설명했다.',
    );
    expect(find(figures, 16000).unit).toBe('workers');
  });

  it('reads "разведслужб Южной Кореи и западных стран" as one joint source', () => {
    const figures = russian(
      'ru',
      'По данным разведслужб Южной Кореи и западных стран, Пхеньян мог направить в Россию около 12 тыс. солдат.',
    );
    expect(find(figures, 12000).claimant).toBe('South Korean and Western intelligence');
  });
});

describe('English: sources named in the next sentence or by their briefing', () => {
  it('credits "The plan was announced by X" to the figure before it', () => {
    const figures = english(
      'North Korea is to send 4,000 military construction workers to Russia, according to reports.',
      "The plan was announced by Sergei Shoigu, secretary of Russia's Security Council, an agency reported.",
    );
    expect(find(figures, 4000).claimant).toBe('Sergei Shoigu');
  });

  it('reads "officials reckon" as a verb of estimating', () => {
    const figures = english(
      'Zelensky said thousands of North Koreans had been hit. South Korean intelligence officials reckon that some 400 North Koreans have been killed.',
    );
    expect(find(figures, 400).claimant).toBe('South Korean intelligence');
  });

  it('reads "members of parliament who had received a briefing from the spy agency" as the NIS', () => {
    const figures = english(
      "About 700 North Korean soldiers have died fighting for Russia, Reuters reported, quoting South Korean members of parliament who had received a briefing from Seoul's spy agency.",
    );
    expect(find(figures, 700).claimant).toBe('South Korea National Intelligence Service');
  });

  it('credits a one-sentence paragraph\'s figure to "The estimate comes from …" in the next', () => {
    const figures = english(
      'North Korea has sent Russia some 6,000 containers of munitions since last summer.',
      'The estimate comes from the National Intelligence Service.',
    );
    expect(find(figures, 6000).claimant).toBe('South Korea National Intelligence Service');
  });
});

const ukrainian = readerFor('2025-07-01', 'Військові КНДР у Росії');

describe('Russian and Ukrainian: days, shipments, departures and the Latin acronym', () => {
  it('reads "16 и 17 декабря" as days, not a count of losses', () => {
    const figures = russian(
      'ru',
      'По данным разведки, 16 и 17 декабря северокорейские пехотинцы атаковали позиции ВСУ, потеряв 40 человек.',
    );
    expect(figures.map((f) => f.value)).not.toContain(16);
  });

  it('counts no shipments ("близько 10 відправлень озброєння")', () => {
    const figures = ukrainian(
      'uk',
      'Починаючи з серпня, розвідка зафіксувала близько 12 відправлень озброєння з Північної Кореї до Росії.',
    );
    expect(figures).toEqual([]);
  });

  it('reads "вирушили" as a departure and "за даними NIS" as the NIS', () => {
    const figures = ukrainian(
      'uk',
      'За даними NIS, з Північної Кореї до Росії вирушили приблизно дві тисячі саперів.',
    );
    expect(find(figures, 2000).metric).toBe('deployed');
    expect(find(figures, 2000).claimant).toBe('South Korea National Intelligence Service');
  });
});

describe('Korean soldiers and officers counted together', () => {
  it('reads "병사와 장교 4천 명" as troops, not officers', () => {
    const figures = story(
      'ko',
      '젤렌스키 대통령은 "북한의 병사와 장교 4천 명가량이 이미 러시아 영토에 들어와 있다"고 말했다.',
    );
    expect(find(figures, 4000).unit).toBe('troops');
  });
});
