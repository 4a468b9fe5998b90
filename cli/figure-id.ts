/**
 * A figure's key (`casualties|troops|3000||KP`) holds `|`, which a shell reads as a pipe when the
 * key is pasted unquoted. People are shown a short alias instead, `fig-` and eight hex digits of
 * the key's hash, which every command that takes a figure id accepts, as it accepts the key.
 */

import { UsageError } from '../shared/errors.ts';
import { shortHash } from '../shared/feeds/identity.ts';
import type { FigureRecord } from '../shared/store/store.ts';

const PREFIX = 'fig-';
const ALIAS_DIGITS = 8;
/** The shortest alias prefix accepted, as git accepts an abbreviated commit. */
const MIN_DIGITS = 4;

/** The alias of a figure key: shell-safe, short, and stable across runs and machines. */
export function figureAlias(figureKey: string): string {
  return `${PREFIX}${shortHash(`figure:${figureKey}`, ALIAS_DIGITS)}`;
}

/** What {@link resolveFigureId} needs of a store: one figure, and the list when given an alias. */
export interface FigureLookup {
  getFigure(figureKey: string): Promise<FigureRecord | undefined>;
  listFigures(): Promise<Pick<FigureRecord, 'figureKey'>[]>;
}

/**
 * The figure key a user meant: the key itself, or an alias (`fig-1a2b3c4d`, with or without
 * `fig-`, or its first four or more digits). Undefined when nothing matches; an abbreviation that
 * matches two figures is a usage error naming both.
 */
export async function resolveFigureId(
  store: FigureLookup,
  id: string,
): Promise<string | undefined> {
  const input = id.trim();
  if (input.includes('|')) return (await store.getFigure(input)) ? input : undefined;
  const digits = input.toLowerCase().replace(/^fig-/, '');
  if (!new RegExp(`^[0-9a-f]{${MIN_DIGITS},${ALIAS_DIGITS}}$`).test(digits)) return undefined;
  const matches = (await store.listFigures())
    .map((f) => f.figureKey)
    .filter((key) => figureAlias(key).slice(PREFIX.length).startsWith(digits));
  if (matches.length > 1) {
    throw new UsageError(
      `"${id}" matches ${matches.length} figures (${matches.map(figureAlias).join(', ')}): give more digits`,
    );
  }
  return matches[0];
}
