/**
 * A figure's identity and its wording. Identity is what makes a figure new (FIGURES.md):
 * metric, unit, value, valueHigh and side; the same figure from another outlet or claimant is
 * a corroboration, not a new alert. The wording is what an alert says.
 */

import type { Figure } from '../types.ts';
import type { Lexicon } from './lexicon.ts';
import { LEXICON_EN } from './lexicon-en.ts';

/**
 * The stable identity of a figure, e.g. `casualties|troops|3000||KP`. Qualifier, claimant and
 * date are deliberately not part of it, so "more than 3,000" and "3,000" are one figure. An
 * increment ("another 3,000") ends in `|+`: it is a different fact from a total of 3,000.
 */
export function figureKey(
  f: Pick<Figure, 'metric' | 'unit' | 'value' | 'valueHigh' | 'side'> & {
    increment?: boolean | undefined;
  },
): string {
  const high = f.valueHigh === undefined || f.valueHigh === null ? '' : String(f.valueHigh);
  return `${f.metric}|${f.unit}|${f.value}|${high}|${f.side || 'KP'}${f.increment ? '|+' : ''}`;
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/**
 * A figure in words for an alert: "More than 3,000 North Korean troops killed or wounded",
 * "About 7,000 containers supplied by North Korea", "10,000–12,000 North Korean troops
 * deployed to Russia".
 */
export function describeFigure(f: Figure, lexicon: Lexicon = LEXICON_EN): string {
  const d = lexicon.describe;
  const fmt = new Intl.NumberFormat(d.locale, { maximumFractionDigits: 2 });
  const amount =
    f.valueHigh !== undefined
      ? `${fmt.format(f.value)}${d.rangeJoiner}${fmt.format(f.valueHigh)}`
      : fmt.format(f.value);
  const hedge = f.valueHigh !== undefined ? '' : (d.qualifiers[f.qualifier] ?? '');
  const nouns = d.units[f.unit];
  const noun = nouns
    ? f.value === 1 && f.valueHigh === undefined
      ? nouns.one
      : nouns.many
    : f.unit;
  const side = f.side || 'KP';
  const materiel = f.metric === 'supplied';
  const parts: string[] = [];
  if (hedge) parts.push(hedge);
  parts.push(amount);
  if (f.increment) parts.push(d.more);
  if (!materiel && d.sideAdjectives[side]) parts.push(d.sideAdjectives[side]!);
  parts.push(noun);
  let metric = d.metrics[f.metric] ?? f.metric;
  if (f.metric === 'deployed' && side !== 'KP') metric = d.metrics.deployed.split(' ')[0]!;
  parts.push(metric);
  if (materiel && d.supplierPhrases[side]) parts.push(d.supplierPhrases[side]!);
  return capitalise(parts.join(' '));
}

/** Metrics of loss, and the units of people they may count (one figure whatever the trade). */
const LOSSES = new Set(['killed', 'wounded', 'casualties', 'captured', 'missing']);
const PEOPLE = new Set(['troops', 'officers', 'generals', 'workers', 'deminers']);

/**
 * A story's figures, one per identity: of several occurrences of one figure (headline, body,
 * recap) the best-ranked is kept, in the order the figures first appear. Both readers collect
 * into it, so they agree on what "one figure per story" means.
 */
export class FigureSet {
  private readonly best = new Map<string, { figure: Figure; rank: number }>();

  /**
   * Adds an occurrence; it replaces an earlier one of the same figure only if it ranks higher.
   * Across sentences, "another 1,000 sappers" and "the 1,000 sappers" are one fact told twice
   * (the annotation keeps one entry per metric, unit, value and side too), and the better
   * occurrence says whether it is an increment; within one sentence ("3,000 in October and
   * another 3,000 in December") they are two.
   */
  add(figure: Figure, rank: number): void {
    // A loss is one count whatever the trade of the men ("2,700 citizens of the DPRK who fight
    // … were wounded" and "2,700 North Koreans wounded"): people of any unit are one figure, as
    // scoring and the gold count them (bench/real/README.md).
    const loss = LOSSES.has(figure.metric) && PEOPLE.has(figure.unit);
    const base = figureKey({
      ...figure,
      increment: undefined,
      ...(loss ? { unit: 'troops' } : {}),
    });
    const told = this.best.get(base);
    const apart =
      told !== undefined &&
      (told.figure.increment === true) !== (figure.increment === true) &&
      told.figure.evidence === figure.evidence;
    const key = apart ? `${base}|+` : base;
    const existing = this.best.get(key);
    if (!existing) {
      this.best.set(key, { figure, rank });
      return;
    }
    const unitBefore = existing.figure.unit;
    if (rank > existing.rank) {
      existing.figure = figure;
      existing.rank = rank;
    }
    // Told as two trades, the loss is counted as troops.
    if (loss && unitBefore !== figure.unit)
      existing.figure = { ...existing.figure, unit: 'troops' };
  }

  /** The kept occurrences, in order of first appearance. */
  list(): Figure[] {
    return [...this.best.values()].map((x) => x.figure);
  }
}
