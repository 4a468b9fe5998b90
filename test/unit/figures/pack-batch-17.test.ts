import { describe, expect, it } from 'vitest';
import { brief, only, readerFor } from './pack-reading.ts';

// Pack rules from the natural errors of the 2026-12-17 batch (its dev half, read after its
// first run). Every sentence below is our own.

const read = readerFor('2025-12-20');

describe('numbers that are no count', () => {
  it('Ukrainian: a year in the locative ("у 2024 році") is a date', () => {
    const f = read(
      'uk',
      'КНДР відправляла у 2023 році своїх громадян на будівництва по всій Росії.',
    );
    expect(brief(f)).toEqual([]);
  });

  it('Ukrainian: "на п’яти військових полігонах" counts places, not soldiers', () => {
    const f = read('uk', 'Солдатів із КНДР готують на п’яти військових полігонах на сході Росії.');
    expect(brief(f)).toEqual([]);
  });
});

describe('the dead, as a leader speaks of them', () => {
  it('Russian: soldiers who "вернуться не удалось" are killed', () => {
    const f = read(
      'ru',
      'Ким Чен Ын приветствовал саперов. Он добавил, что семи солдатам вернуться не удалось.',
    );
    expect(only(f)).toMatchObject({ metric: 'killed', value: 7, claimant: 'Kim Jong Un' });
  });

  it('Ukrainian: "дев’ятьом солдатам повернутися не вдалося" are nine killed', () => {
    const f = read('uk', 'Кім Чен Ин сказав, що дев’ятьом солдатам повернутися не вдалося.');
    expect(brief(f)).toEqual(['killed/troops 9']);
  });

  it('Korean: the victims in all ("총 피해자") that include the dead are losses', () => {
    const f = read('ko', '북한군의 총 피해자는 전사자 500명을 포함해 총 4000명으로 추정된다.');
    expect(brief(f)).toEqual(['killed/troops 500', 'casualties/troops 4000']);
  });
});

describe('sources', () => {
  it.each([
    ['ru', 'По сведениям украинских властей, в Россию перебросили 11 тысяч военных КНДР.'],
    ['uk', 'За даними української влади, до Росії перекинули 11 тисяч військових КНДР.'],
    [
      'de',
      'Nach Angaben der ukrainischen Behörden wurden 11.000 nordkoreanische Soldaten nach Russland verlegt.',
    ],
  ])('%s: the country’s authorities are the country', (language, body) => {
    expect(only(read(language, body)).claimant).toBe('Ukraine');
  });

  it('Korean: "국방정보당국" is South Korean military intelligence', () => {
    const f = read('ko', '한국 국방정보당국은 북한이 러시아에 포탄 1000만 발을 지원했다고 밝혔다.');
    expect(only(f).claimant).toBe('South Korean military intelligence');
  });
});

describe('builders', () => {
  it('Korean: soldiers "belonging to" a construction brigade are workers', () => {
    const f = read('ko', '북한 건설여단 소속 군인 800여 명이 러시아 복구 현장에 파견됐다.');
    expect(brief(f)).toEqual(['deployed/workers 800']);
  });
});

describe('German spellings', () => {
  it('reads the sanctions monitors by their German name', () => {
    const f = read(
      'de',
      'Laut der Multilateralen Sanktionsüberwachungsgruppe wurden über 9.000 nordkoreanische Soldaten nach Russland verlegt.',
    );
    expect(only(f).claimant).toBe('Multilateral Sanctions Monitoring Team');
  });

  it("reads Seoul's defence minister as his ministry", () => {
    const f = read(
      'de',
      'Nordkorea soll 2000 Soldaten nach Russland geschickt haben, sagt Südkoreas Verteidigungsminister.',
    );
    expect(only(f).claimant).toBe('South Korea Ministry of National Defense');
  });
});

describe('a ceiling', () => {
  it.each([
    ['ru', 'Россия получила от КНДР не более 40 баллистических ракет.'],
    ['uk', 'Росія отримала від КНДР не більше 40 балістичних ракет.'],
    ['de', 'Nordkorea hat Russland nicht mehr als 40 ballistische Raketen geliefert.'],
  ])('%s: "no more than N" is up to N', (language, body) => {
    expect(only(read(language, body)).qualifier).toBe('up_to');
  });
});

describe('Ukrainian: an unnamed South Korean lawmaker', () => {
  it('relays the spy agency the story names, past the outlet that cites him', () => {
    const f = read(
      'uk',
      'КНДР надала Росії понад 2 мільйони снарядів, проінформувала владу в Сеулі розвідка — «Bloomberg» із посиланням на південнокорейського депутата.',
    );
    expect(only(f).claimant).toBe('South Korea National Intelligence Service');
  });

  it('is the source when no agency is named', () => {
    const f = read(
      'uk',
      'Південнокорейський депутат заявив, що КНДР відправила до Росії ще 2 тисячі військових.',
    );
    expect(only(f).claimant).toBe('South Korean lawmaker');
  });
});

describe('German: "laut dem Bericht"', () => {
  it("is the report's author named last, not the countries that published it", () => {
    const f = read(
      'de',
      'Elf Länder, darunter die USA und Großbritannien, veröffentlichten den Bericht der Multilateralen Sanktionsüberwachungsgruppe (MSMT). Laut dem Bericht hat Nordkorea über 18.000 Container an Russland geliefert.',
    );
    expect(only(f).claimant).toBe('Multilateral Sanctions Monitoring Team');
  });
});
