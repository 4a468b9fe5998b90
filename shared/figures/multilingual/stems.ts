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

/** Letter-or-mark flags of the Basic Multilingual Plane, filled a block of 256 at a time. */
const LETTER_BLOCKS: Array<Uint8Array | undefined> = [];
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

/** An entry whose characters may fold onto the stems' letters: ask the whole pattern. */
const WHOLE = Symbol('whole');

/**
 * The stems of one stem pattern by their first two characters. The pattern is
 * `(?=[first letters])(?<![\p{L}\p{M}])(stem1|stem2|…)[\p{L}\p{M}]*`, global, over text the
 * reader lower-cased; the stems are lower-case and in the pattern's order.
 */
export class StemIndex {
  /** Sub-patterns by first and second character code; null where no stem can match. */
  readonly #byKey = new Map<number, Map<number, RegExp | null | typeof WHOLE>>();
  /** The whole pattern, sticky: for characters a case-insensitive match may fold. */
  readonly #whole: RegExp;
  readonly #flags: string;
  readonly #alphabet: Set<string>;
  readonly #alphabetRe: RegExp | null;

  private constructor(
    private readonly stems: readonly string[],
    private readonly patterns: readonly string[],
    whole: RegExp,
  ) {
    const flags = whole.flags.replace('g', '');
    this.#flags = `${flags}y`;
    this.#whole = new RegExp(whole.source, this.#flags);
    this.#alphabet = new Set(stems.flatMap((s) => [...s.slice(0, 2)]));
    const escaped = [...this.#alphabet].map((ch) => ch.replace(/[\\\]^-]/g, '\\$&')).join('');
    this.#alphabetRe = whole.ignoreCase ? new RegExp(`^[${escaped}]$`, flags) : null;
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
        const same = new RegExp(`^${ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'iu');
        if (letters.some((other) => other !== ch && same.test(other))) return null;
      }
    }
    return index;
  }

  /** A character that is none of the stems' letters but may match one ignoring case. */
  #folds(ch: string): boolean {
    return this.#alphabetRe !== null && !this.#alphabet.has(ch) && this.#alphabetRe.test(ch);
  }

  #entry(first: number, second: number): RegExp | null | typeof WHOLE {
    let row = this.#byKey.get(first);
    if (!row) {
      row = new Map();
      this.#byKey.set(first, row);
    }
    let entry = row.get(second);
    if (entry === undefined) {
      const a = String.fromCharCode(first);
      const b = second < 0 ? '' : String.fromCharCode(second);
      if (this.#folds(a) || (b !== '' && this.#folds(b))) entry = WHOLE;
      else {
        // A stem's second letter, unless it is shorter or its first word is one letter long
        // (a space in a stem stands for any ending and a gap).
        const alts = this.patterns.filter((_, k) => {
          const s = this.stems[k]!;
          return s[0] === a && (s.length < 2 || s[1] === ' ' || s[1] === b);
        });
        entry =
          alts.length === 0 ? null : new RegExp(`(${alts.join('|')})[\\p{L}\\p{M}]*`, this.#flags);
      }
      row.set(second, entry);
    }
    return entry;
  }

  /** The match at a word start, as the whole pattern would find it there. */
  #at(text: string, p: number): RegExpExecArray | null {
    const entry = this.#entry(
      text.charCodeAt(p),
      p + 1 < text.length ? text.charCodeAt(p + 1) : -1,
    );
    if (entry === null) return null;
    const re = entry === WHOLE ? this.#whole : entry;
    re.lastIndex = p;
    return re.exec(text);
  }

  /** Every match in `text`, as a global exec loop of the whole pattern finds them. */
  hits(text: string, starts: readonly number[] = wordStarts(text)): StemHit[] {
    const out: StemHit[] = [];
    let end = 0;
    for (const p of starts) {
      if (p < end) continue;
      const m = this.#at(text, p);
      if (!m) continue;
      end = p + m[0].length;
      out.push({ start: p, end, text: m[1] ?? m[0] });
    }
    return out;
  }

  /** Whether the whole pattern matches anywhere in `text`. */
  test(text: string, starts: readonly number[] = wordStarts(text)): boolean {
    for (const p of starts) if (this.#at(text, p)) return true;
    return false;
  }
}
