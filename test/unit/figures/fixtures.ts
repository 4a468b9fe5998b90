/** Loads the seed and corpus fixtures of the figure extractor tests. */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldArticle } from '../../../shared/figures/score.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'figures');

/** One annotated article with its text. */
export interface FixtureArticle extends GoldArticle {
  file: string;
  text: string;
}

/** The five sample articles and their gold file. */
export function loadSeeds(): { articles: FixtureArticle[]; expectedDistinctFigures: string[] } {
  const dir = join(FIXTURES, 'seeds');
  const gold = JSON.parse(readFileSync(join(dir, 'seed-figures.json'), 'utf8')) as {
    articles: GoldArticle[];
    expectedDistinctFigures: string[];
  };
  return {
    articles: gold.articles.map((a) => ({
      ...a,
      file: a.file!,
      text: readFileSync(join(dir, a.file!), 'utf8'),
    })),
    expectedDistinctFigures: gold.expectedDistinctFigures,
  };
}

/** The annotated corpus: every `NAME.json` with its `NAME.txt`. */
export function loadCorpus(): FixtureArticle[] {
  const dir = join(FIXTURES, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldArticle;
      const file = gold.file ?? f.replace(/\.json$/, '.txt');
      return { ...gold, file, text: readFileSync(join(dir, file), 'utf8') };
    });
}
