import { describe, expect, it } from 'vitest';
import { readerFor } from './pack-reading.ts';

// Pack rules of session 19, from the dev half of batch 2027-01-17. Every sentence below is our own.

const read = readerFor('2025-01-15');

describe('Ukrainian', () => {
  it('takes "the diplomat" for the person who spoke last, not an outlet named between', () => {
    const figures = read(
      'uk',
      [
        "В інтерв'ю радіостанції посол Пономаренко повідомив, що в штабі служать п'ять генералів.",
        'Агентство Yonhap зазначає, що цю інформацію ще не перевірено.',
        'Український дипломат також повідомив, що бригада КНДР у Курській області налічує 900 військовослужбовців.',
      ].join('\n\n'),
    );
    const troops = figures.find((f) => f.value === 900);
    expect(troops?.metric).toBe('deployed');
    expect(troops?.claimant).toBe('Dmytro Ponomarenko');
  });
});

describe('Russian', () => {
  it('takes "the diplomat" for the person who spoke last, not an outlet named between', () => {
    const figures = read(
      'ru',
      [
        'В интервью радиостанции посол Пономаренко сообщил, что в штабе служат пять генералов.',
        'Агентство Yonhap отмечает, что эту информацию ещё не проверили.',
        'Украинский дипломат также сообщил, что бригада КНДР в Курской области насчитывает 900 военнослужащих.',
      ].join('\n\n'),
    );
    const troops = figures.find((f) => f.value === 900);
    expect(troops?.metric).toBe('deployed');
    expect(troops?.claimant).toBe('Dmytro Ponomarenko');
  });
});

describe('Korean', () => {
  it('credits the person an outlet reports as saying the numbers, not the outlet', () => {
    const figures = read(
      'ko',
      '지난 5일 우크린폼은 젤렌스키 대통령이 방송에 출연해 "북한이 1만 1000명을 보냈고 4000명이 죽거나 다쳤다"고 말했다고 보도했다.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['deployed', 11000, 'Volodymyr Zelensky'],
      ['casualties', 4000, 'Volodymyr Zelensky'],
    ]);
  });

  it('knows the Global Defense Corporation and RBC-Ukraine by their Korean names', () => {
    const figures = read(
      'ko',
      'RBC 우크라이나 언론은 군사 매체 ‘글로벌 디펜스 코퍼레이션’을 인용해 “공습으로 북한군 400명이 사망했다”고 보도했다.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['killed', 400, 'Global Defense Corporation'],
    ]);
  });
});
