/**
 * The figure extractor: every number a story attributes to the North Korea–Russia military
 * relationship, with what it counts, how it is hedged, who gave it, whose side it is about and
 * the date it covers (FIGURES.md). It is a rule reader over the language's tables: a number is
 * a figure only when it counts a personnel or materiel unit, something happened to that unit
 * (a metric), and the sentence or its neighbour ties it to North Korea (or, for side `RU`, to
 * Russian troops). Everything else — calibres, distances, money, dates, vague amounts, counts
 * about other things — is left out.
 */

import { type Figure, MATERIEL, type Metric, type Qualifier, type Unit } from '../types.ts';
import {
  attributeSentences,
  claimantAt,
  LAWMAKER_RE,
  type SentenceAttribution,
} from './attribution.ts';
import { CLAIMANTS, type ClaimantEntry, creditedToSender, sourceTier } from './claimant-table.ts';
import {
  countryClaimant,
  findClaimantMentions,
  fromEntry,
  type ResolvedClaimant,
} from './claimants.ts';
import { type DateMention, findDates, findDateTokenSpans, nearestDate } from './dates.ts';
import { FigureSet, figureKey } from './identity.ts';
import type { Lexicon, MetricCue, UnitEntry } from './lexicon.ts';
import { LEXICON_EN, SEEMING_VERBS } from './lexicon-en.ts';
import { extractWithPack, hasPack } from './multilingual/index.ts';
import { findNumbersInTokens, type NumberMention } from './numbers.ts';
import { type Sentence, splitSentences } from './sentences.ts';
import {
  buildPhraseTable,
  findAll,
  matchAt,
  matchEndingAt,
  type PhraseMatch,
  type PhraseTable,
  type Token,
  tokenize,
  wordSet,
} from './tokens.ts';

/** Options for {@link extractFigures}. */
export interface ExtractOptions {
  /** Publication date `YYYY-MM-DD`; relative dates ("Monday") resolve against it. */
  published?: string;
  /** Word tables of the article's language; English when absent. */
  lexicon?: Lexicon;
  /**
   * The story's language (BCP 47). A language with a pack (`multilingual/`) is read by the
   * pack reader; anything else by the English rules.
   */
  language?: string | null;
}

const PERSONNEL_METRICS: ReadonlySet<Metric> = new Set<Metric>([
  'deployed',
  'killed',
  'wounded',
  'casualties',
  'captured',
  'missing',
]);

/** Sides whose figures are returned: North Korea's, and Russia's own troops (never alerting). */
const RETURNED_SIDES: ReadonlySet<string> = new Set(['KP', 'RU']);
/** A North Korean personnel number this large is the size of its army, not of a deployment. */
const ARMY_SIZE_FLOOR = 500_000;
/** Tolls this large count the whole war: Russia's beyond the fighting beside North Korean
 * troops, and anyone's beyond North Korea's, whose whole force in Russia is tens of thousands. */
const WAR_TOLL_FLOOR = 100_000;

interface Tables {
  units: PhraseTable<UnitEntry>;
  nationalities: PhraseTable<string>;
  dprk: PhraseTable<true>;
  dprkContext: PhraseTable<true>;
  russia: PhraseTable<true>;
  others: PhraseTable<true>;
  cues: PhraseTable<MetricCue>;
  followers: PhraseTable<true>;
  preceders: PhraseTable<true>;
  partitives: PhraseTable<true>;
  usage: PhraseTable<true>;
  holding: PhraseTable<true>;
  doubt: PhraseTable<true>;
  homeFront: PhraseTable<true>;
  /** Words of desertion and of return home: people counted before them are gone. */
  gone: PhraseTable<true>;
  exchange: PhraseTable<true>;
  otherSuppliers: ReadonlySet<string>;
  warPlaces: PhraseTable<true>;
  victims: PhraseTable<true>;
  inclusion: PhraseTable<true>;
  modifiers: ReadonlySet<string>;
  headModifiers: ReadonlyMap<string, UnitEntry>;
  countNouns: ReadonlySet<string>;
  hyphenMeasures: ReadonlySet<string>;
  purposes: PhraseTable<Unit>;
  bareFollowers: ReadonlySet<string>;
  attachedSuffixes: ReadonlySet<string>;
  yearPrepositions: ReadonlySet<string>;
  months: ReadonlySet<string>;
  destinations: ReadonlySet<string>;
  memorial: PhraseTable<true>;
  origins: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  locations: ReadonlySet<string>;
  estimates: ReadonlySet<string>;
  conjunctions: ReadonlySet<string>;
  listJoiners: ReadonlySet<string>;
  hedgeSharing: ReadonlySet<string>;
  strength: ReadonlySet<string>;
  fractions: PhraseTable<true>;
  collective: PhraseTable<true>;
  bareSuffixes: readonly string[];
}

const tablesCache = new WeakMap<Lexicon, Tables>();

function tablesFor(lex: Lexicon): Tables {
  const cached = tablesCache.get(lex);
  if (cached) return cached;
  const n = lex.numbers;
  const marks = (list: readonly string[]) =>
    buildPhraseTable(
      list.map((p) => [p, true] as const),
      n,
    );
  const tables: Tables = {
    units: buildPhraseTable(
      lex.units.map((u) => [u.phrase, u] as const),
      n,
    ),
    nationalities: buildPhraseTable(
      lex.nationalities.map((x) => [x.phrase, x.country] as const),
      n,
    ),
    dprk: marks(lex.dprkMarkers),
    dprkContext: marks(lex.dprkContextMarkers),
    russia: marks(lex.russiaMarkers),
    others: marks(lex.otherActorMarkers),
    cues: buildPhraseTable(
      lex.metricCues.map((c) => [c.phrase, c] as const),
      n,
    ),
    followers: marks(lex.nonFigure.followers),
    preceders: marks(lex.nonFigure.preceders),
    partitives: marks(lex.nonFigure.partitives),
    usage: marks(lex.nonFigure.usageVerbs),
    holding: marks(lex.nonFigure.holdingWords ?? []),
    doubt: marks(lex.nonFigure.doubtWords),
    homeFront: marks(lex.nonFigure.homeFront ?? []),
    gone: marks([...(lex.nonFigure.desertion ?? []), ...(lex.nonFigure.returned ?? [])]),
    exchange: marks(lex.nonFigure.exchange ?? []),
    otherSuppliers: new Set(lex.otherSuppliers ?? []),
    warPlaces: marks([
      ...lex.russiaMarkers,
      ...lex.otherActorMarkers.filter((w) => w !== 'south korea' && w !== 'seoul'),
      'kursk',
    ]),
    victims: marks(lex.nonFigure.victimMarkers),
    inclusion: marks(lex.inclusionWords),
    modifiers: wordSet(lex.unitModifiers),
    countNouns: wordSet(lex.countNouns ?? []),
    hyphenMeasures: wordSet(lex.nonFigure.hyphenMeasures ?? []),
    purposes: buildPhraseTable(
      (lex.purposeUnits ?? []).map((p) => [p.phrase, p.unit] as const),
      n,
    ),
    headModifiers: new Map(
      (lex.headModifiers ?? []).map((h) => [h.word, { phrase: h.word, unit: h.unit }]),
    ),
    bareFollowers: wordSet(lex.bareFollowers),
    attachedSuffixes: wordSet(lex.nonFigure.attachedSuffixes),
    yearPrepositions: wordSet(lex.nonFigure.yearPrepositions),
    months: wordSet(lex.nonFigure.months),
    destinations: wordSet(lex.destinationPrepositions),
    memorial: marks(lex.memorial ?? []),
    origins: wordSet(lex.originPrepositions),
    determiners: wordSet(lex.determiners),
    locations: wordSet(lex.locationNouns),
    estimates: wordSet(lex.attribution.estimateWords),
    conjunctions: wordSet(lex.conjunctions),
    listJoiners: wordSet([...lex.attribution.listJoiners, ...lex.numbers.alternatives, ',']),
    hedgeSharing: wordSet(lex.hedgeSharingJoiners),
    strength: wordSet(lex.strengthWords),
    fractions: marks(lex.fractionWords),
    collective: marks(lex.collectiveMateriel ?? []),
    bareSuffixes: lex.bareFollowerSuffixes.map((x) => x.toLowerCase()),
  };
  tablesCache.set(lex, tables);
  return tables;
}

/** One sentence, tokenised, with where it names North Korea and Russia. */
interface SentenceInfo {
  sentence: Sentence;
  tokens: Token[];
  dprk: number[];
  russia: number[];
  /** Where the sentence names another country as an actor ("Ukraine lost …"). */
  others: number[];
  /** Metric cues over the whole sentence, longest first, so a window never splits one. */
  cues: PhraseMatch<MetricCue>[];
  /**
   * The unit noun the sentences just before named last, for a number whose noun is left out
   * ("… artillery shells. Around 3 million a year are being shipped.").
   */
  carried?: UnitEntry;
  /**
   * Whether this sentence or the two before tell of sending to Russia (a verb of supply or
   * movement, and Russia named), so a materiel count without its own verb is part of it.
   */
  supplyStory?: boolean;
  /**
   * Whether the sentence names Russia anywhere (as actor or not), once known: each sentence
   * with a number asks it of itself and the two before ({@link namesRussia}).
   */
  russiaNamed?: boolean;
  /** The sentence before, when it is in the same paragraph (read for strikes only on need). */
  before?: SentenceInfo;
  /**
   * The story's last figure before this sentence, for a bare number that restates it ("Seoul
   * assessed that has increased to 11,000", "Ukraine put the figure at 12,000").
   */
  lastFigure?: Figure;
}

/** Whether a sentence names Russia anywhere: a phrase of the table at some token. */
function namesRussia(info: SentenceInfo, t: Tables): boolean {
  if (info.russiaNamed === undefined) {
    let named = false;
    for (let i = 0; i < info.tokens.length && !named; i++)
      named = matchAt(info.tokens, i, t.russia) !== null;
    info.russiaNamed = named;
  }
  return info.russiaNamed;
}

function adjacent(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

function positions(tokens: readonly Token[], table: PhraseTable<true>): number[] {
  return findAll(tokens, 0, tokens.length, table).map((m) => m.start);
}

/** Where a sentence names a country as an actor, not a place or destination. */
/** Verbs of helping whose object is the one helped, not the one acting. */
const HELPED = new Set([
  'assist',
  'assisted',
  'assisting',
  'help',
  'helped',
  'helping',
  'support',
  'supported',
  'supporting',
  'aid',
  'aided',
  'aiding',
  'back',
  'backed',
  'backing',
  'bolster',
  'bolstered',
  'bolstering',
]);

function actorsOf(tokens: readonly Token[], table: PhraseTable<true>, t: Tables): number[] {
  const out: number[] = [];
  for (const m of findAll(tokens, 0, tokens.length, table)) {
    let k = m.start - 1;
    while (k >= 0 && t.determiners.has(tokens[k]!.lower)) k--;
    const before = tokens[k];
    if (before && t.destinations.has(before.lower)) continue;
    // "North Korea has assisted Russia by sending 10,000 troops": the one helped is no actor.
    if (before && HELPED.has(before.lower)) continue;
    const after = tokens[m.end];
    if (after && (after.text === ',' || after.text === '.' || t.locations.has(after.lower)))
      continue;
    out.push(m.start);
  }
  return out;
}

/** Why a number is not a figure whatever follows it (date, time, money, calibre, …). */
function isNonFigureNumber(
  m: NumberMention,
  tokens: readonly Token[],
  dateSpans: ReadonlyArray<[number, number]>,
  t: Tables,
): boolean {
  if (m.previous) return true;
  if (!Number.isFinite(m.value) || m.value <= 0 || m.value > 1e9) return true;
  if (!Number.isInteger(m.value)) return true;
  if (m.valueHigh !== undefined && !Number.isInteger(m.valueHigh)) return true;
  for (const [s, e] of dateSpans) if (m.tokStart < e && m.tokEnd > s) return true;
  const prev = tokens[m.tokStart - 1];
  const prev2 = tokens[m.tokStart - 2];
  // "M-1978/1989": a second year or model number after a slash.
  if (prev?.text === '/' && adjacent(prev, tokens[m.tokStart]) && adjacent(prev2, prev))
    return true;
  // Designations: "KN-23", "Su-27", "Hwasong-11".
  if (
    prev?.text === '-' &&
    adjacent(prev, tokens[m.tokStart]) &&
    prev2?.kind === 'word' &&
    adjacent(prev2, prev)
  ) {
    return true;
  }
  if (prev?.kind === 'word' && adjacent(prev, tokens[m.tokStart])) return true;
  // Part of a date or code written with hyphens: "2025-07-03".
  if (
    m.kind === 'single' &&
    ((prev?.text === '-' &&
      adjacent(prev, tokens[m.tokStart]) &&
      prev2?.kind === 'num' &&
      adjacent(prev2, prev)) ||
      (tokens[m.tokEnd]?.text === '-' &&
        adjacent(tokens[m.tokEnd - 1], tokens[m.tokEnd]) &&
        tokens[m.tokEnd + 1]?.kind === 'num' &&
        adjacent(tokens[m.tokEnd], tokens[m.tokEnd + 1]) &&
        m.plainDigits !== null))
  ) {
    return true;
  }
  if (matchEndingAt(tokens, m.tokStart, t.preceders)) return true;
  const partitive = matchAt(tokens, m.tokStart, t.partitives);
  if (partitive && partitive.end >= m.tokEnd) return true;
  if (m.hedgeTokStart !== m.tokStart && matchEndingAt(tokens, m.hedgeTokStart, t.preceders))
    return true;
  // "prisoners of war Mr. Ri, 27, and Mr. Baek, 22, …": a small number set off by commas
  // right after a name is that person's age.
  if (
    m.plainDigits !== null &&
    m.value < 120 &&
    m.hedgeTokStart === m.tokStart &&
    prev?.text === ',' &&
    prev2?.kind === 'word' &&
    /^\p{Lu}/u.test(prev2.text) &&
    (tokens[m.tokEnd]?.text === ',' || tokens[m.tokEnd]?.text === ')')
  )
    return true;
  // "KIFI Local News 8 is committed …", "Hwasong 11": a small number closing a name of
  // capitalised words, with no noun after it, is part of the name.
  if (
    m.plainDigits !== null &&
    m.value < 100 &&
    m.hedgeTokStart === m.tokStart &&
    prev?.kind === 'word' &&
    /^\p{Lu}/u.test(prev.text) &&
    prev2?.kind === 'word' &&
    /^\p{Lu}/u.test(prev2.text) &&
    !matchAt(tokens, m.tokEnd, t.units) &&
    !matchAt(tokens, m.tokEnd, t.nationalities)
  )
    return true;
  // Times: "6:40".
  const next = tokens[m.tokEnd];
  if (
    next?.text === ':' &&
    adjacent(tokens[m.tokEnd - 1], next) &&
    tokens[m.tokEnd + 1]?.kind === 'num'
  ) {
    return true;
  }
  if (prev?.text === ':' && prev2?.kind === 'num' && adjacent(prev2, prev)) return true;
  // "25-foot-long barrels", "a 10-day visit": a measure hyphened to the number.
  if (
    next?.text === '-' &&
    adjacent(tokens[m.tokEnd - 1], next) &&
    t.hyphenMeasures.has(tokens[m.tokEnd + 1]?.lower ?? '')
  ) {
    return true;
  }
  // Letters glued to the digits: "11th", "122mm", "1990s".
  if (
    next?.kind === 'word' &&
    adjacent(tokens[m.tokEnd - 1], next) &&
    t.attachedSuffixes.has(next.lower)
  ) {
    return true;
  }
  // A misplaced separator ("11,00 troops"): the digits cannot be read with any confidence.
  if (
    (next?.text === ',' || next?.text === '.') &&
    adjacent(tokens[m.tokEnd - 1], next) &&
    tokens[m.tokEnd + 1]?.kind === 'num' &&
    adjacent(next, tokens[m.tokEnd + 1])
  ) {
    return true;
  }
  if (
    (prev?.text === ',' || prev?.text === '.') &&
    prev2?.kind === 'num' &&
    adjacent(prev2, prev) &&
    adjacent(prev, tokens[m.tokStart])
  ) {
    return true;
  }
  let j = m.tokEnd;
  if (tokens[j]?.text === '-' || tokens[j]?.text === '\u2011') j++;
  if (matchAt(tokens, j, t.followers)) return true;
  // "three more months", "two further weeks": a duration, whatever word of increase comes first.
  if (m.more && matchAt(tokens, m.tokEnd + 1, t.followers)) return true;
  // "two-thirds of …": a fraction, not a count.
  if (j > m.tokEnd && matchAt(tokens, j, t.fractions)) return true;
  // "one in three", "two out of three": a ratio, neither number a count.
  if (isRatioPart(tokens, m)) return true;
  // "aged 20 and 26": every age of the list, not only the first.
  for (let k = m.tokStart - 1, seen = 0; k >= 0 && seen < 6; k--, seen++) {
    const tok = tokens[k]!;
    if (tok.kind === 'num' || tok.text === ',' || tok.lower === 'and' || tok.lower === 'or')
      continue;
    if (/^(?:aged|ages|age)$/.test(tok.lower) && k < m.tokStart - 1) return true;
    break;
  }
  return false;
}

/** Small numbers as words, for ratios ("one in five"). */
const RATIO_WORDS = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
]);

const isSmallNumber = (tok: Token | undefined): boolean =>
  tok !== undefined &&
  (RATIO_WORDS.has(tok.lower) || (tok.kind === 'num' && /^\d{1,2}$/.test(tok.text)));

/** Words of time or of batches after "in three": "28 in three days" is no ratio. */
const SPANS =
  /^(?:days?|weeks?|months?|years?|hours?|rounds?|waves?|batch(?:es)?|shifts?|stages?|phases?|groups?|rotations?)$/;

/** The word number opening a ratio ("one in three"), not a count written in digits. */
const isRatioHead = (tok: Token | undefined): boolean =>
  tok !== undefined && RATIO_WORDS.has(tok.lower);

/** Whether a number is a side of a ratio: "one in three", "two out of three". */
function isRatioPart(tokens: readonly Token[], m: NumberMention): boolean {
  const start = tokens[m.tokStart];
  if (!isSmallNumber(start)) return false;
  const a = tokens[m.tokEnd];
  const b = tokens[m.tokEnd + 1];
  const c = tokens[m.tokEnd + 2];
  if (isRatioHead(start) && a?.lower === 'in' && isSmallNumber(b) && !SPANS.test(c?.lower ?? ''))
    return true;
  if (isRatioHead(start) && a?.lower === 'out' && b?.lower === 'of' && isSmallNumber(c))
    return true;
  const p1 = tokens[m.tokStart - 1];
  const p2 = tokens[m.tokStart - 2];
  const p3 = tokens[m.tokStart - 3];
  const after = tokens[m.tokEnd]?.lower ?? '';
  if (p1?.lower === 'in' && isRatioHead(p2) && !SPANS.test(after)) return true;
  return p1?.lower === 'of' && p2?.lower === 'out' && isRatioHead(p3);
}

/** Whether a fraction takes a part of the number ("nearly a third of the roughly 14,000"). */
function isWholeOfFraction(tokens: readonly Token[], m: NumberMention, t: Tables): boolean {
  let k = m.hedgeTokStart - 1;
  while (k >= 0 && t.determiners.has(tokens[k]!.lower)) k--;
  // "a third of North Korea's 11,000 troops": whose force it is ("its" is a determiner above).
  if (/['\u2019]s$/u.test(tokens[k]?.text ?? '') && /^\p{Lu}/u.test(tokens[k]!.text)) {
    k--;
    while (k >= 0 && /^\p{Lu}/u.test(tokens[k]!.text) && tokens[k]!.kind === 'word') k--;
  }
  if (tokens[k]?.lower !== 'of') return false;
  // "one in three of the 11,000": a ratio takes a part too.
  if (isSmallNumber(tokens[k - 1]) && tokens[k - 2]?.lower === 'in' && isRatioHead(tokens[k - 3]))
    return true;
  return matchEndingAt(tokens, k, t.fractions) !== null;
}

/**
 * "at least 1,000 of the 11,000 troops … had died": a number whose "of" leads straight to the
 * next number is a part of that whole; the part takes the whole's noun and predicate.
 */
function isPartOf(
  tokens: readonly Token[],
  m: NumberMention,
  next: NumberMention | undefined,
  t: Tables,
): boolean {
  if (!next) return false;
  // "4,000 out of 12,000 soldiers", "4,000 of a total of 12,000".
  let k = m.tokEnd;
  if (tokens[k]?.lower === 'out') k++;
  if (tokens[k]?.lower !== 'of') return false;
  k = afterTotalOf(tokens, k + 1);
  while (k < next.hedgeTokStart && t.determiners.has(tokens[k]!.lower)) k++;
  if (k === next.hedgeTokStart) return true;
  // "3,800 of North Korea's 12,000 troops": a possessive of up to three words before the whole.
  const last = tokens[next.hedgeTokStart - 1]?.lower ?? '';
  return (
    next.hedgeTokStart - k <= 3 &&
    (/^(?:its|their)$/u.test(last) || /['’]s$/u.test(last) || last === "'" || last === '’')
  );
}

/**
 * What befell a part ("at least 3,800 of the 12,000 soldiers sent to Russia are now dead or
 * wounded"): the whole's reading, unless the whole's own participle of sending gave it and a
 * word of loss follows in the clause, which is the part's predicate. `wholeEnd`: the token after
 * the whole's number, where its clause is read from.
 */
function partRead<R extends { metric: Metric; unit: Unit }>(
  read: R | null,
  wholeEnd: number,
  after: NumberMention | undefined,
  info: SentenceInfo,
): R | null {
  if (read?.metric !== 'deployed') return read;
  const cues = cuesIn(info, wholeEnd, after?.hedgeTokStart ?? info.tokens.length, false, false);
  const sent = cues.findIndex((c) => c.metric === 'deployed');
  const loss = cues.find((c, i) => i > sent && sent >= 0 && c.metric !== 'deployed');
  return loss ? { ...read, metric: loss.metric } : read;
}

/**
 * "Around 2,000 of the soldiers North Korea sent to fight … have been killed": a count of part
 * of a group ("N of the …") whose sending is told in a clause on the group takes the loss its
 * own predicate names, as {@link partRead} does for a numbered whole.
 */
function partitiveRead<R extends { metric: Metric; unit: Unit }>(
  read: R | null,
  m: NumberMention,
  next: NumberMention | undefined,
  info: SentenceInfo,
): R | null {
  const { tokens } = info;
  if (read?.metric !== 'deployed' || tokens[m.tokEnd]?.lower !== 'of') return read;
  if (!/^(?:the|those|these|its|their)$/u.test(tokens[m.tokEnd + 1]?.lower ?? '')) return read;
  return partRead(read, m.tokEnd + 2, next, info);
}

/** Past "a total of" / "the total of" at `k`, if it stands there. */
function afterTotalOf(tokens: readonly Token[], k: number): number {
  const a = tokens[k]?.lower;
  return (a === 'a' || a === 'the') &&
    tokens[k + 1]?.lower === 'total' &&
    tokens[k + 2]?.lower === 'of'
    ? k + 3
    : k;
}

/**
 * "4,000 North Korean soldiers out of a total of 12,000 were killed": a number after "out of"
 * that follows a counted noun is the whole the count before it is a part of.
 */
function isWholeAfterPart(
  tokens: readonly Token[],
  m: NumberMention,
  before: NumberMention | undefined,
): boolean {
  if (!before) return false;
  let k = m.hedgeTokStart - 1;
  if (tokens[k]?.lower === 'of' && tokens[k - 1]?.lower === 'total') k -= 2;
  if (tokens[k]?.lower === 'a' || tokens[k]?.lower === 'the') k--;
  return tokens[k]?.lower === 'of' && tokens[k - 1]?.lower === 'out' && k - 1 > before.tokEnd;
}

/**
 * "6,000 personnel, including 1,000 combat engineers and 5,000 military builders": people whose
 * counted parts are all builders and deminers are builders (the wider word, as FIGURES.md reads
 * "engineers and construction workers"); a list with soldiers in it names nothing new.
 */
function partsListed(tokens: readonly Token[], from: number, t: Tables): Unit | null {
  // "6,000 personnel to Russia, including …": a short phrase of place may come between.
  let inclusion: PhraseMatch<true> | null = null;
  for (let k = from; k < Math.min(tokens.length, from + 6) && !inclusion; k++) {
    if (/^[.;:]$/.test(tokens[k]!.text)) return null;
    inclusion = matchAt(tokens, k, t.inclusion);
  }
  if (!inclusion) return null;
  let end = inclusion.end;
  while (end < tokens.length && end - inclusion.end < 16 && !/^[.;:]$/.test(tokens[end]!.text))
    end++;
  // Counted parts only ("including deminers and builders" leaves the count as it is named).
  if (tokens.slice(inclusion.end, end).filter((tok) => tok.kind === 'num').length < 2) return null;
  const units = findAll(tokens, inclusion.end, end, t.units).map((u) => u.value);
  if (units.length < 2 || units.some((u) => u.unit !== 'workers' && u.unit !== 'deminers'))
    return null;
  return units.some((u) => u.unit === 'workers') ? 'workers' : 'deminers';
}

/** What follows a number: its unit, nothing (a bare number), or some other noun. */
type UnitReading =
  | {
      kind: 'unit';
      entry: UnitEntry;
      start: number;
      end: number;
      side: string | null;
      impliedMoved?: boolean;
    }
  | { kind: 'bare' }
  | { kind: 'blocked' };

const STRONG: UnitEntry = { phrase: '-strong', unit: 'troops' };

function originSide(tokens: readonly Token[], at: number, t: Tables): string | null {
  const tok = tokens[at];
  if (!tok || !t.origins.has(tok.lower)) return null;
  let k = at + 1;
  while (k < tokens.length && t.determiners.has(tokens[k]!.lower)) k++;
  if (matchAt(tokens, k, t.dprk)) return 'KP';
  return null;
}

/** Words before a verb of use that make it about other items ("similar to those used"). */
const OTHER_ITEMS = new Set(['those', 'ones']);
/** Words that tie a toll to the people it counts ("casualties among the troops"). */
const OF_GROUP = new Set(['among', 'of']);
/** Words that make a small number a group the story already introduced ("the two men"). */
const DEFINITE = new Set(['the', 'these', 'those', 'both']);
/** Auxiliaries of a passive toll verb ("have been killed", "were wounded"). */
const PASSIVE = new Set(['been', 'were', 'was', 'are', 'is', 'got', 'be']);

/** Verbs that may follow a subject number and end its noun phrase ("fewer than 50 appear to …"). */
const AUXILIARIES = new Set([
  'are',
  'is',
  'were',
  'was',
  'have',
  'has',
  'had',
  'will',
  'would',
  ...SEEMING_VERBS,
]);
/** Modal verbs that make what follows a foreseen or possible event, not a reported one. */
const MODALS = new Set(['could', 'would', 'might', 'may']);
/** Verbs that make the noun after them what befell the subject ("have become casualties"). */
const BECOME = new Set(['become', 'became', 'becoming']);
/** Auxiliaries of a perfect toll verb ("troops sent to Russia have died"). */
const PERFECT = new Set(['have', 'has', 'had']);

/** Words that may follow a whole noun phrase: prepositions, joiners and auxiliaries. */
const AFTER_NOUN_PHRASE = new Set([
  ...AUXILIARIES,
  'to',
  'for',
  'from',
  'in',
  'into',
  'and',
  'or',
  'that',
  'which',
  'since',
  'as',
  'with',
  'by',
  'on',
  'at',
]);

/** Whether a noun phrase may end before `at`: the clause ends, or a preposition or verb follows. */
function endsNounPhrase(tokens: readonly Token[], at: number): boolean {
  const tok = tokens[at];
  return tok === undefined || tok.kind === 'punct' || AFTER_NOUN_PHRASE.has(tok.lower);
}

/** Whether nothing noun-like follows: the clause ends, or a verb comes next. */
function endsClause(tokens: readonly Token[], at: number): boolean {
  const tok = tokens[at];
  return tok === undefined || tok.kind === 'punct' || AUXILIARIES.has(tok.lower);
}

/** "3 million a year", "500 per month": a rate after a number says nothing of its unit. */
const RATE_WORDS = new Set(['year', 'month', 'week', 'day']);
function afterRate(tokens: readonly Token[], start: number): number {
  const a = tokens[start]?.lower;
  const b = tokens[start + 1]?.lower;
  if ((a === 'a' || a === 'per' || a === 'each' || a === 'every') && RATE_WORDS.has(b ?? '')) {
    return start + 2;
  }
  // "loses about 92 soldiers daily": the adverb after the noun makes a rate too.
  if (a === 'annually' || a === 'monthly' || a === 'daily' || a === 'weekly') return start + 1;
  return start;
}

/** Words that a "daily" before a number makes a rate ("daily losses", "a daily average"). */
const DAILY_HEADS = new Set(['losses', 'loss', 'casualties', 'toll', 'average', 'rate']);

/** Whether "daily losses"/"a daily average" opens the clause just before a number. */
function dailyBefore(tokens: readonly Token[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 6); k--) {
    const word = tokens[k]!.lower;
    if (word === ',' || word === ';' || word === '.') return false;
    if (word === 'daily' && DAILY_HEADS.has(tokens[k + 1]?.lower ?? '')) return true;
  }
  return false;
}

/** Formations and vessels: counted, they are no people and no materiel sent. */
const OTHER_COUNTED = new Set([
  'ships',
  'vessels',
  'tankers',
  'brigades',
  'battalions',
  'regiments',
  'divisions',
  'trains',
  'railcars',
  'voyages',
  'trips',
]);

/** Nouns of vessels, which a unit word before them describes ("container ships"). */
const VESSELS = new Set(['ship', 'ships', 'vessel', 'vessels', 'carrier', 'carriers']);

function unitAfter(tokens: readonly Token[], rawStart: number, t: Tables): UnitReading {
  const start = afterRate(tokens, rawStart);
  let j = start;
  let side: string | null = null;
  if (tokens[j]?.text === '-' && t.strength.has(tokens[j + 1]?.lower ?? '')) {
    let end = j + 2;
    // "a 12,000-strong North Korean contingent"
    const nat = matchAt(tokens, end, t.nationalities);
    if (nat) {
      side = nat.value;
      end = nat.end;
    }
    return { kind: 'unit', entry: STRONG, start: j, end, side, impliedMoved: true };
  }
  // "a 500,000-barrel-per-year limit": a quantity per time built into an adjective counts no
  // thing sent.
  if (
    tokens[j]?.text === '-' &&
    tokens[j + 2]?.text === '-' &&
    tokens[j + 1]?.kind === 'word' &&
    /^(?:per|a)$/u.test(tokens[j + 3]?.lower ?? '')
  )
    return { kind: 'blocked' };
  // "over 100 pieces of equipment have been transferred, including … artillery systems".
  const collective = matchAt(tokens, j, t.collective);
  if (collective) {
    const listed = listedMateriel(tokens, collective.end, t);
    if (listed) {
      return { kind: 'unit', entry: listed, start: j, end: collective.end, side: null };
    }
  }
  let skipped = 0;
  while (j < tokens.length && skipped < 10) {
    const unit = matchAt(tokens, j, t.units);
    // "four container ships": a unit word before a noun of vessels names the vessels' kind.
    if (unit && VESSELS.has(tokens[unit.end]?.lower ?? '')) return { kind: 'blocked' };
    if (unit) {
      const from = originSide(tokens, unit.end, t);
      const joined = joinedUnit(tokens, unit.end, unit.value, t);
      return {
        kind: 'unit',
        entry: joined?.entry ?? unit.value,
        start: unit.start,
        end: joined?.end ?? unit.end,
        side: side ?? unit.value.side ?? from,
      };
    }
    const nat = matchAt(tokens, j, t.nationalities);
    if (nat) {
      side = nat.value;
      j = nat.end;
      skipped++;
      continue;
    }
    const tok = tokens[j]!;
    if (CLOSING_QUOTES.has(tok.text) || (j === start && OPENING_QUOTES.has(tok.text))) {
      // "“up to 2,000” North Korean military personnel", "7,000 “trash balloons”": the quote
      // mark is transparent.
      j++;
      continue;
    }
    // "400,000 (artillery) rounds": a word or two an editor bracketed in belongs to the noun.
    if (tok.text === '(' && j === start) {
      const close = tokens[j + 2]?.text === ')' ? j + 2 : tokens[j + 3]?.text === ')' ? j + 3 : -1;
      if (close > 0 && tokens.slice(j + 1, close).every((x) => x.kind === 'word')) {
        j = close + 1;
        skipped++;
        continue;
      }
    }
    // "three or four of these brigades", "two of the ships": a count of formations or vessels
    // counts no one and nothing sent.
    if (
      j === start &&
      (OTHER_COUNTED.has(tok.lower) ||
        (tok.lower === 'of' &&
          (DEMONSTRATIVE.has(tokens[j + 1]?.lower ?? '') || tokens[j + 1]?.lower === 'the') &&
          OTHER_COUNTED.has(tokens[j + 2]?.lower ?? '')))
    )
      return { kind: 'blocked' };
    // "up to 200 of these artillery pieces": a part of the kind just named is of that kind.
    if (
      j === start &&
      tok.lower === 'of' &&
      DEMONSTRATIVE.has(tokens[j + 1]?.lower ?? '') &&
      matchAt(tokens, j + 2, t.units) !== null
    ) {
      j += 2;
      skipped++;
      continue;
    }
    const isModifier = t.modifiers.has(tok.lower);
    const isName = tok.kind === 'word' && /^\p{Lu}/u.test(tok.text);
    const isDesignation =
      tok.kind === 'num' &&
      ((tokens[j - 1]?.text === '-' && adjacent(tokens[j - 1], tok)) ||
        (tokens[j + 1] !== undefined &&
          adjacent(tok, tokens[j + 1]) &&
          /^[-a-z]/.test(tokens[j + 1]!.lower)));
    // "4 million 122 mm shells", "2 million 8-inch rounds": a calibre belongs to the noun.
    let measure = j + 1;
    if (tokens[measure]?.text === '-') measure++;
    const isCalibre =
      tok.kind === 'num' &&
      t.modifiers.has(tokens[measure]?.lower ?? '') &&
      matchAt(tokens, measure, t.followers) !== null;
    // "120 North Korean-made Koksans": where a thing was made describes it.
    const isMadeIn = MADE.has(tok.lower) && tokens[j - 1]?.text === '-' && skipped > 0;
    // "the 15,000 deployed soldiers": a participle that says no loss, right before a unit.
    const isParticiple =
      tok.kind === 'word' &&
      /^\p{Ll}+ed$/u.test(tok.text) &&
      matchAt(tokens, matchAt(tokens, j + 1, t.nationalities)?.end ?? j + 1, t.units) !== null &&
      (matchAt(tokens, j, t.cues)?.value.metric ?? 'moved') === 'moved';
    if (
      isModifier ||
      isName ||
      isDesignation ||
      isCalibre ||
      isMadeIn ||
      isParticiple ||
      tok.text === '-'
    ) {
      j++;
      skipped++;
      continue;
    }
    // "200 units of self-propelled artillery": the noun after "of" is what is counted.
    if (t.countNouns.has(tok.lower) && tokens[j + 1]?.lower === 'of') {
      j += 2;
      skipped++;
      continue;
    }
    // "152mm and 122mm shells": calibres joined before their noun.
    if (t.listJoiners.has(tok.lower) && skipped > 0 && tokens[j + 1]?.kind === 'num') {
      let k = j + 2;
      if (tokens[k]?.text === '-') k++;
      if (t.modifiers.has(tokens[k]?.lower ?? '') && matchAt(tokens, k, t.followers)) {
        j++;
        skipped++;
        continue;
      }
    }
    // "KN-23 and KN-24 missiles", "Koksan, Tokchon guns": names joined before their noun.
    const nextTok = tokens[j + 1];
    if (
      t.listJoiners.has(tok.lower) &&
      skipped > 0 &&
      nextTok?.kind === 'word' &&
      /^\p{Lu}/u.test(nextTok.text) &&
      matchAt(tokens, j + 1, t.nationalities) === null
    ) {
      j++;
      skipped++;
      continue;
    }
    break;
  }
  // "50 self-propelled artillery to Russia": a materiel word read as a modifier is the head noun
  // when nothing it could modify follows it.
  const head = tokens[j - 1];
  if (j > start && head && t.headModifiers.has(head.lower) && endsNounPhrase(tokens, j)) {
    // "3 million artillery and mortar rounds": joined modifiers share the noun after them.
    if (t.listJoiners.has(tokens[j]?.lower ?? '')) {
      for (let k = j + 1; k <= j + 3 && k < tokens.length; k++) {
        const shared = matchAt(tokens, k, t.units);
        if (shared)
          return { kind: 'unit', entry: shared.value, start: j - 1, end: shared.end, side };
        if (!t.modifiers.has(tokens[k]!.lower) && tokens[k]!.kind !== 'word') break;
      }
    }
    const entry = t.headModifiers.get(head.lower)!;
    return { kind: 'unit', entry, start: j - 1, end: j, side };
  }
  // "almost 40 other countries": "other" before a noun that is no unit counts that noun.
  const stop = tokens[j];
  if (
    j === start + 1 &&
    tokens[start]?.lower === 'other' &&
    stop?.kind === 'word' &&
    /^\p{Ll}/u.test(stop.text) &&
    !t.bareFollowers.has(stop.lower) &&
    !AFTER_NOUN_PHRASE.has(stop.lower) &&
    !t.bareSuffixes.some((x) => stop.lower.endsWith(x))
  )
    return { kind: 'blocked' };
  let f = start;
  while (
    tokens[f] &&
    (CLOSING_QUOTES.has(tokens[f]!.text) || (f === start && OPENING_QUOTES.has(tokens[f]!.text)))
  )
    f++;
  const first = tokens[f];
  if (!first || first.kind === 'punct') return { kind: 'bare' };
  // "two Far Eastern ports": a capitalised word after the number begins a name, not a clause.
  const named = /^\p{Lu}/u.test(first.text);
  // "killing eight of their allies": a part of a group named right after, which is no unit.
  if (first.lower === 'of' && OWNERS.has(tokens[f + 1]?.lower ?? '')) {
    const noun = tokens[f + 2];
    if (
      noun?.kind === 'word' &&
      PLURAL_NOUN.test(noun.text) &&
      matchAt(tokens, f + 2, t.units) === null &&
      matchAt(tokens, f + 2, t.cues) === null
    )
      return { kind: 'blocked' };
  }
  if (!named && t.bareFollowers.has(first.lower)) return { kind: 'bare' };
  if (!named && t.bareSuffixes.some((x) => first.lower.endsWith(x))) {
    // "five observed trips", "two armed clashes", "10 bereaved family members": a participle
    // before a plural noun (or a compound ending in one) that is no unit describes that noun,
    // which is what the number counts.
    const second = tokens[f + 2];
    const compound =
      tokens[f + 1]?.kind === 'word' &&
      /^\p{Ll}+$/u.test(tokens[f + 1]!.text) &&
      !/s$/u.test(tokens[f + 1]!.text) &&
      second?.kind === 'word' &&
      PLURAL_NOUN.test(second.text) &&
      matchAt(tokens, f + 1, t.units) === null;
    const noun = compound ? second : tokens[f + 1];
    if (
      noun?.kind === 'word' &&
      PLURAL_NOUN.test(noun.text) &&
      !NOT_PLURAL_NOUNS.has(noun.lower) &&
      !t.bareFollowers.has(noun.lower) &&
      // "600 confirmed deaths": a noun of loss is what the bare number counts.
      matchAt(tokens, compound ? f + 2 : f + 1, t.cues) === null
    ) {
      return { kind: 'blocked' };
    }
    return { kind: 'bare' };
  }
  return { kind: 'blocked' };
}

/** A lower-case plural noun ("trips", "railcars", "allies"): what a number may count instead of a unit. */
const PLURAL_NOUN = /^\p{Ll}[\p{Ll}-]{2,}s$/u;

/** Demonstratives before the noun of a partitive "of" ("200 of these artillery pieces"). */
const DEMONSTRATIVE = new Set(['these', 'those']);

/** Possessives that open the group a partitive "of" names ("eight of their allies"). */
const OWNERS = new Set(['their', 'its', 'his', 'her', 'our']);

/** Participles that, hyphened to a country, say where a thing was made: "Iranian-made". */
const MADE = new Set(['made', 'built', 'produced', 'manufactured', 'designed']);

/** Words ending in "s" that follow a participle without being a noun it describes. */
const NOT_PLURAL_NOUNS = new Set([
  'was',
  'has',
  'this',
  'thus',
  'across',
  'towards',
  'afterwards',
  'alongside',
  'besides',
  'perhaps',
  'always',
  'sometimes',
  'overseas',
  'whereas',
  'its',
  'his',
  'hers',
  'ours',
  'theirs',
  'yours',
  'less',
  'unless',
  'since',
]);

/**
 * The unit of one count that names two kinds of builders: "6,000 engineers and construction
 * workers", "6,000 construction personnel and deminers" count workers, most of whom build (a
 * count of deminers alone is named so).
 */
function joinedUnit(
  tokens: readonly Token[],
  at: number,
  first: UnitEntry,
  t: Tables,
): { entry: UnitEntry; end: number } | null {
  if (first.unit !== 'deminers' && first.unit !== 'workers') return null;
  const joiner = tokens[at]?.lower;
  // A headline joins them with a comma ("6,000 military engineers, construction workers").
  if (joiner !== 'and' && joiner !== '&' && joiner !== ',') return null;
  let k = at + 1;
  for (let skipped = 0; skipped < 3 && k < tokens.length; skipped++) {
    const other = matchAt(tokens, k, t.units);
    if (other) {
      const pair = new Set([first.unit, other.value.unit]);
      if (!pair.has('deminers') || !pair.has('workers')) return null;
      return { entry: first.unit === 'workers' ? first : other.value, end: other.end };
    }
    if (!t.modifiers.has(tokens[k]!.lower)) return null;
    k++;
  }
  return null;
}

/** The first materiel noun after an inclusion word that follows `from` in the sentence. */
function listedMateriel(tokens: readonly Token[], from: number, t: Tables): UnitEntry | null {
  const inclusion = findAll(tokens, from, Math.min(tokens.length, from + 15), t.inclusion)[0];
  if (!inclusion) return null;
  const unit = findAll(
    tokens,
    inclusion.end,
    Math.min(tokens.length, inclusion.end + 15),
    t.units,
  )[0];
  return unit && MATERIEL.has(unit.value.unit) ? unit.value : null;
}

const LOSS_METRICS = new Set<string>(['killed', 'wounded', 'captured', 'missing', 'mixed']);
const LIST_JOINERS = new Set([',', 'and', 'or']);

/**
 * "the total of wounded, killed, missing and captured soldiers was about 4,000": a list of
 * kinds of loss that share one number counts them together, as casualties, whatever kind comes
 * last. The cue table spells the common pairs; this reads any longer list.
 */
function joinLossCues(
  cues: PhraseMatch<MetricCue>[],
  tokens: readonly Token[],
): PhraseMatch<MetricCue>[] {
  if (cues.length < 2) return cues;
  const out: PhraseMatch<MetricCue>[] = [];
  for (let i = 0; i < cues.length; i++) {
    let j = i;
    const kinds = new Set<string>();
    while (j < cues.length && LOSS_METRICS.has(cues[j]!.value.metric)) {
      kinds.add(cues[j]!.value.metric);
      const next = cues[j + 1];
      if (!next || !LOSS_METRICS.has(next.value.metric)) break;
      let between = cues[j]!.end;
      while (between < next.start && LIST_JOINERS.has(tokens[between]!.lower)) between++;
      if (between !== next.start || next.start === cues[j]!.end) break;
      j++;
    }
    const first = cues[i]!;
    if (j > i && kinds.size >= 2 && (kinds.has('killed') || kinds.has('wounded'))) {
      out.push({
        start: first.start,
        end: cues[j]!.end,
        value: { phrase: 'losses', metric: 'casualties' },
      });
      i = j;
    } else out.push(first);
  }
  return out;
}

/** The nearest unit named before a bare number ("the number of containers to 20,000"). */
function unitBefore(
  tokens: readonly Token[],
  end: number,
  t: Tables,
): { entry: UnitEntry; start: number; end: number; side: string | null } | null {
  const from = Math.max(0, end - 30);
  const found = findAll(tokens, from, end, t.units).filter((u) => !u.value.afterOnly);
  const last = found[found.length - 1];
  if (!last) return null;
  let entry = last.value;
  // "casualties among North Korean troops … have exceeded 4,000": the head of the subject is the
  // toll; the people it is among only say whose.
  const head = found[found.length - 2];
  if (head?.value.metric && !last.value.metric && OF_GROUP.has(tokens[head.end]?.lower ?? '')) {
    let k = head.end + 1;
    while (k < last.start) {
      const nat = matchAt(tokens, k, t.nationalities);
      if (nat) k = nat.end;
      else if (t.modifiers.has(tokens[k]!.lower) || t.determiners.has(tokens[k]!.lower)) k++;
      else break;
    }
    if (k === last.start) entry = head.value;
  }
  let side: string | null = last.value.side ?? null;
  let k = last.start;
  for (let steps = 0; steps < 5 && k > 0 && side === null; steps++) {
    const nat = matchEndingAt(tokens, k, t.nationalities);
    if (nat) {
      side = nat.value;
      break;
    }
    if (!t.modifiers.has(tokens[k - 1]!.lower)) break;
    k--;
  }
  if (side === null) side = originSide(tokens, last.end, t);
  return { entry, start: last.start, end: last.end, side };
}

/** Words that make a bare number after a comma the total of the noun before the comma. */
const TOTALLING = new Set(['totaling', 'totalling', 'numbering', 'amounting']);

/**
 * "an unprecedented number of freight railcars, totaling up to 73": a bare number that totals
 * the plural noun just before its comma counts that noun, which here is no unit.
 */
function totalOfOther(tokens: readonly Token[], hedgeStart: number, t: Tables): boolean {
  let k = hedgeStart - 1;
  if (tokens[k]?.lower === 'to' && tokens[k - 1]?.lower === 'amounting') k--;
  if (!TOTALLING.has(tokens[k]?.lower ?? '') || tokens[k - 1]?.text !== ',') return false;
  const noun = tokens[k - 2];
  return (
    noun?.kind === 'word' &&
    PLURAL_NOUN.test(noun.text) &&
    matchEndingAt(tokens, k - 1, t.units) === null
  );
}

/** A metric cue turned into this unit's metric, or null when it does not apply to it. */
function cueMetric(cue: MetricCue, materiel: boolean): Metric | 'mixed' | null {
  if (cue.metric === 'mixed') return 'mixed';
  if (materiel) {
    if (cue.metric === 'supplied' || cue.metric === 'moved') return 'supplied';
    return null;
  }
  if (cue.metric === 'moved' || cue.metric === 'supplied') return 'deployed';
  return cue.metric;
}

interface CueHit {
  metric: Metric | 'mixed';
  at: number;
  end: number;
  copular: boolean;
}

function cuesIn(
  info: SentenceInfo,
  from: number,
  to: number,
  materiel: boolean,
  weak: boolean,
): CueHit[] {
  if (to <= from) return [];
  const out: CueHit[] = [];
  // Cues are in order and do not overlap: skip to the first that ends after `from`.
  let lo = 0;
  let hi = info.cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (info.cues[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < info.cues.length; i++) {
    const m = info.cues[i]!;
    if (m.start >= to) break;
    if (Boolean(m.value.weak) !== weak || m.value.inert) continue;
    const metric = cueMetric(m.value, materiel);
    if (metric) out.push({ metric, at: m.start, end: m.end, copular: m.value.copular === true });
  }
  return out;
}

/**
 * "Kursk, a region captured by Ukrainian forces in August, hosts 11,000 troops": a capture with
 * its agent, cut off from the number by a comma, says what befell the noun before it.
 */
function capturedNounBefore(tokens: readonly Token[], cue: CueHit, numberAt: number): boolean {
  return (
    cue.metric === 'captured' &&
    tokens[cue.end]?.lower === 'by' &&
    tokens.slice(cue.end, numberAt).some((x) => x.text === ',')
  );
}

/** Characters either side of a number searched for its date in a very long sentence. */
const DATE_WINDOW = 300;
const HARD_STOP = new Set([';', ':', '(', ')']);
const CLOSING_QUOTES = new Set(['\u201D', '"', '\u2019', '\u00BB']);
/** Quote marks that open a quoted noun right after its number ("7,000 “trash balloons”"). */
const OPENING_QUOTES = new Set(['\u201C', '\u2018', '\u00AB', "'"]);

/** The lower-cased word before token `at`, past any quote marks. */
function wordBefore(tokens: readonly Token[], at: number): string {
  let k = at - 1;
  while (k >= 0 && (OPENING_QUOTES.has(tokens[k]!.text) || CLOSING_QUOTES.has(tokens[k]!.text)))
    k--;
  return tokens[k]?.lower ?? '';
}

/** The first token index before `at` (exclusive) at which a clause stops, scanning back. */
function clauseStartBefore(
  tokens: readonly Token[],
  at: number,
  floor: number,
  soft: boolean,
): number {
  for (let k = at - 1; k >= floor; k--) {
    const tx = tokens[k]!.text;
    if (HARD_STOP.has(tx) || (soft && tx === ',')) return k + 1;
  }
  return floor;
}

function clauseEndAfter(tokens: readonly Token[], at: number, ceiling: number): number {
  for (let k = at; k < ceiling; k++) {
    if (HARD_STOP.has(tokens[k]!.text)) return k;
  }
  return ceiling;
}

interface Placed {
  mention: NumberMention;
  figure: Figure;
}

/** "… the routes of the shipments.1": a footnote's number glued to the stop after a word. */
const FOOTNOTE_BEFORE = /\p{L}[.,;:]$/u;

/** Active participles of harm: what follows them is whom the subject harmed. */
const HARMING = new Set(['killing', 'wounding', 'injuring']);
/** The North or its troops named. */
const NORTH_KOREAN = /\bNorth\s+Korea|\bDPRK\b|\bPyongyang\b/u;

/** Nouns of a whole force whose size "of N" gives ("a force of 12,000"). */
const FORCE_NOUNS = new Set(['force', 'contingent', 'corps', 'expeditionary']);

/** Formations counted by number ("three North Korean brigades"). */
const FORMATIONS = /\b(?:brigades|battalions|regiments|divisions|companies|units)\b/iu;

/** Whether the sentence counts formations before the number ("of three brigades, …"). */
function formationsBefore(info: SentenceInfo, m: NumberMention): boolean {
  return FORMATIONS.test(info.sentence.text.slice(0, info.tokens[m.hedgeTokStart]!.start));
}

/** Conjunctions that join a clause of its own after a comma. */
const CLAUSE_JOINERS = new Set(['and', 'but', 'while', 'whereas']);
/** Vague amounts that stand as a clause's subject ("thousands have died", "many were hurt"). */
const VAGUE_SUBJECTS = new Set([
  'thousands',
  'hundreds',
  'dozens',
  'many',
  'most',
  'some',
  'several',
]);

/** Participles that, right after a noun of people, say which of them are counted. */
const SENT_PARTICIPLES = new Set(['deployed', 'sent', 'dispatched', 'transferred']);

/** Relative pronouns that open a clause describing the people just counted. */
const WHO = new Set(['who', 'that']);

/** What opens a reduced relative clause on a noun of people: "(believed) to have been …". */
const REDUCED_RELATIVE =
  /^(?:believed|thought|said|reported|estimated|known|understood) to have been$/u;

/** The lower-case words of tokens `from` to `to`, joined by one space. */
function wordsBetween(tokens: readonly Token[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((x) => x.lower)
    .join(' ');
}

/** Words that open a relative clause about the noun before them. */
const RELATIVE = new Set(['that', 'which']);

/** A rate after a number: "each day", "per week", "a day", "daily". */
const RATE_AFTER = /\b(?:(?:each|per|a|every)\s+(?:day|week|month)|daily)\b/iu;

/** Words of travellers counted: visits, visitors, immigration, entry by purpose. */
const VISITORS =
  /\b(?:visit(?:ed|ing|ors?)|immigration|entr(?:y|ies)\s+purposes?|purposes?\s+of\s+(?:entry|the\s+trip|travel))\b/iu;

/**
 * A month's toll of the whole front: "48,240 last month", "45,000 casualties in November alone"
 * (a rate per month is {@link RATE_AFTER}'s).
 */
const MONTH_TOLL =
  /\b(?:(?:last|this|that)\s+month|monthly|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+alone)\b/u;

/** The whole war named as the frame of a count: "deadliest day of the war", "since the war began". */
const WHOLE_WAR =
  /\b(?:(?:of|in|since\s+the\s+(?:start|beginning)\s+of)\s+the\s+(?:whole\s+|entire\s+)?war\b|since\s+the\s+war\s+(?:began|started))/iu;

/** Verbs whose object is a loss the subject suffered. */
const SUFFERED = new Set(['sustained', 'suffered', 'incurred', 'sustain', 'suffer', 'suffering']);

/** Words that give a new value to a figure already named: "has increased to", "put the figure at". */
const RESTATED =
  /(?:\b(?:increased|rose|risen|rise|grown|grow|grew|climbed|jumped|swelled)\s+to|\b(?:upped|raised|revised|increased)\s+(?:the|that|this|its)\s+(?:figure|number|total|tally|estimate)(?:\s+(?:up|upward|upwards))?\s+to|\b(?:the|that)\s+(?:figure|number|total|tally)(?:\s+(?:even\s+)?(?:higher|lower))?\s*,?\s+at)\s*$/iu;

/** Whether a sentence names Russia as where people go: "to Russia", "into Russia". */
function sentToRussia(tokens: readonly Token[], t: Tables): boolean {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const w = tokens[k]!.lower;
    if ((w === 'to' || w === 'into') && matchAt(tokens, k + 1, t.russia)) return true;
  }
  return false;
}

/** The metric of the predicate after an aside that closes at `close` (a comma or a dash). */
function predicateAfter(
  info: SentenceInfo,
  close: number,
  materiel: boolean,
): Metric | 'mixed' | null {
  const { tokens } = info;
  const to = clauseEndAfter(tokens, close + 1, Math.min(tokens.length, close + 12));
  return (
    cuesIn(info, close + 1, to, materiel, false)[0]?.metric ??
    cuesIn(info, close + 1, to, materiel, true)[0]?.metric ??
    null
  );
}

/** Dashes that open and close an aside. */
const DASHES = new Set(['\u2013', '\u2014']);

/** Verbs of growth before "by" and a number. */
const GROWN = new Set(['risen', 'rose', 'grown', 'grew', 'increased', 'swelled', 'climbed']);

/** Nouns of a lack: what they count was not delivered. */
const SHORTFALL = new Set(['shortage', 'shortfall', 'deficit', 'gap']);

/** Whether a memorial word governs the number: "portraits of 101", "the memorial's 101". */
function memorialOf(tokens: readonly Token[], m: NumberMention, t: Tables): boolean {
  for (let k = m.hedgeTokStart - 1; k >= Math.max(0, m.hedgeTokStart - 3); k--) {
    const hit = matchAt(tokens, k, t.memorial);
    if (hit && hit.end >= m.hedgeTokStart - 2) return true;
  }
  return false;
}

/** Vague amounts of hundreds or thousands ("a few thousand", "several hundred"). */
const VAGUE_SCALE = new Set(['thousand', 'thousands', 'hundred', 'hundreds']);
const VAGUE_AMOUNT = new Set(['few', 'several', 'some', 'many']);

/**
 * "another few thousand – perhaps two or three – are being transferred": a small bare number
 * right after a vague amount of thousands counts the thousands, not the people.
 */
function countOfThousands(tokens: readonly Token[], m: NumberMention): boolean {
  if (m.value >= 10) return false;
  for (let k = m.hedgeTokStart - 1; k >= Math.max(1, m.hedgeTokStart - 5); k--)
    if (VAGUE_SCALE.has(tokens[k]!.lower) && VAGUE_AMOUNT.has(tokens[k - 1]!.lower)) return true;
  return false;
}

/** What one number in a sentence counts, or null when it is not a figure. */
function readFigure(
  m: NumberMention,
  next: NumberMention | undefined,
  prev: Placed | undefined,
  info: SentenceInfo,
  previousDprk: boolean,
  articleDprk: boolean,
  t: Tables,
  before?: NumberMention,
): {
  unit: Unit;
  metric: Metric;
  side: string;
  generic: boolean;
  ownUnit: boolean;
  /** The number is a growth ("has risen by 2,000"): an increment. */
  grown: boolean;
} | null {
  const { tokens } = info;
  // "Oct 5, 2024 09:27 76": a line of a date, a time and a page's counter says nothing.
  if (info.sentence.text.length < 60 && DATE_LINE.test(info.sentence.text.replace(MONTH_WORD, '')))
    return null;
  // "took about two-and-a-half hours": a number with a half is an amount, not a count.
  if (
    (tokens[m.tokEnd]?.text === '-' && tokens[m.tokEnd + 1]?.lower === 'and') ||
    (tokens[m.tokEnd]?.lower === 'and' &&
      tokens[m.tokEnd + 1]?.lower === 'a' &&
      tokens[m.tokEnd + 2]?.lower === 'half')
  )
    return null;
  // "first Koksan howitzer destroyed – 199 to go": a countdown of what is left, no count sent.
  if (tokens[m.tokEnd]?.lower === 'to' && tokens[m.tokEnd + 1]?.lower === 'go') return null;
  const after = unitAfter(tokens, m.tokEnd, t);
  if (after.kind === 'blocked') return null;
  // "North Korean soldiers opened fire on a Chechen unit, killing eight servicemen": whom the
  // North's troops kill are their victims, not North Korean losses.
  if (
    HARMING.has(tokens[m.hedgeTokStart - 1]?.lower ?? '') &&
    (after.kind !== 'unit' || after.side !== 'KP') &&
    NORTH_KOREAN.test(info.sentence.text.slice(0, tokens[m.hedgeTokStart - 1]!.start))
  )
    return null;
  // "a 500,000-shell shortage", "a shortfall of 500,000 shells": a count of what is missing.
  if (
    (tokens[m.tokEnd]?.text === '-' && SHORTFALL.has(tokens[m.tokEnd + 2]?.lower ?? '')) ||
    (tokens[m.hedgeTokStart - 1]?.lower === 'of' &&
      SHORTFALL.has(tokens[m.hedgeTokStart - 2]?.lower ?? ''))
  ) {
    return null;
  }
  let entry: UnitEntry | null = null;
  let unitSide: string | null = null;
  let unitEnd = m.tokEnd;
  let impliedMoved = false;
  /** Where the noun named before a bare number ends. */
  let backEnd: number | undefined;
  if (after.kind === 'unit') {
    entry = after.entry;
    // "300 soldiers were killed and 500 others wounded": "others" are more of the same.
    if (entry.generic && entry.phrase === 'others' && prev) {
      entry = { phrase: 'others', unit: prev.figure.unit };
    } else if (entry.generic && entry.phrase === 'others' && formationsBefore(info, m)) {
      // "of three brigades, one was destroyed and two others suffered losses": the others are
      // more of the formations counted before, not people.
      return null;
    }
    unitSide = after.side;
    unitEnd = after.end;
    impliedMoved = after.impliedMoved === true;
  } else {
    if (totalOfOther(tokens, m.hedgeTokStart, t)) return null;
    if (countOfThousands(tokens, m)) return null;
    // "one of three brigades was destroyed, while the other two lost …": the same formations.
    if (tokens[m.hedgeTokStart - 1]?.lower === 'other' && formationsBefore(info, m)) return null;
    const back = unitBefore(tokens, m.hedgeTokStart, t);
    if (back) {
      entry = back.entry;
      unitSide = back.side;
      backEnd = back.end;
    } else if (prev) {
      entry = { phrase: '', unit: prev.figure.unit };
    } else if (
      info.lastFigure &&
      RESTATED.test(info.sentence.text.slice(0, tokens[m.hedgeTokStart]!.start))
    ) {
      entry = { phrase: '', unit: info.lastFigure.unit, metric: info.lastFigure.metric };
    } else if (
      info.carried &&
      (MATERIEL.has(info.carried.unit) || info.carried.metric !== undefined) &&
      endsClause(tokens, afterRate(tokens, m.tokEnd))
    ) {
      // Only a noun that changes what a bare number means (materiel, or a toll) carries over:
      // people in general are what a bare number counts anyway.
      entry = info.carried;
    }
  }
  // "between 1988 and 1995": a range of two years is years too.
  const yearLike =
    (m.plainDigits !== null && /^(1[89]|2[01])\d\d$/.test(m.plainDigits)) ||
    (m.valueHigh !== undefined && /^(1[89]|2[01])\d\d\D+(1[89]|2[01])\d\d$/.test(m.text));
  if (yearLike) {
    const before = tokens[m.hedgeTokStart - 1];
    if (after.kind !== 'unit' || (before && t.yearPrepositions.has(before.lower))) return null;
  }

  const unit: Unit | null = entry?.unit ?? null;
  const materiel = unit !== null && MATERIEL.has(unit);
  // "1,200 a day": a rate of losses is no count of people (a rate of deliveries still says
  // how much is supplied).
  if (!materiel && afterRate(tokens, m.tokEnd) > m.tokEnd) return null;
  // "Daily losses amount to about 92 soldiers": the rate is named before the number.
  if (!materiel && dailyBefore(tokens, m.hedgeTokStart)) return null;
  // "1,250 casualties a day": the rate may follow the noun ("a day earlier" is a date).
  if (!materiel && after.kind === 'unit' && afterRate(tokens, unitEnd) > unitEnd) {
    const following = tokens[unitEnd + 2]?.lower ?? '';
    if (!/^(?:earlier|before|later|after|ago)$/.test(following)) return null;
  }
  // A following number that counts nothing ("at five ranges") does not close this one's clause.
  const nextCounts = next !== undefined && unitAfter(tokens, next.tokEnd, t).kind !== 'blocked';
  const nextStart = next && nextCounts ? next.hedgeTokStart : tokens.length;
  const prevEnd = prev ? prev.mention.tokEnd : 0;

  // Materiel fired, launched or tested is used, not supplied: a verb of use nearer the number
  // than any verb of supply leaves it out ("fired 38 missiles"; but "supplied 100 missiles,
  // some of which Russia has fired" is a supply).
  if (materiel) {
    const lo = Math.max(prevEnd, m.hedgeTokStart - 8);
    const hi = Math.min(nextStart, unitEnd + 4);
    const useBefore = findAll(tokens, lo, m.hedgeTokStart, t.usage).pop();
    // "shells similar to those used by Russia": a verb of use after "those" is about other items.
    // "50 missiles they say that Russia launched": the relative clause's verb is about them.
    let useHi = hi;
    for (let k = unitEnd; k < hi; k++) {
      if (RELATIVE.has(tokens[k]!.lower)) {
        useHi = Math.min(nextStart, k + 5);
        break;
      }
    }
    // "24 missiles, possibly made in North Korea, have been used": the verb after an aside.
    if (tokens[unitEnd]?.text === ',') {
      for (let k = unitEnd + 1; k < Math.min(nextStart, unitEnd + 10); k++) {
        if (HARD_STOP.has(tokens[k]!.text)) break;
        if (tokens[k]!.text === ',') {
          useHi = Math.max(useHi, Math.min(nextStart, k + 5));
          break;
        }
      }
    }
    const useAfter = findAll(tokens, unitEnd, useHi, t.usage).filter(
      (u) => !OTHER_ITEMS.has(tokens[u.start - 1]?.lower ?? ''),
    )[0];
    const supply = cuesIn(info, lo, hi, true, false);
    const supplyBefore = supply.filter((c) => c.at < m.hedgeTokStart).pop();
    if (useBefore && (!supplyBefore || useBefore.start > supplyBefore.at)) return null;
    if (useAfter && supply.length === 0) return null;
  }

  let metric: Metric | 'mixed' | null = after.kind === 'unit' ? (entry?.metric ?? null) : null;
  // "1,000 troops who have been fighting in the Kursk region of Russia have been killed": a
  // relative clause on the noun pushes its verb further off.
  // "100 troops, who were dispatched to Russia, were killed", "2,000 soldiers sent to Russia to
  // take part in combat in Ukraine have been killed": so do a relative clause set off by a
  // comma and a participle that says which soldiers.
  const opensRelative =
    WHO.has(tokens[unitEnd]?.lower ?? '') ||
    (tokens[unitEnd]?.text === ',' && WHO.has(tokens[unitEnd + 1]?.lower ?? ''));
  const reach =
    opensRelative ||
    SENT_PARTICIPLES.has(tokens[unitEnd]?.lower ?? '') ||
    REDUCED_RELATIVE.test(wordsBetween(tokens, unitEnd, unitEnd + 4))
      ? 20
      : 12;
  // "4,000 soldiers out of a total of 12,000 were killed": the whole after the part leaves the
  // part its predicate.
  const wholeNext = next !== undefined && isWholeAfterPart(tokens, next, m);
  let afterEnd = clauseEndAfter(
    tokens,
    unitEnd,
    wholeNext ? Math.min(tokens.length, next.tokEnd + reach) : Math.min(nextStart, unitEnd + reach),
  );
  // "six workers who described the conditions, which included …": a relative clause after a
  // later noun is about that noun, not this number's.
  for (let k = unitEnd + 1; k < afterEnd - 1; k++) {
    if (tokens[k]!.text === ',' && tokens[k + 1]!.lower === 'which') {
      afterEnd = k;
      break;
    }
  }
  // "12,000 troops are in Russia, and thousands have died": a clause joined after a comma with
  // a vague amount of its own as subject says what befell that amount, not this number.
  for (let k = unitEnd; k + 3 < afterEnd; k++) {
    if (
      tokens[k]!.text === ',' &&
      CLAUSE_JOINERS.has(tokens[k + 1]!.lower) &&
      VAGUE_SUBJECTS.has(tokens[k + 2]!.lower) &&
      (AUXILIARIES.has(tokens[k + 3]!.lower) || PERFECT.has(tokens[k + 3]!.lower))
    ) {
      afterEnd = k;
      break;
    }
  }
  if (next && nextCounts && nextStart <= afterEnd && !wholeNext) {
    // "100 … killed and 1,000 injured": what follows the last "and" belongs to the next number.
    for (let k = afterEnd - 1; k >= unitEnd; k--) {
      if (t.conjunctions.has(tokens[k]!.lower)) {
        afterEnd = k;
        break;
      }
    }
  }
  let localStart = clauseStartBefore(
    tokens,
    m.hedgeTokStart,
    Math.max(prevEnd, m.hedgeTokStart - 8),
    true,
  );
  // A conjunction inside a cue ("killed or wounded") joins no clauses.
  const insideCue = (k: number) => info.cues.some((c) => k >= c.start && k < c.end);
  if (prev && localStart === prevEnd) {
    // "300 … have died and some 2,700 have been wounded": what precedes the first "and" after
    // the previous number belongs to it.
    for (let k = prevEnd; k < m.hedgeTokStart; k++) {
      if (t.conjunctions.has(tokens[k]!.lower) && !insideCue(k)) {
        localStart = k + 1;
        break;
      }
    }
  } else if (prev) {
    // "3,000 … were killed or wounded and 4,000 more were sent": the last "and" before this
    // number closes the previous clause.
    for (let k = m.hedgeTokStart - 1; k >= localStart; k--) {
      if (t.conjunctions.has(tokens[k]!.lower) && !insideCue(k)) {
        localStart = k + 1;
        break;
      }
    }
  }
  const wideStart = clauseStartBefore(
    tokens,
    m.hedgeTokStart,
    Math.max(prevEnd, m.hedgeTokStart - 30),
    false,
  );
  if (!metric && impliedMoved) metric = materiel ? 'supplied' : 'deployed';
  // "Two-thirds of the 11,000 soldiers were wounded": the fraction was wounded; the number is
  // the force it is a part of.
  // "a fraction of the roughly 600 troops killed in Kursk": a participle of loss right after
  // the noun says what befell the whole itself ("a third of the 14,000 troops sent there were
  // killed" still counts the force).
  if (
    !metric &&
    isWholeOfFraction(tokens, m, t) &&
    (after.kind !== 'unit' ||
      !cuesIn(info, unitEnd, unitEnd + 1, materiel, false).some((c) => c.metric !== 'deployed'))
  )
    metric = materiel ? 'supplied' : 'deployed';
  // "staggering casualties for a force of 12,000": the number right after "a force of" is
  // the force's size, whatever befell it.
  if (
    !metric &&
    !materiel &&
    tokens[m.hedgeTokStart - 1]?.lower === 'of' &&
    FORCE_NOUNS.has(tokens[m.hedgeTokStart - 2]?.lower ?? '')
  )
    metric = 'deployed';
  // "all 12,000 North Korean servicemen … could be lost": a loss foreseen for the whole force
  // counts the force, not the dead.
  if (!metric && tokens[m.hedgeTokStart - 1]?.lower === 'all') {
    const modal = tokens.slice(unitEnd, afterEnd).some((tok) => MODALS.has(tok.lower));
    if (modal) metric = materiel ? 'supplied' : 'deployed';
  }
  if (
    !metric &&
    before &&
    (isPartOf(tokens, before, m, t) || isWholeAfterPart(tokens, m, before))
  ) {
    metric = materiel ? 'supplied' : 'deployed';
  }
  // "out of 15,000 soldiers, 4,700 were lost": the number "out of" opens is the whole the
  // later count is a part of, unless a participle right after its noun says what befell it
  // ("out of more than 20 personnel killed, six were officers").
  if (
    !metric &&
    next &&
    tokens[m.hedgeTokStart - 1]?.lower === 'of' &&
    tokens[m.hedgeTokStart - 2]?.lower === 'out' &&
    cuesIn(info, unitEnd, unitEnd + 1, materiel, false).length === 0
  ) {
    metric = materiel ? 'supplied' : 'deployed';
  }
  if (!metric) {
    // The nearest strong cue on either side: "sent 1,000 troops … to make up for the losses"
    // is a deployment; "100 troops have been killed" a death.
    const after = cuesIn(info, unitEnd, afterEnd, materiel, false)[0];
    const before = cuesIn(info, localStart, m.hedgeTokStart, materiel, false).pop();
    const dAfter = after ? after.at - unitEnd : Number.POSITIVE_INFINITY;
    const dBefore = before ? m.hedgeTokStart - before.end : Number.POSITIVE_INFINITY;
    let pick = dAfter <= dBefore ? after : before;
    // "captured two wounded soldiers", "two wounded soldiers were captured": the wounds describe
    // the prisoners; the capture is what the sentence counts.
    if (pick && pick === after && pick.metric === 'wounded' && !materiel && dAfter === 0) {
      const captive =
        before?.metric === 'captured' && dBefore <= 2
          ? before
          : cuesIn(info, pick.end, afterEnd, false, false).find(
              // "two wounded soldiers it claimed are North Koreans captured while fighting": a
              // capture participle right after a noun of people counts too.
              (c) =>
                c.metric === 'captured' &&
                (PASSIVE.has(tokens[c.at - 1]?.lower ?? '') ||
                  matchEndingAt(tokens, c.at, t.units) !== null),
            );
      if (captive) pick = captive;
    }
    // "100 troops deployed to Russia have been killed", "… sent from North Korea had died": a
    // participle right after the noun only says which troops; the passive or perfect verb after
    // it says what happened to them.
    // "300 soldiers who were dispatched have died", "the 11,000 men that North Korea had
    // dispatched had been killed": so does a relative clause on the noun.
    const relative = opensRelative && dAfter <= 5;
    // "… soldiers believed to have been sent to Russia may have been killed": a reduced
    // relative clause, the same.
    const reduced =
      pick !== undefined && REDUCED_RELATIVE.test(wordsBetween(tokens, unitEnd, pick.at));
    if (
      pick &&
      pick === after &&
      pick.metric === 'deployed' &&
      !materiel &&
      (dAfter <= 1 || relative || reduced)
    ) {
      const participleEnd = pick.end;
      const toll = cuesIn(info, participleEnd, afterEnd, false, false).find((c) => {
        // "… deployed had “died or been injured”": the quote mark between is transparent.
        const verb = wordBefore(tokens, c.at);
        // "12,000 soldiers deployed to Kursk could all be dead by spring": a foreseen toll
        // leaves the deployment the figure ("may have been killed" is a toll, hedged).
        const between = tokens.slice(participleEnd, c.at).map((x) => x.lower);
        if (between.some((w) => MODALS.has(w)) && !between.includes('have')) return false;
        return (
          c.metric !== 'deployed' &&
          (PASSIVE.has(verb) ||
            PERFECT.has(verb) ||
            // "… sent to the area have become casualties"
            BECOME.has(verb))
        );
      });
      if (toll) pick = toll;
      // "the deaths of 1,000 soldiers sent to Russia": a loss noun whose "of" takes the number
      // is what is counted; the participle after it again only says which soldiers.
      else if (
        before &&
        before.metric !== 'deployed' &&
        dBefore <= 1 &&
        tokens[m.hedgeTokStart - 1]?.lower === 'of'
      ) {
        pick = before;
      }
    }
    // "casualties among the troops deployed there have exceeded 4,000": a participle after the
    // people of a toll named before a bare number is part of its subject, not its predicate.
    const participle =
      pick?.metric === 'deployed' &&
      backEnd !== undefined &&
      pick.at >= backEnd &&
      pick.at - backEnd <= 1;
    if (participle && pick === before && entry?.metric) {
      pick = undefined;
      metric = entry.metric;
    }
    // "11,000 North Korean troops were in Kursk and had already sustained “losses”": losses
    // the counted people suffered, with no number of their own, befell some of them; the
    // number counts the force.
    if (
      pick &&
      pick === after &&
      !materiel &&
      unitEnd > m.tokEnd &&
      pick.metric !== 'deployed' &&
      dAfter > 2 &&
      [wordBefore(tokens, pick.at), tokens[pick.at - 2]?.lower ?? ''].some((w) => SUFFERED.has(w))
    ) {
      pick = undefined;
    }
    if (pick?.copular) {
      // "The dead and wounded among the troops numbered 1,100": the subject's metric word.
      const subject = cuesIn(info, wideStart, pick.at, materiel, false).filter((c) => !c.copular);
      if (subject.length > 0) pick = subject[subject.length - 1];
    }
    if (pick) metric = pick.metric;
  }
  if (!metric && next && nextCounts && afterEnd < nextStart) {
    // "3,000 personnel and 500 servicemen were sent": joined counts share the predicate that
    // follows the last of them, when nothing of their own stands between.
    const between = cuesIn(info, unitEnd, nextStart, materiel, false);
    // "three generals, as well as 500 officers and 12,000 soldiers, arrived".
    const joined = tokens
      .slice(unitEnd, nextStart)
      .map((tok) => tok.lower)
      .join(' ')
      .replace(/\bas well as\b/gu, 'and')
      .split(' ')
      .filter(Boolean)
      .every((w) => w === ',' || t.conjunctions.has(w));
    if (between.length === 0 && joined) {
      const nextUnit = unitAfter(tokens, next.tokEnd, t);
      const from = nextUnit.kind === 'unit' ? nextUnit.end : next.tokEnd;
      const to = clauseEndAfter(tokens, from, Math.min(tokens.length, from + 8));
      metric = cuesIn(info, from, to, materiel, false)[0]?.metric ?? null;
    }
  }
  if (!metric && tokens[unitEnd]?.text === ',' && matchAt(tokens, unitEnd + 1, t.inclusion)) {
    // "12,000 soldiers, including 500 officers, are in Russia": the predicate follows the
    // aside that breaks the count down.
    let close = unitEnd + 2;
    while (close < tokens.length && close < unitEnd + 16 && tokens[close]!.text !== ',') close++;
    if (tokens[close]?.text === ',') metric = predicateAfter(info, close, materiel);
  }
  if (!metric && DASHES.has(tokens[unitEnd]?.text ?? '')) {
    // "4,000 North Korean workers – each paid a monthly stipend of $800 – were believed to be in
    // Russia": the predicate follows the aside between dashes.
    let close = unitEnd + 1;
    while (close < tokens.length && close < unitEnd + 30 && !DASHES.has(tokens[close]!.text))
      close++;
    if (DASHES.has(tokens[close]?.text ?? '')) metric = predicateAfter(info, close, materiel);
  }
  // "killed 20 soldiers, including six officers from North Korea": a part the word of
  // inclusion introduces takes the whole's metric before any weak cue of its own.
  if (
    !metric &&
    prev &&
    MATERIEL.has(prev.figure.unit) === materiel &&
    matchEndingAt(tokens, m.hedgeTokStart, t.inclusion) !== null &&
    cuesIn(info, prev.mention.tokEnd, m.hedgeTokStart, materiel, false).length === 0
  )
    metric = prev.figure.metric;
  if (!metric) metric = cuesIn(info, unitEnd, afterEnd, materiel, true)[0]?.metric ?? null;
  if (
    !metric &&
    prev &&
    (unit === null ||
      unit === prev.figure.unit ||
      MATERIEL.has(unit) === MATERIEL.has(prev.figure.unit))
  ) {
    const between = cuesIn(info, prev.mention.tokEnd, m.hedgeTokStart, materiel, false);
    if (between.length === 0) metric = prev.figure.metric;
  }
  // A bare number's noun named earlier ("Of the 2,600 who became casualties, some 700 died")
  // gives its metric only when the number's own clause gives none.
  if (!metric && after.kind !== 'unit' && entry?.metric) metric = entry.metric;
  if (!metric) {
    const earlier = cuesIn(info, wideStart, m.hedgeTokStart, materiel, false).pop();
    if (earlier && !capturedNounBefore(tokens, earlier, m.hedgeTokStart)) metric = earlier.metric;
  }
  if (!metric)
    metric = cuesIn(info, wideStart, m.hedgeTokStart, materiel, true).pop()?.metric ?? null;
  if (!metric && unit === 'containers') metric = 'supplied';
  // "The number of North Korean troops in Kursk has risen by about 2,000": growth by a number
  // is an addition of that many.
  const grown =
    tokens[m.hedgeTokStart - 1]?.lower === 'by' &&
    GROWN.has(tokens[m.hedgeTokStart - 2]?.lower ?? '');
  if (grown && !metric) metric = materiel ? 'supplied' : 'deployed';
  // "Pyongyang has also provided weapons. These include 120 self-propelled guns": a count of
  // artillery, launchers or shells in a story of North Korean supply is a supply, unless a verb
  // of use or of holding says otherwise (missiles are also fired and tested: they need a cue).
  if (
    !metric &&
    materiel &&
    unit !== 'missiles' &&
    unit !== 'drones' &&
    info.supplyStory === true &&
    (info.dprk.length > 0 || previousDprk) &&
    !info.others.some((p) => p < m.tokStart) &&
    !findAll(tokens, wideStart, afterEnd, t.holding).length
  )
    metric = 'supplied';
  if (!metric || metric === 'mixed') return null;
  if (materiel && metric !== 'supplied') return null;
  if (materiel && !suppliedByDprk(info, m, t)) return null;
  if (!materiel && !PERSONNEL_METRICS.has(metric)) return null;

  let finalUnit: Unit = unit ?? 'troops';
  // "6,000 people to help with reconstruction and mine removal": a task after people in
  // general names who they are; builders come first when both tasks are named.
  // "the number of workers … will reach 50,000 people": people in general are what the
  // subject counted.
  if (entry?.generic === true && !materiel) {
    for (let k = wideStart; k + 2 < m.hedgeTokStart; k++) {
      if (tokens[k]!.lower !== 'number' || tokens[k + 1]!.lower !== 'of') continue;
      let u = k + 2;
      while (
        u < m.hedgeTokStart &&
        (t.modifiers.has(tokens[u]!.lower) || matchAt(tokens, u, t.nationalities))
      )
        u++;
      const named = matchAt(tokens, u, t.units);
      if (named && !named.value.generic && !MATERIEL.has(named.value.unit))
        finalUnit = named.value.unit;
    }
    // "a division of builders, two military brigades – 5,000 people": the people a dash sums
    // up are the builders or deminers named before it.
    const dash = tokens[m.hedgeTokStart - 1]?.text ?? '';
    if (/^[\u2013\u2014-]$/u.test(dash) || dash === ':') {
      const named = findAll(
        tokens,
        Math.max(wideStart, m.hedgeTokStart - 12),
        m.hedgeTokStart,
        t.units,
      )
        .map((u) => u.value.unit)
        .filter((u) => u === 'workers' || u === 'deminers');
      if (named.length > 0) finalUnit = named.includes('workers') ? 'workers' : 'deminers';
    }
  }
  // "North Korean guest workers are pouring in. Around 15,000 North Koreans have been sent":
  // people in general, or North Koreans, right after a line of workers and of no soldiers are
  // those workers.
  const line = info.before;
  if (
    finalUnit === 'troops' &&
    line &&
    (entry?.generic === true || entry?.phrase === 'north koreans')
  ) {
    const units = findAll(line.tokens, 0, line.tokens.length, t.units).map((u) => u.value);
    if (
      units.some((u) => u.unit === 'workers') &&
      !units.some((u) => u.unit === 'troops' && !u.generic && u.phrase !== 'north koreans')
    )
      finalUnit = 'workers';
  }
  // "about 21,000 North Koreans traveled to Russia as Pyongyang dispatched workers": so are
  // North Koreans, or people in general, whose own sentence goes on to name workers and no
  // soldiers.
  if (finalUnit === 'troops' && (entry?.generic === true || entry?.phrase === 'north koreans')) {
    const later = findAll(tokens, unitEnd, tokens.length, t.units).map((u) => u.value);
    if (
      later.some((u) => u.unit === 'workers') &&
      !later.some((u) => u.unit === 'troops' && !u.generic && u.phrase !== 'north koreans')
    )
      finalUnit = 'workers';
  }
  // Soldiers and engineers sent for a task are named by it too ("5,000 engineering troops to
  // repair infrastructure" build; "1,000 soldiers to specialise in demining" clear mines).
  const namedByTask =
    entry?.generic === true ||
    finalUnit === 'troops' ||
    (finalUnit === 'deminers' && /engineer/u.test(entry?.phrase ?? ''));
  if (namedByTask && !materiel) {
    // Soldiers take a task only from their own purpose clause, with no comma before it ("sent
    // 11,000 troops, who helped with construction" still counts troops).
    const own = (x: PhraseMatch<Unit>) =>
      entry?.generic === true || tokens.slice(unitEnd, x.start).every((tok) => tok.text !== ',');
    const tasks = findAll(tokens, unitEnd, afterEnd, t.purposes)
      .filter(own)
      .map((x) => x.value);
    if (tasks.length > 0) finalUnit = tasks.includes('workers') ? 'workers' : tasks[0]!;
    else {
      const parts = partsListed(tokens, unitEnd, t);
      if (parts) finalUnit = parts;
    }
  }
  const generic = entry?.generic === true || entry === null;
  // "North Korean residents who visited Russia in 2024 reached approximately 13,000", "the
  // largest number of visitors was for education, at 7,887": travellers counted by a statistics
  // office, not people sent (FIGURES.md leaves entry counts optional at most).
  if (
    !materiel &&
    (generic || entry?.phrase === 'north koreans' || after.kind !== 'unit') &&
    VISITORS.test(info.sentence.text)
  )
    return null;

  // Whose people or materiel.
  let side: string | null = unitSide;
  if (side === null && materiel) {
    // Materiel counts only as North Korea's supplies; whoever receives it is named too.
    // "Iran had sent 200 ballistic missiles to Russia": another supplier named before the
    // number, in a sentence that leaves the North out, sends its own.
    const otherSupplier =
      info.dprk.length === 0 &&
      info.others.some((p) => p < m.tokStart && t.otherSuppliers.has(tokens[p]!.lower));
    if (info.dprk.length > 0 || (previousDprk && !otherSupplier)) side = 'KP';
  } else if (side === null) {
    const at = m.tokStart;
    const nearest = (list: readonly number[], beforeOnly: boolean) => {
      let best = Number.POSITIVE_INFINITY;
      for (const p of list) {
        if (beforeOnly && p > at) continue;
        best = Math.min(best, Math.abs(p - at));
      }
      return best;
    };
    // A North Korean part of a larger group ("50,000 troops, including the North Koreans")
    // does not make the group North Korean.
    const inclusion = findAll(
      tokens,
      m.tokEnd,
      Math.min(tokens.length, m.tokEnd + 12),
      t.inclusion,
    )[0];
    const dprk = inclusion ? info.dprk.filter((p) => p < at || p < inclusion.start) : info.dprk;
    const dDprk = nearest(dprk, false);
    const dRussia = nearest(info.russia, true);
    const otherActor =
      info.others.some((p) => p < at) ||
      OTHER_FORCES_LOST.test(info.sentence.text.slice(0, tokens[at]!.start));
    if (dDprk !== Number.POSITIVE_INFINITY && dDprk <= dRussia) side = 'KP';
    else if (dRussia !== Number.POSITIVE_INFINITY) side = 'RU';
    else if (previousDprk && !otherActor) side = 'KP';
    // "Some 15,000 workers have been dispatched to Russia": in a story of North Korea, people
    // sent to Russia by nobody named are the North's.
    else if (articleDprk && metric === 'deployed' && !otherActor && sentToRussia(tokens, t))
      side = 'KP';
  }
  if (side === null) return null;
  if (!RETURNED_SIDES.has(side)) return null;
  // People in general under attack are victims of North Korean weapons, not its casualties; so
  // is a number that names nobody at all ("the missile that killed 8 in a strike on Kyiv").
  if (
    (entry === null || entry.generic === true) &&
    findAll(tokens, 0, tokens.length, t.victims).length > 0
  )
    return null;
  // "… seven missiles, including those made in North Korea. They said three people were
  // killed": people in general, after a sentence of strikes, with the North not named.
  const previousLine = info.before;
  if (
    entry?.generic === true &&
    info.dprk.length === 0 &&
    previousLine &&
    findAll(previousLine.tokens, 0, previousLine.tokens.length, t.victims).length > 0
  )
    return null;
  // A number the story calls unlikely, denies or asks about is no figure.
  if (/\?\s*["\u201D\u2019]?\s*$/u.test(info.sentence.text)) return null;
  const segStart = clauseStartBefore(tokens, m.hedgeTokStart, 0, true);
  // The doubt comes before the number or right after its noun ("… troops looks improbable").
  let segEnd = unitEnd;
  const segCeiling = Math.min(tokens.length, unitEnd + 4);
  while (
    segEnd < segCeiling &&
    tokens[segEnd]!.text !== ',' &&
    !HARD_STOP.has(tokens[segEnd]!.text)
  )
    segEnd++;
  if (findAll(tokens, segStart, segEnd, t.doubt).length > 0) return null;
  // "Russia and Ukraine have exchanged approximately a thousand prisoners of war": the swap's
  // prisoners, not a count of captured North Koreans.
  // (Only right before the number: "the list of exchanged prisoners did not include the two
  // North Korean soldiers" counts the North's captives.)
  if (
    metric === 'captured' &&
    findAll(tokens, Math.max(segStart, m.hedgeTokStart - 3), m.tokStart, t.exchange).length > 0
  )
    return null;
  // "At least 18 North Korean soldiers … have abandoned their posts": deserters; "About 3,000
  // North Korean soldiers have returned home": back in the North. Neither is a figure.
  if (!materiel && findAll(tokens, unitEnd, nextStart, t.gone).length > 0) return null;
  // "Along the Korean border, North Korea has deployed up to 10,000 soldiers": troops at home.
  if (
    !materiel &&
    findAll(tokens, 0, tokens.length, t.homeFront).length > 0 &&
    findAll(tokens, 0, tokens.length, t.warPlaces).length === 0
  )
    return null;
  if (side !== 'KP' && (materiel || generic)) return null;
  if (side === 'KP' && !articleDprk) return null;
  // North Korea's whole army is about 1.2 million strong and no count of its people in Russia
  // comes near half of that: such a number sizes the army at home ("armed forces, numbering
  // 1.2 million"), not a deployment or a toll.
  if (side === 'KP' && !materiel && m.value >= ARMY_SIZE_FLOOR) return null;
  // Russian counts are kept only for the fighting beside North Korean troops (the Kursk
  // operation's tolls run to tens of thousands); hundreds of thousands are the whole war's.
  if (side === 'RU' && !materiel && m.value >= WAR_TOLL_FLOOR) return null;
  // "1,500 Russian soldiers being killed or wounded each day", "Russia's deadliest day of the
  // war, with 1,770 soldiers killed": a rate, or a toll of the whole war, is not the fighting
  // beside North Korean troops.
  if (side === 'RU' && !materiel) {
    const after = info.sentence.text.slice(
      tokens[m.tokStart]!.start,
      tokens[m.tokStart]!.start + 80,
    );
    if (RATE_AFTER.test(after) || MONTH_TOLL.test(after) || WHOLE_WAR.test(info.sentence.text))
      return null;
  }
  // "more than 120,000 soldiers have fallen in the war": a toll that large is not North Korea's.
  if (side === 'KP' && !materiel && metric !== 'deployed' && m.value >= WAR_TOLL_FLOOR) return null;
  return { unit: finalUnit, metric, side, generic, ownUnit: after.kind === 'unit', grown };
}

/**
 * "the Ukrainian military suffered over 76,000 casualties": another country's forces as the
 * subject of their own losses.
 */
const OTHER_FORCES_LOST =
  /\b(?:Ukrainian|Ukraine['\u2019]s|Kyiv['\u2019]s)\s+(?:armed\s+)?(?:forces|troops|military|army|side)\s+(?:(?:has|have|had)\s+)?(?:suffered|lost|sustained|incurred)\b/u;

/** Whether a sentence tells of a capture with a verb ("captured", "taken prisoner"). */
function hasCaptureVerb(info: SentenceInfo, t: Tables): boolean {
  return info.cues.some(
    (c) => c.value.metric === 'captured' && !matchAt(info.tokens, c.start, t.units),
  );
}

/** Words that make the "to" after them no destination: "according to", "due to". */
const NOT_DESTINATION_TO = new Set(['according', 'due', 'thanks', 'owing']);

/**
 * Whether materiel moves from North Korea, not to it, nor from Russia's stocks to its front:
 * "Pyongyang received 9,000 containers" is the other way round, and "Russia deployed 24 North
 * Korean missiles" counts missiles used. The actor is the country named last before the number
 * in its clause, outside of modifiers ("North Korean missiles" is no actor).
 */
function suppliedByDprk(info: SentenceInfo, m: NumberMention, t: Tables): boolean {
  const { tokens } = info;
  const from = clauseStartBefore(tokens, m.hedgeTokStart, 0, false);
  const cues = findAll(tokens, from, m.hedgeTokStart, t.cues).filter((c) => !c.value.inert);
  // The actor stands before the verb: "sent Russia 13,000 containers" names the receiver.
  const verbAt = cues.length > 0 ? cues[cues.length - 1]!.start : m.hedgeTokStart;
  const russia = info.russia.filter((p) => p >= from && p < verbAt).pop();
  const dprk = findAll(tokens, from, verbAt, t.dprk)
    .filter((x) => !/korean$/.test(tokens[x.end - 1]!.lower))
    .pop()?.start;
  // "partners who promised to deliver a million rounds to Ukraine": North Korea supplies no one
  // but Russia, so materiel bound for another country is someone else's.
  const to = clauseEndAfter(tokens, m.tokEnd, tokens.length);
  for (let k = from; k < to; k++) {
    if (tokens[k]!.lower !== 'to') continue;
    // "According to Seoul, 2,000 containers were sent": a source, not where they went.
    if (k > 0 && NOT_DESTINATION_TO.has(tokens[k - 1]!.lower)) continue;
    let d = k + 1;
    while (d < to && t.determiners.has(tokens[d]!.lower)) d++;
    if (matchAt(tokens, d, t.others)) return false;
  }
  const inbound = cues.some((c) => c.value.inbound);
  // The receiving side is the actor of "received": only Russia receiving is North Korea's
  // supply ("Ukraine received 1 million shells" is not).
  if (inbound) return russia !== undefined && (dprk === undefined || russia > dprk);
  // Russia as the actor of a verb that is not a supply verb uses what it has.
  if (russia !== undefined && (dprk === undefined || russia > dprk)) {
    return cues.some((c) => c.value.materielOnly);
  }
  return true;
}

function hasEstimateBefore(
  tokens: readonly Token[],
  m: NumberMention,
  prevEnd: number,
  t: Tables,
): boolean {
  const lo = Math.max(prevEnd, m.hedgeTokStart - 25);
  for (let k = m.hedgeTokStart - 1; k >= lo; k--) {
    if (t.estimates.has(tokens[k]!.lower)) return true;
  }
  return false;
}

/** "at least 100 killed and 1,000 injured": the hedge covers both numbers. */
function sharesHedge(
  tokens: readonly Token[],
  m: NumberMention,
  prev: Placed | undefined,
  t: Tables,
): Qualifier | null {
  if (!prev || m.another || m.more) return null;
  const q = prev.figure.qualifier;
  if (q === 'exact' || q === 'range') return null;
  const between = tokens.slice(prev.mention.tokEnd, m.hedgeTokStart);
  if (between.length === 0 || between.length > 10) return null;
  if (!t.hedgeSharing.has(between[between.length - 1]!.lower)) return null;
  if (between.some((tok) => tok.text === ';' || tok.text === ':')) return null;
  // "including 500 officers" starts a part of the group; "300 of them … and 2,700" does not.
  const inclusions = findAll(tokens, prev.mention.tokEnd, m.hedgeTokStart, t.inclusion);
  if (inclusions.some((x) => x.start > prev.mention.tokEnd + 1)) return null;
  return q;
}

/**
 * The evidence for a figure: its sentence, with spacing normalised; for a run-on "sentence"
 * (text without punctuation), the stretch around the number.
 */
function evidenceFor(sentence: string, m: NumberMention): string {
  if (sentence.length <= DATE_WINDOW * 2) return sentence.replace(/\s+/g, ' ').trim();
  const from = Math.max(0, m.start - DATE_WINDOW);
  const to = Math.min(sentence.length, m.end + DATE_WINDOW);
  const core = sentence.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${core}${to < sentence.length ? '…' : ''}`;
}

const RELAYED = new Map(
  CLAIMANTS.filter((e) => e.relays).map((e) => [
    e.name,
    CLAIMANTS.find((b) => b.name === e.relays)!,
  ]),
);

/**
 * A lawmaker relaying a briefing gives the briefing body's figure (FIGURES.md): the body, when
 * the story names it or a briefing; the lawmaker otherwise.
 */
function relayedClaimant(
  claimant: ResolvedClaimant | null,
  story: readonly SentenceInfo[],
): ResolvedClaimant | null {
  if (!claimant) return claimant;
  const lawmaker = LAWMAKER_RE.test(claimant.name);
  const body = RELAYED.get(claimant.name) ?? (lawmaker ? NIS : undefined);
  if (!body) return claimant;
  const named = story.some(
    (i) =>
      BRIEFING_RE.test(i.sentence.text) ||
      findClaimantMentions(i.sentence.text).some((x) => x.entry.name === body.name),
  );
  if (named) return fromEntry(body);
  // Unnamed lawmakers with no briefing in view give nobody's figure.
  return /^\p{Ll}/u.test(claimant.name.replace(/^(?:the|some|several)\s+/i, '')) ? null : claimant;
}

/**
 * "… to send 5,000 workers, reports the New York Times. Russian official Sergei Shoigu made the
 * announcement Tuesday": an outlet relays; the person or body that the next sentence of the
 * same paragraph, with no number of its own, says gave the news is the source (FIGURES.md: the
 * source over the outlet). The sentence before is not read: there a source's assessment is
 * about what came before ("Ukrainian intelligence assessed that these soldiers could arrive
 * within months. This adds to the 11,000 sent last year, per CNN").
 */
function sourceNext(
  infos: readonly SentenceInfo[],
  attributions: readonly SentenceAttribution[],
  s: number,
): ResolvedClaimant | null {
  const next = infos[s + 1];
  if (!next || next.sentence.paragraph !== infos[s]!.sentence.paragraph) return null;
  if (/\d/.test(next.sentence.text)) return null;
  const named = attributions[s + 1]!.attributions.find(
    (a) =>
      a.kind === 'verb' &&
      a.claimant !== null &&
      (a.claimant.kind === 'person' || a.claimant.kind === 'body'),
  );
  return named ? named.claimant : null;
}

/**
 * When no construction ties a figure to a source, a person or body the figure's own sentence
 * names is its source ("… 3,000 troops in Kursk, the defence ministry's estimate shows"): news
 * sentences name officials beside a number to say whose number it is. Countries are left out,
 * since a sentence names them as places and sides ("sent to fight against Ukraine"), and so is
 * North Korea's own side, the actor of the deployment. The mention nearest the number wins.
 */
function namedBeside(sentence: string, at: number): ResolvedClaimant | null {
  // "Peskov would not comment on reports that …": the figure is the unnamed reports'.
  if (UNNAMED_SOURCE.test(sentence)) return null;
  let best: ClaimantEntry | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  // "… in six months - WP Photo: Vladimir Putin and Kim Jong Un": who is in the picture is
  // no source.
  const caption = PHOTO_CAPTION.exec(sentence)?.index ?? Number.POSITIVE_INFINITY;
  for (const x of findClaimantMentions(sentence)) {
    if (x.entry.kind === 'country' || x.entry.country === 'KP' || x.start > caption) continue;
    // "to help with Vladimir Putin's war effort": a possessive names whose thing it is, not
    // who counts; "the defence ministry's estimate" still names a source.
    if (POSSESSIVE_NOT_SOURCE.test(sentence.slice(x.end, x.end + 40))) continue;
    // "…, and Russian President Vladimir Putin is expected to seek …": a name in another clause
    // of its own is the subject there, not the figure's source.
    const between = x.end <= at ? sentence.slice(x.end, at) : sentence.slice(at, x.start);
    if (OTHER_CLAUSE.test(between)) continue;
    const distance = x.end <= at ? at - x.end : x.start - at;
    if (distance < bestDistance) {
      best = x.entry;
      bestDistance = distance;
    }
  }
  return best ? fromEntry(best) : null;
}

/** A possessive whose noun is no estimate or statement: "Putin's war effort". */
const POSSESSIVE_NOT_SOURCE =
  /^['\u2019]s\s+(?!(?:\p{L}+\s+){0,2}(?:estimates?|assessments?|data|figures?|reports?|count|tally|intelligence|statement|briefing|numbers?|calculations?)\b)/iu;

/** A photo caption inside a sentence: "Photo:", "Photo by", "Pictured:". */
const PHOTO_CAPTION = /\b(?:photo|image|pictured|picture)(?:\s+by)?\s*:/iu;

/** A join that opens a new main clause: ", and", ", but", ", while", a semicolon; or a clause
 * of circumstance (", as concerns grow about …", ", amid …"). */
const OTHER_CLAUSE = /[,;]\s+(?:and|but|while|whereas|as|amid)\s|;/u;

/** Words that give a figure to nobody in particular. */
const UNNAMED_SOURCE = /\b(?:reports?|reportedly|allegedly|rumou?rs?)\b/iu;

/** Each body's office holders, by the body (`office` in the claimant table). */
const HOLDERS = new Map<string, ClaimantEntry[]>();
for (const e of CLAIMANTS) {
  if (e.office && e.speaksFor) HOLDERS.set(e.speaksFor, [...(HOLDERS.get(e.speaksFor) ?? []), e]);
}

/**
 * A post named without its holder ("South Korea's defence minister said") is the holder the same
 * story names: one named holder of that post takes the figure; none, or two, leave the body.
 */
function officeHolder(
  claimant: ResolvedClaimant | null,
  sentence: string,
  named: () => ReadonlySet<string>,
): ResolvedClaimant | null {
  const holders = claimant ? HOLDERS.get(claimant.name) : undefined;
  if (!holders) return claimant;
  const lower = sentence.toLowerCase();
  const posts = holders.filter((h) => h.office!.some((w) => lower.includes(w)));
  if (posts.length === 0) return claimant;
  const inStory = posts.filter((h) => named().has(h.name));
  return inStory.length === 1 ? fromEntry(inStory[0]!) : claimant;
}

const NIS = CLAIMANTS.find((e) => e.name === 'South Korea National Intelligence Service')!;
/** Words that say a lawmaker speaks from an intelligence briefing. */
const BRIEFING_RE =
  /\b(?:spy agency|intelligence (?:agency|service|committee)|briefing|briefed|citing (?:the )?(?:intelligence|spy))\b/i;

/** Which occurrence of a figure to keep: a named claimant (a body or person over an outlet
 * that relays it, an outlet over a whole country, as the pack reader ranks them), then a
 * hedged wording, since headlines drop hedges, then a dated one. */
function rank(f: Figure, kind: string | null): number {
  // A dated occurrence says more than an undated one (a headline rarely gives the date).
  return sourceTier(f, kind) + (f.qualifier !== 'exact' ? 1 : 0) + (f.asOf !== undefined ? 0.5 : 0);
}

/**
 * Every North Korea–Russia figure in an article, one per distinct (metric, unit, value,
 * valueHigh, side), keeping the best-attributed occurrence (a named claimant first, then a
 * hedged wording, since headlines drop hedges), in order of first appearance. Figures about
 * Russian troops are returned with side `RU`. No figures is an empty array; this never throws.
 */
export function extractFigures(input: string, opts: ExtractOptions = {}): Figure[] {
  if (typeof input !== 'string' || input.trim() === '') return [];
  // "Ukraine&#39;s Zelenskiy": a character reference left in scraped text is its character,
  // never the number 39.
  // "…России.</p> <p style=…>Ни Россия, ни КНДР …": markup left in a text is no part of its
  // words; a closed paragraph still ends its sentence.
  const plain = input.includes('<') && MARKUP.test(input) ? withoutMarkup(input) : input;
  const decoded = plain.includes('&#') ? decodeNumericReferences(plain) : plain;
  // "more than 3 ,000 people": a stray space before a thousands comma splits no number.
  const text = decoded.includes(' ,') ? decoded.replace(STRAY_SPACE, '$1,') : decoded;
  const language = opts.language?.toLowerCase().split('-')[0];
  if (language && language !== 'en' && hasPack(language)) {
    return withoutSenderAsSource(
      extractWithPack(
        text,
        language,
        opts.published !== undefined ? { published: opts.published } : {},
      ),
    );
  }
  const lexicon = opts.lexicon ?? LEXICON_EN;
  const t = tablesFor(lexicon);
  let sentences: Sentence[];
  let sentenceTokens: Token[][];
  let attributions: SentenceAttribution[];
  try {
    sentences = splitSentences(text, lexicon);
    // Tokenised once, for the attribution's claimant scan and for the figures below.
    sentenceTokens = sentences.map((s) => tokenize(s.text, lexicon.numbers));
    attributions = attributeSentences(text, sentences, lexicon, sentenceTokens);
  } catch {
    return [];
  }
  const infos: SentenceInfo[] = sentences.map((sentence, k) => {
    const tokens = sentenceTokens[k]!;
    // A country that gives the figure ("Seoul put the toll at 3,000") is not its actor.
    const spans = attributions[k]!.attributions;
    const outsideAttribution = (p: number) =>
      !spans.some((a) => tokens[p]!.start >= a.start && tokens[p]!.start < a.end);
    return {
      sentence,
      tokens,
      dprk: positions(tokens, t.dprk),
      russia: actorsOf(tokens, t.russia, t).filter(outsideAttribution),
      others: actorsOf(tokens, t.others, t).filter(outsideAttribution),
      cues: joinLossCues(findAll(tokens, 0, tokens.length, t.cues), tokens),
      russiaNamed: undefined,
    };
  });
  for (let k = 1; k < infos.length; k++) {
    const previous = infos[k - 1]!;
    if (previous.sentence.paragraph === infos[k]!.sentence.paragraph) infos[k]!.before = previous;
    const named = findAll(previous.tokens, 0, previous.tokens.length, t.units)
      .map((u) => u.value)
      .filter((u) => !u.generic && !u.afterOnly)
      .pop();
    infos[k]!.carried = named ?? previous.carried;
  }
  const articleDprk = infos.some((i) => i.dprk.length > 0);
  if (articleDprk) {
    for (const info of infos) {
      const context = positions(info.tokens, t.dprkContext);
      if (context.length > 0) info.dprk = [...info.dprk, ...context].sort((a, b) => a - b);
    }
  }

  let people: Set<string> | undefined;
  const namedInStory = () => {
    people ??= new Set(
      infos.flatMap((i) => findClaimantMentions(i.sentence.text).map((x) => x.entry.name)),
    );
    return people;
  };
  const found = new FigureSet();
  const occurrences: Occurrences = new Map();
  // One options object for every date lookup of the story, not a spread copy per number.
  const dateOpts = {
    ...(opts.published !== undefined ? { published: opts.published } : {}),
    lexicon,
  };
  let lastFigure: Figure | undefined;
  for (let s = 0; s < infos.length; s++) {
    const info = infos[s]!;
    info.lastFigure = lastFigure;
    const sentence = info.sentence;
    // Context from the two sentences before ("There are approximately 12,000 soldiers, …").
    // A text's first lines (a lead cut from its story) are about whom the next lines name.
    const previousDprk =
      (infos[s - 1]?.dprk.length ?? 0) > 0 ||
      (infos[s - 2]?.dprk.length ?? 0) > 0 ||
      (s <= 1 && ((infos[s + 1]?.dprk.length ?? 0) > 0 || (infos[s + 2]?.dprk.length ?? 0) > 0));

    try {
      const mentions = findNumbersInTokens(info.tokens, sentence.text, lexicon);
      if (mentions.length === 0) continue;
      const near = [infos[s - 2], infos[s - 1], info];
      info.supplyStory =
        near.some((i) => i !== undefined && namesRussia(i, t)) &&
        near.some((i) =>
          i?.cues.some((c) => c.value.metric === 'supplied' || c.value.metric === 'moved'),
        );
      const dateSpans = findDateTokenSpans(info.tokens, lexicon);
      // "… will send 6,000 personnel, including 1" at the very end of a text cut short: a single
      // digit the text stops on is the first of a longer number cut off ("North Korea deployed
      // 11,000" at the end is whole, and counted).
      const cut = s === infos.length - 1 ? sentence.text.trimEnd().length : -1;
      const candidates = mentions.filter(
        (m) =>
          !isNonFigureNumber(m, info.tokens, dateSpans, t) &&
          !(m.end === cut && m.value < 10) &&
          !FOOTNOTE_BEFORE.test(sentence.text.slice(Math.max(0, m.start - 2), m.start)),
      );
      let prev: Placed | undefined;
      let dates: DateMention[] | undefined;
      const shortSentence = sentence.text.length <= DATE_WINDOW * 2;
      // A short sentence's evidence, built for its first figure (most sentences with a number
      // give none); a long one's is cut around each number.
      let sentenceEvidence: string | undefined;
      for (let k = 0; k < candidates.length; k++) {
        const m = candidates[k]!;
        const next = candidates[k + 1];
        const part = next !== undefined && isPartOf(info.tokens, m, next, t);
        const read = part
          ? partRead(
              readFigure(next, candidates[k + 2], prev, info, previousDprk, articleDprk, t),
              next.tokEnd,
              candidates[k + 2],
              info,
            )
          : partitiveRead(
              readFigure(m, next, prev, info, previousDprk, articleDprk, t, candidates[k - 1]),
              m,
              next,
              info,
            );
        if (!read) continue;
        // "portraits of 101 soldiers sent to Kursk": the people a memorial shows are its dead,
        // not a deployment (FIGURES.md: portraits of the dead count as killed).
        if (read.metric === 'deployed' && read.unit === 'troops' && memorialOf(info.tokens, m, t))
          read.metric = 'killed';
        // "One North Korean soldier tried to flee": a single person in an anecdote is no count;
        // only a capture of one is news (FIGURES.md counts prisoners one by one).
        // "One prisoner had asked to go south": one of the captives the story counts, opening
        // the sentence and named by the noun alone, is one person followed, not a capture.
        if (
          m.value === 1 &&
          /^(?:one|a\s+single)$/iu.test(sentence.text.slice(m.start, m.end).trim()) &&
          (read.metric !== 'captured' || (m.hedgeTokStart === 0 && !hasCaptureVerb(info, t)))
        ) {
          continue;
        }
        // "the bodies of over a dozen North Korean soldiers": a dozen of the dead a patrol found
        // is an anecdote, not a toll anyone gives (annotators leave it out or optional).
        if (
          (read.metric === 'killed' || read.metric === 'wounded' || read.metric === 'casualties') &&
          /\ba\s+dozen\b/iu.test(sentence.text.slice(m.start, m.end)) &&
          /\b(?:bod(?:y|ies)|corpses|found|discovered|lay|scoured)\b/iu.test(sentence.text)
        )
          continue;
        // "the two men are in Kyiv": a handful the story already introduced, followed one by one,
        // is no count of a deployment or of the wounded.
        if (
          m.value <= SMALL_GROUP &&
          (read.metric === 'deployed' || read.metric === 'wounded') &&
          DEFINITE.has(info.tokens[m.hedgeTokStart - 1]?.lower ?? '')
        ) {
          continue;
        }
        let qualifier = m.qualifier;
        // A hedge covers the next number only when that number names nothing of its own ("at
        // least 100 killed and 1,000 injured"), not when it does ("more than 200 guns and 9
        // million shells", "some 3,000 personnel and 500 servicemen").
        if (qualifier === 'exact' && !read.ownUnit)
          qualifier = sharesHedge(info.tokens, m, prev, t) ?? qualifier;
        if (
          qualifier === 'exact' &&
          m.kind === 'single' &&
          hasEstimateBefore(info.tokens, m, prev ? prev.mention.tokEnd : 0, t)
        ) {
          qualifier = 'about';
        }
        // The briefing a lawmaker relays may be named anywhere in the story.
        const stated = officeHolder(
          relayedClaimant(
            claimantAt(attributions[s]!, m.start) ??
              (attributions[s]!.attributions.length === 0 && attributions[s]!.quotes.length === 0
                ? namedBeside(sentence.text, m.start)
                : null),
            infos,
          ),
          sentence.text,
          namedInStory,
        );
        const said =
          stated?.kind === 'media' ? (sourceNext(infos, attributions, s) ?? stated) : stated;
        // A headline's country ("Ukraine said Saturday …") is that country's person or body
        // the story has speak, as in the language packs.
        const claimant =
          said?.kind === 'country' && sentence.paragraph === 0
            ? (namedVoice(attributions, said.country) ?? said)
            : (said ??
              (read.metric === 'killed' &&
              read.side === 'KP' &&
              findAll(info.tokens, 0, info.tokens.length, t.memorial).length > 0
                ? countryClaimant('KP')
                : null));
        if (shortSentence) sentenceEvidence ??= sentence.text.replace(/\s+/g, ' ').trim();
        let asOf: string | undefined;
        if (sentence.text.length <= DATE_WINDOW * 2) {
          dates ??= findDates(sentence.text, dateOpts);
          asOf = nearestDate(dates, m.start);
        } else {
          // A run-on "sentence": read only the stretch around the number.
          const from = Math.max(0, m.start - DATE_WINDOW);
          asOf = nearestDate(
            findDates(sentence.text.slice(from, m.end + DATE_WINDOW), dateOpts),
            m.start - from,
          );
        }
        const figure: Figure = {
          metric: read.metric,
          unit: read.unit,
          value: m.value,
          ...(m.valueHigh !== undefined ? { valueHigh: m.valueHigh } : {}),
          qualifier,
          claimant: claimant ? claimant.name : null,
          claimantCountry: claimant ? claimant.country : null,
          side: read.side,
          ...(asOf !== undefined ? { asOf } : {}),
          evidence: sentenceEvidence ?? evidenceFor(sentence.text, m),
        };
        // "sent another 5,000": an addition to an earlier count, not a new total (sending is
        // always added up); but in "100 killed and another thousand wounded" the word only sets
        // this number beside the last.
        const moved = read.metric === 'deployed' || read.metric === 'supplied';
        if (
          read.grown ||
          ((m.another || m.more) && (moved || !(prev && prev.figure.metric !== read.metric)))
        ) {
          figure.increment = true;
        }
        prev = { mention: m, figure };
        // Ranked by what the sentence itself credits: a headline's country given its named voice
        // does not outrank the body's own wording of the same figure.
        // A source only carried over from the sentence before ranks just below the same tier
        // named in the figure's own sentence ("… is said to have sent around 12,000" after an
        // NIS sentence, then "According to South Korean, Ukrainian and U.S. officials, … 12,000").
        const carried =
          said !== null &&
          !attributions[s]!.attributions.some((a) => a.claimant?.name === said.name) &&
          !attributions[s]!.quotes.some((q) => q.claimant?.name === said.name);
        const figureRank = rank(figure, said ? said.kind : null) - (carried ? 0.25 : 0);
        found.add(figure, figureRank);
        lastFigure = figure;
        const key = figureKey(figure);
        const seen = occurrences.get(key) ?? { sentences: new Set<number>(), rank: figureRank };
        seen.sentences.add(s);
        seen.rank = Math.max(seen.rank, figureRank);
        occurrences.set(key, seen);
      }
    } catch {
      // A sentence that trips the reader loses its own figures, never the article's.
    }
  }
  return withoutSenderAsSource(creditRoundedRanges(mergeRestatements(found.list(), occurrences)));
}

/**
 * The two leaders who made the deal send and take the troops and arms; they do not count them
 * for the press. A sentence that names one beside troops sent ("Since dispatching 15,000
 * troops, Kim has stressed …", "Putin thanked the 12,000 soldiers") names an actor, and a story
 * that quotes him goes on to figures he never gave. Only the dead North Korea's leader mourns
 * are figures he states (the nine soldiers of his speech, the 101 of the state television's
 * portraits), so only that toll keeps him as source.
 */
function withoutSenderAsSource(figures: Figure[]): Figure[] {
  for (const f of figures)
    if (creditedToSender(f)) {
      f.claimant = null;
      f.claimantCountry = null;
    }
  return figures;
}

/**
 * "Up to 30,000 more troops" in a headline over a body's "25,000 to 30,000, CNN reported, citing
 * Ukrainian intelligence": the headline rounds the body's range to its top, so a bare "up to N"
 * takes the source of the range that ends at N.
 */
function creditRoundedRanges(list: Figure[]): Figure[] {
  for (const f of list) {
    if (f.claimant !== null || f.qualifier !== 'up_to' || f.valueHigh !== undefined) continue;
    const range = list.find(
      (g) =>
        g.valueHigh === f.value &&
        g.claimant !== null &&
        g.metric === f.metric &&
        g.unit === f.unit &&
        g.side === f.side,
    );
    if (range) {
      f.claimant = range.claimant;
      f.claimantCountry = range.claimantCountry;
    }
  }
  return list;
}

/** The first person or body of `country` the story has speak: who a headline's country is. */
function namedVoice(
  attributions: readonly SentenceAttribution[],
  country: string | null,
): ResolvedClaimant | null {
  if (country === null) return null;
  for (const sa of attributions)
    for (const a of sa.attributions)
      if (
        (a.kind === 'verb' || a.kind === 'according') &&
        a.claimant &&
        (a.claimant.kind === 'person' || a.claimant.kind === 'body') &&
        a.claimant.country === country
      )
        return a.claimant;
  return null;
}

/** A digit, a space and a thousands comma with three digits after it: "3 ,000". */
const STRAY_SPACE = /(\d) ,(?=\d{3}(?!\d))/gu;

/** A line with nothing but digits and their marks, once its month names are gone. */
const DATE_LINE = /^[\s\d.,:/-]*$/u;
const MONTH_WORD =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:am|pm|a\.m\.|p\.m\.)/giu;

/** An HTML tag of the kinds scraped article text keeps. */
const MARKUP =
  /<\/?(?:p|br|div|li|ul|ol|h[1-6]|a|span|strong|em|b|i|u|blockquote|section|article|figure|figcaption|table|tr|td|th)\b[^<>]{0,500}>/iu;
const BLOCK_TAG =
  /<\/?(?:p|div|li|ul|ol|h[1-6]|blockquote|section|article|figure|figcaption|table|tr)\b[^<>]{0,500}>/giu;
const INLINE_TAG = /<\/?(?:a|span|strong|em|b|i|u|td|th)\b[^<>]{0,500}>/giu;
const BREAK_TAG = /<br\b[^<>]{0,50}>/giu;

/**
 * A text with its block tags as line breaks, its line breaks as spaces (a broadcast script's
 * lines run on as its sentences do) and its inline tags gone.
 */
function withoutMarkup(text: string): string {
  return text.replace(BLOCK_TAG, '\n').replace(BREAK_TAG, ' ').replace(INLINE_TAG, '');
}

/** "&#39;" and "&#x27;" as the characters they stand for. */
function decodeNumericReferences(text: string): string {
  return text.replace(/&#(x[0-9a-f]{1,6}|\d{1,7});/gi, (whole, ref: string) => {
    const code = ref[0] === 'x' || ref[0] === 'X' ? Number.parseInt(ref.slice(1), 16) : Number(ref);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Where each figure identity occurred (sentence indexes) and its best rank. */
type Occurrences = Map<string, { sentences: Set<number>; rank: number }>;

/** The most people a story follows one by one ("the two men are in Kyiv"). */
const SMALL_GROUP = 10;

/**
 * One story's figures with restatements of one count folded into one figure:
 * - the same number as an increment and as a plain count in different sentences (a headline's
 *   "6,000 more workers" and the body's "plans to deploy 6,000 workers"): the better attributed;
 * - the same deployment read as deminers and as workers ("6,000 engineers" in a headline,
 *   "6,000 engineers and construction workers" in the body): workers, the wider word;
 * - a handful of prisoners whose wounds or whereabouts the story goes on to tell ("two soldiers
 *   were captured … the two soldiers are wounded and in Kyiv"): only the capture.
 */
function mergeRestatements(list: Figure[], occurrences: Occurrences): Figure[] {
  const keys = new Set(list.map((f) => figureKey(f)));
  const plain = (f: Figure) => figureKey({ ...f, increment: undefined });
  const captured = new Set(
    list.filter((f) => f.metric === 'captured' && f.value <= SMALL_GROUP).map((f) => f.value),
  );
  return list.filter((f) => {
    if (f.metric === 'deployed' && f.unit === 'deminers') {
      if (keys.has(figureKey({ ...f, unit: 'workers' }))) return false;
    }
    if (
      (f.metric === 'deployed' || f.metric === 'wounded') &&
      f.valueHigh === undefined &&
      captured.has(f.value)
    ) {
      return false;
    }
    const mine = occurrences.get(figureKey(f));
    const twinKey = f.increment ? plain(f) : figureKey({ ...f, increment: true });
    const twin = keys.has(twinKey) ? occurrences.get(twinKey) : undefined;
    if (!mine || !twin) return true;
    const apart = [...mine.sentences].some((a) => [...twin.sentences].some((b) => a !== b));
    if (!apart) return true;
    // Keep the better-ranked of the two; on a tie, the increment, which says more.
    return f.increment ? mine.rank >= twin.rank : mine.rank > twin.rank;
  });
}
