/**
 * A small tokenizer and phrase tables over its tokens. Numbers, units, hedges and cues are all
 * matched on the same tokens, so a phrase in a word table ("North Korea's", "killed, wounded")
 * lines up with the article however it is spaced.
 */

import type { NumberLexicon } from './lexicon.ts';
import { codePointEnd, isSpace } from './multilingual/stems.ts';

/** What a token is: digits (with their grouping), a word, or one punctuation character. */
export type TokenKind = 'num' | 'word' | 'punct';

/** One token with its offsets in the tokenised string. */
export interface Token {
  text: string;
  /** Lower case with typographic apostrophes folded to `'`; what tables are matched against. */
  lower: string;
  start: number;
  end: number;
  kind: TokenKind;
}

/**
 * The two sticky patterns tokens are read with: a number (digits with their grouping), a word.
 * Read with `test` calls at a token's position, they build no match arrays (a global pattern of
 * the three kinds, with a group each, built one per token: much of what tokenising allocated).
 */
interface TokenPatterns {
  num: RegExp;
  word: RegExp;
}

const regexCache = new WeakMap<NumberLexicon, TokenPatterns>();

function escapeClass(chars: string[]): string {
  return chars.map((c) => c.replace(/[\\\]^-]/g, (m) => `\\${m}`)).join('');
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function tokenPatterns(numbers: NumberLexicon): TokenPatterns {
  const cached = regexCache.get(numbers);
  if (cached) return cached;
  const tight = numbers.thousandsSeparators.filter((c) => c !== ' ');
  const sep = escapeClass(tight);
  const dec = escapeRe(numbers.decimalSeparator);
  const grouped = `\\d{1,3}(?:[${sep}]\\d{3})+(?!\\d)(?:${dec}\\d+)?`;
  // A plain space groups thousands ("11 000") only when no measure follows: "20 240mm rocket
  // launchers" is twenty 240mm launchers, not 20,240.
  const measures = numbers.spaceGroupBreakers.map(escapeRe).join('|');
  const spaced = numbers.thousandsSeparators.includes(' ')
    ? `\\d{1,3}(?: \\d{3})+(?![\\d\\p{L}\\-\u2010-\u2015])(?!\\s*(?:${measures})(?![\\p{L}]))|`
    : '';
  const plain = `\\d+(?:${dec}\\d+)?`;
  const initialism = `\\p{L}(?:\\.\\p{L})+\\.?(?!\\p{L})`;
  const word = `\\p{L}[\\p{L}\\p{M}\\d]*(?:['\u2019]\\p{L}+)*`;
  const patterns = {
    num: new RegExp(`(?:${spaced}${grouped}|${plain})`, 'uy'),
    word: new RegExp(`(?:${initialism}|${word})`, 'uy'),
  };
  regexCache.set(numbers, patterns);
  return patterns;
}

/** Lower-cases a token text and folds typographic apostrophes, for table lookups. */
export function foldToken(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

/**
 * Splits text into number, word and punctuation tokens. Digit groups joined by the language's
 * thousands separators ("3,000", "11 000") are one token; everything else splits at spaces.
 */
export function tokenize(text: string, numbers: NumberLexicon): Token[] {
  // What a global exec loop of `(number)|(word)|(\S)` finds: every token starts at the next
  // character that is no space (`\S` matches there when the others do not), and is the first
  // group that matches there. A number starts with an ASCII digit, and `\d+` matches one.
  const { num, word } = tokenPatterns(numbers);
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    let end: number;
    let kind: TokenKind;
    if (code >= 48 && code <= 57) {
      num.lastIndex = i;
      num.test(text);
      end = num.lastIndex;
      kind = 'num';
    } else {
      word.lastIndex = i;
      if (word.test(text)) {
        end = word.lastIndex;
        kind = 'word';
      } else {
        end = codePointEnd(text, i);
        kind = 'punct';
      }
    }
    const t = text.slice(i, end);
    out.push({ text: t, lower: foldToken(t), start: i, end, kind });
    i = end;
  }
  return out;
}

/** Phrases keyed by their first word, longest first, so a lookup finds the longest match. */
export interface PhraseTable<T> {
  byFirst: Map<string, Array<{ words: string[]; value: T }>>;
  byLast: Map<string, Array<{ words: string[]; value: T }>>;
}

/** Builds a phrase table; each phrase is tokenised the way article text is. */
export function buildPhraseTable<T>(
  entries: ReadonlyArray<readonly [string, T]>,
  numbers: NumberLexicon,
): PhraseTable<T> {
  const byFirst = new Map<string, Array<{ words: string[]; value: T }>>();
  const byLast = new Map<string, Array<{ words: string[]; value: T }>>();
  for (const [phrase, value] of entries) {
    const words = tokenize(phrase, numbers).map((t) => t.lower);
    if (words.length === 0) continue;
    const item = { words, value };
    const first = words[0]!;
    const last = words[words.length - 1]!;
    if (!byFirst.has(first)) byFirst.set(first, []);
    byFirst.get(first)!.push(item);
    if (!byLast.has(last)) byLast.set(last, []);
    byLast.get(last)!.push(item);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  for (const list of byLast.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst, byLast };
}

/** A phrase found in a token list: its value and token range `[start, end)`. */
export interface PhraseMatch<T> {
  value: T;
  start: number;
  end: number;
}

/** The longest phrase that starts at token `i`, or null. */
export function matchAt<T>(
  tokens: readonly Token[],
  i: number,
  table: PhraseTable<T>,
): PhraseMatch<T> | null {
  const tok = tokens[i];
  if (!tok) return null;
  const list = table.byFirst.get(tok.lower);
  if (!list) return null;
  for (const item of list) {
    const n = item.words.length;
    if (i + n > tokens.length) continue;
    let ok = true;
    for (let k = 1; k < n; k++) {
      if (tokens[i + k]!.lower !== item.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { value: item.value, start: i, end: i + n };
  }
  return null;
}

/** The longest phrase that ends just before token `end` (exclusive), or null. */
export function matchEndingAt<T>(
  tokens: readonly Token[],
  end: number,
  table: PhraseTable<T>,
): PhraseMatch<T> | null {
  const tok = tokens[end - 1];
  if (!tok) return null;
  const list = table.byLast.get(tok.lower);
  if (!list) return null;
  for (const item of list) {
    const n = item.words.length;
    const start = end - n;
    if (start < 0) continue;
    let ok = true;
    for (let k = 0; k < n - 1; k++) {
      if (tokens[start + k]!.lower !== item.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { value: item.value, start, end };
  }
  return null;
}

/**
 * All non-overlapping longest matches in tokens `[from, to)`, scanning left to right, so
 * "killed and wounded" is one match and never also "wounded".
 */
export function findAll<T>(
  tokens: readonly Token[],
  from: number,
  to: number,
  table: PhraseTable<T>,
): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  let i = Math.max(0, from);
  const stop = Math.min(to, tokens.length);
  while (i < stop) {
    const m = matchAt(tokens, i, table);
    if (m && m.end <= stop) {
      out.push(m);
      i = m.end;
    } else {
      i++;
    }
  }
  return out;
}

/** A set of single lower-case words, for membership tests. */
export function wordSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(foldToken));
}
