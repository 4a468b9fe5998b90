import { describe, expect, it } from 'vitest';
import { brief, readerFor } from './pack-reading.ts';

// Pack rules from the natural errors of the dev split, read in session 15. Every sentence below
// is our own.

const read = readerFor('2025-10-01');

describe('Ukrainian and Russian', () => {
  it('reads a breakdown after a dash ("8 тисяч – звичайні війська, 1 тисяча – інженерні")', () => {
    const uk = read(
      'uk',
      'Заголовок\n\nЗа даними розвідки Південної Кореї, у Курській області зараз воюють близько 9 тисяч північнокорейських військових. 8 тисяч – це звичайні війська, 1 тисяча – інженерні.',
    );
    expect(brief(uk)).toEqual([
      'deployed/troops 9000',
      'deployed/troops 8000',
      'deployed/deminers 1000',
    ]);
    const ru = read(
      'ru',
      'Заголовок\n\nПо данным разведки Южной Кореи, в Курской области сейчас воюют около 9 тысяч северокорейских военных. 8 тысяч – обычные войска, 1 тысяча – инженерные.',
    );
    expect(brief(ru)).toEqual([
      'deployed/troops 9000',
      'deployed/troops 8000',
      'deployed/deminers 1000',
    ]);
  });
});
