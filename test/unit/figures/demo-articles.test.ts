import { describe, expect, it } from 'vitest';
import { sameClaimant } from '../../../shared/figures/claimants.ts';
import { extractFigures } from '../../../shared/figures/extract.ts';
import { figureKey } from '../../../shared/figures/identity.ts';
import { figuresMatch } from '../../../shared/figures/score.ts';
import type { Figure } from '../../../shared/types.ts';
import { loadDemoSet } from './fixtures.ts';

const { articles, expectedDistinctFigures } = loadDemoSet();
const results = new Map<string, Figure[]>(
  articles.map((a) => [a.file, extractFigures(a.text, { published: a.published })]),
);

describe('demo articles', () => {
  for (const article of articles) {
    describe(article.file, () => {
      const predicted = results.get(article.file)!;

      it('finds every required gold figure with the right claimant', () => {
        for (const gold of article.figures.filter((g) => !g.optional)) {
          const match = predicted.find((p) => figuresMatch(p, gold));
          expect(match, `missing ${gold.metric}/${gold.unit} ${gold.value}`).toBeDefined();
          if (gold.claimant !== undefined) {
            expect(
              sameClaimant(match!.claimant, gold.claimant),
              `${gold.metric} ${gold.value}: ${match!.claimant} vs ${gold.claimant}`,
            ).toBe(true);
          }
        }
      });

      it('dates each figure as the gold does, where the gold gives a date', () => {
        for (const gold of article.figures) {
          const asOf = (gold as { asOf?: string }).asOf;
          if (asOf === undefined) continue;
          const match = predicted.find((p) => figuresMatch(p, gold));
          expect(match?.asOf, `${gold.metric} ${gold.value}`).toBe(asOf);
        }
      });

      it('extracts none of the numbers that are not figures', () => {
        const values = predicted.map((p) => p.value);
        for (const n of article.mustNotExtract ?? []) expect(values).not.toContain(n);
      });

      it('extracts nothing outside the gold', () => {
        for (const p of predicted) {
          expect(
            article.figures.some((g) => figuresMatch(p, g)),
            `unexpected ${p.metric}/${p.unit} ${p.value}: ${p.evidence}`,
          ).toBe(true);
        }
      });
    });
  }

  it('yields exactly the eleven distinct figures across the five articles', () => {
    const expected = new Set(
      expectedDistinctFigures.map((line) => {
        const m = /^(\w+)\/(\w+) (\d+)/.exec(line)!;
        return figureKey({
          metric: m[1] as Figure['metric'],
          unit: m[2] as Figure['unit'],
          value: Number(m[3]),
          side: 'KP',
        });
      }),
    );
    expect(expected.size).toBe(11);
    const all = [...results.values()].flat();
    const kp = new Set(all.filter((f) => f.side === 'KP').map(figureKey));
    expect([...kp].sort()).toEqual([...expected].sort());
    for (const f of all.filter((x) => x.side !== 'KP')) {
      expect(f).toMatchObject({ metric: 'deployed', unit: 'troops', value: 50000, side: 'RU' });
    }
  });

  it('keeps the hedge and attribution of the body over a headline', () => {
    const zelensky = results
      .get('000_zelensky-kursk-toll.txt')!
      .find((f) => f.metric === 'casualties' && f.value === 3000)!;
    expect(zelensky.qualifier).toBe('more_than');
    expect(zelensky.claimant).toBe('Volodymyr Zelensky');
    expect(zelensky.claimantCountry).toBe('UA');
  });

  it('resolves the dates figures cover', () => {
    const hur = results
      .get('003_hur-reports-december-losses.txt')!
      .find((f) => f.metric === 'casualties' && f.value === 30)!;
    expect(hur.asOf).toBe('2024-12-14/2024-12-15');
    const lee = results
      .get('004_zelensky-telegram-kursk.txt')!
      .find((f) => f.metric === 'killed' && f.value === 100)!;
    expect(lee.asOf).toBe('2024-12-19');
    const monday = results
      .get('000_zelensky-kursk-toll.txt')!
      .find((f) => f.metric === 'casualties' && f.value === 3000)!;
    expect(monday.asOf).toBe('2024-12-23');
  });
});
