import type { Style } from './terminal.ts';
import { paint, stripControls } from './terminal.ts';

/**
 * Columns a character takes on a terminal: 2 for East Asian wide and full-width characters (the
 * Korean, Chinese and Japanese titles some feeds carry), 0 for combining marks and zero-width
 * characters, else 1. Close enough to wcwidth for alignment without shipping its tables.
 */
export function charWidth(codePoint: number): number {
  if (
    (codePoint >= 0x0300 && codePoint <= 0x036f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f)
  ) {
    return 0;
  }
  if (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0x33ff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xa960 && codePoint <= 0xa97f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Columns a string takes on a terminal (see {@link charWidth}). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0)!);
  return width;
}

/** The text cut to `width` columns, its last one an ellipsis when anything was cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char.codePointAt(0)!);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/** How a table is laid out for the terminal it goes to. */
export interface TableOptions {
  /** Columns the table may take; absent, nothing is cut (the `--wide` view, and piped output). */
  width?: number;
  /** Columns never cut, such as ids a user pastes back into a command. */
  keep?: readonly number[];
  /** Columns cut first (long free text: titles, errors); the others only if still too wide. */
  flex?: readonly number[];
  /** Columns left out, in this order, while the flex columns alone cannot make the table fit. */
  drop?: readonly number[];
  /** Colour the table: headings bold, and each cell as `style` says. */
  color?: boolean;
  /** The style of a body cell, given its column and its text. */
  style?: (column: number, text: string) => Style | undefined;
}

/** A cut column keeps at least this many characters (or its heading, if shorter). */
const MIN_CUT_WIDTH = 8;
/** A free-text column keeps this many characters while another column can be left out. */
const MIN_FLEX_WIDTH = 24;
const GAP = 2;

/**
 * Column widths for the shown columns within `width`: the widest `flex` column narrowed, in turn,
 * down to a readable width, then the widest of all not in `keep`. `overflow` tells that the flex
 * columns alone could not make it fit (so a droppable column should go).
 */
function fitColumns(
  natural: readonly number[],
  headers: readonly string[],
  shown: readonly number[],
  width: number,
  options: TableOptions,
): { widths: number[]; overflow: boolean } {
  const widths = [...natural];
  const keep = new Set(options.keep ?? []);
  const flex = new Set(options.flex ?? []);
  const floor = natural.map((w, i) =>
    keep.has(i) ? w : Math.min(w, Math.max(MIN_CUT_WIDTH, displayWidth(headers[i]!))),
  );
  // Free text stays readable while other ways to fit remain (leaving a column out).
  const softFloor = floor.map((f, i) =>
    flex.has(i) ? Math.max(f, Math.min(natural[i]!, MIN_FLEX_WIDTH)) : f,
  );
  let over = shown.reduce((sum, i) => sum + widths[i]!, 0) + GAP * (shown.length - 1) - width;
  const narrow = (eligible: (i: number) => boolean, least: readonly number[]) => {
    while (over > 0) {
      let widest = -1;
      for (const i of shown) {
        if (eligible(i) && widths[i]! > least[i]! && (widest < 0 || widths[i]! > widths[widest]!))
          widest = i;
      }
      if (widest < 0) return;
      widths[widest]!--;
      over--;
    }
  };
  narrow((i) => flex.has(i), softFloor);
  const overflow = over > 0;
  narrow(() => true, floor);
  return { widths, overflow };
}

/**
 * Renders rows as an aligned text table, for people reading a terminal. Cells from feeds and
 * pages are cleaned of control characters and folded onto one line. Given a `width`, the widest
 * `flex` columns are narrowed, in turn, until the table fits; failing that, the `drop` columns
 * are left out one by one, and then the widest of the others not in `keep` are narrowed. A cut
 * cell ends in `…`.
 */
export function table(
  headers: string[],
  rows: (string | number | null | undefined)[][],
  options: TableOptions = {},
): string {
  const clean = (c: string | number | null | undefined) =>
    c === null || c === undefined ? '' : stripControls(String(c)).replace(/\s+/g, ' ').trim();
  const cells = rows.map((row) => headers.map((_, i) => clean(row[i])));
  const natural = headers.map((h, i) =>
    Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))),
  );
  let widths = natural;
  let shown = headers.map((_, i) => i);
  if (options.width !== undefined) {
    const layout = fitColumns(natural, headers, shown, options.width, options);
    for (const column of options.drop ?? []) {
      if (!layout.overflow) break;
      shown = shown.filter((i) => i !== column);
      Object.assign(layout, fitColumns(natural, headers, shown, options.width, options));
    }
    widths = layout.widths;
  }
  const pick = (r: string[]) => shown.map((i) => r[i] ?? '');
  const line = (r: string[], styleOf: (i: number, text: string) => Style | undefined) => {
    const last = shown.length - 1;
    return pick(r)
      .map((c, k) => {
        const i = shown[k]!;
        const text = truncate(c, widths[i]!);
        const styled = options.color ? paint(text, styleOf(i, text)) : text;
        return k === last ? styled : styled + ' '.repeat(widths[i]! - displayWidth(text));
      })
      .join(' '.repeat(GAP))
      .trimEnd();
  };
  const bodyStyle = options.style ?? (() => undefined);
  return [
    line(headers, () => 'bold'),
    line(
      widths.map((w) => '-'.repeat(w)),
      () => 'dim',
    ),
    ...cells.map((r) => line(r, bodyStyle)),
  ].join('\n');
}

/** Formats a figure's number the way a reader says it: 3,000 or 10,000–12,000. */
export function formatValue(value: number, valueHigh?: number | null): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return valueHigh ? `${n(value)}–${n(valueHigh)}` : n(value);
}
