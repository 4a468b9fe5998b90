import { UsageError } from '../../shared/errors.ts';
import { queryFigures, summarizeFigure } from '../../shared/store/queries.ts';
import { actor } from '../actor.ts';
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
  rejected?: boolean;
};

/** `claimwatch figures`: one row per distinct figure, filtered by metric, claimant and date. */
export async function figuresCommand(opts: FiguresOptions) {
  const filter = {
    metric: parseMetric(opts.metric),
    claimant: opts.claimant,
    since: parseDay('--since', opts.since),
    until: parseDay('--until', opts.until),
    rejected: opts.rejected ? ('only' as const) : ('exclude' as const),
  };
  const { store, close, run } = await openQueryStore(opts);
  try {
    const figures = await run(() =>
      queryFigures(store, filter, (done, total) => progress('figures', done, total)),
    );
    // The alias last, so JSON and CSV keep their fields in the order scripts know.
    const records = figures.map((f) => ({ ...f, alias: figureAlias(f.id) }));
    if (opts.rejected) {
      printRecords(
        records,
        formatOf(opts),
        [
          ['id', (f) => f.alias],
          ['metric', (f) => f.metric],
          ['value', (f) => formatValue(f.value, f.valueHigh)],
          ['claimants', (f) => (f.claimants.length ? f.claimants.join('; ') : (f.claimant ?? '-'))],
          ['rejected', (f) => f.rejected?.at.slice(0, 16).replace('T', ' ')],
          ['by', (f) => f.rejected?.by],
          ['why', (f) => f.rejected?.why],
        ],
        'no rejected figures',
        { wide: opts.wide, keep: [0], flex: [6, 3], drop: [3] },
      );
      return;
    }
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
      ...(figure.rejected
        ? [
            `REJECTED:   by ${figure.rejected.by} at ${figure.rejected.at}: ${figure.rejected.why ?? ''}`,
            `            (left out of the lists and the report; \`claimwatch figures restore ${figureAlias(figure.figureKey)}\` undoes it)`,
          ]
        : []),
      ...(figure.history ?? []).map(
        (h) => `history:    ${h.action} by ${h.by} at ${h.at}${h.why ? `: ${h.why}` : ''}`,
      ),
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

/**
 * `claimwatch figures reject ID --why "…"` and `figures restore ID`: a person marks a figure
 * wrong, or takes that back. Recorded on the figure in the table with who, when and why, and
 * appended to its history; a rejected figure leaves the lists, the timeline and the report, and
 * no later story alerts it.
 */
export async function reviewFigureCommand(
  id: string,
  action: 'reject' | 'restore',
  opts: StoreOptions & { why?: string; by?: string },
) {
  if (action === 'reject' && !opts.why?.trim()) {
    throw new UsageError('figures reject needs --why "the reason", kept with the rejection');
  }
  const { store, close, run } = await openQueryStore(opts, { write: true });
  try {
    const key = await run(() => resolveFigureId(store, id));
    const figure = key === undefined ? undefined : await run(() => store.getFigure(key));
    if (!figure)
      throw new UsageError(`no figure with id "${id}": \`claimwatch figures\` lists them`);
    const alias = figureAlias(figure.figureKey);
    const what = `${alias} (${figure.metric} ${figure.unit} ${formatValue(figure.value, figure.valueHigh)})`;
    const by = actor(opts.by);
    const at = new Date().toISOString();
    if (action === 'reject') {
      if (figure.rejected) {
        process.stdout.write(
          `${what} is already rejected (by ${figure.rejected.by} at ${figure.rejected.at}: ${figure.rejected.why ?? ''})\n`,
        );
        return;
      }
      await run(() => store.rejectFigure(figure.figureKey, { at, by, why: opts.why!.trim() }));
      process.stdout.write(
        `rejected ${what} by ${by} at ${at}\nIt is left out of \`claimwatch figures\` and the report and will not be alerted again; \`claimwatch figures restore ${alias}\` undoes it.\n`,
      );
      return;
    }
    if (!figure.rejected) {
      process.stdout.write(`${what} is not rejected\n`);
      return;
    }
    await run(() =>
      store.restoreFigure(figure.figureKey, {
        at,
        by,
        ...(opts.why?.trim() ? { why: opts.why.trim() } : {}),
      }),
    );
    process.stdout.write(`restored ${what} by ${by} at ${at}\n`);
  } finally {
    await close();
  }
}
