/**
 * The generic pack reader: the same decisions as the English rule reader (FIGURES.md) driven
 * by one language table (`pack.ts`). A number is a figure when it counts a personnel or
 * materiel unit, its clause says what happened to that unit (a metric), and the sentence or
 * the two before it tie it to North Korea (side `KP`; Russia's own troops give side `RU`).
 * Calibres, distances, money, dates, vague amounts, victims of North Korean weapons and
 * denied, doubted or asked-about numbers are left out.
 */

import { type Figure, MATERIEL, type Metric, type Qualifier, type Unit } from '../../types.ts';
import {
  CLAIMANTS,
  type ClaimantEntry,
  ministryOf,
  SENDERS,
  sourceTier,
} from '../claimant-table.ts';
import { firstOf } from '../first-of.ts';
import { FigureSet } from '../identity.ts';
import { LIST_ITEM } from '../sentences.ts';
import { chronoDates, koreanDates, nearestPackDate, type PackDate } from './dates.ts';
import { FirstLetterIndex } from './first-letter-index.ts';
import {
  KO_ALSO,
  KO_ALTERNATIVE,
  KO_BACKGROUND,
  KO_BARE_NUMBER,
  KO_BARE_RANGE,
  KO_BARE_SCALE,
  KO_BARE_UKRAINIAN_ARMY,
  KO_BOUNDARY,
  KO_BRIEFED_BY,
  KO_CALIBRE,
  KO_CAPABLE,
  KO_CITED,
  KO_CLAIM_OF_AFTER,
  KO_CLAIM_OF_BEFORE,
  KO_COMBINED,
  KO_CONDITION_AFTER,
  KO_COUNTRIES,
  KO_COUNTRY_OPENS_SAYS,
  KO_COUNTRY_SAYS,
  KO_DATA_CITED,
  KO_DATA_USED,
  KO_DIGITS,
  KO_FINDING_END,
  KO_FOREIGN_OUTLET_CITES_INTEL,
  KO_FORMAL_END,
  KO_FOUGHT_WITH,
  KO_FOUGHT_WITH_WORD,
  KO_GOES_ON,
  KO_GOODS_COUNTED,
  KO_HANDS_ON,
  KO_HOLDING_PLACE,
  KO_INCLUDED,
  KO_LIST_JOIN,
  KO_MADE_IN,
  KO_MARKED,
  KO_MULT,
  KO_NATIVE,
  KO_NEW_TOPIC,
  KO_ORDER,
  KO_OUTLET_CITED,
  KO_OWN_NOUN,
  KO_PASSIVE_AFTER,
  KO_PASSIVE_BEFORE,
  KO_PER_ITEM,
  KO_PRONOUN,
  KO_RELATIVE_SOURCE,
  KO_REPORT_END,
  KO_SAID_THAT,
  KO_SKIP_WORD,
  KO_SOURCES_COUNTED,
  KO_SPEAKER_CAPTION,
  KO_SUBJECT,
  KO_THIS_CONTENT,
  KO_THIS_IS,
  KO_THIS_OFFICIAL,
  KO_TITLED_SUBJECT,
  KO_TITLED_TOPIC,
  KO_TOPIC,
  KO_WEIGHED_CLAIM,
} from './korean.ts';
import {
  type CueMetric,
  type LanguagePack,
  type MetricWord,
  type UnitWord,
  uniformPack,
} from './pack.ts';
import {
  codePointEnd,
  isSpace,
  nextLetterAt,
  nextWordAt,
  StemIndex,
  sameLetterIgnoringCase,
  skipLetters,
  splitLetters,
  wordEndAt,
  wordStarts,
} from './stems.ts';

/** Options for {@link readWithPack}. */
export interface ReadOptions {
  /** Publication date `YYYY-MM-DD`; relative dates resolve against it. */
  published?: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;
/** Words, lower-cased and escaped, as the alternatives of one pattern group. */
const wordsAlternation = (words: readonly string[]): string =>
  words.map((w) => escapeRe(w.toLowerCase())).join('|');

interface AliasHit {
  start: number;
  end: number;
  entry: ClaimantEntry;
}

interface Compiled {
  /** The pack as {@link uniformPack} copies it: one object shape for every language. */
  pack: LanguagePack;
  multipliers: Array<{ stem: string; value: number }>;
  words: Map<string, number>;
  hedgeBefore: RegExp;
  hedgeBeforeMap: Map<string, Qualifier>;
  hedgesAfter: Array<{ phrase: string; qualifier: Qualifier }>;
  units: UnitWord[];
  rangeOpeners: string[];
  cueRe: RegExp;
  cueMap: Lookup<MetricWord>;
  counterRangeRe: RegExp;
  incrementAfterRes: RegExp[];
  cueStems: string[];
  dprkRe: RegExp;
  russiaRe: RegExp;
  otherRe: RegExp;
  victimsRe: RegExp | null;
  doubtRe: RegExp | null;
  visitorsRe: RegExp | null;
  attributionRe: RegExp;
  aliasRe: RegExp | null;
  exactAliasRe: RegExp | null;
  aliasMap: Lookup<ClaimantEntry>;
  /** Non-Korean aliases by the first letters of their first word, tried only where a word
   * starts with them (one big alternation tried at every position is slow). */
  aliasIndex: Map<string, AliasGroup> | null;
  exactAliasMap: Map<string, ClaimantEntry>;
  nonFigureAfter: string[];
  nonFigureBefore: Set<string>;
  yearBefore: Set<string>;
  increments: string[];
  incrementsAfter: string[];
  /** Global, so that {@link has} reads it with its stem index. */
  dateTrigger: RegExp;
  destinationBefore: Set<string>;
  destinationAfter: string[];
  korean: boolean;
  skipWords: Set<string>;
  notUnits: readonly string[];
  auxiliaries: Set<string>;
  afterHedge: Map<string, number>;
  bareFollowers: Set<string>;
  wholeRe: RegExp | null;
  otherSupplierRe: RegExp | null;
  /** A number then one of the pack's `partOfWhole` words, right before a number. */
  partOfWholeRe: RegExp | null;
  fractionRe: RegExp | null;
  citingRe: RegExp | null;
  unnamedRe: RegExp | null;
  /** "laut", "по данным", "за даними": prepositions whose object is the source. */
  sourcePrepRe: RegExp | null;
  /** ", и, ", ", und ", ", де, ": the end of a clause and the word that opens the next one. */
  clauseOpenRe: RegExp | null;
  backRefRe: RegExp | null;
  continuationRe: RegExp | null;
  /** "Lesen Sie auch", "Читайте также": a link to another story opens the sentence. */
  crossLinkRe: RegExp | null;
  anaphorRe: RegExp | null;
  /** "Ihren Angaben zufolge": the source named before speaks; names after are spoken of. */
  ownWordsRe: RegExp | null;
  /** "im", "bei": a short phrase of place or manner between a bare number and its verb. */
  gapPrepositions: Set<string>;
  personAnaphorRe: RegExp | null;
  bodyAnaphorRe: RegExp | null;
  mediaAnaphorRe: RegExp | null;
  intelAnaphorRe: RegExp | null;
  /** "er", "он": a person's pronoun, a whole word. */
  personPronounRe: RegExp | null;
  partRe: RegExp | null;
  purposes: Array<{ re: RegExp; unit: Unit }>;
  /** See `LanguagePack.offices`: each post's words and the entry of who holds it. */
  offices: Array<{ re: RegExp; holder: ClaimantEntry }>;
  /** "что", "що", ", dass" with the comma before: see `LanguagePack.complementisers`. */
  complementisers: string[];
  survivedRe: RegExp | null;
  memorialRe: RegExp | null;
  specifiesRe: RegExp | null;
  roleRe: RegExp | null;
  roles: Lookup<{ unit: Unit; branch: boolean; soft: boolean }>;
  firstPersonRe: RegExp | null;
  estimateRe: RegExp | null;
  vague: Set<string>;
  /** Two words before a number that make it a group's size: "Gruppen von". */
  groupsOf: Set<string>;
  otherSourceRe: RegExp | null;
  fromRussia: string[];
  receivingRe: RegExp | null;
  perItemRe: RegExp | null;
  /** See `LanguagePack.baseBefore`, lower-cased. */
  baseBefore: string[];
  firedRe: RegExp | null;
  exchangeRe: RegExp | null;
  opponents: Set<string>;
  /** ", die", ", которые" right after the number's noun: a relative clause opens. */
  relativeRe: RegExp | null;
  /** ", wo", ", где": a clause about a place opens. */
  placeRelativeRe: RegExp | null;
  /** "за добу", "pro Tag": a daily rate. */
  perDayRe: RegExp | null;
  /** "щодня", "täglich" right after a counted noun: a daily rate. */
  everyDayAfterRe: RegExp | null;
  /** "nach", "von" before a name: where to or by whom, no partitive. */
  placeOrAgent: Set<string>;
  /** "в", "до" before a named place, after a participle before the noun. */
  participlePlaces: Set<string>;
  /** "das", "про це" opening a sentence that says who said "this". */
  thisSaidRe: RegExp | null;
  /** "und", "або", "하거나" between two loss words, with at most one word more on each side,
   * an auxiliary of the first verb or of the second ("gefallen sind oder verwundet"). */
  cueJoinRe: RegExp | null;
  /** The words of {@link cueJoinRe}, for a look at one word. */
  cueJoinWords: Set<string>;
  /** A defence or a foreign ministry's name. */
  defenceMinistryRe: RegExp | null;
  foreignMinistryRe: RegExp | null;
  /** "Wie berichtet", "Ранее сообщалось": the sentence recalls the story's earlier reports. */
  earlierRe: RegExp | null;
  /** "zurückgekehrt", "вернулись": going home. */
  returnedRe: RegExp | null;
  /** Two or more nationality adjectives joined before an intelligence noun. */
  jointRe: RegExp | null;
  /** A capitalised word, then two capitalised name words: a title and a person, when the
   * first ends in one of the pack's `personTitles`. */
  titledNameRe: RegExp | null;
  /** The whole gap between two joined names: ", ", " und ", " и ". */
  andRe: RegExp | null;
}

const compiledCache = new WeakMap<LanguagePack, Compiled>();
const plainCache = new WeakMap<LanguagePack, Compiled>();
const swissCache = new WeakMap<LanguagePack, Compiled>();

const KEY = 3;

/**
 * The aliases that share a key, longest first, as one sticky pattern with a group per alias:
 * the first alternative that matches is the alias a test of each in turn would find.
 */
interface AliasGroup {
  re: RegExp;
  entries: ClaimantEntry[];
  /** Each alias's words, lower-case, for {@link aliasAt}; null where only `re` can read it. */
  words: Array<string[] | null>;
}

/**
 * Which alias of a group starts at `p` (its index, with where it ends in `aliasEnd`), as the
 * group's pattern reads it: each word ignoring case, then any letters, then spaces or a hyphen
 * before the next word; any letters after the last. -1 for none, -2 where only the pattern
 * can tell. Comparing letters in code keeps hundreds of alias patterns, each some 10 KB of
 * regexp code for its letter classes, out of the run.
 */
function aliasAt(text: string, p: number, group: AliasGroup): number {
  for (let k = 0; k < group.words.length; k++) {
    const words = group.words[k];
    if (!words) return -2;
    let i = p;
    let ok = true;
    for (let w = 0; w < words.length && ok; w++) {
      const word = words[w]!;
      if (w > 0) {
        i = nextWordAt(text, i);
        if (i < 0) ok = false;
      }
      if (!ok || i + word.length > text.length) {
        ok = false;
        break;
      }
      for (let j = 0; j < word.length; j++)
        if (!sameLetterIgnoringCase(text.charCodeAt(i + j), word.charCodeAt(j))) {
          ok = false;
          break;
        }
      i += word.length;
    }
    if (ok) {
      aliasEnd = skipLetters(text, i);
      return k;
    }
  }
  return -1;
}

/** Where the alias {@link aliasAt} found ends. */
let aliasEnd = 0;

function indexAliases(aliases: Map<string, ClaimantEntry>): Map<string, AliasGroup> {
  const index = new Map<
    string,
    Array<{ pattern: string; entry: ClaimantEntry; n: number; alias: string }>
  >();
  for (const [alias, entry] of aliases) {
    // The letters the alias's first word starts with ("лі сон гвен": "лі", "об'єднан": "об").
    const key = (/^[\p{L}\p{M}]*/u.exec(alias)![0] || alias).slice(0, KEY);
    const list = index.get(key) ?? [];
    list.push({ pattern: stemPattern(alias, false), entry, n: alias.length, alias });
    index.set(key, list);
  }
  const groups = new Map<string, AliasGroup>();
  for (const [key, list] of index) {
    list.sort((a, b) => b.n - a.n);
    const alt = list.map((a) => `(${a.pattern})`).join('|');
    groups.set(key, {
      re: new RegExp(`(?:${alt})[\\p{L}\\p{M}]*`, 'yiu'),
      entries: list.map((a) => a.entry),
      words: list.map((a) => {
        const words = a.alias.split(' ');
        return words.some((w) => w === '' || /[\s\ud800-\udfff]/.test(w)) ? null : words;
      }),
    });
  }
  return groups;
}

function entryByName(): Map<string, ClaimantEntry> {
  return new Map(CLAIMANTS.map((e) => [e.name, e]));
}

/** A stem phrase as a pattern: each word a stem ("russische soldat" matches "russischen
 * Soldaten"), except in Korean, where words are matched as written. */
function stemPattern(stem: string, korean: boolean): string {
  return escapeRe(stem).replace(/ /g, korean ? '\\s+' : '[\\p{L}\\p{M}]*(?:\\s+|-)');
}

/** Which listed phrase a matched text is, for phrases whose inner words inflect. */
type Lookup<T> = ReadonlyArray<{ re: RegExp; value: T }> & {
  exact?: Map<string, T>;
  /** Inflected forms already scanned for ("погибших"): the scan's answer, kept. */
  seen?: Map<string, T | null>;
};

/** How many scanned forms a lookup keeps before it starts again (a bound on memory). */
const SEEN_MAX = 5000;

function lookup<T>(items: Lookup<T>, text: string): T | null {
  // The matched stem is usually the listed phrase itself: one map read, not a scan.
  const hit = items.exact?.get(text.toLowerCase());
  if (hit !== undefined) return hit;
  const known = items.seen?.get(text);
  if (known !== undefined) return known;
  let found: T | null = null;
  for (const it of items)
    if (it.re.test(text)) {
      found = it.value;
      break;
    }
  items.seen ??= new Map();
  if (items.seen.size >= SEEN_MAX) items.seen.clear();
  items.seen.set(text, found);
  return found;
}

function anchored<T>(
  entries: ReadonlyArray<[string, T]>,
  korean: boolean,
  flags = 'iu',
): Lookup<T> {
  const list: Lookup<T> = [...entries]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([k, value]) => ({ re: new RegExp(`^${stemPattern(k, korean)}`, flags), value }));
  list.exact = new Map();
  for (const [k, value] of entries)
    if (!list.exact.has(k.toLowerCase())) list.exact.set(k.toLowerCase(), value);
  return list;
}

/** The stem patterns' indexes by first letters (`stems.ts`), for {@link allHits} and {@link has}. */
const stemIndexes = new WeakMap<RegExp, PatternIndex>();

/** What reads a pattern's matches faster than its regex does ({@link StemIndex}, {@link FirstLetterIndex}). */
interface PatternIndex {
  hits(text: string, starts?: readonly number[]): Hit[];
  test(text: string, starts?: readonly number[]): boolean;
}

/** A Korean alternation `(?=[…])(word|…)`, with its {@link FirstLetterIndex} when it has one. */
function koreanAlternation(words: readonly string[], sources: readonly string[], flags: string) {
  const re = new RegExp(`${firstOf(words)}(${sources.join('|')})`, flags);
  const index = FirstLetterIndex.build(words, sources, flags);
  if (index) stemIndexes.set(re, index);
  return re;
}

/** A regex matching any of the stems: inside words for Korean, at a word start otherwise. */
function stemRe(stems: readonly string[], korean: boolean, flags = 'giu'): RegExp | null {
  if (stems.length === 0) return null;
  const lower = [...stems].sort(byLength).map((s) => s.toLowerCase());
  const patterns = lower.map((s) => stemPattern(s, korean));
  const alt = patterns.join('|');
  // The first letters of the stems, checked first: most positions fail there at once.
  const first = [...new Set(stems.map((x) => x.toLowerCase()[0] ?? ''))].map(escapeRe).join('');
  if (korean) return koreanAlternation(lower, patterns, flags);
  const re = new RegExp(`(?=[${first}])(?<![\\p{L}\\p{M}])(${alt})[\\p{L}\\p{M}]*`, flags);
  const index = StemIndex.build(lower, patterns, re);
  if (index) stemIndexes.set(re, index);
  return re;
}

/** Phrases as one regex alternation, lower-cased, any run of spaces between their words. */
function phraseAlternation(phrases: readonly string[]): string {
  return phrases.map((p) => escapeRe(p.toLowerCase()).replace(/ /g, '\\s+')).join('|');
}

/** The stems of a pack's anaphors of one type. */
function anaphorStems(
  pack: LanguagePack,
  type: 'intelligence' | 'person' | 'body' | 'media',
): string[] {
  return (pack.anaphors ?? []).filter((a) => a.type === type).map((a) => a.stem);
}

/** Phrases that open a sentence (after quotes or a dash), as one anchored pattern. */
function openingRe(phrases: readonly string[] | undefined): RegExp | null {
  if (!phrases?.length) return null;
  const alt = phraseAlternation([...phrases].sort(byLength));
  return new RegExp(`^[\\s"«»“”„'—–-]*(?:${alt})(?![\\p{L}\\p{M}])`, 'u');
}

/**
 * A stem as a text that lost its letters writes it ("einschätzung": "einschatzung"): news
 * copied through plain-text feeds often drops umlauts, and such a text is read with stems
 * spelt the same way (only then, so ordinary texts pay nothing for it).
 */
function spellings(stem: string, pack: LanguagePack, plain: Plain): string[] {
  const table = pack.letterVariants;
  if (!plain || !table) return [stem];
  let v = stem;
  for (const [letter, alts] of Object.entries(table)) {
    const alt = alts[0];
    if (alt === undefined || !v.toLowerCase().includes(letter)) continue;
    if (plain === SHARP_S && letter !== SHARP_S) continue;
    v = v.split(letter).join(alt).split(letter.toUpperCase()).join(alt.toUpperCase());
  }
  return v === stem ? [stem] : [stem, v];
}

/** The German sharp s, which Swiss German always writes "ss" ("gemäss", "heisst es"). */
const SHARP_S = '\u00DF';

/**
 * How a text in a language with letter variants spells them: none of them (true: a text that
 * lost its letters), without the sharp s only (a Swiss text keeps its umlauts), or as usual.
 */
type Plain = boolean | typeof SHARP_S;

function plainText(text: string, pack: LanguagePack): Plain {
  const table = pack.letterVariants;
  if (!table) return false;
  const lower = text.toLowerCase();
  if (!Object.keys(table).some((l) => lower.includes(l))) return true;
  return table[SHARP_S] && !lower.includes(SHARP_S) && lower.includes('ss') ? SHARP_S : false;
}

/**
 * An alias without its case endings ("Південна Корея": "Південн Коре"), so that a stem matches
 * every case form. Only Cyrillic words of five letters or more lose an ending, keeping four;
 * a one-word alias only from six letters on ("Корея" stays, or it would match "корейский").
 */
function caseStem(alias: string, endings: readonly string[] | undefined): string {
  if (!endings?.length) return alias;
  const words = alias.split(' ');
  const min = words.length > 1 ? 5 : 6;
  return words
    .map((w) => {
      if (w.length < min || !/^[\p{Script=Cyrillic}'’-]+$/u.test(w)) return w;
      const lower = w.toLowerCase();
      const cut = endings.filter((e) => lower.endsWith(e) && w.length - e.length >= 4);
      const longest = cut.sort(byLength)[0];
      return longest ? w.slice(0, w.length - longest.length) : w;
    })
    .join(' ');
}

/** Two or more of the pack's nationality adjectives joined by its "and" words or commas,
 * before one of its intelligence or source nouns. */
function jointRe(pack: LanguagePack): RegExp | null {
  const stems = (pack.nationalities ?? []).map((n) => escapeRe(n.stem));
  const nouns = [...(pack.intelligenceNouns ?? []), ...(pack.sourceNouns ?? [])].map(escapeRe);
  if (stems.length === 0 || nouns.length === 0) return null;
  const adj = `(?:${stems.join('|')})[\\p{L}]*`;
  const join = [',', ...(pack.andWords ?? []).map(escapeRe)].join('|');
  // The stems' first letters before the lookbehind (`first-of.ts`); the pattern ignores
  // case, so the class does too: the same positions can start a match.
  const first = firstOf((pack.nationalities ?? []).map((n) => n.stem));
  return new RegExp(
    `${first}(?<![\\p{L}-])${adj}(?:\\s*(?:${join})\\s*${adj})+\\s+(?:${nouns.join('|')})[\\p{L}]*`,
    'giu',
  );
}

/**
 * The spellings of a shared-table entry that a Latin-script story keeps in English: a person's
 * aliases that hold the surname ("Volodymyr Zelenskyy", "Budanov"), and a body's proper names of
 * three words or more ("Multilateral Sanctions Monitoring Team", "Institute for the Study of War").
 */
function latinSpellings(e: ClaimantEntry): string[] {
  if (e.kind === 'person') {
    // Korean names put the family name first ("Shin Won-sik", "Shin Wonsik"): their Latin
    // spellings are the aliases of two words or more that open with it.
    if (e.country === 'KR' || e.country === 'KP') {
      const family = e.name.split(' ')[0] ?? '';
      return e.aliases.filter((a) => a.startsWith(`${family} `));
    }
    const surname = (e.name.split(' ').pop() ?? '').slice(0, 5).toLowerCase();
    if (surname.length < 4) return [];
    return e.aliases.filter((a) => a.toLowerCase().includes(surname));
  }
  if (e.kind !== 'body') return [];
  return [e.name, ...e.aliases].filter((a) => {
    const words = a.split(' ');
    return (
      words.length >= 3 &&
      words.every((w) => /^\p{Lu}/u.test(w) || /^(?:of|for|the|and|on)$/.test(w))
    );
  });
}

function compile(pack: LanguagePack, plain: Plain = false): Compiled {
  const cache = plain === SHARP_S ? swissCache : plain ? plainCache : compiledCache;
  const cached = cache.get(pack);
  if (cached) return cached;
  const korean = pack.script === 'korean';
  const all = (stems: readonly string[] | undefined) =>
    (stems ?? []).flatMap((x) => spellings(x, pack, plain));
  const names = entryByName();
  const aliasMap = new Map<string, ClaimantEntry>();
  const exactAliasMap = new Map<string, ClaimantEntry>();
  const aliases: string[] = [];
  const exact: string[] = [];
  const addAlias = (alias: string, name: string, isExact: boolean, extra?: ClaimantEntry) => {
    const known = names.get(name);
    // "ein südkoreanischer Abgeordneter": the country's entry, relaying its spy agency.
    const entry = known && extra?.relays ? { ...known, relays: extra.relays } : (known ?? extra);
    if (!entry) return;
    if (isExact) {
      if (!exactAliasMap.has(alias)) exact.push(alias);
      exactAliasMap.set(alias, entry);
    } else {
      const key = alias.toLowerCase();
      if (!aliasMap.has(key)) aliases.push(key);
      aliasMap.set(key, entry);
    }
  };
  for (const a of pack.claimants) {
    const extra: ClaimantEntry | undefined =
      a.country !== undefined
        ? {
            name: a.name,
            country: a.country,
            kind: a.kind ?? 'media',
            aliases: [],
            ...(a.relays ? { relays: a.relays } : {}),
          }
        : undefined;
    for (const alias of spellings(a.alias, pack, plain)) {
      const isExact = a.exact === true || /^[A-ZА-ЯІЇЄҐ]{2,6}$/u.test(alias);
      // The stem without its case ending matches every form the written one does, and more.
      const bare = isExact ? alias : caseStem(alias, pack.caseEndings);
      if (bare === alias || !aliasMap.has(bare.toLowerCase()))
        addAlias(bare, a.name, isExact, extra);
    }
  }
  // The shared table's English spellings that Latin-script stories keep as they are.
  if (pack.latinNames) {
    for (const e of CLAIMANTS)
      for (const a of latinSpellings(e))
        if (!aliasMap.has(a.toLowerCase())) addAlias(a, e.name, false);
  }
  // Latin acronyms of the shared table ("NIS", "JCS", "HUR", "ISW") are written as they are.
  for (const e of CLAIMANTS) {
    if (e.kind === 'country') continue;
    for (const a of e.aliases)
      if (/^[A-Z]{2,6}$/.test(a) && !exactAliasMap.has(a)) addAlias(a, e.name, true);
  }
  const aliasAlt = aliases
    .sort(byLength)
    .map((a) => stemPattern(a, korean))
    .join('|');
  const exactAlt = exact
    .sort(byLength)
    .map((a) => escapeRe(a))
    .join('|');
  const hedgeBeforeMap = new Map(
    pack.hedgesBefore.map((h) => [h.phrase.toLowerCase(), h.qualifier]),
  );
  const hedgeAlt = [...hedgeBeforeMap.keys()]
    .sort(byLength)
    .map((h) => escapeRe(h).replace(/ /g, '\\s+'))
    .join('|');
  const metricWords = pack.metrics.flatMap((m) =>
    spellings(m.stem.toLowerCase(), pack, plain).map((stem) => ({ ...m, stem })),
  );
  const cueStems = metricWords.map((m) => m.stem);
  const c: Compiled = {
    pack: uniformPack(pack),
    multipliers: [...pack.numbers.multipliers]
      .map((m) => ({ stem: m.stem.toLowerCase(), value: m.value }))
      .sort((a, b) => b.stem.length - a.stem.length),
    words: new Map(Object.entries(pack.numbers.words).map(([k, v]) => [k.toLowerCase(), v])),
    hedgeBefore: new RegExp(
      // "한 소식통은 \"약 2000명": a quotation may open right before the hedge.
      korean ? `(?:^|[\\s("“'‘])(${hedgeAlt})\\s*$` : `(?<![\\p{L}\\p{M}])(${hedgeAlt})\\s*$`,
      'iu',
    ),
    hedgeBeforeMap,
    hedgesAfter: [...pack.hedgesAfter]
      .map((h) => ({ phrase: h.phrase.toLowerCase(), qualifier: h.qualifier }))
      .sort((a, b) => b.phrase.length - a.phrase.length),
    rangeOpeners: pack.rangeOpeners.map((x) => x.toLowerCase()),
    units: pack.units.flatMap((u) =>
      spellings(u.stem.toLowerCase(), pack, plain).map((stem) => ({ ...u, stem })),
    ),
    cueRe: stemRe(cueStems, korean)!,
    cueMap: anchored(
      metricWords.map((m) => [m.stem, m] as [string, MetricWord]),
      korean,
    ),
    cueStems,
    dprkRe: stemRe(all(pack.dprk), korean)!,
    russiaRe: stemRe(all(pack.russiaTroops), korean)!,
    otherRe: stemRe(all(pack.otherTroops), korean)!,
    victimsRe: stemRe(all(pack.victims), korean),
    doubtRe: stemRe(all(pack.doubt), korean),
    visitorsRe: stemRe(all(pack.visitors), korean),
    // A phrase that cites a source ("із посиланням на", "unter Berufung auf") credits it too.
    attributionRe: stemRe(all([...pack.attribution, ...(pack.citing ?? [])]), korean)!,
    aliasRe: !aliasAlt
      ? null
      : korean
        ? koreanAlternation(
            aliases,
            aliases.map((a) => stemPattern(a, true)),
            'giu',
          )
        : new RegExp(`(?<![\\p{L}\\p{M}])(${aliasAlt})[\\p{L}\\p{M}]*`, 'giu'),
    exactAliasRe: exactAlt
      ? new RegExp(`${firstOf(exact)}(?<![\\p{L}\\p{M}])(${exactAlt})(?![\\p{Ll}])`, 'gu')
      : null,
    aliasMap: anchored([...aliasMap.entries()], korean),
    aliasIndex: korean ? null : indexAliases(aliasMap),
    exactAliasMap,
    nonFigureAfter: pack.nonFigureAfter.map((w) => w.toLowerCase()),
    nonFigureBefore: new Set(pack.nonFigureBefore.map((w) => w.toLowerCase())),
    yearBefore: new Set((pack.yearBefore ?? []).map((w) => w.toLowerCase())),
    increments: all(pack.incrementBefore).map((w) => w.toLowerCase()),
    incrementsAfter: pack.incrementAfter.map((w) => w.toLowerCase()),
    dateTrigger: stemRe(pack.dateTriggers.length ? pack.dateTriggers : ['\u0000'], korean)!,
    destinationBefore: new Set(pack.destinationBefore.map((w) => w.toLowerCase())),
    destinationAfter: [...pack.destinationAfter],
    korean,
    skipWords: new Set((pack.skipWords ?? []).map((w) => w.toLowerCase())),
    notUnits: pack.notUnits ?? [],
    auxiliaries: new Set((pack.auxiliaries ?? []).map((w) => w.toLowerCase())),
    counterRangeRe: new RegExp(
      // "1천여 명에서 많게는 약 3천 명": the low end's hedge, and the high end's, belong to
      // the range.
      `^여?\\s?(?:${
        Object.keys(pack.counters ?? {})
          .sort(byLength)
          .map(escapeRe)
          .join('|') || '\\u0000'
      })\\s?(?:[~∼〜～\\-–]|에서(?:\\s?(?:최대|많게는))?(?:\\s?약)?)\\s?(?=\\d)`,
      'u',
    ),
    incrementAfterRes: pack.incrementAfter.map(
      (w) => new RegExp(`(?:^|\\s)${escapeRe(w.toLowerCase())}(?:\\s|$)`, 'u'),
    ),
    afterHedge: new Map(Object.entries(pack.numbers.afterHedge ?? {})),

    bareFollowers: new Set((pack.bareFollowers ?? []).map((w) => w.toLowerCase())),
    otherSupplierRe: stemRe(pack.otherSuppliers ?? [], korean),
    partOfWholeRe: pack.partOfWhole?.length
      ? new RegExp(`\\d\\s*(?:${wordsAlternation(pack.partOfWhole)})\\s*$`, 'u')
      : null,
    wholeRe: pack.wholeBefore?.length
      ? new RegExp(
          `(?<![\\p{L}\\p{M}])(?:${wordsAlternation(pack.wholeBefore)})(?:\\s+[\\p{L}\\p{M}]+)${pack.language === 'de' ? '{0,2}' : '?'}\\s*$`,
          'u',
        )
      : null,
    fractionRe: stemRe(pack.fractions ?? [], korean),
    citingRe: stemRe(all(pack.citing), korean),
    unnamedRe: stemRe(all(pack.unnamed), korean),
    sourcePrepRe: stemRe(all(pack.sourcePrepositions), korean),
    clauseOpenRe:
      korean || !(pack.andWords?.length || pack.placeRelatives?.length)
        ? null
        : new RegExp(
            `(?:,|\\s[–—-])\\s*(?:${wordsAlternation([...(pack.andWords ?? []), ...(pack.placeRelatives ?? [])])})\\s*,?\\s*$`,
            'u',
          ),
    backRefRe: openingRe(pack.backReference),
    continuationRe: openingRe(pack.continuation),
    crossLinkRe: openingRe(pack.crossLinks),
    anaphorRe: stemRe([...(pack.anaphors ?? []).map((a) => a.stem), ...all(pack.ownWords)], korean),
    ownWordsRe: stemRe(all(pack.ownWords), korean),
    gapPrepositions: new Set(pack.gapPrepositions ?? []),
    intelAnaphorRe: stemRe(anaphorStems(pack, 'intelligence'), korean),
    personAnaphorRe: stemRe(anaphorStems(pack, 'person'), korean),
    bodyAnaphorRe: stemRe(anaphorStems(pack, 'body'), korean),
    mediaAnaphorRe: stemRe(anaphorStems(pack, 'media'), korean),
    personPronounRe: pack.personPronouns?.length
      ? new RegExp(
          `(?<![\\p{L}\\p{M}])(?:${wordsAlternation(pack.personPronouns)})(?![\\p{L}\\p{M}])`,
          'gu',
        )
      : null,
    partRe: pack.partBefore?.length
      ? new RegExp(`(?<![\\p{L}\\p{M}])(?:${phraseAlternation(pack.partBefore)})\\s*$`, 'u')
      : null,
    complementisers: (pack.complementisers ?? []).map((w) => `, ${w.toLowerCase()} `),
    offices: (pack.offices ?? []).map((o) => {
      const holder = names.get(o.holder);
      if (!holder?.speaksFor) throw new Error(`${pack.language}: no holder ${o.holder} of a post`);
      return {
        re: new RegExp(`(?<![\\p{L}\\p{M}])${stemPattern(o.stem.toLowerCase(), korean)}`, 'u'),
        holder,
      };
    }),
    purposes: (pack.unitPurpose ?? []).map((p) => ({
      re: new RegExp(
        `^\\s*(?:[\\p{L}\\p{M}]+\\s+)?${stemPattern(p.stem.toLowerCase(), korean)}`,
        'u',
      ),
      unit: p.unit,
    })),
    survivedRe: stemRe(all(pack.survived), korean),
    memorialRe: stemRe(all(pack.memorial), korean),
    specifiesRe: openingRe(pack.specifies),
    roleRe: stemRe(all((pack.unitRole ?? []).map((r) => r.stem)), korean),
    roles: anchored(
      (pack.unitRole ?? []).flatMap((r) =>
        spellings(r.stem.toLowerCase(), pack, plain).map(
          (stem): [string, { unit: Unit; branch: boolean; soft: boolean }] => [
            stem,
            { unit: r.unit, branch: r.branch === true, soft: r.soft === true },
          ],
        ),
      ),
      korean,
    ),
    firstPersonRe: pack.firstPerson?.length
      ? new RegExp(
          `(?<![\\p{L}\\p{M}])(?:${wordsAlternation(pack.firstPerson)})(?![\\p{L}\\p{M}])`,
          'u',
        )
      : null,
    estimateRe: stemRe(all(pack.estimateNouns), korean),
    vague: new Set((pack.vagueBefore ?? []).map((w) => w.toLowerCase())),
    groupsOf: new Set((pack.groupsOfBefore ?? []).map((w) => w.toLowerCase())),
    otherSourceRe: stemRe(all(pack.otherSources), korean),
    fromRussia: all(pack.fromRussia).map((w) => w.toLowerCase()),
    receivingRe: stemRe(all(pack.receiving), korean),
    perItemRe: pack.perItem?.length
      ? new RegExp(
          `(?<![\\p{L}\\p{M}])(?:${phraseAlternation(pack.perItem)})\\s+[\\p{L}\\p{M}-]+(?:\\s+[\\p{L}\\p{M}-]+){0,2}\\s*$`,
          'u',
        )
      : null,
    baseBefore: (pack.baseBefore ?? []).map((w) => w.toLowerCase()),
    firedRe: stemRe(all(pack.fired), korean),
    exchangeRe: stemRe(all(pack.exchange), korean),
    opponents: new Set((pack.opponentBefore ?? []).map((w) => w.toLowerCase())),
    relativeRe: pack.relativePronouns?.length
      ? new RegExp(
          `^[^,.;:!?\\d]{0,40},\\s*(?:${wordsAlternation(pack.relativePronouns)})(?![\\p{L}\\p{M}])[^,;]*$`,
          'u',
        )
      : null,
    earlierRe: openingRe(pack.earlierReports),
    returnedRe: stemRe(all(pack.returned), korean),
    jointRe: jointRe(pack),
    titledNameRe: pack.personTitles?.length
      ? /(?<![\p{L}\p{M}-])(\p{Lu}[\p{L}-]*)\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{M}-])/gu
      : null,
    andRe: pack.andWords?.length
      ? // "die Ukraine, die USA und Südkorea": an article may follow the comma or the "and".
        new RegExp(
          `^\\s*(?:,|(?:${wordsAlternation(pack.andWords)})(?![\\p{L}\\p{M}]))\\s*(?:\\p{Ll}{2,3}\\s+)?$`,
          'u',
        )
      : null,
    placeRelativeRe: pack.placeRelatives?.length
      ? new RegExp(`,\\s*(?:${wordsAlternation(pack.placeRelatives)})(?![\\p{L}\\p{M}])`, 'u')
      : null,
    perDayRe: stemRe(all(pack.perDay), korean),
    everyDayAfterRe: pack.everyDayAfter?.length
      ? new RegExp(`^\\s*(?:${wordsAlternation(pack.everyDayAfter)})`, 'u')
      : null,
    placeOrAgent: new Set(pack.placeOrAgent ?? []),
    participlePlaces: new Set(pack.participlePlaces ?? []),
    thisSaidRe: pack.thisSaidOpenings?.length
      ? new RegExp(`^(?:${wordsAlternation(pack.thisSaidOpenings)})\\s`, 'u')
      : null,
    cueJoinRe: pack.cueJoins?.length
      ? korean
        ? new RegExp(
            `^\\s*(?:${wordsAlternation(pack.cueJoins)})\\s*$|^\\s*(?:[\\p{L}\\p{M}]+\\s+)?,\\s+(?:[\\p{L}\\p{M}]+\\s+)?$`,
            'u',
          )
        : new RegExp(
            `^\\s*(?:[\\p{L}\\p{M}]+\\s+)?(?:,|${wordsAlternation(pack.cueJoins)})\\s+(?:[\\p{L}\\p{M}]+\\s+)?$`,
            'u',
          )
      : null,
    cueJoinWords: new Set(pack.cueJoins ?? []),
    defenceMinistryRe: stemRe(pack.ministryWords?.defence ?? [], korean),
    foreignMinistryRe: stemRe(pack.ministryWords?.foreign ?? [], korean),
  };
  cache.set(pack, c);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Sentences

interface PackSentence {
  text: string;
  /** Offset in the article. */
  start: number;
  paragraph: number;
  /** The first sentence of its line (Korean news writes a unit of attribution a line). */
  lineStart: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, s);
  }
  return s;
}

/** Sentence ends that are not: "am 6. August", "3 тыс. военных", "ca. 500". */
const FALSE_END =
  /(?:(?<![\d.])\d{1,2}\.|(?<![\p{L}])(?:ca|mio|mrd|nr|bzw|tys|тыс|тис|млн|млрд|г|гг|ст|им|т\.\s?е|т\.\s?к|z\.\s?b|u\.\s?a|d\.\s?h|s)\.)\s*$/iu;

/** A Cyrillic multiplier's abbreviation ending a text ("4 тыс.", "12 млн."). */
const CYRILLIC_MULTIPLIER_END = /(?<![\p{L}])(?:тыс|тис|млн|млрд)\.\s*$/u;

/**
 * {@link FALSE_END} on a text's last characters: a match ends at the last non-space (its stop)
 * and is at most six characters long ("т. е."), with one code point before it for its
 * lookbehind, so sixteen before the trailing spaces decide. An end-anchored pattern run on the
 * whole text is tried at every position of it, and every sentence is tested.
 */
function falseEnd(text: string): boolean {
  let e = text.length;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  return FALSE_END.test(e > 16 ? text.slice(e - 16) : text);
}

/**
 * Where a segment holds two sentences the segmenter joined: a stop with no space after it
 * ("verwundet.Das"), or a stop before a number with a lower-case word after it ("entsandt. 300
 * davon …", which the Unicode rules keep together).
 */
const INNER_END = /\p{Ll}{2}[.!?]["“”»]?(?=\p{Lu}\p{Ll})|\p{Ll}{3}[.!?]\s+(?=\d)/gu;
const INNER_HINT = /[.!?]["“”»]?\p{Lu}|[.!?]\s+\d/u;

/**
 * Where the segmenter's sentences of a whole text start. Every line starts one (the Unicode
 * rules always break after a line feed, and none looks across one), so the sentences of a line
 * are these starts inside it, the last cut at the line's end: what segmenting each line alone
 * gives (checked on every stored text and on random strings of stops, quotes, spaces and
 * breaks), for one segmenter call a story instead of one a line (each call clones ICU's
 * iterator and copies its text).
 */
function segmentStarts(text: string, segmenter: Intl.Segmenter): number[] {
  const out: number[] = [];
  for (const seg of segmenter.segment(text)) out.push(seg.index);
  return out;
}

/**
 * The segmenter's sentences of the line `[from, to)` of `text` (see {@link segmentStarts}),
 * each as its offset in the line and its text, then cut again where two sentences were joined.
 * `j`: the index in `starts` of the line's first sentence.
 */
function segmentsOf(
  text: string,
  from: number,
  to: number,
  starts: readonly number[],
  j: number,
  korean: boolean,
): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (; j < starts.length && starts[j]! < to; j++) {
    const segStart = starts[j]!;
    const index = segStart - from;
    const raw = text.slice(segStart, Math.min(starts[j + 1] ?? to, to));
    let last = 0;
    if (korean) {
      // A transcript without stops ("…추정했습니다 러시아…"): the formal ending "-니다" before
      // a space ends a sentence.
      // An exec loop: `matchAll` clones its pattern on every call.
      KO_FORMAL_END.lastIndex = 0;
      for (let m = KO_FORMAL_END.exec(raw); m !== null; m = KO_FORMAL_END.exec(raw)) {
        const cut = m.index + m[0].length;
        out.push([index + last, raw.slice(last, cut)]);
        last = cut;
      }
      out.push([index + last, raw.slice(last)]);
      continue;
    }
    if (!INNER_HINT.test(raw)) {
      out.push([index, raw]);
      continue;
    }
    INNER_END.lastIndex = 0;
    for (let m = INNER_END.exec(raw); m !== null; m = INNER_END.exec(raw)) {
      const cut = m.index + m[0].length;
      const stop = m.index + m[0].search(/[.!?]/u) + 1;
      const piece = raw.slice(last, stop);
      if (falseEnd(piece)) continue;
      out.push([index + last, raw.slice(last, cut)]);
      last = cut;
    }
    out.push([index + last, raw.slice(last)]);
  }
  return out;
}

function splitPackSentences(text: string, pack: LanguagePack): PackSentence[] {
  const out: PackSentence[] = [];
  const blankLines = /\n[ \t]*\n/.test(text);
  const paragraphRe = blankLines || pack.linesAreSentences ? /\n[ \t]*\n+/g : /\n+/g;
  const starts = segmentStarts(text, segmenterFor(pack.language));
  let j = 0;
  let paragraph = 0;
  let last = 0;
  const blocks: Array<[number, number]> = [];
  for (const m of text.matchAll(paragraphRe)) {
    blocks.push([last, m.index]);
    last = m.index + m[0].length;
  }
  blocks.push([last, text.length]);
  // Indexed loops, not `for…of` with destructuring: the iterator protocol those compile to
  // made this once-a-story function one of the optimising compiler's costliest.
  for (let b = 0; b < blocks.length; b++) {
    const from = blocks[b]![0];
    const block = text.slice(from, blocks[b]![1]);
    if (block.trim() === '') continue;
    // Korean news: one sentence a line, lines of one block share attribution.
    const lines = block.split('\n');
    let lineStart = 0;
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l]!;
      const offset = from + lineStart;
      while (j < starts.length && starts[j]! < offset) j++;
      const segments = segmentsOf(
        text,
        offset,
        offset + line.length,
        starts,
        j,
        pack.script === 'korean',
      );
      lineSentences(out, segments, offset, paragraph);
      lineStart += line.length + 1;
    }
    paragraph++;
  }
  return out;
}

/**
 * The sentences of one line, starting at `offset` in the story, added to `out`: a segment after
 * a false end ("am 6. August") joins the one before.
 */
function lineSentences(
  out: PackSentence[],
  segments: ReadonlyArray<[number, string]>,
  offset: number,
  paragraph: number,
): void {
  let pending: PackSentence | null = null;
  for (let g = 0; g < segments.length; g++) {
    const index = segments[g]![0];
    const raw = segments[g]![1];
    if (raw.trim() === '') continue;
    const start = offset + index;
    // "… ранения получили более 4 тыс. Примерно 2 тыс. …": after a Cyrillic multiplier's
    // point, a capitalised word (the nouns it counts are lower case) starts a sentence.
    if (
      pending &&
      falseEnd(pending.text) &&
      !(CYRILLIC_MULTIPLIER_END.test(pending.text) && /^\s*\p{Lu}\p{Ll}/u.test(raw))
    ) {
      pending.text += raw;
      continue;
    }
    if (pending) out.push(pending);
    pending = { text: raw, start, paragraph, lineStart: pending === null };
  }
  if (pending) out.push(pending);
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A number found in a sentence, with what the reader learnt around it. */
interface Candidate {
  /** Where the hedge (or the number) starts, and where the number (with multiplier) ends. */
  start: number;
  numStart: number;
  numEnd: number;
  /** End of the unit noun or counter (what the metric is looked for after). */
  end: number;
  value: number;
  valueHigh?: number;
  qualifier: Qualifier;
  increment: boolean;
  unit: UnitWord | null;
  /** The unit came from a noun written before the number (Korean, or "Zahl der … auf"). */
  unitSpan: [number, number] | null;
  side: string | null;
  /** Words between the number and its noun ("600 getöteten Nordkoreanern"). */
  gap?: [number, number];
  /** No unit noun; the unit is taken from before or defaults to troops. */
  bare: boolean;
}

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: 'num' | 'word' | 'punct';
}

/**
 * The tokenizer's sticky pattern for a number (digits, thousands groups, decimals); a word
 * (letters and marks, apostrophes inside) is read from the letter table ({@link wordEndAt}).
 * Any other character but a space is a token of its own, one code point long.
 */
interface WordPatterns {
  num: RegExp;
}

function wordRes(pack: LanguagePack): WordPatterns {
  const sep = pack.numbers.thousands.map(escapeRe).join('');
  const dec = escapeRe(pack.numbers.decimal);
  const group = sep ? `\\d{1,3}(?:[${sep}]\\d{3})+(?!\\d)|\\d+` : '\\d+';
  return {
    num: new RegExp(`(?:${group})(?:${dec}\\d+)?`, 'uy'),
  };
}

const wordReCache = new WeakMap<LanguagePack, WordPatterns>();

/**
 * The tokens of a sentence: what a global exec loop of
 * `((number)|(word)|\S)` finds, read with sticky `test` calls, which build no match arrays
 * (the loop's arrays were most of what the reader allocated). Only a space starts no token,
 * and an ASCII digit always starts a number, since `\d+` matches one. `lower`: the text
 * lower-cased (the sentence's own, which the reader keeps); where that kept every character in
 * place (no length change, no final sigma), each word's lower case is a slice of it, not a
 * lower-casing of its own (costly in Cyrillic, and a string per word).
 */
function wordsOf(text: string, pack: LanguagePack, lower: string): Word[] {
  let re = wordReCache.get(pack);
  if (!re) {
    re = wordRes(pack);
    wordReCache.set(pack, re);
  }
  const out: Word[] = [];
  const n = text.length;
  const inPlace = lower.length === n && !text.includes('Σ');
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    let end: number;
    let kind: Word['kind'];
    if (code >= 48 && code <= 57) {
      re.num.lastIndex = i;
      re.num.test(text);
      end = re.num.lastIndex;
      kind = 'num';
    } else {
      const wordEnd = wordEndAt(text, i);
      if (wordEnd >= 0) {
        end = wordEnd;
        kind = 'word';
      } else {
        end = codePointEnd(text, i);
        kind = 'punct';
      }
    }
    const t = text.slice(i, end);
    // Digits and separators have no case.
    out.push({
      text: t,
      lower: kind === 'num' ? t : inPlace ? lower.slice(i, end) : t.toLowerCase(),
      start: i,
      end,
      kind,
    });
    i = end;
  }
  return out;
}

/**
 * The value of a number token, its thousands separators dropped and its decimal mark read. Most
 * tokens are bare digits, read as they are: the separators' split and join built strings for
 * every number of every sentence.
 */
function digitsValue(text: string, pack: LanguagePack): number {
  let plain = true;
  for (let k = 0; k < text.length && plain; k++) {
    const code = text.charCodeAt(k);
    plain = code >= 48 && code <= 57;
  }
  if (plain) return Number(text);
  let t = text;
  for (const s of pack.numbers.thousands) t = t.split(s).join('');
  t = t.replace(pack.numbers.decimal, '.');
  return Number(t);
}

const DE_NUMBER_PARTS: Array<[string, number]> = [
  ['dreizehn', 13],
  ['vierzehn', 14],
  ['fünfzehn', 15],
  ['sechzehn', 16],
  ['siebzehn', 17],
  ['achtzehn', 18],
  ['neunzehn', 19],
  ['zwanzig', 20],
  ['dreißig', 30],
  ['vierzig', 40],
  ['fünfzig', 50],
  ['sechzig', 60],
  ['siebzig', 70],
  ['achtzig', 80],
  ['neunzig', 90],
  ['hundert', 100],
  ['tausend', 1000],
  ['sieben', 7],
  ['zwölf', 12],
  ['zwei', 2],
  ['drei', 3],
  ['vier', 4],
  ['fünf', 5],
  ['sechs', 6],
  ['acht', 8],
  ['neun', 9],
  ['zehn', 10],
  ['eins', 1],
  ['ein', 1],
  ['elf', 11],
  ['und', 0],
];

/**
 * {@link DE_NUMBER_PARTS} by their first code unit, each list in the table's order: the first
 * part `rest` starts with starts with its first letter, so only those are tried.
 */
const DE_PARTS_BY_FIRST = new Map<number, Array<[string, number]>>();
for (const part of DE_NUMBER_PARTS) {
  const list = DE_PARTS_BY_FIRST.get(part[0].charCodeAt(0)) ?? [];
  list.push(part);
  DE_PARTS_BY_FIRST.set(part[0].charCodeAt(0), list);
}

/**
 * The first of {@link DE_NUMBER_PARTS} that `rest` starts with. A loop, not `find` with an
 * arrow over `rest`: every German word is asked, and the arrow was a closure allocated per word;
 * over the parts of `rest`'s first letter only (most words start none: a map read, not 31 tries).
 */
function numberPartAt(rest: string): [string, number] | undefined {
  const parts = DE_PARTS_BY_FIRST.get(rest.charCodeAt(0));
  if (parts === undefined) return undefined;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (rest.startsWith(part[0])) return part;
  }
  return undefined;
}

/** A German number written as one word ("zwölftausend", "zweihundertfünfzig"), or null. */
function germanCompound(word: string): number | null {
  let rest = word;
  let total = 0;
  let small = 0;
  let pendingUnit = 0;
  let parts = 0;
  while (rest.length > 0) {
    const part = numberPartAt(rest);
    if (!part) return null;
    rest = rest.slice(part[0].length);
    parts++;
    const v = part[1];
    if (part[0] === 'und') continue;
    if (v === 1000) {
      total += (small + pendingUnit || 1) * 1000;
      small = 0;
      pendingUnit = 0;
    } else if (v === 100) {
      small += (pendingUnit || 1) * 100;
      pendingUnit = 0;
    } else if (v >= 20 && v % 10 === 0) {
      small += v + pendingUnit;
      pendingUnit = 0;
    } else {
      pendingUnit += v;
    }
  }
  if (parts < 2) return null;
  return total + small + pendingUnit;
}

/** "4-5000": a one-digit low end shares the high end's magnitude (4000–5000); "25 bis 30.000"
 * a low end in thousands, when it is the high end's own size (25,000–30,000). */
function scaleLow(low: number, multiplied: boolean, high: number): number {
  if (multiplied || !Number.isInteger(low)) return low;
  if (low >= 10 && low < 1000 && high % 1000 === 0 && low * 1000 <= high && low * 10_000 > high)
    return low * 1000;
  if (low >= 10 || high < 100) return low;
  const magnitude = 10 ** Math.floor(Math.log10(high));
  return low * magnitude <= high ? low * magnitude : low;
}

interface ParsedAt {
  value: number;
  next: number;
  multiplied: number | null;
}

/**
 * The first multiplier whose stem starts `word`. A loop, not `find` with an arrow: the word
 * after every number is asked, and the arrow was a closure allocated per call.
 */
function multiplierOf(
  word: string,
  multipliers: Compiled['multipliers'],
): Compiled['multipliers'][number] | undefined {
  for (let k = 0; k < multipliers.length; k++)
    if (word.startsWith(multipliers[k]!.stem)) return multipliers[k];
  return undefined;
}

function numberAt(words: readonly Word[], i: number, c: Compiled): ParsedAt | null {
  const w = words[i];
  if (!w) return null;
  let value: number | null = null;
  if (w.kind === 'num') value = digitsValue(w.text, c.pack);
  else if (w.kind === 'word') {
    value = c.words.get(w.lower) ?? null;
    if (value === null && c.pack.numbers.compoundWords) value = germanCompound(w.lower);
    // "eine Million Granaten": the article is one before a multiplier.
    const nx = words[i + 1];
    if (
      value === null &&
      c.pack.articleOne?.includes(w.lower) &&
      nx?.kind === 'word' &&
      c.multipliers.some((x) => x.value >= 1e6 && nx.lower.startsWith(x.stem))
    )
      value = 1;
  }
  if (value === null || !Number.isFinite(value)) return null;
  let next = i + 1;
  let multiplied: number | null = null;
  const m = words[next];
  if (m?.kind === 'word') {
    const mult = multiplierOf(m.lower, c.multipliers);
    if (mult) {
      // "4,1 млн" is 4100000, not the 4099999.9999999995 of binary arithmetic.
      value = Number((value * mult.value).toPrecision(12));
      multiplied = mult.value;
      next++;
      if (words[next]?.text === '.' && words[next]!.start === m.end) next++;
    }
  }
  // "около 10,000 солдат": with no multiplier after it, a decimal mark before exactly three
  // digits groups thousands as English does; a count is never 10.000 of a soldier.
  const dec = c.pack.numbers.decimal;
  if (
    multiplied === null &&
    w.kind === 'num' &&
    /^\d{1,3}[.,]\d{3}$/.test(w.text) &&
    w.text.includes(dec)
  )
    value = Number(w.text.replace(dec, ''));
  return { value, next, multiplied };
}

/** Whether a text has a word starting with one of the stems. */
function wordsWith(text: string, stems: readonly string[]): boolean {
  return splitLetters(text).some((w) => w !== '' && matchesStem(w, stems));
}

function matchesStem(word: string, stems: readonly string[]): boolean {
  for (const s of stems) if (word.startsWith(s)) return true;
  return false;
}

const unitsByHead = new WeakMap<Compiled, Map<string, UnitWord[]> | null>();
const NO_UNITS: readonly UnitWord[] = [];

/**
 * The units whose stem may start a word: those spelt with its first character, in their
 * order (null map: a pack with an empty stem, which starts every word, keeps the whole list).
 * A word is asked about every unit otherwise, and most words name none.
 */
function unitsStarting(word: string, c: Compiled): readonly UnitWord[] {
  let byHead = unitsByHead.get(c);
  if (byHead === undefined) {
    byHead = c.units.some((u) => u.stem === '') ? null : new Map<string, UnitWord[]>();
    for (const u of byHead ? c.units : []) {
      const list = byHead!.get(u.stem[0]!) ?? [];
      list.push(u);
      byHead!.set(u.stem[0]!, list);
    }
    unitsByHead.set(c, byHead);
  }
  if (byHead === null) return c.units;
  return byHead.get(word[0] ?? '') ?? NO_UNITS;
}

/**
 * Whether one of `heads` starts at `end` of `word`. A loop, not `some` with an arrow: the
 * arrow, over `word` and `end`, was a closure allocated per unit tried.
 */
function headAt(word: string, end: number, heads: readonly string[] | undefined): boolean {
  if (!heads) return false;
  for (let k = 0; k < heads.length; k++) if (word.startsWith(heads[k]!, end)) return true;
  return false;
}

/** The unit a word names: the match nearest the word's end (a German compound's head). */
function unitInWord(word: string, c: Compiled, infix: boolean): UnitWord | null {
  if (c.notUnits.length > 0 && matchesStem(word, c.notUnits)) return null;
  let best: UnitWord | null = null;
  let bestEnd = -1;
  const stamp = infix ? markCodeUnits(word) : 0;
  for (const u of infix ? c.units : unitsStarting(word, c)) {
    if (infix && !mayHold(stamp, u.stem)) continue;
    const at = infix ? word.lastIndexOf(u.stem) : word.startsWith(u.stem) ? 0 : -1;
    if (at < 0) continue;
    const end = at + u.stem.length;
    // A compound counts what its last part names: "Containerschiffe" are ships, not
    // containers; only an ending ("Granaten", "Soldatinnen") or a head that names no kind of
    // thing ("Raketenwerfersysteme") may follow the unit.
    if (infix && !c.korean && word.length - end > 5 && !headAt(word, end, c.pack.genericHeads))
      continue;
    if (end > bestEnd || (end === bestEnd && best && u.stem.length > best.stem.length)) {
      best = u;
      bestEnd = end;
    }
  }
  return best;
}

function sideOfAdjective(word: string, c: Compiled): string | null {
  const one = (re: RegExp) => {
    re.lastIndex = 0;
    const m = re.exec(word);
    return m !== null && m.index === 0;
  };
  if (one(c.dprkRe)) return 'KP';
  if (one(c.russiaRe)) return 'RU';
  if (one(c.otherRe)) return 'UA';
  return null;
}

function hedgeBefore(
  sentence: string,
  at: number,
  c: Compiled,
): { q: Qualifier; start: number } | null {
  const window = sentence.slice(Math.max(0, at - 30), at);
  const m = c.hedgeBefore.exec(window);
  if (!m) return null;
  const key = m[1]!.toLowerCase().replace(/\s+/g, ' ');
  const q = c.hedgeBeforeMap.get(key);
  if (!q) return null;
  return { q, start: at - (window.length - m.index) + (m[0].length - m[0].trimStart().length) };
}

/** Marks that end a clause for {@link incrementBefore}. */
const CLAUSE_MARKS = ',;:.!?';

/**
 * Where the text after the last of `marks` starts (0 with none): what
 * `text.search(/[^marks]*$/u)` finds, without that pattern's try at every position.
 */
function afterLast(text: string, marks: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (marks.includes(text[i]!)) return i + 1;
  return 0;
}

function incrementBefore(sentence: string, at: number, c: Compiled): boolean {
  const window = sentence.slice(Math.max(0, at - 60), at).toLowerCase();
  const clause = window.slice(afterLast(window, CLAUSE_MARKS));
  const words = splitLetters(clause).filter(Boolean);
  // A short stem is a whole word ("ще" is not "щелеп") and stands near the number; an adverb
  // ("дополнительно отправит в Россию около …") may stand a few words before it.
  return words.some(
    (w, k) =>
      c.increments.some((s) => (s.length > 3 ? w.startsWith(s) : w === s)) &&
      (k >= words.length - 3 || (w.length > 8 && k >= words.length - 5)),
  );
}

/**
 * A number's unit noun as what surrounds it names it more closely: people in general by the
 * kind named just before the number, people by the purpose they are sent for or by what they
 * do in the clause. Its own function, as the rarely taken paths of {@link findEuropean} were
 * most of what the optimising compiler compiled again when they were first taken.
 */
function refinedUnit(
  unit: UnitWord,
  sentence: string,
  start: number,
  numEnd: number,
  end: number,
  c: Compiled,
): UnitWord {
  const infix = c.pack.language === 'de';
  // "649.640 bis 878.300 Raketen für Mehrfachraketenwerfer": rockets a launcher fires are its
  // ammunition, not missiles.
  if (unit.unit === 'missiles' && LAUNCHER_AMMUNITION.test(sentence.slice(end, end + 40)))
    return { stem: unit.stem, unit: 'shells', ...(unit.side ? { side: unit.side } : {}) };
  // "6.000 Pioniere und Bauarbeiter": deminers and builders together are builders, the wider
  // word (FIGURES.md reads "engineers and construction workers" so, as does the English
  // reader).
  if (unit.unit === 'deminers' && c.andRe) {
    const joined = /^\s+(\S+)\s+([\p{L}\p{M}-]+)/u.exec(sentence.slice(end, end + 40));
    if (joined && c.andRe.test(`${joined[1]!.toLowerCase()} `)) {
      const other = unitInWord(joined[2]!.toLowerCase(), c, infix);
      if (other?.unit === 'workers')
        return { stem: unit.stem, unit: 'workers', ...(unit.side ? { side: unit.side } : {}) };
    }
  }
  if (unit.generic) {
    // "«военных строителей» общей численностью пять тысяч человек": people in general
    // after the number, the named kind of them just before it.
    const back = sentence.slice(Math.max(0, start - 60), start);
    const clause = back.slice(back.search(/[^.;:!?\d]*$/u)).toLowerCase();
    const named = splitLetters(clause)
      .filter(Boolean)
      .reverse()
      .map((x) => unitInWord(x, c, infix))
      .find((x) => x !== null && !x.generic && !x.metric && !MATERIEL.has(x.unit));
    // "Количество граждан КНДР, работающих …, может … превысить 50 тысяч человек": the
    // people the sentence opens by counting, however far back.
    const counted =
      named ??
      (() => {
        const open = NUMBER_OF_OPENING.exec(sentence.slice(0, start));
        if (!open) return undefined;
        // "граждан" (citizens) count as workers here, though people in general elsewhere.
        return splitLetters(open[1]!.toLowerCase())
          .filter(Boolean)
          .map((x) => unitInWord(x, c, infix))
          .find(
            (x) =>
              x !== null &&
              !x.metric &&
              !MATERIEL.has(x.unit) &&
              (!x.generic || x.unit !== 'troops'),
          );
      })();
    if (counted)
      unit = {
        ...counted,
        ...(unit.side ? { side: unit.side } : {}),
        ...(unit.metric ? { metric: unit.metric } : {}),
      };
  }
  if (!MATERIEL.has(unit.unit) && c.purposes.length > 0) {
    // "1000 військових для розмінування": what the people are sent for names them.
    const rest = sentence.slice(end, end + 60).toLowerCase();
    let purpose: { re: RegExp; unit: Unit } | undefined;
    let after = '';
    for (const p of c.purposes) {
      const hit = p.re.exec(rest);
      if (hit) {
        purpose = p;
        after = rest.slice(hit.index + hit[0].length);
        break;
      }
    }
    // "в Россию на заработки приехали 15 тысяч": a purpose may open the clause, too, for people
    // named by no trade of their own ("специалисты по разминированию и пять тысяч военных
    // строителей": the builders stay builders).
    if (!purpose && unit.unit === 'troops') {
      const back = sentence.slice(Math.max(0, start - 40), start);
      const lead = back.slice(back.search(/[^,.;:!?]*$/u)).toLowerCase();
      purpose = c.purposes.find((p) =>
        [...lead.matchAll(/(?:^|\s)(?=\S)/gu)].some((w) => p.re.test(lead.slice(w.index))),
      );
    }
    // ("6 тисяч людей для розмінування та відновлення": a list of tasks names no one trade.)
    const goesOn = PURPOSE_GOES_ON.exec(after);
    if (purpose && !(goesOn && c.andRe?.test(`${goesOn[1]} `)))
      unit = { stem: unit.stem, unit: purpose.unit, ...(unit.side ? { side: unit.side } : {}) };
  }
  if (unit.unit === 'troops' && !unit.metric && c.roleRe) {
    // "5 тисяч північнокорейських будівельних військ", "1 тыс. военнослужащих будет
    // специализироваться на разминировании": what the troops do in the clause names them.
    const next = sentence.slice(numEnd).search(/\d|[.;!?](?:\s|$)/u);
    const stretch = sentence.slice(numEnd, next < 0 ? sentence.length : numEnd + next);
    // What the people do names them before the arm they belong to: "солдат инженерных
    // войск … задействованы в восстановлении" are workers.
    const roles = allHits(c.roleRe, stretch.slice(0, 120).toLowerCase())
      .map((h) => lookup(c.roles, h.text))
      .filter((r) => r !== null);
    // Rebuilding renames people called by nationality or by an arm, not plain soldiers.
    const soldiers = !unit.side && !roles.some((r) => r.branch);
    const role =
      roles.find((r) => !r.branch && !(r.soft && soldiers)) ?? roles.find((r) => r.branch);
    // "6 тысяч военнослужащих для разминирования, восстановления инфраструктуры …": a list
    // of different trades names none of them; the people stay troops.
    const trades = new Set(roles.filter((r) => !r.branch).map((r) => r.unit));
    if (role && trades.size < 2) unit = { ...unit, unit: role.unit };
  }
  return unit;
}

/**
 * Whether the number read at word `i` is no count: a designation ("KN-23"), a date, a clock
 * time, an age in brackets, a vague amount ("mehrere hundert"). The number as read (its end
 * moved past an ISO month) when it is skipped, else null. Its own function: the number
 * finder's loop stays small enough for the optimising compiler to compile cheaply.
 */
function skippedNumber(
  words: readonly Word[],
  i: number,
  parsedAt: ParsedAt,
  c: Compiled,
): ParsedAt | null {
  const w = words[i]!;
  let parsed = parsedAt;
  const prev = words[i - 1];
  const prev2 = words[i - 2];
  let skip = false;
  // Designations and dates: "KN-23", "Су-27", "19.06.2024", "23. Dezember".
  if (w.kind === 'num') {
    if (
      prev &&
      prev.end === w.start &&
      (prev.kind === 'word' || prev.text === '-' || prev.text === '.')
    )
      skip = true;
    if (prev?.text === '-' && prev2?.kind === 'word' && prev2.end === prev.start) skip = true;
    // Clock times: "12:31"; the part after a slash ("KN-23/24", "1/3") is no count either.
    if ((prev?.text === ':' || prev?.text === '/') && prev.end === w.start && prev2?.kind === 'num')
      skip = true;
    const nx = words[i + 1];
    if (nx && nx.start === w.end && (nx.text === '.' || nx.text === ':' || nx.text === '/')) {
      const after = words[i + 2];
      if (after?.kind === 'num' && after.start === nx.end) skip = true;
      if (nx.text === '.' && parsed.multiplied === null && /^\d{1,2}$/.test(w.text)) skip = true;
    }
    if (nx && nx.start === w.end && nx.kind === 'word' && parsed.multiplied === null) {
      // Letters glued to digits: "152мм", "3-х"; a glued multiplier ("3тыс") is read above.
      if (!c.multipliers.some((m) => nx.lower.startsWith(m.stem))) skip = true;
    }
    if (prev && c.nonFigureBefore.has(prev.lower)) skip = true;
    if (prev && c.yearBefore.has(prev.lower) && /^\d+$/u.test(w.text)) skip = true;
    // "für August 2024 Truppen … entsandt": a year after its month (a pack's date words).
    if (prev?.kind === 'word' && /^(?:19|20)\d\d$/u.test(w.text) && has(c.dateTrigger, prev.lower))
      skip = true;
    // "Zakharchuk, 27, ist …", "Ким, 24, рассказал": an age set off by commas after a name.
    if (
      prev?.text === ',' &&
      /^\d{1,2}$/u.test(w.text) &&
      words[parsed.next]?.text === ',' &&
      /\p{Lu}\p{Ll}+$/u.test(words[i - 2]?.text ?? '')
    )
      skip = true;
    // "die Zahl „112“ eingeprägt": digits alone in quotation marks are a marking, no count;
    // but "„12.000“ Soldaten" still counts what the noun after the quote names.
    const closing = words[parsed.next];
    const noun = words[parsed.next + 1];
    if (
      prev &&
      OPEN_QUOTE.has(prev.text) &&
      prev.end === w.start &&
      closing &&
      CLOSE_QUOTE.has(closing.text) &&
      closing.start === words[parsed.next - 1]!.end &&
      !(noun?.kind === 'word' && unitInWord(noun.lower, c, c.pack.language === 'de'))
    )
      skip = true;
    // "2024-11", "2025-01-23": a year and month written the ISO way are a date, never a
    // range from the year to a count ("2024-11 Tausende" is no 2,024 to 11,000).
    const dash = words[i + 1];
    const month = words[i + 2];
    if (
      /^(?:19|20)\d\d$/.test(w.text) &&
      dash?.text === '-' &&
      dash.start === w.end &&
      month?.kind === 'num' &&
      month.start === dash.end &&
      /^(?:0?[1-9]|1[0-2])$/.test(month.text)
    ) {
      skip = true;
      parsed = { ...parsed, next: i + 3 };
    }
    // "Selenski (46)": an age or a note in brackets.
    if (prev?.text === '(' && words[parsed.next]?.text === ')') skip = true;
  }
  // "mehrere hundert", "несколько тысяч": a vague amount, no figure.
  if (prev && c.vague.has(prev.lower)) skip = true;
  // "in Gruppen von 20 bis 40 Menschen", "Trupps von rund 50 Mann": a group's size.
  if (c.groupsOf.size > 0 && prev) {
    const hedged = c.hedgeBeforeMap.has(prev.lower) ? 1 : 0;
    const a = words[i - 2 - hedged];
    const b = words[i - 1 - hedged];
    if (a && b && c.groupsOf.has(`${a.lower} ${b.lower}`)) {
      skip = true;
      // ("von 20 bis 40 Menschen": the range's upper end is the same size.)
      const joiner = words[parsed.next];
      const second =
        joiner && c.pack.rangeJoiners.includes(joiner.lower)
          ? numberAt(words, parsed.next + 1, c)
          : null;
      if (second) parsed = { ...parsed, next: second.next };
    }
  }
  return skip ? parsed : null;
}

/** The noun a number counts, read after it ({@link nounAfter}). */
interface NounRead {
  unit: UnitWord | null;
  side: string | null;
  /** The end of the noun, or of the number when none was found. */
  end: number;
  /** A word that makes the number no count stands right after it. */
  blocked: boolean;
  /** "weitere", "ещё" between the number and its noun. */
  incrementAfter: boolean;
  /** "600 der … Soldaten": a partitive word before the noun. */
  partitive: boolean;
  unitStart: number;
}

/**
 * The noun after a number, from word `j`: adjectives, nationality words, designations and
 * calibres skipped, up to four words. Its own function: the number finder's loop stays small
 * enough for the optimising compiler to compile cheaply.
 */
function nounAfter(
  words: readonly Word[],
  j: number,
  numEnd: number,
  c: Compiled,
  infix: boolean,
): NounRead {
  const pack = c.pack;
  let unit: UnitWord | null = null;
  let side: string | null = null;
  let end = numEnd;
  let k = j;
  let skipped = 0;
  let blocked = false;
  let incrementAfter = false;
  let partitive = false;
  let unitStart = numEnd;
  while (k < words.length && skipped < 5) {
    const x = words[k]!;
    if (x.kind === 'punct') {
      // "5 тисяч «військовослужбовців-будівельників»": quotes and hyphens are see-through.
      if ((x.text === '-' && skipped > 0) || /^["«»“”„']$/u.test(x.text)) {
        k++;
        continue;
      }
      // "10 тисяч – звичайні війська, 1 тисяча – інженерні": a dash right after the number
      // names what the count is of, as a breakdown does.
      if (k === j && /^[–—]$/u.test(x.text)) {
        k++;
        if (words[k]?.kind === 'word' && /^(?:це|это)$/u.test(words[k]!.lower)) k++;
        continue;
      }
      break;
    }
    // Designations before the noun: "148 weitere KN-23-Raketen", "50 Koksan-Geschütze" (a
    // compound names what its last part names).
    const joined = words[k + 1]?.text === '-' && words[k + 1]!.start === x.end;
    if (
      x.kind === 'word' &&
      words[k + 1]?.text === '-' &&
      (/^[\p{Lu}]{1,4}$/u.test(x.text) ||
        (joined &&
          /^\p{Lu}/u.test(x.text) &&
          words[k + 2]?.kind === 'word' &&
          words[k + 2]!.start === words[k + 1]!.end))
    ) {
      k += 2;
      if (words[k]?.kind === 'num') k++;
      skipped++;
      continue;
    }
    if (x.kind === 'word' && matchesStem(x.lower, c.increments)) incrementAfter = true;
    // "120 M1991 Mehrfachraketenwerfer": a model's letters and number name the noun's type.
    if (
      x.kind === 'word' &&
      /^\p{Lu}{1,3}$/u.test(x.text) &&
      words[k + 1]?.kind === 'num' &&
      words[k + 1]!.start === x.end
    ) {
      k += 2;
      skipped++;
      continue;
    }
    if (x.kind === 'num') {
      // A calibre between the number and its noun: "1,5 Millionen 152-mm-Granaten".
      const y = words[k + 1]?.text === '-' ? words[k + 2] : words[k + 1];
      if (y && matchesStem(y.lower, c.nonFigureAfter)) {
        k = words[k + 1]?.text === '-' ? k + 3 : k + 2;
        skipped++;
        continue;
      }
      break;
    }
    const u = unitInWord(x.lower, c, infix);
    if (u) {
      // "артиллерийских снарядов", "военных строителей": an adjective before the real noun.
      // A hyphenated pair names its second part: "військовослужбовців-будівельників".
      const hyphen = words[k + 1]?.text === '-' && words[k + 1]!.start === x.end;
      const nx = hyphen ? words[k + 2] : words[k + 1];
      const head =
        (u.adjective || hyphen) && nx?.kind === 'word' ? unitInWord(nx.lower, c, infix) : null;
      // "на п'яти військових полігонах": the adjective of a place in the locative plural is
      // no count of people.
      if (
        u.adjective &&
        !head &&
        !hyphen &&
        nx?.kind === 'word' &&
        nx.start - x.end <= 1 &&
        /\p{Script=Cyrillic}(?:ах|ях)$/u.test(nx.lower)
      ) {
        blocked = true;
        break;
      }
      unit = head ?? u;
      end = head ? nx!.end : x.end;
      unitStart = x.start;
      k += head ? (hyphen ? 3 : 2) : 1;
      break;
    }
    if (k === j && matchesStem(x.lower, c.nonFigureAfter)) {
      blocked = true;
      break;
    }
    // "14 и 15 декабря", "14.–15. Dezember": a number joined to another before a month or a
    // unit of measure is a day or a size too.
    if (
      k === j &&
      (c.cueJoinWords.has(x.lower) || /^[-\u2013\u2014]$/u.test(x.text)) &&
      words[k + 1]?.kind === 'num' &&
      words[k + 2] !== undefined &&
      matchesStem(words[k + 2]!.lower, c.nonFigureAfter)
    ) {
      blocked = true;
      break;
    }
    // "acht russische Soldaten": Russia's troops are named with their noun.
    const nx = words[k + 1];
    const s = sideOfAdjective(nx?.kind === 'word' ? `${x.lower} ${nx.lower}` : x.lower, c);
    if (s) {
      side = s;
      k++;
      skipped++;
      continue;
    }
    if (c.skipWords.has(x.lower) && skipped < 3) {
      // ("10.000 nach Russland entsandten", "von Kim entsandten": a preposition before a name
      // says where or by whom they were sent, and is no part of a whole.)
      if (!(c.placeOrAgent.has(x.lower) && /^\p{Lu}/u.test(words[k + 1]?.text ?? '')))
        partitive = true;
      // "600 der nach Russland entsandten Soldaten": a partitive and its place.
      k++;
      skipped++;
      if (words[k] && /^\p{Lu}/u.test(words[k]!.text) && !unitInWord(words[k]!.lower, c, infix)) {
        k++;
        // "die 10.000 in den Osten Russlands geschickten …", "in die Region Kursk verlegten",
        // "der 10'000 von Kim Jong Un entsandten": a place or name of up to three words before
        // the participle.
        let r = 0;
        while (
          r < 2 &&
          words[k + r]?.kind === 'word' &&
          /^\p{Lu}/u.test(words[k + r]!.text) &&
          !unitInWord(words[k + r]!.lower, c, infix)
        )
          r++;
        if (r > 0 && words[k + r]?.kind === 'word' && /^\p{Ll}/u.test(words[k + r]!.text)) k += r;
      }
      continue;
    }
    if (pack.skippableEndings.some((e) => x.lower.endsWith(e)) && !/^\p{Lu}/u.test(x.text)) {
      k++;
      skipped++;
      continue;
    }
    // "7 тысяч отправленных в Россию контейнеров": after a participle, its place.
    if (
      skipped > 0 &&
      c.participlePlaces.has(x.lower) &&
      words[k + 1]?.kind === 'word' &&
      /^\p{Lu}/u.test(words[k + 1]!.text)
    ) {
      k += 2;
      skipped++;
      continue;
    }
    break;
  }
  return { unit, side, end, blocked, incrementAfter, partitive, unitStart };
}

/** European digits and number words, with multipliers, ranges, hedges and their noun. */
function findEuropean(sentence: string, lower: string, c: Compiled): Candidate[] {
  const pack = c.pack;
  const words = wordsOf(sentence, pack, lower);
  const out: Candidate[] = [];
  const infix = pack.language === 'de';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.kind === 'punct') continue;
    let parsed = numberAt(words, i, c);
    let one = false;
    if (!parsed && w.kind === 'word' && pack.articleOne?.includes(w.lower)) {
      const nx = words[i + 1];
      if (nx && matchesStem(nx.lower, c.increments)) {
        parsed = { value: 1, next: i + 1, multiplied: null };
        one = true;
      }
    }
    if (
      !parsed &&
      w.kind === 'word' &&
      c.afterHedge.has(w.lower) &&
      hedgeBefore(sentence, w.start, c)
    ) {
      // "свыше тысячи": after a hedge the plural-looking form is one thousand.
      parsed = { value: c.afterHedge.get(w.lower)!, next: i + 1, multiplied: null };
    }
    if (!parsed) continue;
    const prev = words[i - 1];
    const skipped = skippedNumber(words, i, parsed, c);
    if (skipped) {
      i = skipped.next - 1;
      continue;
    }
    let value = parsed.value;
    let valueHigh: number | undefined;
    let j = parsed.next;
    // Ranges: "12.000 bis 15.000", "от 10 до 12 тыс.", "10–12".
    const joiner = words[j];
    const opener = prev && matchesStem(prev.lower, c.rangeOpeners);
    if (
      joiner &&
      (pack.rangeJoiners.includes(joiner.lower) ||
        (opener && ['und', 'и', 'і', 'та', 'й'].includes(joiner.lower)))
    ) {
      const second = numberAt(words, j + 1, c);
      // "4- 22.02.2025": a date after a dash is no upper bound.
      const glued = words[second?.next ?? -1];
      const dated =
        second !== null &&
        glued !== undefined &&
        glued.start === words[second.next - 1]!.end &&
        ['.', ':', '/'].includes(glued.text) &&
        words[second.next + 1]?.kind === 'num' &&
        words[second.next + 1]!.start === glued.end;
      if (second && !dated && (words[j + 1]!.kind === 'num') === (w.kind === 'num')) {
        let low = scaleLow(value, parsed.multiplied !== null, second.value);
        if (
          parsed.multiplied === null &&
          second.multiplied !== null &&
          low * second.multiplied <= second.value
        )
          low *= second.multiplied;
        if (low < second.value) {
          value = low;
          valueHigh = second.value;
          j = second.next;
        }
      }
    }
    // "выросла на 3 тысячи до 15 тысяч", "зросла з 11 до 15 тисяч": a change, whose count is
    // the new total; "сократился на 4 тысячи": only the amount of a change, no count.
    // The sentence's own lower-case text, when its offsets are the sentence's.
    const from = Math.max(0, w.start - 48);
    const change = CHANGE_BEFORE.test(
      lower.length === sentence.length
        ? lower.slice(from, w.start)
        : sentence.slice(from, w.start).toLowerCase(),
    );
    if (change && valueHigh !== undefined) {
      value = valueHigh;
      valueHigh = undefined;
    } else if (
      (change && /на\s*$|um\s*$/u.test(sentence.slice(Math.max(0, w.start - 6), w.start))) ||
      // "ist um 3.000 gestiegen": the German participle closes the clause.
      (prev?.lower === 'um' && CHANGE_AFTER_DE.test(sentence.slice(w.end, w.end + 60)))
    ) {
      i = j - 1;
      continue;
    }
    const numEnd = words[j - 1]!.end;
    // Qualifier.
    let qualifier: Qualifier = valueHigh !== undefined ? 'range' : 'exact';
    let start = w.start;
    const hedgeStartWord = opener ? prev!.start : w.start;
    if (valueHigh === undefined) {
      const h = hedgeBefore(sentence, w.start, c);
      if (h) {
        qualifier = h.q;
        start = h.start;
      }
      const after = words[j];
      const after2 = words[j + 1];
      if (after && after2) {
        const two = `${after.lower} ${after2.lower}`;
        const hit = c.hedgesAfter.find((x) => x.phrase === two || x.phrase === after.lower);
        if (hit) {
          qualifier = hit.qualifier;
          j += hit.phrase.includes(' ') ? 2 : 1;
        }
      }
    } else start = hedgeStartWord;
    const increment = one || incrementBefore(sentence, start, c);
    // The noun: skip adjectives, nationality words and calibres, up to four words.
    const noun = nounAfter(words, j, numEnd, c, infix);
    if (noun.blocked) {
      i = j - 1;
      continue;
    }
    let unit = noun.unit;
    let side = noun.side;
    const { end, incrementAfter, partitive, unitStart } = noun;
    if (unit) unit = refinedUnit(unit, sentence, start, numEnd, end, c);
    if (unit) {
      // "военнослужащих КНДР", "Soldaten aus Nordkorea": the origin after the noun.
      const tail = sentence.slice(end, end + 24).toLowerCase();
      c.dprkRe.lastIndex = 0;
      const d = c.dprkRe.exec(tail);
      if (!side && !unit.side && d && d.index <= 6) side = 'KP';
    }
    out.push({
      start,
      numStart: w.start,
      numEnd,
      end,
      value,
      ...(valueHigh !== undefined ? { valueHigh } : {}),
      qualifier,
      // "3000 weitere kamen dazu": "weitere" right after a bare number adds it too.
      increment:
        increment ||
        (incrementAfter &&
          (unit !== null ||
            (words[j]?.kind === 'word' && matchesStem(words[j]!.lower, c.increments)))),
      unit,
      unitSpan: null,
      ...(partitive ? {} : { gap: [numEnd, unitStart] as [number, number] }),
      side: side ?? unit?.side ?? null,
      bare: unit === null,
    });
    i = Math.max(i, j - 1);
  }
  return out;
}

/** The rest of a word of purpose, then a comma or a word, then another word: "… та відновлення"
 * (whether the word between is the pack's "and" is for its `andRe` to say). */
const PURPOSE_GOES_ON = /^[\p{L}\p{M}]*\s*(,|[\p{L}\p{M}]+)\s+[\p{L}\p{M}]/u;

/** A syllable after a counter that goes on with a word ("문화"), not a particle ("문을", "문 이상"). */
const KO_WORD_GOES_ON =
  /^(?!을|이|은|과|와|도|의|에|씩|만|가량|정도|여|까지|으로|를|가|는|및)[가-힣]/u;

/**
 * Between two Korean counts in digits, what makes a range: "3천-4천", "11,000에서 12,000명"
 * (from … to, with no counter after the first; "600명에서 2000명으로 늘었다" is a change).
 */
const KO_DIGIT_RANGE = /^\s?(?:[~∼〜～\-–]|에서)\s?(?=\d)/u;

/** A Korean number from `p`: "1만1천", "4천700", "1천200만", "1만 5천". */
function scanKorean(
  s: string,
  p: number,
  bare = false,
): { end: number; value: number; multiplied: number } | null {
  let total = 0;
  let small = 0;
  let cur: number | null = null;
  let i = p;
  let any = false;
  let biggest = 1;
  let spoken = false;
  for (;;) {
    KO_DIGITS.lastIndex = i;
    const m = KO_DIGITS.exec(s);
    let k = i;
    if (m) {
      cur = Number(m[0].replace(/,/g, ''));
      i += m[0].length;
      k = i;
      if (s[k] === ' ') k++;
    } else if ((bare || spoken) && (KO_MULT[s[i] ?? ''] ?? 0) >= 100) {
      // "만 천 명" (11,000), spoken: the multiplier is one of itself.
      cur = 1;
    } else break;
    any = true;
    const ch = s[k];
    const mult = ch ? KO_MULT[ch] : undefined;
    if (!mult) break;
    // "3천 명", "1만 명": the multiplier is part of the number when it ends a word or joins digits.
    biggest = Math.max(biggest, mult);
    if (mult >= 1e4) {
      total += (small + (cur ?? 0) || 1) * mult;
      small = 0;
    } else {
      small += (cur ?? 1) * mult;
    }
    cur = null;
    i = k + 1;
    // "1천만 발" (10 million), "3백만": a smaller multiplier right before a larger one scales.
    const larger = KO_MULT[s[i] ?? ''];
    if (mult < 1e4 && larger !== undefined && larger >= 1e4) {
      total += small * larger;
      small = 0;
      biggest = Math.max(biggest, larger);
      i++;
    }
    if (/\d/.test(s[i] ?? '')) continue;
    // "만 천", "만 2천": a bare number goes on with a smaller bare multiplier too ("1만 천 명",
    // 11,000, when the multiplier ends its word).
    if (
      s[i] === ' ' &&
      (KO_MULT[s[i + 1] ?? ''] ?? mult) < mult &&
      (bare || !/\p{L}/u.test(s[i + 2] ?? '') || /[명여에]/u.test(s[i + 2]!))
    ) {
      i++;
      spoken = true;
      continue;
    }
    if (s[i] === ' ' && /\d/.test(s[i + 1] ?? '')) {
      // "1만 5천", "1만 2000명": after a space, only a smaller part of the same number.
      KO_DIGITS.lastIndex = i + 1;
      const look = KO_DIGITS.exec(s);
      const after = look ? s[i + 1 + look[0].length] : undefined;
      const smaller =
        after !== undefined && KO_MULT[after] !== undefined
          ? KO_MULT[after]! < mult
          : look !== null && mult >= 1e4 && Number(look[0].replace(/,/g, '')) < mult;
      if (smaller) {
        i++;
        continue;
      }
    }
    break;
  }
  if (!any) return null;
  return { end: i, value: total + small + (cur ?? 0), multiplied: biggest };
}

/** By code unit, the stamp of the last text {@link markCodeUnits} read that holds it. */
const codeUnitStamps = new Uint32Array(65536);
let codeUnitStamp = 0;

/**
 * Marks the code units of `text` and returns the stamp {@link mayHold} checks against: a unit
 * noun whose first code unit is not in the text is not in it, which saves the `lastIndexOf`
 * (a call into the runtime) of most of a pack's nouns. Only for loops that mark no other text
 * before they are done with the stamp.
 */
function markCodeUnits(text: string): number {
  if (++codeUnitStamp === 0xffffffff) {
    codeUnitStamps.fill(0);
    codeUnitStamp = 1;
  }
  for (let i = 0; i < text.length; i++) codeUnitStamps[text.charCodeAt(i)] = codeUnitStamp;
  return codeUnitStamp;
}

/** Whether `stem` may occur in the text marked with `stamp` ({@link markCodeUnits}). */
function mayHold(stamp: number, stem: string): boolean {
  return stem.length === 0 || codeUnitStamps[stem.charCodeAt(0)] === stamp;
}

/**
 * The pack's unit word named last in `text` at or after `from`, among the `allowed` units (and
 * those `accept` lets through), with where it starts; on a tie, the first in the pack's order.
 * For a Korean count whose own clause names no noun.
 */
function lastUnitIn(
  text: string,
  from: number,
  c: Compiled,
  allowed: readonly Unit[],
  accept?: (u: UnitWord) => boolean,
): { unit: UnitWord; at: number } | null {
  let best: { unit: UnitWord; at: number } | null = null;
  const stamp = markCodeUnits(text);
  for (const u of c.units) {
    if (!mayHold(stamp, u.stem)) continue;
    if (!allowed.includes(u.unit) || (accept && !accept(u))) continue;
    const k = text.lastIndexOf(u.stem);
    if (k >= from && k > (best?.at ?? -1)) best = { unit: u, at: k };
  }
  return best;
}

/**
 * "특수부대와 공병·포병 포함해서 약 1만2000명", "특수부대, 공병, 포병 등을 포함해 1만
 * 2000명": a trade the count includes ("포함해"), alone or in a list, is a part of it, and names
 * no kind of the whole.
 */
function includedPart(text: string, found: { unit: UnitWord; at: number }): boolean {
  return INCLUDED_AFTER_UNIT.test(text.slice(found.at + found.unit.stem.length, found.at + 80));
}

/** After a trade: the rest of its word, any further trades of a list, then "포함". */
const INCLUDED_AFTER_UNIT =
  /^\S*?(?:\s?[,·]\s?[^\s,·]{1,8}){0,4}\s?(?:등\s?)?(?:을|를)?\s?포함(?:해|하여|한|된)/u;

function koreanUnitIn(eojeol: string, c: Compiled, allowed: readonly Unit[]): UnitWord | null {
  const u = unitInWord(eojeol.toLowerCase(), c, true);
  if (!u) return null;
  return allowed.includes(u.unit) ? u : null;
}

/**
 * The pack's word for `kind` (a unit, or a test of one) that a Korean list joins to the noun at
 * `at` ("170㎜ 자주포·240㎜ 방사포", "포탄과 미사일", "병사와 장교"), `between` saying what may
 * stand between the two; null when none.
 */
function listedBefore(
  sentence: string,
  at: number,
  kind: Unit | ((unit: Unit) => boolean),
  between: RegExp,
  c: Compiled,
): UnitWord | null {
  const lead = sentence.slice(Math.max(0, at - 30), at).toLowerCase();
  const wanted = typeof kind === 'function' ? kind : (unit: Unit) => unit === kind;
  return (
    c.units.find((u) => {
      if (!wanted(u.unit)) return false;
      const k = lead.lastIndexOf(u.stem);
      return k >= 0 && between.test(lead.slice(k + u.stem.length));
    }) ?? null
  );
}

/** A list's joint with a calibre before the next noun: "·240㎜ ", ", 240mm ", "과 ". */
const KO_LISTED_WITH_CALIBRE = /^[가-힣]{0,2}\s*(?:,|·|및|과|와)\s*(?:\d+\s?(?:mm|㎜|밀리)\s*)?$/u;

/** A list's joint between two nouns of people: "와 " of "병사와 장교". */
const KO_LISTED_PEOPLE = /^\p{L}{0,2}\s*(?:와|과|및)\s*$/u;

/** A list's joint, further items allowed between: "과 장사정포, " of "포탄과 장사정포, 미사일". */
const KO_LISTED_WITH_ITEMS =
  /^[가-힣]{0,2}\s*(?:,|·|및|과|와)(?:\s*[^\s,·]{1,8}\s*(?:,|·|및|과|와))*\s*$/u;

/** Korean numbers: digits with 만/천/백, 여, a counter, the noun before or after, hedges. */
/** A Korean word (eojeol): what lies between spaces. */
const EOJEOL = /\S+/gu;

const counterKeysCache = new WeakMap<object, string[]>();

/** The hedges a Korean counter may take after it: "명 이상", "발가량", "여 개". */
const KO_COUNTER_HEDGES = '여|가량|정도|이상|안팎';

/** A noun phrase after "N<counter>의" or "N<counter>가 넘는", past the counter's hedges: "1만 명
 * 규모의 추가 병력". */
const KO_NOUN_AFTER_COUNTER = new RegExp(
  // "150~160문 이상 2개 포병여단 규모의 장사정포가": a size in other units may stand between.
  // "1만3천 개가 넘는 컨테이너": "more than" between the counter and its noun, as "의" is.
  String.raw`^(?:\s?(?:${KO_COUNTER_HEDGES}|규모))*(?:\s\d+개\s\S+)?\s?(?:규모)?(?:의|[이가]?\s?넘는)\s(?:추가\s)?(\S+(?:\s\S+){0,2})`,
  'u',
);

/** Containers right after a counter and its hedges: "개 이상 컨테이너", "개가 넘는 컨테이너". */
const KO_CONTAINERS_AFTER = new RegExp(
  String.raw`^(?:\s?(?:${KO_COUNTER_HEDGES}))*(?:[이가]?\s?넘는\s)?\s?컨테이너`,
  'u',
);

/** Rockets for launchers: "Raketen für Mehrfachraketenwerfer", "ракет для РСЗО". */
const LAUNCHER_AMMUNITION =
  /^\s*(?:\(\S+\)\s*)?(?:für|для)\s+(?:\p{L}+\s+)?(?:(?:mehrfach)?raketenwerfer|рсзо|рсзв|реактивн\p{L}*\s+систем\p{L}*\s+залпов\p{L}*)/iu;

/** Troops counted by their noun with no counter: "1만4000여 병력", "3만 병력을". */
const KO_COUNTERLESS_TROOPS = /^병력(?:[을이은의과와도]|\s|$)/u;

/** A pack's Korean counters, longest first: sorted once, not on every sentence. */
function counterKeysOf(counters: NonNullable<LanguagePack['counters']>): string[] {
  let keys = counterKeysCache.get(counters);
  if (!keys) {
    keys = Object.keys(counters).sort(byLength);
    counterKeysCache.set(counters, keys);
  }
  return keys;
}

function findKorean(sentence: string, c: Compiled): Candidate[] {
  const pack = c.pack;
  const counters = pack.counters ?? {};
  const counterKeys = counterKeysOf(counters);
  const out: Candidate[] = [];
  const starts: Array<{ at: number; native?: number; scale?: boolean; bare?: boolean }> = [];
  for (let p = 0; p < sentence.length; p++) {
    const ch = sentence.charCodeAt(p);
    if (ch >= 48 && ch <= 57) {
      starts.push({ at: p });
      while (p < sentence.length && /[\d,.]/.test(sentence[p]!)) p++;
      // Skip the rest of this number's own word (multipliers and glued digits).
      while (p < sentence.length && /[\d,.십백천만억]/.test(sentence[p]!)) p++;
    }
  }
  // An exec loop: `matchAll` clones its pattern on every call, and this runs on every sentence.
  KO_NATIVE.lastIndex = 0;
  for (let m = KO_NATIVE.exec(sentence); m !== null; m = KO_NATIVE.exec(sentence)) {
    // "병사 한 명 한 명은" (each soldier): the doubled "한 명" is "each", not a count.
    const around = sentence.slice(Math.max(0, m.index - 5), m.index + 10);
    if (/한\s?명\s?한\s?명/u.test(around) && m[1] === '한') continue;
    starts.push({ at: m.index, native: pack.numbers.words[m[1]!] ?? 0 });
  }
  // "만여 명", "천여 명": a bare multiplier is one of it ("10,000-odd").
  KO_BARE_SCALE.lastIndex = 0;
  for (let m = KO_BARE_SCALE.exec(sentence); m !== null; m = KO_BARE_SCALE.exec(sentence))
    starts.push({ at: m.index, native: m[1] === '만' ? 10000 : 1000, scale: true });
  // "병사 만천여 명": ten thousand and one thousand, written as the words alone (11,000).
  for (const m of sentence.matchAll(KO_MAN_CHEON))
    starts.push({ at: m.index + 1, native: 11000, scale: true });
  KO_BARE_NUMBER.lastIndex = 0;
  for (let m = KO_BARE_NUMBER.exec(sentence); m !== null; m = KO_BARE_NUMBER.exec(sentence))
    starts.push({ at: m.index, bare: true });
  starts.sort((a, b) => a.at - b.at);
  let consumedTo = -1;
  for (const s of starts) {
    if (s.at < consumedTo) continue;
    const before = sentence[s.at - 1] ?? '';
    if (s.native === undefined && /[\p{L}\d\-.,]/u.test(before) && !/[\s(~∼〜～]/.test(before)) {
      // Glued to letters ("KN-23", "SA-22", "제11군단") or a part of a number read before.
      if (/[\p{L}-]/u.test(before)) continue;
    }
    if (s.native === undefined && /(?:제|第)$/.test(sentence.slice(0, s.at))) continue;
    // "소식통 1명과 미국 관리 2명의 말을 인용해": the people a story heard are no count.
    const wordBefore = /(\S+)\s$/u.exec(sentence.slice(Math.max(0, s.at - 8), s.at))?.[1];
    if (wordBefore !== undefined && c.nonFigureBefore.has(wordBefore)) continue;
    let value: number;
    let i: number;
    let multiplied = 1;
    if (s.scale) {
      value = s.native!;
      i = s.at + 1;
    } else if (s.native !== undefined) {
      value = s.native;
      i = s.at + 1;
      while (/\p{L}/u.test(sentence[i] ?? '') && sentence[i] !== '명') i++;
    } else {
      const k = scanKorean(sentence, s.at, s.bare);
      if (!k) continue;
      value = k.value;
      i = k.end;
      multiplied = k.multiplied;
    }
    let valueHigh: number | undefined;
    let qualifier: Qualifier = 'exact';
    // Ranges: "1만~1만2천 명", "3천-4천 명".
    // "1만 1000명~1만 2000명": the counter may be written after both numbers.
    const counterRange = c.counterRangeRe.exec(sentence.slice(i, i + 16));
    const rm =
      (s.bare ? KO_BARE_RANGE : KO_DIGIT_RANGE).exec(sentence.slice(i, i + 4)) ?? counterRange;
    if (rm && s.native === undefined) {
      const k2 = scanKorean(sentence, i + rm[0].length, s.bare);
      // "1만 명에서 2만 명으로 늘었다": from one count to another is a change, not a range.
      const change =
        k2 !== null &&
        rm[0].includes('에서') &&
        /^\s?\p{L}?\s?(?:으로|로)(?!\s?(?:추정|추산|파악|집계|예상|보인|알려|전해|봤|보았|본다|보고))/u.test(
          sentence.slice(k2.end, k2.end + 10),
        );
      if (k2 && !change) {
        let low = scaleLow(value, multiplied > 1, k2.value);
        if (multiplied === 1 && k2.multiplied > 1 && low * k2.multiplied <= k2.value)
          low *= k2.multiplied;
        // "1만 1000~2000여 명": the high end shares the low end's 만 (11,000 to 12,000).
        let high = k2.value;
        const rest = value % 1e4;
        if (multiplied >= 1e4 && k2.multiplied < 1e4 && high < 1e4 && rest > 0 && rest < high)
          high += value - rest;
        if (low < high) {
          value = low;
          valueHigh = high;
          qualifier = 'range';
          i = k2.end;
        }
      }
    }
    // "600여만 발": the hedge before the multiplier.
    if (
      s.native === undefined &&
      sentence[i] === '여' &&
      (KO_MULT[sentence[i + 1] ?? ''] ?? 0) >= 1000 &&
      valueHigh === undefined
    ) {
      value *= KO_MULT[sentence[i + 1]!]!;
      qualifier = 'about';
      i += 2;
    }
    const numEnd = i;
    if (sentence[i] === '여') {
      if (valueHigh === undefined) qualifier = 'about';
      i++;
    }
    if (sentence[i] === ' ') i++;
    // "1만4000여 병력을 파견했다": troops counted by the noun itself, with no counter; read as
    // "명" ending where the noun begins.
    const counter =
      counterKeys.find((k) => sentence.startsWith(k, i)) ??
      (counters.명 && KO_COUNTERLESS_TROOPS.test(sentence.slice(i, i + 4)) ? '' : undefined);
    if (counter === undefined) continue;
    // "명" must end the counter's word or take a particle; "문서" is not a counter.
    const counterEnd = i + counter.length;
    // "6개월": months, not pieces; "11개국": countries; "4·25문화회관": a name, not 25 guns.
    if (pack.notCounters?.some((w) => sentence.startsWith(w, i))) continue;
    if (counter === '문' && KO_WORD_GOES_ON.test(sentence.slice(counterEnd, counterEnd + 3)))
      continue;
    const spec = counters[counter || '명']!;
    consumedTo = counterEnd;
    // "1900여 명 많아": a difference between two counts, not a count.
    // "1000명 더 많은": "더" (more) before the comparison.
    const tail = sentence
      .slice(counterEnd, counterEnd + 8)
      .replace(/^\s+/, '')
      .replace(/^더\s?/u, '');
    if ((pack.comparisonsAfter ?? []).some((w) => tail.startsWith(w))) continue;
    // "3명 중 1명꼴로": a ratio, neither number a count.
    if (tail.startsWith('꼴') || /^중\s?\d+\s?(?:명|개|발)\s?꼴/u.test(tail)) continue;
    // "4만2000명의 군사력을 보유하고": what a force has, up to the end of the number's clause.
    if (pack.heldAfter?.length) {
      const own = sentence.slice(counterEnd, counterEnd + 24).split(/[,.!?;:"“”]/u)[0]!;
      if (pack.heldAfter.some((w) => own.includes(w))) continue;
      // "러시아에 아직 400만 발의 포탄이 남아 있기에": rounds left in a stock were not sent
      // (people who "남아 있다" are still there, and count).
      if (spec.units.every((u) => MATERIEL.has(u)) && /(?:이|가)\s남아\s?있/u.test(own)) continue;
    }
    // "한 명은 머리를, 또 다른 한 명은 …", "생포된 병사 중 1명은": one person marked as the topic
    // or picked out of a group is somebody the story describes, not a count.
    if (
      value === 1 &&
      valueHigh === undefined &&
      (/^\s?(?:은|는)(?:\s|$)/u.test(sentence.slice(counterEnd, counterEnd + 3)) ||
        /(?:^|\s)(?:중|가운데)\s?$/u.test(sentence.slice(Math.max(0, s.at - 5), s.at)))
    )
      continue;
    // Hedges after the counter: "명 이상", "명을 넘어", "발가량".
    if (valueHigh === undefined) {
      const raw = sentence.slice(counterEnd, counterEnd + 14).replace(/^\s+/, '');
      const rest = raw.replace(/^(?:을|를|이|가|은|는|의|에|도|와|과)?\s*/u, '');
      const hit =
        c.hedgesAfter.find((h) => raw.startsWith(h.phrase)) ??
        c.hedgesAfter.find((h) => rest.startsWith(h.phrase));
      if (hit) qualifier = hit.qualifier;
      const h = hedgeBefore(sentence, s.at, c);
      if (h && !hit) qualifier = h.q;
    }
    const h = hedgeBefore(sentence, s.at, c);
    const start = h ? h.start : s.at;
    // The noun: the nearest before (within the clause), or "N명의 병력" after, or the counter's.
    let unit: UnitWord | null = null;
    let unitSpan: [number, number] | null = null;
    const back = sentence.slice(Math.max(0, s.at - 40), s.at);
    let clause = back;
    for (let q = back.length - 1; q >= 0; q--) {
      if (KO_BOUNDARY.test(back[q]!)) {
        clause = back.slice(q + 1);
        break;
      }
    }
    const clauseOffset = s.at - clause.length;
    // The nearest unit noun in the last three words of the clause (several-word nouns such
    // as "건설 인력" included), or "N명의 병력" after the counter.
    const eojeols: RegExpExecArray[] = [];
    EOJEOL.lastIndex = 0;
    for (let m = EOJEOL.exec(clause); m !== null; m = EOJEOL.exec(clause)) eojeols.push(m);
    let from = clause.length;
    let looked = 0;
    for (let q = eojeols.length - 1; q >= 0 && looked < 3; q--) {
      const word = eojeols[q]![0];
      // "900만 발의 포탄과 100여 발의 …": the counter written apart from its number, too.
      if (q > 0 && /\d/.test(eojeols[q - 1]![0]) && counterKeys.some((k) => word === `${k}의`)) {
        from = clause.length;
        break;
      }
      if (/\d/.test(word) && !KO_CALIBRE.test(word)) {
        // "5000명의 건설 노동자와 1000명의 …": the noun after "N명의" is that number's own.
        if (counterKeys.some((k) => word.endsWith(`${k}의`))) from = clause.length;
        break;
      }
      from = eojeols[q]!.index;
      if (!KO_SKIP_WORD.test(word) && !KO_CALIBRE.test(word)) looked++;
    }
    // "러시아군과 함께 싸우면서 4,700명의": the force fought beside is not what is counted.
    const beside = [...clause.slice(from).matchAll(KO_BESIDE)].pop();
    if (beside) from += beside.index + beside[0].length;
    const stretch = clause.slice(from).toLowerCase();
    let bestEnd = -1;
    const stamp = markCodeUnits(stretch);
    for (const u of c.units) {
      if (!mayHold(stamp, u.stem) || !spec.units.includes(u.unit)) continue;
      const at = stretch.lastIndexOf(u.stem);
      if (at < 0) continue;
      const e = at + u.stem.length;
      if (e > bestEnd || (e === bestEnd && unit && u.stem.length > unit.stem.length)) {
        unit = u;
        bestEnd = e;
        unitSpan = [clauseOffset + from + at, clauseOffset + from + e];
      }
    }
    // "병사와 장교 3천 명": two kinds of people joined before one count are troops.
    if (unit && unitSpan && !MATERIEL.has(unit.unit)) {
      const chosen = unit.unit;
      const other = (u: Unit) => u !== chosen && !MATERIEL.has(u);
      if (listedBefore(sentence, unitSpan[0], other, KO_LISTED_PEOPLE, c))
        unit = { ...unit, unit: 'troops' };
    }
    // "공병 병력 1천 명": a trade before the general noun of forces names their kind.
    if (unit?.unit === 'troops' && unitSpan) {
      // "건설여단 소속 군인": "belonging to" between the unit and the people.
      const lead = sentence
        .slice(clauseOffset + from, unitSpan[0])
        .trimEnd()
        .replace(/\s소속$/u, '');
      const trade = /\S+$/u.exec(lead)?.[0];
      const kind = trade ? unitInWord(trade.toLowerCase(), c, true) : null;
      if (
        kind &&
        !MATERIEL.has(kind.unit) &&
        kind.unit !== 'troops' &&
        spec.units.includes(kind.unit)
      )
        unit = kind;
    }
    // "공병·건설병 6천 명": people of different trades joined by · are troops of both.
    const joined = back.length - clause.length - 1;
    if (unit && !MATERIEL.has(unit.unit) && back[joined] === '·') {
      const other = /\S+$/u.exec(back.slice(0, joined))?.[0];
      const trade = other ? unitInWord(other.toLowerCase(), c, true) : null;
      if (trade && !MATERIEL.has(trade.unit) && trade.unit !== unit.unit)
        unit = { ...unit, unit: 'troops' };
    }
    // "1만3천여개 이상 컨테이너 분량의 포탄": containers written right after the counter, with
    // no "의", are what is counted (a load of them, whatever it holds).
    if (!unit && KO_CONTAINERS_AFTER.test(sentence.slice(counterEnd, counterEnd + 16))) {
      unit = c.units.find((u) => u.unit === 'containers') ?? null;
    }
    // "2명의 서방 정보 당국자를 인용해": the people counted are the story's sources.
    if (!unit && KO_SOURCES_COUNTED.test(sentence.slice(counterEnd, counterEnd + 24))) continue;
    // "그 대가로 컨테이너 1만개 분량의 식량 등을 받은": food and fuel are what the North gets.
    if (KO_GOODS_COUNTED.test(sentence.slice(counterEnd, counterEnd + 16))) continue;
    // "사상자는 600여 명의 사망자를 포함해": a noun marked as the topic before the count is what
    // the sentence is about; a noun after "N명의" is the count's own, and goes first.
    const topicBefore =
      unitSpan !== null && /^\S*?[은는]\s/u.test(sentence.slice(unitSpan[0], s.at));
    // "포탄으로 가득 찬 28,000개의 컨테이너": a noun with "(으)로" (filled with) before says what
    // fills what is counted after.
    const fillingBefore =
      unitSpan !== null && /^(?:으로|로)\s/u.test(sentence.slice(unitSpan[1], s.at));
    // "우크라이나군과 싸우기 위해 약 1만1천 명의 정규군": the army fought before the count is
    // not what is counted.
    const foughtBefore =
      unitSpan !== null && KO_FOUGHT_WITH_WORD.test(sentence.slice(unitSpan[0], unitSpan[0] + 30));
    if (!unit || topicBefore || fillingBefore || foughtBefore) {
      const before = unit;
      unit = null;
      const after = KO_NOUN_AFTER_COUNTER.exec(sentence.slice(counterEnd, counterEnd + 30));
      // "2만 개의 무기와 포탄 컨테이너를": the noun phrase is head-final, up to its case particle;
      // a noun of two words ("지뢰 제거 전문가") is read with the word before.
      const ws = after ? after[1]!.split(/\s/u) : [];
      for (let w = 0; w < ws.length; w++) {
        // The two-word noun first: "군사건설 인력을" is builders, not the "인력" alone.
        unit =
          (w > 0 ? koreanUnitIn(`${ws[w - 1]} ${ws[w]}`, c, spec.units) : null) ??
          koreanUnitIn(ws[w]!, c, spec.units) ??
          unit;
        if (/[을를이가은는도]$/u.test(ws[w]!)) break;
        // "1000여만발의 포탄과 미사일": the first of nouns joined by "and" names the count.
        if (unit && /[과와]$/u.test(ws[w]!)) break;
      }
      if (unit) unitSpan = null;
      else unit = before;
    }
    let earlierAt = -1;
    if (!unit && !spec.fallback) {
      // "152㎜ 고폭탄이라고 가정할 때, 약 600여만 발": the noun of an earlier clause, but not of
      // an earlier quotation ('"… 포탄 …"며 "… 14개 분야 …"'), which is cut off as cues are.
      const whole = sentence.slice(0, s.at).toLowerCase();
      const quoteBreak = [...whole.matchAll(/["”]\S{0,3}\s*["“]/gu)].pop();
      const opens = quoteBreak ? quoteBreak.index + quoteBreak[0].length : 0;
      const earlier = lastUnitIn(whole, opens, c, spec.units);
      if (earlier) {
        earlierAt = earlier.at;
        unit = earlier.unit;
        if (!MATERIEL.has(unit.unit) && unit.unit !== 'troops' && includedPart(whole, earlier))
          unit = { ...unit, unit: 'troops' };
      }
    }
    if (!unit && spec.lastResort) unit = { stem: '', unit: spec.lastResort };
    if (unit?.unit === 'rocket_launchers' && (unitSpan || earlierAt >= 0)) {
      // "170㎜ 자주포 및 240㎜ 방사포 220여 문", "170mm 자주포, 240mm 방사포 2백20여 문": guns
      // and launchers counted together are artillery.
      const at = unitSpan ? unitSpan[0] : earlierAt;
      const gun = listedBefore(sentence, at, 'artillery', KO_LISTED_WITH_CALIBRE, c);
      if (gun) unit = gun;
    }
    // "포탄과 미사일 등 1천만 발": shells counted together with other munitions are shells
    // (FIGURES.md: "shells and rockets" counted together).
    if (unit && unit.unit !== 'shells' && MATERIEL.has(unit.unit) && unitSpan) {
      const shell = listedBefore(sentence, unitSpan[0], 'shells', KO_LISTED_WITH_ITEMS, c);
      if (shell && /등\s?$/u.test(sentence.slice(unitSpan[1], s.at))) unit = shell;
    }
    // "드론 생산 공장에 북한 인력 1만 2천 명": manpower put to a workplace named before it are
    // workers.
    if (unit?.stem === '인력' && unitSpan && c.roleRe) {
      const lead = sentence.slice(Math.max(0, unitSpan[0] - 30), unitSpan[0]).toLowerCase();
      const role = allHits(c.roleRe, lead).pop();
      const roleUnit = role ? lookup(c.roles, role.text)?.unit : undefined;
      if (roleUnit === 'workers' && /^\S*에\s/u.test(lead.slice(role!.start)))
        unit = { ...unit, unit: 'workers' };
    }
    // "전사자와 부상자를 합쳐 4천여 명": two losses counted together are casualties.
    if (
      unit?.metric &&
      unitSpan &&
      KO_COMBINED.test(sentence.slice(unitSpan[1], s.at)) &&
      /(?:사망자|전사자|부상자|사상자|실종자|포로)[와과]\s?$/u.test(
        sentence.slice(Math.max(0, unitSpan[0] - 8), unitSpan[0]),
      )
    )
      unit = { ...unit, metric: 'casualties' };
    // "공병 등 6천 명": a trade followed by "등" (and others) names part of a mixed force.
    if (
      unit &&
      unit.unit !== 'troops' &&
      !MATERIEL.has(unit.unit) &&
      unitSpan &&
      /^\S{0,2}\s?등\s?$/u.test(sentence.slice(unitSpan[1], s.at))
    )
      unit = { ...unit, unit: 'troops' };
    // "추가로 파병된 1000여 명은 지뢰 제거 작업에 투입": what the people are put to, right
    // after their count and its particle, names them.
    if ((unit?.unit === 'troops' || (!unit && spec.fallback === 'troops')) && c.roleRe) {
      const next = /^(?:\s?(?:여|가량|정도|이상))*\s?[은는이가]?\s+(\S+(?:\s\S+)?)/u.exec(
        sentence.slice(counterEnd, counterEnd + 24),
      );
      const role = next ? allHits(c.roleRe, next[1]!.toLowerCase())[0] : undefined;
      // ("1만2천명 드론 공장 투입": the workplace may be the second word.)
      const roleUnit =
        role && (role.start === 0 || /^\S+\s$/u.test(next![1]!.slice(0, role.start)))
          ? lookup(c.roles, role.text)?.unit
          : undefined;
      if (roleUnit && roleUnit !== 'troops' && spec.units.includes(roleUnit))
        unit = { stem: '', unit: roleUnit };
    }
    if (!unit && spec.fallback) {
      unit = { stem: '', unit: spec.fallback };
      // "드론 공장에 젊은 여성 1만여 명 파견": people counted with no noun of the pack, in a
      // clause about where they work, are named by that work.
      const role = c.roleRe ? allHits(c.roleRe, clause.toLowerCase()).pop() : undefined;
      const roleUnit = role ? lookup(c.roles, role.text)?.unit : undefined;
      if (roleUnit && spec.units.includes(roleUnit)) unit = { stem: '', unit: roleUnit };
      else if (!/^\s?의\s/u.test(sentence.slice(counterEnd, counterEnd + 3))) {
        // '“(새로 파견된 북한 노동자가) … 수백 명”이라며 “1000명이 넘을 수도”': people of a
        // kind named earlier in the sentence, with no noun of their own ("N명의 …" has one), are
        // still of that kind.
        const kind = lastUnitIn(
          sentence.slice(0, s.at).toLowerCase(),
          0,
          c,
          spec.units,
          (u) => u.unit !== 'troops' && !MATERIEL.has(u.unit),
        );
        if (kind && !includedPart(sentence.slice(0, s.at).toLowerCase(), kind))
          unit = { stem: '', unit: kind.unit.unit };
      }
    }
    if (!unit) continue;
    // Increments: "추가로", "추가 파병", "더" in the number's stretch.
    // Only within the number's clause: "3000명 넘어…北 추가 파병" is about something else.
    const cut = (text: string) => {
      const b = text.search(/[,.!?;:"“”'‘’()…·]/u);
      return b < 0 ? text : text.slice(0, b);
    };
    const beforeText = sentence.slice(Math.max(0, start - 14), start);
    const lead = beforeText.slice(Math.max(0, beforeText.search(/[^,.!?;:"“”'‘’()…·]*$/u)));
    const trail = cut(sentence.slice(counterEnd, counterEnd + 24));
    // "350명 정도지만 실제로는 더 많다": "더" before an adjective compares; it adds nothing.
    const compared = /더\s?(?:많|적|클|크|높|낮)/u.test(trail);
    const increment =
      c.increments.some((w) => lead.includes(w)) ||
      (!compared &&
        c.incrementAfterRes.some((re) => re.test(trail.replace(/^[을를이가은는의에도]/u, ' ')))) ||
      /추가로|추가\s?파병|추가\s?병력|증원/u.test(trail);
    out.push({
      start,
      numStart: s.at,
      numEnd,
      end: counterEnd,
      value,
      ...(valueHigh !== undefined ? { valueHigh } : {}),
      qualifier,
      increment,
      unit,
      unitSpan,
      side: unit.side ?? null,
      bare: false,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sentence context

interface Hit {
  start: number;
  end: number;
  text: string;
}

/**
 * Whether a stem pattern occurs in a text at all. `starts`: the text's {@link wordStarts},
 * when the caller keeps them.
 */
function has(re: RegExp | null, text: string, starts?: readonly number[]): boolean {
  if (!re) return false;
  const index = stemIndexes.get(re);
  if (index) return index.test(text, starts);
  re.lastIndex = 0;
  return re.test(text);
}

function allHits(re: RegExp | null, text: string, starts?: readonly number[]): Hit[] {
  if (!re) return [];
  if (!re.global) throw new TypeError('allHits reads a global pattern');
  const index = stemIndexes.get(re);
  if (index) return index.hits(text, starts);
  const out: Hit[] = [];
  // An exec loop reads what `matchAll` does without cloning the pattern on every call.
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[1] ?? m[0] });
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode);
  }
  return out;
}

/** The index after an empty match, as `matchAll` steps: one code point in a unicode pattern. */
function advance(text: string, at: number, unicode: boolean): number {
  return unicode ? codePointEnd(text, at) : at + 1;
}

interface SentenceInfo {
  sentence: PackSentence;
  lower: string;
  /** The hits of other patterns, read once per sentence ({@link hitsIn}). */
  hits: Map<RegExp, Hit[]>;
  /** Where the words of `lower` start ({@link wordStarts}). */
  starts: number[];
  dprk: Hit[];
  russia: Hit[];
  others: Hit[];
  cues: Cue[];
  claimants: AliasHit[];
}

function cueMetricOf(text: string, c: Compiled): MetricWord | null {
  return lookup(c.cueMap, text);
}

/**
 * "der US-amerikanischen und südkoreanischen Geheimdienste", "американской и южнокорейской
 * разведки": several countries' intelligence as one joint source, named in English the way
 * the claimant table compares joint sources ("U.S. and South Korean intelligence").
 */
function jointSources(text: string, c: Compiled): AliasHit[] {
  const re = c.jointRe;
  if (!re) return [];
  const nationalities = c.pack.nationalities ?? [];
  const out: AliasHit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const words: string[] = [];
    for (const w of m[0].toLowerCase().split(/[\s,]+/u)) {
      const english = nationalities.find((n) => w.startsWith(n.stem))?.english;
      if (english && !words.includes(english)) words.push(english);
    }
    if (words.length < 2) continue;
    // "Südkoreanischen und ukrainischen Quellen zufolge": sources, not intelligence.
    const noun = m[0].toLowerCase().split(/\s+/u).pop() ?? '';
    const kind = (c.pack.intelligenceNouns ?? []).some((n) => noun.startsWith(n))
      ? 'intelligence'
      : 'sources';
    const name = `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]} ${kind}`;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      entry: { name, country: null, kind: 'body', aliases: [] },
    });
  }
  return out;
}

/** A sentence that opens by naming what it counts: "Количество граждан КНДР …", "Кількість
 * північнокорейських робітників …". */
const NUMBER_OF_OPENING =
  /^\s*(?:количеств\p{L}*|числ[оа]|кількіст\p{L}*|чисельніст\p{L}*|(?:die\s+)?zahl\s+der)\s+((?:\S+\s+){0,2}\S+)/iu;

/** Title endings a title noun may carry in its cases ("Militärexperten", "Ministers"). */
const TITLE_CASE = /(?:innen|in|en|n|s)?$/u;

/**
 * "sagte Verteidigungsminister Boris Pistorius", "der litauische Außenminister Gabrielius
 * Landsbergis": a title noun and two name words name a person the claimant table need not
 * know; the person is named as the story writes them. Names the table knows, and words that
 * name a country or nationality, are left to the table.
 */
function titledPeople(text: string, c: Compiled, hits: AliasHit[]): void {
  const re = c.titledNameRe!;
  const titles = c.pack.personTitles!;
  const nationalities = c.pack.nationalities ?? [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const title = m[1]!.toLowerCase().replace(TITLE_CASE, '');
    if (
      !titles.some((t) => title.endsWith(t) || `${title}n`.endsWith(t) || `${title}e`.endsWith(t))
    ) {
      // "Der Nordkorea-Experte Rüdiger Frank": the title may be the next word.
      re.lastIndex = m.index + m[1]!.length;
      continue;
    }
    const name = m[2]!;
    const start = m.index + m[0].length - name.length;
    const words = name.split(/\s+/u);
    if (
      words.some(
        (w) =>
          lookup(c.aliasMap, w) !== null ||
          nationalities.some((n) => w.toLowerCase().startsWith(n.stem)) ||
          titles.some((t) => w.toLowerCase().replace(TITLE_CASE, '').endsWith(t)),
      )
    )
      continue;
    const entry: ClaimantEntry = { name, country: null, kind: 'person', aliases: [] };
    TITLED.add(entry);
    hits.push({ start, end: start + name.length, entry });
  }
}

/** The people {@link titledPeople} read, whom the claimant table does not know. */
const TITLED = new WeakSet<ClaimantEntry>();

/** A photo credit open before a name: "(사진=AP, ", "Foto: ", "Фото: ". */
// "Foto: YONHAP", "Foto 朝鮮通信社 / AP / Profimedia": with a colon or without.
const PHOTO_CREDIT =
  /(?:사진\s?=|사진\s?제공|(?<![\p{L}])(?:foto|фото|photo)(?:\s?:|\s))[^)\n.]{0,30}$/iu;

/**
 * The first one or two code units of an alias index's keys, hashed into a table (bit 1: a key
 * of one unit, bit 2: a longer key's first two): a word whose head finds neither bit starts no
 * key, so {@link aliasWordHits} skips it without slicing three heads and asking the map for
 * each. A hash collision only lets a word through to the map, which answers as before.
 */
const aliasHeadsCache = new WeakMap<Map<string, AliasGroup>, Uint8Array>();

function aliasHeads(aliasIndex: Map<string, AliasGroup>): Uint8Array {
  let heads = aliasHeadsCache.get(aliasIndex);
  if (!heads) {
    heads = new Uint8Array(0x10000);
    for (const key of aliasIndex.keys()) {
      const a = key.charCodeAt(0);
      if (key.length === 1) heads[a] = heads[a]! | 1;
      else if (key.length > 1) {
        const h = headHash(a, key.charCodeAt(1));
        heads[h] = heads[h]! | 2;
      }
    }
    aliasHeadsCache.set(aliasIndex, heads);
  }
  return heads;
}

function headHash(a: number, b: number): number {
  return ((a << 5) ^ b) & 0xffff;
}

/** Whether a word of `length` units at `start` of `lower` may start a key of {@link aliasHeads}. */
function mayStartKey(heads: Uint8Array, lower: string, start: number, length: number): boolean {
  const a = lower.charCodeAt(start);
  if ((heads[a]! & 1) !== 0) return true;
  return length >= 2 && (heads[headHash(a, lower.charCodeAt(start + 1))]! & 2) !== 0;
}

/**
 * The names of a pack with an alias index, found word by word into `hits`: each word's first
 * letters pick the aliases tried there. Its own function: {@link claimantsIn} stays small enough
 * for the optimising compiler to compile cheaply.
 */
function aliasWordHits(
  text: string,
  lower: string,
  aliasIndex: Map<string, AliasGroup>,
  hits: AliasHit[],
): void {
  const inPlace = lower.length === text.length && !text.includes('Σ');
  const heads = aliasHeads(aliasIndex);
  // The runs of letters a global exec loop of `[\p{L}\p{M}]+` finds, read from the letter table.
  let runEnd = 0;
  for (let start = nextLetterAt(text, 0); start < text.length; start = nextLetterAt(text, runEnd)) {
    runEnd = skipLetters(text, start);
    // Most words start no key: skipped before any slice or map read.
    if (inPlace && !mayStartKey(heads, lower, start, runEnd - start)) continue;
    const word = inPlace ? null : text.slice(start, runEnd).toLowerCase();
    for (let n = Math.min(KEY, word === null ? runEnd - start : word.length); n >= 1; n--) {
      const group = aliasIndex.get(
        word === null ? lower.slice(start, start + n) : word.slice(0, n),
      );
      if (!group) continue;
      const k = aliasAt(text, start, group);
      if (k >= 0) {
        hits.push({ start, end: aliasEnd, entry: group.entries[k]! });
        break;
      }
      if (k === -2) {
        group.re.lastIndex = start;
        const m = group.re.exec(text);
        if (m) {
          let g = 1;
          while (m[g] === undefined) g++;
          hits.push({ start, end: m.index + m[0].length, entry: group.entries[g - 1]! });
          break;
        }
      }
    }
  }
}

/** "-Partnerland", "-Mitgliedstaat" right after an alliance's name: one of its countries. */
const MEMBER_COMPOUND = /^-(?:partner|mitglied|staat|land|länder)/iu;

/**
 * Whether a name found in a sentence is no source there: a person owning forces ("Putins
 * Truppen"), a photo credit, a body of the North's forces, a destination, an enemy fought. Its
 * own function: {@link claimantsIn} stays small enough for the optimising compiler to compile
 * cheaply.
 */
function notASource(h: AliasHit, text: string, c: Compiled): boolean {
  // "Putins Truppen", "Kims Armee": a person's name in the genitive before a noun of forces
  // names their owner, not a source.
  if (c.pack.language === 'de' && h.entry.kind === 'person') {
    const tail = /^([\p{L}\p{M}]*)\s+([\p{L}\p{M}]+)/u.exec(text.slice(h.end, h.end + 40));
    const forces = tail ? unitInWord(tail[2]!.toLowerCase(), c, true) : null;
    if (
      tail &&
      `${text.slice(h.start, h.end)}${tail[1]}`.endsWith('s') &&
      ((forces && !MATERIEL.has(forces.unit)) || /^armee/iu.test(tail[2]!))
    )
      return true;
  }
  // "Bei den Hilfstruppen zeigt sich dasselbe Bild": the newspaper's name as the common noun
  // (a picture), after an article or adjective the paper's name never takes.
  if (
    c.pack.language === 'de' &&
    h.entry.name === 'Bild' &&
    /(?:^|\s)(?:das|dasselbe|ein|gleiche|gleiches|ähnliches|anderes|klares|dieses|jenes|im|ins|vom|zum)\s+$/iu.test(
      text.slice(Math.max(0, h.start - 12), h.start),
    )
  )
    return true;
  // "미국 정보당국은", "우크라이나 정부 당국": a bare noun of Seoul's authorities is another
  // country's when that country is named right before it.
  if (
    c.korean &&
    KO_BARE_AUTHORITY.test(text.slice(h.start, h.end)) &&
    KO_FOREIGN_BEFORE.test(text.slice(Math.max(0, h.start - 12), h.start))
  )
    return true;
  // "조선인민군 총참모부 소속 장군 3명": the North's own General Staff, not Ukraine's.
  if (
    c.korean &&
    h.entry.country === 'UA' &&
    /(?:조선인민군|인민군|북한군|북한)\s?$/u.test(text.slice(Math.max(0, h.start - 8), h.start))
  )
    return true;
  // "(사진=AP, 연합뉴스)", "Foto: Yonhap": who took the picture is no source of the story.
  if (PHOTO_CREDIT.test(text.slice(Math.max(0, h.start - 40), h.start))) return true;
  // "‘김정은 장군’ 외치며" (shouting "General Kim Jong Un"): a name quoted as words is no source
  // (an outlet quoted as a name, "'키이우 인디펜던트'가", takes its particle after the quote).
  if (
    c.korean &&
    /[‘“'"]\s?$/u.test(text.slice(Math.max(0, h.start - 2), h.start)) &&
    /^[^\s‘’“”'"]{0,4}\s?[^\s‘’“”'"]{0,4}[’”'"](?:\s|$)/u.test(text.slice(h.end, h.end + 11))
  )
    return true;
  // "우리 국방부와 … 우크라이나 국방부의 공개 자료를 바탕으로 추정하고": whose data an analyst
  // worked from is no source of the analyst's estimate.
  if (c.korean && KO_DATA_USED.test(text.slice(h.end, h.end + 48))) return true;
  // "Сил специальных операций Корейской народной армии": a body of the North's forces,
  // named by the genitive after it, is not the other side's body of that name.
  if (h.entry.country !== 'KP' && h.entry.kind === 'body' && !c.korean) {
    const tail = text.slice(h.end, h.end + 40).replace(/^\s+/u, '');
    c.dprkRe.lastIndex = 0;
    if (tail !== '' && c.dprkRe.exec(tail)?.index === 0) return true;
  }
  // A destination is never a source: "nach Russland", "러시아에" (but "국정원에 따르면" is one).
  const lastWords = splitLetters(
    text.slice(Math.max(0, h.start - 20), h.start).toLowerCase(),
  ).filter(Boolean);
  let before = lastWords.pop();
  // "gegenüber einem südkoreanischen Produzenten": the article between is skipped.
  if (before && !c.destinationBefore.has(before) && c.skipWords.has(before) && lastWords.length)
    before = lastWords.pop();
  // "со ссылкой на НРС", "unter Berufung auf": the preposition cites, it does not send.
  const citing = () => {
    const lead = text.slice(Math.max(0, h.start - 24), h.start).toLowerCase();
    return allHits(c.attributionRe, lead).some((a) => lead.slice(a.end).trim() === '');
  };
  if (
    before &&
    c.destinationBefore.has(before) &&
    !citing() &&
    !saidAt(text, h, before, c) &&
    !/angaben|zählung|schätzung|darstellung|данным|даними/u.test(
      text.slice(h.start, h.end).toLowerCase(),
    )
  )
    return true;
  // "воюють проти військ Південної Кореї": the enemy fought is no source.
  if (c.opponents.size > 0) {
    const prior = splitLetters(
      text
        .slice(Math.max(0, h.start - 30), h.start)
        .toLowerCase()
        // "… проти України, - Сеул": an opponent word stays in its own phrase.
        .split(/[,;:.!?()«»"“”]|\s[-–—]\s/u)
        .pop()!,
    )
      .filter(Boolean)
      .slice(-2);
    if (prior.some((w) => c.opponents.has(w))) return true;
  }
  const after = text.slice(h.end, h.end + 12);
  // "das Nato-Partnerland Südkorea": a compound naming a member or partner of the
  // alliance is that country, which the sentence names next.
  if (MEMBER_COMPOUND.test(after)) return true;
  if (
    c.korean &&
    c.destinationAfter.some((p) => after.startsWith(p)) &&
    !/^에\s?(?:따르면|의하면|의한)/u.test(after) &&
    // "국방정보본부에서 제출받은 자료": the body data came from is its source.
    !/^(?:에서|으로부터|로부터)\s?(?:제출\s?)?받/u.test(after) &&
    // "정보총국에서 따로 브리핑을 받았는데": so is the body that briefed.
    !KO_BRIEFED_BY.test(text.slice(h.end, h.end + 24))
  )
    return true;
  return false;
}

/**
 * The sources a sentence names. `lower`: the sentence lower-cased, whose characters give each
 * word's head when lower-casing kept every character in place (no length change, no final
 * sigma, the one mapping that depends on what follows), so the words need no lower-casing of
 * their own (costly in Cyrillic). The words are still found by a pattern: walking them in
 * code costs German text more than it saves.
 */
function claimantsIn(text: string, lower: string, c: Compiled): AliasHit[] {
  const hits: AliasHit[] = [];
  if (c.aliasIndex) aliasWordHits(text, lower, c.aliasIndex, hits);
  else if (c.aliasRe) {
    for (const m of allHits(c.aliasRe, text)) {
      const entry = lookup(c.aliasMap, m.text);
      if (entry) hits.push({ start: m.start, end: m.end, entry });
    }
  }
  if (c.exactAliasRe) {
    for (const m of allHits(c.exactAliasRe, text)) {
      const entry = c.exactAliasMap.get(m.text);
      if (entry) hits.push({ start: m.start, end: m.end, entry });
    }
  }
  hits.push(...jointSources(text, c));
  channelHits(text, hits);
  if (c.titledNameRe) titledPeople(text, c, hits);
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: AliasHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) continue;
    if (notASource(h, text, c)) continue;
    // "южнокорейский законодатель Пак Сун Вон": the description is the title of the name after.
    if (
      last?.entry.relays &&
      h.entry.kind === 'person' &&
      /^\s{1,2}$/u.test(text.slice(last.end, h.start))
    ) {
      out[out.length - 1] = h;
      continue;
    }
    // "nach Angaben der USA und Südkoreas": countries joined by "und" are one joint source.
    const prior = out[out.length - 1];
    if (
      prior &&
      c.andRe &&
      h.entry.kind === 'country' &&
      (prior.entry.kind === 'country' || prior.entry.name.startsWith('Joint: ')) &&
      c.andRe.test(text.slice(prior.end, h.start).toLowerCase())
    ) {
      const names = prior.entry.name.startsWith('Joint: ')
        ? prior.entry.name.slice(7).split(', ')
        : [prior.entry.name];
      if (!names.includes(h.entry.name)) names.push(h.entry.name);
      out[out.length - 1] = {
        start: prior.start,
        end: h.end,
        entry: { name: `Joint: ${names.join(', ')}`, country: null, kind: 'body', aliases: [] },
      };
      continue;
    }
    out.push(h);
  }
  return out;
}

/** "Telegram-Kanal Rybar", "Telegram-канал «Рыбарь»", "телеграм-каналу Два майора". */
const CHANNEL_RE =
  /(?<![\p{L}\p{M}])(?:telegram|телеграм|youtube)[-\s]?(?:kanal|канал|каналі|канала|каналу|каналом)[\p{L}]*\s+(?:«([^»\n]{2,40})»|[„“"]?(\p{Lu}[\p{L}\p{M}\p{N}'-]*(?:\s+\p{Lu}[\p{L}\p{M}\p{N}'-]*|\s+\p{Ll}[\p{L}\p{M}]*(?=[»“”"]))?)[»“”"]?)/giu;

/**
 * A channel named after its word for "channel" is a source under its own name (an outlet the
 * packs' tables cannot list one by one); it covers any known name inside it ("Kremlin …").
 */
function channelHits(text: string, hits: AliasHit[]): void {
  if (!/telegram|телеграм|youtube/iu.test(text)) return;
  CHANNEL_RE.lastIndex = 0;
  for (let m = CHANNEL_RE.exec(text); m !== null; m = CHANNEL_RE.exec(text)) {
    // "Telegram-канал «Осторожно, новости»": a name in guillemets is whole, commas and all.
    const name = m[1] ?? m[2]!;
    const start = m.index + m[0].indexOf(name);
    hits.push({
      start: m.index,
      end: start + name.length,
      entry: { name, country: null, kind: 'media', aliases: [] },
    });
  }
}

/**
 * "заявили в разведке", "у ГУР повідомили", "im Pentagon hieß es": a body after a preposition
 * of place is where somebody spoke, so a source, when a word of attribution stands right before
 * the preposition or follows the body in the same clause (no comma, no number between).
 */
function saidAt(text: string, h: AliasHit, prep: string, c: Compiled): boolean {
  const lead = text.slice(Math.max(0, h.start - 40), h.start).toLowerCase();
  const trimmed = lead.replace(/\s+$/u, '');
  if (trimmed.endsWith(prep)) {
    const beforePrep = trimmed.slice(0, trimmed.length - prep.length);
    if (allHits(c.attributionRe, beforePrep).some((a) => beforePrep.slice(a.end).trim() === ''))
      return true;
  }
  const tail = text.slice(h.end, h.end + 40).toLowerCase();
  const clause = /^[^,.;:!?\d«»"“”]*/u.exec(tail)![0];
  return allHits(c.attributionRe, clause).some((a) => a.start <= 24);
}

function koreanCountrySays(lower: string): ClaimantEntry | null {
  const m = KO_COUNTRY_SAYS.exec(lower) ?? KO_COUNTRY_OPENS_SAYS.exec(lower);
  return m ? (BY_NAME.get(KO_COUNTRIES[m[1]!]!) ?? null) : null;
}

/** Korean "우크라이나군에 생포됐다": forces followed by 에/에게 act on the counted, they are not it. */
function actors(hits: Hit[], lower: string, c: Compiled): Hit[] {
  if (!c.korean) {
    if (c.opponents.size === 0) return hits;
    // "kämpfen gegen die ukrainischen Streitkräfte", "воюют против ВСУ": the enemy fought is
    // not the side counted.
    return hits.filter((h) => {
      const words = splitLetters(lower.slice(Math.max(0, h.start - 24), h.start)).filter(Boolean);
      const last = words[words.length - 1] ?? '';
      const before = words[words.length - 2] ?? '';
      return !(c.opponents.has(last) || (last.length <= 3 && c.opponents.has(before)));
    });
  }
  // "우크라이나군과 직접 교전하며 사상자 규모가 5천 명": the army fought with is not the side
  // counted.
  return hits.filter(
    (h) =>
      !/^(?:에게|에|에서|으로|로)(?:\s|$)/u.test(lower.slice(h.end, h.end + 4)) &&
      !KO_FOUGHT_WITH.test(lower.slice(h.end, h.end + 16)),
  );
}

/** `unsure`: losses joined with "missing" ("vermisst oder verwundet"), casualties only when a
 * noun says who is counted. */
type Cue = Hit & { metric: CueMetric; weak: boolean; unsure?: boolean };

/** Losses of people: two of them joined for one count are losses not split (casualties). */
const LOSSES: ReadonlySet<CueMetric> = new Set(['killed', 'wounded', 'missing', 'casualties']);

/**
 * Killed and wounded written together are casualties, in any wording the pack's cues cover
 * (Korean joins them with "-거나", "또는", "및": "전사하거나 부상을 입은"); so are any two
 * different losses joined for one count ("verletzt oder vermisst", "поранені або зникли").
 */
function joinCasualties(cues: Cue[], lower: string, c: Compiled): Cue[] {
  const out: Cue[] = [];
  for (const q of cues) {
    const last = out[out.length - 1];
    const between = last ? lower.slice(last.end, q.start) : '';
    // "500 getötet und drei verwundet": two counts, not one.
    const counted = splitLetters(between).some((w) => c.words.has(w));
    if (
      last &&
      LOSSES.has(last.metric) &&
      LOSSES.has(q.metric) &&
      last.metric !== q.metric &&
      c.cueJoinRe?.test(between) &&
      !counted
    ) {
      const unsure = last.unsure || last.metric === 'missing' || q.metric === 'missing';
      out[out.length - 1] = {
        ...last,
        end: q.end,
        metric: 'casualties',
        ...(unsure ? { unsure } : {}),
      };
      continue;
    }
    out.push(q);
  }
  return out;
}

/**
 * A sentence with what the reader asks of it, each part read the first time it is asked (most
 * sentences never reach most questions). A class rather than an object of getters: one shape
 * for every sentence, and the hits of other patterns kept on it rather than in a WeakMap.
 */
class Info implements SentenceInfo {
  readonly lower: string;
  /** The hits of the patterns {@link hitsIn} was asked for. */
  readonly hits = new Map<RegExp, Hit[]>();
  #cues: Cue[] | null = null;
  #claimants: AliasHit[] | null = null;
  #dprk: Hit[] | null = null;
  #russia: Hit[] | null = null;
  #others: Hit[] | null = null;
  #starts: number[] | null = null;

  constructor(
    readonly sentence: PackSentence,
    private readonly c: Compiled,
  ) {
    this.lower = sentence.text.toLowerCase();
  }

  /** Where the words of `lower` start: every stem pattern looks only there. */
  get starts(): number[] {
    this.#starts ??= wordStarts(this.lower);
    return this.#starts;
  }

  /** Metric words, read only in sentences that hold a number. */
  get cues(): Cue[] {
    if (this.#cues === null) {
      const cues: Cue[] = [];
      for (const h of allHits(this.c.cueRe, this.lower, this.starts)) {
        const metric = cueMetricOf(h.text, this.c);
        if (metric)
          cues.push({
            start: h.start,
            end: h.end,
            text: h.text,
            metric: metric.metric,
            weak: metric.weak === true,
          });
      }
      this.#cues = joinCasualties(cues, this.lower, this.c);
    }
    return this.#cues;
  }

  /** North Korea, read where asked: up to the story's first mention, and around numbers. */
  get dprk(): Hit[] {
    this.#dprk ??= allHits(this.c.dprkRe, this.lower, this.starts);
    return this.#dprk;
  }

  /** Russia's troops, read only in sentences that hold a figure. */
  get russia(): Hit[] {
    this.#russia ??= actors(allHits(this.c.russiaRe, this.lower, this.starts), this.lower, this.c);
    return this.#russia;
  }

  /** Other sides' troops, read only in sentences that hold a figure. */
  get others(): Hit[] {
    // "우크라이나 군사정보국은 …": an army's name inside a source's name is that source, no troops.
    this.#others ??= actors(
      allHits(this.c.otherRe, this.lower, this.starts),
      this.lower,
      this.c,
    ).filter(
      (h) =>
        !this.c.korean ||
        !this.claimants.some(
          (o) => o.entry.kind !== 'country' && o.start <= h.start && o.end >= h.end,
        ),
    );
    return this.#others;
  }

  /** The sentence before, for names a sentence shortens ({@link koreanSurnameTitles}). */
  previous: Info | null = null;

  /** Sources, read only in the sentences attribution looks at. */
  get claimants(): AliasHit[] {
    if (this.#claimants === null) {
      this.#claimants = claimantsIn(this.sentence.text, this.lower, this.c);
      if (this.c.korean) koreanSurnameTitles(this, this.#claimants);
      else if (this.c.attributionRe) speakingSurnames(this, this.#claimants, this.c);
    }
    return this.#claimants;
  }
}

/**
 * The person last named, within the 40 sentences before `info`, by a mention `named` accepts:
 * whom a shortened name ("Лі", "김 장관") stands for. Only sentences that hold `word` are read
 * for their sources.
 */
function personNamedBefore(
  info: Info,
  word: string,
  named: (o: Info, h: AliasHit) => boolean,
): ClaimantEntry | undefined {
  let back = 0;
  for (let o = info.previous; o && back < 40; o = o.previous, back++) {
    if (!o.sentence.text.includes(word)) continue;
    const found = o.claimants.findLast((h) => h.entry.kind === 'person' && named(o!, h));
    if (found) return found.entry;
  }
  return undefined;
}

/**
 * '"…", - повідомив Лі.', "sagte Kim": one name word beside a word of saying is the person the
 * story named before in full whose first or last name it is ("Лі Сон Квен", Korean names
 * putting the family name first).
 */
function speakingSurnames(info: Info, hits: AliasHit[], c: Compiled): void {
  const text = info.sentence.text;
  for (const h of hitsIn(info, c.attributionRe)) {
    const after = /^\s+(\p{Lu}[\p{Ll}'’-]+)(?![\p{L}\s]*\p{Lu})/u.exec(
      text.slice(h.end, h.end + 30),
    );
    const before = /(?<![\p{L}]\s)(?:^|[\s,"“”«»–—-])(\p{Lu}[\p{Ll}'’-]+)\s+$/u.exec(
      text.slice(Math.max(0, h.start - 30), h.start),
    );
    for (const [word, start] of [
      [after?.[1], h.end + (after ? after[0].indexOf(after[1]!) : 0)],
      [before?.[1], h.start - (before ? before[0].length - before[0].indexOf(before[1]!) : 0)],
    ] as const) {
      if (!word || word.length < 2) continue;
      if (hits.some((x) => x.start <= start && x.end > start)) continue;
      const found = personNamedBefore(info, word, (o, x) => {
        const words = o.sentence.text.slice(x.start, x.end).split(/\s+/u);
        return words.length > 1 && (words[0] === word || words[words.length - 1] === word);
      });
      if (found) hits.push({ start, end: start + word.length, entry: found });
    }
  }
  hits.sort((a, b) => a.start - b.start);
}

/** Seoul's authorities under a bare noun ("정보당국", "정부 당국"). */
const KO_BARE_AUTHORITY = /^(?:정보|정부)\s?당국$/u;

/** Another country named right before a noun of authorities ("미국 정보당국", "러시아의"). */
const KO_FOREIGN_BEFORE =
  /(?:미국|미|우크라이나|우크라|영국|일본|러시아|러|북한|북|서방|유럽|중국|독일|프랑스|나토|NATO)(?:의|측)?\s?(?:군\s?|국방\s?)?$/u;

/** "김 장관은", "신 의원이", "오만 대표는": a surname and a title, the subject of its clause.
 * A Korean surname is one syllable; a foreign one, written in Hangul, is several. */
const KO_SURNAME_TITLE =
  /(?<![가-힣])(([가-힣]{1,5})\s?(?:장관|차관|대표|의원|원장|국장|총장|대변인|대사|사령관|실장|위원장|청장|차장|본부장|단장))(?:은|는|이|가|도)\s/gu;

/**
 * "김용현 국방부 장관은 … / 김 장관은 …": a surname with a title is the person of that surname
 * the story named before, not Kim Jong Un named beside it. North Korea's people hold no such
 * title in these stories, so they are never the ones meant.
 */
function koreanSurnameTitles(info: Info, hits: AliasHit[]): void {
  const text = info.sentence.text;
  KO_SURNAME_TITLE.lastIndex = 0;
  for (let m = KO_SURNAME_TITLE.exec(text); m !== null; m = KO_SURNAME_TITLE.exec(text)) {
    const start = m.index;
    const end = start + m[1]!.length;
    const surname = m[2]!;
    if (hits.some((h) => h.start < end && h.end > start)) continue;
    // "요나스 오만 … / 오만 대표는": a foreign name's family name is its last word.
    const found = personNamedBefore(
      info,
      surname,
      (o, h) =>
        h.entry.country !== 'KP' &&
        (surname.length === 1
          ? o.sentence.text.startsWith(surname, h.start)
          : o.sentence.text.slice(h.start, h.end).endsWith(` ${surname}`)),
    );
    if (found) hits.push({ start, end, entry: found });
  }
  hits.sort((a, b) => a.start - b.start);
}

function infoFor(sentence: PackSentence, c: Compiled, previous?: SentenceInfo): SentenceInfo {
  const info = new Info(sentence, c);
  if (previous instanceof Info) info.previous = previous;
  return info;
}

const BY_NAME = new Map(CLAIMANTS.map((e) => [e.name, e]));

/** The body a source relays (a lawmaker briefed by the NIS), from the shared table or a pack. */
function relayOf(e: ClaimantEntry): ClaimantEntry | undefined {
  return e.relays ? BY_NAME.get(e.relays) : undefined;
}

/** Quotations of some length in a sentence, as [open, close] offsets. */
function quotedSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/["«„“][^"«»„“”]{12,}["»“”]/gu))
    out.push([m.index, m.index + m[0].length]);
  // A quotation that opens and runs to the end of the segment (closed in the next sentence).
  const open = /^\s*["«„“]([^"«»„“”]{12,})$/u.exec(text);
  if (open) out.push([open.index, text.length]);
  return out;
}

/** The source a sentence credits: an alias near a word of attribution, a person over a body
 * written beside it ("HUR-Chef Budanow"), else the first one named. */
/**
 * How a Korean sentence's particles weigh name `k` as its source: its score and its distance
 * to a word of attribution, given both so far; null when the name is spoken of, not speaking.
 * Its own function: {@link sourceIn}'s loop stays small enough for the optimising compiler to
 * compile cheaply.
 */
function koreanWeighing(
  h: AliasHit,
  k: number,
  list: readonly AliasHit[],
  info: SentenceInfo,
  attributions: readonly Hit[],
  reportEnd: number,
  reporter: boolean,
  scoreIn: number,
  nearIn: number,
): { score: number; near: number } | null {
  let score = scoreIn;
  let near = nearIn;
  // "A는 B가 …했다고 밝혔다": after a name marked as the topic (은/는), a name marked as
  // subject (이/가) is the actor of the reported clause, not the one who speaks.
  if (
    KO_SUBJECT.test(koreanRest(info.lower, h)) &&
    // "ISW가 발표한 보고서를 인용해": the subject of a cited report is its author.
    !KO_CITED.test(koreanRest(info.lower, h)) &&
    (reportEnd < 0 || h.end <= reportEnd) &&
    list.slice(0, k).some(
      (o) =>
        KO_TOPIC.test(koreanRest(info.lower, o)) &&
        // "RBC 우크라이나는 젤렌스키 대통령이 … 말했다고 보도했다": a person who says
        // something in an outlet's report is its source.
        !(
          o.entry.kind === 'media' &&
          h.entry.kind === 'person' &&
          KO_SAID_THAT.test(info.lower.slice(h.end))
        ),
    )
  )
    return null;
  // "김정은은 … 보냈다고 국정원이 밝혔다": a name inside the reported clause, with no word of
  // saying of its own there, is spoken of when a marked name after the clause speaks.
  if (
    reporter &&
    h.end <= reportEnd &&
    !attributions.some((a) => a.start >= h.end && a.end <= reportEnd)
  )
    return null;
  // "(유 의원은) 정보총국에서 따로 브리핑을 받았는데, … 4천여 명": a person briefed by a body
  // passes on the body's figures.
  if (
    h.entry.kind === 'person' &&
    list.some(
      (o) => o !== h && o.entry.kind !== 'country' && KO_BRIEFED_BY.test(koreanRest(info.lower, o)),
    )
  )
    return null;
  // "유 의원이 공개한 우크라이나 정보총국 정보에 따르면": who hands on the data is not whose
  // data it is; the name the data belongs to speaks.
  if (
    KO_HANDS_ON.test(koreanRest(info.lower, h)) &&
    list
      .slice(k + 1)
      .some((o) => o.entry.kind !== 'country' && KO_DATA_CITED.test(koreanRest(info.lower, o)))
  )
    return null;
  // "젤렌스키 대통령의 주장이 사실이라면" (if his claim is true): a claim whose truth the
  // sentence weighs is spoken of; its owner does not give the sentence's numbers.
  if (KO_WEIGHED_CLAIM.test(koreanRest(info.lower, h))) return null;
  // "국가정보원은 … 김정은 정권은 1만 5천 명을 러시아에 파병했으며 …": the regime that sent
  // them is what the source speaks of, not a source.
  if (h.entry.country === 'KP' && /^\s?정권/u.test(koreanRest(info.lower, h))) return null;
  // "신원식 국방부장관도 … 푸틴과 정상회담 이후 …": the subject (은/는/이/가/도, on the name
  // or on the title after it) speaks; a name with 과/와 (with) is a companion.
  const rest = koreanRest(info.lower, h);
  // "AFP 통신에 따르면, 라이더 미국 국방부 대변인은 … 말했다": an outlet that relays a
  // speaker named after it gives way to the speaker (FIGURES.md: the source over the outlet);
  // so it does to a country that is the topic with one word after it ("로이터 통신에 따르면
  // 우크라이나 대표단은 … 밝혔다").
  if (
    h.entry.kind === 'media' &&
    KO_OUTLET_CITED.test(rest) &&
    list
      .slice(k + 1)
      .some(
        (o) =>
          o.entry.kind !== 'media' &&
          (o.entry.kind === 'country' ? KO_TOPIC : KO_TITLED_TOPIC).test(koreanRest(info.lower, o)),
      )
  )
    score -= 2;
  // "RBC 우크라이나는 젤렌스키 대통령이 … 말했다고 보도했다": an outlet, the topic, that reports
  // what a person (the subject after it) said gives way to the person.
  if (
    h.entry.kind === 'media' &&
    /^(?:은|는)\s/u.test(rest) &&
    list
      .slice(k + 1)
      .some(
        (o) =>
          o.entry.kind === 'person' &&
          KO_TITLED_SUBJECT.test(koreanRest(info.lower, o)) &&
          KO_SAID_THAT.test(info.lower.slice(o.end)),
      )
  )
    score -= 2;
  // "국정원은 … 트럼프 2기 행정부 … 전했다": the topic's verb of saying ends the sentence,
  // however far; names between are what it said.
  // A body's title after it ("국방부 대변인은") makes the person beside it the topic.
  const topic =
    h.entry.kind === 'person' ? KO_TITLED_TOPIC.test(rest) : /^들?(?:은|는)\s/u.test(rest);
  if (topic && attributions.some((a) => a.start >= h.end)) near = Math.min(near, 30);
  // "BBC는 여러 서방 당국자의 말을 인용해 …": the source an outlet cites is the claimant,
  // not the outlet (FIGURES.md, Hard cases); Korean names it before the verb of citing.
  if (KO_CITED.test(rest)) {
    near = 0;
    score += 2;
  }
  if (h.entry.kind === 'person' && /^(?:\s?[^\s,.]{0,8}?)(?:은|는|이|가|도)(?:\s|$)/u.test(rest))
    score += 1;
  // "국가정보원은 … 확인했다고 밝혔다": a body marked as the topic right on its name speaks too.
  // "서방 관계자들은": the plural 들 before the topic marker keeps the body the topic.
  else if (h.entry.kind === 'body' && /^들?(?:은|는)\s/u.test(rest)) score += 1;
  // "BBC와의 인터뷰에서" (in an interview with the BBC): the companion, not the speaker.
  else if (/^(?:과|와)의?\s/u.test(rest)) score -= 1;
  return { score, near };
}

/**
 * Whether a name does what the sentence counts ("Кім Чен Ин відправляє …, повідомляє X") with no
 * word of attribution of its own: its actor, not its source. Its own function: {@link sourceIn}'s
 * loop stays small enough for the optimising compiler to compile cheaply.
 */
function actsUnsaid(
  h: AliasHit,
  info: SentenceInfo,
  attributions: readonly Hit[],
  c: Compiled,
  reach = 30,
  cited = false,
): boolean {
  // "Кім Чен Ин відправляє …, повідомляє X": a name doing what is counted is its actor.
  // A separator inside a number ("10.000") ends no clause.
  const clause = /^(?:[^,.;:!?]|(?<=\d)[.,](?=\d))*/u.exec(
    info.lower.slice(h.end, h.end + reach),
  )![0];
  const acts = info.cues.some(
    (q) => !q.weak && q.start >= h.end && q.start < h.end + clause.length,
  );
  // "Laut Medienberichten soll Machthaber Kim …", "Medienberichten zufolge …": a source the
  // story leaves unnamed before the name is who tells; the name only acts.
  // "hat Kim Jong-un Berichten zufolge 10.000 seiner Soldaten entsandt": so does one right
  // after the name.
  const told =
    acts &&
    (cited ||
      hitsIn(info, c.unnamedRe).some(
        (u) =>
          (u.end <= h.start &&
            h.start - u.end <= 40 &&
            !/[,.;:!?]/u.test(info.lower.slice(u.end, h.start))) ||
          (u.start >= h.end && u.start - h.end <= 2),
      ));
  const says = attributions.some(
    (a) =>
      (a.start >= h.end && a.start < h.end + clause.length) ||
      // "сообщил, что Ким …": a name after a complementiser is the reported clause's subject.
      (a.end <= h.start &&
        h.start - a.end <= 12 &&
        !c.complementisers.some((w) => info.lower.slice(a.end, h.start).includes(w))) ||
      // "laut Präsident Wladimir Selenski": titles and first names between.
      (a.end <= h.start &&
        /^\s*(?:[\p{L}\p{M}.-]+\s+){0,3}$/u.test(info.lower.slice(a.end, h.start))),
  );
  return acts && (told || !says);
}

/** An interview named just before an outlet ("в інтерв'ю «Суспільному»", "im Interview mit
 * der FAZ"): the outlet is the one that asked. */
const INTERVIEWER_BEFORE =
  /(?:інтерв['’ʼ]?ю|интервью|interview(?:\s+(?:mit|gegenüber))?(?:\s+(?:der|dem|des|den))?)\s*["«„“]?\s*$/u;

function sourceIn(info: SentenceInfo, c: Compiled): ClaimantEntry | null {
  // "Читайте также: Союз с Путиным …": the headline of another story credits nobody here.
  if (has(c.crossLinkRe, info.lower, info.starts)) return null;
  const list = info.claimants;
  if (list.length === 0) return null;
  const attributions = hitsIn(info, c.attributionRe);
  // The citing phrases are among the words of attribution: test those few, not the sentence.
  const citing =
    c.korean || !c.citingRe
      ? []
      : attributions.filter((a) => {
          c.citingRe!.lastIndex = 0;
          return c.citingRe!.exec(info.lower.slice(a.start, a.end + 20))?.index === 0;
        });
  // "„… mit den Ermittlern der SBU …“, sagte Selenskyj": a name inside the quotation is
  // quoted, the one outside it speaks.
  const quotes =
    c.korean || !/["«„“]/u.test(info.sentence.text) ? [] : quotedSpans(info.sentence.text);
  const inQuote = (h: AliasHit) => quotes.some(([a, b]) => h.start > a && h.end < b);
  const outside = quotes.length > 0 && list.some((h) => !inQuote(h));
  // Korean "…했다고 국정원이 밝혔다": where the reported clause ends ("다고", "라며") before a
  // word of attribution; a name marked right after it speaks, the names inside were spoken of.
  let reportEnd = -1;
  let reporter = false;
  if (c.korean) {
    for (const r of info.lower.matchAll(KO_REPORT_END))
      if (attributions.some((a) => a.start >= r.index + r[0].length))
        reportEnd = r.index + r[0].length;
    reporter =
      reportEnd >= 0 &&
      list.some((o) => o.start >= reportEnd && KO_MARKED.test(koreanRest(info.lower, o)));
  }
  let best: AliasHit | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  const preps = c.korean || !c.sourcePrepRe ? [] : hitsIn(info, c.sourcePrepRe);
  // "Ihren Angaben zufolge hat Machthaber Kim Jong Un … geschickt": a name after a source's
  // own words by a possessive is spoken of.
  const ownWords = hitsIn(info, c.ownWordsRe);
  for (let k = 0; k < list.length; k++) {
    const h = list[k]!;
    if (ownWords.some((o) => h.start >= o.end)) continue;
    // Korean "쇼이구 서기는 “김정은 위원장은 공병 1000명을 … 파견하기로 결정했다”고 발표했다", "쇼이구
    // 서기에 따르면, 김 위원장은 … 보내겠다고 밝혔다": the leader who sends is spoken of, the
    // sentence's other name speaks (he gives only the dead he mourns). Other languages mark the
    // quotation or the citing phrase, which the weighing below already reads.
    if (
      c.korean &&
      SENDERS.has(h.entry.name) &&
      list.some((o) => !SENDERS.has(o.entry.name)) &&
      !info.cues.some((q) => q.metric === SENDERS.get(h.entry.name))
    )
      continue;
    // "заместитель Буданова Вадим Скибицкий", "Stellvertreter Budanows Wadym Skibizkyj": a
    // person right before another names whose deputy or spokesman the second is.
    const nextHit = list[k + 1];
    if (
      !c.korean &&
      h.entry.kind === 'person' &&
      nextHit?.entry.kind === 'person' &&
      nextHit.entry.name !== h.entry.name &&
      /^\s+(?:\p{Lu}[\p{L}\p{M}'\u2019-]*\s+){0,2}$/u.test(
        info.sentence.text.slice(h.end, nextHit.start),
      )
    )
      continue;
    let score = -k * 0.1;
    if (h.entry.kind === 'country') score -= 1;
    if (h.entry.kind === 'media') score -= 0.5;
    // "Такі дані навів в інтерв'ю «Укрінформу» начальник Генштабу Андрій Гнатов": the outlet
    // that holds the interview asks; whom it names answers.
    if (
      h.entry.kind === 'media' &&
      !c.korean &&
      INTERVIEWER_BEFORE.test(info.lower.slice(Math.max(0, h.start - 24), h.start)) &&
      list.some((o) => o.entry.kind === 'person' || o.entry.kind === 'body')
    )
      continue;
    if (outside && inQuote(h)) score -= 2;
    let near = nearSaying(h, info, attributions, c);
    // "розповів заступник начальника Головного управління розвідки Міністерства оборони
    // генерал-майор Вадим Скібіцький": a person titled by the body just before is as near the
    // verb as that body.
    const title = list[k - 1];
    if (
      near === Number.POSITIVE_INFINITY &&
      !c.korean &&
      h.entry.kind === 'person' &&
      title?.entry.kind === 'body' &&
      title.end <= h.start &&
      h.start - title.end <= 45 &&
      TITLES_BETWEEN.test(info.lower.slice(title.end, h.start))
    )
      near = nearSaying(title, info, attributions, c);
    // "Близько 600 … загинули, - Сеул": a name after a dash that ends the sentence credits it.
    if (
      !c.korean &&
      /[,.!?»"”]?\s*[-–—]\s*$/u.test(info.lower.slice(Math.max(0, h.start - 4), h.start)) &&
      /^[\p{L}\p{M}]*\s*[.!?»"”]?\s*$/u.test(info.lower.slice(h.end))
    )
      near = 0;
    // "Vadym Skibitsky, stellvertretender Direktor des HUR, sagte …": a person opening the
    // sentence, an apposition and the verb: the subject speaks, the body is his title.
    const opener =
      !c.korean &&
      h.entry.kind === 'person' &&
      /^[\s"«„“—–-]*$/u.test(info.lower.slice(0, h.start)) &&
      /^[\p{L}\p{M}]*\s*,/u.test(info.lower.slice(h.end));
    if (opener) {
      const verb = attributions.find((a) => a.start > h.end);
      if (verb && !/\d/u.test(info.lower.slice(h.end, verb.start))) {
        near = Math.min(near, 30);
        score += 1;
      }
    }
    // "… wurden nach ukrainischen Angaben getötet", "… погибли, по данным ГУР": a source
    // after its own preposition, wherever it stands, is credited as a word of saying is.
    let prepared = false;
    if (near === Number.POSITIVE_INFINITY && !c.korean) {
      if (SOURCE_NOUN_IN_NAME.test(info.lower.slice(h.start, h.end))) prepared = true;
      for (const p of preps)
        if (
          p.end <= h.start + 1 &&
          h.start - p.end <= 30 &&
          !/[,.;:!?]/u.test(info.lower.slice(p.end, h.start))
        )
          prepared = true;
      if (prepared) near = 0;
    }
    // "unter Berufung auf das militärische Medienportal X": a described source after a
    // citing phrase, with no stop between.
    for (const a of citing)
      if (
        h.start >= a.end &&
        h.start - a.end <= 70 &&
        !/[,.;:!?]/u.test(info.lower.slice(a.end, h.start))
      )
        near = Math.min(near, 30);
    if (c.korean) {
      const weighed = koreanWeighing(
        h,
        k,
        list,
        info,
        attributions,
        reportEnd,
        reporter,
        score,
        near,
      );
      if (!weighed) continue;
      score = weighed.score;
      near = weighed.near;
    }
    if (
      !c.korean &&
      !prepared &&
      near !== Number.POSITIVE_INFINITY &&
      actsUnsaid(
        h,
        info,
        attributions,
        c,
        h.entry.country === 'KP' ? 60 : 30,
        // "Laut Angaben des Pentagon soll … Kim Jong-un … geschickt haben": a source cited
        // before the name, in its clause, is who tells.
        preps.some(
          (p) =>
            p.end <= h.start &&
            !/[,.;:!?]/u.test(info.lower.slice(p.end, h.start)) &&
            list.some((o) => o !== h && o.start >= p.end && o.end <= h.start),
        ),
      )
    )
      continue;
    // "…, передає X з посиланням на Y", "unter Berufung auf eine Mitteilung des Y": the
    // source an outlet cites.
    if (c.citingRe) {
      const lead = info.lower.slice(Math.max(0, h.start - 80), h.start);
      const cite = allHits(c.citingRe, lead).pop();
      // An outlet cited by an outlet still beats the one that cites it, but not a person or
      // body the sentence says spoke ("заявив міністр …, повідомляє X з посиланням на Sky News").
      if (cite && !/[,.;:!?]/u.test(lead.slice(cite.end)))
        score += h.entry.kind === 'media' ? 0.5 : 3;
    }
    // The name nearest its verb speaks ("Начальник ГУР Міністерства оборони … Буданов заявив").
    if (near !== Number.POSITIVE_INFINITY)
      score += 2 + (c.korean ? 1 - near / 60 : 0.5 * Math.max(0, 1 - near / 90));
    // Outside Korean (where the subject is the source), a name with no word of attribution
    // near it is an actor ("von Machthaber Kim Jong Un entsandt"), not a source; so is the
    // subject of a sentence that opens by going on from the one before ("Demnach hat Kim …",
    // "Кроме того, Ким …"), whose source is that sentence's; and so is North Korea's side
    // opening a sentence with no word of saying ("Kim Jong Un schickt 3000 Soldaten"): it
    // sends, it does not tell.
    else if (
      !c.korean &&
      (h.start > 40 ||
        attributions.length > 0 ||
        has(c.continuationRe, info.lower, info.starts) ||
        h.entry.country === 'KP' ||
        // "Кремль … планує залучити 12 тисяч": Russia's side doing what is counted takes, it
        // does not tell.
        (h.entry.country === 'RU' && actsUnsaid(h, info, attributions, c, 60)) ||
        // "Putin benutze die Streitkräfte als Kanonenfutter": a person whose own verb follows
        // the name, in a sentence with no word of saying, does; he does not tell.
        (h.entry.kind === 'person' &&
          c.pack.language === 'de' &&
          attributions.length === 0 &&
          /^\s+\p{Ll}/u.test(info.sentence.text.slice(h.end, h.end + 3))))
    )
      continue;
    const neighbour = list[k + 1] ?? list[k - 1];
    if (
      neighbour &&
      h.entry.kind === 'person' &&
      neighbour.entry.kind !== 'person' &&
      (Math.min(Math.abs(neighbour.start - h.end), Math.abs(h.start - neighbour.end)) <= 16 ||
        // "начальник ГУР МО Украины генерал-лейтенант Кирилл Буданов", "заступник начальника
        // ГУР Міністерства оборони, генерал-майор Вадим Скібіцький": titles between, the last
        // set off by a comma.
        (neighbour.entry.kind === 'body' &&
          neighbour.end <= h.start &&
          h.start - neighbour.end <= 45 &&
          TITLES_BETWEEN.test(info.lower.slice(neighbour.end, h.start))))
    )
      score += 0.5;
    if (score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return best?.entry ?? null;
}

/** Up to three words describing an outlet ("південнокорейське інформаційне агентство"). */
const OUTLET_DESCRIPTION = /^\s*(?:[\p{L}\p{M}-]+\s+){0,3}$/u;

/** How far a name stands from the nearest word of saying it may be the subject of (before it,
 * or after it outside Korean), or infinity. */
function nearSaying(
  h: AliasHit,
  info: SentenceInfo,
  attributions: readonly Hit[],
  c: Compiled,
): number {
  let near = Number.POSITIVE_INFINITY;
  for (const a of attributions) {
    if (a.start >= h.end && a.start - h.end <= 60) near = Math.min(near, a.start - h.end);
    else if (
      !c.korean &&
      h.start >= a.end &&
      withinReachAfter(h, a, info) &&
      // "Seoul hat erklärt, dass Kim Jong Un … geschickt habe": a name past the
      // complementiser is in what was said, not who said it.
      !c.complementisers.some((w) => info.lower.slice(a.end, h.start).includes(w))
    )
      near = Math.min(near, h.start - a.end);
  }
  return near;
}

/**
 * Whether a name after a word of saying is near enough to be its subject: 90 characters for a
 * person, 30 for others, past a date right after the verb ("повідомили у п'ятницю, 14
 * листопада, у пресслужбі ГУР"); an outlet's description may be long with no stop before its
 * name ("повідомляє південнокорейське інформаційне агентство Yonhap", up to 60), and a body may
 * end a chain of nouns ("berichteten Soldaten des Marinezentrums für Spezialeinsatzkräfte der
 * Ukraine", up to 50). The longer readings are tried only past the plain reach.
 */
function withinReachAfter(h: AliasHit, a: Hit, info: SentenceInfo): boolean {
  const gap = h.start - a.end;
  const reach = h.entry.kind === 'person' ? 90 : 30;
  if (gap <= reach || gap - datedBy(info.lower, a.end) <= reach) return true;
  if (h.entry.kind === 'media')
    return gap <= 60 && OUTLET_DESCRIPTION.test(info.lower.slice(a.end, h.start));
  return (
    h.entry.kind === 'body' &&
    gap <= 50 &&
    NOUN_CHAIN.test(info.sentence.text.slice(a.end, h.start))
  );
}

/** A date right after a verb of saying: "у п'ятницю, 14 листопада,", "am Freitag, 14. November". */
const DATE_AFTER_VERB =
  /^\s*(?:(?:у|в|во|am)\s+[\p{L}'’]+,?\s+)?\d{1,2}\.?\s+[\p{L}]+(?:\s+\d{4}(?:\s+(?:року|года|г\.))?)?,?/u;

/** How many characters of a date stand right after position `at` (0 when none). */
function datedBy(lower: string, at: number): number {
  return DATE_AFTER_VERB.exec(lower.slice(at, at + 48))?.[0].length ?? 0;
}

/** German nouns (and ordinals) and the articles and prepositions that chain them ("Soldaten des
 * 73. Zentrums für"). */
const NOUN_CHAIN = /^\s*(?:(?:\p{Lu}[\p{L}-]*|\d+\.|des|der|dem|den|für)\s+){1,6}$/u;

/** What may stand between a body and the person it titles: words, and at most one comma with
 * two words (a rank) after it. */
const TITLES_BETWEEN = /^[^,.;:!?()«»"“”]*(?:,\s*(?:[\p{L}\p{M}-]+\s+){0,2})?$/u;

/** A verb of growth or decline, then the preposition of its amount or starting point. */
const CHANGE_BEFORE =
  /(?:сократи|вырос|увеличи|уменьши|снизи|возрос|скороти|зріс|зросл|збільши|зменши|знизи|gestiegen|gesunken|gewachsen|geschrumpft|erhöht|verringert)[\p{L}]*\s+(?:на|с|со|з|із|um|von)\s*$/u;

/** A German participle of growth or decline closing the clause of "um N". */
const CHANGE_AFTER_DE =
  /^[^,.;:]{0,40}?\b(?:gestiegen|gesunken|gewachsen|geschrumpft|erhöht|verringert|zurückgegangen)\b/u;

/** Anaphors that mean a report ("Bericht", "доклад", "звіт"). */
const REPORT_STEM = /^(?:bericht|доклад|отчет|отчёт|звіт|доповід)/u;

/** A name that is itself a source phrase: "ukrainischen Angaben", "южнокорейским данным". */
const SOURCE_NOUN_IN_NAME = /angaben|schätzung|erkenntnis|данны|дани|оценк|оцінк/u;

/**
 * What follows a Korean name, up to its particle: a spelling in parentheses right after it
 * ("쇼이구(Sergei Shoigu)는") is the name's own and is skipped.
 */
function koreanRest(lower: string, h: AliasHit): string {
  return lower
    .slice(h.end, h.end + 48)
    .replace(/^\s?\([^()]{1,32}\)/u, '')
    .slice(0, 14);
}

/**
 * A Korean line whose source declines to give numbers ("규모는 밝히지 않았다", did not say
 * how many): it lends its source to no figure beside it.
 */
const declines = (info: SentenceInfo): boolean =>
  /(?:밝히|언급하|확인하|공개하|답하)지\s*않/u.test(info.lower);

/**
 * A word that refers back to a named source ("der Bericht", "the agency"), unless it is part
 * of a phrase that leaves the source unnamed ("Wie berichtet", "Berichten zufolge").
 */
function refersBack(info: SentenceInfo, c: Compiled, within = Number.POSITIVE_INFINITY): boolean {
  const anaphors = hitsIn(info, c.anaphorRe).filter((a) => a.start < within);
  if (anaphors.length === 0) return false;
  const unnamed = hitsIn(info, c.unnamedRe);
  return anaphors.some((a) => !unnamed.some((u) => a.start >= u.start && a.start < u.end));
}

/**
 * A source the sentence leaves unnamed: a phrase of the pack's `unnamed` list, or a source
 * preposition whose object is a described source the reader does not know ("laut jüngsten
 * Berichten", "за даними західних джерел": two words or more, or a nationality). Such a
 * sentence credits somebody, but not a neighbour's source; a bare noun there ("за даними
 * військових", "the military") refers back to the source named before, as "the agency" does.
 */
function unnamedSource(info: SentenceInfo, c: Compiled): boolean {
  if (hitsIn(info, c.unnamedRe).length > 0) return true;
  const preps = hitsIn(info, c.sourcePrepRe);
  if (preps.length === 0) return false;
  const nationalities = c.pack.nationalities ?? [];
  return preps.every((p) => {
    const clause = /^[^,.;:!?()«»"“”–—]{0,60}/u.exec(info.lower.slice(p.end))![0];
    if (info.claimants.some((h) => h.start >= p.end && h.start < p.end + clause.length))
      return false;
    const words = splitLetters(clause).filter(Boolean);
    return (
      words.length >= 2 ||
      (words.length === 1 && nationalities.some((n) => words[0]!.startsWith(n.stem)))
    );
  });
}

/**
 * "… около 13 тысяч военнослужащих, и, по оценкам разведки, около 2 тысяч из них …", "…, де,
 * за даними …": a source preposition that opens a later clause of the sentence (after its
 * "and" or a relative word of place) credits the numbers after it, not those before. Returns
 * where that clause begins when one follows the number at `at`, else -1.
 */
function laterClauseSource(info: SentenceInfo, at: number, c: Compiled): number {
  if (!c.clauseOpenRe) return -1;
  for (const p of hitsIn(info, c.sourcePrepRe)) {
    if (p.start <= at) continue;
    const lead = info.lower.slice(at, p.start);
    const open = c.clauseOpenRe.exec(lead);
    if (open) return at + open.index;
  }
  return -1;
}

/** A Korean word of saying that closes a clause the sentence goes on after: "밝혔는데,". */
const KO_SAID_JOIN =
  /(?:밝혔|말했|주장했|전했|설명했|추정했|추산했|보고했|발표했|언급했|분석했)(?:는데|으며|고)\s?,?\s/u;

/**
 * Korean "국정원은 …라고 밝혔는데, 정보총국은 …라고 주장했다": where the first of two clauses,
 * each with its own source and word of saying, ends, and the second clause's source. The
 * numbers of each clause are credited to its own source, where the sentence as a whole would
 * give all of them the first.
 */
function koreanSaidClause(
  info: SentenceInfo,
  c: Compiled,
): { at: number; source: ClaimantEntry } | null {
  if (info.claimants.length < 2) return null;
  const join = KO_SAID_JOIN.exec(info.lower);
  if (!join) return null;
  const at = join.index + join[0].length;
  if (!info.claimants.some((h) => h.end <= join.index)) return null;
  const tail = infoFor(
    { ...info.sentence, text: info.sentence.text.slice(at), start: info.sentence.start + at },
    c,
  );
  if (!hitsIn(tail, c.attributionRe).length) return null;
  const source = sourceIn(tail, c);
  return source ? { at, source } : null;
}

/** A Korean line that recalls the first deployment or last year's events. */
const KO_RECALL = /(?:지난해|작년)\s?\d{1,2}월|1차 파병|1차로 파병/u;

/** A German ministry's noun with no kind of its own ("das Ministerium"): read for German only. */
const BARE_MINISTRY_WORD = /(?:^|\s)ministerium(?=[\s.,;:!?]|$)/u;
/** The table's names of ministries. */
const MINISTRY_NAME = /Ministry|Pentagon|State Department|Foreign Office/u;

const isIntelligence = (e: ClaimantEntry): boolean =>
  /intelligence/i.test(e.name) || /intelligence/i.test(relayOf(e)?.name ?? '');

/**
 * Who gives the figures of each sentence (FIGURES.md, Hard cases): the sentence's own source;
 * else the source a sentence of attribution refers back to ("Про це повідомив …", "Das teilte
 * … mit"); else, after "Кроме того" / "Darüber hinaus", the source before; else a source in
 * the same paragraph (the whole paragraph when it is a quotation). A sentence that credits
 * somebody it does not name ("the diplomat said", "the agency added") takes the source named
 * last before it, an intelligence body when the words name one. An outlet or a country gives
 * way to a more precise source of the paragraph, and a lawmaker relaying a briefing to the
 * body that briefed.
 */
/** Whether a person's pronoun stands right beside a verb of saying ("sagte er", "он заявил"). */
function pronounSpeaks(info: SentenceInfo, c: Compiled): boolean {
  const re = c.personPronounRe;
  if (!re) return false;
  return hitsIn(info, c.attributionRe).some(
    (a) => allHits(re, info.lower.slice(Math.max(0, a.start - 6), a.end + 6)).length > 0,
  );
}

/**
 * The speaker of sentence `s` when its paragraph is in the first person with no source: the
 * person introduced at the start of the next paragraph, or the one a colon at the end of the
 * paragraph before opens; undefined when the paragraph is not in the first person. Its own
 * function: the attributor's closure stays small enough for the optimising compiler to compile
 * cheaply.
 */
function firstPersonSpeaker(
  s: number,
  infos: readonly SentenceInfo[],
  ownAt: (b: number) => ClaimantEntry | null,
  firstPersonParas: Map<number, boolean>,
  firstPersonRe: RegExp,
): ClaimantEntry | null | undefined {
  const para = infos[s]!.sentence.paragraph;
  // "Наші воїни взяли в полон … \n Президент … пише, що …": a paragraph in the first
  // person with no source is the words of the person named beside it.
  let voiced = firstPersonParas.get(para);
  if (voiced === undefined) {
    voiced = infos.some((i) => i.sentence.paragraph === para && firstPersonRe.test(i.lower));
    firstPersonParas.set(para, voiced);
  }
  if (!voiced) return undefined;
  // The speaker introduced at the start of the next paragraph ("Президент … пише"), or
  // the one whose words a colon opens at the end of the paragraph before.
  const next = infos.findIndex((i) => i.sentence.paragraph === para + 1);
  let prev = -1;
  for (let k = s - 1; k >= 0; k--)
    if (infos[k]!.sentence.paragraph === para - 1) {
      prev = k;
      break;
    }
  const speaker = (n: number, opens: boolean): ClaimantEntry | null => {
    const named = n >= 0 ? ownAt(n) : null;
    if (named?.kind !== 'person') return null;
    const at = infos[n]!.claimants.find((h) => h.entry === named);
    return opens ? ((at?.start ?? 999) < 80 ? named : null) : named;
  };
  let entry = speaker(next, true);
  if (!entry && prev >= 0 && /:\s*$/u.test(infos[prev]!.sentence.text))
    entry = speaker(prev, false);
  return entry;
}

/** Ukraine's forces a story may call "우크라이나군" once it has named them. */
const UKRAINIAN_FORCES: ReadonlySet<string> = new Set([
  'Ukraine Special Operations Forces',
  'Ukraine Main Intelligence Directorate',
  'Ukraine Security Service',
]);

/**
 * The named source that stands for a country or an outlet credited with sentence `s`: that
 * country's source the story goes on to quote after a headline, its body in the next
 * sentences, the paragraph's named voice beside. Its own function: the attributor's closure
 * stays small enough for the optimising compiler to compile cheaply.
 */
function preciseSource(
  credited: ClaimantEntry,
  s: number,
  infos: readonly SentenceInfo[],
  ownAt: (b: number) => ClaimantEntry | null,
  says: (b: number) => boolean,
  outletNamed = false,
): ClaimantEntry {
  const info = infos[s]!;
  const para = info.sentence.paragraph;
  let entry = credited;
  if (entry.kind === 'country' && info.sentence.start === 0) {
    // A headline's country ("Південна Корея заявила …") is the named source of that
    // country the story goes on to quote.
    for (let n = 1; n < infos.length; n++) {
      const named = ownAt(n);
      if (named && named.kind !== 'country' && named.country === entry.country) {
        entry = named;
        break;
      }
    }
  }
  if (entry.kind === 'country') {
    // "laut südkoreanischen Angaben … Der Geheimdienst NIS berichtete": the named source of
    // that country in the next sentences.
    for (const n of [s + 1, s + 2]) {
      const named = ownAt(n);
      if (named?.kind === 'body' && named.country === entry.country) {
        entry = named;
        break;
      }
    }
  }
  // "За даними видання, …": an outlet the sentence itself credits, by its noun for it, gives
  // the figure as its own; the sources it quotes beside are for their own sentences.
  if (outletNamed) return entry;
  if (entry.kind === 'country' || entry.kind === 'media') {
    // "nach russischen Angaben … Das kündigte Sergej Schoigu an": the named source of
    // that country in the paragraph is more precise than the country; a source an outlet
    // relays ("laut westlichen Einschätzungen … schreibt die BBC") is the claimant.
    for (const n of [s - 1, s + 1]) {
      const other = infos[n];
      if (!other || other.sentence.paragraph !== para) continue;
      const named = ownAt(n);
      // "Entsprechend holt sich der Kreml Hilfe … Wie die „Kyiv Post“ berichtet, …": a name
      // the next sentence acts through, with no word of saying, relays nothing to the outlet.
      if (
        named &&
        named.kind !== 'country' &&
        named.kind !== 'media' &&
        (entry.kind === 'media' || named.country === entry.country) &&
        (entry.kind !== 'media' || says(n))
      ) {
        entry = named;
        break;
      }
    }
  }
  return entry;
}

function attributor(infos: SentenceInfo[], c: Compiled): (s: number) => ClaimantEntry | null {
  const own = new Map<number, ClaimantEntry | null>();
  const ownAt = (b: number): ClaimantEntry | null => {
    const info = infos[b];
    if (!info) return null;
    // "… 인사하고 있다. 2025.5.9 ⓒ 로이터=뉴스1": a photo's caption credits its picture, no figure.
    if (!own.has(b)) own.set(b, c.korean && captionLine(b) ? null : sourceIn(info, c));
    return own.get(b)!;
  };
  /** Whether sentence `b` is a photo's caption: it carries the credit (ⓒ), or the sentence
   * after it on its line is only the photo's date and credit ("2025.5.9 ⓒ 로이터=뉴스1"). */
  const captionLine = (b: number): boolean => {
    if (infos[b]!.lower.includes('ⓒ')) return true;
    const next = infos[b + 1];
    return next !== undefined && !next.sentence.lineStart && /^[\s\d./-]*ⓒ/u.test(next.lower);
  };
  const says = (b: number) => hitsIn(infos[b]!, c.attributionRe).length > 0;
  const mentionsBody = (name: string) =>
    infos.some((i) => i.claimants.some((h) => h.entry.name === name));
  let intelCache: boolean | undefined;
  const intelWords = () => {
    intelCache ??= infos.some((i) => has(c.intelAnaphorRe, i.lower, i.starts));
    return intelCache;
  };
  const resolved = new Map<number, ClaimantEntry | null>();
  const resolvedAt = (b: number): ClaimantEntry | null => {
    const info = infos[b];
    if (!info) return null;
    const known = resolved.get(b);
    if (known !== undefined) return known;
    let e = ownAt(b);
    // "Yonhap berichtete unter Berufung auf die Spionagebehörde des Landes", "Yonhap, ссылаясь
    // на разведданные, сообщает": an outlet that cites its country's intelligence, unnamed,
    // relays that country's intelligence body.
    if (e?.kind === 'media' && e.country !== null) {
      const cites = hitsIn(info, c.citingRe);
      const intel = hitsIn(info, c.intelAnaphorRe);
      if (
        cites.some((a) =>
          intel.some(
            (h) =>
              h.start >= a.end &&
              h.start - a.end <= 16 &&
              !info.claimants.some((x) => x.start >= a.end && x.end <= h.start),
          ),
        )
      )
        e = ministryOf(e.country, 'intelligence') ?? e;
    }
    if (!e) {
      const intel = has(c.intelAnaphorRe, info.lower, info.starts);
      const refers =
        intel ||
        refersBack(info, c) ||
        (hitsIn(info, c.attributionRe).length > 0 && !unnamedSource(info, c));
      // "…, sagte er weiter": the pronoun beside the verb is the person named last before.
      if (refers && !intel && pronounSpeaks(info, c))
        for (let k = b - 1; k >= Math.max(0, b - 8) && !e; k--) {
          const x = ownAt(k);
          e =
            x?.kind === 'person'
              ? x
              : (infos[k]!.claimants.findLast((h) => h.entry.kind === 'person')?.entry ?? null);
        }
      // "…, объяснил депутат": a person's title refers to the person who last spoke, past any
      // outlet between, else to the person named last.
      if (refers && !intel && has(c.personAnaphorRe, info.lower, info.starts)) {
        // A link to another story ("Читайте также: Путин …") names nobody of this one.
        const other = (k: number) => c.crossLinkRe?.test(infos[k]!.lower) === true;
        for (let k = b - 1; k >= Math.max(0, b - 8) && !e; k--) {
          const x = other(k) ? null : ownAt(k);
          if (x?.kind === 'person') e = x;
        }
        for (let k = b - 1; k >= Math.max(0, b - 8) && !e; k--)
          if (!other(k))
            e = infos[k]!.claimants.findLast((h) => h.entry.kind === 'person')?.entry ?? null;
      }
      // "За даними видання, …": the outlet named last, past any person or body it quoted; an
      // outlet the story names in no way we know is nobody we can name.
      const outlet = refers && !intel && has(c.mediaAnaphorRe, info.lower, info.starts);
      if (outlet)
        for (let k = b - 1; k >= Math.max(0, b - 8) && !e; k--)
          e = infos[k]!.claimants.findLast((h) => h.entry.kind === 'media')?.entry ?? null;
      // "Die Agentur schätzte …": an institution's noun refers to the body named last, even one
      // a sentence names without making it the speaker.
      if (refers && !intel && has(c.bodyAnaphorRe, info.lower, info.starts)) {
        // "Die Berechnung beruht auf Berichten": a report is its author's, not that of the
        // outlet that relayed it ("… geschrieben, meldete der Sender X").
        const report = hitsIn(info, c.bodyAnaphorRe).some((h) =>
          REPORT_STEM.test(info.lower.slice(h.start, h.end)),
        );
        for (let k = b - 1; k >= Math.max(0, b - 2) && !e; k--) {
          const named = infos[k]!.claimants;
          e =
            (report ? named.findLast((h) => h.entry.kind === 'body')?.entry : undefined) ??
            named.findLast((h) => h.entry.kind === 'body' || h.entry.kind === 'media')?.entry ??
            null;
        }
      }
      if (refers && !outlet) {
        for (let k = b - 1; k >= Math.max(0, b - 8) && !e; k--) {
          const x = ownAt(k);
          if (x && (!intel || isIntelligence(x))) e = x;
        }
        for (let k = b + 1; intel && !e && k < infos.length; k++) {
          const x = ownAt(k);
          if (x && isIntelligence(x)) e = x;
        }
        // "Südkorea … Sein Geheimdienst hat erklärt": with no intelligence body named, the
        // intelligence of the country named last, shortly before.
        for (let k = b; intel && !e && k >= Math.max(0, b - 3); k--) {
          const country = infos[k]!.claimants.findLast((h) => h.entry.kind === 'country');
          if (country) e = ministryOf(country.entry.country, 'intelligence') ?? null;
        }
      }
    }
    // "Südkorea hat … bestätigt. Das Verteidigungsministerium schätzte …": a ministry left bare
    // is the ministry of the country it refers back to.
    // "teilte Seouls Geheimdienst mit", "Sein Geheimdienst hat erklärt": so is its intelligence.
    if (e?.kind === 'country') {
      const which = has(c.defenceMinistryRe, info.lower, info.starts)
        ? 'defence'
        : has(c.foreignMinistryRe, info.lower, info.starts)
          ? 'foreign'
          : has(c.intelAnaphorRe, info.lower, info.starts)
            ? 'intelligence'
            : null;
      e = (which && ministryOf(e.country, which)) || e;
      // "…, so das südkoreanische Ministerium": a ministry named only by its country is that
      // country's ministry the story named last.
      if (
        e.kind === 'country' &&
        !which &&
        c.pack.language === 'de' &&
        BARE_MINISTRY_WORD.test(info.lower)
      ) {
        const country = e.country;
        for (let k = b - 1; k >= 0 && e.kind === 'country'; k--) {
          const named = infos[k]!.claimants.findLast(
            (h) =>
              h.entry.country === country &&
              h.entry.kind === 'body' &&
              MINISTRY_NAME.test(h.entry.name),
          );
          if (named) e = named.entry;
        }
      }
    }
    resolved.set(b, e);
    return e;
  };
  // Korean news writes one sentence a line and names its source as the subject: the own
  // sentence, the block's neighbours, else the source named shortly before.
  const koreanClaimant = (s: number): ClaimantEntry | null => {
    const info = infos[s]!;
    const para = info.sentence.paragraph;
    // "김정은은 … 5000명을 파견하라고 지시했다": who orders the sending, in a line that credits
    // no one, does what is counted; the story states it as known.
    if (KO_ORDER.test(info.lower) && !says(s)) return null;
    // "…최소 100명에 달한다는 한국 국가정보원의 보고와 관련해 라이더 대변인은 …": the clause
    // is the content of the named source's report, whoever comments on it.
    const reported = info.claimants.find(
      (h) =>
        KO_CLAIM_OF_BEFORE.test(info.lower.slice(Math.max(0, h.start - 24), h.start)) &&
        KO_CLAIM_OF_AFTER.test(info.lower.slice(h.end, h.end + 8)),
    );
    if (reported) return reported.entry;
    const foreign = KO_FOREIGN_OUTLET_CITES_INTEL.exec(info.lower);
    const foreignIntel = foreign
      ? ministryOf(BY_NAME.get(KO_COUNTRIES[foreign[1]!]!)?.country ?? null, 'intelligence')
      : undefined;
    if (foreignIntel) return foreignIntel;
    let entry = ownAt(s);
    // "한편 러시아는 … 작전을 진행 중인 가운데 … 배치된 것으로 파악됐다": a country that acts in a
    // line with no word of saying says nothing.
    if (entry?.kind === 'country' && !says(s) && !KO_CITES.test(info.lower)) entry = null;
    // "김정은은 1천 명 규모의 공병부대를 러시아로 파견한 것으로 전해졌다": the North's leader who
    // sends, in a line that is only "said to" be so, is what is told, not who tells it.
    if (entry?.country === 'KP' && has(c.unnamedRe, info.lower, info.starts)) return null;
    // "김 위원장이 … 공병 1000명을 보내고 … 파견하기로 했다는 것이다": the North's leader who
    // sends, in a line with no word of saying, does what is counted; he does not tell it.
    if (entry?.kind === 'person' && entry.country === 'KP' && !says(s)) entry = null;
    // "우크라이나 제8 특수작전연대가 … 사살했다며 영상을 공개했다고 RFA가 보도했다": the
    // subject whose own claim ("…다며") the outlet reports is the source.
    if (entry?.kind === 'media') {
      const outlet = info.claimants.find((h) => h.entry === entry);
      const claimer =
        outlet &&
        info.claimants.find(
          (h) =>
            h.entry.kind !== 'media' &&
            h.entry.kind !== 'country' &&
            h.end <= outlet.start &&
            KO_MARKED.test(koreanRest(info.lower, h)) &&
            /(?:다|라)며\s/u.test(info.lower.slice(h.end, outlet.start)),
        );
      if (claimer) entry = claimer.entry;
    }
    // The country that says it beats an outlet (a dateline's "(파리=연합뉴스)") that relays it.
    if (!entry || entry.kind === 'media') entry = koreanCountrySays(info.lower) ?? entry;
    // "… 사상자가 발생한 것으로 알려졌다. / 국정원은 … 이런 내용을 보고했다": the next line
    // reports "this content", whatever paragraph it opens, and names who said it, unless the
    // line goes on from one before it that names its source.
    // ("사상자가 4700명에 달하고 … 나타났다. 또한 … 1만5000명에 달하는 것으로 전해졌다. / 국정원은
    // … 이런 내용을 보고했다": "this content" is the whole paragraph before, every line of it
    // that names no source.)
    if (!entry && !(infos[s - 1]?.sentence.paragraph === para && ownAt(s - 1)))
      for (let n = s + 1; n < Math.min(infos.length, s + 4); n++) {
        if (KO_THIS_CONTENT.test(infos[n]!.lower)) {
          entry = ownAt(n);
          break;
        }
        if (infos[n]!.sentence.paragraph !== para || ownAt(n)) break;
      }
    // "…것으로 전해졌다" (is said to): a source the line leaves unnamed is nobody's, unless
    // the line is a part "of these" ("이 중 전사자는 … 전해졌다"), which goes on with the line
    // before and its source.
    if (!entry && has(c.unnamedRe, info.lower, info.starts)) {
      if (!KO_OF_THESE.test(info.lower) || s === 0) return null;
      const e = infos[s - 1]!.sentence.paragraph === para ? claimantFor(s - 1) : null;
      memo.set(s, e);
      return e;
    }
    // "군 관계자는 … 말했다. … 이 관계자는 이어 …": this official is the one named last by
    // the same noun, however many lines back in the story.
    const official = entry ? null : KO_THIS_OFFICIAL.exec(info.lower);
    if (official)
      for (let b = s - 1; b >= Math.max(0, s - 8) && !entry; b--) {
        const o = infos[b]!;
        entry =
          o.claimants.find((h) => o.lower.slice(h.start, h.end).endsWith(official[1]!))?.entry ??
          null;
      }
    // "그는 … 밝혔다" (he said): the pronoun is the person named last before, not a body.
    if (!entry && KO_PRONOUN.test(info.lower))
      for (let b = s - 1; b >= Math.max(0, s - 3) && !entry; b--) {
        const own = ownAt(b);
        entry =
          own?.kind === 'person'
            ? own
            : (infos[b]!.claimants.find((h) => h.entry.kind === 'person')?.entry ?? null);
      }
    // "MSMT는 … 적었다. … 봤다. … 판단했다.": a line that goes on saying what the one before
    // it said, with no subject of its own, has that line's source, however far back it was named.
    // ("또 … 예상했습니다" after a paragraph break: "also" goes on from the line before it.)
    if (
      !entry &&
      s > 0 &&
      (infos[s - 1]!.sentence.paragraph === para || KO_ALSO.test(info.lower)) &&
      KO_GOES_ON.test(info.lower)
    )
      entry = claimantFor(s - 1);
    // "북한은 지난해 11월 약 1만1천명 규모의 병력을 러시아에 파병했으며": what the story recalls
    // of the first deployment, with no source of its own, takes no neighbour's source.
    if (!entry && KO_RECALL.test(info.lower) && !says(s)) return null;
    // "[볼로디미르 젤렌스키 / 우크라이나 대통령 (현지시각 그제)]" over a quoted line: a
    // broadcast's caption names who speaks in the quotation under it, all its sentences.
    if (!entry) {
      let b = s;
      while (b > 0 && !infos[b]!.sentence.lineStart) b--;
      const label = infos[b - 1];
      if (
        label?.sentence.lineStart &&
        /^\s*["“]/u.test(infos[b]!.sentence.text) &&
        KO_SPEAKER_CAPTION.test(label.sentence.text)
      )
        entry = label.claimants[0]?.entry ?? null;
    }
    for (const n of [s - 1, s + 1])
      if (!entry && infos[n]?.sentence.paragraph === para && !declines(infos[n]!)) entry = ownAt(n);
    // "한편 …" (meanwhile) turns to a new topic: the lines before it do not speak for it.
    // "… 공급한 것으로 나타났다. … 이는 MSMT가 발표한 보고서의 결과다": a later line of the
    // paragraph that opens on "이는" (this is) and names a source sources the lines before it.
    for (let n = s + 2; !entry && n <= s + 3; n++) {
      const next = infos[n];
      if (next?.sentence.paragraph !== para) break;
      if (KO_THIS_IS.test(next.lower) && KO_FINDING_END.test(next.lower)) entry = ownAt(n);
    }
    if (!entry && says(s))
      for (let b = s - 1; b >= Math.max(0, s - 3) && !entry; b--) {
        if (KO_NEW_TOPIC.test(infos[b + 1]!.lower)) break;
        entry = ownAt(b);
      }
    // "최근 국가정보원에 따르면, … . 예를 들어, 북한군 중 최소 100명이 사망하고 …": a line that
    // opens on its source ("X에 따르면") speaks for its later sentences, up to one with its own.
    if (!entry && !info.sentence.lineStart) {
      let b = s - 1;
      while (b > 0 && !infos[b]!.sentence.lineStart && !ownAt(b)) b--;
      let between = false;
      for (let k = b + 1; k <= s; k++) if (KO_NEW_TOPIC.test(infos[k]!.lower)) between = true;
      if (!between && infos[b]!.sentence.lineStart && KO_OPENS_CITING.test(infos[b]!.lower))
        entry = ownAt(b);
    }
    // "우크라이나 정부에 따르면" (according to the government): a country the line cites as its
    // source stays the source; a country that merely speaks gives way to its named voice beside.
    const cited = (e: ClaimantEntry) =>
      info.claimants.some(
        (h) => h.entry === e && /^\s?에\s?(?:따르면|의하면)/u.test(info.lower.slice(h.end)),
      );
    if (entry?.kind === 'country' && !cited(entry)) {
      for (const n of [s - 1, s + 1]) {
        if (infos[n]?.sentence.paragraph !== para) continue;
        const named = ownAt(n);
        if (named && named.kind !== 'country' && named.country === entry.country) {
          entry = named;
          break;
        }
      }
    }
    const body = entry ? relayOf(entry) : undefined;
    if (body && mentionsBody(body.name)) entry = body;
    return entry;
  };
  const memo = new Map<number, ClaimantEntry | null>();
  const firstPersonParas = new Map<number, boolean>();
  const quoted = (p: number) => {
    const first = infos.find((i) => i.sentence.paragraph >= p);
    return first?.sentence.paragraph === p && /^\s*["«„“]/u.test(first.sentence.text);
  };
  // "Про це повідомляє 24 Канал із посиланням на … Буданова" near the top: the story's source.
  let story: { at: number; entry: ClaimantEntry } | null | undefined;
  const storyLine = () => {
    if (story !== undefined) return story;
    story = null;
    if (!c.backRefRe) return story;
    for (let n = 0; n < Math.min(infos.length, 5); n++) {
      if (!c.backRefRe.test(infos[n]!.lower)) continue;
      const e = resolvedAt(n);
      if (e) story = { at: n, entry: e };
      break;
    }
    return story;
  };
  const claimantFor = (s: number): ClaimantEntry | null => {
    const known = memo.get(s);
    if (known !== undefined) return known;
    memo.set(s, null);
    const info = infos[s]!;
    const para = info.sentence.paragraph;
    if (c.korean) {
      let e = koreanClaimant(s);
      // "특수작전군이 … 공개한 영상이다. 영상을 올린 우크라이나군은 … 50명이 숨졌고": the army
      // left bare, after a Ukrainian military body named just before, is that body.
      if (e?.name === 'Ukraine General Staff' && KO_BARE_UKRAINIAN_ARMY.test(info.lower))
        for (let b = s - 1; b >= Math.max(0, s - 2) && infos[b]!.sentence.paragraph === para; b--) {
          const unit = infos[b]!.claimants.find(
            (h) => h.entry.country === 'UA' && h.entry.kind === 'body' && h.entry.name !== e!.name,
          );
          if (unit && UKRAINIAN_FORCES.has(unit.entry.name)) {
            e = unit.entry;
            break;
          }
        }
      memo.set(s, e);
      return e;
    }
    // "Wie berichtet, …", "Ранее сообщалось": the story recalls its own earlier reports, so
    // only a source the sentence names gives its figures.
    if (c.earlierRe?.test(info.lower)) {
      const e = ownAt(s);
      memo.set(s, e);
      return e;
    }
    let entry = resolvedAt(s);
    // "Ранее сообщалось о решении … . По результатам переговоров … принято решение отправить пять
    // тысяч …": the line that goes on with what was once reported has that report's source.
    if (
      !entry &&
      s > 0 &&
      infos[s - 1]!.sentence.paragraph === para &&
      c.earlierRe?.test(infos[s - 1]!.lower)
    ) {
      const e = ownAt(s - 1);
      memo.set(s, e);
      return e;
    }
    // "…, sagte Verteidigungsminister Shin. • Nordkorea hat etwa 6700 Container geliefert.": the
    // items of a list under a sentence that names its source say what that source said.
    if (
      !entry &&
      s > 0 &&
      LIST_ITEM.test(info.sentence.text) &&
      para - infos[s - 1]!.sentence.paragraph <= 1
    )
      entry = claimantFor(s - 1);
    if (entry?.kind === 'country' && c.backRefRe && infos[s + 1]) {
      // "За даними Південної Кореї, … 3000 військових. Таку інформацію повідомили законодавці
      // після брифінгу національного розвідувального агентства": the next sentence names the
      // country's own body that gave it.
      const next = infos[s + 1]!;
      const body = c.backRefRe.test(next.lower) ? resolvedAt(s + 1) : null;
      if (body && body.kind !== 'country' && body.country === entry.country) entry = body;
    }
    if (!entry && c.backRefRe) {
      // "… 4 тис. військових. Про це повідомив Президент …": up to three sentences on.
      for (let n = s + 1; n < Math.min(infos.length, s + 4); n++) {
        const next = infos[n]!;
        if (c.backRefRe.test(next.lower)) {
          entry = resolvedAt(n);
          // "Об этом сообщает РБК. Соответствующие данные изданию сообщили западные чиновники."
          const then = infos[n + 1];
          if (then && c.backRefRe.test(then.lower)) {
            const deeper = resolvedAt(n + 1);
            if (deeper && (!entry || entry.kind === 'media' || entry.kind === 'country'))
              entry = deeper;
          }
          break;
        }
        if (ownAt(n)) break;
      }
    }
    if (!entry && s > 0 && c.continuationRe?.test(info.lower)) {
      entry = claimantFor(s - 1);
      // "Der Geheimdienst hat … Offenbarung gemacht … ¶ Berichten zufolge … entsandt. ¶
      // Außerdem plant Pjöngjang, rund sechs Tausend …": a line that goes on goes back past
      // lines that name no source of their own, to the last that did, a few lines up.
      for (let b = s - 2; !entry && b >= Math.max(0, s - 3); b--) entry = ownAt(b);
    }
    // "… 300 загинули. Про це повідомляє Yonhap. Ще 2,7 тис. поранено, стверджує агентство з
    // посиланням на NIS": the outlet's next line names whom it cites, and that source gives
    // this figure too (FIGURES.md: the source over the outlet).
    if (entry?.kind === 'media' && c.citingRe) {
      for (let n = s + 1; n <= s + 2 && entry.kind === 'media'; n++) {
        const next = infos[n];
        if (!next || next.sentence.paragraph - para > 1) break;
        if (next.claimants.some((h) => h.entry.kind === 'media' && h.entry !== entry)) break;
        if (!has(c.citingRe, next.lower, next.starts)) continue;
        const cited = ownAt(n);
        if (cited && cited.kind !== 'media' && cited.kind !== 'country') entry = cited;
        break;
      }
    }
    if (!entry && !c.korean) {
      // "… 500 Soldaten getötet. Das meldete RBC Ukraine unter Berufung auf das Portal X.": a
      // sentence with no number that names the source an outlet cites sources the sentences
      // beside it, even across a line break.
      for (const n of [s + 1, s - 1]) {
        const o = infos[n];
        if (!o || /\d/.test(o.sentence.text) || !has(c.citingRe, o.lower, o.starts)) continue;
        entry = ownAt(n);
        if (entry) break;
      }
    }
    // "… 6.000 Armeeangehörige sollen … verlegt werden. ¶ Das kündigte Schoigu am Dienstag an.":
    // a paragraph that opens by saying who said "this" credits the paragraph before it.
    if (!entry && !c.korean) {
      let n = s + 1;
      while (n < infos.length && n - s <= 3 && infos[n]!.sentence.paragraph === para) n++;
      const o = infos[n];
      if (
        o &&
        n - s <= 3 &&
        o.sentence.paragraph !== para &&
        !/\d/.test(o.sentence.text) &&
        c.thisSaidRe?.test(o.lower) &&
        says(n)
      )
        entry = ownAt(n);
    }
    // "Schätzungen zufolge …": a source the story leaves unnamed is nobody's.
    const unnamed = !entry && unnamedSource(info, c) && !refersBack(info, c);
    if (!entry && !unnamed) {
      const isQuote = quoted(para);
      const reach = isQuote ? infos.length : 1;
      for (let d = 1; d <= reach && !entry; d++) {
        for (const n of [s - d, s + d]) {
          const other = infos[n];
          if (!other || other.sentence.paragraph !== para) continue;
          // "… 12.000 Soldaten … zur Verfügung gestellt. Der NIS kooperiert seitdem eng mit …":
          // a sentence after that names a body without a word of saying lends it nothing.
          // Nor does one whose anaphor is a companion further on ("… kooperiert eng mit dem
          // ukrainischen Geheimdienst"): only an anaphor that opens the sentence goes back.
          if (n > s && !says(n) && !refersBack(other, c, 30)) continue;
          entry = n < s && d === 1 ? claimantFor(n) : resolvedAt(n);
          if (entry) break;
        }
        if (d > 1 && !infos.some((i, k) => Math.abs(k - s) >= d && i.sentence.paragraph === para))
          break;
      }
      // A quotation with no speaker in its paragraph is the last speaker's.
      for (let b = s - 1; isQuote && !entry && b >= Math.max(0, s - 4); b--)
        if (infos[b]!.sentence.paragraph !== para) entry = resolvedAt(b);
    }
    if (!entry && !unnamed && c.firstPersonRe) {
      const voice = firstPersonSpeaker(s, infos, ownAt, firstPersonParas, c.firstPersonRe);
      if (voice !== undefined) entry = voice;
    }
    // A figure the story leaves without a source of its own, after a line near the top that
    // says whom the story comes from ("Про це повідомляє X із посиланням на Y"), is that source's.
    if (!entry && !unnamed) {
      const line = storyLine();
      if (line && s > line.at) entry = line.entry;
    }
    // A person the table does not know, named by a title (titledPeople), is credited only near
    // where the story names them (their paragraph, three sentences either way): further on,
    // with no name of theirs in view, the story's figures may well be nobody's.
    if (entry && TITLED.has(entry)) {
      const named = entry.name;
      const here = infos.some(
        (i, k) =>
          Math.abs(k - s) <= 3 &&
          i.sentence.paragraph === para &&
          i.claimants.some((h) => h.entry.name === named),
      );
      if (!here) entry = null;
    }
    if (entry)
      entry = preciseSource(
        entry,
        s,
        infos,
        ownAt,
        says,
        entry.kind === 'media' && !ownAt(s) && has(c.mediaAnaphorRe, info.lower, info.starts),
      );
    if (entry) {
      const body = relayOf(entry);
      if (body && (mentionsBody(body.name) || intelWords())) entry = body;
    }
    memo.set(s, entry);
    return entry;
  };
  return claimantFor;
}

/** What story tags need from a pack: whether North Korea and Russia are named, and which
 * military words (unit nouns and metric words, as written) appear. */
export interface PackMarkers {
  namesDprk: boolean;
  namesRussia: boolean;
  military: string[];
}

const tagCache = new WeakMap<LanguagePack, { russia: RegExp; military: RegExp }>();

/** The markers of {@link PackMarkers} in a text; never throws. */
export function packMarkers(text: string, pack: LanguagePack): PackMarkers {
  const c = compile(pack);
  let t = tagCache.get(pack);
  if (!t) {
    t = {
      russia: stemRe(pack.russia, c.korean)!,
      military: stemRe(
        [
          ...pack.units.filter((u) => !u.generic).map((u) => u.stem),
          ...pack.metrics.filter((m) => !m.weak).map((m) => m.stem),
        ],
        c.korean,
      )!,
    };
    tagCache.set(pack, t);
  }
  const lower = typeof text === 'string' ? text.toLowerCase() : '';
  return {
    namesDprk: allHits(c.dprkRe, lower).length > 0,
    namesRussia: allHits(t.russia, lower).length > 0,
    military: [...new Set(allHits(t.military, lower).map((h) => h.text))],
  };
}

// ---------------------------------------------------------------------------------------------
// The reader

/** A sentence's opening past a first clause that credits a source ("За його словами, йдеться
 * про …", "Laut Selenskyj handelt es sich um …"). */
function openingOf(info: SentenceInfo, c: Compiled): string {
  const comma = info.lower.indexOf(',');
  if (comma < 0 || comma > 60) return info.lower;
  const credit = hitsIn(info, c.attributionRe)[0];
  return credit && credit.end <= comma ? info.lower.slice(comma + 1) : info.lower;
}

/**
 * A metric word right after a bare number, past at most two words that only join them ("2.700
 * weitere wurden verwundet", "ще 2700 дістали поранення", "300 были убиты").
 */
function cueBehind(info: SentenceInfo, at: number, c: Compiled): Cue | null {
  for (const q of info.cues) {
    if (q.weak || q.start < at) continue;
    const between = info.lower.slice(at, q.start);
    if (/[^\p{L}\p{M}\s]/u.test(between)) return null;
    let words = between.split(/\s+/u).filter(Boolean);
    // "4.000 im Gefecht ausgefallen": a preposition and at most two words after it say where.
    const prep = words.findIndex((w) => c.gapPrepositions.has(w));
    if (prep >= 0 && words.length - prep >= 2 && words.length - prep <= 3)
      words = words.slice(0, prep);
    const joins =
      words.length <= 2 && words.every((w) => c.auxiliaries.has(w) || matchesStem(w, c.increments));
    // "3.000 seien vermisst oder verwundet": two metrics for one number, neither of them sure.
    if (q.unsure) return null;
    const next = info.cues[info.cues.indexOf(q) + 1];
    if (next && next.metric !== q.metric && c.cueJoinRe?.test(info.lower.slice(q.end, next.start)))
      return null;
    return joins ? q : null;
  }
  return null;
}

function metricFor(cue: CueMetric, materiel: boolean): Metric | null {
  if (materiel) return cue === 'moved' || cue === 'supplied' ? 'supplied' : null;
  if (cue === 'moved' || cue === 'supplied') return 'deployed';
  return cue;
}

function rank(f: Figure, entry: ClaimantEntry | null, korean = false): number {
  // A named person is the most precise source ("a senior intelligence officer … Vadym
  // Skibitsky said"), then a body, then a generic spelling that stands for a body
  // ("Ukrainian intelligence"), then an outlet that relays (FIGURES.md: the source over the
  // outlet), then a country. Korean stories credit the body in the lead ("미국 국방부는 …
  // 밝혔다") and let its spokesman repeat the number below: there the two rank alike, and the
  // lead's body, told first, stays.
  const tier = sourceTier(f, entry ? entry.kind : null);
  const claimant =
    tier < 4
      ? tier
      : entry?.kind === 'person'
        ? korean
          ? 4
          : 4.25
        : entry?.speaksFor
          ? 3.75
          : tier;
  return claimant + (f.qualifier !== 'exact' ? 1 : 0);
}

/** The hits of a pattern in a sentence, read once per sentence. */
function hitsIn(info: SentenceInfo, re: RegExp | null): Hit[] {
  if (!re) return [];
  let hits = info.hits.get(re);
  if (!hits) {
    hits = allHits(re, info.lower, info.starts);
    info.hits.set(re, hits);
  }
  return hits;
}

/**
 * "двое солдат, которые были ранены, но выжили", "zwei verwundete Soldaten überlebten": in a
 * story about their capture (a capture word in the sentence, the two before or the paragraph)
 * the wounded survivors are the captives.
 */
function survivedCapture(infos: readonly SentenceInfo[], s: number, c: Compiled): boolean {
  const info = infos[s]!;
  if (!has(c.survivedRe, info.lower, info.starts)) return false;
  const para = info.sentence.paragraph;
  return infos.some(
    (o, k) =>
      (k === s || (k < s && k >= s - 2) || o.sentence.paragraph === para) &&
      o.cues.some((q) => q.metric === 'captured'),
  );
}

/**
 * "попередня оцінка Білого дому в 3 000", "die Schätzung des Pentagons von 3.000": a noun of
 * estimate, a source and the number right after it: that source gives that number, whoever
 * else the sentence credits.
 */
function estimateSource(info: SentenceInfo, at: number, c: Compiled): ClaimantEntry | null {
  const from = Math.max(0, at - 70);
  const hit = hitsIn(info, c.estimateRe)
    .filter((h) => h.start >= from && h.end <= at)
    .pop();
  if (!hit) return null;
  const alias = info.claimants.find((a) => a.start >= hit.end && a.end <= at);
  if (!alias) return null;
  const between = info.lower.slice(alias.end, at);
  return /^\s*(?:[\p{L}\p{M}]{1,4}\s+)?$/u.test(between) ? alias.entry : null;
}

function koreanRelativeSource(info: SentenceInfo, at: number, c: Compiled): ClaimantEntry | null {
  if (!c.korean) return null;
  const h = info.claimants.filter((a) => a.end <= at && a.start >= at - 40).pop();
  if (h && KO_RELATIVE_SOURCE.test(info.lower.slice(h.end, at))) return h.entry;
  // "북한이 … 공개한 전사자는 350명": North Korea, named as the actor elsewhere, gives the
  // count it disclosed itself.
  const d = info.dprk.filter((x) => x.end <= at && x.start >= at - 40).pop();
  if (d && (!h || d.start > h.end) && KO_RELATIVE_SOURCE.test(info.lower.slice(d.end, at)))
    return NORTH_KOREA ?? null;
  return null;
}

/** North Korea's entry, for counts it discloses itself. */
const NORTH_KOREA = CLAIMANTS.find((e) => e.name === 'North Korea');

function koreanPassive(sentence: string, start: number, end: number, c: Compiled): boolean {
  if (!c.korean) return false;
  return (
    KO_PASSIVE_AFTER.test(sentence.slice(end, end + 16)) ||
    (KO_PASSIVE_BEFORE.test(sentence.slice(Math.max(0, start - 40), start)) &&
      KO_BACKGROUND.test(sentence.slice(end, end + 6)))
  );
}

/** A line opening on "of these": "이 중", "이 가운데", "그중". */
/** A line break after a subject's or object's particle, inside a line of some length. */
const KO_WRAPPED = /(?<=[^\n]{15}[가-힣](?:이|가|을|를|은|는|에|의|과|와|로|서))\n(?=[가-힣])/gu;

/** "만천여 명": 만 and 천 with no digits, before a counter. */
const KO_MAN_CHEON = /(?<![\p{L}\d])만천(?=여\s?(?:명|발|개|문|기|대))/gu;

/** An item of a list, by a bullet or a dash. */
const ITEM = /^\s*[\u2022\u25AA\u25CF\u2023\u2043\-\u2013*]\s/u;

/** After a Korean number: "명씩" (so many each), "명의 소규모 단위" (units of so many), "2개
 * 여단" (so many brigades, not so many of the noun before). */
const KO_EACH =
  /^\s?(?:명|발|개|대)?\s?(?:씩|(?:의|으로|로)?\s?(?:소규모\s?|소\s)?단위)|^\s?개\s?(?:포병\s?)?(?:여단|대대|연대|사단|군단|중대)/u;

/** "…에 따르면", "…에 의하면", "…을 인용해": a line that cites its source. */
const KO_CITES = /에\s?(?:따르면|의하면)|인용/u;

/** A Korean line that opens on its source: "최근 국가정보원에 따르면, …" (a few words may come
 * before the name: "최근", a subhead run into the line). */
const KO_OPENS_CITING = /^\s*(?:\S+\s+){0,6}?\S*에\s?(?:따르면|의하면)\s?,?/u;

/** A Korean line that goes on from the one before: "이 중" (of these), "이와 함께" (along with
 * this), "아울러", "또한" (also). */
const KO_OF_THESE = /^\s*(?:(?:이|그)\s?(?:중|가운데)|이와 함께|아울러|또한)\s/u;

/** "Пхеньян, ймовірно, отримав понад 9 тисяч контейнерів": North Korea named before a verb of
 * receiving is the receiver, so the materiel is not its supply. */
function receivedByDprk(info: SentenceInfo, m: Candidate, c: Compiled): boolean {
  if (!c.receivingRe) return false;
  const from = Math.max(0, m.start - 60);
  const lead = info.lower.slice(from, m.start);
  const cut = Math.max(lead.lastIndexOf('.'), lead.lastIndexOf(';'), lead.lastIndexOf('!'));
  const verb = allHits(c.receivingRe, lead)
    .filter((h) => h.start > cut)
    .pop();
  if (!verb) return false;
  // The receiver is the subject named before the verb, in the same stretch.
  return info.dprk.some((d) => d.start >= from + cut + 1 && d.end <= from + verb.start);
}

/** "более 9 тысяч контейнеров помощи от России": materiel Russia gave, not North Korea. */
function receivedFromRussia(sentence: string, end: number, c: Compiled, start = end): boolean {
  if (c.fromRussia.length === 0) return false;
  const tail = /^[^,.;:!?()]*/u.exec(sentence.slice(end, end + 30).toLowerCase())![0];
  if (c.fromRussia.some((w) => tail.includes(w))) return true;
  // Korean "러시아에서 북한으로 넘어간 컨테이너는 약 1만 개": the route comes before the number.
  if (!c.korean) return false;
  const lead = /[^,.;:!?()]*$/u.exec(sentence.slice(Math.max(0, start - 40), start))![0];
  return c.fromRussia.some((w) => lead.includes(w));
}

/**
 * "(по другим оценкам — до 15 тысяч)", "anderen Schätzungen zufolge bis zu 12.000": another,
 * unnamed source standing in the number's own clause, with no named source between, gives the
 * number to nobody, whoever the sentence credits elsewhere.
 */
function unnamedClause(info: SentenceInfo, at: number, c: Compiled): boolean {
  for (const h of hitsIn(info, c.otherSourceRe)) {
    if (h.end > at || at - h.end > 40) continue;
    if (/[.;!?]/u.test(info.lower.slice(h.end, at))) continue;
    if (info.claimants.some((a) => a.start >= h.start && a.start < at)) continue;
    return true;
  }
  return false;
}

/**
 * What a bare number (no noun after it) counts: the unit named before it, in its sentence or at
 * the end of the one before, or troops when a metric word follows the number; null when it
 * counts nothing. `behindCue`: the metric word it is followed by ("33 weitere verwundet").
 */
function bareReading(
  m: Candidate,
  info: SentenceInfo,
  previous: SentenceInfo | undefined,
  c: Compiled,
  beforePrevious?: SentenceInfo,
): { unit: UnitWord; behindCue: Cue | null } | null {
  const sentence = info.sentence.text;
  // A line that is only a number (a page's view or share counter) says nothing.
  if (/^[\s\d.,'’\u00a0]+$/u.test(sentence)) return null;
  // "eine weitere der vielen Stufen": an article, not a count, when no noun follows.
  if (/^(?:ein|eine|einer|einen|einem|eines)$/iu.test(sentence.slice(m.start, m.numEnd)))
    return null;
  // "… auf 12.000 bis 15.000.", "etwa 4.000 getötet": a noun named before, or a cue
  // right after the number.
  const next = sentence.slice(m.numEnd, m.numEnd + 30).toLowerCase();
  const nextWord = /^\s*([\p{L}\p{M}]+)/u.exec(next)?.[1] ?? '';
  // "6 000 із них загинули": the cue comes right after "of them".
  const part = (c.pack.partBefore ?? []).find((w) => next.trimStart().startsWith(w));
  const partWord = part
    ? (/^\s*([\p{L}\p{M}]+)/u.exec(next.trimStart().slice(part.length))?.[1] ?? '')
    : '';
  // German nouns are capitalised: "zehn Lieferungen" counts deliveries, not a unit.
  // "acht russische Paramilitärs": an adjective first, then the noun.
  const nounAfter =
    c.pack.language === 'de' &&
    (/^\s*\p{Lu}/u.test(sentence.slice(m.numEnd, m.numEnd + 3)) ||
      (/^\s*\p{Ll}+(?:e|en|er|es|em)\s+\p{Lu}/u.test(sentence.slice(m.numEnd, m.numEnd + 40)) &&
        !c.bareFollowers.has(nextWord)));
  const behind = nounAfter ? null : cueBehind(info, m.numEnd, c);
  const cueAfter =
    (nextWord !== '' && !nounAfter && c.cueStems.some((x) => nextWord.startsWith(x))) ||
    (partWord !== '' && c.cueStems.some((x) => partWord.startsWith(x))) ||
    behind !== null;
  const endsClause = /^\s*(?:[.,;:)»"“”]|$)/u.test(next) || c.bareFollowers.has(nextWord);
  if (!cueAfter && !endsClause) return null;
  // "1.500 seien vermisst oder verwundet": the losses it is joined to leave it unsure.
  const first = info.cues.find((q) => !q.weak && q.start >= m.numEnd);
  if (
    first?.unsure &&
    first.start - m.numEnd <= 20 &&
    /^[\p{L}\p{M}\s]*$/u.test(info.lower.slice(m.numEnd, first.start))
  )
    return null;
  // A bare year-like number is a year, unless hedged: "rund 2000 von ihnen" is no year.
  if (
    m.value >= 1900 &&
    m.value <= 2100 &&
    m.value % 1 === 0 &&
    m.start === m.numStart &&
    !/\d[ .\u00a0]\d|\p{L}/u.test(sentence.slice(m.numStart, m.numEnd))
  )
    return null;
  // The noun may be in the sentence before ("… 11.000 Soldaten entsandt. 300 davon …"), and
  // always is when the number is a part "of them" ("rund 2000 von ihnen").
  const ofThem = part !== undefined;
  const head = `${m.start < 40 || ofThem ? (previous?.lower.slice(-200) ?? '') : ''} ${sentence.slice(0, m.start)}`;
  const before = head.slice(-230).toLowerCase();
  const words = splitLetters(before).filter(Boolean).reverse();
  let found: UnitWord | null = null;
  for (const w of words) {
    const u = unitInWord(w, c, c.pack.language === 'de');
    if (u && !u.generic) {
      found = u;
      break;
    }
  }
  // "… 12.000 nordkoreanische Soldaten … . Sie wurden … verlegt. … 3000 von ihnen": "of them"
  // may point past a sentence that only goes on about them.
  if (!found && ofThem && beforePrevious)
    for (const w of splitLetters(beforePrevious.lower.slice(-200)).filter(Boolean).reverse()) {
      const u = unitInWord(w, c, c.pack.language === 'de');
      if (u && !u.generic) {
        found = u;
        break;
      }
    }
  if (found) return { unit: found, behindCue: behind };
  // "близько 10 поставок зброї": with no noun named before, a word of supply right after the
  // number is what it counts (deliveries), not people.
  if (
    info.cues.some((q) => q.metric === 'supplied' && q.start >= m.numEnd && q.start <= m.numEnd + 2)
  )
    return null;
  if (cueAfter) return { unit: { stem: '', unit: 'troops' }, behindCue: behind };
  return null;
}

/**
 * "50 getötete und 47 verletzte nordkoreanische Soldaten", "50 убитых и 47 раненых военных
 * КНДР": a bare number joined by "and" to the next, with one word between, counts the next
 * number's noun, and takes its side ahead of any force named before it.
 */
function sharedNoun(
  m: Candidate,
  next: Candidate | undefined,
  sentence: string,
  c: Compiled,
): Candidate | null {
  if (!next?.unit || next.bare || !c.andRe) return null;
  const between = sentence.slice(m.numEnd, next.start);
  const joined = /^\s*[\p{L}\p{M}-]+(\s+[\p{L}\p{M}]+)\s*$/u.exec(between);
  return joined && c.andRe.test(joined[1]!.toLowerCase()) ? next : null;
}

/**
 * "4000 von 12.000 nordkoreanischen Soldaten", "4000 из 12 000 военных": a bare number that
 * is a part of the number right after it counts that number's noun.
 */
function wholeNoun(
  m: Candidate,
  next: Candidate | undefined,
  info: SentenceInfo,
  c: Compiled,
): Candidate | null {
  const words = c.pack.partOfWhole;
  if (!words || !next?.unit || next.bare || MATERIEL.has(next.unit.unit)) return null;
  if (!words.includes(info.lower.slice(m.numEnd, next.start).trim())) return null;
  // "Восемь из десяти тысяч": a part in words that shares the whole's "thousand" is 8,000,
  // which this reading cannot tell from eight; it is left out.
  const text = info.sentence.text;
  if (
    /\p{L}/u.test(text.slice(next.numStart, next.numEnd)) &&
    !/\d/u.test(text.slice(m.numStart, m.numEnd))
  )
    return null;
  return next;
}

/**
 * The side of a number its noun does not name: the nearest of North Korea, Russia and the other
 * side named in the sentence, else North Korea when the sentences just before name it.
 */
function sideNear(
  m: Candidate,
  infos: readonly SentenceInfo[],
  s: number,
  previousDprk: boolean,
  materiel: boolean,
  c: Compiled,
): string | null {
  const info = infos[s]!;
  const nearest = (list: Hit[]) =>
    list.reduce(
      (d, h) => Math.min(d, h.end <= m.start ? m.start - h.end : Math.abs(h.start - m.end)),
      Number.POSITIVE_INFINITY,
    );
  // A story about North Korea's troops: their numbers often name only them.
  // A headline above the lead ("전사자 101명 초상 공개") is about whom the lead names.
  const recentDprk =
    previousDprk ||
    (info.russia.length === 0 &&
      info.others.length === 0 &&
      ([3, 4].some((b) => (infos[s - b]?.dprk.length ?? 0) > 0) ||
        (s <= 3 && [1, 2, 3].some((b) => (infos[s + b]?.dprk.length ?? 0) > 0))));
  // "12.000 seiner Soldaten in die Region Kursk, wo … ukrainische Streitkräfte …": a
  // relative clause after the number is about the place, not the soldiers' side.
  const rel = c.placeRelativeRe?.exec(info.lower.slice(m.end)) ?? null;
  const cut = rel ? m.end + rel.index : Number.POSITIVE_INFINITY;
  const before = (list: Hit[]) => list.filter((h) => h.start < cut);
  // "북한산 KN-23 탄도 미사일이 사용됐고, 이로 인해 최소 8명이 사망": a sentence whose North
  // Korea is only the maker of the arms used counts their victims, no side's troops.
  if (
    c.korean &&
    !materiel &&
    info.dprk.length > 0 &&
    info.dprk.every((h) => KO_MADE_IN.test(info.lower.slice(h.end, h.end + 8)))
  )
    return null;
  const dD = nearest(before(info.dprk));
  // "러시아군과 함께 싸우면서 4,700명의 사상자를": the force fought beside is no side of the
  // count, nor is the country in a war's name ("러시아-우크라이나 전쟁에서").
  const dR = nearest(
    before(info.russia).filter(
      (h) => !c.korean || !KO_TOGETHER_WITH.test(info.lower.slice(h.end, h.end + 6)),
    ),
  );
  // "우크라이나군이 점령한 쿠르스크에": the force that holds a place only says which place;
  // "…에맞서" (against): the force fought is the enemy. ("8000명이 여전히 우크라이나군과 교전을
  // 벌이고": a force fought with is no actor at all, `actors` drops it.)
  const dO = nearest(
    before(info.others).filter(
      (h) =>
        !c.korean ||
        !(
          KO_HOLDING_PLACE.test(info.lower.slice(h.end, h.end + 10)) ||
          KO_FOUGHT.test(info.lower.slice(h.end, h.end + 8))
        ),
    ),
  );
  if (dD !== Number.POSITIVE_INFINITY && (materiel || (dD <= dR && dD <= dO))) return 'KP';
  // "Das Blatt berichtet, dass Iran Russland 200 ballistische Raketen geliefert hat": another
  // supplier named before the materiel, the North not named, sends its own.
  if (
    materiel &&
    dD === Number.POSITIVE_INFINITY &&
    allHits(c.otherSupplierRe, info.lower.slice(0, m.start)).length > 0
  )
    return null;
  if (!materiel && dR !== Number.POSITIVE_INFINITY && dR <= dO) return 'RU';
  if (!materiel && dO !== Number.POSITIVE_INFINITY) return 'UA';
  return recentDprk ? 'KP' : null;
}

/** A Korean force fought against, "…에 맞서" (one fought with, "…과 교전", never reaches here:
 * `actors` drops it with {@link KO_FOUGHT_WITH}). */
const KO_FOUGHT = /^에\s?맞서/u;

/** A Korean loss word closing a relative clause before the counted noun: "포로로 잡힌 북한군
 * 병사", "생포된 북한군" (up to three words between). */
const KO_LOSS_RELATIVE = /^(?:\S+\s)?\S*[힌한된진]\s+(?:\S+\s+){0,3}$/u;

/** "…과 함께", "…와 함께": together with. */
const KO_WITH = String.raw`(?:과|와)\s?함께`;

/** Each "…과 함께" of a clause, to read what follows the last one. */
const KO_BESIDE = new RegExp(String.raw`${KO_WITH}\s?`, 'gu');

/** Right after a force: "…과 함께" (together with), or "-우크라이나 전쟁" (the war's name). */
const KO_TOGETHER_WITH = new RegExp(String.raw`^(?:${KO_WITH}|[-·]\s?우크라이나\s?전쟁)`, 'u');

/** A number of materiel nearer a loss cue than any other: a tally of losses ({@link metricOf}). */
const LOST_MATERIEL = 'lost materiel';

/**
 * The metric of the cue nearest a number in its stretch, cues cut off by a separator or a
 * relative clause counting as farther; {@link LOST_MATERIEL} when a loss cue is nearer to
 * counted materiel. Its own function: {@link metricOf} stays small enough for the optimising
 * compiler to compile cheaply.
 */
function nearestCueMetric(
  m: Candidate,
  k: number,
  candidates: readonly Candidate[],
  info: SentenceInfo,
  materiel: boolean,
  prevEnd: number,
  nextStart: number,
  c: Compiled,
): Metric | null | typeof LOST_MATERIEL {
  let best: { metric: Metric; d: number } | null = null;
  // "45 артсистем і 1360 військових: втрати армії РФ": materiel counted as losses.
  let lossD = Number.POSITIVE_INFINITY;
  for (const q of info.cues) {
    if (!materiel || q.weak || q.metric !== 'casualties') continue;
    if (q.start < m.end && q.end > m.start) continue;
    lossD = Math.min(lossD, q.end <= m.start ? m.start - q.end : q.start - m.end);
  }
  for (const q of info.cues) {
    const metricQ = metricFor(q.metric, materiel);
    if (!metricQ) continue;
    if (q.start < m.end && q.end > m.start) continue;
    if (
      candidates.some(
        (o, oi) => oi !== k && o.unitSpan && q.start < o.unitSpan[1] && q.end > o.unitSpan[0],
      )
    )
      continue;
    const d = cueDistance(q, m, k, candidates, info, materiel, prevEnd, nextStart, c);
    if (d === null) continue;
    if (!best || d < best.d) best = { metric: metricQ, d };
  }
  if (best && best.d > lossD) return LOST_MATERIEL;
  if (!best && lossD === Number.POSITIVE_INFINITY) {
    for (const q of info.cues) {
      const metricQ = metricFor(q.metric, materiel);
      if (!metricQ) continue;
      let d = q.end <= m.start ? m.start - q.end : q.start - m.end;
      if (d < 0) continue;
      if (q.weak) d += 500;
      if (!best || d < best.d) best = { metric: metricQ, d };
    }
  }
  return best?.metric ?? null;
}

/**
 * How far cue `q` is from number `m` for {@link nearestCueMetric}, or null when the cue is
 * not in the number's stretch.
 */
function cueDistance(
  q: Cue,
  m: Candidate,
  k: number,
  candidates: readonly Candidate[],
  info: SentenceInfo,
  materiel: boolean,
  prevEnd: number,
  nextStart: number,
  c: Compiled,
): number | null {
  const sentence = info.sentence.text;
  let d: number;
  if (q.end <= m.start) {
    if (q.end <= prevEnd) return null;
    d = m.start - q.end;
    // "50명 사상·5명 실종": a cue cut off from the number belongs to the one before.
    if ((c.korean ? SEPARATOR_KO : SEPARATOR).test(sentence.slice(q.end, m.start))) d += 1000;
    // Korean '"…다쳤다"며 "그들은 3만 명을 …"': a cue in the quotation before is
    // cut off from a number in the next.
    else if (c.korean && /["”]\S{0,3}\s*["“]/u.test(sentence.slice(q.end, m.start))) d += 1000;
    // Korean "600명이 숨지고 3천500명이 다쳤다": a verb joined by -고/-며 closes the clause
    // before the number; it is the earlier number's.
    // ("약 4000명의 사상자가 발생했으며 … 3000명 이상이 … 추가 파병됐다": the verb may follow
    // the cue by a word or two.)
    else if (
      c.korean &&
      /^(?:\S+\s){0,2}?\S*?(?:고|며|면서)(?:\s|,)/u.test(sentence.slice(q.start, m.start))
    )
      d += 1000;
    // Korean "파병군 중 약 4000여 명이 사상한": the cue names the whole the number is a part of
    // ("among the troops sent"), not what befell the part; "참전 이후 3000명 이상 죽거나
    // 다친" (since joining the war): a cue in a phrase of time before the number is no predicate.
    else if (c.korean && /^\S*\s?(?:중|이후|이래|직후)\s/u.test(sentence.slice(q.end, m.start)))
      d += 1000;
    // Korean "사망자와 별개로 3명 이상이 다친": what the count is set apart from is not its own.
    else if (c.korean && /^\S*\s?별개로\s/u.test(sentence.slice(q.end, m.start))) d += 1000;
    // "Mehr als 300 … wurden getötet und mehr als 2.700 … verletzt": a verb after the number
    // before, joined to this one by "and", closes the earlier clause.
    else if (c.pack.language === 'de' && k > 0 && c.andRe?.test(info.lower.slice(q.end, m.start)))
      d += 1000;
  } else {
    // Korean "3만~4만 명, 어쩌면 50만 명을 더 데려올": numbers set as alternatives
    // share the verb after the last.
    const alternative =
      q.start >= nextStart &&
      c.korean &&
      k + 1 < candidates.length &&
      KO_ALTERNATIVE.test(sentence.slice(m.end, nextStart));
    if (q.start >= nextStart && !alternative) return null;
    d = q.start - m.end;
    const from = alternative ? candidates[k + 1]!.end : m.end;
    if (
      (c.korean ? SEPARATOR_KO : SEPARATOR).test(sentence.slice(from, q.start)) &&
      !participleOnNoun(sentence, from, q, nextStart, c, info.cues, prevEnd, m.start)
    )
      d += 1000;
    // Korean "600여 명의 사망자": the noun after "N명의" is what the number counts.
    else if (c.korean && KO_OWN_NOUN.test(sentence.slice(m.end, q.start))) d = -1;
  }
  if (q.weak) d += 500;
  // "Число убитых и раненых солдат, воюющих в Курской области, превысило 3 тысячи":
  // a clause set off by commas between the counted noun and its number describes
  // the people, when a cue before it already says what befell them.
  if (q.end <= m.start && !c.korean) {
    const lastComma = sentence.lastIndexOf(',', m.start);
    const prevComma = lastComma > 0 ? sentence.lastIndexOf(',', lastComma - 1) : -1;
    if (
      prevComma > prevEnd &&
      q.start > prevComma &&
      q.end <= lastComma &&
      info.cues.some((o) => !o.weak && o.end <= prevComma && o.start >= prevEnd)
    )
      d += 2000;
  }
  // "100 военнослужащих КНДР, переброшенных в Россию, погибли": a participle of sending set off
  // by commas after the counted noun says who they are; the verb after the closing comma says
  // what befell them.
  if (q.metric === 'moved' && q.start >= m.end && !c.korean) {
    const open = sentence.lastIndexOf(',', q.start);
    const close = sentence.indexOf(',', q.end);
    if (
      open >= m.end &&
      close > 0 &&
      close < nextStart &&
      info.cues.some(
        (o) => !o.weak && o.metric !== 'moved' && o.start > close && o.start < nextStart,
      )
    )
      d += 2000;
  }
  // "300 Soldaten, die von Moskau geschickt wurden, seien getötet worden": a verb of
  // sending or presence in a relative clause on the counted noun says who they are,
  // not what befell them.
  if (
    (q.metric === 'moved' || q.metric === 'deployed') &&
    q.start >= m.end &&
    c.relativeRe?.test(info.lower.slice(m.end, q.start))
  )
    d += 2000;
  // "14.000 nordkoreanische Soldaten, darunter 3.000 Verstärkungen, um seine Verluste zu
  // ersetzen": a German clause of purpose says why, not what befell them.
  if (
    q.start >= m.end &&
    c.pack.language === 'de' &&
    /,\s*um\s+(?:[\p{L}\p{M}-]+\s+){0,4}$/u.test(info.lower.slice(m.end, q.start))
  )
    d += 2000;
  // "3.000 Soldaten in Kämpfen … getötet": a German noun of presence is where they
  // were, the verb what happened to them.
  if (
    q.metric === 'moved' &&
    !materiel &&
    c.pack.language === 'de' &&
    // ("600 Nordkoreaner im Einsatz für Russland gefallen": the noun after "im", too.)
    /^(?:im\s+)?\p{Lu}/u.test(sentence.slice(q.start, q.start + 4))
  )
    // ("tausend weitere wurden bei Kämpfen mit … im Gebiet Kursk verletzt": after "bei", the
    // fighting is only when it befell them, however far the verb.)
    d += /\bbei\s$/u.test(info.lower.slice(Math.max(0, q.start - 4), q.start)) ? 200 : 45;
  return d;
}

/**
 * What befell the people or materiel a number counts: the noun's own metric ("Tote", "사상자"),
 * else the nearest cue in the number's stretch, else the nearest in the sentence (a predicate
 * shared by joined numbers); {@link LOST_MATERIEL} when a loss cue is nearer to counted materiel
 * than any other (a tally of losses, no figure). Its own function: the reader's loop stays small
 * enough for the optimising compiler to compile cheaply.
 */
function metricOf(
  m: Candidate,
  k: number,
  candidates: readonly Candidate[],
  info: SentenceInfo,
  unit: UnitWord,
  bare: boolean,
  behindCue: Cue | null,
  c: Compiled,
): Metric | null | typeof LOST_MATERIEL {
  const sentence = info.sentence.text;
  const materiel = MATERIEL.has(unit.unit);
  const prevEnd = k > 0 ? candidates[k - 1]!.end : 0;
  const nextStart = k + 1 < candidates.length ? candidates[k + 1]!.start : sentence.length;
  let metric: Metric | null = behindCue ? metricFor(behindCue.metric, materiel) : null;
  const ownSpan = m.unitSpan ?? [m.numEnd, m.end];
  const coveringCue = info.cues.find(
    (q) =>
      q.start <= ownSpan[0] + 1 && q.end >= ownSpan[1] && q.end - q.start > ownSpan[1] - ownSpan[0],
  );
  if (coveringCue) metric = metricFor(coveringCue.metric, materiel);
  if (!metric && c.korean) metric = respectively(k, candidates, info, materiel);
  const gap = m.gap;
  if (!metric && gap && gap[1] > gap[0]) {
    const inGap = info.cues.find((q) => q.start >= gap[0] && q.end <= gap[1]);
    if (inGap) metric = metricFor(inGap.metric, materiel);
  }
  // Korean "북한군 1만 명 중 사상자 4천 명": the number before 중/가운데 is the whole.
  // ("… 1만1천 명 가운데 3명 중 1명꼴로": a ratio of the whole is no candidate, but is a part.)
  if (
    !metric &&
    c.korean &&
    c.pack.wholeAfter &&
    (k + 1 < candidates.length || /\d/u.test(sentence.slice(m.end, m.end + 12)))
  ) {
    const after = /^\s?(\S+)/u.exec(sentence.slice(m.end, m.end + 6))?.[1] ?? '';
    if (c.pack.wholeAfter.some((w) => after === w || after === `${w}에서`)) {
      // "우크라이나군에 붙잡힌 북한군 2명 중 1명": a word of loss modifying the whole says what
      // happened to all of it.
      const head = m.unitSpan?.[0] ?? m.start;
      const loss = info.cues.filter((q) => q.metric !== 'moved' && q.end <= head).pop();
      metric =
        loss && /^\S*[힌한된진은인]\s+$/u.test(info.lower.slice(loss.start, head))
          ? metricFor(loss.metric, materiel)
          : materiel
            ? 'supplied'
            : 'deployed';
    }
  }
  // "von den 11.000 bis 12.000 Soldaten seien 1.000 gefallen": the whole, deployed (German
  // "von den insgesamt etwa 10.000": two words may stand between).
  if (!metric && c.wholeRe) {
    const lead = info.lower.slice(
      Math.max(0, m.start - (c.pack.language === 'de' ? 28 : 20)),
      m.start,
    );
    // "Из них около 1000 погибших": a part of the whole before, not the whole.
    if (c.wholeRe.test(lead) && !c.partRe?.test(lead) && !instrumental(sentence, m))
      metric = materiel ? 'supplied' : 'deployed';
  }
  // "4000 von 12.000 Soldaten": the number of people after a part is the whole, deployed.
  if (
    !metric &&
    !materiel &&
    c.partOfWholeRe?.test(info.lower.slice(Math.max(0, m.start - 24), m.start))
  )
    metric = 'deployed';
  // "fast die Hälfte des Kontingents von knapp 11.000 Soldaten": the number is the whole.
  if (!metric && c.fractionRe) {
    const lead = info.lower.slice(Math.max(0, m.start - 45), m.start);
    if (allHits(c.fractionRe, lead).length > 0) metric = materiel ? 'supplied' : 'deployed';
  }
  // "사망자를 포함해 약 4700명": the noun of the part included is not the whole's.
  if (!metric && c.korean && k > 0) metric = wholeOfIncluded(m, k, candidates, info, materiel);
  // Korean "사상자가 사망 600명을 포함해": a word of loss right before the count is its own,
  // over the noun of the whole named before it.
  if (!metric && c.korean) {
    // ("100명 사망·1000명 부상": a word right after the number before is that one's.)
    const own = info.cues.find(
      (q) =>
        !q.weak &&
        q.end <= m.start &&
        /^\s?$/u.test(sentence.slice(q.end, m.start)) &&
        !/(?:고|며|서|다)$/u.test(sentence.slice(q.start, q.end)) &&
        q.start > prevEnd &&
        (k === 0 || sentence.slice(prevEnd, q.start).trim() !== ''),
    );
    if (own) metric = metricFor(own.metric, materiel);
  }
  // Korean "포로로 잡힌 북한군 병사 2명은 … 참여하지 않았다": a word of loss in a relative
  // clause on the counted noun says what befell them, whatever the predicate after says.
  if (!metric && c.korean && !materiel) {
    const head = m.unitSpan?.[0] ?? m.start;
    // ("생포한 부상한 북한군 병사 2명": captives who were wounded are counted as captured.)
    const losses = info.cues.filter(
      (q) => !q.weak && q.metric !== 'moved' && q.end <= head && q.start > prevEnd,
    );
    const loss = losses.find((q) => q.metric === 'captured' && head - q.end <= 24) ?? losses.pop();
    // (A loss the clause's own verb after the count names wins: "부상당한 북한군 2명을 생포했다";
    // one that says the same, "부상한 병사 24명이 이송돼 … 치료받고", leaves it.)
    const lossAfter = info.cues.some(
      (q) =>
        !q.weak &&
        q.metric !== 'moved' &&
        q.metric !== loss?.metric &&
        q.start >= m.end &&
        q.start < nextStart,
    );
    if (
      loss &&
      !lossAfter &&
      head - loss.end <= 24 &&
      KO_LOSS_RELATIVE.test(sentence.slice(loss.start, Math.min(m.start, head)))
    )
      metric = metricFor(loss.metric, materiel);
  }
  // (Korean "사망자와 별개로 3명이 다친": the noun the count is set apart from is not its own.)
  const apart =
    c.korean &&
    m.unitSpan != null &&
    m.unitSpan[1] <= m.start &&
    /별개로/u.test(sentence.slice(m.unitSpan[1], m.start));
  if (!metric && unit.metric && !bare && !apart) metric = unit.metric;
  if (!metric) return nearestCueMetric(m, k, candidates, info, materiel, prevEnd, nextStart, c);
  return metric;
}

/**
 * Korean "사망자와 부상자는 각각 300명과 2700명": numbers listed after 각각 (respectively) take
 * the listed nouns of loss before it in order, where the nearest cue would give both the last.
 */
function respectively(
  k: number,
  candidates: readonly Candidate[],
  info: SentenceInfo,
  materiel: boolean,
): Metric | null {
  const sentence = info.sentence.text;
  let first = k;
  while (
    first > 0 &&
    KO_LIST_JOIN.test(sentence.slice(candidates[first - 1]!.end, candidates[first]!.start))
  )
    first--;
  let last = k;
  while (
    last + 1 < candidates.length &&
    KO_LIST_JOIN.test(sentence.slice(candidates[last]!.end, candidates[last + 1]!.start))
  )
    last++;
  if (last === first) return null;
  const head = candidates[first]!.start;
  const each = /각각\s?(?:약\s?)?$/u.exec(sentence.slice(Math.max(0, head - 8), head));
  if (!each) return null;
  const before = first > 0 ? candidates[first - 1]!.end : 0;
  const cues = info.cues.filter(
    (q) => !q.weak && q.start >= before && q.end <= head - each[0].length,
  );
  const n = last - first + 1;
  if (cues.length < n) return null;
  const listed = cues.slice(-n);
  for (let i = 1; i < n; i++)
    if (
      !KO_LIST_JOIN.test(
        sentence
          .slice(listed[i - 1]!.end, listed[i]!.start)
          .replace(/^[가-힣]{0,2}?(?=[와과및,])/u, ''),
      )
    )
      return null;
  return metricFor(listed[k - first]!.metric, materiel);
}

/**
 * "зустрівся з двома солдатами": after "з"/"с", a noun in the instrumental case is company
 * ("with two soldiers"), not the whole of a later part ("з 12 тисяч військових"), which takes
 * the genitive.
 */
function instrumental(sentence: string, m: Candidate): boolean {
  const [from, to] = m.unitSpan ?? [m.numEnd, m.end];
  return /(?:ами|ями)$/u.test(sentence.slice(from, to).trimEnd().toLowerCase());
}

/** Quotation marks that open and close a quoted marking, in the packs' typographies. */
const OPEN_QUOTE: ReadonlySet<string> = new Set(['„', '“', '«', '"', '‚', '‘', "'"]);
const CLOSE_QUOTE: ReadonlySet<string> = new Set(['“', '”', '»', '"', '‘', '’', "'"]);

/**
 * Korean "손실 규모를 사망자 300여명 포함 약 3000명이라고": the number after a part it includes
 * ("포함") is the whole, and what the whole is comes before the part, not from the part's own
 * word (사망자 is the 300's).
 */
function wholeOfIncluded(
  m: Candidate,
  k: number,
  candidates: readonly Candidate[],
  info: SentenceInfo,
  materiel: boolean,
): Metric | null {
  const part = candidates[k - 1]!;
  const between = info.lower.slice(part.end, m.start);
  if (!KO_INCLUDED.test(between)) return null;
  // "사망자 600명을 포함해 4700명의 사상자": the whole's own noun after it says what it is.
  const own = info.cues.find(
    (q) => !q.weak && q.start >= m.end && KO_OWN_NOUN.test(info.lower.slice(m.end, q.start)),
  );
  if (own) return metricFor(own.metric, materiel);
  const before = info.cues.filter((q) => !q.weak && q.end <= part.start);
  // The last cue before the part is the part's own, unless the part's noun follows it ("600여
  // 명의 사망자를 포함해"); the whole's comes before.
  if (!/의\s?[가-힣]/u.test(between) && !before.pop()) return null;
  const whole = before.filter((q) => q.end > part.start - 40).pop();
  return whole ? metricFor(whole.metric, materiel) : null;
}

/**
 * The metric of a number whose own words and cues gave none (`metricSeen`), read from what
 * surrounds it: the figure just before (a deployment or supply that goes on), the sentence
 * before (its cue and whether it added), the unit's own metric; and whether the number is an
 * addition. Its own function: the reader's loop stays small enough for the optimising compiler
 * to compile cheaply.
 */
function metricInContext(
  metricSeen: Metric | null,
  m: Candidate,
  k: number,
  candidates: readonly Candidate[],
  infos: readonly SentenceInfo[],
  s: number,
  unit: UnitWord,
  bare: boolean,
  lastFigure: LastFigure | null,
  c: Compiled,
): { metric: Metric | null; increment: boolean } {
  const info = infos[s]!;
  const sentence = info.sentence.text;
  const materiel = MATERIEL.has(unit.unit);
  let metric = metricSeen;
  if (!metric && bare && unit.metric) metric = unit.metric;
  if (
    !metric &&
    lastFigure &&
    s - lastFigure.sentence <= 1 &&
    lastFigure.metric === 'deployed' &&
    !materiel &&
    info.russia.length === 0
  ) {
    // "Bis zum Jahresende könnten es bis zu 12.000 Mann werden": the deployment goes on.
    metric = 'deployed';
  }
  if (!metric && lastFigure && s - lastFigure.sentence <= 1 && materiel) {
    // "… 6700 контейнеров. Этого хватит на 3 млн снарядов": the supply goes on.
    // Another kind of materiel (what the containers hold), not the same one used.
    if (
      lastFigure.metric === 'supplied' &&
      (lastFigure.unit !== unit.unit || lastFigure.sentence === s)
    )
      metric = 'supplied';
  }
  let increment = m.increment;
  // "3만~4만 명, 어쩌면 50만 명을 더": alternatives share the "more" after the last too.
  const alt = c.korean ? candidates[k + 1] : undefined;
  if (alt?.increment && !increment && KO_ALTERNATIVE.test(sentence.slice(m.end, alt.start)))
    increment = true;
  if (!metric && bare && m.start < 40 && infos[s - 1]) {
    // "… zusätzliche Soldaten nach Russland geschickt. Insgesamt waren es etwa 1000":
    // the noun and what happened to it are in the sentence before.
    const cues = infos[s - 1]!.cues.filter((q) => !q.weak);
    const q = cues[cues.length - 1];
    if (q) metric = metricFor(q.metric, materiel);
  }
  if (metric && bare && m.start < 40 && !increment && infos[s - 1]) {
    // "… zusätzliche Soldaten … geschickt. Insgesamt waren es etwa 1000": the count of
    // an addition the sentence before made.
    const prev = infos[s - 1]!;
    const q = prev.cues.filter((x) => !x.weak).pop();
    if (q && metricFor(q.metric, materiel) === metric && wordsWith(prev.lower, c.increments))
      increment = true;
  }
  if (!metric && infos[s - 1] && c.specifiesRe?.test(openingOf(info, c))) {
    // "КНДР планирует отправить в РФ дополнительные ресурсы. Речь идет о 6000
    // военнослужащих": what the sentence before said happens, to these (or where they
    // are: "… перебувають у Росії. Йдеться про 10 тисяч").
    const prev = infos[s - 1]!;
    const q = prev.cues.filter((x) => !x.weak).pop() ?? prev.cues[prev.cues.length - 1];
    if (q) metric = metricFor(q.metric, materiel);
    if (metric && wordsWith(prev.lower, c.increments)) increment = true;
  }
  if (!metric && ITEM.test(sentence)) {
    // "… hat Nordkorea … nach Russland geschickt. Die Details sind schockierend: / - Fast 9
    // Millionen Artillerie- und Munitionsrunden": an item of a list says what the lines above
    // the list said happened.
    let b = s - 1;
    while (b >= 0 && s - b <= 12 && ITEM.test(infos[b]!.sentence.text)) b--;
    for (let h = b; !metric && h >= 0 && b - h <= 1; h--) {
      const q = infos[h]!.cues.filter((x) => !x.weak).pop();
      if (q) metric = metricFor(q.metric, materiel);
    }
  }
  if (!metric && unit.metric) metric = unit.metric;
  if (!metric && unit.unit === 'containers') metric = 'supplied';
  return { metric, increment };
}

/**
 * The metric a number keeps once the rest of its sentence is read, or null when the sentence
 * leaves it out: people gone home, wounded captives, materiel fired or received from Russia.
 * Its own function: the reader's loop stays small enough for the optimising compiler to compile
 * cheaply.
 */
function metricKept(
  metricIn: Metric,
  m: Candidate,
  infos: readonly SentenceInfo[],
  s: number,
  materiel: boolean,
  prevEnd: number,
  nextStart: number,
  c: Compiled,
): Metric | null {
  const info = infos[s]!;
  const sentence = info.sentence.text;
  let metric = metricIn;
  // A word of return or desertion in the number's clause, read once for the checks below.
  const back =
    c.returnedRe === null
      ? undefined
      : hitsIn(info, c.returnedRe).find((h) => h.start >= prevEnd && h.start < nextStart);
  const returned = back !== undefined;
  // "2.000 Soldaten kehrten in ihre Heimat zurück": people back home, not sent; "rekrutiert
  // Nordkoreaner - 18 Soldaten sind geflohen": a word of sending in a clause of its own does
  // not make them sent.
  if (
    metric === 'deployed' &&
    returned &&
    !info.cues.some(
      (q) =>
        q.metric === 'moved' &&
        !q.weak &&
        q.start >= prevEnd &&
        q.start < nextStart &&
        !(q.end <= m.start && CLAUSE_BREAK.test(sentence.slice(q.end, m.start))) &&
        // "…повернулося до КНДР у грудні, але їх можуть повторно скерувати до Росії": a
        // sending in a clause after the return is another matter.
        !(back && q.start >= back.end && CLAUSE_BREAK.test(sentence.slice(back.end, q.start))),
    )
  )
    return null;
  if (metric === 'wounded' && !materiel && survivedCapture(infos, s, c)) metric = 'captured';
  // Korean ends a clause on its verb: "부상을 입은 북한군 1명이 … 생포된" (a wounded soldier was
  // captured) counts the captured; "생포됐던 1명이 부상이 심해져 … 사망" (died as his wounds
  // worsened) counts the dead.
  if (c.korean && (metric === 'wounded' || metric === 'deployed') && !materiel) {
    const after = info.cues.filter((q) => !q.weak && q.start >= m.end && q.start < nextStart);
    const firstWound = after.find((q) => q.metric === 'wounded');
    // A verb of capture ("생포된", "붙잡혔다"), not a headline's noun ("부상 2700여명 생포 직전").
    const capture = after.find(
      (q) =>
        q.metric === 'captured' &&
        /^(?:\s?(?:된|됐|되|돼)|혔|힌|히)/u.test(info.lower.slice(q.end, q.end + 3)),
    );
    const first = after[0];
    if (capture && (!firstWound || firstWound.start > capture.start)) metric = 'captured';
    // "전투에 참여한 북한군 최소 30명이 … 죽거나 다쳤다": those sent who then fell.
    else if (
      metric === 'deployed' &&
      first &&
      (first.metric === 'killed' || first.metric === 'wounded' || first.metric === 'casualties') &&
      // The count is the subject ("30명이"), and not a whole some of whom fell ("가운데", "중").
      /^\s?(?:이|가)\s/u.test(info.lower.slice(m.end, m.end + 3)) &&
      // ("1만명이 넘고, 사망자는 2000여 명": a noun after a comma is the next count's.)
      !/(?:가운데|중|,)/u.test(info.lower.slice(m.end, first.start))
    )
      metric = first.metric;
    else if (
      metric === 'wounded' &&
      /^[^.!?]*?부상\s?(?:이\s?)?(?:심해|악화)[^.!?]*?(?:사망|숨)/u.test(
        sentence.slice(m.end, nextStart),
      )
    )
      metric = 'killed';
  }
  // "탈영한 러시아 파병 북한군 18명", "탈영한 북한군 18명이 모두 붙잡혔다": Korean's `returned`
  // are deserters, sent or not; caught, they are held by their own side, not taken prisoner by
  // the enemy (FIGURES.md counts only the enemy's prisoners).
  if ((metric === 'captured' || metric === 'deployed') && c.korean && returned) return null;
  // "각국 157명씩 포로를 교환", "обменялись 157 пленными": prisoners two other armies swap,
  // in a clause that names no North Korean, are theirs ("…157명의 포로를 교환했지만, 북한군
  // 포로 2명은 포함되지 않았다": the North Koreans are in the next clause).
  if (metric === 'captured' && m.side !== 'KP' && hitsIn(info, c.exchangeRe).length > 0) {
    // The clause opens after a comma, or after a Korean byline's "기자 =".
    const from =
      Math.max(sentence.lastIndexOf(',', m.start), sentence.lastIndexOf('=', m.start)) + 1;
    const comma = sentence.indexOf(',', m.end);
    const to = comma < 0 ? sentence.length : comma;
    if (!info.dprk.some((h) => h.start >= from && h.start < to)) return null;
  }
  // "zwei verwundete Soldaten gefangen genommen", "двух раненых военных взяли в плен": a
  // wound in the number's own noun phrase describes the captives its clause's verb counts.
  if (
    metric === 'wounded' &&
    !materiel &&
    info.cues.some((q) => q.metric === 'wounded' && q.start >= m.numEnd && q.end <= m.end) &&
    info.cues.some(
      (q) =>
        q.metric === 'captured' &&
        ((q.start >= m.end && q.start < nextStart) || (q.end <= m.start && q.start >= prevEnd)),
    )
  )
    metric = 'captured';
  // Korean "생포된 병사 2명이 다친 상태로 이송됐다", "부상 당한 채 붙잡혔으며": a wound as the
  // state the captives are in ("상태로", "채") describes the people a capture word before the
  // number counts.
  if (
    metric === 'wounded' &&
    c.korean &&
    !materiel &&
    /^[^,.]{0,10}(?:다친|부상(?:을\s?입은|\s?당한|한)?)\s?(?:상태|채)/u.test(
      info.lower.slice(m.end, m.end + 24),
    ) &&
    info.cues.some((q) => q.metric === 'captured' && q.end <= m.start && q.start >= prevEnd)
  )
    metric = 'captured';
  if (materiel && receivedFromRussia(sentence, m.end, c, m.start)) return null;
  if (materiel && receivedByDprk(info, m, c)) return null;
  // "in jedem Container 300 bis 500 Granaten": a count per item is a capacity.
  const lead = info.lower.slice(Math.max(0, m.start - 40), m.start);
  if (c.korean ? KO_PER_ITEM.test(lead) : c.perItemRe?.test(lead)) return null;
  // "하루에 약 1만 발의 포탄을 소비", "täglich 92 Soldaten": a count per day is a rate.
  if (c.perDayRe) {
    // ("Росія щодня втрачає на фронті понад тисячу осіб": for people, the rate word may stand
    // before the verb and a place, in the same clause.)
    const reach = !c.korean && !materiel ? 40 : 14;
    const gap = info.lower.slice(Math.max(0, m.start - reach), m.start);
    const day = allHits(c.perDayRe, gap).pop();
    // "하루 만에 1000명" (in a single day) is one day's toll, not a rate.
    const rest = gap.slice(day?.end ?? 0);
    if (day && !/[,.;:!?]/u.test(rest) && !/^\s?(?:만에|새|사이|동안)/u.test(rest)) return null;
    // "втрати — близько 1200 військових щодня": a word of "every day" right after the counted noun
    // (not "за сутки", over the last day, which is one day's toll).
    if (c.everyDayAfterRe?.test(info.lower.slice(m.end, m.end + 16))) return null;
  }
  // "제공한 미사일 중 적어도 1발을 발사했다": materiel whose own clause fires it counts
  // what was used, not what was delivered (FIGURES.md, Hard cases).
  if (materiel && c.firedRe) {
    const own = info.lower.slice(m.end, nextStart);
    // "유도탄 발사가 가능한 방사포": what materiel can fire describes it; nothing was fired.
    const fire = allHits(c.firedRe, own).find((h) => !KO_CAPABLE.test(own.slice(h.end)));
    // "пяти ракет, выпущенных по Харькову": a participle after the noun's comma fires
    // that noun too.
    const lead = fire ? own.slice(0, fire.start) : '';
    if (
      fire &&
      (!/[,.;:!?]/u.test(lead) || /^[^,.;:!?]*,\s*$/u.test(lead)) &&
      !info.cues.some((q) => !q.weak && q.start >= m.end && q.start < m.end + fire.start)
    )
      return null;
    // "ВСУ выпустили не менее 10 ракет": a verb of firing right before the number, in its
    // clause, fires what it counts.
    if (!c.korean) {
      // ("випускає по українських позиціях близько трьох мільйонів": its target may stand
      // between.)
      const before = info.lower.slice(Math.max(prevEnd, m.start - 50), m.start);
      const fired = allHits(c.firedRe, before).pop();
      if (fired && !/[,.;:!?]/u.test(before.slice(fired.end))) return null;
    }
    // "우크라이나에 발사한 북한산 탄도미사일 50기": Korean puts the clause that fires the
    // missiles before their noun.
    if (c.korean) {
      const before = info.lower.slice(Math.max(0, m.start - 30), m.start);
      const fired = allHits(c.firedRe, before).pop();
      if (
        fired &&
        /^[^\s,.;:!?]*[한된]\s/u.test(before.slice(fired.start)) &&
        !/[,.;:!?]/u.test(before.slice(fired.end))
      )
        return null;
    }
  }
  if (materiel && metric !== 'supplied') return null;
  if (!materiel && metric === 'supplied') return null;
  return metric;
}

/** Whether a sentence doubts number `m`; its words of doubt are read once per sentence
 * ({@link hitsIn}), and only when a number gets that far. */
function doubted(info: SentenceInfo, m: Candidate, c: Compiled): boolean {
  return hitsIn(info, c.doubtRe).some(
    // Korean '“… 보도는 사실이 아니다”라며 “약 8000명이 여전히 …”': a denial quoted and closed
    // before the number, whose speaker goes on, denies something else.
    (h) =>
      !(c.korean && h.end <= m.start && KO_QUOTE_GOES_ON.test(info.lower.slice(h.end, m.start))),
  );
}

/** A Korean quotation closed and its speaker going on ("…”라며 “…", "…\"고 말하고"). */
const KO_QUOTE_GOES_ON = /^[^”"]*[”"]\s?(?:이?라며|며|면서|고)\s/u;

/** Whether the paragraph of sentence `s` counts visitors ({@link LanguagePack.visitors}). */
function visitorsCounted(infos: readonly SentenceInfo[], s: number, c: Compiled): boolean {
  const para = infos[s]!.sentence.paragraph;
  for (let k = s; k >= 0 && infos[k]!.sentence.paragraph === para; k--)
    if (hitsIn(infos[k]!, c.visitorsRe).length > 0) return true;
  for (let k = s + 1; k < infos.length && infos[k]!.sentence.paragraph === para; k++)
    if (hitsIn(infos[k]!, c.visitorsRe).length > 0) return true;
  return false;
}

/** Whether a sentence names victims of North Korea's weapons; read as {@link doubted} is. */
function victims(info: SentenceInfo, c: Compiled): boolean {
  return hitsIn(info, c.victimsRe).length > 0;
}

/**
 * Whether a number of North Korea's or Russia's side is left out all the same: a toll of the
 * whole war, Russia's daily loss, people in general with no North Korea named, victims, doubt.
 * Its own function: the reader's loop stays small enough for the optimising compiler to compile
 * cheaply.
 */
function sideLeftOut(
  side: 'KP' | 'RU',
  m: Candidate,
  unit: UnitWord,
  materiel: boolean,
  metric: Metric,
  info: SentenceInfo,
  previousDprk: boolean,
  c: Compiled,
): boolean {
  if (side === 'RU' && (materiel || unit.generic)) return true;
  // Russia's tolls of 100,000 and more count the whole war, as in English; and no count
  // of North Korea's people in Russia comes near half its 1.2 million-strong army.
  if (side === 'RU' && m.value >= 100_000) return true;
  // "1360 військових: втрати армії РФ за добу": Russia's loss of a day is a tally.
  if (side === 'RU' && has(c.perDayRe, info.lower, info.starts)) return true;
  if (side === 'KP' && !materiel && m.value >= 500_000) return true;
  // "mehr als 120.000 Soldaten … gefallen": a toll that large is the war's, not the North's.
  if (side === 'KP' && !materiel && metric !== 'deployed' && m.value >= 100_000) return true;
  // People in general: North Korea must be named in the sentence, and nobody a victim.
  if (unit.generic && ((info.dprk.length === 0 && !previousDprk) || victims(info, c))) return true;
  if (
    !materiel &&
    !unit.side &&
    victims(info, c) &&
    side === 'KP' &&
    // "북한제 미사일", "северокорейского производства", "nordkoreanische Waffen": the
    // weapon's maker is no North Korean people.
    !info.dprk.some(
      (d) =>
        !/(?:제|산)$/u.test(info.lower.slice(d.start, d.end)) &&
        !MADE_IN.test(info.lower.slice(d.end, d.end + 16)),
    )
  )
    return true;
  if (doubted(info, m, c)) return true;
  if (conditional(info, m, c)) return true;
  return false;
}

/**
 * The claimant a figure is credited to, once its sentence's source is known: a post's holder
 * for the post ({@link officeHolder}), and North Korea for the dead its memorial shows when the
 * story names no source.
 */
function creditedFor(
  entry: ClaimantEntry | null,
  metric: Metric,
  side: 'KP' | 'RU',
  s: number,
  infos: readonly SentenceInfo[],
  c: Compiled,
): ClaimantEntry | null {
  if (entry === null) {
    const info = infos[s]!;
    const memorial =
      metric === 'killed' && side === 'KP' && has(c.memorialRe, info.lower, info.starts);
    return memorial ? (NORTH_KOREA ?? null) : null;
  }
  return c.offices.length > 0 ? officeHolder(entry, s, infos, c) : entry;
}

/**
 * "По словам заместителя начальника ГУР, …": a post named without its holder is the holder the
 * story names elsewhere, when the figure's body is the one the holder speaks for.
 */
function officeHolder(
  entry: ClaimantEntry | null,
  s: number,
  infos: readonly SentenceInfo[],
  c: Compiled,
): ClaimantEntry | null {
  if (entry?.kind !== 'body') return entry;
  const posts = c.offices.filter((o) => o.holder.speaksFor === entry.name);
  if (posts.length === 0) return entry;
  // A sentence that takes its body from the one before ("За словами заступника начальника
  // ГУР, … 1200 осіб. Є домовленість щодо 6000 бійців.") takes the post named there too.
  const info = infos[s]!;
  const before = infos[s - 1];
  const where =
    !info.claimants.some((h) => h.entry.name === entry.name) &&
    before?.sentence.paragraph === info.sentence.paragraph
      ? `${before.lower} ${info.lower}`
      : info.lower;
  const post = posts.find((o) => o.re.test(where));
  if (!post) return entry;
  const named = infos.some((i) => i.claimants.some((h) => h.entry.name === post.holder.name));
  return named ? post.holder : entry;
}

/**
 * Whether a memorial word governs the number: "Porträts von 101", "стела з фотографіями 101",
 * "101명의 초상화" (Korean puts the noun after the count), not a memorial named elsewhere in
 * the sentence ("…전사자 추모…'군인 1만 명 넘게 참전'" counts who fought).
 */
function memorialCounts(info: SentenceInfo, m: Candidate, c: Compiled): boolean {
  if (!c.memorialRe) return false;
  return hitsIn(info, c.memorialRe).some((h) =>
    c.korean ? h.start >= m.end && h.start - m.end <= 8 : h.end <= m.start && m.start - h.end <= 30,
  );
}

/** What follows a North Korea word that makes it a weapon's maker ("북한제", "북한산"). */
const MADE_IN =
  /^(?:제|산)(?:\s|$)|^\s*(?:производства|виробництва|-made|made)|^\p{L}*\s+(?:waffen|rakete|granate|ракет|снаряд|зброї|оружи)/u;

/** "Если КНДР отправит 100 тысяч", "Якщо …", "Falls …": a condition opening before the number. */
const CONDITION_BEFORE = /(?:^|[\s,«"„(])(?:если|якщо|falls)\s/u;

/**
 * Whether a number sits in a condition ("if North Korea sent 100,000"): a supposition, not a
 * claim (FIGURES.md: a number the story poses is no figure).
 */
function conditional(info: SentenceInfo, m: Candidate, c: Compiled): boolean {
  if (c.korean) return KO_CONDITION_AFTER.test(info.lower.slice(m.end, m.end + 30));
  return CONDITION_BEFORE.test(info.lower.slice(Math.max(0, m.start - 80), m.start));
}

/**
 * The figure a number gives, with the sentence (or the stretch around the number in a long one)
 * as its evidence. Its own function: the reader's loop stays small enough for the optimising
 * compiler to compile cheaply.
 */
function figureOf(
  m: Candidate,
  metric: Metric,
  unit: Unit,
  side: 'KP' | 'RU',
  entry: ClaimantEntry | null,
  asOf: string | undefined,
  sentence: string,
): Figure {
  const evidence =
    sentence.length <= DATE_WINDOW * 2
      ? sentence.replace(/\s+/g, ' ').trim()
      : `…${sentence
          .slice(Math.max(0, m.start - DATE_WINDOW), m.end + DATE_WINDOW)
          .replace(/\s+/g, ' ')
          .trim()}…`;
  const figure: Figure = {
    metric,
    unit,
    value: m.value,
    ...(m.valueHigh !== undefined ? { valueHigh: m.valueHigh } : {}),
    qualifier: m.qualifier,
    claimant: entry ? entry.name : null,
    claimantCountry: entry ? entry.country : null,
    side,
    ...(asOf !== undefined ? { asOf } : {}),
    evidence,
  };
  return figure;
}

/** The figure the reader kept last: a bare number after it may go on with its metric. */
interface LastFigure {
  metric: Metric;
  unit: Unit;
  sentence: number;
}

/**
 * What reading a story's sentences shares: the story's sources and rare words, the figures
 * found so far and the last one kept.
 */
interface StoryRead {
  pack: LanguagePack;
  opts: ReadOptions;
  c: Compiled;
  infos: readonly SentenceInfo[];
  claimantFor: (s: number) => ClaimantEntry | null;
  clauseSource: (s: number, end: number) => ClaimantEntry | null;
  rare: { readonly other: boolean; readonly estimate: boolean };
  found: FigureSet;
  lastFigure: LastFigure | null;
}

/**
 * The figures of sentence `s`, added to the story's. Its own function, called inside the
 * reader's try block: the calls it makes carry no exception edges for the optimising compiler
 * to build, and the story's loop stays small.
 */
function readSentence(story: StoryRead, s: number): void {
  const { pack, opts, c, infos, claimantFor, clauseSource, rare } = story;
  const info = infos[s]!;
  const sentence = info.sentence.text;
  if (!/\d/.test(sentence) && !/[\p{L}]/u.test(sentence)) return;
  const candidates = c.korean ? findKorean(sentence, c) : findEuropean(sentence, info.lower, c);
  if (candidates.length === 0) return;
  if (/\?\s*["\u201D\u2019»]?\s*$/u.test(sentence)) return;
  const previousDprk = (infos[s - 1]?.dprk.length ?? 0) > 0 || (infos[s - 2]?.dprk.length ?? 0) > 0;
  let dates: PackDate[] | undefined;
  // The sentence's two said clauses (Korean), read once, the first time a number needs a source.
  let split: ReturnType<typeof koreanSaidClause> | undefined;
  let sentenceLast: Metric | null = null;
  for (let k = 0; k < candidates.length; k++) {
    const m = candidates[k]!;
    if (!Number.isFinite(m.value) || m.value <= 0 || m.value > 1e9 || !Number.isInteger(m.value))
      continue;
    if (m.valueHigh !== undefined && !Number.isInteger(m.valueHigh)) continue;
    // Korean "20~30명씩 모였다가, 최대 6명의 소규모 단위로": so many each, or the size of one
    // unit, is no count of the force.
    // ("KN-23과 KN-24도 각각 9대씩": so many of each type named is a count.)
    if (
      c.korean &&
      KO_EACH.test(sentence.slice(m.numEnd, m.numEnd + 16)) &&
      !/각각?\s?(?:약\s?)?$/u.test(sentence.slice(Math.max(0, m.start - 6), m.start))
    )
      continue;
    const prevEnd = k > 0 ? candidates[k - 1]!.end : 0;
    const nextStart = k + 1 < candidates.length ? candidates[k + 1]!.start : sentence.length;
    let unit = m.unit;
    let side = m.side;
    const bare = m.bare;
    // The metric word a bare number is followed by ("33 weitere verwundet").
    let behindCue: Cue | null = null;
    if (bare) {
      const reading = bareReading(m, info, infos[s - 1], c, infos[s - 2]);
      const whole = wholeNoun(m, candidates[k + 1], info, c);
      const shared = sharedNoun(m, candidates[k + 1], sentence, c) ?? whole;
      if (!reading && !shared) continue;
      unit = shared?.unit ?? reading!.unit;
      behindCue = reading?.behindCue ?? null;
      // "über 6.000 der 14.000 entsandten Soldaten getötet": what befell the part is said
      // after the whole's noun, not by the words inside it.
      if (whole && !behindCue)
        behindCue = info.cues.find((q) => !q.weak && q.start >= whole.end) ?? null;
      side = side ?? shared?.side ?? unit.side ?? null;
      // "100 военнослужащих КНДР … погибли в боях с украинскими подразделениями, еще около 1000
      // получили ранения": "more" after a count of people is more of the same people, whatever
      // noun stands between.
      const earlier = k > 0 ? candidates[k - 1]! : null;
      if (
        earlier?.unit &&
        !m.side &&
        info.lower
          .slice(Math.max(0, m.start - 12), m.start)
          .split(/[\s,]+/u)
          .some((w) => w !== '' && matchesStem(w, c.increments))
      ) {
        unit = earlier.unit;
        side = earlier.side ?? earlier.unit.side ?? null;
      }
    }
    if (!unit) continue;
    // "4,8 млн артилерій[ських снарядів]": millions of artillery are rounds, not guns.
    if (unit.unit === 'artillery' && m.value >= 100_000) unit = { ...unit, unit: 'shells' };
    const materiel = MATERIEL.has(unit.unit);
    const metricSeen = metricOf(m, k, candidates, info, unit, bare, behindCue, c);
    if (metricSeen === LOST_MATERIEL) continue;
    const read = metricInContext(
      metricSeen,
      m,
      k,
      candidates,
      infos,
      s,
      unit,
      bare,
      story.lastFigure,
      c,
    );
    // "군인 104명의 초상화를 보여준다": people a memorial shows are its dead, though no word of
    // what befell them stands near (FIGURES.md: portraits of the dead count as killed).
    if (!read.metric && !materiel && c.korean && memorialCounts(info, m, c)) read.metric = 'killed';
    if (!read.metric) continue;
    const kept = metricKept(read.metric, m, infos, s, materiel, prevEnd, nextStart, c);
    if (!kept) continue;
    // "стела з фотографіями 101 бійця": the people a memorial shows are its dead, not a
    // deployment (FIGURES.md: portraits of the dead count as killed).
    const metric = kept === 'deployed' && !materiel && memorialCounts(info, m, c) ? 'killed' : kept;
    // "в дополнение к 11 тысячам": the total an addition joins is no addition itself.
    const increment =
      read.increment &&
      !c.baseBefore.some((w) => info.lower.slice(Math.max(0, m.start - 30), m.start).includes(w));
    // Side.
    if (!side) side = sideNear(m, infos, s, previousDprk, materiel, c);
    if (side !== 'KP' && side !== 'RU') continue;
    if (sideLeftOut(side, m, unit, materiel, metric, info, previousDprk, c)) continue;
    if (c.visitorsRe && visitorsCounted(infos, s, c)) continue;
    if (split === undefined) split = c.korean ? koreanSaidClause(info, c) : null;
    const later = c.korean
      ? split && m.end <= split.at
        ? split.at
        : -1
      : laterClauseSource(info, m.end, c);
    const entry =
      (rare.other && unnamedClause(info, m.start, c)) || koreanPassive(sentence, m.start, m.end, c)
        ? null
        : later >= 0
          ? clauseSource(s, later)
          : (koreanRelativeSource(info, m.start, c) ??
            (split ? split.source : null) ??
            (rare.estimate ? estimateSource(info, m.start, c) : null) ??
            claimantFor(s));
    // Date.
    if (dates === undefined) {
      if (c.korean) dates = koreanDates(sentence, opts.published);
      else if (pack.chrono)
        dates = chronoDates(sentence, pack.chrono, (t) => has(c.dateTrigger, t), opts.published);
      else dates = [];
    }
    const asOf = nearestPackDate(dates, m.numStart);
    const figure = figureOf(
      m,
      metric,
      unit.unit,
      side,
      creditedFor(entry, metric, side, s, infos, c),
      asOf,
      sentence,
    );
    // "100 killed and another 1,000 wounded": "another" only sets this number beside the
    // last; sending is always added up.
    const moved = metric === 'deployed' || metric === 'supplied';
    // "100 wurden getötet. 1.000 weitere seien verletzt worden.": so across a full stop.
    const last: Metric | null =
      sentenceLast ?? (story.lastFigure?.sentence === s - 1 ? story.lastFigure.metric : null);
    if (increment && (moved || !last || last === metric)) figure.increment = true;
    sentenceLast = metric;
    story.lastFigure = { metric, unit: unit.unit, sentence: s };
    // On a tie, the dated occurrence: a headline rarely gives the date.
    story.found.add(
      figure,
      rank(figure, entry, c.korean) +
        (asOf !== undefined ? 0.5 : 0) +
        (info.sentence.start > 0 ? 0.25 : 0),
    );
  }
}

const DATE_WINDOW = 300;
/** Marks that cut a cue off from a number; a colon too ("Verluste: 600 Soldaten getötet":
 * the heading's topic is not the number's predicate). */
const SEPARATOR = /[,;:·]/u;
const CLAUSE_BREAK = /[,;:·]|\s[-–—]\s/u;

/**
 * "з двома солдатами КНДР, захопленими Україною", "300 Soldaten, getötet bei …": a participle
 * of what befell people, right after the counted noun's comma, says it of them, as the noun's
 * own attribute, so the comma cuts nothing off; unless another number follows in its clause
 * ("12 тисяч військових, загинули 300"), which the word counts instead, or a word before the
 * number already says what befell them.
 */
function participleOnNoun(
  sentence: string,
  from: number,
  q: Cue,
  nextStart: number,
  c: Compiled,
  cues: readonly Cue[],
  prevEnd: number,
  start: number,
): boolean {
  if (c.korean || !BEFALLING.has(q.metric)) return false;
  // "Потери … превысили 300 человек, пленных не брали": the number's clause already says.
  if (cues.some((o) => !o.weak && o.start >= prevEnd && o.end <= start)) return false;
  if (!/^[^,.;:!?]*,\s*$/u.test(sentence.slice(from, q.start))) return false;
  const rest = sentence.slice(q.end);
  const clauseEnd = q.end + (rest.search(/[,.;:!?]/u) + 1 || rest.length + 1) - 1;
  return clauseEnd <= nextStart;
}

/** What befalls people, as opposed to moving them. */
const BEFALLING: ReadonlySet<string> = new Set([
  'killed',
  'wounded',
  'captured',
  'missing',
  'casualties',
]);
/** Korean headlines join clauses with "…" ("4천명 사상…3천명 추가 파병"). */
const SEPARATOR_KO = /[,;·…]/u;

/**
 * Every North Korea–Russia figure in a story written in the pack's language, one per figure
 * identity (`figureKey`), keeping the best-attributed occurrence, in order of first appearance.
 * Evidence is the sentence in the story's language. Never throws: no figures is [].
 */
export function readWithPack(input: string, pack: LanguagePack, opts: ReadOptions = {}): Figure[] {
  if (typeof input !== 'string' || input.trim() === '') return [];
  // Korean '“북한군 병력 약 8000명이\n쿠르스크에 배치돼 …”': a line broken after a particle
  // goes on in the next; the break is a space (same length, so offsets hold).
  const text =
    pack.script === 'korean' && input.includes('\n') ? input.replace(KO_WRAPPED, ' ') : input;
  let c: Compiled;
  let sentences: PackSentence[];
  try {
    c = compile(pack, plainText(text, pack));
    sentences = splitPackSentences(text, c.pack);
  } catch {
    return [];
  }
  const infos: SentenceInfo[] = [];
  for (const s of sentences) infos.push(infoFor(s, c, infos[infos.length - 1]));
  const articleDprk = infos.some((i) => i.dprk.length > 0);
  if (!articleDprk) return [];
  const claimantFor = attributor(infos, c);
  // A number before a later clause's own source: the source of the clauses before it, else
  // the sentence before in the paragraph (FIGURES.md: a neighbouring sentence's source).
  const clauseSource = (s: number, end: number): ClaimantEntry | null => {
    const info = infos[s]!;
    const head = infoFor({ ...info.sentence, text: info.sentence.text.slice(0, end) }, c);
    const own = sourceIn(head, c);
    if (own) return own;
    const prev = infos[s - 1];
    return prev && prev.sentence.paragraph === info.sentence.paragraph ? claimantFor(s - 1) : null;
  };
  // Words most stories never use, looked for in sentences only when the story has them.
  // Read over the whole story once, the first time a number reaches the question.
  let lowerText: string | undefined;
  let lowerStarts: number[] | undefined;
  const inStory = (re: RegExp | null) => {
    lowerText ??= text.toLowerCase();
    lowerStarts ??= wordStarts(lowerText);
    return has(re, lowerText, lowerStarts);
  };
  let otherSources: boolean | undefined;
  let estimates: boolean | undefined;
  const rare = {
    get other() {
      otherSources ??= inStory(c.otherSourceRe);
      return otherSources;
    },
    get estimate() {
      estimates ??= inStory(c.estimateRe);
      return estimates;
    },
  };
  const story: StoryRead = {
    pack: c.pack,
    opts,
    c,
    infos,
    claimantFor,
    clauseSource,
    rare,
    found: new FigureSet(),
    lastFigure: null,
  };
  for (let s = 0; s < infos.length; s++) {
    try {
      readSentence(story, s);
    } catch {
      // A sentence that trips the reader loses its own figures, never the article's.
    }
  }
  return story.found.list();
}
