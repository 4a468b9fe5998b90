/**
 * Eval part 2: body extraction on the article-extraction benchmark's news pages (outside the
 * repo, in `../shared/data/article-extraction/`), scored with the benchmark's shingle F1 by the
 * same functions as `bench/extraction.ts`. Tuning pages each keep their own floor; held-out
 * pages are never judged one by one (the bench's rule: they are only ever measured as a split),
 * so they keep a floor on their split's F1; all pages together keep an overall floor.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBenchPages, oursExtract, pageF1, scoreExtraction } from '../bench/extraction.ts';
import { fmt, type PartResult, table } from './check.ts';

/** `eval/page-floors.json`: page ids (sha256 of the page, as the benchmark names them) only. */
export interface PageFloors {
  about: string;
  /** Subtracted from today's measurement when floors are (re)set. */
  margin: number;
  /** Floor on the benchmark F1 of all pages. */
  all: number;
  /** Floor on the benchmark F1 of the held-out split. */
  heldOut: number;
  /** Tuning page id -> floor on its own F1. */
  pages: Record<string, number>;
}

/** Where the floors live, beside this module. */
export const PAGE_FLOORS_FILE = join(import.meta.dirname, 'page-floors.json');

/** Today's figures of the pages part. */
export interface PageMeasurement {
  pages: number;
  tuning: number;
  heldOut: number;
  f1All: number;
  f1Tuning: number;
  f1HeldOut: number;
  meanPageF1: number;
  seconds: number;
  perPage: Array<{ id: string; split: 'tuning' | 'held-out'; f1: number }>;
}

/** Extracts every page in `dataDir` with our extractor and scores it; prints nothing. */
export async function measurePages(dataDir: string): Promise<PageMeasurement> {
  const started = performance.now();
  const pages = loadBenchPages(dataDir);
  const scored: Array<{
    id: string;
    split: 'tuning' | 'held-out';
    truth: string;
    prediction: string;
  }> = [];
  for (const page of pages) {
    scored.push({
      id: page.id,
      split: page.split,
      truth: page.truth,
      prediction: await oursExtract(page.html, page.url),
    });
  }
  const f1Of = (split?: string) =>
    scoreExtraction(scored.filter((p) => !split || p.split === split)).f1;
  const perPage = scored.map((p) => ({
    id: p.id,
    split: p.split,
    f1: pageF1(p.truth, p.prediction),
  }));
  return {
    pages: scored.length,
    tuning: scored.filter((p) => p.split === 'tuning').length,
    heldOut: scored.filter((p) => p.split === 'held-out').length,
    f1All: f1Of(),
    f1Tuning: f1Of('tuning'),
    f1HeldOut: f1Of('held-out'),
    meanPageF1: perPage.reduce((a, p) => a + p.f1, 0) / Math.max(1, perPage.length),
    seconds: (performance.now() - started) / 1000,
    perPage,
  };
}

const floorOf = (measured: number, margin: number) =>
  Math.max(0, Math.floor((measured - margin) * 1000) / 1000);

/** Floors from a measurement: each figure minus the margin, rounded down to 0.001. */
export function floorsFrom(m: PageMeasurement, margin: number): PageFloors {
  return {
    about:
      "Floors of `npm run eval` part 2 (body F1 on ../shared/data/article-extraction). Set by `npm run eval -- --update-floors` from that day's measurement minus `margin`. `pages` holds tuning pages only (by benchmark id); held-out pages are judged as a split (`heldOut`), never one by one; `all` is the benchmark F1 of every page.",
    margin,
    all: floorOf(m.f1All, margin),
    heldOut: floorOf(m.f1HeldOut, margin),
    pages: Object.fromEntries(
      m.perPage.filter((p) => p.split === 'tuning').map((p) => [p.id, floorOf(p.f1, margin)]),
    ),
  };
}

/** Reads the floors file. */
export function readPageFloors(file = PAGE_FLOORS_FILE): PageFloors {
  return JSON.parse(readFileSync(file, 'utf8')) as PageFloors;
}

/** Writes the floors file (the only place `--update-floors` writes for this part). */
export function writePageFloors(floors: PageFloors, file = PAGE_FLOORS_FILE): void {
  writeFileSync(file, `${JSON.stringify(floors, null, 2)}\n`);
}

/** Compares a measurement to its floors: the table to print and every floor missed. */
export function judgePages(m: PageMeasurement, floors: PageFloors, dataDir: string): PartResult {
  const failures: string[] = [];
  if (m.f1All < floors.all) {
    failures.push(
      `pages: F1 of all ${m.pages} pages ${fmt(m.f1All)} is below its floor ${fmt(floors.all)}`,
    );
  }
  if (m.f1HeldOut < floors.heldOut) {
    failures.push(
      `pages: held-out F1 ${fmt(m.f1HeldOut)} is below its floor ${fmt(floors.heldOut)}`,
    );
  }
  const below = m.perPage.filter(
    (p) => p.split === 'tuning' && floors.pages[p.id] !== undefined && p.f1 < floors.pages[p.id]!,
  );
  for (const p of below) {
    failures.push(
      `pages: tuning page ${p.id.slice(0, 12)} F1 ${fmt(p.f1)} is below its floor ${fmt(floors.pages[p.id]!)}`,
    );
  }
  const unfloored = m.perPage.filter(
    (p) => p.split === 'tuning' && floors.pages[p.id] === undefined,
  );
  const lowest = m.perPage
    .filter((p) => p.split === 'tuning')
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, 3)
    .map((p) => `${p.id.slice(0, 12)} ${fmt(p.f1)}`)
    .join(', ');
  return {
    part: 'pages',
    lines: [
      `pages: ${m.pages} pages (tuning ${m.tuning}, held-out ${m.heldOut}) from ${dataDir}, ${m.seconds.toFixed(0)} s`,
      ...table([
        ['split', 'pages', 'F1', 'floor'],
        ['all', m.pages, fmt(m.f1All), fmt(floors.all)],
        ['tuning', m.tuning, fmt(m.f1Tuning), 'per page'],
        ['held-out', m.heldOut, fmt(m.f1HeldOut), fmt(floors.heldOut)],
      ]),
      `mean page F1 ${fmt(m.meanPageF1)}; lowest tuning pages: ${lowest}`,
      `floor: each of ${Object.keys(floors.pages).length} tuning pages its own (eval/page-floors.json, margin ${floors.margin}); ${below.length} below${unfloored.length ? `; ${unfloored.length} pages have no floor yet (--update-floors)` : ''}`,
    ],
    failures,
  };
}
