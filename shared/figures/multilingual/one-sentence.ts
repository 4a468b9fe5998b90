/**
 * Lines the Unicode sentence rules cannot break: the pack reader asks `Intl.Segmenter` for a
 * line's sentences, which is slow, and most lines of news are one sentence.
 */

/** A sentence terminator (`Sentence_Break` STerm or ATerm), tested one code unit at a time. */
const TERMINATOR = /^[\p{Sentence_Terminal}\u2024\ufe52\uff0e]$/u;

/** What a code unit is to the sentence rules. */
const UNKNOWN = 0;
const OTHER = 1;
const TERM = 2;
/** A separator (CR, LF, NEL, LS, PS) or a surrogate: only the segmenter reads lines with one. */
const STOP = 3;

/** {@link UNKNOWN}, {@link OTHER}, {@link TERM} or {@link STOP} by code unit, filled as met. */
const KINDS = new Uint8Array(0x10000);

function kindOf(code: number): number {
  let kind = KINDS[code]!;
  if (kind === UNKNOWN) {
    if (
      code === 0x0a ||
      code === 0x0d ||
      code === 0x85 ||
      code === 0x2028 ||
      code === 0x2029 ||
      (code >= 0xd800 && code <= 0xdfff)
    )
      kind = STOP;
    else kind = TERMINATOR.test(String.fromCharCode(code)) ? TERM : OTHER;
    KINDS[code] = kind;
  }
  return kind;
}

/**
 * Whether a line is one sentence to the Unicode sentence rules (UAX #29: breaks come only after
 * a separator, SB4, or after terminators with closers and spaces, SB11): some text with no
 * terminator or separator, then at most one run of terminators, then spaces or tabs. A line
 * with a surrogate, or of spaces only, is left to the segmenter.
 */
export function isOneSentence(line: string): boolean {
  let end = line.length;
  while (end > 0) {
    const code = line.charCodeAt(end - 1);
    if (code !== 0x20 && code !== 0x09 && code !== 0xa0) break;
    end--;
  }
  let body = end;
  while (body > 0 && kindOf(line.charCodeAt(body - 1)) === TERM) body--;
  if (body === 0) return false;
  for (let j = 0; j < line.length; j++) {
    const kind = kindOf(line.charCodeAt(j));
    if (kind === STOP || (kind === TERM && j < body)) return false;
  }
  return true;
}
