import { describe, expect, it } from 'vitest';
import { only, readerFor } from './pack-reading.ts';

// Pack rules from the natural errors of the dev split, read in session 16. Every sentence below
// is our own.

const read = readerFor('2025-10-01');

describe('Ukrainian and Russian sources', () => {
  it('credits an outlet named after a long description of it ("південнокорейське інформаційне агентство Yonhap")', () => {
    const uk = only(
      read(
        'uk',
        'Близько 500 військових КНДР загинули під Курськом. Про це 2 лютого повідомляє південнокорейське інформаційне агентство Yonhap.',
      ),
    );
    expect(uk.claimant).toBe('Yonhap');
    const ru = only(
      read(
        'ru',
        'Около 500 военных КНДР погибли под Курском. Об этом 2 февраля сообщает южнокорейское информационное агентство Yonhap.',
      ),
    );
    expect(ru.claimant).toBe('Yonhap');
  });

  it('does not credit the outlet a source spoke to, past a long description of the source', () => {
    const uk = only(
      read(
        'uk',
        'Росія готує понад 8 тисяч солдатів КНДР, повідомило джерело в українській розвідці агентству Інтерфакс-Україна.',
      ),
    );
    expect(uk.claimant ?? 'nobody').not.toMatch(/Interfax/u);
  });
});
