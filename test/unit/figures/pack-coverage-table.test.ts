import { describe, expect, it } from 'vitest';
import { find, readerFor } from './pack-reading.ts';

// Every pack names the shared table's people and bodies the way its news writes them, so a
// source a story names is never lost only because its language spells it differently. The
// sentences are our own, written for these tests.

const read = readerFor('2025-02-20');

describe('claimants of the shared table in each pack', () => {
  it('German: a spokesman of Ukraine’s military intelligence in German spelling', () => {
    const f = read(
      'de',
      'Rund 2.000 nordkoreanische Soldaten seien bislang getötet worden, sagte Andrij Jussow am Mittwoch.',
    );
    expect(find(f, 2000)).toMatchObject({ metric: 'killed', claimant: 'Andriy Yusov' });
  });

  it('German: a Seoul think tank by its German name', () => {
    const f = read(
      'de',
      'Nach Einschätzung des Instituts für nationale Sicherheitsstrategie hat Nordkorea etwa 15.000 Soldaten nach Russland geschickt.',
    );
    expect(find(f, 15000)).toMatchObject({
      metric: 'deployed',
      claimant: 'Institute for National Security Strategy',
    });
  });

  it('Korean: the deputy chief of Ukraine’s intelligence by his Korean spelling', () => {
    const f = read('ko', '스키비츠키 부국장은 러시아에 파견된 북한군이 약 1만1천명이라고 밝혔다.');
    expect(find(f, 11000)).toMatchObject({ metric: 'deployed', claimant: 'Vadym Skibitskyi' });
  });

  it('Russian: a State Department spokesman written in Cyrillic', () => {
    const f = read(
      'ru',
      'По словам Мэттью Миллера, в Курскую область прибыли не менее 8 тыс. северокорейских военных.',
    );
    expect(find(f, 8000)).toMatchObject({ metric: 'deployed', claimant: 'Matthew Miller' });
  });

  it('Ukrainian: the United Kingdom as a source', () => {
    const f = read(
      'uk',
      'Велика Британія оцінює, що КНДР передала Росії близько 100 балістичних ракет.',
    );
    expect(find(f, 100)).toMatchObject({ metric: 'supplied', claimant: 'United Kingdom' });
  });
});
