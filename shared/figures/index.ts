/**
 * The figure extractor's public surface: extraction, numbers, sentences, dates, claimants,
 * identity, tags and scoring. Callers import from here rather than from the parts.
 */

export { type Attribution, attributeSentences, claimantAt } from './attribution.ts';
export { CLAIMANTS, type ClaimantEntry, type ClaimantKind } from './claimant-table.ts';
export {
  canonicalClaimant,
  findClaimantMentions,
  type ResolvedClaimant,
  sameClaimant,
} from './claimants.ts';
export { type DateMention, findDates, resolveAsOf } from './dates.ts';
export { type ExtractOptions, extractFigures } from './extract.ts';
export { describeFigure, figureKey } from './identity.ts';
export type { Lexicon } from './lexicon.ts';
export { LEXICON_EN } from './lexicon-en.ts';
export { findNumbers, type NumberMention, type ParsedNumber, parseNumber } from './numbers.ts';
export {
  type ArticleScore,
  type CorpusScore,
  type FigureMatch,
  figuresMatch,
  type GoldArticle,
  type GoldFigure,
  scoreArticle,
  scoreCorpus,
} from './score.ts';
export { type Sentence, splitSentences } from './sentences.ts';
export { guessLanguage, type TagInput, tagStory } from './tags.ts';
