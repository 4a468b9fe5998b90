/**
 * Figure extraction for languages other than English: a reader driven by one data table per
 * language (a "pack"), so a new language is a new table. English keeps its own rule reader.
 */

import type { Figure } from '../../types.ts';

/** Options the pack reader takes; the same as the English reader's. */
export interface PackExtractOptions {
  published?: string;
}

/** True when a language has a pack; its stories are read by {@link extractWithPack}. */
export function hasPack(_language: string): boolean {
  return false;
}

/** Every figure of a story written in a language that has a pack. */
export function extractWithPack(
  _text: string,
  _language: string,
  _opts: PackExtractOptions = {},
): Figure[] {
  return [];
}
