import { UsageError } from '../../shared/errors.ts';
import { queryFigures, summarizeFigure } from '../../shared/store/queries.ts';
import { figureAlias, resolveFigureId } from '../figure-id.ts';
import { formatValue } from '../format.ts';
import { formatOf, printRecords, progress } from '../output.ts';
import type { StoreOptions } from '../store-access.ts';
import { openQueryStore } from '../store-access.ts';
import { parseDay, parseMetric } from '../validate.ts';

type FiguresOptions = StoreOptions & {
  json?: boolean;
  csv?: boolean;
  metric?: string;
  claimant?: string;
  since?: string;
  until?: string;
  wide?: boolean;
};

/** `claimwatch figures`: one row per distinct figure, filtered by metric, claimant and date. */
export async function figuresCommand(opts: FiguresOptions) {
  const filter = {
    metric: parseMetric(opts.metric),
    claimant: opts.claimant,
    since: parseDay('--since', opts.since),
    until: parseDay('--until', opts.until),
  };
  const { store, close, run } = await openQueryStore(opts);
  try {
    const figures = await run(() =>
      queryFigures(store, filter, (done, total) => progress('figures', done, total)),
    );
    // The alias last, so JSON and CSV keep their fields in the order scripts know.
    const records = figures.map((f) => ({ ...f, alias: figureAlias(f.id) }));
    printRecords(
      records,
      formatOf(opts),
      [
        ['id', (f) => f.alias],
        ['metric', (f) => f.metric],
        ['unit', (f) => f.unit],
        ['value', (f) => formatValue(f.value, f.valueHigh)],
        ['qualifier', (f) => f.qualifier],
        ['claimants', (f) => (f.claimants.length ? f.claimants.join('; ') : (f.claimant ?? '-'))],
        ['date', (f) => f.date],
        ['first seen', (f) => f.firstSeenAt.slice(0, 16).replace('T', ' ')],
        ['sources', (f) => f.sources],
        ['latest source', (f) => f.latestSource],
      ],
      'no figures match: run `claimwatch demo` or `claimwatch run` to collect some',
      { wide: opts.wide, keep: [0], flex: [5, 9], drop: [9, 7, 8] },
    );
  } finally {
    await close();
  }
}

/** `claimwatch figure ID`: the figure with every story that reported it and its evidence. */
export async function figureCommand(id: string, opts: StoreOptions & { json?: boolean }) {
  const { store, close, run } = await openQueryStore(opts);
  try {
    const key = await run(() => resolveFigureId(store, id));
    const figure = key === undefined ? undefined : await run(() => store.getFigure(key));
    if (!figure)
      throw new UsageError(`no figure with id "${id}": \`claimwatch figures\` lists them`);
    const mentions = await run(() => store.mentions(figure.figureKey));
    const summary = summarizeFigure(figure, mentions);
    if (opts.json) {
      process.stdout.write(
        `${JSON.stringify({ ...summary, alias: figureAlias(figure.figureKey), mentions }, null, 2)}\n`,
      );
      return;
    }
    const lines = [
      `${figure.metric} ${figure.unit} ${formatValue(figure.value, figure.valueHigh)} (${figure.qualifier}), side ${figure.side}`,
      `id:         ${figureAlias(figure.figureKey)}  (key ${figure.figureKey})`,
      `first seen: ${figure.firstSeenAt}`,
      `sources:    ${figure.storyIds.length}`,
      '',
      ...mentions.flatMap((m) => [
        `- ${m.storyTitle}`,
        `  ${m.storyUrl}`,
        `  published ${m.publishedAt?.slice(0, 10) ?? '?'}; claimant: ${m.claimant ?? 'unattributed'}${m.claimantCountry ? ` (${m.claimantCountry})` : ''}${m.asOf ? `; as of ${m.asOf}` : ''}`,
        `  "${m.evidence}"`,
      ]),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await close();
  }
}
