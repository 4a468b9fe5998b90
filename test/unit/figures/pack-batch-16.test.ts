import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import { brief, find, only, readerFor } from './pack-reading.ts';

// Pack rules from the natural errors of the 2026-12-16 batch (its dev half, read after its
// first run). Every sentence below is our own.

const read = readerFor('2025-09-01');

describe('German', () => {
  it('reads "die Zahl der Opfer … auf über N" as losses, not as the force', () => {
    const f = read(
      'de',
      'Laut dem südkoreanischen Geheimdienst beläuft sich die Zahl der Opfer unter den Nordkoreanern inzwischen auf über 4.000.',
    );
    expect(brief(f)).toEqual(['casualties/troops 4000']);
  });

  it('reads soldiers "auf dem Weg nach Kursk" as sent there', () => {
    const f = read('de', 'Bis zu 8.000 nordkoreanische Soldaten sind auf dem Weg nach Kursk.');
    expect(brief(f)).toEqual(['deployed/troops 8000']);
  });

  it('credits a South Korean lawmaker with the spy agency the story names', () => {
    const f = read(
      'de',
      'Rund 250 nordkoreanische Soldaten seien gefallen, sagte ein südkoreanischer Abgeordneter. Er berief sich auf eine Unterrichtung durch den Geheimdienst NIS.',
    );
    expect(only(f).claimant).toBe('South Korea National Intelligence Service');
  });

  it('credits the unnamed lawmaker when the story names no agency for him to relay', () => {
    const f = read(
      'de',
      'Rund 250 nordkoreanische Soldaten seien gefallen, sagte ein südkoreanischer Abgeordneter.',
    );
    expect(only(f).claimant).toBe('South Korean lawmaker');
  });

  it('credits the capital that said it, not the leader its "dass" clause names', () => {
    const f = read(
      'de',
      'Seoul hat behauptet, dass der nordkoreanische Machthaber Kim Jong Un mehr als 12.000 Soldaten nach Russland geschickt habe.',
    );
    expect(only(f).claimant).toBe('South Korea');
  });

  it('reads a count per day as a rate, not a figure', () => {
    const f = read(
      'de',
      'Die nordkoreanischen Einheiten verlieren täglich etwa 80 Soldaten. Insgesamt hat Pjöngjang 11.000 Soldaten geschickt.',
    );
    expect(brief(f)).toEqual(['deployed/troops 11000']);
  });
});

describe('Korean', () => {
  it('reads shells "각 컨테이너에" as what one container holds', () => {
    const f = read(
      'ko',
      '북한은 러시아에 컨테이너 2000개를 보냈고, 각 컨테이너에 200~400개의 포탄이 들어갈 수 있다.',
    );
    expect(brief(f)).toEqual(['supplied/containers 2000']);
  });

  it('reads shells used "하루에" as a rate, not a supply', () => {
    const f = read(
      'ko',
      '북한은 러시아에 포탄 300만 발을 보냈다. 러시아군은 하루에 약 2만 발의 포탄을 쏜다.',
    );
    expect(brief(f)).toEqual(['supplied/shells 3000000']);
  });

  it('reads a headline above a lead that names North Korea as about its soldiers', () => {
    const f = extractFigures(
      '전사자 80명 추모식 열려\n\n김정은 북한 국무위원장이 러시아 파병 중 숨진 장병들의 유가족을 만났다고 조선중앙통신이 보도했다.',
      { language: 'ko', published: '2025-09-01' },
    );
    expect(brief(f)).toEqual(['killed/troops 80']);
  });

  it('keeps workers named earlier in the sentence for a later count with no noun', () => {
    const f = read(
      'ko',
      '이 관계자는 “(새로 들어간 북한 노동자가) 확인된 것만 수백 명”이라며 “2000명이 넘을 수도 있다”고 말했다.',
    );
    expect(find(f, 2000).unit).toBe('workers');
  });
});

describe('Ukrainian and Russian', () => {
  it('reads soldiers who "продовжують перебувати" somewhere as being there', () => {
    const f = read(
      'uk',
      'Розвідка повідомила, що понад 9 000 солдатів із Північної Кореї продовжують перебувати на полігонах у Росії.',
    );
    expect(brief(f)).toEqual(['deployed/troops 9000']);
  });

  it('reads soldiers who "продолжают находиться" somewhere as being there', () => {
    const f = read(
      'ru',
      'Более 9 000 солдат из Северной Кореи продолжают находиться на полигонах в России.',
    );
    expect(brief(f)).toEqual(['deployed/troops 9000']);
  });
});

describe('one spelling for a lawmaker spelt many ways', () => {
  it.each([
    ['ko', '유용원 의원은 북한이 2000명을 추가 파병했다고 밝혔다.'],
    ['de', 'Der Abgeordnete Yoo Yon-won sagte, Nordkorea habe weitere 2.000 Soldaten geschickt.'],
    ['uk', 'Депутат Ю Йон Вон заявив, що КНДР відправила до Росії ще 2 тисячі військових.'],
  ])('%s', (language, body) => {
    expect(find(read(language, body), 2000).claimant).toBe('Yu Yong-weon');
  });
});

describe('pieces of artillery', () => {
  it('Ukrainian: "N одиниць … артилерії" counts guns', () => {
    const f = read('uk', 'КНДР передала Росії 150 одиниць далекобійної артилерії.');
    expect(brief(f)).toEqual(['supplied/artillery 150']);
  });

  it('Russian: "N единиц … артиллерии" counts guns', () => {
    const f = read('ru', 'КНДР передала России 150 единиц дальнобойной артиллерии.');
    expect(brief(f)).toEqual(['supplied/artillery 150']);
  });

  it('millions "of artillery" are rounds, not guns', () => {
    const f = read('uk', 'КНДР могла передати Росії приблизно 3,5 млн артилерії.');
    expect(brief(f)).toEqual(['supplied/shells 3500000']);
  });
});

describe('the total an addition joins', () => {
  it('Russian: "в дополнение к N" is the earlier total, not an increment', () => {
    const f = read(
      'ru',
      'Северная Корея отправит еще 20 тысяч солдат. Войска прибудут в дополнение к 12 тысячам, отправленным осенью.',
    );
    expect(brief(f)).toEqual(['deployed/troops 20000 +', 'deployed/troops 12000']);
  });

  it('Ukrainian: "на додаток до N" is the earlier total, not an increment', () => {
    const f = read(
      'uk',
      'КНДР відправить ще 20 тисяч солдатів. Вони прибудуть на додаток до 12 тисяч військових, відправлених восени.',
    );
    expect(brief(f)).toEqual(['deployed/troops 20000 +', 'deployed/troops 12000']);
  });
});

describe('German whom and what', () => {
  it('reads "Sappeure" (with two p) as deminers', () => {
    const f = read('de', 'Kim Jong Un hat beschlossen, 1.000 Sappeure nach Russland zu schicken.');
    expect(brief(f)).toEqual(['deployed/deminers 1000']);
  });

  it('takes nobody spoken to ("gegenüber einem südkoreanischen Produzenten") for the source', () => {
    const f = read(
      'de',
      'Zwei nordkoreanische Soldaten, die von der Ukraine gefangen genommen wurden, erklärten gegenüber einem südkoreanischen Produzenten, dass sie nach Südkorea wollen.',
    );
    expect(only(f).claimant).toBeNull();
  });
});

describe('a day', () => {
  it('Korean: "하루 만에" (in a single day) is one day’s toll, not a rate', () => {
    const f = read('ko', '북한군 사상자가 하루 만에 1000명을 넘었다고 국정원이 밝혔다.');
    expect(brief(f)).toEqual(['casualties/troops 1000']);
  });
});

describe('a stock', () => {
  it('Korean: rounds "left" in a stock (남아 있다) were not sent; soldiers left there count', () => {
    expect(
      brief(
        read(
          'ko',
          '북한은 러시아에 포탄 200만 발을 보냈다. 러시아에 아직 300만 발의 포탄이 남아 있기에 버틸 수 있다.',
        ),
      ),
    ).toEqual(['supplied/shells 2000000']);
    expect(
      brief(read('ko', '북한군 9000명이 여전히 쿠르스크에 남아 있다고 국정원이 밝혔다.')),
    ).toEqual(['deployed/troops 9000']);
  });
});
