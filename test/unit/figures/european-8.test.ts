import { describe, expect, it } from 'vitest';
import { find, readerFor, shown } from './pack-reading.ts';

// Every sentence below is our own, written for these tests: constructions that German, Russian
// and Ukrainian news use, found while reading the 2026-12-10 dev batch (names are invented).

const read = readerFor('2025-11-10');

describe('the engineer arm and the work people are put to', () => {
  it('reads soldiers of the engineer arm as deminers', () => {
    const de = read(
      'de',
      'Nach Angaben des Geheimdienstes sind rund 8.000 nordkoreanische Kampftruppen und 700 Ingenieursoldaten in der Region Brjansk stationiert.',
    );
    expect(find(de, 700)).toMatchObject({ metric: 'deployed', unit: 'deminers' });
    expect(find(de, 8000).unit).toBe('troops');
    const uk = read(
      'uk',
      'Водночас близько 700 військовослужбовців інженерних підрозділів КНДР уже прибули до Росії.',
    );
    expect(find(uk, 700)).toMatchObject({ metric: 'deployed', unit: 'deminers' });
    const ru = read(
      'ru',
      'При этом около 700 военнослужащих инженерных подразделений КНДР уже прибыли в Россию.',
    );
    expect(find(ru, 700)).toMatchObject({ metric: 'deployed', unit: 'deminers' });
  });

  it('reads what the clause says they do before the arm they belong to', () => {
    const ru = read(
      'ru',
      'В Россию должны прибыть около 4 тысяч солдат инженерных войск КНДР – их задействуют в восстановлении разрушенных мостов.',
    );
    expect(find(ru, 4000)).toMatchObject({ metric: 'deployed', unit: 'workers' });
    const uk = read(
      'uk',
      'Ще 4 тисячі північнокорейців будуть залучені до відбудови доріг на окупованих територіях.',
    );
    expect(find(uk, 4000)).toMatchObject({ metric: 'deployed', unit: 'workers' });
  });
});

describe('plain soldiers sent for rebuilding', () => {
  it('keeps "N тысяч военных для восстановления" as troops', () => {
    const ru = read(
      'ru',
      'Около 8 тысяч военнослужащих КНДР прибудут в Россию для восстановления разрушенных сёл.',
    );
    expect(find(ru, 8000)).toMatchObject({ metric: 'deployed', unit: 'troops' });
    const uk = read(
      'uk',
      'Близько 8 тисяч військовослужбовців КНДР прибудуть до Росії для відбудови зруйнованих сіл.',
    );
    expect(find(uk, 8000)).toMatchObject({ metric: 'deployed', unit: 'troops' });
  });
});

describe('two losses joined for one count', () => {
  it('reads "verletzt oder vermisst" and "поранені або зникли" as casualties', () => {
    const de = read(
      'de',
      'Laut dem Bericht geht es um über fünftausend nordkoreanische Soldaten, die bei Gluschkowo verletzt oder vermisst wurden.',
    );
    const x = find(de, 5000);
    expect(x.metric, shown(de)).toBe('casualties');
    expect(de.filter((y) => y.value === 5000)).toHaveLength(1);
    const uk = read(
      'uk',
      'За даними розвідки, 5 тисяч північнокорейських військових були поранені або зникли безвісти.',
    );
    expect(find(uk, 5000).metric, shown(uk)).toBe('casualties');
  });

  it('keeps two counts apart when each loss has its own number', () => {
    const de = read(
      'de',
      'Bei den Kämpfen wurden 300 nordkoreanische Soldaten verletzt und 40 vermisst.',
    );
    expect(find(de, 300).metric).toBe('wounded');
  });
});

describe('a line that is only a number', () => {
  it('reads a page counter under the headline as no figure', () => {
    const ru = read(
      'ru',
      'КНДР отправила в Россию еще 3000 военных\n\n2,417\n\nРазведка Южной Кореи сообщила подробности.',
    );
    expect(
      ru.find((x) => x.value === 2417),
      shown(ru),
    ).toBeUndefined();
    expect(find(ru, 3000).metric).toBe('deployed');
  });
});

describe('a body with its ministry in the genitive', () => {
  it('credits the intelligence directorate, not its ministry', () => {
    const ru = read(
      'ru',
      'Главное управление разведки Министерства обороны Украины сообщило, что Россия хочет привлечь до 9 тысяч северокорейских рабочих.',
    );
    expect(find(ru, 9000).claimant).toBe('Ukraine Main Intelligence Directorate');
    const uk = read(
      'uk',
      'Головне управління розвідки Міністерства оборони України повідомило, що Росія хоче залучити до 9 тисяч північнокорейських робітників.',
    );
    expect(find(uk, 9000).claimant).toBe('Ukraine Main Intelligence Directorate');
  });
});

describe('an agency of intelligence named with its country', () => {
  it('credits the intelligence an outlet cites as "розвідувальна агенція" or "разведывательное ведомство"', () => {
    const uk = read(
      'uk',
      'Близько 900 північнокорейських військових загинули на боці РФ. Про це повідомляє видання Daehan Ilbo із посиланням на оцінки розвідувальної агенції Південної Кореї.',
    );
    expect(find(uk, 900).claimant).toBe('South Korean intelligence');
    const ru = read(
      'ru',
      'Около 900 северокорейских военных погибли на стороне РФ. Об этом сообщает издание Daehan Ilbo со ссылкой на оценки разведывательного ведомства Южной Кореи.',
    );
    expect(find(ru, 900).claimant).toBe('South Korean intelligence');
  });
});

describe('a possessive name before a noun of forces', () => {
  it('reads "Putins Truppen" as the owner of the troops, not a source', () => {
    const de = read(
      'de',
      'Aus den Auswertungen der Agentur Reuters geht hervor, dass Nordkorea etwa 4,2 Millionen Granaten an Russland geliefert hat. Bei Granaten sind Putins Truppen an der Front inzwischen fast ganz auf Pjöngjang angewiesen.',
    );
    expect(find(de, 4200000)).toMatchObject({ metric: 'supplied', claimant: 'Reuters' });
  });

  it('still credits a name that says something', () => {
    const de = read(
      'de',
      'Selenskyj sagte am Montag, Nordkorea habe weitere 2.000 Soldaten nach Russland geschickt.',
    );
    expect(find(de, 2000).claimant).toBe('Volodymyr Zelensky');
  });
});

describe("a country's authorities", () => {
  it('reads "американские власти", "американська влада" as the United States', () => {
    const ru = read(
      'ru',
      'Госдеп США выступил с заявлением.\n\nНедавно американские власти утверждали о 2 тысячах северокорейских военных в России.',
    );
    expect(find(ru, 2000).claimant).toBe('United States');
    const uk = read(
      'uk',
      'Держдеп США виступив із заявою.\n\nНещодавно американська влада стверджувала, що в Росії перебувають 2 тисячі північнокорейських військових.',
    );
    expect(find(uk, 2000).claimant).toBe('United States');
  });
});

describe('a count that goes on from the sentence before', () => {
  it('reads "soll die Zahl auf N steigen" as the deployment rising', () => {
    const de = read(
      'de',
      'Nach Angaben aus Seoul sind rund 2.000 nordkoreanische Soldaten in Russland eingetroffen. Bis zum Frühjahr soll die Zahl auf 7.000 steigen.',
    );
    expect(find(de, 7000)).toMatchObject({ metric: 'deployed', unit: 'troops' });
  });

  it('reads "За його словами, йдеться про N" as the people the sentence before was about', () => {
    const uk = read(
      'uk',
      'Зеленський розповів, скільки північнокорейських солдатів нині перебувають на території Росії. За його словами, йдеться про 7 тисяч.',
    );
    expect(find(uk, 7000)).toMatchObject({
      metric: 'deployed',
      claimant: 'Volodymyr Zelensky',
    });
  });
});

describe('"Уточнялось, что …" gives the detail of the sentence before', () => {
  it('reads its numbers with the sending said just before', () => {
    const ru = read(
      'ru',
      'Агентство Daehan со ссылкой на данные разведки Южной Кореи сообщило, что КНДР начала переброску в Россию тысяч военнослужащих. Уточнялось, что четыре тысячи солдат инженерных войск займутся восстановлением дорог. Еще тысяча военных КНДР будет специализироваться на разминировании.',
    );
    expect(find(ru, 4000)).toMatchObject({ metric: 'deployed', unit: 'workers' });
    expect(find(ru, 1000)).toMatchObject({ metric: 'deployed', unit: 'deminers' });
    const uk = read(
      'uk',
      'Розвідка Південної Кореї повідомила, що КНДР почала перекидання до Росії тисяч військовослужбовців. Уточнюється, що чотири тисячі північнокорейців будуть залучені до відбудови доріг.',
    );
    expect(find(uk, 4000)).toMatchObject({ metric: 'deployed', unit: 'workers' });
  });
});

describe("Russia's whole-war tolls", () => {
  it('leaves out Russian losses of 100,000 and more, as English does', () => {
    const ru = read(
      'ru',
      'КНДР отправила в Курскую область около 11 тысяч военных. Россия с начала войны потеряла более 700 тысяч военных, утверждают в Киеве.',
    );
    expect(ru.map((f) => f.value)).toEqual([11000]);
  });

  it('reads Russia as the side that lost when Russia is the subject of losing', () => {
    const ru = read('ru', 'КНДР отправила войска в Курскую область. Россия потеряла 1200 военных.');
    expect(find(ru, 1200).side).toBe('RU');
    const uk = read('uk', 'КНДР відправила війська. Росія втратила 1200 військових.');
    expect(find(uk, 1200).side).toBe('RU');
  });
});
