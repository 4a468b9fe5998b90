/** Renders rows as an aligned text table, for people reading a terminal. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((row) => row.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Formats a figure's number the way a reader says it: 3,000 or 10,000–12,000. */
export function formatValue(value: number, valueHigh?: number | null): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return valueHigh ? `${n(value)}–${n(valueHigh)}` : n(value);
}
