/**
 * Usage errors (an unknown command or option, a missing or extra argument, options that exclude
 * each other) are one line on stderr and exit code 2, as the README promises. Commander's own
 * defaults are exit 1 and a message on two lines (the error, then a hint), so every command of
 * the tree is configured here: commander stays quiet and throws, and `main` prints one line.
 */

import type { Command, CommanderError } from 'commander';

/** The exit code of every usage error. */
export const USAGE_EXIT_CODE = 2;

/** Which command raised each commander error, so the message can name it and its `--help`. */
const raisedBy = new WeakMap<CommanderError, Command>();

/** `claimwatch feeds list`: the command's words as a user types them. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The default subcommand of a group (`feeds` runs `feeds list`); commander keeps it private. */
const defaultSubcommandOf = (group: Command): string | undefined =>
  (group as unknown as { _defaultCommandName?: string | null })._defaultCommandName ?? undefined;

/**
 * Configures the whole command tree (call it after every command is added): commander prints
 * nothing on a usage error and throws, remembering which command raised it; `--json` and `--csv`
 * exclude each other wherever both exist.
 */
export function configureUsageErrors(program: Command): void {
  const visit = (command: Command) => {
    command.showHelpAfterError(false);
    command.configureOutput({ outputError: () => {} });
    command.exitOverride((error) => {
      raisedBy.set(error, command);
      throw error;
    });
    const json = command.options.find((o) => o.long === '--json');
    const csv = command.options.find((o) => o.long === '--csv');
    if (json && csv) json.conflicts('csv');
    for (const sub of command.commands) visit(sub);
  };
  visit(program);
}

/**
 * The one line a usage error prints (without the `claimwatch: ` prefix): commander's message on
 * one line, an argument the default subcommand cannot take called the unknown command it is
 * (`feeds remove x` is not "too many arguments for 'list'"), and where to read the usage.
 */
export function usageMessage(error: CommanderError): string {
  const command = raisedBy.get(error);
  let message = error.message
    .replace(/^error:\s*/i, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  let helpOf = command;
  if (command && error.code === 'commander.excessArguments') {
    const extra = command.args.slice(command.registeredArguments.length);
    const group = command.parent;
    if (group && defaultSubcommandOf(group) === command.name() && command.args.length > 0) {
      // The group handed an operand it did not know to its default subcommand.
      const names = group.commands.map((c) => c.name()).join(', ');
      message = `unknown command '${command.args[0]}' for '${commandPath(group)}' (its commands: ${names})`;
      helpOf = group;
    } else if (extra.length > 0) {
      message = `unexpected argument${extra.length > 1 ? 's' : ''} ${extra.map((a) => `'${a}'`).join(' ')} for '${commandPath(command)}'`;
    }
  }
  return helpOf ? `${message}; see \`${commandPath(helpOf)} --help\`` : message;
}

/**
 * The exit code of a commander error, after anything it prints: 0 for `--help` and `--version`,
 * 2 for everything else (a group run without its subcommand prints its help on stderr).
 */
export function handleCommanderError(
  error: CommanderError,
  stderr: NodeJS.WritableStream = process.stderr,
): number {
  if (error.exitCode === 0) return 0;
  if (error.code !== 'commander.help') stderr.write(`claimwatch: ${usageMessage(error)}\n`);
  return USAGE_EXIT_CODE;
}
