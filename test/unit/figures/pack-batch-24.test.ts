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
