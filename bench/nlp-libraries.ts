/**
 * Measures the NLP libraries the figures issue names (wink-nlp with its English model, and
 * compromise) against the project's own sentence splitter and tokenizer, on split accuracy and
 * speed, so the choice of keeping our own code rests on numbers (docs/nlp-libraries.md).
 *
 * The libraries are not dependencies of the project: install them beside it first,
 *   mkdir -p ../nlp-libs && (cd ../nlp-libs && npm init -y && npm i wink-nlp@2.4.0 \
 *     wink-eng-lite-web-model@1.8.1 compromise@14.17.0)
 * then run `node --import tsx bench/nlp-libraries.ts [--libs ../nlp-libs]`.
 *
 * Accuracy: `test/fixtures/sentences/news-splits.txt`, paragraphs in the project's own words
 * built on news habits that trip splitters (titles, initialisms, "Dec. 12", "p.m.", "No. 2",
 * quotes that end a sentence), each line's sentences separated by ` || `. Speed: the annotated
 * corpus, median of 15 rounds.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractFigures } from '../shared/figures/extract.ts';
import { LEXICON_EN } from '../shared/figures/lexicon-en.ts';
import { splitSentences } from '../shared/figures/sentences.ts';
import { tokenize } from '../shared/figures/tokens.ts';

const ROOT = join(import.meta.dirname, '..');

/** One splitter's result on the split fixture. */
export interface SplitScore {
  name: string;
  right: number;
  paragraphs: number;
  wrong: string[];
}

type Splitter = (text: string) => string[];

/** Scores a splitter on the fixture: a paragraph counts when every sentence is cut as written. */
export function scoreSplitter(name: string, split: Splitter, lines: readonly string[]): SplitScore {
  const wrong: string[] = [];
  for (const line of lines) {
    const want = line.split(' || ');
    const got = split(want.join(' '))
      .map((s) => s.trim())
      .filter(Boolean);
    if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(got.join(' ## '));
  }
  return { name, right: lines.length - wrong.length, paragraphs: lines.length, wrong };
}

function corpusTexts(): string[] {
  const dir = join(ROOT, 'test', 'fixtures', 'figures', 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

function msPer1000Words(texts: readonly string[], run: (t: string) => unknown): number {
  const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);
  for (let i = 0; i < 3; i++) for (const t of texts) run(t);
  const rounds: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    for (const t of texts) run(t);
    rounds.push((performance.now() - t0) / (words / 1000));
  }
  rounds.sort((a, b) => a - b);
  return rounds[7]!;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--libs');
  const libs = resolve(i === -1 ? join(ROOT, '..', 'nlp-libs') : process.argv[i + 1]!);
  if (!existsSync(join(libs, 'node_modules', 'wink-nlp'))) {
    console.error(
      `no wink-nlp under ${libs}/node_modules: install the libraries first (see the top of this file)`,
    );
    process.exit(2);
  }
  const req = createRequire(join(libs, 'package.json'));
  // biome-ignore lint/suspicious/noExplicitAny: untyped optional libraries, loaded only here.
  const wink = req('wink-nlp')(req('wink-eng-lite-web-model')) as any;
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  const compromise = req('compromise') as any;
  const lines = readFileSync(join(ROOT, 'test', 'fixtures', 'sentences', 'news-splits.txt'), 'utf8')
    .trim()
    .split('\n');
  const splitters: Record<string, Splitter> = {
    claimwatch: (t) => splitSentences(t).map((s) => s.text),
    'wink-nlp': (t) => wink.readDoc(t).sentences().out(),
    compromise: (t) => compromise(t).sentences().out('array'),
  };
  for (const [name, split] of Object.entries(splitters)) {
    const s = scoreSplitter(name, split, lines);
    console.log(`${name}: ${s.right}/${s.paragraphs} paragraphs split as written`);
    for (const w of s.wrong) console.log(`    ${w.slice(0, 150)}`);
  }
  const texts = corpusTexts();
  const rows: Array<[string, (t: string) => unknown]> = [
    [
      'claimwatch: sentences + tokens',
      (t) => {
        for (const s of splitSentences(t)) tokenize(s.text, LEXICON_EN.numbers);
      },
    ],
    ['claimwatch: the whole figure reader', (t) => extractFigures(t, {})],
    [
      'wink-nlp: sentences + POS tags',
      (t) => {
        const d = wink.readDoc(t);
        d.sentences().out();
        d.tokens().out(wink.its.pos);
      },
    ],
    [
      'compromise: sentences + tagged terms',
      (t) => {
        const d = compromise(t);
        d.sentences().out('array');
        d.json({ terms: { tags: true } });
      },
    ],
  ];
  for (const [name, run] of rows) {
    console.log(`${name.padEnd(40)} ${msPer1000Words(texts, run).toFixed(2)} ms/1,000 words`);
  }
}
