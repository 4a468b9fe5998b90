import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../../shared/errors.ts';
import { readChartLibrary } from '../../shared/report/chart-library.ts';
import { buildReportModel, describeReport } from '../../shared/report/model.ts';
import { renderReportHtml } from '../../shared/report/render.ts';
import { queryFigures } from '../../shared/store/queries.ts';
import type { MentionRecord, Store } from '../../shared/store/store.ts';
import { progress } from '../output.ts';
import type { StoreOptions } from '../store-access.ts';
import { openQueryStore } from '../store-access.ts';
import { parseDay, parseMetric } from '../validate.ts';

type ReportOptions = StoreOptions & {
  out?: string;
  metric?: string;
  since?: string;
  until?: string;
};

/**
 * A view of the store that remembers every figure's mentions as `queryFigures` reads them, so
 * the report gets the same filtered figures as `claimwatch figures` without querying each
 * figure's partition a second time.
 */
function recordingMentions(store: Store, seen: Map<string, MentionRecord[]>): Store {
  const view = Object.create(store) as Store;
  view.mentions = async (figureKey: string) => {
    const mentions = await store.mentions(figureKey);
    seen.set(figureKey, mentions);
    return mentions;
  };
  return view;
}

/** Writes through a temporary file, so an interrupted run never leaves half a report. */
async function writeAtomically(path: string, content: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot write ${path}: ${code}`);
  }
}

/**
 * `claimwatch report`: one self-contained HTML file with, for each metric, a chart of the
 * estimates over time (one series per claimant, each point linked to its stories) and the table
 * of its figures. Prints the file's path and a one-line summary.
 */
export async function reportCommand(opts: ReportOptions) {
  const filter = {
    metric: parseMetric(opts.metric),
    since: parseDay('--since', opts.since),
    until: parseDay('--until', opts.until),
  };
  const out = resolve(opts.out ?? 'report.html');
  const chartLibrary = await readChartLibrary();
  const { store, close, run } = await openQueryStore(opts);
  const mentions = new Map<string, MentionRecord[]>();
  try {
    const figures = await run(() =>
      queryFigures(recordingMentions(store, mentions), filter, (done, total) =>
        progress('figures', done, total),
      ),
    );
    for (const figure of figures) {
      if (!mentions.has(figure.id)) {
        mentions.set(figure.id, await run(() => store.mentions(figure.id)));
      }
    }
    const model = buildReportModel(figures, mentions, filter);
    await writeAtomically(out, renderReportHtml(model, { chartLibrary, generatedAt: new Date() }));
    const hint = figures.length
      ? ''
      : ' (none match: run `claimwatch demo` or `claimwatch run` to collect some)';
    process.stdout.write(`${out}\n${describeReport(model)}${hint}\n`);
  } finally {
    await close();
  }
}
