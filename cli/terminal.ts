/**
 * What the CLI prints comes partly from feeds and pages anyone publishes. An ESC sequence in a
 * title could clear or retitle the user's terminal, so every C0 and C1 control character except
 * newline and tab is dropped before it reaches the screen.
 */

import { stripControls } from '../shared/text.ts';

export { stripControls };

/** The stream's own `write`, before {@link guardStream} wrapped it. */
const unguarded = Symbol.for('claimwatch.unguardedWrite');

/**
 * Makes every string written to a stream pass through {@link stripControls}. Installed on
 * stdout once at start-up, so no command can forget it; JSON output is unaffected, since
 * `JSON.stringify` already writes control characters as `\u` escapes.
 */
export function guardStream(stream: NodeJS.WriteStream): void {
  const marker = Symbol.for('claimwatch.guarded');
  const target = stream as NodeJS.WriteStream & { [marker]?: true };
  if (target[marker]) return;
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  (target as unknown as Record<symbol, unknown>)[unguarded] = write;
  target.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(
      typeof chunk === 'string' ? stripControls(chunk) : chunk,
      ...rest,
    )) as typeof stream.write;
  target[marker] = true;
}

/**
 * Writes text whose every part from outside has already passed {@link stripControls} (a
 * table cleans its cells before colouring them), so the colour codes claimwatch adds
 * itself reach the terminal while a guarded stream would drop them.
 */
export function writeStyled(stream: NodeJS.WriteStream, text: string): void {
  const target = stream as NodeJS.WriteStream & { [unguarded]?: (chunk: string) => boolean };
  (target[unguarded] ?? stream.write.bind(stream))(text);
}

/**
 * Whether to colour what goes to `stream`: only on a terminal, never with `NO_COLOR` set (the
 * no-color.org convention) or `TERM=dumb`, and never into a pipe or a file.
 */
export function colorEnabled(
  stream: NodeJS.WriteStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

/**
 * How many columns a table may take: `COLUMNS` when set, else the terminal's width, else none
 * (piped output keeps every character, for grep and scripts).
 */
export function terminalWidth(
  stream: NodeJS.WriteStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): number | undefined {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return stream.isTTY && stream.columns > 0 ? stream.columns : undefined;
}

/** The few styles tables use. */
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow';

const SGR: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
};

/** Wraps text in an ANSI style; the text must already be free of control characters. */
export function paint(text: string, style: Style | undefined): string {
  if (!style || text === '') return text;
  const [on, off] = SGR[style];
  return `\u001b[${on}m${text}\u001b[${off}m`;
}
