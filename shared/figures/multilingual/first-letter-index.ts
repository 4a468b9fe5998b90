/**
 * A long alternation of words, read by the first letter of each word instead of by one regex.
 *
 * V8 stops optimising the regexes it compiles once a process has generated about a megabyte of
 * regex code (its `TooMuchRegExpCode` check: one megabyte generated and 16 MB of executable
 * memory). The language packs generate far more than that, so which packs stay fast depended on
 * which language a process read first: Korean read after German and English took three times
 * as long, and a Lambda that lives for hours meets every pack. An unoptimised alternation tries
 * each of its hundreds of words at every position; this index tries only the words that start
 * with the letter found there, so its cost does not depend on what V8 decided.
 */

/** One match: where it starts and ends, and its text. */
export interface LetterHit {
  start: number;
  end: number;
  text: string;
}

/** Letters and digits: the only first characters the index keys on. */
const KEYABLE = /^[\p{L}\p{N}]$/u;

/** Not yet decided for a code unit; no word starts with it. Other values: a group's number. */
const UNKNOWN = -2;
const NONE = -1;

/**
 * The words of a pattern `(word1|word2|…)` (each word a regex source), grouped by their first
 * letter. Matches are those of the global pattern: leftmost, and at one position the first word
 * in the pattern's order that matches.
 */
export class FirstLetterIndex {
  /** Each group's words as one sticky regex, in the pattern's order. */
  readonly #groups: RegExp[];
  /** Each group's first letter, as a one-character pattern under the pattern's flags. */
  readonly #letters: RegExp[];
  /** Group by code unit, decided lazily: case folding may send a character to a group. */
  readonly #byCode = new Int16Array(0x10000).fill(UNKNOWN);

  private constructor(groups: RegExp[], letters: RegExp[]) {
    this.#groups = groups;
    this.#letters = letters;
  }

  /**
   * The index of an alternation, or null where it cannot stand for it: a word whose first
   * character is not a letter or digit of one code unit.
   * @param words each word's text (its first character is what a match starts with)
   * @param sources each word's regex source, in the pattern's order
   * @param flags the pattern's flags (`g` and `y` are dropped)
   */
  static build(words: readonly string[], sources: readonly string[], flags: string) {
    if (words.length === 0 || words.length !== sources.length) return null;
    const ignoreCase = flags.includes('i');
    const byFirst = new Map<string, string[]>();
    for (const [i, word] of words.entries()) {
      const first = word[0] ?? '';
      const code = first.charCodeAt(0);
      if (!KEYABLE.test(first) || (code >= 0xd800 && code <= 0xdfff)) return null;
      const key = ignoreCase ? first.toLowerCase() : first;
      if (key.length !== 1) return null;
      const list = byFirst.get(key) ?? [];
      list.push(sources[i]!);
      byFirst.set(key, list);
    }
    const sticky = `${flags.replace(/[gy]/g, '')}y`;
    const plain = flags.replace(/[gy]/g, '');
    // Two first letters that one case-insensitive match treats as one would need one group.
    const keys = [...byFirst.keys()];
    const letters = keys.map(
      (k) => new RegExp(`^${k.replace(/[\\\]^$.|?*+()[{}-]/g, '\\$&')}$`, plain),
    );
    if (ignoreCase && letters.some((re, i) => keys.some((other, j) => j !== i && re.test(other))))
      return null;
    const groups = keys.map((k) => new RegExp(`(?:${byFirst.get(k)!.join('|')})`, sticky));
    return new FirstLetterIndex(groups, letters);
  }

  #groupOf(code: number): number {
    let g = this.#byCode[code]!;
    if (g !== UNKNOWN) return g;
    g = NONE;
    if (code < 0xd800 || code > 0xdfff) {
      const ch = String.fromCharCode(code);
      const i = this.#letters.findIndex((re) => re.test(ch));
      if (i !== -1) g = i;
    }
    this.#byCode[code] = g;
    return g;
  }

  /** Every match, left to right, none overlapping: what a global exec loop finds. */
  hits(text: string): LetterHit[] {
    const out: LetterHit[] = [];
    for (let i = 0; i < text.length; ) {
      const g = this.#groupOf(text.charCodeAt(i));
      if (g === NONE) {
        i++;
        continue;
      }
      const re = this.#groups[g]!;
      re.lastIndex = i;
      const m = re.exec(text);
      if (m === null || m[0] === '') {
        i++;
        continue;
      }
      out.push({ start: i, end: i + m[0].length, text: m[0] });
      i += m[0].length;
    }
    return out;
  }

  /** Whether any word occurs. */
  test(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      const g = this.#groupOf(text.charCodeAt(i));
      if (g === NONE) continue;
      const re = this.#groups[g]!;
      re.lastIndex = i;
      if (re.test(text)) return true;
    }
    return false;
  }
}
