/**
 * Numbers as news stories write them: digits with separators ("3,000", "11 000"), words
 * ("three thousand", "a dozen", "another thousand"), scaled ("1.5 million", "12k"), ranges
 * ("10,000 to 12,000", "between 10,000 and 12,000") and changes ("rose from 300 to 1,000",
 * whose figure is 1,000), each with the hedge that qualifies it. No library measured reads
 * hedges or ranges, so this is a small reader of our own, driven by the language's tables.
 */

import type { Qualifier } from '../types.ts';
import type { Lexicon, NumberLexicon } from './lexicon.ts';
import { LEXICON_EN } from './lexicon-en.ts';
import {
  buildPhraseTable,
  foldToken,
  matchAt,
  matchEndingAt,
  type PhraseTable,
  type Token,
  tokenize,
} from './tokens.ts';

/** One numeric expression found in a text, with its hedge and shape. */
export interface NumberMention {
  /** Token range `[tokStart, tokEnd)` of the number itself, hedge excluded. */
  tokStart: number;
  tokEnd: number;
  /** Character range of the number itself. */
  start: number;
  end: number;
  /** Token index where the hedge starts (`tokStart` when unhedged). */
  hedgeTokStart: number;
  /** The number; for a range, its lower end; for a change, the new value. */
  value: number;
  /** The upper end of a range. */
  valueHigh?: number;
  qualifier: Qualifier;
  /** `single`, `range`, or `change` ("rose from 300 to 1,000"). */
  kind: 'single' | 'range' | 'change';
  /** The old value of a change. */
  previousValue?: number;
  /** A word before it adds it to an earlier count ("another thousand", "an additional 2,000"). */
  another: boolean;
  /** Followed by "more" ("three more went missing"): additional, not a hedge. */
  more: boolean;
  /** An earlier value that a change replaced ("up from 1,100"): never a figure. */
  previous: boolean;
  /** Written with digits (not words). */
  digits: boolean;
  /** Digits with no separator, scale or decimals, e.g. "2022"; null otherwise. */
  plainDigits: string | null;
  /** The exact text of the number (hedge excluded). */
  text: string;
}

/** The value, range and hedge of a number, for callers that only need those. */
export interface ParsedNumber {
  value: number;
  valueHigh?: number;
  qualifier: Qualifier;
}

interface NumberTables {
  hedgesBefore: PhraseTable<Qualifier>;
  hedgesAfter: PhraseTable<Qualifier>;
  vagueBefore: PhraseTable<true>;
  previousMarkers: PhraseTable<true>;
  changeVerbs: PhraseTable<true>;
  units: Map<string, number>;
  tens: Map<string, number>;
  multipliers: Map<string, number>;
  scales: Map<string, number>;
  scaleSuffixes: Map<string, number>;
  articles: Set<string>;
  half: Set<string>;
  pair: Set<string>;
  joiners: Set<string>;
  another: Set<string>;
  between: Set<string>;
  betweenAnd: Set<string>;
  rangeJoiners: Set<string>;
  from: Set<string>;
  changeTo: Set<string>;
  alternatives: Set<string>;
  additional: Set<string>;
  /**
   * Every word a number in words can start with (units, tens, multipliers, scales, articles,
   * "half", "another"): any other word starts none, and is answered with one lookup, not nine.
   */
  wordNumberStarts: Set<string>;
}

const tablesCache = new WeakMap<NumberLexicon, NumberTables>();

function toMap(record: Record<string, number>): Map<string, number> {
  return new Map(Object.entries(record).map(([k, v]) => [foldToken(k), v]));
}

function toSet(words: readonly string[]): Set<string> {
  return new Set(words.map(foldToken));
}

function tablesFor(n: NumberLexicon): NumberTables {
  const cached = tablesCache.get(n);
  if (cached) return cached;
  const marks = (list: readonly string[]) =>
    buildPhraseTable(
      list.map((p) => [p, true] as const),
      n,
    );
  const tables: NumberTables = {
    hedgesBefore: buildPhraseTable(
      n.hedgesBefore.map((h) => [h.phrase, h.qualifier] as const),
      n,
    ),
    hedgesAfter: buildPhraseTable(
      n.hedgesAfter.map((h) => [h.phrase, h.qualifier] as const),
      n,
    ),
    vagueBefore: marks(n.vagueBefore),
    previousMarkers: marks(n.previousMarkers),
    changeVerbs: marks(n.changeVerbs),
    units: toMap(n.units),
    tens: toMap(n.tens),
    multipliers: toMap(n.multipliers),
    scales: toMap(n.scales),
    scaleSuffixes: toMap(n.scaleSuffixes),
    articles: toSet(n.articles),
    half: toSet(n.half),
    pair: toSet(n.pair ?? []),
    joiners: toSet(n.joiners),
    another: toSet(n.another),
    between: toSet(n.between),
    betweenAnd: toSet(n.betweenAnd),
    rangeJoiners: toSet(n.rangeJoiners),
    from: toSet(n.from),
    changeTo: toSet(n.changeTo),
    alternatives: toSet(n.alternatives),
    additional: toSet(n.additional),
    wordNumberStarts: new Set(),
  };
  for (const set of [tables.half, tables.another, tables.articles]) {
    for (const w of set) tables.wordNumberStarts.add(w);
  }
  for (const map of [tables.units, tables.tens, tables.multipliers, tables.scales]) {
    for (const w of map.keys()) tables.wordNumberStarts.add(w);
  }
  tablesCache.set(n, tables);
  return tables;
}

/** A number before hedges and ranges: its value, where it ends, and how it was scaled. */
interface Simple {
  value: number;
  end: number;
  /** The word scale applied ("thousand" in "12 thousand"), 1 when none. */
  scale: number;
  digits: boolean;
  plainDigits: string | null;
  /** Started with an "another" word ("another thousand"). */
  another: boolean;
}

function parseDigits(tok: Token, n: NumberLexicon): number {
  let s = tok.text;
  for (const sep of n.thousandsSeparators) s = s.split(sep).join('');
  if (n.decimalSeparator !== '.') s = s.split(n.decimalSeparator).join('.');
  return Number(s);
}

function isAdjacent(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** Digits grouped by points in threes, with no leading zero ("1.000", "11.000", "1.200.000"). */
const POINT_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+$/;

function parseDigitNumber(tokens: readonly Token[], i: number, lex: NumberLexicon): Simple | null {
  const t = tables(lex);
  const tok = tokens[i]!;
  let value = parseDigits(tok, lex);
  if (!Number.isFinite(value)) return null;
  let end = i + 1;
  let scale = 1;
  const plain = /^\d+$/.test(tok.text) ? tok.text : null;
  let scaled = false;
  let next = tokens[end];
  // "40-thousand soldiers", "27-hundred wounded": a scale word hyphenated to the digits.
  const hyphenated = tokens[end + 1]?.lower ?? '';
  if (
    next?.text === '-' &&
    isAdjacent(tok, next) &&
    isAdjacent(next, tokens[end + 1]) &&
    (t.scales.has(hyphenated) || (hyphenated === 'hundred' && plain !== null))
  ) {
    end++;
    next = tokens[end];
  }
  if (next && next.kind === 'word') {
    const suffix = t.scaleSuffixes.get(next.lower);
    const word = t.scales.get(next.lower) ?? t.multipliers.get(next.lower);
    if (suffix !== undefined && (isAdjacent(tok, next) || next.lower.length >= 2)) {
      // "12k", "1.5m", "3 bn"; a spaced single letter ("5 m") is a metre, not a million.
      const after = tokens[end + 1];
      if (!isAdjacent(next, after) || after?.kind !== 'word') {
        value *= suffix;
        scale = suffix;
        end++;
        scaled = true;
      }
    } else if (word !== undefined) {
      value *= word;
      scale = word;
      end++;
      scaled = true;
      const more = tokens[end];
      if (more && t.scales.has(more.lower) && word < (t.scales.get(more.lower) ?? 0)) {
        // "1.5 hundred thousand" is not English, but "2 hundred thousand" is.
        const s2 = t.scales.get(more.lower)!;
        value *= s2;
        scale *= s2;
        end++;
      }
    }
  }
  // "at least 1.000 of the 11.000 troops": an English story from a European desk groups
  // thousands with points; a decimal of exactly three places in whole units is not news style,
  // while "1.500 million" keeps its point as a decimal.
  if (!scaled && lex.decimalSeparator === '.' && POINT_GROUPED.test(tok.text)) {
    value = Number(tok.text.split('.').join(''));
  }
  // "4.1 million" is 4100000, not the 4099999.9999999995 that binary arithmetic makes of it.
  if (scaled) value = Number(value.toPrecision(12));
  return {
    value,
    end,
    scale,
    digits: true,
    plainDigits: scaled ? null : plain,
    another: false,
  };
}

type WordKind = 'none' | 'unit' | 'ten' | 'mult' | 'scale';

function parseWordNumber(tokens: readonly Token[], i: number, lex: NumberLexicon): Simple | null {
  const t = tables(lex);
  let j = i;
  let total = 0;
  let current = 0;
  let last: WordKind = 'none';
  let scale = 1;
  let another = false;
  const first = tokens[i];
  if (first?.kind !== 'word') return null;
  // A word in none of the tables ends the loop below at once with nothing read.
  if (!t.wordNumberStarts.has(first.lower)) return null;
  const peek = tokens[i + 1];
  const peekIsScale =
    peek !== undefined && (t.scales.has(peek.lower) || t.multipliers.has(peek.lower));
  if (t.half.has(first.lower)) {
    // "half a million"
    const art = tokens[i + 1];
    const sc = tokens[i + 2];
    if (art && sc && t.articles.has(art.lower) && t.scales.has(sc.lower)) {
      const s = t.scales.get(sc.lower)!;
      return {
        value: s / 2,
        end: i + 3,
        scale: s,
        digits: false,
        plainDigits: null,
        another: false,
      };
    }
    return null;
  }
  if (t.another.has(first.lower) && peekIsScale) {
    another = true;
    current = 1;
    last = 'unit';
    j = i + 1;
  } else if (t.articles.has(first.lower) && t.pair.has(peek?.lower ?? '')) {
    // "a couple thousand", "a couple of thousand": two of the scale.
    const of = tokens[i + 2]?.lower === 'of' ? 1 : 0;
    if (!t.scales.has(tokens[i + 2 + of]?.lower ?? '')) return null;
    current = 2;
    last = 'unit';
    j = i + 2 + of;
  } else if (t.articles.has(first.lower) && !t.units.has(first.lower)) {
    if (!peekIsScale) return null;
    current = 1;
    last = 'unit';
    j = i + 1;
  }
  while (j < tokens.length) {
    const tok = tokens[j]!;
    const w = tok.lower;
    const u = t.units.get(w);
    const ten = t.tens.get(w);
    const mult = t.multipliers.get(w);
    const sc = t.scales.get(w);
    if (tok.kind === 'word' && u !== undefined) {
      if (last === 'unit') break;
      if (last === 'ten' && u >= 10) break;
      current += u;
      last = 'unit';
    } else if (tok.kind === 'word' && ten !== undefined) {
      if (last === 'unit' || last === 'ten') break;
      current += ten;
      last = 'ten';
    } else if (tok.kind === 'word' && mult !== undefined) {
      if (last === 'none' || last === 'mult') break;
      current = (current || 1) * mult;
      last = 'mult';
    } else if (tok.kind === 'word' && sc !== undefined) {
      if (last === 'none' || last === 'scale') break;
      total += (current || 1) * sc;
      current = 0;
      scale = sc;
      last = 'scale';
    } else if (
      // "one-point-five million", "two point three million" (a broadcaster's decimals): one
      // digit after the point, before a scale.
      last === 'unit' &&
      (w === 'point' || (tok.text === '-' && tokens[j + 1]?.lower === 'point'))
    ) {
      const k = w === 'point' ? j + 1 : j + 2;
      const hyphen = tokens[k]?.text === '-' ? 1 : 0;
      const digit = t.units.get(tokens[k + hyphen]?.lower ?? '');
      if (digit === undefined || digit >= 10 || !t.scales.has(tokens[k + hyphen + 1]?.lower ?? ''))
        break;
      current += digit / 10;
      j = k + hyphen + 1;
      continue;
    } else if (
      // "one and a half million": a half more of the scale that follows.
      t.joiners.has(w) &&
      (last === 'unit' || last === 'ten') &&
      t.articles.has(tokens[j + 1]?.lower ?? '') &&
      t.half.has(tokens[j + 2]?.lower ?? '') &&
      t.scales.has(tokens[j + 3]?.lower ?? '')
    ) {
      current += 0.5;
      j += 3;
      continue;
    } else if (
      t.joiners.has(w) &&
      (last === 'mult' || last === 'scale') &&
      tokens[j + 1] !== undefined &&
      (t.units.has(tokens[j + 1]!.lower) || t.tens.has(tokens[j + 1]!.lower))
    ) {
      j++;
      continue;
    } else if (
      // "three-thousand", "twenty-five-thousand": a scale hyphenated to its count.
      tok.text === '-' &&
      (last === 'unit' || last === 'ten') &&
      isAdjacent(tokens[j - 1], tok) &&
      isAdjacent(tok, tokens[j + 1]) &&
      (t.scales.has(tokens[j + 1]?.lower ?? '') || t.multipliers.has(tokens[j + 1]?.lower ?? ''))
    ) {
      j++;
      continue;
    } else if (
      // "four-thousand-100" (broadcast style for 4,100): digits hyphenated after the scale.
      tok.text === '-' &&
      last === 'scale' &&
      isAdjacent(tokens[j - 1], tok) &&
      isAdjacent(tok, tokens[j + 1]) &&
      tokens[j + 1]?.kind === 'num' &&
      /^\d{1,3}$/.test(tokens[j + 1]!.text) &&
      !isAdjacent(tokens[j + 1], tokens[j + 2])
    ) {
      current += Number(tokens[j + 1]!.text);
      j += 2;
      break;
    } else if (
      tok.text === '-' &&
      last === 'ten' &&
      isAdjacent(tokens[j - 1], tok) &&
      isAdjacent(tok, tokens[j + 1]) &&
      (t.units.get(tokens[j + 1]?.lower ?? '') ?? 99) < 10
    ) {
      j++;
      continue;
    } else {
      break;
    }
    j++;
  }
  if (last === 'none' || j === i) return null;
  // "three-dimensional images", "a one-sided deal": a spelled number hyphenated to a word that
  // is no number, fraction or strength makes an adjective, not a count.
  const hyphen = tokens[j];
  const joined = tokens[j + 1];
  if (
    hyphen?.text === '-' &&
    joined?.kind === 'word' &&
    isAdjacent(tokens[j - 1], hyphen) &&
    isAdjacent(hyphen, joined) &&
    !HYPHENED_COUNT.test(joined.lower)
  )
    return null;
  return {
    value: total + current,
    end: j,
    scale,
    digits: false,
    plainDigits: null,
    another,
  };
}

/** Words that name a value as the one before a change ("from the existing 15,000"). */
const FORMER: ReadonlySet<string> = new Set(['existing', 'current', 'previous', 'initial']);

/** Words a spelled number may be hyphenated to and still count: fractions and strengths. */
const HYPHENED_COUNT =
  /^(?:thirds?|quarters?|halfs?|halves|fourths?|fifths?|sixths?|eighths?|tenths?|strong|plus)$/u;

function tables(lex: NumberLexicon): NumberTables {
  return tablesFor(lex);
}

function parseSimple(tokens: readonly Token[], i: number, lex: NumberLexicon): Simple | null {
  const tok = tokens[i];
  if (!tok) return null;
  if (tok.kind === 'num') return parseDigitNumber(tokens, i, lex);
  if (tok.kind === 'word') return parseWordNumber(tokens, i, lex);
  return null;
}

function hasChangeVerbBefore(
  tokens: readonly Token[],
  idx: number,
  t: NumberTables,
  window: number,
): boolean {
  for (let k = idx; k > Math.max(-1, idx - window - 1); k--) {
    if (matchEndingAt(tokens, k, t.changeVerbs)) return true;
  }
  return false;
}

/** Scales the low end of "10 to 12 thousand" and "10-12,000" like the high end. */
function distributeScale(a: Simple, b: Simple): number {
  if (a.scale === 1 && b.scale > 1 && a.value * b.scale <= b.value) return a.value * b.scale;
  if (
    a.digits &&
    b.digits &&
    a.scale === 1 &&
    b.scale === 1 &&
    a.value < 1000 &&
    b.value >= 1000 &&
    a.value * 1000 <= b.value &&
    a.value * 10_000 > b.value
  ) {
    return a.value * 1000;
  }
  return a.value;
}

/** Verbs whose particle is "over" ("hand over", "turned over"): after them it is no hedge. */
const OVER_VERBS = /^(?:hand|turn)(?:s|ed|ing)?$/u;

/**
 * Tokens an ISO date ("2024-10-18") or year-month ("2025-06") takes from `i`, else 0: a date
 * written with hyphens is neither a number nor a range.
 */
function isoDateLength(tokens: readonly Token[], i: number): number {
  const y = tokens[i];
  if (y?.kind !== 'num' || !/^(?:19|20)\d\d$/.test(y.text)) return 0;
  let k = i;
  let parts = 0;
  while (
    parts < 2 &&
    tokens[k + 1]?.text === '-' &&
    isAdjacent(tokens[k], tokens[k + 1]) &&
    isAdjacent(tokens[k + 1], tokens[k + 2]) &&
    /^\d\d$/.test(tokens[k + 2]?.text ?? '')
  ) {
    k += 2;
    parts++;
  }
  // A year range ("2024-25") has one two-digit part; a month has two digits under 13.
  if (parts === 2) return k - i + 1;
  if (parts === 1 && Number(tokens[k]!.text) <= 12 && tokens[k]!.text.startsWith('0'))
    return k - i + 1;
  return 0;
}

/**
 * Every number in already tokenised text, in order. Vague amounts ("thousands of",
 * "several hundred") are not numbers and are skipped.
 */
export function findNumbersInTokens(
  tokens: readonly Token[],
  text: string,
  lexicon: Lexicon = LEXICON_EN,
): NumberMention[] {
  const lex = lexicon.numbers;
  const t = tables(lex);
  const out: NumberMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const iso = isoDateLength(tokens, i);
    if (iso > 0) {
      i += iso;
      continue;
    }
    const a = parseSimple(tokens, i, lex);
    if (!a) {
      i++;
      continue;
    }
    if (matchEndingAt(tokens, i, t.vagueBefore)) {
      i = a.end;
      continue;
    }
    const startTok = i;
    let endTok = a.end;
    let value = a.value;
    let valueHigh: number | undefined;
    let kind: NumberMention['kind'] = 'single';
    let previousValue: number | undefined;
    let innerHedge: Qualifier | undefined;
    let low = startTok;

    // The word that opens a range or change may sit before A's hedge: "from about 11,000 to …".
    const hedgeOfA = matchEndingAt(tokens, startTok, t.hedgesBefore);
    let openerAt = hedgeOfA ? hedgeOfA.start - 1 : startTok - 1;
    // "from the existing 15,000 to 30,000": the earlier value named as such.
    if (
      FORMER.has(tokens[openerAt]?.lower ?? '') &&
      tokens[openerAt - 1]?.lower === 'the' &&
      t.from.has(tokens[openerAt - 2]?.lower ?? '')
    )
      openerAt -= 2;
    const before = tokens[openerAt];
    // "11 (or) 12,000": a joiner an editor put in brackets joins as the bare word does.
    const bracketed =
      tokens[a.end]?.text === '(' &&
      tokens[a.end + 2]?.text === ')' &&
      t.rangeJoiners.has(tokens[a.end + 1]?.lower ?? '');
    const joiner = bracketed ? tokens[a.end + 1] : tokens[a.end];
    const openedByBetween = before !== undefined && t.between.has(before.lower);
    // "rose by 3,000 to 15,000": the amount of a change opens it as "from" does; the count is
    // the new total.
    const openedByFrom =
      before !== undefined &&
      (t.from.has(before.lower) ||
        (before.lower === 'by' && hasChangeVerbBefore(tokens, openerAt, t, 4)));
    if (joiner) {
      const isBetweenAnd = openedByBetween && t.betweenAnd.has(joiner.lower);
      // "between 25 to 40 miles": a loose "between … to" still joins a range.
      const isJoiner =
        t.rangeJoiners.has(joiner.lower) && (!openedByBetween || !t.alternatives.has(joiner.lower));
      if (isBetweenAnd || isJoiner) {
        let bStart = a.end + (bracketed ? 3 : 1);
        // "10-to-12-thousand": the joiner word written between hyphens.
        if (
          joiner.text === '-' &&
          t.rangeJoiners.has(tokens[bStart]?.lower ?? '') &&
          tokens[bStart + 1]?.text === '-'
        ) {
          bStart += 2;
        }
        const hedge = matchAt(tokens, bStart, t.hedgesBefore);
        const change =
          openedByFrom &&
          t.changeTo.has(joiner.lower) &&
          // "has doubled its troop deployment to Russia from 15,000 to 30,000".
          hasChangeVerbBefore(tokens, openerAt, t, 8);
        if (hedge && change) bStart = hedge.end;
        const b = parseSimple(tokens, bStart, lex);
        const orJoin = t.alternatives.has(joiner.lower);
        const sameForm = b !== null && b.digits === a.digits;
        if (b && (!orJoin || sameForm)) {
          const lowValue = distributeScale(a, b);
          if (change) {
            kind = 'change';
            value = b.value;
            previousValue = lowValue;
            if (hedge) innerHedge = hedge.value;
            endTok = b.end;
            low = bStart;
          } else if (b.value > lowValue) {
            kind = 'range';
            value = lowValue;
            valueHigh = b.value;
            endTok = b.end;
          }
        }
      }
    }
    if ((openedByBetween || openedByFrom) && kind === 'range') low = openerAt;

    const hedgeAnchor = kind === 'change' ? startTok - 1 : low;
    let hedgeBefore = kind === 'change' ? null : matchEndingAt(tokens, hedgeAnchor, t.hedgesBefore);
    // "handed over two prisoners": the particle of a verb, not a hedge.
    if (
      hedgeBefore &&
      hedgeBefore.end - hedgeBefore.start === 1 &&
      tokens[hedgeBefore.start]!.lower === 'over' &&
      OVER_VERBS.test(tokens[hedgeBefore.start - 1]?.lower ?? '')
    )
      hedgeBefore = null;
    const hedgeAfter = matchAt(tokens, endTok, t.hedgesAfter);
    let qualifier: Qualifier = 'exact';
    if (kind === 'range') qualifier = 'range';
    else if (innerHedge) qualifier = innerHedge;
    else if (hedgeBefore) qualifier = hedgeBefore.value;
    else if (hedgeAfter) qualifier = hedgeAfter.value;
    const hedgeTokStart = hedgeBefore ? hedgeBefore.start : low;

    const prevTok = tokens[hedgeTokStart - 1];
    const another = a.another || (prevTok !== undefined && t.another.has(prevTok.lower));
    const previous =
      kind !== 'range' &&
      (matchEndingAt(tokens, hedgeTokStart, t.previousMarkers) !== null ||
        (prevTok !== undefined &&
          t.from.has(prevTok.lower) &&
          kind === 'single' &&
          hasChangeVerbBefore(tokens, hedgeTokStart - 1, t, 8)));
    const after = tokens[endTok];
    const more = after !== undefined && t.additional.has(after.lower);

    const first = tokens[low]!;
    const lastTok = tokens[endTok - 1]!;
    const numStart = kind === 'change' ? tokens[low]!.start : first.start;
    out.push({
      tokStart: kind === 'change' ? low : startTok,
      tokEnd: endTok,
      start: kind === 'change' ? numStart : tokens[startTok]!.start,
      end: lastTok.end,
      hedgeTokStart: kind === 'change' ? low : hedgeTokStart,
      value,
      ...(valueHigh !== undefined ? { valueHigh } : {}),
      qualifier,
      kind,
      ...(previousValue !== undefined ? { previousValue } : {}),
      another,
      more,
      previous,
      digits: a.digits,
      plainDigits: kind === 'single' ? a.plainDigits : null,
      text: text.slice(kind === 'change' ? numStart : tokens[startTok]!.start, lastTok.end),
    });
    i = endTok;
  }
  return out;
}

/** Every number in a text, in order; never throws. */
export function findNumbers(text: string, lexicon: Lexicon = LEXICON_EN): NumberMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  return findNumbersInTokens(tokenize(text, lexicon.numbers), text, lexicon);
}

/**
 * The first number in a text with its range and hedge ("more than 3,000" -> 3000,
 * `more_than`; "rose from 300 to 1,000" -> 1000), or null when there is none. Never throws.
 */
export function parseNumber(text: string, lexicon: Lexicon = LEXICON_EN): ParsedNumber | null {
  const first = findNumbers(text, lexicon).find((m) => !m.previous);
  if (!first) return null;
  return {
    value: first.value,
    ...(first.valueHigh !== undefined ? { valueHigh: first.valueHigh } : {}),
    qualifier: first.qualifier,
  };
}
