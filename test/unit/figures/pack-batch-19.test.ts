import { describe, expect, it } from 'vitest';
import { brief, readerFor } from './pack-reading.ts';

// Pack rules from the natural errors of the dev split, read in session 14. Every sentence below
// is our own.

const read = readerFor('2025-10-01');

describe('Ukrainian', () => {
  it('reads people who "знаходиться" (are, singular after a number) somewhere as deployed', () => {
    const f = read('uk', 'Зараз у Бєлгородській області знаходиться близько 9 тисяч вояків КНДР.');
    expect(brief(f)).toEqual(['deployed/troops 9000']);
  });
});
