import { describe, expect, it } from 'vitest';
import { find, readerFor, shown } from './pack-reading.ts';

// Every sentence below is our own, written for these tests: constructions that German and
// Korean news use, found while reading the 2026-12-12 dev batch (names and places invented
// where the rule does not need a real one).

const read = readerFor('2025-06-20');

describe('German: a compound names what its last part names', () => {
  it('reads a model name joined by a hyphen to the noun as that noun', () => {
    const de = read(
      'de',
      'Laut Kiew hat Nordkorea 40 Koksan-Haubitzen und 12 Mehrfachraketenwerfer an Russland geliefert.',
    );
    expect(find(de, 40)).toMatchObject({ metric: 'supplied', unit: 'artillery' });
    expect(find(de, 12)).toMatchObject({ metric: 'supplied', unit: 'rocket_launchers' });
  });

  it('still reads a count with no noun after its model name as no figure', () => {
    const de = read('de', 'Nordkorea feuerte am Dienstag 3 Hwasong-Tests ab, sagte Seoul.');
    expect(de, shown(de)).toHaveLength(0);
  });
});

describe('German: a relative clause that cites its source', () => {
  it('credits the source the outlet relies on, not the outlet', () => {
    const de = read(
      'de',
      'Nach Angaben der Zeitung Morgenblatt, die sich auf den ukrainischen Militärgeheimdienst beruft, hat Nordkorea 30 Koksan-Geschütze an Russland geliefert.',
    );
    expect(find(de, 30)).toMatchObject({
      unit: 'artillery',
      claimant: 'Ukraine Main Intelligence Directorate',
    });
  });
});

describe('German: being somewhere in its other forms', () => {
  it('reads "sich aufhalten" and "befänden sich" as a presence', () => {
    const soon = read(
      'de',
      'Nach Einschätzung von Präsident Wolodymyr Selenskyj werden sich bald 9.000 nordkoreanische Soldaten auf russischem Gebiet aufhalten.',
    );
    expect(find(soon, 9000)).toMatchObject({
      metric: 'deployed',
      unit: 'troops',
      claimant: 'Volodymyr Zelensky',
    });
    const already = read(
      'de',
      'Rund 2.500 nordkoreanische Soldaten befänden sich bereits in der Region Kursk, sagte Selenskyj.',
    );
    expect(find(already, 2500)).toMatchObject({ metric: 'deployed', qualifier: 'about' });
  });
});

describe('Korean: a trade before the general noun of forces', () => {
  it('reads "공병 병력" as deminers and plain "병력" as troops', () => {
    const ko = read(
      'ko',
      '러시아 측에 따르면 북한은 지뢰 제거를 위해 공병 병력 1200명을 보내기로 했고, 별도로 병력 8천 명을 파견했다.',
    );
    expect(find(ko, 1200)).toMatchObject({ metric: 'deployed', unit: 'deminers' });
    expect(find(ko, 8000)).toMatchObject({ metric: 'deployed', unit: 'troops' });
  });
});

describe('Ukrainian and Russian: the armed forces and the North’s own units', () => {
  it('credits a headline closed by "ЗСУ" or "ВСУ" to the General Staff', () => {
    const uk = read('uk', 'Росія готує 7 тисяч військових КНДР на Далекому Сході - ЗСУ');
    expect(find(uk, 7000)).toMatchObject({ metric: 'deployed', claimant: 'Ukraine General Staff' });
    const ru = read('ru', 'Россия готовит 7 тысяч военных КНДР на Дальнем Востоке - ВСУ');
    expect(find(ru, 7000)).toMatchObject({ metric: 'deployed', claimant: 'Ukraine General Staff' });
  });

  it('reads a body named with the North’s army after it as no source', () => {
    const ru = read(
      'ru',
      'Три бойца Сил специальных операций Корейской народной армии попали в плен под Суджей в марте.',
    );
    expect(find(ru, 3)).toMatchObject({ metric: 'captured', claimant: null });
    const cited = read(
      'ru',
      'По данным Сил специальных операций, три северокорейских солдата попали в плен под Суджей.',
    );
    expect(find(cited, 3).claimant).toBe('Ukraine Special Operations Forces');
  });
});

describe('Russian: a date after a dash', () => {
  it('reads "4- 22.02.2025" as no range', () => {
    const ru = read(
      'ru',
      'Пленные северокорейские военные дали интервью\n4- 22.02.2025, 19:05\n\nОни рассказали о боях под Курском.',
    );
    expect(ru, shown(ru)).toHaveLength(0);
    const range = read('ru', 'В Курскую область прибыли от 10 до 12 тыс. военных КНДР.');
    expect(find(range, 10000)).toMatchObject({ valueHigh: 12000, qualifier: 'range' });
  });
});

describe('Russia’s losses of a day', () => {
  it('reads the General Staff’s daily tally as no figure, and keeps a story’s own count', () => {
    const uk = read(
      'uk',
      '52 артсистеми і 1240 військових: втрати армії РФ за добу. Тим часом КНДР відправила до Росії ще 3 тисячі військових.',
    );
    expect(uk.map((f) => f.value)).toEqual([3000]);
    const ru = read(
      'ru',
      'Россия теряет около 1100 военных в сутки, а КНДР уже отправила в Курскую область 11 тысяч солдат.',
    );
    expect(ru.map((f) => f.value)).toEqual([11000]);
    const kursk = read(
      'ru',
      'В боях за Курскую область вместе с северокорейскими военными Россия потеряла 900 военных.',
    );
    expect(find(kursk, 900)).toMatchObject({ metric: 'casualties', side: 'RU' });
  });
});

describe('Korean: an outlet left unnamed', () => {
  it('gives no source to a figure "according to a news outlet", nor the line before’s', () => {
    const ko = read(
      'ko',
      '국방부는 북한이 병력 2000명을 보냈다고 밝혔다. 한 언론사에 따르면 북한은 복구를 위해 공병 800명을 보낼 계획이다.',
    );
    expect(find(ko, 2000).claimant).toBe('South Korea Ministry of National Defense');
    expect(find(ko, 800)).toMatchObject({ unit: 'deminers', claimant: null });
  });
});

describe('a person’s pronoun beside a verb of saying', () => {
  it('credits "sagte er weiter" and "заявил он" to the person, not the agency that relayed', () => {
    const de = read(
      'de',
      'Nach Einschätzung von Präsident Selenskyj werden bald 9.000 nordkoreanische Soldaten in Russland sein. Das sagte er in Oslo, wie die Nachrichtenagentur AFP meldete. Etwa 4.000 nordkoreanische Soldaten befänden sich bereits in Russland, sagte er weiter.',
    );
    expect(find(de, 4000).claimant).toBe('Volodymyr Zelensky');
    const ru = read(
      'ru',
      'По оценке Зеленского, скоро в России будут 9 тысяч северокорейских военных. Об этом он сказал в Осло, сообщило агентство Reuters. В Россию уже прибыли около 4 тысяч северокорейских военных, заявил он.',
    );
    expect(find(ru, 4000).claimant).toBe('Volodymyr Zelensky');
  });
});

describe('Korean: an outlet that relays a speaker', () => {
  it('credits the speaker named after "<outlet>에 따르면", titled with several words', () => {
    const ko = read(
      'ko',
      '연합뉴스에 따르면, 팻 라이더 미국 국방부 대변인은 "현재 쿠르스크 지역에 최소 7천 명의 북한군이 있다"며 "러시아에 있는 북한군의 총 병력은 약 8천 명에 가까울 수 있다고 생각한다"고 말했다.',
    );
    expect(find(ko, 7000)).toMatchObject({ metric: 'deployed', claimant: 'Patrick Ryder' });
    expect(find(ko, 8000).claimant).toBe('Patrick Ryder');
  });
});

describe('an impersonal report and the war’s whole toll (2026-12-13 batch)', () => {
  it('gives no source to "Сообщается, что Ким …": the leader acts, nobody is named', () => {
    const ru = read(
      'ru',
      'Шойгу посетил Пхеньян. Сообщается, что Ким Чен Ын решил отправить в Курскую область 800 саперов.',
    );
    expect(find(ru, 800)).toMatchObject({ unit: 'deminers', claimant: null });
  });

  it('reads a toll of 100,000 and more as the war’s, not the North’s', () => {
    const de = read(
      'de',
      'Im Krieg sind nach Schätzungen weit mehr als 150.000 Soldaten gefallen, darunter etwa 700 nordkoreanische Soldaten.',
    );
    expect(de.map((f) => [f.value, f.metric])).toEqual([[700, 'killed']]);
  });
});

describe('photo credits and Russia as the Korean topic (2026-12-13 batch)', () => {
  it('reads "러시아는 … 밝혔습니다" as Russia, and a photo credit after it as no source', () => {
    const ko = read(
      'ko',
      '이후 러시아는 북한이 공병 병력 900명을 추가로 파병하기로 했다고 밝혔습니다.(사진=AP, 연합뉴스)',
    );
    expect(find(ko, 900)).toMatchObject({ unit: 'deminers', claimant: 'Russia' });
  });

  it('knows the Kyiv Post as an outlet', () => {
    const de = read(
      'de',
      'Wie die "Kyiv Post" berichtet, sollen insgesamt 9.000 nordkoreanische Soldaten nach Tatarstan gebracht werden.',
    );
    expect(find(de, 9000).claimant).toBe('Kyiv Post');
  });
});

describe('Korean: presence said inside a quotation', () => {
  it('reads "…북한군이 있다"고 말했다" as a deployment, with straight or curly quotes', () => {
    for (const q of ['"', '”']) {
      const open = q === '"' ? '"' : '“';
      const ko = read(
        'ko',
        `라이더 대변인은 ${open}쿠르스크 지역에 최소 6천 명의 북한군이 있다${q}고 말했다.`,
      );
      expect(find(ko, 6000)).toMatchObject({ metric: 'deployed', qualifier: 'at_least' });
    }
  });
});
