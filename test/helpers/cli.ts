import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** What one `claimwatch` run printed and how it exited. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `claimwatch` as a user would, in its own process from the repository root. `env` is
 * added to this process's environment; a key set to undefined is removed. `COLUMNS` is removed
 * unless given, so tables come out whole whatever terminal runs the tests.
 */
export function claimwatch(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('COLUMNS' in env)) delete merged.COLUMNS;
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/claimwatch.mjs'), ...args],
      { cwd: root, env: merged, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** util-linux `script`, which runs a command on a pseudo-terminal (absent: the TTY tests skip). */
export const scriptCommand = '/usr/bin/script';

/**
 * Runs `claimwatch` on a pseudo-terminal through util-linux `script`, as a person at a terminal
 * would see it, `columns` wide. Returns what the terminal showed (CR LF line ends).
 */
export function claimwatchOnTty(
  args: string[],
  env: Record<string, string | undefined> = {},
  columns = 100,
): Promise<CliResult> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, join(root, 'bin/claimwatch.mjs'), ...args]
    .map(quote)
    .join(' ');
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete merged.COLUMNS;
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  return new Promise((resolve) => {
    execFile(
      scriptCommand,
      ['-qec', `stty cols ${columns} rows 50; exec ${command}`, '/dev/null'],
      { cwd: root, env: merged, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
