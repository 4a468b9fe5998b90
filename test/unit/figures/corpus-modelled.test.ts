/**
 * The own-words articles modelled on real coverage (`corpus-modelled/`, see its README): their
 * annotations must be well formed, and the dev half must keep reading as annotated. The held
 * half is scored by `npm run bench` only; no test asserts on it, so nobody tunes on it.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/index.ts';
import { scoreCorpus } from '../../../shared/figures/score.ts';
import { METRICS, UNITS } from '../../../shared/types.ts';
import { loadModelled, modelledSplit } from './fixtures.ts';

// Floors measured on 2026-12-07 (session 27) over each language's dev half, all seven rounds (F1 /
// attribution: de 0.933 / 0.856, en 0.958 / 0.931, ko 0.920 / 0.842, ru 0.933 / 0.846, uk 0.938 /
// 0.840), each set just under the measurement, so a rule that breaks a dev article fails the
// suite. (Some floors stand lower than in session 26 because rounds v, u and t added dev articles
// the reader had not been tuned on, not because a rule broke one.)
const FLOORS: Record<string, { f1: number; attribution: number }> = {
  de: { f1: 0.93, attribution: 0.85 },
  en: { f1: 0.95, attribution: 0.93 },
  ko: { f1: 0.92, attribution: 0.84 },
  ru: { f1: 0.93, attribution: 0.84 },
  uk: { f1: 0.93, attribution: 0.84 },
};

describe.each(Object.keys(FLOORS))('the %s modelled articles', (language) => {
  const all = loadModelled(language);

  it('are annotated in the shape FIGURES.md gives, with evidence from their own text', () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const a of all) {
      expect((a as { language?: string }).language).toBe(language);
      for (const f of a.figures) {
        expect(METRICS, a.file).toContain(f.metric);
        expect(UNITS, a.file).toContain(f.unit);
        expect(Number.isFinite(f.value), a.file).toBe(true);
        if (f.evidence) expect(a.text, a.file).toContain(f.evidence);
      }
      for (const n of a.mustNotExtract ?? []) expect(typeof n, a.file).toBe('number');
    }
  });

  it('are split in two halves of about the same size by file name', () => {
    const held = all.filter((a) => modelledSplit(a.file) === 'held').length;
    expect(held).toBeGreaterThan(all.length / 4);
    expect(held).toBeLessThan((all.length * 3) / 4);
  });

  it('read at or above the floor on the dev half', () => {
    const dev = loadModelled(language, 'dev');
    const score = scoreCorpus(
      dev.map((a) => ({
        predicted: extractFigures(a.text, { language, published: a.published }),
        gold: a,
      })),
    );
    const floor = FLOORS[language]!;
    expect(score.f1).toBeGreaterThanOrEqual(floor.f1);
    expect(score.attribution).toBeGreaterThanOrEqual(floor.attribution);
  });
});
