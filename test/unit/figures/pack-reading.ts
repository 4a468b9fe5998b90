/**
 * What the language-pack tests share: reading an invented story in one language, and finding
 * the figure with a value, with every figure shown when it is missing.
 */
import { expect } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import type { Figure } from '../../../shared/types.ts';

/** A reader of story bodies (under a stock title) published on `published`. */
export const readerFor =
  (published: string, title = 'Titel') =>
  (language: string, body: string): Figure[] =>
    extractFigures(`${title}\n\n${body}`, { language, published });

/** The figures as "metric/unit value[-high][ +]" (+ for an increment), for compact assertions. */
export const brief = (figures: Figure[]): string[] =>
  figures.map(
    (f) =>
      `${f.metric}/${f.unit} ${f.value}${f.valueHigh ? `-${f.valueHigh}` : ''}${f.increment ? ' +' : ''}`,
  );

/** The only figure read; fails the test, showing all figures, when there is not exactly one. */
export const only = (figures: Figure[]): Figure => {
  expect(figures, JSON.stringify(brief(figures))).toHaveLength(1);
  return figures[0]!;
};

/** The figures as [metric, unit, value, claimant], for failure messages. */
export const shown = (figures: Figure[]): string =>
  JSON.stringify(figures.map((x) => [x.metric, x.unit, x.value, x.claimant]));

/** The figure with `value`; fails the test, showing all figures, when there is none. */
export const find = (figures: Figure[], value: number): Figure => {
  const f = figures.find((x) => x.value === value);
  expect(f, shown(figures)).toBeDefined();
  return f!;
};
