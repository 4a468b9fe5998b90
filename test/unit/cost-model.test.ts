/**
 * docs/deploy.md's cost tables are generated from the measurement `npm run bench` keeps in
 * bench/results/cost.json: this fails when someone edits the numbers by hand, or changes the
 * model without re-running the bench, so the published bill cannot drift from the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CostMeasurement } from '../../bench/cost.ts';
import { monthlyBill, renderCostTables } from '../../bench/cost-model.ts';
import { DOC_MARKERS } from '../../bench/cost-run.ts';

const root = join(import.meta.dirname, '..', '..');
const { now, before } = JSON.parse(readFileSync(join(root, 'bench/results/cost.json'), 'utf8')) as {
  now: CostMeasurement;
  before?: CostMeasurement;
};

describe('the cost model', () => {
  it('is what docs/deploy.md shows, generated from the kept measurement', () => {
    const doc = readFileSync(join(root, 'docs/deploy.md'), 'utf8');
    const [start, end] = DOC_MARKERS;
    const section = doc.slice(doc.indexOf(start) + start.length, doc.indexOf(end)).trim();
    expect(section).toBe(renderCostTables(now, before).trim());
  });

  it('adds up: each total is the sum of its lines, and free tiers never add cost', () => {
    for (const feeds of [100, 1000, 5000]) {
      const bill = monthlyBill(now, feeds);
      const sum = (key: 'list' | 'afterFree') =>
        Math.round(bill.lines.reduce((s, l) => s + l[key], 0) * 100) / 100;
      expect(bill.list).toBeCloseTo(sum('list'), 2);
      expect(bill.afterFree).toBeCloseTo(sum('afterFree'), 2);
      for (const line of bill.lines) expect(line.afterFree).toBeLessThanOrEqual(line.list + 1e-9);
    }
  });

  it('grows with the number of feeds', () => {
    const [a, b, c] = [100, 1000, 5000].map((feeds) => monthlyBill(now, feeds).list);
    expect(a).toBeLessThan(b!);
    expect(b).toBeLessThan(c!);
  });
});
