/**
 * Finding a pack's word stems at word starts without scanning every position with one big
 * pattern. The reader's stem patterns (`stemRe` in `reader.ts`) are one alternation of a
 * hundred or more stems, tried at every word start of every sentence; most alternatives fail
 * on their first two letters. Here the alternatives that can match at a word start are picked
 * by its first two characters, and only those are tried: the same alternatives in the same
 * order, so the same match, found with a much smaller pattern.
 */

/** A match of a stem pattern: where it starts and ends, and the stem part (group 1). */
export interface StemHit {
  start: number;
  end: number;
  text: string;
}

/**
 * Letter-or-mark flags of the Basic Multilingual Plane, filled a block of 256 at a time; all
 * 256 slots exist from the start, so reading a new block is no out-of-bounds read (a deopt).
 */
const LETTER_BLOCKS: Array<Uint8Array | undefined> = new Array(256).fill(undefined);
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

function letterOrMark(code: number): boolean {
  const block = code >> 8;
  let flags = LETTER_BLOCKS[block];
  if (!flags) {
    flags = new Uint8Array(256);
    for (let i = 0; i < 256; i++) {
      const c = (block << 8) | i;
      // Lone surrogates are no letters, as in a unicode pattern.
      if (c < 0xd800 || c > 0xdfff) flags[i] = LETTER_OR_MARK.test(String.fromCharCode(c)) ? 1 : 0;
    }
    LETTER_BLOCKS[block] = flags;
  }
  return flags[code & 0xff] === 1;
}

/**
 * Where each run of letters and marks starts, by code point as a unicode pattern's
 * `(?<![\p{L}\p{M}])[\p{L}\p{M}]` finds them.
 */
export function wordStarts(text: string): number[] {
  const out: number[] = [];
  let previous = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let letter: boolean;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        letter = LETTER_OR_MARK.test(text.slice(i, i + 2));
        if (letter && !previous) out.push(i);
        previous = letter;
        i++;
        continue;
      }
    }
    letter = letterOrMark(code);
    if (letter && !previous) out.push(i);
    previous = letter;
  }
  return out;
}

/** The code units {@link StemIndex} keeps a first-letter table for (Latin and Cyrillic). */
const FIRST_TABLE = 0x800;

/** An entry whose characters fold onto no single stem letter: ask the whole pattern. */
const WHOLE = Symbol('whole');

/** The stems that may match at a word start: their sub-pattern and their literal heads. */
interface Entry {
  /** The stems' sub-pattern, for texts whose letters {@link StemIndex.match} cannot be sure of. */
  re: RegExp;
  /** The stems, by their place in the pattern. */
  ks: number[];
}

/** Code units `\s` matches. */
export function isSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The index after the code point at `i`: a surrogate pair is one character. */
export function codePointEnd(text: string, i: number): number {
  const hi = text.charCodeAt(i);
  const lo = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff ? i + 2 : i + 1;
}

/** The end of the run of letters and marks from `i`, by code point. */
export function skipLetters(text: string, i: number): number {
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (!LETTER_OR_MARK.test(text.slice(i, i + 2))) return i;
        i += 2;
        continue;
      }
    }
    if (!letterOrMark(code)) return i;
    i++;
  }
  return i;
}

/**
 * Where the next run of letters and marks starts from `i`, by code point, as a global exec loop
 * of the unicode pattern `[\p{L}\p{M}]+` finds it; the text's length where none does. A table
 * read, where the pattern's letter class calls out of its compiled code for every non-ASCII
 * character.
 */
export function nextLetterAt(text: string, i: number): number {
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (LETTER_OR_MARK.test(text.slice(i, i + 2))) return i;
        i += 2;
        continue;
      }
    }
    if (letterOrMark(code)) return i;
    i++;
  }
  return i;
}

/**
 * `text.split(/[^\p{L}\p{M}]+/u)`, the same strings (an empty one before a leading separator
 * and after a trailing one), cut where the letter table says: the pattern's letter class calls
 * out of its compiled code for every non-ASCII character, and the reader splits short stretches
 * around every name and cue this way.
 */
export function splitLetters(text: string): string[] {
  if (text === '') return [''];
  const out: string[] = [];
  let i = nextLetterAt(text, 0);
  // A leading separator leaves an empty string before it; one that is the whole text, after too.
  if (i > 0) out.push('');
  if (i === text.length) {
    out.push('');
    return out;
  }
  while (i < text.length) {
    const end = skipLetters(text, i);
    out.push(text.slice(i, end));
    i = nextLetterAt(text, end);
    if (end < text.length && i === text.length) out.push('');
  }
  return out;
}

/**
 * The end of the word the sticky unicode pattern `[\p{L}\p{M}][\p{L}\p{M}'’]*` matches at `i`
 * (a letter or mark, then letters, marks and apostrophes), or -1 where it matches none; read
 * from the letter table, as {@link nextLetterAt} is.
 */
export function wordEndAt(text: string, i: number): number {
  let at = skipLetters(text, i);
  if (at === i) return -1;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 0x27 || code === 0x2019) {
      at++;
      continue;
    }
    const next = skipLetters(text, at);
    if (next === at) break;
    at = next;
  }
  return at;
}

/**
 * Where the next word of a phrase starts, the previous word's stem having matched up to `i`:
 * past the rest of that word's letters and then one run of spaces or one hyphen, as a stem
 * pattern joins its words ("[letters]*(?:\\s+|-)"); -1 when neither follows.
 */
export function nextWordAt(text: string, i: number): number {
  let at = skipLetters(text, i);
  const code = text.charCodeAt(at);
  if (isSpace(code)) {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    return at;
  }
  return code === 45 ? at + 1 : -1;
}

/** What matching one stem at a word start found. */
const NO = 0;
const YES = 1;
/** A character that may fold onto a stem letter, or a stem spelt with spaces of other kinds. */
const UNSURE = 2;

/** A one-character case-insensitive pattern per character, shared by all indexes. */
const sameLetter = new Map<string, RegExp>();

function sameLetterRe(ch: string): RegExp {
  let re = sameLetter.get(ch);
  if (!re) {
    re = new RegExp(`^${ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'iu');
    sameLetter.set(ch, re);
  }
  return re;
}

/** Case-insensitive equality of two code units as a unicode pattern's literal reads it. */
const sameCase = new Map<number, boolean>();

/** Whether text code unit `code` matches the pattern letter `letter` with the i flag. */
export function sameLetterIgnoringCase(code: number, letter: number): boolean {
  if (code === letter) return true;
  const key = code * 0x10000 + letter;
  let same = sameCase.get(key);
  if (same === undefined) {
    same = sameLetterRe(String.fromCharCode(letter)).test(String.fromCharCode(code));
    sameCase.set(key, same);
  }
  return same;
}

/**
 * The stems of one stem pattern by their first two characters. The pattern is
 * `(?=[first letters])(?<![\p{L}\p{M}])(stem1|stem2|…)[\p{L}\p{M}]*`, global, over text the
 * reader lower-cased; the stems are lower-case and in the pattern's order.
 */
export class StemIndex {
  /** Entries by first and second character code; null where no stem can match. */
  readonly #byKey = new Map<number, Entry | null | typeof WHOLE>();
  /** The whole pattern, sticky: for characters a case-insensitive match may fold. */
  readonly #whole: RegExp;
  readonly #flags: string;
  /** Every character the stems spell (their spaces stand for a gap, not a character). */
  readonly #alphabet: Set<string>;
  readonly #alphabetRe: RegExp | null;
  /** {@link StemIndex.folds} by character code. */
  readonly #folding = new Map<number, boolean>();
  /** Each stem's words, or null for one only its pattern can read (odd spaces, surrogates). */
  readonly #words: Array<string[] | null>;
  /** Each stem's first code unit, as a number: a cache miss compares no strings. */
  readonly #firsts: Int32Array;
  /** Each stem's second code unit; -1 where any second one will do (one letter, or a space). */
  readonly #seconds: Int32Array;
  /** By code unit below {@link FIRST_TABLE}: 1 where no match can start, 2 where one may; 0 unknown. */
  readonly #starting = new Uint8Array(FIRST_TABLE);
  /** The end of the last match, and of its stem part (group 1). */
  #end = 0;
  #stemEnd = 0;

  private constructor(
    stems: readonly string[],
    private readonly patterns: readonly string[],
    whole: RegExp,
  ) {
    const flags = whole.flags.replace('g', '');
    this.#flags = `${flags}y`;
    this.#whole = new RegExp(whole.source, this.#flags);
    this.#alphabet = new Set(stems.flatMap((s) => [...s]).filter((ch) => ch !== ' '));
    const escaped = [...this.#alphabet].map((ch) => ch.replace(/[\\\]^-]/g, '\\$&')).join('');
    this.#alphabetRe = whole.ignoreCase ? new RegExp(`^[${escaped}]$`, flags) : null;
    this.#words = stems.map((stem) => {
      const words = stem.split(' ');
      return words.some((w) => w === '' || /[\s\ud800-\udfff]/.test(w)) ? null : words;
    });
    this.#firsts = Int32Array.from(stems, (stem) => stem.charCodeAt(0));
    this.#seconds = Int32Array.from(stems, (stem) =>
      stem.length < 2 || stem[1] === ' ' ? -1 : stem.charCodeAt(1),
    );
  }

  /**
   * The index of a stem pattern, or null when one cannot stand for it: a stem that does not
   * start with a letter, or two stem letters a case-insensitive match treats as one.
   */
  static build(stems: readonly string[], patterns: readonly string[], whole: RegExp) {
    if (!whole.global || !whole.unicode || whole.sticky) return null;
    if (
      stems.some((s) => s === '' || !LETTER_OR_MARK.test(String.fromCodePoint(s.codePointAt(0)!)))
    )
      return null;
    const index = new StemIndex(stems, patterns, whole);
    if (whole.ignoreCase) {
      const letters = [...index.#alphabet];
      for (const ch of letters) {
        const same = sameLetterRe(ch);
        if (letters.some((other) => other !== ch && same.test(other))) return null;
      }
    }
    return index;
  }

  /** A character that is none of the stems' letters but may match one ignoring case. */
  #folds(code: number): boolean {
    let folds = this.#folding.get(code);
    if (folds === undefined) {
      const ch = String.fromCharCode(code);
      folds = this.#alphabetRe !== null && !this.#alphabet.has(ch) && this.#alphabetRe.test(ch);
      this.#folding.set(code, folds);
    }
    return folds;
  }

  /**
   * The stem letter code unit `code` matches ignoring case: itself unless it
   * {@link StemIndex.folds}, else the one letter it folds onto ("М" for "м"), so that a capital
   * picks the stems its small letter does; -2 where no single letter of one code unit is it.
   */
  #letterOf(code: number): number {
    if (!this.#folds(code)) return code;
    const ch = String.fromCharCode(code);
    const letters = [...this.#alphabet].filter((letter) => sameLetterRe(letter).test(ch));
    return letters.length === 1 && letters[0]!.length === 1 ? letters[0]!.charCodeAt(0) : -2;
  }

  /**
   * Whether no match can start with code unit `first`: no stem starts with it and it folds
   * onto none of their letters, so the pattern's `(?=[first letters])` fails there, whatever
   * follows. Read before {@link StemIndex.#entry}'s map, which most word starts then skip.
   */
  #cannotStart(first: number): boolean {
    if (first >= FIRST_TABLE) return false;
    let starting = this.#starting[first]!;
    if (starting === 0) {
      starting = this.#firsts.includes(first) || this.#folds(first) ? 2 : 1;
      this.#starting[first] = starting;
    }
    return starting === 1;
  }

  #entry(first: number, second: number): Entry | null | typeof WHOLE {
    const key = first * 0x10001 + second + 1;
    let entry = this.#byKey.get(key);
    if (entry === undefined) {
      const a = this.#letterOf(first);
      const b = second >= 0 ? this.#letterOf(second) : -1;
      if (a === -2 || b === -2) entry = WHOLE;
      else {
        // A stem's second letter, unless it is shorter or its first word is one letter long
        // (a space in a stem stands for any ending and a gap).
        const ks: number[] = [];
        for (let k = 0; k < this.#firsts.length; k++)
          if (
            this.#firsts[k] === a &&
            (this.#seconds[k] === -1 || (b >= 0 && this.#seconds[k] === b))
          )
            ks.push(k);
        entry =
          ks.length === 0
            ? null
            : {
                re: new RegExp(
                  `(${ks.map((k) => this.patterns[k]).join('|')})[\\p{L}\\p{M}]*`,
                  this.#flags,
                ),
                ks,
              };
      }
      this.#byKey.set(key, entry);
    }
    return entry;
  }

  /**
   * Stem `k` at `p` as its part of the pattern reads it: each word as written (the first two
   * letters were matched already), then any letters, then spaces or a hyphen before the next;
   * any letters after the last. A letter stays where the next character is no letter, so the
   * pattern never backtracks there.
   */
  #matchAt(text: string, p: number, k: number): number {
    const words = this.#words[k];
    if (!words) return UNSURE;
    let i = p;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      if (w > 0) {
        i = nextWordAt(text, i);
        if (i < 0) return NO;
      }
      if (i + word.length > text.length) return NO;
      for (let j = w === 0 ? 2 : 0; j < word.length; j++) {
        const code = text.charCodeAt(i + j);
        if (code !== word.charCodeAt(j)) return this.#folds(code) ? UNSURE : NO;
      }
      i += word.length;
    }
    this.#stemEnd = i;
    this.#end = skipLetters(text, i);
    return YES;
  }

  /** Whether the pattern matches at a word start; where it ends is in #end and #stemEnd. */
  #at(text: string, p: number): boolean {
    const first = text.charCodeAt(p);
    if (this.#cannotStart(first)) return false;
    const entry = this.#entry(first, p + 1 < text.length ? text.charCodeAt(p + 1) : -1);
    if (entry === null) return false;
    if (entry === WHOLE) return this.#exec(this.#whole, text, p);
    for (const k of entry.ks) {
      // The first stem that matches is the alternative the pattern takes.
      const found = this.#matchAt(text, p, k);
      if (found === YES) return true;
      if (found === UNSURE) return this.#exec(entry.re, text, p);
    }
    return false;
  }

  #exec(re: RegExp, text: string, p: number): boolean {
    re.lastIndex = p;
    const m = re.exec(text);
    if (!m) return false;
    this.#end = p + m[0].length;
    this.#stemEnd = p + (m[1] ?? m[0]).length;
    return true;
  }

  /** Every match in `text`, as a global exec loop of the whole pattern finds them. */
  hits(text: string, starts: readonly number[] = wordStarts(text)): StemHit[] {
    const out: StemHit[] = [];
    let end = 0;
    for (const p of starts) {
      if (p < end || !this.#at(text, p)) continue;
      end = this.#end;
      out.push({ start: p, end, text: text.slice(p, this.#stemEnd) });
    }
    return out;
  }

  /** Whether the whole pattern matches anywhere in `text`. */
  test(text: string, starts: readonly number[] = wordStarts(text)): boolean {
    for (const p of starts) if (this.#at(text, p)) return true;
    return false;
  }
}
