import { dataDirOf, openLocalStore } from '../../local/session.ts';
import { formatValue, table } from '../format.ts';

/** `claimwatch figures`: what is stored, one row per distinct figure. */
export async function figuresCommand(opts: { json?: boolean; dataDir?: string }) {
  const { store, close } = await openLocalStore(dataDirOf(opts.dataDir));
  try {
    const figures = await store.listFigures();
    const rows = await Promise.all(
      figures.map(async (f) => {
        const mentions = await store.mentions(f.figureKey);
        const latest = mentions.sort((a, b) =>
          (b.publishedAt ?? b.seenAt).localeCompare(a.publishedAt ?? a.seenAt),
        )[0];
        return { figure: f, latest };
      }),
    );
    if (opts.json) {
      const out = rows.map(({ figure, latest }) => ({
        id: figure.figureKey,
        metric: figure.metric,
        unit: figure.unit,
        value: figure.value,
        valueHigh: figure.valueHigh,
        qualifier: figure.qualifier,
        side: figure.side,
        claimant: figure.claimant,
        claimantCountry: figure.claimantCountry,
        claimants: figure.claimants,
        asOf: figure.asOf,
        firstSeenAt: figure.firstSeenAt,
        sources: figure.storyIds.length,
        latestSource: latest?.storyUrl ?? figure.firstStoryUrl,
      }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    if (rows.length === 0) {
      process.stdout.write('no figures stored yet: run `claimwatch demo` or `claimwatch run`\n');
      return;
    }
    process.stdout.write(
      `${table(
        [
          'metric',
          'unit',
          'value',
          'qualifier',
          'claimant',
          'first seen',
          'sources',
          'latest source',
        ],
        rows.map(({ figure, latest }) => [
          figure.metric,
          figure.unit,
          formatValue(figure.value, figure.valueHigh),
          figure.qualifier,
          figure.claimant ?? '-',
          figure.firstSeenAt.slice(0, 16).replace('T', ' '),
          figure.storyIds.length,
          latest?.storyUrl ?? figure.firstStoryUrl,
        ]),
      )}\n`,
    );
  } finally {
    await close();
  }
}
