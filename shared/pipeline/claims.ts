import { shortHash } from '../feeds/identity.ts';
import { canonicalClaimant } from '../figures/claimants.ts';
import { extractFigures } from '../figures/extract.ts';
import { describeFigure, figureKey } from '../figures/identity.ts';
import { guessLanguage, tagStory } from '../figures/tags.ts';
import type { MessageQueue } from '../queue/sqs-queue.ts';
import type { AlertRecord, Store } from '../store/store.ts';
import type { AlertMessage, ArticleMessage, Figure } from '../types.ts';

/** What claim extraction needs. */
export interface ClaimDeps {
  store: Store;
  alertsQueue: MessageQueue;
}

/** The outcome of processing one article. */
export interface ClaimResult {
  storyId: string;
  relevant: boolean;
  figures: number;
  /** Figures this processing created: empty when the message is a redelivery. */
  newFigures: string[];
  alertsQueued: number;
}

/** The article body was sent by reference but is not in the table (yet): retry later. */
export class MissingBodyError extends Error {
  override name = 'MissingBodyError';
}

/** A key for the claimant that survives spelling variants (Zelensky, Zelenskyy, Zelenskiy). */
function claimantKeyOf(figure: Figure): string | null {
  if (!figure.claimant) return null;
  return shortHash(canonicalClaimant(figure.claimant).name.toLowerCase(), 12);
}

/** Only figures about North Korea's side of the relationship, in a story about it, count. */
function countsAsFigure(figure: Figure, relevant: boolean): boolean {
  return relevant && figure.side === 'KP';
}

/**
 * Extracts figures from an article, tags and stores the story, records each figure and its
 * mention, and queues an alert for each figure this story is the first to report.
 *
 * Idempotent by construction: the story and mentions are keyed writes, the figure's first story
 * is set with `if_not_exists`, and the alert record is a conditional put. Redelivering the same
 * message re-queues an alert only while it is still unsent, and the sender claims each alert
 * before delivering, so a figure alerts once however often its story is processed.
 */
export async function processArticle(
  deps: ClaimDeps,
  message: ArticleMessage,
  now: Date,
): Promise<ClaimResult> {
  const text =
    message.text ?? (message.bodyRef ? await deps.store.getStoryBody(message.storyId) : undefined);
  if (text === undefined) {
    throw new MissingBodyError(`story ${message.storyId}: body ${message.bodyRef} not found`);
  }
  const published = message.publishedAt?.slice(0, 10);
  const body = `${message.title}\n\n${text}`;
  // The story's language picks the reader: English rules, or a language pack (ko, uk, ru, de).
  const language = message.language?.trim() || guessLanguage(body);
  const figures = extractFigures(body, { published, language });
  const tags = tagStory({ title: message.title, text, figures, language });
  const counted = figures.filter((f) => countsAsFigure(f, tags.relevant));
  const countedKeys = counted.map(figureKey);

  await deps.store.putStory({
    storyId: message.storyId,
    url: message.url,
    title: message.title,
    byline: message.byline,
    publishedAt: message.publishedAt,
    language: message.language ?? tags.language,
    source: message.source,
    fallbackReason: message.fallbackReason,
    feedId: message.feedId,
    tags,
    figureKeys: countedKeys,
    processedAt: now.toISOString(),
    text,
    now,
  });

  const newFigures: string[] = [];
  const alerts: AlertMessage[] = [];
  for (const [i, figure] of counted.entries()) {
    const key = countedKeys[i];
    const claimantKey = claimantKeyOf(figure);
    const { isNew, isFirstStory, firstClaimant, rejected } = await deps.store.recordFigure(
      key,
      figure,
      { storyId: message.storyId, url: message.url },
      now,
    );
    await deps.store.putMention(
      {
        figureKey: key,
        storyId: message.storyId,
        storyUrl: message.url,
        storyTitle: message.title,
        publishedAt: message.publishedAt,
        claimant: figure.claimant,
        claimantCountry: figure.claimantCountry,
        qualifier: figure.qualifier,
        asOf: figure.asOf,
        evidence: figure.evidence,
        seenAt: now.toISOString(),
      },
      claimantKey,
      figure.metric,
      figure.unit,
    );
    if (isNew) newFigures.push(key);
    // A figure a person rejected keeps its sources (the mention above) but never alerts again.
    if (!isFirstStory || rejected) continue;
    const alertId = shortHash(`alert:${key}`);
    const existing = await deps.store.getAlert(alertId);
    if (existing?.status === 'sent') continue;
    let previous: AlertRecord['previous'];
    // An increment revises nothing, and no total revises an increment.
    if (!existing && claimantKey && !figure.increment) {
      const history = await deps.store.claimantHistory(claimantKey, figure.metric, figure.unit);
      const earlier = history.find(
        (m) => m.figureKey !== key && m.storyId !== message.storyId && !m.figureKey.endsWith('|+'),
      );
      if (earlier) {
        const earlierFigure = await deps.store.getFigure(earlier.figureKey);
        // A rejected figure is nobody's earlier estimate.
        if (earlierFigure && !earlierFigure.rejected) {
          previous = {
            value: earlierFigure.value,
            valueHigh: earlierFigure.valueHigh,
            asOf: earlier.asOf ?? earlier.publishedAt,
            figureKey: earlier.figureKey,
          };
        }
      }
    }
    const { record: alert } = await deps.store.ensureAlert({
      alertId,
      figureKey: key,
      createdAt: now.toISOString(),
      status: 'pending',
      headline: describeFigure(figure),
      figure: { ...figure, claimant: figure.claimant ?? firstClaimant },
      storyId: message.storyId,
      storyUrl: message.url,
      storyTitle: message.title,
      previous,
      attempts: 0,
    });
    if (alert.status !== 'sent') alerts.push({ alertId });
  }
  if (alerts.length > 0) await deps.alertsQueue.send(alerts);
  return {
    storyId: message.storyId,
    relevant: tags.relevant,
    figures: counted.length,
    newFigures,
    alertsQueued: alerts.length,
  };
}
