/** Loads the demo-article and corpus fixtures of the figure extractor tests. */

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldArticle } from '../../../shared/figures/score.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'figures');

/** One annotated article with its text. */
export interface FixtureArticle extends GoldArticle {
  file: string;
  text: string;
}

/** The folder of the five demo articles, which `claimwatch demo` also serves. */
const DEMO_ARTICLES = join(import.meta.dirname, '..', '..', '..', 'local', 'demo', 'articles');

/**
 * The five demo articles (`local/demo/articles/`, the project's own text restating five news
 * reports of 2024-12-23) with their hand annotation (`demo-figures.json`): the end-to-end sample
 * whose eleven distinct figures the demo, the novelty tests and the bench expect.
 */
export function loadDemoSet(): { articles: FixtureArticle[]; expectedDistinctFigures: string[] } {
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'demo-figures.json'), 'utf8')) as {
    articles: GoldArticle[];
    expectedDistinctFigures: string[];
  };
  return {
    articles: gold.articles.map((a) => ({
      ...a,
      file: a.file!,
      text: readFileSync(join(DEMO_ARTICLES, a.file!), 'utf8'),
    })),
    expectedDistinctFigures: gold.expectedDistinctFigures,
  };
}

/** The annotated corpus: every `NAME.json` with its `NAME.txt`. */
export function loadCorpus(dir = join(FIXTURES, 'corpus')): FixtureArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldArticle;
      const file = gold.file ?? f.replace(/\.json$/, '.txt');
      return { ...gold, file, text: readFileSync(join(dir, file), 'utf8') };
    });
}

/** The own-words articles modelled on real coverage (`corpus-modelled/<lang>/`). */
export const MODELLED = join(FIXTURES, 'corpus-modelled');

/** The half an article of `corpus-modelled` belongs to, fixed by its file name's hash. */
export function modelledSplit(file: string): 'dev' | 'held' {
  return Number.parseInt(createHash('sha256').update(file).digest('hex')[0]!, 16) < 8
    ? 'held'
    : 'dev';
}

/** One language's modelled articles (every file when `split` is absent), with their language. */
export function loadModelled(
  language: string,
  split?: 'dev' | 'held',
): Array<FixtureArticle & { language: string }> {
  const dir = join(MODELLED, language);
  if (!existsSync(dir)) return [];
  return loadCorpus(dir)
    .filter((a) => !split || modelledSplit(a.file) === split)
    .map((a) => ({ ...a, language }));
}
