/**
 * Claimant names: finding known claimants in text, reducing any spelling to one canonical
 * name and country, and deciding whether two names are the same person or body (used when a
 * prediction is scored against the gold).
 */

import { CLAIMANTS, type ClaimantEntry, type ClaimantKind } from './claimant-table.ts';
import type { Lexicon } from './lexicon.ts';
import { LEXICON_EN } from './lexicon-en.ts';
import {
  buildPhraseTable,
  findAll,
  type PhraseMatch,
  type PhraseTable,
  type Token,
  tokenize,
} from './tokens.ts';

/** A claimant as the extractor reports it. */
export interface ResolvedClaimant {
  name: string;
  country: string | null;
  kind: ClaimantKind;
}

/** A known claimant found in a text. */
export interface ClaimantMention {
  start: number;
  end: number;
  entry: ClaimantEntry;
}

interface AliasValue {
  entry: ClaimantEntry;
  /** The alias as written, when it must match case ("JCS", "NIS"). */
  exact: string | null;
}

/** One spelling of a claimant, as the scan matches it against tokens. */
interface AliasCandidate {
  /** The spelling's tokens, lower case. */
  words: string[];
  /** The last word with a possessive "'s": "Zelensky's" names Zelensky too. */
  possessive: string;
  value: AliasValue;
}

/** The spellings a token may start: by its first word, else as a one-word possessive. */
interface Starting {
  /** Spellings by their first word, longest first, so the first that fits is the longest. */
  first: AliasCandidate[] | undefined;
  /**
   * One-word spellings by their possessive ("ukraine's" -> Ukraine), tried after `first`:
   * kept apart so a possessive token needs no list built for it.
   */
  possessive: AliasCandidate[] | undefined;
}

interface ClaimantIndex {
  /**
   * {@link Starting} by token: one map for both kinds, so the scan asks one lookup of the
   * tokens that start no spelling, most of a text's, not two.
   */
  starting: Map<string, Starting>;
  /** Each entry's own aliases, folded: a possessive that is itself an alias is kept whole. */
  foldedAliases: Map<ClaimantEntry, Set<string>>;
  byAlias: Map<string, ClaimantEntry>;
  byCountry: Map<string, ClaimantEntry>;
}

let index: ClaimantIndex | null = null;

/** Folds case, apostrophes and spacing so spellings compare equal. */
export function foldName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function isAcronym(alias: string): boolean {
  return /^[A-Z]{2,6}$/.test(alias);
}

function buildIndex(): ClaimantIndex {
  const byAlias = new Map<string, ClaimantEntry>();
  const byCountry = new Map<string, ClaimantEntry>();
  const phrases: Array<[string, AliasValue]> = [];
  for (const entry of CLAIMANTS) {
    if (entry.kind === 'country' && entry.country) byCountry.set(entry.country, entry);
    for (const alias of spellingsOf(entry)) {
      const folded = foldName(alias);
      if (byAlias.has(folded)) continue;
      byAlias.set(folded, entry);
      phrases.push([alias, { entry, exact: isAcronym(alias) ? alias : null }]);
    }
  }
  const table = buildPhraseTable(phrases, LEXICON_EN.numbers);
  const starting = new Map<string, Starting>();
  const at = (word: string) => {
    let entry = starting.get(word);
    if (!entry) {
      entry = { first: undefined, possessive: undefined };
      starting.set(word, entry);
    }
    return entry;
  };
  for (const [first, items] of table.byFirst) {
    const candidates = items.map((item) => ({
      words: item.words,
      possessive: `${item.words[item.words.length - 1]!}'s`,
      value: item.value,
    }));
    at(first).first = candidates;
    const singles = candidates.filter((c) => c.words.length === 1);
    if (singles.length > 0) at(`${first}'s`).possessive = singles;
  }
  const foldedAliases = new Map(
    CLAIMANTS.map((entry) => [entry, new Set(entry.aliases.map(foldName))] as const),
  );
  return { starting, foldedAliases, byAlias, byCountry };
}

/**
 * An entry's spellings, with the variants stories use added: British and American spellings
 * ("Defence", "Defense"), and for people the ways a hyphenated given name is written ("Shin
 * Won-sik" is also "Shin Won Sik" and "Shin Wonsik").
 */
function spellingsOf(entry: ClaimantEntry): string[] {
  const all = [entry.name, ...entry.aliases];
  // British and American spellings of one body: "Defence Intelligence", "Defense Intelligence".
  for (const alias of [...all]) {
    if (/defen[cs]e/iu.test(alias)) {
      all.push(
        alias.replace(/(defen)([cs])(e)/giu, (_, a: string, b: string, e: string) => {
          const other = b === 'c' ? 's' : b === 'C' ? 'S' : b === 's' ? 'c' : 'C';
          return `${a}${other}${e}`;
        }),
      );
    }
  }
  // "Global Defense Corp" is "Global Defense Corporation": a company's suffix is abbreviated.
  for (const alias of [...all]) {
    if (/ Corporation$/u.test(alias)) all.push(alias.replace(/ Corporation$/u, ' Corp'));
  }
  if (entry.kind !== 'person') return all;
  const out = [...all];
  for (const alias of all) {
    if (!/\p{L}-\p{Ll}/u.test(alias)) continue;
    out.push(
      alias.replace(/(\p{L})-(\p{Ll})/gu, (_, a: string, b: string) => `${a} ${b.toUpperCase()}`),
    );
    out.push(alias.replace(/(\p{L})-(\p{Ll})/gu, '$1$2'));
  }
  return out;
}

function getIndex(): ClaimantIndex {
  if (!index) index = buildIndex();
  return index;
}

/** Whether a spelling fits the tokens from `i`, whose first token is known to fit. */
function fitsAt(tokens: readonly Token[], i: number, c: AliasCandidate): boolean {
  const n = c.words.length;
  if (i + n > tokens.length) return false;
  for (let k = 1; k < n - 1; k++) if (tokens[i + k]!.lower !== c.words[k]) return false;
  if (n === 1) return true;
  const last = tokens[i + n - 1]!.lower;
  return last === c.words[n - 1] || last === c.possessive;
}

/** The longest alias starting at token `i`; a possessive last word ("Zelensky's") counts. */
function aliasAt(
  tokens: readonly Token[],
  i: number,
  idx: ClaimantIndex,
): PhraseMatch<AliasValue> | null {
  const at = idx.starting.get(tokens[i]!.lower);
  if (at === undefined) return null;
  return firstFit(tokens, i, at.first) ?? firstFit(tokens, i, at.possessive);
}

/** The first spelling in `list` that fits the tokens from `i` (acronyms in their own case). */
function firstFit(
  tokens: readonly Token[],
  i: number,
  list: readonly AliasCandidate[] | undefined,
): PhraseMatch<AliasValue> | null {
  if (!list) return null;
  for (const c of list) {
    if (!fitsAt(tokens, i, c)) continue;
    if (c.value.exact !== null && tokens[i]!.text !== c.value.exact) continue;
    return { value: c.value, start: i, end: i + c.words.length };
  }
  return null;
}

/**
 * Every known claimant named in a text, longest spelling first, without overlaps, in order.
 * "South Korean military intelligence" is one mention, never also "South Korean military".
 * A possessive ends before its "'s". `tokens` are the text's tokens under English number rules,
 * when the caller has them already (a sentence the extractor reads), so it is not tokenised twice.
 */
export function findClaimantMentions(text: string, tokens?: readonly Token[]): ClaimantMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const cached = mentionCache.get(text);
  if (cached) return cached;
  const found = scanMentions(text, tokens ?? tokenize(text, LEXICON_EN.numbers));
  if (mentionCache.size >= 512) mentionCache.clear();
  mentionCache.set(text, found);
  return found;
}

/** Recent lookups: the same phrases are read for subjects, quotes and sources. */
const mentionCache = new Map<string, ClaimantMention[]>();

function scanMentions(text: string, tokens: readonly Token[]): ClaimantMention[] {
  const idx = getIndex();
  const out: ClaimantMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const m = aliasAt(tokens, i, idx);
    if (!m) {
      i++;
      continue;
    }
    const last = tokens[m.end - 1]!;
    // "the US-based institute", "a Kremlin-backed outlet": a name inside a hyphenated
    // modifier describes the noun after it and names no claimant.
    if (/^-\p{Ll}/u.test(text.slice(last.end, last.end + 2))) {
      i = m.end;
      continue;
    }
    const possessive =
      last.lower.endsWith("'s") &&
      !idx.foldedAliases
        .get(m.value.entry)!
        .has(foldName(text.slice(tokens[m.start]!.start, last.end)));
    out.push({
      start: tokens[m.start]!.start,
      end: possessive ? last.end - 2 : last.end,
      entry: m.value.entry,
    });
    i = m.end;
  }
  return out;
}

/** The country claimant ("South Korea") for an ISO code, if the table has one. */
export function countryClaimant(code: string): ResolvedClaimant | null {
  const entry = getIndex().byCountry.get(code);
  return entry ? { name: entry.name, country: entry.country, kind: entry.kind } : null;
}

const nationalityWords = new WeakMap<Lexicon, Map<string, string>>();

/**
 * The country a phrase names when it is one nationality word and nothing else ("Ukrainian",
 * "South Korea's"): what is left of "according to Ukrainian reports" once the reports go.
 */
export function countryOfNationalityWord(
  phrase: string,
  lexicon: Lexicon = LEXICON_EN,
): string | null {
  let words = nationalityWords.get(lexicon);
  if (!words) {
    words = new Map(lexicon.nationalities.map((n) => [foldName(n.phrase), n.country]));
    nationalityWords.set(lexicon, words);
  }
  return words.get(foldName(phrase)) ?? null;
}

/** The resolved form of a table entry. */
export function fromEntry(entry: ClaimantEntry): ResolvedClaimant {
  return { name: entry.name, country: entry.country, kind: entry.kind };
}

const nationalityTables = new WeakMap<Lexicon, PhraseTable<string>>();

/** The countries named by nationality words in a phrase ("South Korean and Ukrainian" -> KR, UA). */
export function nationalitiesIn(phrase: string, lexicon: Lexicon = LEXICON_EN): Set<string> {
  let table = nationalityTables.get(lexicon);
  if (!table) {
    table = buildPhraseTable(
      lexicon.nationalities.map((n) => [n.phrase, n.country] as const),
      lexicon.numbers,
    );
    nationalityTables.set(lexicon, table);
  }
  const cache = lexicon === LEXICON_EN ? nationalityCache : null;
  const cached = cache?.get(phrase);
  if (cached) return new Set(cached);
  const tokens = tokenize(phrase, lexicon.numbers);
  const found = new Set(findAll(tokens, 0, tokens.length, table).map((m) => m.value));
  if (cache) {
    if (cache.size >= 512) cache.clear();
    cache.set(phrase, found);
  }
  return new Set(found);
}

/** Recent English lookups: subjects and sources are read more than once. */
const nationalityCache = new Map<string, Set<string>>();

/**
 * The single country named by nationality words in a phrase ("South Korean military
 * sources" -> KR), or null when none or several are named.
 */
export function nationalityOf(phrase: string, lexicon: Lexicon = LEXICON_EN): string | null {
  const found = nationalitiesIn(phrase, lexicon);
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * The head of a noun phrase among the known claimants it names: mentions that follow "of" or
 * "in" ("the Main Intelligence Directorate of Ukraine's Ministry of Defense") modify an
 * earlier one and are dropped; of the rest, the last (a subject before its verb: "South Korean
 * MP Lee Sung-kwon") or the first (after "according to").
 */
export function headMention(
  mentions: readonly ClaimantMention[],
  text: string,
  which: 'first' | 'last',
  postModifier: RegExp = defaultPostModifier(),
): ClaimantMention | null {
  if (mentions.length === 0) return null;
  const kept = mentions.filter((m, i) => {
    if (i === 0) return true;
    return !postModifier.test(text.slice(Math.max(0, m.start - 12), m.start));
  });
  return (which === 'first' ? kept[0] : kept[kept.length - 1]) ?? null;
}

let postModifierRe: RegExp | null = null;
let articleRe: RegExp | null = null;

function wordsRe(words: readonly string[]): string {
  return words
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .sort((a, b) => b.length - a.length)
    .join('|');
}

function defaultPostModifier(): RegExp {
  postModifierRe ??= new RegExp(
    `(?<![\\p{L}])(?:${wordsRe(LEXICON_EN.attribution.postModifiers)})\\s+$`,
    'iu',
  );
  return postModifierRe;
}

function cleanName(name: string): string {
  articleRe ??= new RegExp(`^(?:${wordsRe(LEXICON_EN.attribution.articles)})\\s+`, 'iu');
  return name
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:'"“”(]+|[\s,;:'"“”)]+$/g, '')
    .replace(articleRe, '')
    .trim();
}

/**
 * Words after a known body or person that name its people or output, not another source:
 * "Pentagon officials", "NATO's secretary-general", "the NIS spokesperson", "HUR estimates".
 * Anonymous "sources" and outside "analysts" are not the body's own voice and stay out.
 */
const ROLE_TAIL_RE =
  /^(.+?)(?:['\u2019]s)?\s+(?:(?:deputy|chief|top|senior|acting|principal|press|national|security)\s+)*(?:officials?|spokes(?:man|woman|person)|press\s+secretary|secretary[- ]general|chief|head|director|leadership|office|agency|service|directorate|assessments?|estimates?|reports?|data|figures|briefings?|representatives?)$/iu;

/** An appositive after a name ("Kyrylo Budanov, head of …", "Park Sun-won, a lawmaker"). */
const APPOSITIVE_RE = /^([^,]{2,60}),\s+(?:the\s+|a\s+|an\s+|who\s+|head\s|chief\s|director\s)/iu;

/** A post-modifier after a body's name ("… Directorate of Ukraine's Ministry of Defense"). */
const OF_TAIL_RE = /^\s+(?:of|at|in|under)\s/iu;

/**
 * The table entry a cleaned phrase names, if any: an exact spelling; a longer phrase that ends
 * in a known name ("South Korean MP Lee Sung-kwon"); a name before an appositive ("Kyrylo
 * Budanov, head of …"); a body's or person's own people or output ("Pentagon officials",
 * "NATO's secretary-general"); a body before its "of" post-modifier.
 */
function knownEntry(cleaned: string, depth = 0): ClaimantEntry | null {
  const idx = getIndex();
  const exact = idx.byAlias.get(foldName(cleaned));
  if (exact) return exact;
  if (depth > 2) return null;
  const appositive = APPOSITIVE_RE.exec(cleaned);
  if (appositive) {
    const entry = knownEntry(appositive[1]!.trim(), depth + 1);
    if (entry && entry.kind !== 'country') return entry;
  }
  const role = ROLE_TAIL_RE.exec(cleaned);
  if (role) {
    const entry = knownEntry(role[1]!.trim(), depth + 1);
    if (entry && entry.kind !== 'country') return entry;
  }
  if (countriesNamed(cleaned).length >= 2 || nationalitiesIn(cleaned).size >= 2) return null;
  const head = headMention(findClaimantMentions(cleaned), cleaned, 'last');
  if (!head || cleaned.split(' ').length > 8) return null;
  // Only a name that ends the phrase is its head ("South Korean MP Lee Sung-kwon"); a name
  // followed by more words modifies them ("Ukraine Security Service" is not Ukraine), unless
  // they are the body's own post-modifier ("… Directorate of Ukraine's Ministry of Defense").
  const rest = cleaned.slice(head.end);
  if (/^[\s.,;:'")]*$/.test(rest)) return head.entry;
  if (head.entry.kind !== 'country' && head.start === 0 && OF_TAIL_RE.test(rest)) {
    return head.entry;
  }
  return null;
}

/**
 * The canonical name and country for any spelling of a claimant: known spellings map to the
 * table's name ("Zelenskyy" -> "Volodymyr Zelensky", UA); a longer phrase that ends in a
 * known name maps to it ("South Korean MP Lee Sung-kwon" -> "Lee Sung-kwon"), and so do a
 * body's own people ("Pentagon spokesperson" -> "Pentagon") and a name before an appositive;
 * anything else keeps its own words, with the country its nationality words give.
 */
export function canonicalClaimant(name: string): { name: string; country: string | null } {
  if (typeof name !== 'string') return { name: '', country: null };
  const cleaned = cleanName(name);
  const idx = getIndex();
  const exact = idx.byAlias.get(foldName(cleaned));
  if (exact) return { name: exact.name, country: exact.country };
  // A bare nationality word left of "according to Ukrainian reports": the country.
  const code = countryOfNationalityWord(cleaned);
  const country = code === null ? undefined : idx.byCountry.get(code);
  if (country) return { name: country.name, country: country.country };
  // A joint source ("US, Ukrainian and South Korean intelligence", "estimates from the US,
  // Ukraine and South Korea") is one claimant however its members are spelled or ordered.
  const countries = countriesNamed(cleaned);
  if (countries.length >= 2) {
    const names = countries.map((code) => idx.byCountry.get(code)?.name ?? code);
    return { name: `Joint: ${names.join(', ')}`, country: null };
  }
  const entry = knownEntry(cleaned);
  if (entry) return { name: entry.name, country: entry.country };
  return { name: cleaned, country: nationalityOf(cleaned) };
}

/** The countries a phrase names, by nationality word or by name, sorted by code. */
export function countriesNamed(phrase: string): string[] {
  const codes = new Set(nationalitiesIn(phrase));
  for (const m of findClaimantMentions(phrase)) {
    if (m.entry.kind === 'country' && m.entry.country) codes.add(m.entry.country);
  }
  return [...codes].sort();
}

/**
 * Whether two claimants are the same person or body, as FIGURES.md scores attribution:
 * spellings of one known claimant are one ("Zelensky", "Zelenskyy"), and so are a generic
 * spelling and the body it stands for ("South Korean intelligence" and the NIS). A person is not
 * the body they head, speak for or relay ("Sabrina Singh" is not "Pentagon"; a lawmaker relaying
 * an NIS briefing must come out as the NIS, not count as it). With `speakers`, they are one
 * source too: what a user filtering by "Pentagon" wants to see (`claimwatch figures
 * --claimant`). Two different people are never one. Null matches only null.
 */
export function sameClaimant(
  a: string | null | undefined,
  b: string | null | undefined,
  options: { speakers?: boolean } = {},
): boolean {
  const na = a === undefined || a === null || a.trim() === '' ? null : a;
  const nb = b === undefined || b === null || b.trim() === '' ? null : b;
  if (na === null || nb === null) return na === nb;
  const ca = comparable(canonicalClaimant(na).name);
  const cb = comparable(canonicalClaimant(nb).name);
  if (ca === cb) return true;
  const ea = getIndex().byAlias.get(foldName(canonicalClaimant(na).name));
  const eb = getIndex().byAlias.get(foldName(canonicalClaimant(nb).name));
  if (!ea || !eb) return false;
  if (!options.speakers && (ea.kind === 'person' || eb.kind === 'person')) return false;
  const ta = ea.speaksFor ?? ea.relays;
  const tb = eb.speaksFor ?? eb.relays;
  if (ta !== undefined && foldName(ta) === foldName(eb.name)) return true;
  if (tb !== undefined && foldName(tb) === foldName(ea.name)) return true;
  return ta !== undefined && ta === tb && !(ea.kind === 'person' && eb.kind === 'person');
}

let possessiveRe: RegExp | null = null;
const adjectiveOf = new Map<string, string>();

/** The country possessives' pattern and the adjectives, built once on first use. */
function buildNationalityForms(): RegExp {
  if (possessiveRe) return possessiveRe;
  const possessives: string[] = [];
  for (const n of LEXICON_EN.nationalities) {
    if (/['\u2019]s$/u.test(n.phrase)) possessives.push(n.phrase);
    else if (!adjectiveOf.has(n.country)) adjectiveOf.set(n.country, n.phrase);
  }
  possessiveRe = new RegExp(`^(?:${wordsRe(possessives)})(?=\\s)`, 'u');
  return possessiveRe;
}

/** A country's adjective as the English lexicon spells it, lower-case ("south korean"). */
export function countryAdjective(code: string): string | undefined {
  buildNationalityForms();
  return adjectiveOf.get(code);
}

/**
 * A folded name in which a country's possessive reads as its adjective, so "Russia's media"
 * and "Russian media" compare equal.
 */
function comparable(name: string): string {
  const possessive = buildNationalityForms();
  const folded = foldName(name);
  const m = possessive.exec(folded);
  if (!m) return folded;
  const country = LEXICON_EN.nationalities.find((n) => n.phrase === m[0])?.country;
  const adjective = country ? adjectiveOf.get(country) : undefined;
  return adjective ? adjective + folded.slice(m[0].length) : folded;
}
