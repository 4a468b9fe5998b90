/**
 * Eval part 4: no alert from unrelated news. The article-extraction benchmark's bodies are real
 * news and blog posts on every other subject (sport, business, technology, in several
 * languages), so any figure read from them would be a false alert that a user cannot tell from
 * a real one. Read as the pipeline reads a story of unknown language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFigures } from '../shared/figures/index.ts';
import type { PartResult } from './check.ts';

/** Pages of unrelated news that may yield a figure: none. */
export const QUIET_FLOOR = 0;

/** Reads every ground-truth body of `dataDir` (the benchmark folder) and counts figures. */
export function evalQuiet(dataDir: string): PartResult {
  const truth = JSON.parse(readFileSync(join(dataDir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  const noisy: string[] = [];
  let figures = 0;
  for (const [id, page] of Object.entries(truth)) {
    const found = extractFigures(page.articleBody, { published: '2020-01-01' });
    if (found.length === 0) continue;
    figures += found.length;
    const shown = found.map((f) => `${f.metric} ${f.unit} ${f.value}`).join('; ');
    noisy.push(`${id.slice(0, 12)}: ${shown}`);
  }
  const pages = Object.keys(truth).length;
  return {
    part: 'quiet',
    lines: [
      `quiet: ${pages} unrelated news bodies from ${dataDir}: ${noisy.length} with a figure (${figures} figures)`,
      ...noisy.map((n) => `  ${n}`),
      `floor: at most ${QUIET_FLOOR} pages with a figure`,
    ],
    failures:
      noisy.length > QUIET_FLOOR
        ? [`quiet: ${noisy.length} unrelated pages gave a figure (floor ${QUIET_FLOOR})`]
        : [],
  };
}
