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

/**
 * "спецслужб Сеула", "розвідслужб Південної Кореї", "южнокорейских спецслужб": a country's
 * intelligence under any of the pack's words for it, before the country's adjective or after
 * the country's genitive; the country is given by its intelligence's claimant name ("South
 * Korean intelligence"). Every pair, so a new word or spelling of the country is listed once.
 */
export function nationalIntelligence(
  adjectives: Readonly<Record<string, string>>,
  genitives: Readonly<Record<string, string>>,
  nouns: readonly string[],
): ClaimantAlias[] {
  const out: ClaimantAlias[] = [];
  for (const noun of nouns) {
    for (const [stem, name] of Object.entries(adjectives))
      out.push({ alias: `${stem} ${noun}`, name });
    for (const [genitive, name] of Object.entries(genitives))
      out.push({ alias: `${noun} ${genitive}`, name });
  }
  return out;
}

/**
 * "південнокорейські депутати", "südkoreanische Abgeordnete": an unnamed South Korean lawmaker
 * relays the spy agency's briefing when the story names it (or an intelligence agency); else
 * the lawmaker is the source. One entry shape for every pack's spellings.
 */
export function southKoreanLawmakers(aliases: readonly string[]): ClaimantAlias[] {
  return aliases.map((alias) => ({
    alias,
    name: 'South Korean lawmaker',
    country: 'KR',
    kind: 'person',
    relays: 'South Korea National Intelligence Service',
  }));
}
