import { describe, expect, it } from 'vitest';
import { find, readerFor, shown } from './pack-reading.ts';

// Every sentence below is our own, written for these tests: constructions that German, Russian
// and Ukrainian news use, found while reading the 2026-12-09 dev batch (names are invented).

const read = readerFor('2025-03-10');

describe('joint sources before a noun of sources', () => {
  it('reads nationality adjectives joined before "Quellen", "источников", "джерел" as one source', () => {
    const de = read(
      'de',
      'Im Hafen von Tumen wurde gefeiert. Südkoreanischen, japanischen und westlichen Quellen zufolge hat Nordkorea bislang etwa 8.000 Soldaten nach Russland verlegt.',
    );
    expect(find(de, 8000).claimant).toMatch(/South Korean, Japanese and Western sources/);
    const ru = read(
      'ru',
      'По данным южнокорейских и украинских источников, КНДР отправила в Россию около 7 тысяч военных.',
    );
    expect(find(ru, 7000).claimant).toMatch(/South Korean and Ukrainian sources/);
    const uk = read(
      'uk',
      'За даними південнокорейських і західних джерел, КНДР направила до Росії близько 6 тисяч військових.',
    );
    expect(find(uk, 6000).claimant).toMatch(/South Korean and Western sources/);
  });
});

describe('a source preposition whose source the reader does not know', () => {
  it('takes no source from an earlier sentence ("за даними" + unknown source)', () => {
    const f = read(
      'uk',
      'Фото оприлюднило агентство KCNA.\n\nЗа даними аналітиків одного з інститутів, КНДР направила до Росії близько 9 тисяч військових.',
    );
    expect(find(f, 9000).claimant).toBeNull();
    const g = read(
      'de',
      'Das Foto veröffentlichte die Agentur KCNA.\n\nLaut Fachleuten eines Instituts in Brenndorf hat Nordkorea etwa 9.000 Soldaten nach Russland geschickt.',
    );
    expect(find(g, 9000).claimant).toBeNull();
  });

  it('reads a bare noun after the preposition ("за даними військових") as the source before', () => {
    const f = read(
      'uk',
      'Об’єднаний комітет начальників штабів Південної Кореї повідомив, що КНДР відправила до Росії 2 тисячі військових. Разом із ними, за даними військових, прибула тисяча саперів.',
    );
    expect(find(f, 1000).claimant).toBe('South Korea Joint Chiefs of Staff');
  });

  it('still credits a known source after the preposition', () => {
    const f = read(
      'ru',
      'По данным Главного управления разведки, КНДР отправила в Россию около 4 тысяч военных.',
    );
    expect(find(f, 4000).claimant).not.toBeNull();
  });
});

describe('a sentence that goes on from the one before', () => {
  it('reads the subject of "Demnach …" as the actor, not the source', () => {
    const f = read(
      'de',
      'Das britische Verteidigungsministerium veröffentlichte am Montag eine neue Lageeinschätzung. Demnach hat Machthaber Kim Jong Un eine Truppe von 3500 Mann für den Einsatz in Russland aufgestellt.',
    );
    expect(find(f, 3500)).toMatchObject({
      metric: 'deployed',
      claimant: 'UK Ministry of Defence',
    });
  });
});

describe('killed or wounded with an auxiliary before the joining word', () => {
  it('reads "gefallen sind oder verwundet wurden" as casualties', () => {
    const f = read(
      'de',
      'Der ukrainische Generalstab schätzt, dass 2500 nordkoreanische Soldaten gefallen sind oder verwundet wurden.',
    );
    const x = find(f, 2500);
    expect(x.metric, shown(f)).toBe('casualties');
    expect(f.filter((y) => y.value === 2500)).toHaveLength(1);
  });
});

describe('people counted as sent or at work', () => {
  it('reads citizens a state sends as workers', () => {
    const ru = read(
      'ru',
      'КНДР может направить в Россию около 12 тысяч граждан для работы на заводах.',
    );
    expect(find(ru, 12000)).toMatchObject({ metric: 'deployed', unit: 'workers' });
    const uk = read(
      'uk',
      'КНДР може направити до Росії близько 12 тисяч громадян для роботи на заводах.',
    );
    expect(find(uk, 12000)).toMatchObject({ metric: 'deployed', unit: 'workers' });
  });

  it('reads builders rebuilding a region as deployed', () => {
    const ru = read(
      'ru',
      'Белгородскую область будут восстанавливать 3 тысячи северокорейских военных строителей.',
    );
    expect(find(ru, 3000)).toMatchObject({ metric: 'deployed', unit: 'workers' });
    const uk = read(
      'uk',
      'Бєлгородщину відбудовуватимуть 3 тисячі північнокорейських військових будівельників.',
    );
    expect(find(uk, 3000)).toMatchObject({ metric: 'deployed', unit: 'workers' });
  });
});

describe('a capture of wounded soldiers', () => {
  it('reads "захватила двух раненых солдат" as captured only', () => {
    const ru = read(
      'ru',
      'Армия Украины захватила трёх раненых северокорейских солдат под Суджей, сообщил Генштаб.',
    );
    expect(ru.map((x) => [x.metric, x.value])).toEqual([['captured', 3]]);
    const uk = read('uk', 'Сили оборони захопили трьох поранених північнокорейських солдатів.');
    expect(uk.map((x) => [x.metric, x.value])).toEqual([['captured', 3]]);
  });
});

describe('a link to another story', () => {
  it('lends no source from "Читайте также:" and "Lesen Sie auch:" headlines', () => {
    const ru = read(
      'ru',
      'Читайте также: Путин наградил северокорейских офицеров\n\n"Более 6 тысяч северокорейских солдат было отправлено в Россию. Они учатся воевать", - сказал министр обороны одной из стран.',
    );
    expect(find(ru, 6000).claimant).toBeNull();
    const de = read(
      'de',
      'Lesen Sie auch: Selenskyj besucht die Front\n\n"Mehr als 6.000 nordkoreanische Soldaten wurden nach Russland geschickt. Sie lernen den Drohnenkrieg", sagte ein Minister aus Asien.',
    );
    expect(find(de, 6000).claimant).toBeNull();
  });
});

describe('the source over the outlet that relays it', () => {
  it('keeps the body that confirms a count over the agency that first carried it', () => {
    const f = read(
      'ru',
      'Двое солдат КНДР находятся в плену в Украине, пишет агентство AFP.\n\nНапомним, Национальная разведывательная служба Южной Кореи подтвердила, что в плен попали двое северокорейских солдат.',
    );
    expect(f.filter((x) => x.value === 2)).toHaveLength(1);
    expect(find(f, 2)).toMatchObject({
      metric: 'captured',
      claimant: 'South Korea National Intelligence Service',
    });
  });
});

describe('"написала", "написали" credit their subject', () => {
  it('credits a body that wrote in its report', () => {
    const f = read(
      'uk',
      'Водночас Національна розвідувальна служба Південної Кореї написала у своєму звіті, що КНДР відправить до Росії ще 7 тисяч робітників.',
    );
    expect(find(f, 7000)).toMatchObject({
      unit: 'workers',
      claimant: 'South Korea National Intelligence Service',
    });
  });
});

describe('a source that opens a later clause', () => {
  it('credits the numbers after "…, и, по оценкам X, …", not the number before', () => {
    const f = read(
      'ru',
      'Агентство Yonhap сообщает, что КНДР отправила в Россию около 9 тысяч военных, и, по оценкам украинской разведки, около 700 из них были убиты.',
    );
    expect(find(f, 9000).claimant).toBe('Yonhap');
    expect(find(f, 700)).toMatchObject({ metric: 'killed', claimant: 'Ukrainian intelligence' });
  });

  it('keeps a trailing source phrase for the whole sentence', () => {
    const f = read(
      'ru',
      'КНДР отправила в Россию около 9 тысяч военных, по данным украинской разведки.',
    );
    expect(find(f, 9000).claimant).toBe('Ukrainian intelligence');
  });
});

describe('a clause set off by commas between the counted noun and its number', () => {
  it('reads "Число убитых и раненых солдат, воюющих …, превысило N" as casualties', () => {
    const ru = read(
      'ru',
      'Число убитых и раненых северокорейских солдат, воюющих на стороне России под Суджей, превысило 4 тысячи.',
    );
    expect(find(ru, 4000).metric).toBe('casualties');
    const uk = read(
      'uk',
      'Кількість убитих і поранених північнокорейських солдатів, які воюють на боці Росії під Суджею, перевищила 4 тисячі.',
    );
    expect(find(uk, 4000).metric).toBe('casualties');
    const de = read(
      'de',
      'Die Zahl der getöteten und verwundeten nordkoreanischen Soldaten, die bei Sudscha kämpfen, liegt bei 4000.',
    );
    expect(find(de, 4000).metric).toBe('casualties');
  });
});

describe('German compounds count what their last part names', () => {
  it('reads "Containerschiffe" as ships and "Raketenwerfersysteme" as launchers', () => {
    const f = read(
      'de',
      'Nordkorea hat 40 Mehrfachraketenwerfersysteme an Russland geliefert. Drei Containerschiffe brachten die Ladung nach Wostok.',
    );
    expect(find(f, 40)).toMatchObject({ metric: 'supplied', unit: 'rocket_launchers' });
    expect(
      f.find((x) => x.value === 3),
      shown(f),
    ).toBeUndefined();
  });
});

describe('parts of a total and headings', () => {
  it('reads "aus einer Gesamtzahl von N Soldaten" as the whole deployed', () => {
    const f = read(
      'de',
      'Nach Angaben des südkoreanischen Geheimdienstes gab es rund 500 Tote aus einer Gesamtzahl von etwa 12.000 nordkoreanischen Soldaten.',
    );
    expect(find(f, 500).metric).toBe('killed');
    expect(find(f, 12000).metric).toBe('deployed');
  });

  it('reads the verb after the number over a heading word before a colon', () => {
    const f = read('de', 'Hohe Verluste: 400 nordkoreanische Soldaten bei Sudscha getötet.');
    expect(find(f, 400).metric).toBe('killed');
  });
});

describe('"Aus dem Bericht des X geht hervor, dass …"', () => {
  it('credits the author of what a report shows', () => {
    const f = read(
      'de',
      'Aus den Recherchen der Agentur Reuters geht hervor, dass Nordkorea etwa 2,5 Millionen Granaten an Russland geliefert hat.',
    );
    expect(find(f, 2500000)).toMatchObject({ metric: 'supplied', claimant: 'Reuters' });
  });
});

describe('people readied, present or to be drawn in', () => {
  it('reads "готовит/готує N солдат из КНДР", "присутні N" and "залучити N" as deployed', () => {
    const ru = read('ru', 'Россия готовит на Дальнем Востоке около 8 тысяч солдат из КНДР.');
    expect(find(ru, 8000).metric).toBe('deployed');
    const uk = read('uk', 'Росія готує на Далекому Сході близько 8 тисяч солдатів із КНДР.');
    expect(find(uk, 8000).metric).toBe('deployed');
    const here = read(
      'uk',
      'Північнокорейські війська вже у Брянській області. Там присутні 7 тис. військових КНДР.',
    );
    expect(find(here, 7000).metric).toBe('deployed');
    const drawn = read('uk', 'Росія хоче залучити 9 тисяч працівників з КНДР.');
    expect(find(drawn, 9000)).toMatchObject({ metric: 'deployed', unit: 'workers' });
  });

  it('reads no figure in a question whether a number is true', () => {
    const uk = read(
      'uk',
      'Журналісти запитали речника, чи правда, що Пхеньян готує ще 40 тисяч солдатів для війни.',
    );
    expect(
      uk.find((x) => x.value === 40000),
      shown(uk),
    ).toBeUndefined();
    const ru = read(
      'ru',
      'Журналисты спросили представителя, правда ли, что Пхеньян готовит ещё 40 тысяч солдат.',
    );
    expect(
      ru.find((x) => x.value === 40000),
      shown(ru),
    ).toBeUndefined();
  });
});
