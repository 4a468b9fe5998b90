/**
 * The real-article gold (`bench/real/*.json`) is what every reported score rests on, and
 * researchers reuse it: an annotation slip there misstates every number printed from it. These
 * checks need no article text, so they run on a plain clone.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadRealGold, realLanguages } from '../../../bench/real-articles.ts';
import { CLAIMANTS } from '../../../shared/figures/claimant-table.ts';
import { foldName } from '../../../shared/figures/claimants.ts';
import { METRICS, UNITS } from '../../../shared/types.ts';

const UNIT_NAMES = new Set<string>(UNITS);
const QUALIFIERS = new Set([
  'exact',
  'about',
  'at_least',
  'more_than',
  'up_to',
  'less_than',
  'range',
]);

const files = realLanguages().map((language) => ({ language, gold: loadRealGold(language) }));
const articles = files.flatMap(({ language, gold }) =>
  gold.articles.map((article) => ({ language, article })),
);

describe('real-article gold', () => {
  it('covers the five languages the reader supports', () => {
    expect(files.map((f) => f.language)).toEqual(['de', 'en', 'ko', 'ru', 'uk']);
    for (const { gold } of files) expect(gold.articles.length).toBeGreaterThan(50);
  });

  it('names each article by its URL and splits it by that name, so no one picks the blind half', () => {
    const bad = articles
      .filter(({ article: a }) => {
        const id = createHash('sha256').update(a.url).digest('hex').slice(0, 12);
        return id !== a.id || (a.split === 'blind') !== /^[0-5]/.test(a.id);
      })
      .map(({ article }) => article.id);
    expect(bad).toEqual([]);
  });

  it('holds each URL once across all languages, in the file of its own language', () => {
    const seen = new Map<string, string>();
    const dup: string[] = [];
    for (const { language, article } of articles) {
      if (seen.has(article.url)) dup.push(`${article.id} (${seen.get(article.url)}, ${language})`);
      seen.set(article.url, language);
      expect(article.language).toBe(language);
    }
    expect(dup).toEqual([]);
  });

  it('keeps no outside text: gold figures carry no evidence sentence', () => {
    const withText = articles.filter(({ article }) => article.figures.some((f) => 'evidence' in f));
    expect(withText.map(({ article }) => article.id)).toEqual([]);
  });

  it('uses only the metrics, units and hedges FIGURES.md defines, with sane values', () => {
    const bad: string[] = [];
    for (const { article } of articles) {
      if (article.added !== undefined && !/^\d{4}-\d\d-\d\d$/.test(article.added)) {
        bad.push(`${article.id}: added ${article.added}`);
      }
      for (const f of article.figures) {
        const where = `${article.id} ${f.metric} ${f.value}`;
        if (!METRICS.includes(f.metric)) bad.push(`${where}: metric`);
        if (!UNIT_NAMES.has(f.unit)) bad.push(`${where}: unit ${f.unit}`);
        if (f.qualifier !== undefined && !QUALIFIERS.has(f.qualifier)) bad.push(`${where}: hedge`);
        if (!(Number.isFinite(f.value) && f.value > 0)) bad.push(`${where}: value`);
        if (f.valueHigh !== undefined && !(f.valueHigh > f.value)) bad.push(`${where}: valueHigh`);
        if (f.qualifier === 'range' && f.valueHigh === undefined) bad.push(`${where}: range`);
        const cc = f.claimantCountry;
        if (cc !== undefined && cc !== null && !/^[A-Z]{2}$/.test(cc)) bad.push(`${where}: ${cc}`);
        if (f.claimant === null && cc) bad.push(`${where}: country without claimant`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('never forbids a number it also expects or allows as a figure', () => {
    // The bench counts a forbidden number however it is read, so an optional figure's value
    // (neither rewarded nor penalised) must not be forbidden either.
    const bad = articles.flatMap(({ article }) =>
      article.figures
        .filter((f) => article.mustNotExtract.includes(f.value))
        .map((f) => `${article.id} ${f.value}`),
    );
    expect(bad).toEqual([]);
  });

  it("gives a known claimant the table's country, so alerts and gold agree on who it is", () => {
    const countryOf = new Map(CLAIMANTS.map((c) => [foldName(c.name), c.country]));
    const bad: string[] = [];
    for (const { article } of articles) {
      for (const f of article.figures) {
        if (!f.claimant || f.claimantCountry === undefined) continue;
        const country = countryOf.get(foldName(f.claimant));
        if (country !== undefined && country !== f.claimantCountry) {
          bad.push(`${article.id} ${f.claimant}: ${f.claimantCountry} vs ${country}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
