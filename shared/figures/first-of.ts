/**
 * A lookahead for the first characters of a regex alternation's phrases, put before the rest of
 * the pattern: a position no phrase starts at fails on one class test. It saves the lookbehind's
 * letter class at every position (a call out of compiled code for each non-ASCII character),
 * and it keeps a long alternation cheap where V8 compiled it without optimisation, as it does
 * once a process has generated about a megabyte of regex code (see
 * `multilingual/first-letter-index.ts`). The matches are the same, since every phrase starts
 * with one of those characters (a leading space stands for `\s`); '' where a phrase is empty.
 */
export function firstOf(phrases: readonly string[]): string {
  if (phrases.some((p) => p === '')) return '';
  const firsts = new Set(
    phrases.map((p) =>
      p[0] === ' ' ? '\\s' : String.fromCodePoint(p.codePointAt(0)!).replace(/[\\\]^-]/g, '\\$&'),
    ),
  );
  return `(?=[${[...firsts].join('')}])`;
}
