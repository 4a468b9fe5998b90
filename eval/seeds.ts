/**
 * Eval part 1: the figure extractor on the five real seed articles, scored against their
 * hand-made gold. These are the articles the project started from, so anything short of a
 * perfect score is a regression someone must look at.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFigures } from '../shared/figures/index.ts';
import type { GoldArticle } from '../shared/figures/score.ts';
import { scoreCorpus } from '../shared/figures/score.ts';
import { fmt, type PartResult, table } from './check.ts';

/** Precision, recall and attribution must all stay at this (they are 1.0 today). */
export const SEED_FLOOR = 1.0;

/** Scores `seeds/*.txt` (first line the title) against `gold/seed-figures.json` under `sharedDir`. */
export function evalSeeds(sharedDir: string): PartResult {
  const seedsDir = join(sharedDir, 'seeds');
  const goldFile = join(sharedDir, 'gold', 'seed-figures.json');
  if (!existsSync(seedsDir) || !existsSync(goldFile)) {
    return {
      part: 'seeds',
      lines: [`seeds: skipped, no ${seedsDir} or ${goldFile}`],
      failures: [`seeds: data missing (${seedsDir}, ${goldFile})`],
    };
  }
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as { articles: GoldArticle[] };
  const byFile = new Map(gold.articles.map((a) => [a.file, a]));
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const failures: string[] = [];
  const missingGold = files.filter((f) => !byFile.has(f));
  if (missingGold.length > 0) failures.push(`seeds: no gold for ${missingGold.join(', ')}`);

  const scored = files.flatMap((file) => {
    const article = byFile.get(file);
    if (!article) return [];
    const raw = readFileSync(join(seedsDir, file), 'utf8');
    const newline = raw.indexOf('\n');
    const title = (newline < 0 ? raw : raw.slice(0, newline)).trim();
    const body = newline < 0 ? '' : raw.slice(newline + 1).trim();
    const predicted = extractFigures(`${title}\n\n${body}`, { published: article.published });
    return [{ file, predicted, gold: article }];
  });
  const score = scoreCorpus(scored.map(({ predicted, gold: g }) => ({ predicted, gold: g })));

  const rows: Array<Array<string | number>> = [['article', 'TP', 'FP', 'FN', 'P', 'R', 'attr']];
  for (const [i, s] of score.articles.entries()) {
    rows.push([
      scored[i]!.file,
      s.truePositives,
      s.falsePositives,
      s.falseNegatives,
      fmt(s.precision),
      fmt(s.recall),
      fmt(s.attribution),
    ]);
  }
  rows.push([
    'all',
    score.truePositives,
    score.falsePositives,
    score.falseNegatives,
    fmt(score.precision),
    fmt(score.recall),
    fmt(score.attribution),
  ]);
  for (const [name, value] of [
    ['precision', score.precision],
    ['recall', score.recall],
    ['attribution', score.attribution],
  ] as const) {
    if (value < SEED_FLOOR) {
      failures.push(`seeds: ${name} ${fmt(value)} is below its floor ${fmt(SEED_FLOOR)}`);
    }
  }
  return {
    part: 'seeds',
    lines: [
      `seeds: ${scored.length} articles from ${seedsDir} against ${goldFile}`,
      ...table(rows),
      `floor: precision, recall and attribution ${fmt(SEED_FLOOR)}`,
    ],
    failures,
  };
}
