/**
 * How German, Russian, Ukrainian and Korean stories name their sources, probed with invented sentences
 * in many shapes (not taken from any stored article): each case is one shape a pack missed.
 */
import { describe, expect, it } from 'vitest';
import { readerFor } from './pack-reading.ts';

const read = readerFor('2025-03-01', 'Test');

/** The claimant of the first figure read; fails when there is none. */
const claimantOf = (text: string, language: string): string | null => {
  const figures = read(language, text);
  expect(figures.length).toBeGreaterThan(0);
  return figures[0]!.claimant;
};

describe("a country's data, estimates or officials", () => {
  it('credit the country, wherever the phrase stands in the sentence', () => {
    expect(
      claimantOf(
        'Rund 2.000 nordkoreanische Soldaten wurden nach ukrainischen Angaben getötet.',
        'de',
      ),
    ).toBe('Ukraine');
    expect(
      claimantOf('Около 2 тысяч северокорейских военных погибли, по южнокорейским данным.', 'ru'),
    ).toBe('South Korea');
    expect(
      claimantOf(
        'Близько 2 тисяч північнокорейських військових загинули, за українськими даними.',
        'uk',
      ),
    ).toBe('Ukraine');
  });

  it('credit the country an outlet cites', () => {
    expect(
      claimantOf(
        'Nordkorea hat 4.000 Soldaten nach Russland verlegt, wie eine Zeitung unter Berufung auf US-Beamte berichtete.',
        'de',
      ),
    ).toBe('United States');
    expect(
      claimantOf(
        'КНДР перебросила в Россию 4 тысячи военных, сообщает Reuters со ссылкой на американских чиновников.',
        'ru',
      ),
    ).toBe('United States');
  });
});

describe('outlets under their own name', () => {
  it('reads native spellings of Ukrainian and Russian outlets', () => {
    expect(
      claimantOf(
        'Близько 2 тисяч північнокорейських військових загинули, передає Укрінформ.',
        'uk',
      ),
    ).toBe('Ukrinform');
    expect(
      claimantOf('Около 2 тысяч северокорейских военных погибли, сообщает РИА Новости.', 'ru'),
    ).toBe('RIA Novosti');
  });

  it('reads English names of outlets in any language', () => {
    expect(
      claimantOf(
        'Близько 2 тисяч північнокорейських військових загинули, пише The Telegraph.',
        'uk',
      ),
    ).toBe('The Telegraph');
  });

  it('reads "mitgeteilt" after a long title as the speaker\'s verb', () => {
    expect(
      claimantOf(
        'Der Sprecher des Nationalen Sicherheitsrats der USA, John Kirby, hatte am Montag vor der Presse mitgeteilt, dass Nordkorea über 2.000 Container mit Munition an Russland geliefert habe, berichtete ein Sender.',
        'de',
      ),
    ).toBe('John Kirby');
  });

  it('reads the German news agency', () => {
    expect(
      claimantOf(
        'Nordkorea hat 4.000 Soldaten nach Russland verlegt, meldete die Deutsche Presse-Agentur.',
        'de',
      ),
    ).toBe('dpa');
  });

  it('reads a channel by the name after its word for "channel"', () => {
    expect(
      claimantOf(
        'Nordkorea hat 4.000 Soldaten nach Russland verlegt, berichtet der Telegram-Kanal Frontbote.',
        'de',
      ),
    ).toBe('Frontbote');
    expect(
      claimantOf(
        'Как сообщил телеграм-канал «Северный ветер», около 2 тысяч северокорейских военных погибли.',
        'ru',
      ),
    ).toBe('Северный ветер');
  });
});

describe('a report relayed by an outlet', () => {
  it("stays its author's when a later paragraph speaks of the report", () => {
    const text = [
      'Das habe die Denkfabrik Institute for the Study of War (ISW) in einem Bericht geschrieben, meldete der Sender Radio Free Asia am Dienstag.',
      'Die Schätzung beruht auf Berichten, dass Nordkorea 2.000 Container nach Russland verschifft habe.',
    ].join('\n\n');
    expect(claimantOf(text, 'de')).toBe('Institute for the Study of War');
  });
});

describe('Korean outlets and officials', () => {
  it('credit the government whose officials an outlet cites', () => {
    expect(
      claimantOf('로이터통신은 미국 정부 관계자를 인용해 북한군 2천 명이 숨졌다고 보도했다.', 'ko'),
    ).toBe('United States');
    expect(claimantOf('우크라이나 당국에 따르면 북한군 2천 명이 숨졌다.', 'ko')).toBe('Ukraine');
  });

  it("read Seoul's unnamed government sources as South Korea", () => {
    expect(claimantOf('정부 소식통은 북한군 2천 명이 숨졌다고 전했다.', 'ko')).toBe('South Korea');
  });

  it('read outlets by the names the other languages give them', () => {
    expect(claimantOf('북한군 2천 명이 숨졌다고 일본 교도통신이 전했다.', 'ko')).toBe('Kyodo');
    expect(claimantOf('북한 전문매체 데일리NK는 북한군 2천 명이 숨졌다고 보도했다.', 'ko')).toBe(
      'Daily NK',
    );
  });

  it('credit the author of a report an outlet cites, not the outlet', () => {
    expect(
      claimantOf(
        '자유아시아방송(RFA)은 미국 전쟁연구소(ISW)가 발표한 보고서를 인용해 "북한이 러시아에 컨테이너 2천 개를 보냈다"고 보도했다.',
        'ko',
      ),
    ).toBe('Institute for the Study of War');
  });
});

describe('a loss told as two trades', () => {
  it('is one figure, counted as troops', () => {
    const text = [
      'Близько 1,8 тис. північнокорейців дістали поранення, повідомила розвідка Південної Кореї.',
      'Ще приблизно 1,8 тис. громадян КНДР, які воюють на боці Росії, поранено, стверджує агентство з посиланням на Національну розвідувальну службу Південної Кореї.',
    ].join('\n\n');
    const figures = read('uk', text);
    expect(figures.map((f) => [f.metric, f.unit, f.value])).toEqual([['wounded', 'troops', 1800]]);
  });
});

describe('more shapes of a source', () => {
  it('reads what a report shows ("следует из доклада", "випливає з доповіді", "geht … hervor")', () => {
    expect(
      claimantOf(
        'Около 2 тысяч северокорейских военных погибли, следует из доклада Института изучения войны.',
        'ru',
      ),
    ).toBe('Institute for the Study of War');
    expect(
      claimantOf(
        'Близько 2 тисяч північнокорейських військових загинули, випливає з доповіді Інституту вивчення війни.',
        'uk',
      ),
    ).toBe('Institute for the Study of War');
    expect(
      claimantOf(
        'Rund 2.000 nordkoreanische Soldaten sind getötet worden, geht aus einem Bericht des Instituts für Kriegsstudien hervor.',
        'de',
      ),
    ).toBe('Institute for the Study of War');
  });

  it('reads Western analysts, the capital in the locative and more outlets', () => {
    expect(
      claimantOf(
        'Около 2 тысяч северокорейских военных погибли, считают западные аналитики.',
        'ru',
      ),
    ).toBe('Western analysts');
    expect(
      claimantOf(
        'Близько 2 тисяч північнокорейських військових загинули, стверджують у Києві.',
        'uk',
      ),
    ).toBe('Ukraine');
    expect(
      claimantOf(
        'Як повідомляє "Європейська правда", близько 2 тисяч північнокорейських військових загинули.',
        'uk',
      ),
    ).toBe('European Pravda');
    expect(
      claimantOf(
        'Rund 2.000 nordkoreanische Soldaten sind getötet worden, berichtet der Spiegel.',
        'de',
      ),
    ).toBe('Der Spiegel');
  });
});

describe('German names and joint authorities', () => {
  it('reads a Korean name written without its hyphen', () => {
    expect(
      claimantOf(
        'Shin Wonsik sagte in einem Interview, dass Seoul mindestens 12.000 Container entdeckt habe, die Nordkorea nach Russland verschifft habe.',
        'de',
      ),
    ).toBe('Shin Won-sik');
  });

  it("reads several countries' authorities as one joint source", () => {
    expect(
      claimantOf(
        'Nach Angaben der US-amerikanischen, südkoreanischen und ukrainischen Behörden befinden sich bis zu 13.000 nordkoreanische Soldaten in Russland.',
        'de',
      ),
    ).toBe('U.S., South Korean and Ukrainian sources');
  });
});

describe("Ukraine's chief of the General Staff", () => {
  it('is the person the story names, in Russian and Ukrainian', () => {
    expect(
      claimantOf(
        'Россия привлекла около 15 тысяч работников из Северной Кореи, заявил начальник Генштаба ВСУ Андрей Гнатов.',
        'ru',
      ),
    ).toBe('Andriy Hnatov');
    expect(
      claimantOf(
        'Влада РФ залучила близько 15 тисяч працівників з КНДР, сказав очільник Генштабу ЗСУ Андрій Гнатов.',
        'uk',
      ),
    ).toBe('Andriy Hnatov');
  });
});

describe('researchers, analysts or experts the story does not name', () => {
  it('credit nobody, not a person named in an earlier paragraph', () => {
    const earlier = {
      uk: 'Вчора Путін приїхав до Пекіна.',
      ru: 'Вчера Путин приехал в Пекин.',
      de: 'Gestern reiste Putin nach Peking.',
    };
    expect(
      claimantOf(
        `${earlier.uk}\n\nДослідники підрахували, що Північна Корея відправила до Росії близько 15 тисяч солдатів.`,
        'uk',
      ),
    ).toBeNull();
    expect(
      claimantOf(
        `${earlier.ru}\n\nИсследователи подсчитали, что Северная Корея отправила в Россию около 15 тысяч солдат.`,
        'ru',
      ),
    ).toBeNull();
    expect(
      claimantOf(
        `${earlier.de}\n\nForscher haben berechnet, dass Nordkorea rund 15.000 Soldaten nach Russland geschickt hat.`,
        'de',
      ),
    ).toBeNull();
  });
});

describe("a country's intelligence under any of its words", () => {
  it('is that intelligence, before the adjective or after the genitive', () => {
    expect(
      claimantOf(
        'За оцінками розвідслужб Південної Кореї, Північна Корея направила близько 10 тисяч військових до Росії.',
        'uk',
      ),
    ).toBe('South Korean intelligence');
    expect(
      claimantOf(
        'По информации спецслужб Сеула, Пхеньян планирует отправить еще около 6 тысяч солдат.',
        'ru',
      ),
    ).toBe('South Korean intelligence');
    expect(
      claimantOf(
        'По данным южнокорейских спецслужб, Пхеньян планирует отправить еще около 6 тысяч солдат.',
        'ru',
      ),
    ).toBe('South Korean intelligence');
  });
});

describe('a German title before a name the table does not know', () => {
  it('names that person as the story writes them', () => {
    expect(
      claimantOf(
        'Nordkorea habe 12.000 Soldaten nach Russland geschickt, sagte Verteidigungsminister Boris Pistorius.',
        'de',
      ),
    ).toBe('Boris Pistorius');
    expect(
      claimantOf(
        'Der Nordkorea-Experte Rüdiger Frank sagte, Nordkorea habe 12.000 Soldaten nach Russland geschickt.',
        'de',
      ),
    ).toBe('Rüdiger Frank');
  });

  it('credits them only near where the story names them', () => {
    const text = [
      'Die Pioniere beginnen bald, kündigte der russische Vizeaußenminister Andrei Rudenko an.',
      'Weitere Einzelheiten nannte er nicht. Die Arbeiten dauern an. Die Lage bleibt ruhig.',
      'Der Winter kommt früh. Die Straßen sind vermint. Pjöngjang wird 1.000 Minenräumer nach Russland entsenden.',
    ].join(' ');
    expect(claimantOf(text, 'de')).toBeNull();
  });

  it('leaves names the table knows to the table', () => {
    expect(
      claimantOf(
        'Nordkorea hat 12.000 Soldaten nach Russland geschickt, sagte Präsident Wolodymyr Selenskyj.',
        'de',
      ),
    ).toBe('Volodymyr Zelensky');
  });
});

describe("the capital's military intelligence in German", () => {
  it('is the Main Intelligence Directorate', () => {
    expect(
      claimantOf(
        'Drei nordkoreanische Soldaten wurden verletzt, berichteten Quellen des Kiewer Militärgeheimdienstes.',
        'de',
      ),
    ).toBe('Ukraine Main Intelligence Directorate');
  });
});

describe('a Korean country named bare as the one who says it', () => {
  it('is the source, over the dateline of the agency that relays it', () => {
    expect(claimantOf('북한이 러시아에 병력 1만2천명을 보냈다고 미국이 밝혔다.', 'ko')).toBe(
      'United States',
    );
    expect(
      claimantOf(
        '(파리=연합뉴스) 특파원 = 러시아가 올 연말까지 북한 노동자 1만2천명을 유치할 계획이라고 우크라이나가 14일(현지시간) 밝혔다.',
        'ko',
      ),
    ).toBe('Ukraine');
  });
});

describe('"in his words" after a sentence that names a person', () => {
  it('is that person, though the sentence does not make them a source', () => {
    expect(
      claimantOf(
        'В церемонии в Пхеньяне 12 декабря участвовал Ким Чен Ын. По его словам, погибли девять военнослужащих.',
        'ru',
      ),
    ).toBe('Kim Jong Un');
    expect(
      claimantOf(
        'У церемонії в Пхеньяні 12 грудня взяв участь Кім Чен Ин. За його словами, загинули дев’ять військових КНДР.',
        'uk',
      ),
    ).toBe('Kim Jong Un');
  });
});

describe('an outlet after a sentence that names an actor, not a source', () => {
  it('stays the outlet: the actor relays nothing to it', () => {
    expect(
      claimantOf(
        'Entsprechend holt sich der Kreml nun Hilfe aus einem befreundeten Staat. Wie die "Kyiv Post" berichtet, sollen insgesamt 12.000 nordkoreanische Soldaten nach Jelabuga gebracht werden.',
        'de',
      ),
    ).toBe('Kyiv Post');
  });
});
