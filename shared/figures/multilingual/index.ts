/**
 * Figure extraction for languages other than English: a reader driven by one data table per
 * language (a "pack"), so a new language is a new table. English keeps its own rule reader.
 */

import type { Figure } from '../../types.ts';
import type { LanguagePack } from './pack.ts';
import { PACK_DE } from './packs/de.ts';
import { PACK_KO } from './packs/ko.ts';
import { PACK_RU } from './packs/ru.ts';
import { PACK_UK } from './packs/uk.ts';
import { type PackMarkers, packMarkers, readWithPack } from './reader.ts';

export type { LanguagePack } from './pack.ts';
export type { PackMarkers } from './reader.ts';

/** Options the pack reader takes; the same as the English reader's. */
export interface PackExtractOptions {
  published?: string;
}

/** The language packs, by primary language subtag. A sixth language is one more entry. */
export const PACKS: Readonly<Record<string, LanguagePack>> = {
  ko: PACK_KO,
  uk: PACK_UK,
  ru: PACK_RU,
  de: PACK_DE,
};

function primary(language: string): string {
  return typeof language === 'string' ? language.trim().toLowerCase().split(/[-_]/)[0]! : '';
}

/** True when a language has a pack; its stories are read by {@link extractWithPack}. */
export function hasPack(language: string): boolean {
  return Object.hasOwn(PACKS, primary(language));
}

/** Every figure of a story written in a language that has a pack; [] for any other. */
export function extractWithPack(
  text: string,
  language: string,
  opts: PackExtractOptions = {},
): Figure[] {
  const pack = PACKS[primary(language)];
  if (!pack) return [];
  try {
    return readWithPack(text, pack, opts);
  } catch {
    return [];
  }
}

/**
 * Whether a text in a pack language names North Korea and Russia, and its military words, so
 * story tags work without an English lexicon; null when the language has no pack.
 */
export function markersWithPack(text: string, language: string): PackMarkers | null {
  const pack = PACKS[primary(language)];
  if (!pack) return null;
  try {
    return packMarkers(text, pack);
  } catch {
    return null;
  }
}
