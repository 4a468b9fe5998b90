import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { Command, CommanderError } from 'commander';
import { DataDirBusyError, DataDirError } from '../local/session.ts';
import { ConfigError } from '../shared/config.ts';
import { FetchError, UsageError } from '../shared/errors.ts';
import { FeedListError } from '../shared/feeds/feed-list.ts';
import { RemoteStoreError } from './store-access.ts';
import { guardStream, stripControls } from './terminal.ts';
import { configureUsageErrors, handleCommanderError, USAGE_EXIT_CODE } from './usage.ts';

/** Errors a user can fix from the message alone: printed as one line, no stack trace. */
const USER_ERRORS = [
  UsageError,
  ConfigError,
  FetchError,
  FeedListError,
  DataDirBusyError,
  DataDirError,
  RemoteStoreError,
];

/** `--wide`: tables are cut to the terminal's width (with `…`) unless asked. */
const WIDE = 'show every column in full instead of fitting the terminal width';

/** Builds the `claimwatch` command tree. Commands load their code on use, so `--help` is instant. */
export function buildProgram(): Command {
  const program = new Command('claimwatch')
    .description(
      'Watches news feeds for new figures about North Korea’s military support to Russia.',
    )
    .version('0.1.0');

  program
    .command('run')
    .description(
      'run the monitor on this machine: poll the feeds, extract figures, alert on new ones',
    )
    .option('--feeds <file>', 'feed list', 'feeds.json')
    .option(
      '--interval <minutes>',
      'minutes between polling cycles',
      process.env.POLL_INTERVAL_MINUTES ?? '5',
    )
    .option('--data-dir <dir>', 'where the embedded DynamoDB keeps its data (default .claimwatch)')
    .option('--once', 'run one cycle and exit')
    .option('--verbose', 'a line for every feed polled and every article read')
    .option('--quiet', 'print only alerts and problems')
    .action(async (opts) => (await import('./commands/run.ts')).runCommand(opts));

  program
    .command('demo')
    .description(
      'one full cycle over five bundled sample articles served from 127.0.0.1 (no network)',
    )
    .option('--data-dir <dir>', 'where the embedded DynamoDB keeps its data (default .claimwatch)')
    .action(async (opts) => (await import('./commands/demo.ts')).demoCommand(opts));

  program
    .command('extract')
    .description('extract the article and its figures from a text file, an HTML file or a URL')
    .argument('<file-or-url>', 'plain text (first line: title), HTML, or an http(s) URL')
    .option('--json', 'print { title, byline, text, tags, figures } as JSON')
    .option('--published <date>', 'publish date (YYYY-MM-DD) to resolve relative dates against')
    .option('--language <xx>', 'the article language (en, ko, uk, ru, de); guessed when absent')
    .action(async (input, opts) =>
      (await import('./commands/extract.ts')).extractCommand(input, opts),
    );

  const storeOptions = (command: Command) =>
    command
      .option('--data-dir <dir>', 'the embedded runtime’s data (default .claimwatch)')
      .option(
        '--table <name>',
        'read the real DynamoDB table in AWS instead (standard AWS credentials)',
      )
      .option('--region <region>', 'AWS region of --table (default AWS_REGION)');

  storeOptions(
    program
      .command('figures')
      .description(
        'list the stored figures: value, qualifier, claimants, first seen, sources, latest source',
      )
      .option(
        '--metric <metric>',
        'only this metric (deployed, killed, wounded, casualties, captured, missing, supplied)',
      )
      .option('--claimant <name>', 'only figures given by this claimant (any spelling)')
      .option('--since <date>', 'only figures dated on or after YYYY-MM-DD')
      .option('--until <date>', 'only figures dated on or before YYYY-MM-DD')
      .option('--json', 'print JSON')
      .option('--csv', 'print CSV')
      .option('--wide', WIDE)
      .option('--rejected', 'only the figures a person rejected, with who, when and why'),
  ).action(async (opts) => (await import('./commands/figures.ts')).figuresCommand(opts));
  const figuresCommand = program.commands.find((c) => c.name() === 'figures')!;
  const figureIdHelp = 'the figure id as `claimwatch figures` prints it (e.g. fig-1a2b3c4d)';
  storeOptions(
    figuresCommand
      .command('reject')
      .description(
        'mark a figure as wrong: it leaves the lists, the timeline and the report, and is never alerted again',
      )
      .argument('<id>', figureIdHelp)
      .requiredOption('--why <reason>', 'why the figure is wrong (kept in the table)')
      .option('--by <name>', 'who rejects it (default: your user name)'),
  ).action(async (id, opts, command: Command) =>
    (await import('./commands/figures.ts')).reviewFigureCommand(id, 'reject', {
      ...command.parent?.opts(),
      ...opts,
    }),
  );
  storeOptions(
    figuresCommand
      .command('restore')
      .description('take back a rejection: the figure is listed and reported again')
      .argument('<id>', figureIdHelp)
      .option('--why <reason>', 'why it is restored (kept in the table)')
      .option('--by <name>', 'who restores it (default: your user name)'),
  ).action(async (id, opts, command: Command) =>
    (await import('./commands/figures.ts')).reviewFigureCommand(id, 'restore', {
      ...command.parent?.opts(),
      ...opts,
    }),
  );

  storeOptions(
    program
      .command('figure')
      .description('one figure with every story that reported it and the evidence sentence of each')
      .argument(
        '<id>',
        'the figure id as `claimwatch figures` prints it (e.g. fig-1a2b3c4d), or its full key',
      )
      .option('--json', 'print JSON'),
  ).action(async (id, opts) => (await import('./commands/figures.ts')).figureCommand(id, opts));

  storeOptions(
    program
      .command('report')
      .description(
        'write one self-contained HTML report: per metric, a chart of the estimates over time (one series per claimant, points linked to their stories) and the table of figures',
      )
      .option('--out <file>', 'the HTML file to write', 'report.html')
      .option(
        '--metric <metric>',
        'only this metric (deployed, killed, wounded, casualties, captured, missing, supplied)',
      )
      .option('--since <date>', 'only figures dated on or after YYYY-MM-DD')
      .option('--until <date>', 'only figures dated on or before YYYY-MM-DD'),
  ).action(async (opts) => (await import('./commands/report.ts')).reportCommand(opts));

  storeOptions(
    program
      .command('stories')
      .description('stored stories, newest first')
      .option(
        '--tag <tag>',
        'only stories with this tag: a metric, claimant, place, language, relevant or irrelevant',
      )
      .option(
        '--feed <id>',
        'only stories from this feed (its id, as `claimwatch feeds` prints it)',
      )
      .option('--since <date>', 'only stories published on or after YYYY-MM-DD')
      .option('--until <date>', 'only stories published on or before YYYY-MM-DD')
      .option('--json', 'print JSON')
      .option('--csv', 'print CSV')
      .option('--wide', WIDE),
  ).action(async (opts) => (await import('./commands/stories.ts')).storiesCommand(opts));

  storeOptions(
    program
      .command('story')
      .description('one stored story: its tags, figures and text')
      .argument('<url>', 'the story URL')
      .option('--json', 'print JSON'),
  ).action(async (url, opts) => (await import('./commands/stories.ts')).storyCommand(url, opts));

  storeOptions(
    program
      .command('serve')
      .description(
        'a read-only web view on 127.0.0.1: feed health, figures, sources, alerts, the cycle, and an Atom feed',
      )
      .option('--port <port>', 'the port to listen on (0 picks a free one)', '8080'),
  ).action(async (opts) => (await import('./commands/serve.ts')).serveCommand(opts));

  const feeds = program.command('feeds').description('feed health, and managing the feed list');
  feeds
    .command('list', { isDefault: true })
    .description('feed health: status, consecutive errors, last success, next check (the default)')
    .option('--json', 'print JSON')
    .option('--wide', `${WIDE}, with the whole last error`)
    .option('--data-dir <dir>', 'the embedded runtime’s data (default .claimwatch)')
    .action(async (opts) => (await import('./commands/feeds.ts')).feedsCommand(opts));
  feeds
    .command('add')
    .description('add a feed, or the feed a web page links to (<link rel="alternate">)')
    .argument('<url>', 'a feed URL or a web page URL')
    .option('--feeds <file>', 'feed list to add to', 'feeds.json')
    .action(async (url, opts) =>
      (await import('./commands/feeds-manage.ts')).addFeedCommand(url, opts),
    );
  feeds
    .command('import')
    .description('add every feed of an OPML file (an export from a feed reader)')
    .argument('<file>', 'the OPML file')
    .option('--feeds <file>', 'feed list to add to', 'feeds.json')
    .action(async (file, opts) =>
      (await import('./commands/feeds-manage.ts')).importOpmlCommand(file, opts),
    );
  feeds
    .command('remove')
    .description('take a feed off the feed list; its stories and figures stay in the table')
    .argument('<id>', 'the feed id, as `claimwatch feeds list` prints it')
    .option('--feeds <file>', 'feed list to remove it from', 'feeds.json')
    .action(async (id, opts) =>
      (await import('./commands/feeds-admin.ts')).removeFeedCommand(id, opts),
    );
  feeds
    .command('pause')
    .description('stop polling a feed until `feeds resume` (recorded with who and when)')
    .argument('<id>', 'the feed id, as `claimwatch feeds list` prints it')
    .option('--by <name>', 'who pauses it (default: your user name)')
    .option('--data-dir <dir>', 'the embedded runtime’s data (default .claimwatch)')
    .action(async (id, opts) =>
      (await import('./commands/feeds-admin.ts')).setPausedCommand(id, true, opts),
    );
  feeds
    .command('resume')
    .description('poll a paused feed again')
    .argument('<id>', 'the feed id, as `claimwatch feeds list` prints it')
    .option('--by <name>', 'who resumes it (default: your user name)')
    .option('--data-dir <dir>', 'the embedded runtime’s data (default .claimwatch)')
    .action(async (id, opts) =>
      (await import('./commands/feeds-admin.ts')).setPausedCommand(id, false, opts),
    );
  feeds
    .command('export')
    .description(
      'print the feed list as OPML 2.0, for a feed reader: feeds export > subscriptions.opml',
    )
    .option('--feeds <file>', 'feed list to export', 'feeds.json')
    .action(async (opts) => (await import('./commands/feeds-admin.ts')).exportFeedsCommand(opts));
  feeds
    .command('test')
    .description(
      'poll one feed once and show what it gives and the figures its articles would yield; stores nothing',
    )
    .argument('<url>', 'the feed URL')
    .option('--items <n>', 'how many of its items to read', '5')
    .option('--json', 'print JSON')
    .action(async (url, opts) =>
      (await import('./commands/feeds-test.ts')).testFeedCommand(url, opts),
    );

  const alerts = program
    .command('alerts')
    .description('alerts with their delivery state')
    .option('--failed', 'only alerts that need a decision: delivery failed, or unconfirmed')
    .option('--json', 'print JSON')
    .option('--wide', WIDE)
    .option('--data-dir <dir>', 'the embedded runtime’s data (default .claimwatch)')
    .action(async (opts) => (await import('./commands/alerts.ts')).alertsCommand(opts));
  alerts
    .command('test')
    .description(
      'send one clearly marked test message to every configured channel and say which succeeded',
    )
    .action(async () => (await import('./commands/alerts.ts')).testAlertsCommand());
  alerts
    .command('resend')
    .description(
      'send failed or unconfirmed alerts again, on the channels they did not surely reach',
    )
    .argument('<id...>', 'alert ids, as `claimwatch alerts --failed` lists them')
    .option('--data-dir <dir>', 'the embedded runtime’s data (default .claimwatch)')
    .action(async (ids, opts, command: Command) =>
      // `--data-dir` may be read by `alerts` itself when it comes after the ids.
      (await import('./commands/alerts.ts')).resendCommand(ids, {
        ...command.parent?.opts(),
        ...opts,
      }),
    );

  return program;
}

/**
 * Reads a git-ignored `.env` in the working directory, so secrets such as SLACK_WEBHOOK_URL can
 * stay out of shell history and committed files. Variables already set win.
 */
function loadDotEnv(path = '.env'): void {
  if (!existsSync(path)) return;
  for (const [key, value] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) {
    process.env[key] ??= value;
  }
}

/** Runs the CLI; user errors become one line on stderr and a non-zero exit. */
export async function main(argv: string[]): Promise<void> {
  loadDotEnv();
  guardStream(process.stdout);
  // On a terminal, the handlers' JSON logs and CloudWatch metrics are noise: errors only (feed
  // failures are summarised per cycle and listed by `claimwatch feeds`).
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  // The SDK warns on Node 20 that future releases will need 22; the pinned one runs fine here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const program = buildProgram();
  configureUsageErrors(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = handleCommanderError(error);
      return;
    }
    if (USER_ERRORS.some((type) => error instanceof type)) {
      const line = stripControls((error as Error).message).replace(/\s*\n\s*/g, ' ');
      process.stderr.write(`claimwatch: ${line}\n`);
      process.exitCode = error instanceof UsageError ? USAGE_EXIT_CODE : 1;
      return;
    }
    throw error;
  }
}
