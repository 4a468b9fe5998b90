/**
 * `npm run eval`: the checks on outside data, which CI runs after `npm test`. The data lives
 * beside the repository in `../shared` (override with `CLAIMWATCH_SHARED_DIR`) because it is
 * third-party text that never enters the repo; without it the eval says so and passes.
 *
 * Parts: seeds (figure extraction on the real seed articles), pages (body extraction on the
 * article-extraction benchmark), feeds (real-world feed files through the poll path), quiet (no
 * figure from the benchmark's unrelated news bodies). Each
 * prints a short table and its floors; the run exits 1 naming every floor missed.
 *
 * Options: `--only=seeds,pages,feeds,quiet`; `--update-floors` records today's page and feed figures
 * as the floors (pages minus their margin) instead of judging them.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PartResult } from './check.ts';
import {
  feedFloorsFrom,
  judgeFeeds,
  measureFeeds,
  readFeedFloors,
  writeFeedFloors,
} from './feeds.ts';
import { floorsFrom, judgePages, measurePages, readPageFloors, writePageFloors } from './pages.ts';
import { evalQuiet } from './quiet.ts';
import { evalSeeds } from './seeds.ts';

const root = resolve(import.meta.dirname, '..');
const sharedDir = resolve(process.env.CLAIMWATCH_SHARED_DIR || join(root, '..', 'shared'));
const args = process.argv.slice(2);
const update = args.includes('--update-floors');
const onlyArg = args.find((a) => a.startsWith('--only='));
const parts = onlyArg
  ? onlyArg.slice('--only='.length).split(',')
  : ['seeds', 'pages', 'feeds', 'quiet'];

// Quiet the pipeline's own logging while polling.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

if (!existsSync(sharedDir)) {
  console.log(`eval: skipped, no outside data at ${sharedDir} (set CLAIMWATCH_SHARED_DIR)`);
  process.exit(0);
}

const results: PartResult[] = [];
const started = performance.now();

function print(result: PartResult): void {
  console.log(`\n${result.lines.join('\n')}`);
  results.push(result);
}

if (parts.includes('seeds')) print(evalSeeds(sharedDir));

if (parts.includes('pages')) {
  const dataDir = join(sharedDir, 'data', 'article-extraction');
  if (!existsSync(join(dataDir, 'ground-truth.json'))) {
    print({
      part: 'pages',
      lines: [`pages: no data at ${dataDir}`],
      failures: [`pages: no data at ${dataDir}`],
    });
  } else {
    const m = await measurePages(dataDir);
    if (update) {
      const margin = existsSync(join(import.meta.dirname, 'page-floors.json'))
        ? readPageFloors().margin
        : 0.02;
      writePageFloors(floorsFrom(m, margin));
      console.log('pages: floors recorded in eval/page-floors.json');
    }
    print(judgePages(m, readPageFloors(), dataDir));
  }
}

if (parts.includes('feeds')) {
  const feedsDir = join(sharedDir, 'data', 'feeds');
  if (!existsSync(join(feedsDir, 'manifest.json'))) {
    print({
      part: 'feeds',
      lines: [`feeds: no data at ${feedsDir}`],
      failures: [`feeds: no data at ${feedsDir}`],
    });
  } else {
    const m = await measureFeeds(feedsDir);
    if (update) {
      writeFeedFloors(feedFloorsFrom(m));
      console.log('feeds: floors recorded in eval/feed-floors.json');
    }
    const floors = readFeedFloors();
    print(
      floors
        ? judgeFeeds(m, floors)
        : {
            part: 'feeds',
            lines: ['feeds: no eval/feed-floors.json'],
            failures: ['feeds: no floors file (run with --update-floors)'],
          },
    );
  }
}

if (parts.includes('quiet')) {
  const dataDir = join(sharedDir, 'data', 'article-extraction');
  print(
    existsSync(join(dataDir, 'ground-truth.json'))
      ? evalQuiet(dataDir)
      : {
          part: 'quiet',
          lines: [`quiet: no data at ${dataDir}`],
          failures: [`quiet: no data at ${dataDir}`],
        },
  );
}

const failures = results.flatMap((r) => r.failures);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
if (failures.length > 0) {
  console.error(`\neval FAILED after ${seconds} s: ${failures.length} floor(s) missed`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log(
  `\neval passed in ${seconds} s: ${results.map((r) => r.part).join(', ')} at or above their floors`,
);
// The plain closing line CI reads: one check per part.
console.log(`eval: ${results.length} passed, 0 failed`);
