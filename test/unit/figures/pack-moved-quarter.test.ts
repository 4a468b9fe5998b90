import { describe, expect, it } from 'vitest';
import { brief, find, readerFor } from './pack-reading.ts';

// Pack rules from the errors of the quarter of the blind split moved to dev on 2026-12-06 (ids
// beginning 6 and 7, unread until then). Every sentence below is our own.

const read = readerFor('2025-06-10');

describe('German words', () => {
  it('hyphenated deminers and soldiers of building units', () => {
    const f = read(
      'de',
      'Pjöngjang will 2.000 Minen-Entschärfer und 4.000 Soldaten aus Baueinheiten in die Region Kursk schicken.',
    );
    expect(brief(f)).toEqual(['deployed/deminers 2000', 'deployed/workers 4000']);
  });

  it('people at work on the Russian side are deployed', () => {
    const f = read(
      'de',
      '2.000 nordkoreanische Minenräumer werden künftig auf russischer Seite arbeiten.',
    );
    expect(brief(f)).toEqual(['deployed/deminers 2000']);
  });

  it('"den Tod von … Soldaten" counts the dead', () => {
    const f = read(
      'de',
      'Pjöngjang hat erstmals den Tod von mehr als 200 Soldaten bei einer Zeremonie eingeräumt.',
    );
    expect(brief(f)).toEqual(['killed/troops 200']);
  });

  it('an outlet\'s own findings ("nach einer Recherche der …") are the outlet\'s', () => {
    const f = read(
      'de',
      'Nordkorea hat nach einer Recherche der Nachrichtenagentur Reuters rund 17.000 Container nach Russland geliefert.',
    );
    expect(find(f, 17000)).toMatchObject({ metric: 'supplied', claimant: 'Reuters' });
  });

  it('a year after a season is a date', () => {
    const f = read('de', 'Seit Herbst 2024 kämpfen nordkoreanische Soldaten in der Region Kursk.');
    expect(brief(f)).toEqual([]);
  });
});

describe('names the table did not know', () => {
  it("Ukrainian: Kyslytsya, and 'за його словами' after him", () => {
    const f = read(
      'uk',
      'Постпред України в ООН Сергій Кислиця виступив у Радбезі. За його словами, у Росії навчаються до 13 тисяч військових з КНДР.',
    );
    expect(find(f, 13000)).toMatchObject({ claimant: 'Serhiy Kyslytsya' });
  });

  it('Russian: "Шойга" is Shoigu, and a lawmaker spelled "Ли Сон Квен" relays the NIS', () => {
    expect(
      find(
        read(
          'ru',
          'После встречи Шойга заявил, что КНДР направит в Россию тысячу саперов для разминирования.',
        ),
        1000,
      ),
    ).toMatchObject({ claimant: 'Sergei Shoigu' });
    expect(
      find(
        read(
          'ru',
          'По словам депутата Ли Сон Квена, в боях погибли около 700 северокорейских военных, сообщил он после брифинга разведки, пишет Reuters.',
        ),
        700,
      ),
    ).toMatchObject({ claimant: 'South Korea National Intelligence Service' });
  });
});

describe('reading a number in its story', () => {
  it('German: "rund 2000 von ihnen" is a hedged part of the soldiers named before, no year', () => {
    const f = read(
      'de',
      'Nordkorea räumte im April ein, Soldaten nach Russland geschickt zu haben. Nach Angaben des südkoreanischen Geheimdienstes wurden rund 2000 von ihnen getötet.',
    );
    expect(find(f, 2000)).toMatchObject({
      metric: 'killed',
      claimant: 'South Korea National Intelligence Service',
    });
  });

  it('German: a toll "auf über 3.000 geschätzt" counts the losses named before it', () => {
    const f = read(
      'de',
      'Der Geheimdienst hat die Zahl der Gefallenen und Verwundeten unter den nordkoreanischen Truppen auf über 3.500 geschätzt.',
    );
    expect(brief(f)).toEqual(['casualties/troops 3500']);
  });

  it('German and Ukrainian: a count per container is a capacity, not a supply', () => {
    expect(
      brief(
        read(
          'de',
          'Nordkorea soll 2.000 Container nach Russland verschifft haben, wobei in jedem Container 200 bis 400 Granaten sein könnten.',
        ),
      ),
    ).toEqual(['supplied/containers 2000']);
    expect(
      brief(
        read(
          'uk',
          'КНДР передала Росії 2000 контейнерів, у кожному контейнері може бути 250 снарядів.',
        ),
      ),
    ).toEqual(['supplied/containers 2000']);
  });

  it('Ukrainian: containers North Korea received are not its supply', () => {
    const f = read(
      'uk',
      'За оцінками розвідки, Пхеньян, ймовірно, отримав понад 8 тисяч контейнерів допомоги від Москви.',
    );
    expect(brief(f)).toEqual([]);
  });

  it('Ukrainian: a line near the top says whom the story comes from, for figures after it', () => {
    const f = read(
      'uk',
      "КНДР продовжує допомагати Росії у війні.\n\nПро це повідомляє 24 Канал із посиланням на інтерв'ю керівника ГУР Кирила Буданова.\n\nСкільки військових може перекинути КНДР?\n\nПівнічна Корея планує перекинути до Росії приблизно 7 тисяч військовослужбовців.",
    );
    expect(find(f, 7000)).toMatchObject({ metric: 'deployed', claimant: 'Kyrylo Budanov' });
  });

  it('Russian: "объяснил депутат" is the lawmaker who last spoke, not the outlet between', () => {
    const f = read(
      'ru',
      'По словам депутата Ли Сон Квена, погибли около 700 северокорейских военных, сообщил он после брифинга разведки. Более 4000 военных получили ранения, пишет Reuters.\nВсего Пхеньян направил в Россию 19 000 солдат, объяснил депутат.',
    );
    expect(find(f, 19000)).toMatchObject({ claimant: 'South Korea National Intelligence Service' });
  });

  it('Ukrainian: a number of deliveries is no count of people', () => {
    expect(
      brief(read('uk', 'Із серпня зафіксовано близько 12 поставок зброї з КНДР до Росії.')),
    ).toEqual([]);
  });

  it("Korean: a count North Korea disclosed itself, quoted by the NIS, is North Korea's", () => {
    const f = read(
      'ko',
      '국정원은 "북한이 표창 수여식에서 공개한 전사자는 400명 정도지만 실제로는 더 많다"고 밝혔다.',
    );
    expect(find(f, 400)).toMatchObject({ metric: 'killed', claimant: 'North Korea' });
    expect(find(f, 400).increment).toBeUndefined();
  });

  it('German: "Die Agentur" is the body named last, not the president who spoke before', () => {
    const f = read(
      'de',
      'Selenskyj sagte, mehr als 3.000 nordkoreanische Soldaten seien getötet oder verwundet worden. Die von Selenskyj genannte Zahl übersteigt die Zahl, die der südkoreanische Geheimdienst angegeben hatte. Die Agentur schätzte, dass mindestens 200 nordkoreanische Soldaten getötet wurden.',
    );
    expect(find(f, 200)).toMatchObject({
      metric: 'killed',
      claimant: 'South Korea National Intelligence Service',
    });
  });

  it('Ukrainian and Russian: soldiers who went home ("повернулося", "вернулось") are not deployed', () => {
    expect(
      brief(read('uk', 'За даними розвідки, близько 1,2 тис. військових КНДР повернулося додому.')),
    ).toEqual([]);
    expect(
      brief(read('ru', 'По данным разведки, около 1,2 тыс. военных КНДР вернулось на родину.')),
    ).toEqual([]);
  });

  it('Ukrainian: a minister who spoke beats an outlet cited by the outlet that relays him', () => {
    const f = read(
      'uk',
      'Північна Корея відправила в Росію близько 8 тисяч контейнерів з боєприпасами.\nПро це заявив міністр оборони Південної Кореї Шин Вон Сік, повідомляє РБК-Україна з посиланням на Sky News.',
    );
    expect(find(f, 8000)).toMatchObject({ claimant: 'Shin Won-sik' });
    const g = read(
      'uk',
      'КНДР відправила в Росію близько 8 тисяч контейнерів, повідомляє РБК-Україна з посиланням на Sky News.',
    );
    expect(find(g, 8000)).toMatchObject({ claimant: 'Sky News' });
  });

  it('German: "nach Angaben aus Kiew und Seoul" is one joint source', () => {
    const f = read(
      'de',
      'Die Ukraine hat nach Angaben aus Kiew und Seoul drei nordkoreanische Soldaten gefangen genommen.',
    );
    expect(find(f, 3)).toMatchObject({ metric: 'captured', claimant: 'Kyiv and Seoul' });
  });
});
