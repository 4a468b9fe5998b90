/**
 * What the CLI prints comes partly from feeds and pages anyone publishes. An ESC sequence in a
 * title could clear or retitle the user's terminal, so every C0 and C1 control character except
 * newline and tab is dropped before it reaches the screen.
 */

import { stripControls } from '../shared/text.ts';

export { stripControls };

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
  target.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(
      typeof chunk === 'string' ? stripControls(chunk) : chunk,
      ...rest,
    )) as typeof stream.write;
  target[marker] = true;
}
