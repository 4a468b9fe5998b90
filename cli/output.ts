import type { TableOptions } from './format.ts';
import { table } from './format.ts';
import { colorEnabled, terminalWidth, writeStyled } from './terminal.ts';

/** How a query command prints its rows. */
export type OutputFormat = 'table' | 'json' | 'csv';

/** Picks the format from `--json` / `--csv`. */
export function formatOf(opts: { json?: boolean; csv?: boolean }): OutputFormat {
  return opts.json ? 'json' : opts.csv ? 'csv' : 'table';
}

/**
 * One CSV cell. A text that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`,
 * `@`, tab or CR: OWASP's CSV-injection list) gets a leading `'`, so it stays text.
 */
export const csvCell = (value: unknown): string => {
  let text =
    value === null || value === undefined
      ? ''
      : Array.isArray(value)
        ? value.join('; ')
        : String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** How a command asks for its table: `--wide`, the columns never cut, and cell colours. */
export interface TableView {
  wide?: boolean;
  keep?: TableOptions['keep'];
  flex?: TableOptions['flex'];
  drop?: TableOptions['drop'];
  style?: TableOptions['style'];
}

/**
 * Prints a table to stdout for the terminal it goes to: cut to the terminal's width unless
 * `--wide`, and coloured only on a terminal that wants colour.
 */
export function printTable(
  headers: string[],
  rows: (string | number | null | undefined)[][],
  view: TableView = {},
): void {
  const text = table(headers, rows, {
    width: view.wide ? undefined : terminalWidth(process.stdout),
    keep: view.keep,
    flex: view.flex,
    drop: view.drop,
    color: colorEnabled(process.stdout),
    style: view.style,
  });
  writeStyled(process.stdout, `${text}\n`);
}

/**
 * Prints records as an aligned table for people, or JSON or CSV for programs. `columns` maps a
 * heading to how the cell is shown in the table; JSON and CSV carry the records' raw fields.
 */
export function printRecords<T extends Record<string, unknown>>(
  records: T[],
  format: OutputFormat,
  columns: [string, (record: T) => string | number | null | undefined][],
  empty = 'nothing found',
  view: TableView = {},
): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    return;
  }
  if (format === 'csv') {
    const fields = [...new Set(records.flatMap((r) => Object.keys(r)))];
    const lines = [
      fields.join(','),
      ...records.map((r) => fields.map((f) => csvCell(r[f])).join(',')),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  if (records.length === 0) {
    process.stdout.write(`${empty}\n`);
    return;
  }
  printTable(
    columns.map(([heading]) => heading),
    records.map((r) => columns.map(([, cell]) => cell(r))),
    view,
  );
}

/** Progress on stderr for long runs, only when a person is watching. */
export function progress(label: string, done: number, total: number): void {
  if (!process.stderr.isTTY || total < 50) return;
  process.stderr.write(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
}
