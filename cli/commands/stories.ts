import { UsageError } from '../../shared/errors.ts';
import { storyIdFor } from '../../shared/feeds/identity.ts';
import { queryStories } from '../../shared/store/queries.ts';
import { formatOf, printRecords } from '../output.ts';
import type { StoreOptions } from '../store-access.ts';
import { openQueryStore } from '../store-access.ts';
import { parseDay } from '../validate.ts';

type StoriesOptions = StoreOptions & {
  json?: boolean;
  csv?: boolean;
  tag?: string;
  feed?: string;
  since?: string;
  until?: string;
  wide?: boolean;
};

/** `claimwatch stories`: stored stories, newest first, by tag, feed and date. */
export async function storiesCommand(opts: StoriesOptions) {
  const filter = {
    tag: opts.tag,
    feed: opts.feed,
    since: parseDay('--since', opts.since),
    until: parseDay('--until', opts.until),
  };
  const { store, close, run } = await openQueryStore(opts);
  try {
    const stories = await run(() => queryStories(store, filter));
    const format = formatOf(opts);
    const records = stories.map((s) => ({
      storyId: s.storyId,
      url: s.url,
      title: s.title,
      publishedAt: s.publishedAt,
      relevant: s.tags.relevant,
      reason: s.tags.reason,
      metrics: s.tags.metrics,
      claimants: s.tags.claimants,
      places: s.tags.places,
      language: s.language,
      figures: s.figureKeys.length,
      feeds: s.feedIds,
      source: s.source,
    }));
    printRecords(
      records,
      format,
      [
        ['published', (s) => s.publishedAt?.slice(0, 10) ?? '-'],
        ['relevant', (s) => (s.relevant ? 'yes' : 'no')],
        ['figures', (s) => s.figures],
        ['title', (s) => s.title],
        ['url', (s) => s.url],
      ],
      'no stories match',
      // The URL is what `claimwatch story URL` takes: never cut.
      {
        wide: opts.wide,
        keep: [4],
        flex: [3],
        drop: [1, 2],
        style: (column, text) => (column === 1 && text === 'no' ? 'dim' : undefined),
      },
    );
  } finally {
    await close();
  }
}

/** `claimwatch story URL`: one story, its tags, figures and text. */
export async function storyCommand(url: string, opts: StoreOptions & { json?: boolean }) {
  const { store, close, run } = await openQueryStore(opts);
  try {
    const story = await run(() => store.getStory(storyIdFor(url)));
    if (!story) throw new UsageError(`no story stored for ${url}`);
    const text = (await run(() => store.getStoryBody(story.storyId))) ?? '';
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ ...story, text }, null, 2)}\n`);
      return;
    }
    const lines = [
      story.title,
      story.url,
      `published ${story.publishedAt ?? '?'}${story.byline ? ` by ${story.byline}` : ''}; feeds: ${story.feedIds.join(', ')}; extracted by ${story.source}${story.fallbackReason ? ` (${story.fallbackReason})` : ''}`,
      `relevant: ${story.tags.relevant ? 'yes' : 'no'} (${story.tags.reason})`,
      `metrics: ${story.tags.metrics.join(', ') || '-'}; claimants: ${story.tags.claimants.join(', ') || '-'}; places: ${story.tags.places.join(', ') || '-'}`,
      `figures: ${story.figureKeys.join(', ') || '-'}`,
      '',
      text,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await close();
  }
}
