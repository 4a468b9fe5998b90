import { describe, expect, it } from 'vitest';
import { brief, only, readerFor } from './pack-reading.ts';

// Pack rules from the natural errors of the dev split, read in session 14. Every sentence below
// is our own.

const read = readerFor('2025-10-01');

describe('Ukrainian', () => {
  it('reads people who "знаходиться" (are, singular after a number) somewhere as deployed', () => {
    const f = read('uk', 'Зараз у Бєлгородській області знаходиться близько 9 тисяч вояків КНДР.');
    expect(brief(f)).toEqual(['deployed/troops 9000']);
  });
});

describe('Ukrainian and Russian', () => {
  it('credits the country that "has information" (володіють інформацією, располагают данными)', () => {
    const uk = read(
      'uk',
      'Заголовок\n\nСполучені Штати володіють інформацією, що КНДР відвантажила Росії понад 2 тисячі контейнерів зі снарядами.',
    );
    expect(only(uk).claimant).toBe('United States');
    const ru = read(
      'ru',
      'Заголовок\n\nМинобороны Южной Кореи располагает данными о переброске в Россию около 3 тысяч военных КНДР.',
    );
    expect(only(ru).claimant).toBe('South Korea Ministry of National Defense');
  });

  it('credits a post of the HUR to its holder when the story names him, else the HUR', () => {
    const named = read(
      'ru',
      'Заголовок\n\nЗаместитель начальника ГУР Вадим Скибицкий выступил на брифинге.\n\nПо словам заместителя начальника ГУР, в Курскую область прибудут ещё 2 тысячи военных КНДР.',
    );
    expect(only(named).claimant).toBe('Vadym Skibitskyi');
    const chief = read(
      'uk',
      'Заголовок\n\nКирило Буданов дав інтерв’ю.\n\nЗа словами заступника начальника ГУР, у Курську перебувають 8 тисяч військових КНДР.',
    );
    // The deputy's post is not the chief's, though its words contain his.
    expect(only(chief).claimant).toBe('Ukraine Main Intelligence Directorate');
    const chiefNamed = read(
      'uk',
      'Заголовок\n\nКирило Буданов дав інтерв’ю.\n\nЗа словами начальника ГУР, у Курську перебувають 8 тисяч військових КНДР.',
    );
    expect(only(chiefNamed).claimant).toBe('Kyrylo Budanov');
    const unnamed = read(
      'uk',
      'Заголовок\n\nЗа словами начальника ГУР, у Курську перебувають 8 тисяч військових КНДР.',
    );
    expect(only(unnamed).claimant).toBe('Ukraine Main Intelligence Directorate');
  });

  it('reads Washington as the United States', () => {
    const f = read(
      'ru',
      'Заголовок\n\nВ Вашингтоне заявили, что в Курской области находятся 7 тысяч военных КНДР.',
    );
    expect(only(f).claimant).toBe('United States');
  });
});

describe('Korean', () => {
  it("gives a line that goes on judging what the line before said that line's source", () => {
    const f = read(
      'ko',
      '제목\n\n국방정보본부는 보고서에 북한이 러시아에 포탄 500만 발을 보냈다고 적었다. 올해도 컨테이너 3천 개 분량을 보낸 것으로 봤다. 자주포 150문 이상도 러시아로 넘어갔다고 판단했다.\n\n한편 러시아는 이를 부인했다.',
    );
    expect(f.map((x) => [x.value, x.claimant])).toEqual([
      [5000000, 'South Korean military intelligence'],
      [3000, 'South Korean military intelligence'],
      [150, 'South Korean military intelligence'],
    ]);
  });

  it('names people by the work they are put to right after their count', () => {
    const f = read(
      'ko',
      '제목\n\n국정원은 북한이 병력을 보냈다고 밝혔다. 추가로 파병된 800여 명은 지뢰 제거 작업에 투입됐다.',
    );
    expect(brief(f)).toEqual(['deployed/deminers 800 +']);
  });

  it('names people sent to a production complex, with no noun of their own, workers', () => {
    const f = read('ko', '제목\n\n러시아 미사일 생산 단지에 북한 청년 5천여 명이 파견됐다.');
    expect(brief(f)).toEqual(['deployed/workers 5000']);
  });
});

describe('German', () => {
  it('reads soldiers "in Kursk" or who went "in Stellung" as deployed', () => {
    expect(brief(read('de', 'Kiew: 8.000 nordkoreanische Soldaten in Kursk'))).toEqual([
      'deployed/troops 8000',
    ]);
    expect(
      brief(read('de', 'Dort sind inzwischen 4.000 Soldaten aus Nordkorea in Stellung gegangen.')),
    ).toEqual(['deployed/troops 4000']);
  });

  it('gives the items of a list the source of the sentence above them', () => {
    const f = read(
      'de',
      'Titel\n\nNordkorea hat Russland 2 Millionen Granaten geliefert, sagte Verteidigungsminister Shin Won-sik.\n\n• Nordkorea hat etwa 4100 Container nach Russland geliefert.',
    );
    expect(f.map((x) => [x.value, x.claimant])).toEqual([
      [2000000, 'Shin Won-sik'],
      [4100, 'Shin Won-sik'],
    ]);
  });

  it('reads workers Russia means to recruit from North Korea as deployed', () => {
    const f = read('de', 'Moskau will in diesem Jahr 9.000 Arbeiter aus Nordkorea rekrutieren.');
    expect(brief(f)).toEqual(['deployed/workers 9000']);
  });
});

describe('the dead a memorial counts', () => {
  it("are North Korea's own count when the story names no source", () => {
    const de = read(
      'de',
      'Titel\n\nAn der Gedenkwand in Pjöngjang hingen die Porträts von 87 nordkoreanischen Soldaten, die in Kursk gefallen waren.',
    );
    expect(only(de).claimant).toBe('North Korea');
    const ru = read(
      'ru',
      'Заголовок\n\nВ зале повесили портреты 87 северокорейских военных, погибших в Курской области.',
    );
    expect(only(ru).claimant).toBe('North Korea');
    const ko = read(
      'ko',
      '제목\n\n추모의 벽에는 쿠르스크에서 전사한 북한군 87명의 초상화가 걸렸다.',
    );
    expect(only(ko).claimant).toBe('North Korea');
  });

  it('are killed, not deployed, when the memorial word governs the count', () => {
    const uk = read('uk', 'Заголовок\n\nУ залі поставили стелу з фотографіями 87 бійців КНДР.');
    expect(brief(uk)).toEqual(['killed/troops 87']);
    // A memorial named elsewhere in the line leaves the count of those who fought alone.
    const ko = read('ko', '제목\n\n북한 매체, 전사자 추모…"군인 9천 명 넘게 참전"');
    expect(brief(ko)).toEqual(['deployed/troops 9000']);
  });

  it('keep a source the story names', () => {
    const f = read(
      'ru',
      'Заголовок\n\nПо данным южнокорейской разведки, портреты 87 погибших северокорейских военных показали на церемонии.',
    );
    expect(only(f).claimant).toBe('South Korean intelligence');
  });
});
