import type { ClaimantAlias } from '../pack.ts';

/**
 * "по украинским данным", "за південнокорейськими оцінками", "US-Beamte": a country's data,
 * estimates or officials, unnamed, are that country's (as English "Ukrainian estimates" is
 * Ukraine). Every nationality stem × every noun stem, so a pack lists each word once instead
 * of each pair.
 */
export function nationalSources(
  nationalities: Readonly<Record<string, string>>,
  nouns: readonly string[],
): ClaimantAlias[] {
  const out: ClaimantAlias[] = [];
  for (const [stem, name] of Object.entries(nationalities))
    for (const noun of nouns) out.push({ alias: `${stem} ${noun}`, name });
  return out;
}
