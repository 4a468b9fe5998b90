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

// Floors measured on 2026-12-07 (session 27) over each language's dev half, all eight rounds (F1 /
// attribution: de 0.932 / 0.843, en 0.949 / 0.928, ko 0.926 / 0.847, ru 0.942 / 0.845, uk 0.944 /
// 0.833), each set just under the measurement, so a rule that breaks a dev article fails the
// suite. (Some floors stand lower than in session 26 because rounds v, u, t and s added dev
// articles the reader had not been tuned on, not because a rule broke one.)
const FLOORS: Record<string, { f1: number; attribution: number }> = {
  de: { f1: 0.93, attribution: 0.84 },
  en: { f1: 0.94, attribution: 0.92 },
  ko: { f1: 0.92, attribution: 0.84 },
  ru: { f1: 0.94, attribution: 0.84 },
  uk: { f1: 0.94, attribution: 0.83 },
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
