import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumber } from '../../../shared/figures/numbers.ts';

describe('parseNumber', () => {
  it.each([
    ['3,000', 3000],
    ['1,100,000', 1_100_000],
    ['11 000', 11_000],
    ['11\u2009000', 11_000],
    ['4\u202f000', 4000],
    ['11\u00a0000', 11_000],
    ['three thousand', 3000],
    ['twelve thousand five hundred', 12_500],
    ['one hundred and fifty', 150],
    ['forty-five', 45],
    ['a dozen', 12],
    ['two dozen', 24],
    ['a thousand', 1000],
    ['another thousand', 1000],
    ['half a million', 500_000],
    ['12 million', 12_000_000],
    ['1.5 million', 1_500_000],
    ['12k', 12_000],
    ['12K', 12_000],
    ['3 thousand', 3000],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ value, qualifier: 'exact' });
  });

  it.each([
    ['10,000 to 12,000', 10_000, 12_000],
    ['10,000-12,000', 10_000, 12_000],
    ['10,000–12,000', 10_000, 12_000],
    ['between 10,000 and 12,000', 10_000, 12_000],
    ['from 10,000 to 12,000', 10_000, 12_000],
    ['10 to 12 thousand', 10_000, 12_000],
    ['10-12,000', 10_000, 12_000],
    ['two or three', 2, 3],
  ])('reads the range %s', (text, value, valueHigh) => {
    expect(parseNumber(text)).toEqual({ value, valueHigh, qualifier: 'range' });
  });

  it.each([
    ['rose from 300 to 1,000', 1000, 'exact'],
    ['increased from 300 to more than 1,000', 1000, 'more_than'],
    ['had risen from about 11,000 to 14,000', 14_000, 'exact'],
  ] as const)('reads the change %s as its new value', (text, value, qualifier) => {
    expect(parseNumber(text)).toEqual({ value, qualifier });
  });

  it.each([
    ['around 1,100', 'about'],
    ['roughly 100', 'about'],
    ['approximately 12,000', 'about'],
    ['an estimated 12,000', 'about'],
    ['some 3,000', 'about'],
    ['about 7,000', 'about'],
    ['approx. 10,000', 'about'],
    ['at least 1,100', 'at_least'],
    ['no fewer than 1,100', 'at_least'],
    ['3,000 or more', 'at_least'],
    ['more than 3,000', 'more_than'],
    ['over 3,000', 'more_than'],
    ['exceeds 3,000', 'more_than'],
    ['has surpassed 3,000', 'more_than'],
    ['3,000-plus', 'more_than'],
    ['up to 12,000', 'up_to'],
    ['nearly 12,000', 'up_to'],
    ['almost 500', 'up_to'],
    ['as many as 10,000', 'up_to'],
    ['less than 100', 'less_than'],
    ['fewer than 500', 'less_than'],
  ] as const)('maps the hedge in %s to %s', (text, qualifier) => {
    expect(parseNumber(text)?.qualifier).toBe(qualifier);
  });

  it.each([
    'thousands of troops',
    'several thousand',
    'tens of thousands',
    'dozens of',
    'hundreds of soldiers',
    'a few thousand',
    '',
  ])('finds no number in the vague %j', (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe('findNumbers', () => {
  it('marks the earlier value of a change', () => {
    const found = findNumbers('The toll rose to 3,000, up from 1,100 last week.');
    expect(found.map((m) => [m.value, m.previous])).toEqual([
      [3000, false],
      [1100, true],
    ]);
  });

  it('flags "another" and "more"', () => {
    const [another] = findNumbers('another thousand wounded');
    expect(another!.another).toBe(true);
    const [more] = findNumbers('three more went missing');
    expect(more!.more).toBe(true);
    expect(more!.qualifier).toBe('exact');
  });

  it('does not glue a space-separated count to a calibre', () => {
    expect(findNumbers('20 240mm rocket launchers').map((m) => m.value)).toEqual([20, 240]);
  });

  it('gives offsets of the number itself', () => {
    const text = 'more than 3,000 soldiers';
    const [m] = findNumbers(text);
    expect(text.slice(m!.start, m!.end)).toBe('3,000');
  });
});
