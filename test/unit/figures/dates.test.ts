import { describe, expect, it } from 'vitest';
import { dateSpansOf, findDates, resolveAsOf } from '../../../shared/figures/dates.ts';

describe('findDates', () => {
  it('reads a day range as start/end', () => {
    expect(findDates('on December 14-15, units lost', { published: '2024-12-23' })[0]?.iso).toBe(
      '2024-12-14/2024-12-15',
    );
  });

  it('resolves weekdays against the publication date', () => {
    expect(findDates('he said on Monday', { published: '2024-12-25' })[0]?.iso).toBe('2024-12-23');
    expect(findDates('last Thursday', { published: '2025-01-23' })[0]?.iso).toBe('2025-01-16');
    expect(findDates('said yesterday', { published: '2025-01-23' })[0]?.iso).toBe('2025-01-22');
  });

  it('puts a month without a year in the past of the story', () => {
    expect(findDates('In October, it said', { published: '2025-04-02' })[0]?.iso).toBe('2024-10');
    expect(findDates('told reporters on Dec. 19', { published: '2025-01-05' })[0]?.iso).toBe(
      '2024-12-19',
    );
  });

  it('reads "since" as a period to the publication date', () => {
    expect(findDates('since August 2023', { published: '2024-11-20' })[0]?.iso).toBe(
      '2023-08/2024-11-20',
    );
  });

  it('ignores numbers chrono would read as times', () => {
    expect(findDates('between 10,000 to 12,000 troops', { published: '2024-12-23' })).toEqual([]);
    expect(findDates('at 1,100 individuals', { published: '2024-12-23' })).toEqual([]);
  });

  it('needs a publication date for relative dates', () => {
    expect(findDates('on Monday')).toEqual([]);
    expect(findDates('on Feb. 16, 2019')[0]?.iso).toBe('2019-02-16');
  });
});

describe('resolveAsOf', () => {
  it('picks the date nearest the number', () => {
    const s = 'On Dec. 14 it began; on Dec. 19 he said 100 were killed.';
    expect(resolveAsOf(s, s.indexOf('100'), { published: '2024-12-23' })).toBe('2024-12-19');
  });
});

describe('dateSpansOf', () => {
  it('finds calendar dates whose numbers are never figures', () => {
    expect(dateSpansOf('on Dec. 23, December 14-15, 16 February 2019 and in October 2024')).toEqual(
      ['Dec. 23', 'December 14-15', '16 February 2019', 'October 2024'],
    );
  });

  it('does not take the verb "may" for May', () => {
    expect(dateSpansOf('North Korea may 3 times')).toEqual([]);
  });
});
