/**
 * What every part of `npm run eval` returns: the table it prints and the floors it missed. A
 * part never prints or exits itself, so `eval/run.ts` can run them in turn and fail once, at
 * the end, naming everything that missed.
 */
export interface PartResult {
  /** Short name used in messages ("seeds", "pages", "feeds"). */
  part: string;
  /** The table and the floors, ready to print. */
  lines: string[];
  /** One message per floor missed, each naming the figure, its value and its floor. */
  failures: string[];
}

/** A number as the tables show it: three decimals. */
export function fmt(n: number): string {
  return n.toFixed(3);
}

/** Left-aligned columns separated by two spaces, for a small plain-text table. */
export function table(rows: ReadonlyArray<ReadonlyArray<string | number>>): string[] {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}
