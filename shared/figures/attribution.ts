/**
 * Who gives a number: the subject of a verb of saying ("Zelensky said", "said Zelenskyy"),
 * the source of "according to", a headline's "Zelensky:", a passive agent ("announced by"),
 * or nobody ("reportedly"). Quotes are followed across sentences, so every sentence of a
 * quote is attributed to whoever the story says spoke it; pronouns ("he added") resolve to
 * the last person or body named; a sentence that names nobody inherits its predecessor's
 * claimant within a paragraph, and "This was announced by …" attributes the sentence before.
 */

import type { ClaimantEntry, ClaimantKind } from './claimant-table.ts';
import { CLAIMANTS, ministryOf } from './claimant-table.ts';
import {
  type ClaimantMention,
  countriesNamed,
  countryAdjective,
  countryClaimant,
  countryOfNationalityWord,
  findClaimantMentions,
  fromEntry,
  headMention,
  nationalitiesIn,
  type ResolvedClaimant,
} from './claimants.ts';
import { firstOf } from './first-of.ts';
import type { Lexicon } from './lexicon.ts';
import { LEXICON_EN } from './lexicon-en.ts';
import { LATIN_OUTLETS } from './multilingual/packs/outlets.ts';
import { LIST_ITEM, type Sentence } from './sentences.ts';
import type { Token } from './tokens.ts';

/** How a claimant was found. */
export type AttributionKind = 'verb' | 'according' | 'headline' | 'anonymous' | 'agent';

/** One attribution in a sentence, outside any quote. Offsets are within the sentence. */
export interface Attribution {
  /** Start of the whole attribution (subject and verb, or "according to X"). */
  start: number;
  end: number;
  /** Offset of the verb or marker. */
  pos: number;
  claimant: ResolvedClaimant | null;
  kind: AttributionKind;
  /**
   * A clause of its own after a comma ("…, and a US official reported that …"): it claims what
   * its "that" introduces, never a number before it.
   */
  forward?: boolean;
}

/** A quoted passage clipped to one sentence, with the claimant the story gives it. */
export interface QuoteInSentence {
  start: number;
  end: number;
  claimant: ResolvedClaimant | null;
  /** Named sources inside the quote ("According to the NIS, …"), which the speaker relays. */
  inner: Attribution[];
  /** False when nobody is named for the quote; its numbers fall back to the inherited claimant. */
  attributed: boolean;
}

/** Everything needed to attribute a number anywhere in one sentence. */
export interface SentenceAttribution {
  attributions: Attribution[];
  quotes: QuoteInSentence[];
  /** The claimant carried from the previous sentence, or given by a back-reference. */
  inherited: ResolvedClaimant | null;
}

interface Compiled {
  verbRe: RegExp;
  accordingRe: RegExp;
  anonymousRe: RegExp;
  /**
   * {@link verbRe}, {@link accordingRe} and {@link anonymousRe} in lower case without the `i`
   * flag, for a sentence's lower-cased text ({@link lowerForScan}): case-insensitive Unicode
   * matching of these long alternations was their greatest cost. Null when a phrase is not
   * printable ASCII, whose lower case could match otherwise.
   */
  lowerScan: { verb: RegExp; according: RegExp; anonymous: RegExp } | null;
  backRefRe: RegExp;
  /** "by the agency's count": {@link AttributionLexicon.ownCount}, compiled. */
  ownCountRe: RegExp | null;
  clauseRe: RegExp;
  articleRe: RegExp;
  appositiveRe: RegExp;
  listJoinRe: RegExp;
  postModifierRe: RegExp;
  pronounRe: RegExp;
  afterNameRe: RegExp;
  placeClauseWords: Set<string>;
  parentheticalRe: RegExp;
  /** An aside with a quote in it ("…, who called it “a disgrace”,"): the quote's marks. */
  quotedAsideRe: RegExp;
  citingRe: RegExp;
  citingInsideRe: RegExp;
  citingTailRe: RegExp;
  citingFrontRe: RegExp;
  citingTrailRe: RegExp;
  verbTestRe: RegExp;
  sourceSentenceRe: RegExp;
  figureObjectRe: RegExp | null;
  fillersRe: RegExp;
  nounMarkers: Set<string>;
  nounFollowers: Set<string>;
  personPronouns: Set<string>;
  speakerPronouns: Set<string>;
  bodyPronouns: Set<string>;
  singularBodyPronouns: Set<string>;
  personAnaphors: Set<string>;
  bodyAnaphors: Set<string>;
  governmentNouns: Set<string>;
  anonymousNouns: Set<string>;
  anonymousSources: Set<string>;
  claimantHeads: Set<string>;
  agentMarkers: string[];
  personTitles: Set<string>;
  nameStopWords: Set<string>;
  /** Any nationality phrase or "western" as a word of a list, with the space before it. */
  nationalityListRe: RegExp;
  /** Any title word, to skip sentences that introduce nobody by title. */
  titleTestRe: RegExp | null;
}

const compiledCache = new WeakMap<Lexicon, Compiled>();

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The phrases as one regex alternation, longest first, any run of spaces between their words.
 * Phrases that start with the same ASCII character are grouped under it ("s(?:aid|tated)"): a
 * regex V8 compiled without optimisation (see `first-of.ts`) then tries at each position only
 * the phrases that can start there. The grouping changes no match: at one position only one
 * group can match, and a group keeps its phrases' order. Where two first characters are one
 * letter in two cases, or one is not ASCII, the phrases stay one flat list.
 */
function alternation(phrases: readonly string[]): string {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  const flat = () => sorted.map((p) => escapeRe(p).replace(/ /g, '\\s+')).join('|');
  const groups = new Map<string, string[]>();
  for (const p of sorted) {
    const first = p[0];
    if (first === undefined || !/^[\x21-\x7e]$/.test(first)) return flat();
    const rest = escapeRe(p.slice(1)).replace(/ /g, '\\s+');
    const list = groups.get(first) ?? [];
    list.push(rest);
    groups.set(first, list);
  }
  const folded = new Set([...groups.keys()].map((k) => k.toLowerCase()));
  if (folded.size !== groups.size) return flat();
  return [...groups].map(([first, rests]) => `${escapeRe(first)}(?:${rests.join('|')})`).join('|');
}

function lowerAll(phrases: readonly string[]): string[] {
  return phrases.map((p) => p.toLowerCase());
}

/**
 * Characters a case-insensitive Unicode match treats otherwise than their lower case: the long
 * s and the Kelvin sign match "s" and "k" under `i` (the long s is its own lower case, and a
 * test of a match without `u` would not take the Kelvin sign), the combining ypogegrammeni
 * folds to a letter, and the dotted capital I lower-cases to two characters.
 */
const CASE_FOLD_ODD = /\u017F|\u0130|\u0345|\u212A/u;

/**
 * A sentence's text in lower case, to be scanned with {@link Compiled.lowerScan} for the same
 * matches at the same offsets as the case-insensitive patterns find in the text itself; null
 * when it has a character whose lower case would match otherwise ({@link CASE_FOLD_ODD}) or
 * changes length, or the lexicon's phrases are not all ASCII.
 */
function lowerForScan(masked: string, c: Compiled): string | null {
  if (c.lowerScan === null || CASE_FOLD_ODD.test(masked)) return null;
  const lower = masked.toLowerCase();
  return lower.length === masked.length ? lower : null;
}

const WORD_BEFORE = "(?<![\\p{L}\\p{N}'\u2019-])";
const WORD_AFTER = '(?![\\p{L}\\p{N}-])';

function compile(lexicon: Lexicon): Compiled {
  const cached = compiledCache.get(lexicon);
  if (cached) return cached;
  const a = lexicon.attribution;
  const lower = (list: readonly string[]) => new Set(list.map((w) => w.toLowerCase()));
  const compiled: Compiled = {
    verbRe: new RegExp(
      `${firstOf(a.sayingVerbs)}${WORD_BEFORE}(?:${alternation(a.sayingVerbs)})${WORD_AFTER}`,
      'giu',
    ),
    accordingRe: new RegExp(
      `${firstOf(a.accordingTo)}${WORD_BEFORE}(?:${alternation(a.accordingTo)})\\s+`,
      'giu',
    ),
    anonymousRe: new RegExp(
      `${firstOf(a.anonymous)}${WORD_BEFORE}(?:${alternation(a.anonymous)})${WORD_AFTER}`,
      'giu',
    ),
    lowerScan: [a.sayingVerbs, a.accordingTo, a.anonymous].every((list) =>
      list.every((p) => /^[\x20-\x7E]*$/u.test(p)),
    )
      ? {
          verb: new RegExp(
            `${firstOf(lowerAll(a.sayingVerbs))}${WORD_BEFORE}(?:${alternation(lowerAll(a.sayingVerbs))})${WORD_AFTER}`,
            'gu',
          ),
          according: new RegExp(
            `${firstOf(lowerAll(a.accordingTo))}${WORD_BEFORE}(?:${alternation(lowerAll(a.accordingTo))})\\s+`,
            'gu',
          ),
          anonymous: new RegExp(
            `${firstOf(lowerAll(a.anonymous))}${WORD_BEFORE}(?:${alternation(lowerAll(a.anonymous))})${WORD_AFTER}`,
            'gu',
          ),
        }
      : null,
    backRefRe: new RegExp(a.backReference, 'iu'),
    ownCountRe: a.ownCount ? new RegExp(a.ownCount, 'giu') : null,
    clauseRe: new RegExp(
      `${firstOf(a.clauseWords)}${WORD_BEFORE}(?:${alternation(a.clauseWords)})${WORD_AFTER}`,
      'giu',
    ),
    articleRe: new RegExp(`^\\s*(?:${alternation(a.articles)})\\s+`, 'iu'),
    appositiveRe: new RegExp(`^\\s*(?:${alternation(a.articles)})\\s+[^\\p{Lu}]*$`, 'u'),
    listJoinRe: new RegExp(`,|${WORD_BEFORE}(?:${alternation(a.listJoiners)})${WORD_AFTER}`, 'giu'),
    postModifierRe: new RegExp(`${WORD_BEFORE}(?:${alternation(a.postModifiers)})\\s+$`, 'iu'),
    pronounRe: new RegExp(
      `^\\s*(${alternation([...a.personPronouns, ...a.bodyPronouns])})${WORD_AFTER}`,
      'iu',
    ),
    afterNameRe: new RegExp(
      `^\\s*((?:(?:${alternation(a.articles)})\\s+)?(?:[\\p{Lu}][\\p{L}\\p{M}'\u2019.-]*)(?:\\s+(?:(?:${alternation(a.postModifiers)})\\s+)?[\\p{Lu}][\\p{L}\\p{M}'\u2019.-]*){0,6})`,
      'u',
    ),
    placeClauseWords: lower(a.placeClauseWords),
    parentheticalRe: new RegExp(
      `,\\s*(?:${alternation(a.parentheticals)})${WORD_AFTER}[^,]*(?:,|$)`,
      'giu',
    ),
    quotedAsideRe: new RegExp(
      `(,\\s*(?:${alternation(a.parentheticals)})${WORD_AFTER}[^,;:\u201C\u201D"]*)[\u201C"]\\s*[\u201D"]`,
      'giu',
    ),
    // "reported on Oct. 4, citing …": a short adverbial may stand between the verb and it.
    citingRe: new RegExp(`^[^,;:]{0,30}?,?\\s*(?:${alternation(a.citing)})\\s+`, 'iu'),
    citingInsideRe: new RegExp(`,\\s*(?:${alternation(a.citing)})\\s+([^,]+),`, 'iu'),
    // "media reports citing Ukrainian intelligence officials have said"
    citingTailRe: new RegExp(
      `${firstOf(a.citing)}${WORD_BEFORE}(?:${alternation(a.citing)})\\s+([^,]+?)\\s*$`,
      'iu',
    ),
    // "X reported that …, citing Y.": the citing phrase closes the sentence.
    citingTrailRe: new RegExp(`,\\s*(?:${alternation(a.citing)})\\s+`, 'iu'),
    verbTestRe: new RegExp(
      `${firstOf(a.sayingVerbs)}${WORD_BEFORE}(?:${alternation(a.sayingVerbs)})${WORD_AFTER}`,
      'iu',
    ),
    // "Citing South Korean intelligence, the newspaper said": the clause opens with it.
    citingFrontRe: new RegExp(
      `(?:^|[.;:]\\s+|,\\s+(?:and|but)\\s+)(?:${alternation(a.citing)})\\s+([^,;:]{2,80}),\\s*$`,
      'iu',
    ),
    sourceSentenceRe: new RegExp(a.sourceSentence, 'iu'),
    figureObjectRe: a.figureObject ? new RegExp(a.figureObject, 'iu') : null,
    fillersRe: new RegExp(
      `(?:\\s+${firstOf(a.subjectFillers)}(?:${alternation(a.subjectFillers)}))+\\s*$`,
      'iu',
    ),
    nounMarkers: lower(a.nounMarkers),
    nounFollowers: lower(a.nounFollowers),
    personPronouns: lower(a.personPronouns),
    speakerPronouns: lower(a.speakerPronouns),
    bodyPronouns: lower(a.bodyPronouns),
    singularBodyPronouns: lower(a.singularBodyPronouns ?? []),
    personAnaphors: lower(a.personAnaphors),
    bodyAnaphors: lower(a.bodyAnaphors),
    governmentNouns: lower(a.governmentNouns),
    anonymousNouns: lower(a.anonymousNouns),
    anonymousSources: lower(a.anonymousSources),
    claimantHeads: lower(a.claimantHeads),
    agentMarkers: a.agentMarker.map((m) => m.toLowerCase()),
    personTitles: lower(a.personTitles ?? []),
    nameStopWords: lower(a.nameStopWords ?? []),
    nationalityListRe: new RegExp(
      ` (?:${alternation([...lexicon.nationalities.map((x) => x.phrase), 'western'])})(?=[ ,])`,
      'gu',
    ),
    titleTestRe:
      (a.personTitles ?? []).length > 0
        ? new RegExp(
            `${firstOf(a.personTitles ?? [])}${WORD_BEFORE}(?:${alternation(a.personTitles ?? [])})(?![\\p{L}\\p{N}])`,
            'iu',
          )
        : null,
  };
  compiledCache.set(lexicon, compiled);
  return compiled;
}

/** The claimants named so far, for pronouns and anaphors. */
interface Memory {
  person: ResolvedClaimant | null;
  body: ResolvedClaimant | null;
  any: ResolvedClaimant | null;
  /** People named so far, latest last, for surnames ("Lee said" after "Lee Sung-kwon"). */
  people: ResolvedClaimant[];
  /** The title a person was named with ("British Defence Secretary"), lower-case, by name. */
  titles: Map<string, string>;
  /** Acronyms a story defined in brackets ("Defence Intelligence (DI)"), by acronym. */
  acronyms: Map<string, ResolvedClaimant>;
  /** The source an outlet was said to cite ("Yonhap reported, citing the JCS"), by the
   * outlet's name: what the outlet reports later in the story comes from that source too. */
  cites: Map<string, ResolvedClaimant>;
  /** The whole story, where "Mr Wood" finds the "Robert Wood" it was first named as. */
  text: string;
  /**
   * The body or outlet that spoke last, a country aside: what "the report" refers to ("the
   * monitoring team reported … Russia has also shared missile data … The report claimed …").
   */
  institution: ResolvedClaimant | null;
  /** The intelligence body named last: whom bare "intelligence officials" speak for. */
  intelligence: ResolvedClaimant | null;
  /**
   * A country or body that opens this sentence or the one before as its subject ("South Korea
   * disagrees: it says …"), with no source read since: what "it" refers to, before the body
   * that spoke last.
   */
  subject: ResolvedClaimant | null;
  /** {@link subject}, while a verb whose subject is "it" opening its clause is read: only
   * there does "it" mean the subject before ("…, it said" closing a sentence means the
   * source, and "By its count, …, X said" the X after). */
  clauseSubject: ResolvedClaimant | null;
}

/** "intelligence officials", "intelligence sources", "the intelligence service", with no
 * country of their own. */
const BARE_INTELLIGENCE =
  /^\s*(?:the\s+)?intelligence\s+(?:officials|sources|authorities|service|agency)\s*$/iu;

/** A body whose name says it gathers intelligence. */
const INTELLIGENCE_BODY = /intelligence|\bspy\b/iu;

/** "the intelligence report", "the intelligence assessment": a document of the spy agency. */
const INTELLIGENCE_DOCUMENT =
  /^the\s+intelligence\s+(?:report|assessment|estimate|estimates|assessments|briefing|data)$/u;

/** Anaphors of a document, whose author is an institution rather than a country. */
const DOCUMENT_ANAPHORS = new Set([
  'the report',
  'the assessment',
  'the assessments',
  'the estimates',
  'the study',
  'the analysis',
  'the research',
]);

function remember(memory: Memory, c: ResolvedClaimant | null): void {
  if (!c) return;
  memory.any = c;
  memory.subject = null;
  if (c.kind === 'person') {
    memory.person = c;
    notePerson(memory, c);
  } else noteBody(memory, c);
}

/** A date right after a participle ("published Monday", "released on Tuesday", "posted last
 * week"), then a comma or the sentence's end. */
const DATED_AFTER =
  /^\s+(?:on\s+|in\s+|late\s+|early\s+)?(?:(?:last|this|earlier|next)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|week|month|year|January|February|March|April|May|June|July|August|September|October|November|December)\b[^,.;:]{0,20}(?:[,.;:]|$)/u;

/** "It says", "…: it also said": a pronoun that opens a sentence or a clause after a colon,
 * semicolon or dash, right before its verb. */
const PRONOUN_OPENS_CLAUSE =
  /(?:^|[:;\u2014\u2013])\s*["\u201c]?\s*\p{L}+\s+(?:(?:also|now|further|still|too|\p{Ll}+ly)\s+)?$/u;

/** Whom "it" or "they" refers to: a singular pronoun, the country or body the sentence or the
 * one before opened on, when nobody spoke since; else the body that spoke last. */
function bodyPronounClaimant(
  pronoun: string,
  c: Compiled,
  memory: Memory,
): ResolvedClaimant | null {
  if (memory.clauseSubject && c.singularBodyPronouns.has(pronoun)) return memory.clauseSubject;
  return memory.body ?? memory.any;
}

/** A body named last: what "it" and "the agency" refer to, and, a country aside, "the report". */
function noteBody(memory: Memory, c: ResolvedClaimant): void {
  memory.body = c;
  if (c.kind !== 'country') memory.institution = c;
  if (c.kind === 'body' && INTELLIGENCE_BODY.test(c.name)) memory.intelligence = c;
}

function notePerson(memory: Memory, c: ResolvedClaimant): void {
  if (memory.people[memory.people.length - 1]?.name !== c.name) memory.people.push(c);
}

/** Capitalised words before a surname that are a sentence's first word, not a given name. */
const NOT_GIVEN_NAMES = new Set(
  'the a an in on at as but and or when while after before since for from with by to of if this that then however meanwhile also yet so according under over during despite'.split(
    ' ',
  ),
);

/** A courtesy title, which only a person's surname follows. */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr)\.?$/u;

/** A title or a courtesy title: a word that may stand before a person's name. */
function isTitleOrHonorific(word: string, c: Compiled): boolean {
  return isTitle(word, c) || HONORIFIC.test(word);
}

/**
 * The first full name in the story that ends on `surname` ("Robert Wood" for "Mr Wood"): one to
 * two capitalised name words before it that are no title, courtesy title or country; its table
 * entry when it has one.
 */
function fullNameIn(text: string, surname: string, c: Compiled): ResolvedClaimant | null {
  if (surname.length < 2) return null;
  const re = new RegExp(
    `(?<![\\p{L}'\u2019-])((?:\\p{Lu}[\\p{L}'\u2019-]+\\s+){1,2})${escapeRe(surname)}(?![\\p{L}'\u2019-])`,
    'gu',
  );
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const given = m[1]!.trim().split(/\s+/u);
    while (given.length > 0 && isTitleOrHonorific(given[0]!, c)) given.shift();
    if (given.length === 0 || given.some((w) => isTitleOrHonorific(w, c))) continue;
    if (given.some((w) => NOT_GIVEN_NAMES.has(w.toLowerCase()))) continue;
    const name = `${given.join(' ')} ${surname}`;
    const known = findClaimantMentions(name)[0];
    if (known) {
      if (known.entry.kind !== 'person') continue;
      return fromEntry(known.entry);
    }
    if (nationalitiesIn(name).size > 0) continue;
    return { name, country: null, kind: 'person' };
  }
  return null;
}

/** A person named earlier whose first or last name is `word`. */
function bySurname(memory: Memory, word: string): ResolvedClaimant | null {
  for (let i = memory.people.length - 1; i >= 0; i--) {
    const names = memory.people[i]!.name.split(/\s+/);
    if (names.length > 1 && (names[0] === word || names[names.length - 1] === word)) {
      return memory.people[i]!;
    }
  }
  return null;
}

const OPEN_QUOTES = new Set(['\u201C', '\u00AB', '\u201E']);
const CLOSE_QUOTES = new Set(['\u201D', '\u00BB']);
/** Verbs of saying read per sentence; more only happens in run-on text. */
const MAX_VERBS = 64;
/** How far before its verb a subject is looked for, in characters. */
const SUBJECT_REACH = 300;
const HARD_BOUNDARY = /[;:[\]\u201C\u201D\u00AB\u00BB"\u2013\u2014]|\s-\s/g;

/** Quoted passages `[start, end]` (inclusive of the quote marks) within one paragraph. */
function quoteSpans(text: string, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = -1;
  // A read of each code unit, not a global exec loop of the quote marks' class: the same
  // marks at the same places, without a match array built for each.
  const stop = Math.min(end, text.length);
  for (let i = Math.max(0, start); i < stop; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x22 && code !== 0xab && code !== 0xbb && (code < 0x201c || code > 0x201e))
      continue;
    const c = text[i]!;
    if (OPEN_QUOTES.has(c)) {
      if (open >= 0) spans.push([open, i - 1]);
      open = i;
    } else if (CLOSE_QUOTES.has(c)) {
      if (open >= 0) {
        spans.push([open, i]);
        open = -1;
      }
    } else if (c === '"') {
      if (open >= 0) {
        spans.push([open, i]);
        open = -1;
      } else {
        open = i;
      }
    }
  }
  if (open >= 0) spans.push([open, end - 1]);
  return spans;
}

/** Whether a quoted span holds nothing but the name of a known outlet or body. */
function quotesOnlyAName(text: string, [open, close]: [number, number]): boolean {
  if (close - open > 48) return false;
  const inner = text
    .slice(open + 1, close)
    .replace(/[,.\s]+$/u, '')
    .replace(/^\s+/u, '');
  if (inner.length < 2) return false;
  const known = findClaimantMentions(inner)[0];
  return (
    known !== undefined &&
    known.start === 0 &&
    known.end >= inner.length &&
    known.entry.kind !== 'person' &&
    known.entry.kind !== 'country'
  );
}

/**
 * A headline that opens with its source and then quotes it ("Intelligence agency “1,500 special
 * forces arrive …”", a form Seoul's outlets use in every language): the name alone before
 * the quote, nothing else, speaks it.
 */
function namedBeforeQuote(text: string, from: number, open: number): Attribution | undefined {
  if (open - from > 60) return undefined;
  const before = text.slice(from, open);
  const known = findClaimantMentions(before)[0];
  if (!known || known.entry.kind === 'country') return undefined;
  if (!/^[\s\p{Pd}|»:]*$/u.test(before.slice(0, known.start))) return undefined;
  if (!/^[\s,:]*$/u.test(before.slice(known.end))) return undefined;
  const claimant = fromEntry(known.entry);
  return { start: known.start, end: known.end, pos: known.start, claimant, kind: 'verb' };
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

function clean(text: string): string {
  // A list item's bullet ("- Some analysts") is no part of the name.
  text = text.replace(/^\s*[-\u2013\u2014\u2022*]\s+/u, '');
  return (
    text
      .replace(/\s+/g, ' ')
      .replace(/^[\s,;:'"\u201C\u201D(]+|[\s,;:'"\u201C\u201D)]+$/g, '')
      // "…, reported The Washington Post.", "…, says CNN.": the sentence's full stop, not an
      // abbreviation's ("U.S.").
      .replace(/(?<=\p{L}{2})\.$/u, '')
      // "A South Korean MP has, in fact, declared": the auxiliary an aside cut off is no part of
      // the name.
      .replace(/\s+(?:has|have|had)$/u, '')
      .trim()
  );
}

function stripDeterminer(text: string, c: Compiled): string {
  return text.replace(c.articleRe, '');
}

/** The result of reading a phrase as a claimant. */
interface Reading {
  /** True when the phrase names someone, even anonymously ("officials"). */
  found: boolean;
  claimant: ResolvedClaimant | null;
}

const NONE: Reading = { found: false, claimant: null };
const ANONYMOUS: Reading = { found: true, claimant: null };

/** Words of a news outlet's name ("the Wall Street Journal", "Korea Herald", "NK News"). */
const OUTLET_WORDS =
  /^(?:Journal|Times|Post|News|Press|Herald|Tribune|Gazette|Telegraph|Guardian|Independent|Pravda|Radio|Television|TV|Broadcasting|Newspaper|Newsweek|Insider)$/u;

/** The kind of a source the table does not know: an outlet by its name's words, a person by
 * two or three capitalised words, else a body. */
function kindOfRaw(phrase: string, c: Compiled): ClaimantKind {
  const ws = words(phrase);
  if (OUTLET_NAMES.has(phrase) || ws.some((w) => OUTLET_WORDS.test(w))) return 'media';
  const head = ws[ws.length - 1]?.toLowerCase() ?? '';
  const allCaps = ws.every((w) => /^\p{Lu}/u.test(w));
  // "The War Zone": a name that keeps its article is a title's, never a person's.
  if (
    allCaps &&
    ws.length >= 2 &&
    ws.length <= 3 &&
    !c.claimantHeads.has(head) &&
    !c.articleRe.test(`${ws[0]} `)
  )
    return 'person';
  return 'body';
}

/** A word that can be part of a person's name: "Tomas", "Sung-jun", "O'Brien", "J.". */
const NAME_WORD = /^(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'\u2019-]*\p{Ll})$/u;

function isNameWord(word: string, c: Compiled): boolean {
  return NAME_WORD.test(word) && !c.nameStopWords.has(word.toLowerCase()) && !isTitle(word, c);
}

function isTitle(word: string, c: Compiled): boolean {
  return c.personTitles.has(word.toLowerCase().replace(/['\u2019]s$/u, ''));
}

/**
 * A bare person's name of two to four name words ("Tomas Varnas", "Lee Sung-jun") that names
 * no known claimant, country or nationality.
 */
function isPersonName(phrase: string, c: Compiled, lexicon: Lexicon): boolean {
  const ws = words(phrase.trim());
  if (ws.length < 2 || ws.length > 4) return false;
  if (!ws.every((w) => isNameWord(w, c)) || /\.$/.test(ws[ws.length - 1]!)) return false;
  return findClaimantMentions(phrase).length === 0 && nationalitiesIn(phrase, lexicon).size === 0;
}

/**
 * "Ukrainian President Zelensky and Estonian intelligence": two sources of two countries joined
 * by "and" are one joint source, written as the story lists it (the gold's convention), not its
 * first member.
 */
function jointSource(phrase: string, c: Compiled, lexicon: Lexicon): ResolvedClaimant | null {
  const listed = stripDeterminer(clean(phrase), c);
  const parts = listed.split(/\s+and\s+/u);
  if (parts.length !== 2 || /,/u.test(listed)) return null;
  const countries = new Set<string>();
  for (const whole of parts) {
    const part = whole.replace(/^the\s+/u, '');
    if (!/^\p{Lu}/u.test(part) || words(part).length > 5) return null;
    const head = headMention(findClaimantMentions(part), part, 'first', c.postModifierRe);
    const country =
      head && head.entry.kind !== 'country'
        ? head.entry.country
        : head
          ? null
          : countryOfNationalityWord(part.split(/\s+/u)[0]!, lexicon);
    if (!country) return null;
    countries.add(country);
  }
  return countries.size === 2 ? { name: listed, country: null, kind: 'body' } : null;
}

/** "(senior) officials at/of/from the X": X's officials. */
const OFFICIAL_AT =
  /^(?:(?:one|two|three|several|some|other|senior|top|government|military)\s+)*officials?\s+(?:at|of|from|with)\s+((?:the\s+)?\p{Lu}.*)$/u;

/** A source's own report as a subject: "the NIS's latest assessment". */
const OWNED_REPORT =
  /^(.*\S)['\u2019]s\s+(?:(?:latest|new|recent|own|updated|daily|annual|preliminary)\s+)*(?:assessments?|estimates?|reports?|data|figures|analys[ie]s|findings|calculations?|briefings?|statements?)\s*$/u;

/** A capitalised name and an acronym in brackets after it: "the Main Intelligence Agency (GUR)". */
const NAME_THEN_ACRONYM = /^(\s*(?:the\s+)?)((?:\p{Lu}[\p{L}-]*\s+){1,6})\((\p{Lu}{2,6})\)/u;

/** ", Robert Wood," after a title: the person the title belongs to. */
const TITLE_THEN_NAME =
  /^,\s*(\p{Lu}[\p{L}\p{M}'\u2019-]+(?:\s+\p{Lu}[\p{L}\p{M}'\u2019-]+){1,3})\s*(?:[,.;:)]|$)/u;

/** Footage, images or a report someone put out, as a subject: "footage shared by X". */
const SHARED_BY =
  /^\s*(?:(?:the|a|an)\s+)?(?:(?:recent|new|latest|drone)\s+)*(?:footage|video|videos|images|photos|pictures|data|report|figures|statement)\s+(?:shared|released|published|posted|provided|issued|obtained)\s+(?:\S+\s+){0,3}?by\s+(.+)$/iu;

/** A subject that opens a coordinated clause: ", and on Tuesday a US official". */
const COORDINATED_CLAUSE = /^\s*(?:and|but|while|whereas)\s/u;

/** "the Telegram channel Rybar", "the Russian Telegram channel Kremlin Snuffbox". */
const CHANNEL_NAME =
  /^\s*(?:(?:the|a)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:Telegram|YouTube|X)\s+(?:channel|account|blog)\s+(\p{Lu}[\p{L}\p{M}\p{N}.'\u2019-]*(?:\s+\p{Lu}[\p{L}\p{M}\p{N}.'\u2019-]*){0,3})\s*$/u;

/**
 * A channel named after the word "channel" is the source under its own name, even when a known
 * name is part of it ("Kremlin Snuffbox" is no word of the Kremlin's).
 */
function namedChannel(phrase: string): ResolvedClaimant | null {
  const m = CHANNEL_NAME.exec(phrase);
  return m ? { name: m[1]!, country: null, kind: 'media' } : null;
}

/** The words of a name phrase before a closing full stop and before "of"/"at"/"from". */
function personNamePart(phrase: string): string {
  const head = /^(.*?)(?:\s+(?:of|at|from|in)\s.*)?$/su.exec(phrase)![1]!;
  return /\p{Ll}{2}\.$/u.test(head) ? head.slice(0, -1) : head;
}

/**
 * A phrase that ends in a person's name after their title ("Lithuanian Foreign Minister Tomas
 * Varnas", "JCS spokesperson Lee Sung-jun", "Analyst Maria Holm of the …"): the person, not the
 * title or the body in it. Stories and annotators credit the person by name.
 */
function titledPerson(phrase: string, c: Compiled, lexicon: Lexicon): ResolvedClaimant | null {
  const whole = stripDeterminer(clean(phrase), c);
  // "Analyst Maria Holm of the Nordic Defence Institute": the name before its affiliation.
  const cut = whole.replace(/\s+(?:of|at|from|with|for|in)\s.*$/su, '');
  // A known person ending the phrase is read from the table ("Defence Minister Shin Won Sik");
  // one before the name only qualifies the title ("Zelensky adviser Ivo Lind").
  const known = findClaimantMentions(whole).filter((m) => m.entry.kind === 'person');
  if (known.some((m) => /^[\s.'\u2019s]*$/u.test(whole.slice(m.end)))) return null;
  for (const p of cut === whole ? [whole] : [whole, cut]) {
    const ws = words(p);
    if (ws.length > 12) continue;
    let k = ws.length;
    while (k > 0 && isNameWord(ws[k - 1]!, c)) k--;
    // "… Security Service of Ukraine Vasyl Maliuk": a country or body before the name ends the
    // title, not the name.
    while (k < ws.length - 1 && findClaimantMentions(ws.slice(k, ws.length).join(' ')).length > 0) {
      const m = findClaimantMentions(ws.slice(k).join(' '))[0]!;
      if (m.start > 0) break;
      k += words(ws.slice(k).join(' ').slice(0, m.end)).length;
    }
    const name = ws.slice(k);
    if (name.length < 2 || name.length > 4 || k === 0) continue;
    if (/\.$/.test(name[name.length - 1]!)) continue;
    const prefix = ws.slice(0, k);
    const last = prefix[prefix.length - 1]!;
    const lastTwo = prefix.slice(-2).join(' ');
    // The title ends the prefix ("Foreign Minister"), or opens a title phrase that names its
    // office ("Minister of Defense of South Korea").
    const titled =
      isTitle(last, c) ||
      c.personTitles.has(lastTwo.toLowerCase()) ||
      (prefix.some((w) => isTitle(w, c)) &&
        prefix.every(
          (w) => /^\p{Lu}/u.test(w) || isTitle(w, c) || /^(?:of|the|and|for)$/u.test(w),
        ));
    if (!titled) continue;
    const nameText = name.join(' ');
    if (findClaimantMentions(nameText).length > 0 || nationalitiesIn(nameText, lexicon).size > 0)
      continue;
    const prefixText = prefix.join(' ');
    const nats = nationalitiesIn(prefixText, lexicon);
    const countries = findClaimantMentions(prefixText).filter((m) => m.entry.kind === 'country');
    const country =
      nats.size === 1
        ? [...nats][0]!
        : countries.length === 1
          ? (countries[0]!.entry.country ?? null)
          : null;
    lastTitle = prefixText.toLowerCase();
    return { name: nameText, country, kind: 'person' };
  }
  return null;
}

/** The title before the name {@link titledPerson} found last. */
let lastTitle = '';

/** {@link titledPerson}, remembering the title so "the defence secretary" finds them again. */
function titledPersonNoted(
  phrase: string,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
): ResolvedClaimant | null {
  const found = titledPerson(phrase, c, lexicon);
  if (found) {
    memory.titles.set(found.name, lastTitle);
    notePerson(memory, found);
  }
  return found;
}

/** Two or more capitalised words in a row: where a titled name may be. */
const NAME_RUN =
  /(?<![\p{L}\p{M}'\u2019.-])\p{Lu}[\p{L}\p{M}'\u2019.-]*(?:\s+\p{Lu}[\p{L}\p{M}'\u2019.-]*)+/gu;

/**
 * People introduced by title anywhere in a text ("British Defence Secretary Grace Whitfield
 * visited Kyiv"), noted with their titles so later pronouns, surnames and descriptions find them.
 * One linear pass over the words: a run of name words right after a title word.
 */
function titledPeopleIn(
  text: string,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
): Array<{ at: number; person: ResolvedClaimant }> {
  const out: Array<{ at: number; person: ResolvedClaimant }> = [];
  if (!c.titleTestRe?.test(text)) return out;
  NAME_RUN.lastIndex = 0;
  for (let m = NAME_RUN.exec(text); m !== null; m = NAME_RUN.exec(text)) {
    // The title sits in the run ("Foreign Minister Tomas Varnas") or just before it
    // ("press secretary Sean Parnell"); up to six words before the run are its title.
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    let cut = before.length;
    while (cut > 0 && !',;:()"\u201C\u201D'.includes(before[cut - 1]!)) cut--;
    const lead = before.slice(cut).split(/\s+/).slice(-6);
    // No title, no titled name: most runs are places and bodies.
    if (!lead.some((w) => isTitle(w, c)) && !m[0].split(/\s+/).some((w) => isTitle(w, c))) continue;
    const phrase = `${lead.join(' ')} ${m[0]}`.trim().replace(/['\u2019]s$/u, '');
    const person = titledPersonNoted(phrase, c, memory, lexicon);
    if (person) out.push({ at: m.index, person });
  }
  return out;
}

/**
 * "the South Korean defense minister", "the defence secretary": a definite description by title
 * of a person named earlier, the one named with that title or speaking for the body it names.
 */
function describedPerson(
  chunk: string,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
): ResolvedClaimant | null {
  // "the defence secretary", and "Russia's senior security official": a country's
  // possessive stands for its nationality word.
  // (Not when the table knows the whole phrase: "South Korea's defence minister" is the
  // ministry, whoever holds the post.)
  const cleaned = clean(chunk);
  const m = /^\s*(?:[Tt]he|(\p{Lu}[\p{L}.'\u2019 -]{1,30}?)['\u2019]s)\s+(.{2,60})$/u.exec(cleaned);
  if (!m || memory.people.length === 0) return null;
  const owner = m[1] ? findClaimantMentions(m[1]) : [];
  if (
    m[1] &&
    !(
      owner.length === 1 &&
      owner[0]!.entry.kind === 'country' &&
      findClaimantMentions(cleaned).every((x) => x.entry.kind === 'country')
    )
  )
    return null;
  const description = m[2]!;
  const ws = words(description);
  if (ws.length > 5 || !isTitle(ws[ws.length - 1]!, c)) return null;
  const lower = description.toLowerCase();
  const nats = nationalitiesIn(description, lexicon);
  if (owner[0]?.entry.country) nats.add(owner[0].entry.country);
  // The description without its nationality words ("defence secretary").
  const bare = words(
    lower
      .split(/\s+/)
      .filter((w) => nationalitiesIn(w, lexicon).size === 0)
      .join(' '),
  ).join(' ');
  const body = findClaimantMentions(description).find((x) => x.entry.kind !== 'person');
  for (let i = memory.people.length - 1; i >= 0; i--) {
    const person = memory.people[i]!;
    if (nats.size === 1 && person.country !== null && !nats.has(person.country)) continue;
    const title = memory.titles.get(person.name);
    if (title !== undefined && bare !== '' && (title === bare || title.endsWith(` ${bare}`))) {
      return person;
    }
    const entry = CLAIMANTS.find((e) => e.name === person.name);
    if (body && entry?.speaksFor === body.entry.name) return person;
    // "Ponomarenko said … The ambassador confirmed …": the post the table knows the person by,
    // when the story never gave it.
    if (bare !== '' && entry?.office?.some((w) => w === bare || w.endsWith(` ${bare}`))) {
      return person;
    }
  }
  return null;
}

/**
 * "the intelligence agency", "the military intelligence service": a definite description whose
 * head is an anaphor's head ("the agency") refers to the last body named, when that body goes
 * by such a description (one of its spellings ends in the same words).
 */
function describedBody(chunk: string, c: Compiled, memory: Memory): ResolvedClaimant | null {
  const m = /^\s*the\s+((?:[\p{Ll}-]+\s+){1,2})([\p{Ll}-]+)\s*$/u.exec(clean(chunk));
  const body = memory.body;
  if (!m || !body || !c.bodyAnaphors.has(`the ${m[2]}`)) return null;
  const described = `${m[1]}${m[2]}`.replace(/\s+/g, ' ');
  const entry = CLAIMANTS.find((e) => e.name === body.name);
  const spellings = entry ? [entry.name, ...entry.aliases] : [body.name];
  const fits = spellings.some((a) => {
    const lower = a.toLowerCase().replace(/\u2019/g, "'");
    return lower === described || lower.endsWith(` ${described}`);
  });
  return fits ? body : null;
}

/**
 * "U.S.-based Global Defense Corp", "the London-based monitor": where a source is based
 * describes it and is no part of its name.
 */
function stripDescriptor(text: string): string {
  // ("Reuters and the London-based Open Source Centre": after any article of the phrase.)
  return text.replace(/(^|(?:^|\s)(?:the|a|an)\s+)[\p{L}.]+-based\s+(?=\S)/giu, '$1');
}

/** A phrase led by a participle ("stationed near …", "fighting in …", "based in …"). */
const PARTICIPLE_CHUNK =
  /^\s*(?:\p{Ll}+ed|\p{Ll}{2,}ing)\s+(?:in|near|at|on|by|with|from|to|along|inside|outside|alongside)\s/u;

/** An indefinite description ending in a common noun ("a close Putin aide", "an ally of his"). */
const INDEFINITE_APPOSITIVE = /^\s*(?:a|an)\s+[^,]*\p{Ll}\s*$/u;

/** A count ("3,000 troops", "about 40 of them") inside a phrase. */
const COUNT_IN_PHRASE = /(?:^|\s)\d(?:[\d,.]*\d)?\s/u;

/** A source phrase that is only a report ("an updated assessment", "the latest estimates"). */
const REPORT_NOUN_ONLY =
  /^\s*(?:(?:the|an?)\s+)?(?:(?:updated|latest|new|recent|joint|fresh)\s+)?(?:assessments?|estimates?|reports?|data|figures|analysis|findings|briefings?|statements?|investigations?|study|review)\s*$/iu;

/** "… that South Korea's Defense Ministry presented": who made the report a phrase names. */
const PRESENTED_BY =
  /^\s+(?:that|which)\s+((?:(?!\s(?:that|which)\s)[^,;:.])+?)\s+(?:had\s+|has\s+|have\s+)?(?:presented|released|published|gave|provided|shared|submitted|sent|issued|made|compiled|produced|delivered)\b/u;

/** "… assessment as described by Lee": a relayer after an owned report, no part of its owner. */
const AS_RELAYED_TAIL =
  /(?<=['\u2019]s?\s+(?:\p{L}+\s+)?(?:assessment|estimate|report|briefing|data|findings|analysis|figures)s?)\s+as\s+(?:described|relayed|presented|summari[sz]ed|outlined|quoted|cited|explained)\s+(?:by|to)\s.*$/su;

/** A sentence that opens on the outlet just named citing its source ("The broadcaster cited
 * …", "The agency quoted …"). */
const OUTLET_CITED =
  /^\s*the\s+(?:broadcaster|news\s+agency|agency|newspaper|paper|outlet|channel|publication|network|daily|station|magazine|website)\s+(?:also\s+)?(?:cited|quoted|was\s+citing|referred\s+to|relied\s+on)\s+/iu;

/** "the London newspaper": a capitalised place between the article and a common noun. */
const PLACE_BEFORE_ANAPHOR =
  /^[Tt]he\s+(\p{Lu}[\p{L}-]+)\s+(\p{Ll}[\p{Ll}-]*(?:\s+\p{Ll}[\p{Ll}-]*)?)$/u;

/** "the South's" opening a phrase: South Korea's, in a story of the two Koreas. */
const SOUTHS = /^(\s*)the\s+South(?=['\u2019]s\s)/u;

/** "… and other authorities": others the phrase does not name. */
const AND_OTHERS = /\s+and\s+other\s+(?:authorities|officials|agencies|bodies|sources)\s*$/iu;

/** The outlets stories in every language cite by their Latin-script name. */
const OUTLET_NAMES = new Set(LATIN_OUTLETS.flatMap((o) => [o.alias, o.name]));

/** A statement on somebody's channel: "the statement on …", "a post on …". */
const STATEMENT_ON =
  /^\s*(?:(?:the|a|an)\s+)?(?:statement|post|message|update|announcement|video)s?\s+(?:on|in|from)\s+/iu;
/** "'s Telegram channel", "'s official website": the channel of the owner named before. */
const OWN_CHANNEL =
  /['\u2019]s?\s+(?:official\s+)?(?:(?:telegram|facebook|youtube|twitter|x)\s+(?:channel|account|page|feed)|website)\s*$/iu;

/** A count of soldiers, prisoners or workers: "Two North Korean prisoners of war", "3,000
 * troops", "Six North Korean escapees". */
const COUNTED_PEOPLE =
  /(?:^|\s)(?:\d(?:[\d,.]*\d)?|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\p{L}-]+\s+){0,3}(?:soldiers|troops|prisoners|captives|POWs|servicemen|fighters|escapees|defectors|workers|labou?rers)\b/iu;

/** "North Korean troops were first confirmed … by Mark Rutte": the North's forces are what a
 * sentence tells of, never who tells it. */
const NORTH_KOREAN_FORCES =
  /^\s*(?:the\s+)?(?:North\s+Korean|DPRK|Pyongyang['\u2019]s)\s+(?:soldiers|troops|forces|servicemen|fighters|units?)\s*$/iu;

/** A proper name run at the end of a phrase, after a lower-case word that describes it (not
 * a word that joins a name: "Korea Institute for National Unification" is one name). */
const APPOSITIVE_NAME =
  /(?:^|\s)(?!(?:for|of|and|on|the|in|at|de|des|du)\s)\p{Ll}[\p{Ll}'\u2019-]*\s+(\p{Lu}[\p{L}\p{M}.'\u2019-]*(?:\s+(?:(?:of|for|and|on)\s+)?\p{Lu}[\p{L}\p{M}.'\u2019-]*)*)\s*$/u;

/** Reads a phrase with no known claimant in it: a pronoun, an anaphor, a country or a raw name. */
function readGeneric(
  chunk: string,
  sentenceInitial: boolean,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
): Reading {
  const cleaned = stripDescriptor(clean(chunk));
  const phrase = stripDeterminer(cleaned, c);
  if (phrase === '') return NONE;
  // "an official at the South Korean presidential office": the office speaks through them.
  const at = OFFICIAL_AT.exec(phrase);
  if (at) {
    const office = readGeneric(at[1]!, false, c, memory, lexicon);
    if (office.claimant) return office;
  }
  // "The Times reported": a capitalised word after a determiner is a name, not a sentence's
  // first word.
  const initial = sentenceInitial && phrase === cleaned;
  const lower = phrase.toLowerCase();
  const withThe = `the ${lower}`;
  if (c.speakerPronouns.has(lower)) return NONE;
  // "Earlier on Saturday he": an adverbial before a pronoun subject.
  const lastWord = /(\p{L}+)\s*$/u.exec(lower)?.[1] ?? '';
  if (lastWord !== lower && c.personPronouns.has(lastWord)) {
    return { found: true, claimant: memory.person ?? memory.any };
  }
  if (lastWord !== lower && c.bodyPronouns.has(lastWord)) {
    return { found: true, claimant: bodyPronounClaimant(lastWord, c, memory) };
  }
  if (c.personPronouns.has(lower)) return { found: true, claimant: memory.person ?? memory.any };
  if (c.bodyPronouns.has(lower))
    return { found: true, claimant: bodyPronounClaimant(lower, c, memory) };
  if (c.personAnaphors.has(withThe)) return { found: true, claimant: memory.person ?? memory.any };
  // "the intelligence report says": the intelligence body named last, past the outlet that
  // relayed its report.
  if (INTELLIGENCE_DOCUMENT.test(withThe) && (memory.intelligence ?? memory.institution))
    return { found: true, claimant: memory.intelligence ?? memory.institution };
  if (DOCUMENT_ANAPHORS.has(withThe) && memory.institution)
    return { found: true, claimant: memory.institution };
  // "The London newspaper reported": a place before the anaphor's noun only says where.
  const placed = PLACE_BEFORE_ANAPHOR.exec(cleaned);
  if (
    placed &&
    c.bodyAnaphors.has(`the ${placed[2]!}`) &&
    findClaimantMentions(placed[1]!).length === 0 &&
    countryOfNationalityWord(placed[1]!) === null &&
    memory.body
  )
    return { found: true, claimant: memory.body };
  if (c.bodyAnaphors.has(withThe)) {
    // "Defense Minister Shin Won-sik said … He also said that the ministry believes …": with no
    // body named yet, the body is the one the person named last speaks for.
    // An outlet is no ministry or agency: "the ministry" after a person passes it over.
    const spoken = memory.any?.kind === 'person' ? speaksForOf(memory.any.name) : null;
    const body = memory.body?.kind === 'media' && spoken ? null : memory.body;
    return { found: true, claimant: body ?? spoken ?? memory.any };
  }
  const described = describedBody(chunk, c, memory) ?? describedPerson(chunk, c, memory, lexicon);
  if (described) return { found: true, claimant: described };
  const titled = titledPersonNoted(phrase, c, memory, lexicon);
  if (titled) return { found: true, claimant: titled };
  const defined = memory.acronyms.get(phrase);
  if (defined) return { found: true, claimant: defined };
  const ws = words(phrase);
  if (ws.length === 0 || ws.length > 8) return NONE;
  // "Some 3,000 North Korean troops have been killed": a clause with a count in it is what was
  // said, never who said it.
  if (COUNT_IN_PHRASE.test(phrase)) return NONE;
  // "Lee said", "Rep. Lee noted", "Gen. Budanov added": a surname, alone or after titles only,
  // is the person named in full earlier.
  const surname = ws[ws.length - 1]!;
  if (/^\p{Lu}/u.test(surname) && ws.slice(0, -1).every((w) => isTitleOrHonorific(w, c))) {
    const bare = surname.replace(/[^\p{L}'-]/gu, '');
    const known = bySurname(memory, bare);
    if (known) return { found: true, claimant: known };
    // "Mr Wood said": a courtesy title before a surname names a person the story gave in full
    // before ("the deputy US ambassador, Robert Wood,"), even one no rule noted as a source.
    if (ws.length > 1 && HONORIFIC.test(ws[ws.length - 2]!)) {
      const full = fullNameIn(memory.text, bare, c);
      if (full) return { found: true, claimant: full };
    }
  }
  const head = ws[ws.length - 1]!.toLowerCase().replace(/[^\p{L}'-]/gu, '');
  const nats = nationalitiesIn(phrase, lexicon);
  // "the Ukrainian agency suggests": a body's anaphor with its country is that country's body
  // named last.
  if (
    nats.size === 1 &&
    ws.length === 2 &&
    c.bodyAnaphors.has(`the ${head}`) &&
    memory.body?.kind === 'body' &&
    memory.body.country === [...nats][0]
  )
    return { found: true, claimant: memory.body };
  if (nats.size === 1 && c.governmentNouns.has(head) && ws.length <= 3) {
    const country = countryClaimant([...nats][0]!);
    if (country) return { found: true, claimant: country };
  }
  // A sentence's first word is capitalised anyway, unless it is a possessive ("Japan's") or an
  // outlet's known name ("Reuters reported that …").
  const capitalised =
    OUTLET_NAMES.has(phrase) ||
    ws.some(
      (w, i) =>
        /^[\p{Lu}]/u.test(w) && !(i === 0 && initial && ws.length > 0 && !/['\u2019]s$/u.test(w)),
    );
  if (nats.size === 0 && !capitalised) {
    // "lawmakers said": whose briefing they relay is decided with the paragraph in view.
    if (LAWMAKER_RE.test(head)) {
      return { found: true, claimant: { name: phrase, country: null, kind: 'person' } };
    }
    // "the lawmakers attending the parliamentary intelligence committee hearing", "lawmakers on
    // the intelligence committee": the lawmakers, whatever their phrase goes on to say of them.
    const lead = LAWMAKERS_WHO.exec(phrase);
    if (lead) {
      return { found: true, claimant: { name: lead[1]!, country: null, kind: 'person' } };
    }
    if (c.anonymousNouns.has(head) || c.claimantHeads.has(head)) return ANONYMOUS;
    return NONE;
  }
  // "according to Ukrainian reports", "South Korean estimates": the reports' nationality alone
  // names the country.
  const nationality = countryOfNationalityWord(phrase, lexicon);
  if (nationality !== null) {
    const country = countryClaimant(nationality);
    if (country) return { found: true, claimant: country };
  }
  if (nats.size > 0 || capitalised) {
    if (ws.length === 1 && !capitalised && !c.claimantHeads.has(head)) return NONE;
    const country = nats.size === 1 ? [...nats][0]! : null;
    // "Western intelligence sources" speak for Western intelligence.
    const body =
      /^(?:officials?|sources?)$/.test(head) && ws.length >= 2 ? ws.slice(0, -1).join(' ') : phrase;
    const bodyHead = words(body).pop()?.toLowerCase() ?? '';
    let name = body !== phrase && c.claimantHeads.has(bodyHead) ? body : phrase;
    // "the human rights group Freedom Bridge Korea", "South Korean think tank Asan Institute":
    // a common-noun description before a proper name is an appositive; the name is the source.
    const appositive = APPOSITIVE_NAME.exec(name);
    if (appositive) name = appositive[1]!;
    // "a Western official", "one Western intelligence official": the officials as a source.
    name = name.replace(/^(?:one|another)\s+/iu, '').replace(/\b(official|source)$/u, '$1s');
    return { found: true, claimant: { name, country, kind: kindOfRaw(name, c) } };
  }
  return NONE;
}

/** A coordinated list of nationalities before one head noun ("American, South Korean and Ukrainian authorities"). */
function readNationalityList(phrase: string, c: Compiled, lexicon: Lexicon): Reading {
  // A list needs a joiner, and cleaning only removes text, never adds a comma or a spaced
  // "and": test the raw phrase first, since most subjects list nothing and the nationality
  // lookups below tokenise the whole phrase.
  if (!LIST_JOINER.test(phrase)) return NONE;
  // "one Ukrainian and two U.S. officials": how many of each does not change who they are.
  // "US, Ukrainian, and South Korean intelligence": "US" in capitals is the adjective too
  // (never the pronoun, which the nationality table, read in lower case, would take).
  // "Estimates from Ukrainian, US, and South Korean intelligence suggest": whose estimates.
  const p = stripDeterminer(clean(phrase), c)
    .replace(REPORTS_FROM, '')
    .replace(COUNTED_MEMBER, '')
    .replace(/\bUS\b/gu, 'U.S.');
  // "Western and Ukrainian intelligence": the West counts as one member of such a list, and so
  // does a one-word body ("South Korean and Pentagon intelligence").
  const western = /\bWestern\b/u.test(p) ? 1 : 0;
  const listed = nationalitiesIn(p, lexicon).size + western;
  if (listed === 0) return NONE;
  const bodies =
    listed >= 2
      ? []
      : findClaimantMentions(p).filter(
          (m) => m.entry.kind === 'body' && !/\s/u.test(p.slice(m.start, m.end).trim()),
        );
  if (listed + bodies.length < 2) return NONE;
  // "Ukraine's HUR agency" lists nothing: a list joins its members.
  if (!LIST_JOINER.test(p)) return NONE;
  let rest = ` ${p.toLowerCase().replace(/\u2019/g, "'")} `;
  for (const b of bodies)
    rest = rest.split(` ${p.slice(b.start, b.end).toLowerCase()} `).join('  ');
  rest = rest.replace(c.nationalityListRe, '');
  // One head noun, or two ("intelligence officials"), after the list.
  const remaining = words(rest.replace(c.listJoinRe, ' '));
  if (remaining.length < 1 || remaining.length > 2) return NONE;
  const isHead = (w: string) =>
    c.governmentNouns.has(w) ||
    c.anonymousNouns.has(w) ||
    c.claimantHeads.has(w) ||
    LIST_HEADS.has(w);
  if (!remaining.every(isHead)) return NONE;
  return { found: true, claimant: { name: p, country: null, kind: 'body' } };
}

/** Capitalised words (a "the" allowed) listed with commas and a last "and", then up to two
 * lower-case head words: "Western, South Korean and Ukrainian intelligence agencies",
 * "Ukraine, the U.S., and South Korea". */
const LISTED_ITEM = String.raw`(?:the\s+)?\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*)?`;
/** Words after a list that are no head noun of it: the clause's verb or its "that". */
const LISTED_AFTER = String.raw`(?:that|who|which|suggest\p{L}*|say\p{L}*|said|show\p{L}*|put\p{L}*|indicate\p{L}*)\b`;
const LISTED_NAMES = new RegExp(
  String.raw`^\s*${LISTED_ITEM}(?:\s*,\s*${LISTED_ITEM})*\s*,?\s*(?:and|or)\s+${LISTED_ITEM}(?:\s+(?!${LISTED_AFTER})\p{Ll}+(?:\s+(?!${LISTED_AFTER})\p{Ll}+)?)?(?=\s*(?:[,;:.]|$)|\s+${LISTED_AFTER})`,
  'u',
);

/** Reports named before whose they are: "Estimates from", "reports by", "the latest data of". */
const REPORTS_OF = String.raw`(?:(?:the|their|joint)\s+)?(?:(?:intelligence|latest)\s+)?(?:reports?|assessments?|estimates?|data|figures)\s+(?:from|by|of)\s+`;
const REPORTS_FROM = new RegExp(String.raw`^${REPORTS_OF}(?:the\s+)?`, 'iu');

/** Plural heads a list of nationalities may take beside the claimant heads ("… intelligence
 * agencies", "Ukrainian and Western assessments"). */
const LIST_HEADS = new Set(['agencies', 'services', 'assessments', 'estimates', 'governments']);

/** "the United States and its allies", "Kyiv and its western allies", "the US and other
 * Ukrainian allies". */
const AND_ALLIES =
  /^\s*(?:the\s+)?(\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*){0,3})\s+and\s+(?:its|their|other)\s+(?:[\p{L}-]+\s+)?allies\s*$/u;

/**
 * A country or body "and its allies": one joint source, written as the story lists it (the
 * gold's convention), not the country alone.
 */
function withAllies(phrase: string, c: Compiled): Reading | null {
  const m = AND_ALLIES.exec(clean(phrase));
  if (!m || findClaimantMentions(m[1]!).length === 0) return null;
  const name = stripDeterminer(clean(phrase), c);
  return { found: true, claimant: { name, country: null, kind: 'body' } };
}

/** "Intelligence services in South Korea and the US", "officials from Seoul and Kyiv": the
 * countries' own people, who speak for them together. */
const PEOPLE_OF = String.raw`(?:(?:intelligence|military|defen[cs]e|government|security)\s+(?:and\s+)?){0,3}(?:services|agencies|officials|authorities|governments|sources)\s+(?:in|of|from)\s+`;
/** What may open a subject list of countries: a phrase set off by a comma, reports from, or
 * the countries' people ({@link PEOPLE_OF}). */
const LIST_LEAD = new RegExp(String.raw`^(?:[^,]*,\s*|\s*${REPORTS_OF}|\s*${PEOPLE_OF})`, 'iu');

/** A quantifier after a subject list ("all", "both"). */
const LIST_QUANTIFIER = /^\s*(?:all|both|each|also|too|jointly)\b/u;

/**
 * A subject that lists several countries ("Kyiv and Washington both say"): one joint
 * source, not the last country named.
 */
function readCountryList(phrase: string, c: Compiled): Reading | null {
  const mentions = findClaimantMentions(phrase);
  if (mentions.length < 2 || !mentions.every((m) => m.entry.kind === 'country')) return null;
  if (new Set(mentions.map((m) => m.entry.country)).size < 2) return null;
  for (let k = 1; k < mentions.length; k++) {
    const gap = phrase.slice(mentions[k - 1]!.end, mentions[k]!.start);
    if (!/^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?$/iu.test(gap)) return null;
  }
  // "In the fall, Ukraine, the U.S. and South Korea all said", "Intelligence reports from the
  // United States, South Korea and Ukraine suggest": an opening phrase set off by a comma, or
  // the reports the countries gave, and a quantifier after the list, leave it their claim.
  const lead = phrase.slice(0, mentions[0]!.start);
  const before = stripDeterminer(
    clean(lead.replace(LIST_LEAD, '').replace(/^\s*the\s+$/iu, '')),
    c,
  );
  const tail = phrase.slice(mentions[mentions.length - 1]!.end);
  const after = clean(tail.replace(LIST_QUANTIFIER, ''));
  if (before !== '' || after !== '') return null;
  const name = stripDeterminer(
    clean(phrase.slice(mentions[0]!.start, phrase.length - tail.length)),
    c,
  );
  return { found: true, claimant: { name, country: null, kind: 'body' } };
}

/** What joins the members of a list ("American, South Korean and Ukrainian"). */
const LIST_JOINER = /,|\s(?:and|or|&)\s/u;

/** A small count before a list member ("one Ukrainian and two U.S. officials"). */
const COUNTED_MEMBER =
  /(?<=^|,\s*|\band\s+)(?:one|two|three|four|five|six|several|some|[1-9])\s+(?=\p{Lu})/gu;

/**
 * "the Ministry of Civil Protection of Ukraine": a capitalised ministry, service or agency
 * "of" a country is that country's body, not the country.
 */
const BODY_OF_COUNTRY =
  /(?:^|\s)((?:Ministry|Department|Service|Agency|Directorate|Committee|Office)(?:\s+(?:of|for|and|the)|\s+\p{Lu}[\p{L}'-]*){1,6}?)\s+of\s+(?:the\s+)?$/u;

/** "the country's …", "the nation's …" at the start of a source phrase. */
const OWN_COUNTRY = /^\s*the\s+(?:country|nation)['\u2019]s\s+/iu;

/** The country of the claimant named last: whose "the country's ministry" is meant. */
function lastCountry(memory: Memory): ResolvedClaimant | null {
  const country = (memory.any ?? memory.body ?? memory.person)?.country;
  return country ? countryClaimant(country) : null;
}

/** "the country's military" spelled with the country's name ("South Korea's military"). */
function spellOwnCountry(phrase: string, country: ResolvedClaimant | null): string {
  const own = OWN_COUNTRY.exec(phrase);
  return own && country ? `${country.name}'s ${phrase.slice(own[0].length)}` : phrase;
}

/** A defence or foreign ministry named without its country. */
const BARE_MINISTRY =
  /^\s*the\s+(?:(?:defen[cs]e|foreign)\s+ministry|ministry\s+of\s+(?:national\s+)?defen[cs]e|ministry\s+of\s+foreign\s+affairs)\s*$/iu;

/** A diplomat's post, up to the place it is in ("ambassador to"). */
const POSTED_TO =
  /\b((?:[Aa]mbassador|[Ee]nvoy|[Cc]onsul(?: [Gg]eneral)?|[Cc]harg[ée] d'[Aa]ffaires)) (?:to|in) (?:the )?(?=\p{Lu})/gu;

/**
 * The phrase without the places diplomats are posted to ("Ukraine's ambassador to South Korea
 * Dmytro Ponomarenko" is "Ukraine's ambassador Dmytro Ponomarenko"): where an envoy serves is
 * not whom he speaks for. The place is a country the table knows, else one capitalised word.
 */
function withoutPosts(phrase: string): string {
  if (!/mbassador|nvoy|onsul|ffaires/u.test(phrase)) return phrase;
  let out = '';
  let from = 0;
  POSTED_TO.lastIndex = 0;
  for (let m = POSTED_TO.exec(phrase); m !== null; m = POSTED_TO.exec(phrase)) {
    const rest = phrase.slice(m.index + m[0].length);
    const place = findClaimantMentions(rest).find(
      (x) => x.start === 0 && x.entry.kind === 'country',
    );
    const end = place ? place.end : (/^\p{Lu}[\p{L}.'-]*/u.exec(rest)?.[0].length ?? 0);
    out += phrase.slice(from, m.index) + m[1]!;
    from = m.index + m[0].length + end;
    POSTED_TO.lastIndex = from;
  }
  return out + phrase.slice(from);
}

/** What joins two who say together: "and", "and the", "and President". */
const COORDINATED_SPEAKER = /^\s*and\s+(?:the\s+)?(?:\p{Lu}[\p{L}.]*\s+)?$/u;

/** "intelligence officials in South Korea", "intelligence reports from Seoul". */
const AGENCY_IN_COUNTRY =
  /^(\s*(?:the\s+)?)((?:military\s+)?intelligence\s+(?:officials|sources|services|agencies|reports|assessments|estimates))\s+(?:in|from)\s+(.+?)\s*$/iu;

/**
 * "Intelligence officials in South Korea said …": a country's intelligence named after it,
 * spelt as the story would spell it before ("South Korean intelligence officials"), so it
 * reads as that country's intelligence rather than the country.
 */
function agencyBeforeCountry(phrase: string): string {
  const m = AGENCY_IN_COUNTRY.exec(phrase);
  if (!m) return phrase;
  const place = findClaimantMentions(m[3]!);
  const country = place.length === 1 && place[0]!.entry.kind === 'country' ? place[0]! : null;
  const lead = /^the\s+/iu.exec(m[3]!)?.[0].length ?? 0;
  if (!country || country.start !== lead || country.end < m[3]!.length) return phrase;
  const adjective = country.entry.country ? countryAdjective(country.entry.country) : undefined;
  if (!adjective) return phrase;
  // "intelligence reports from Seoul" are the intelligence's, as "South Korean intelligence
  // reports" are.
  const noun = m[2]!.toLowerCase().replace(/\s+(?:reports|assessments|estimates)$/u, '');
  const spelt = adjective.replace(/[\p{L}.]+/gu, (w) =>
    w.includes('.') ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1),
  );
  return `${m[1]}${spelt} ${noun}`;
}

function readPhrase(
  phrase: string,
  which: 'first' | 'last',
  sentenceInitial: boolean,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
): Reading {
  // "Two North Korean soldiers captured by Ukrainian forces wrote a letter": the people counted
  // are what the sentence is about, never who gives the count.
  if (COUNTED_PEOPLE.test(phrase) || NORTH_KOREAN_FORCES.test(phrase)) return NONE;
  // "Ukraine's Air Force and other authorities said": the one named.
  // "the South's intelligence service": stories of the two Koreas call each by its half.
  phrase = phrase.replace(AND_OTHERS, '').replace(SOUTHS, '$1South Korea');
  // "a statement on the intelligence agency's Telegram channel": whose channel it is.
  if (STATEMENT_ON.test(phrase) && OWN_CHANNEL.test(phrase))
    phrase = phrase.replace(STATEMENT_ON, '').replace(OWN_CHANNEL, '');
  // "The country's military disclosed …": the country of the claimant named last.
  if (OWN_COUNTRY.test(phrase)) phrase = spellOwnCountry(phrase, lastCountry(memory));
  // "South Korea confirmed … The defense ministry estimated …": a ministry left bare is the
  // ministry of the country named last, when the table knows it.
  if (BARE_MINISTRY.test(phrase)) {
    const which = /foreign/iu.test(phrase) ? 'foreign' : 'defence';
    const ministry = ministryOf(lastCountry(memory)?.country ?? null, which);
    if (ministry) return { found: true, claimant: fromEntry(ministry) };
  }
  // "Ukraine's ambassador to South Korea": where an envoy serves is not whom he speaks for.
  phrase = agencyBeforeCountry(withoutPosts(phrase));
  // "During the committee briefing, intelligence officials also said …" after a paragraph
  // that named the NIS: that agency's officials.
  if (memory.intelligence && BARE_INTELLIGENCE.test(phrase))
    return { found: true, claimant: memory.intelligence };
  const channel = namedChannel(phrase);
  if (channel) return { found: true, claimant: channel };
  // "the NIS's latest assessment (shows)": whose report it is.
  const report = OWNED_REPORT.exec(phrase);
  if (report) phrase = report[1]!;
  // "Recent footage shared by a Ukrainian drone unit (shows)": who shared it.
  const shared = SHARED_BY.exec(phrase);
  if (shared) phrase = shared[1]!;
  const list = readNationalityList(phrase, c, lexicon);
  if (list.found) return list;
  const mentions = findClaimantMentions(phrase);
  // "JCS spokesperson Lee Sung-jun": a name after a title is that person, not the body.
  const lastPerson = mentions.filter((m) => m.entry.kind === 'person').pop();
  if (mentions.length > 0 && (!lastPerson || /\p{Lu}/u.test(phrase.slice(lastPerson.end)))) {
    const described = describedPerson(phrase, c, memory, lexicon);
    if (described) return { found: true, claimant: described };
    const titled = titledPersonNoted(phrase, c, memory, lexicon);
    if (titled) return { found: true, claimant: titled };
  }
  let head = headMention(mentions, phrase, which, c.postModifierRe);
  // "President Zelensky and the Security Service of Ukraine reported": of two who say together,
  // the one named first.
  if (which === 'last' && head && head.entry.kind !== 'country') {
    const before = mentions.filter((m) => m.end <= head!.start).pop();
    if (
      before &&
      before.entry.kind !== 'country' &&
      COORDINATED_SPEAKER.test(phrase.slice(before.end, head.start))
    )
      head = before;
  }
  // "Ukraine's HUR intelligence agency", "Ukraine's Zelensky": a country's possessive before a
  // known body or person names that one.
  const owned =
    head?.entry.kind === 'country'
      ? mentions.find(
          (x) =>
            x.start > head.end &&
            x.entry.kind !== 'country' &&
            /^['\u2019]s\s+$/u.test(phrase.slice(head.end, x.start)),
        )
      : undefined;
  if (owned) return { found: true, claimant: fromEntry(owned.entry) };
  if (head) {
    const ofCountry =
      head.entry.kind === 'country' ? BODY_OF_COUNTRY.exec(phrase.slice(0, head.start)) : null;
    if (ofCountry && /^[\s.,;:'")\u2019\u201D]*$/u.test(phrase.slice(head.end))) {
      // "the Ministry of Civil Protection of Ukraine": that country's ministry, which the
      // table may know under its possessive spelling.
      const body = ofCountry[1]!.trim();
      const spelled = `${head.entry.name}'s ${body}`;
      const known = findClaimantMentions(spelled).find(
        (x) => x.entry.kind !== 'country' && x.start === 0 && x.end >= spelled.length - 1,
      );
      if (known) return { found: true, claimant: fromEntry(known.entry) };
      return {
        found: true,
        claimant: { name: `${head.entry.name} ${body}`, country: head.entry.country, kind: 'body' },
      };
    }
    // A known name followed by a noun modifies it: "South Korean military sources" are
    // anonymous sources; "Ukraine's Security Service" is not Ukraine.
    const after = phrase
      .slice(head.end)
      .replace(/^['\u2019]s\b/u, '')
      .trim();
    const nextWords = after
      .split(/[,;(]/)[0]!
      .split(/\s+/)
      .slice(0, 4)
      .map((w) => w.replace(/[^\p{L}'-]/gu, ''));
    const nextWord = nextWords[0] ?? '';
    const lowerNext = nextWord.toLowerCase();
    // "Ukraine's border service", "Seoul's defence ministry": a country's noun phrase that
    // ends in a body's head word names that body, not the country.
    const possessiveBody =
      head.entry.kind === 'country' &&
      /^['\u2019]s\b/u.test(phrase.slice(head.end)) &&
      nextWords.some((w) => c.claimantHeads.has(w.toLowerCase()));
    // "Pentagon officials", "Ukrainian intelligence officials" or "authorities", "ISW
    // analysts": a body's own officials and researchers speak for it.
    const ownOfficials =
      head.entry.kind === 'body' &&
      /^(?:officials?|authorities|spokes(?:man|woman|person)|analysts?|researchers?|experts?)$/.test(
        lowerNext,
      );
    const modifies =
      !ownOfficials &&
      nextWord !== '' &&
      head.entry.kind !== 'person' &&
      (c.anonymousNouns.has(lowerNext) ||
        c.claimantHeads.has(lowerNext) ||
        possessiveBody ||
        (head.entry.kind === 'country' && /^\p{Lu}/u.test(nextWord)));
    if (possessiveBody) {
      // "Kyiv's military intelligence" is "Ukraine's military intelligence" when the table
      // knows that body under its country's name.
      const tail = after.replace(/^['\u2019]s\b/u, '').split(/[,(]/)[0]!;
      const spelled = `${head.entry.name}'s ${tail.trim()}`;
      const known = findClaimantMentions(spelled).find(
        (x) => x.entry.kind !== 'country' && x.start === 0,
      );
      if (known) return { found: true, claimant: fromEntry(known.entry) };
    }
    // "Ukraine's HUR military intelligence agency": words after a body that it goes by itself.
    const described = after.split(/[,;(]/)[0]!.trim().toLowerCase();
    if (
      modifies &&
      head.entry.kind === 'body' &&
      /^[\p{Ll} -]+$/u.test(described) &&
      head.entry.aliases.some((a) =>
        a
          .toLowerCase()
          .replace(/\u2019/g, "'")
          .endsWith(` ${described}`),
      )
    ) {
      return { found: true, claimant: fromEntry(head.entry) };
    }
    if (modifies) {
      const rest = phrase.slice(head.start).split(/[,(]/)[0]!;
      return readGeneric(rest, false, c, memory, lexicon);
    }
    return { found: true, claimant: fromEntry(head.entry) };
  }
  return readGeneric(phrase, sentenceInitial, c, memory, lexicon);
}

function lastMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    last = m;
    if (m[0].length === 0) re.lastIndex++;
  }
  return last;
}

interface SubjectResult {
  reading: Reading;
  start: number;
  inverted: boolean;
}

/**
 * "Seth Jones, director of the International Security Program at CSIS, said": a chunk that
 * opens with a lower-case title word right after a capitalised name is that name's title.
 */
function isTitleAfterName(chunk: string, before: string): boolean {
  // "Sergei Shoigu, the Kremlin's security secretary, said": a known person alone in the
  // chunk before, and no person in this one, makes this chunk that person's title.
  const named = before.trim().replace(/^[-\u2013\u2014\u2022*]\s+/u, '');
  const known = findClaimantMentions(named);
  if (
    known.length === 1 &&
    known[0]!.entry.kind === 'person' &&
    known[0]!.start === 0 &&
    /^[\s.'\u2019]*$/u.test(named.slice(known[0]!.end)) &&
    !findClaimantMentions(chunk).some((m) => m.entry.kind === 'person')
  ) {
    return true;
  }
  const title = chunk.trim().replace(/^(?:the|a|an)\s+(?:former\s+)?/u, '');
  if (!/^\p{Ll}/u.test(title) || /^(?:the|a|an)\b/u.test(title)) return false;
  const name = before.trim().split(/\s+/);
  if (/^(?:In|On|At|By|For|From|With|After|Before|During|Since|As)$/u.test(name[0]!)) return false;
  // Two or three capitalised words and nothing else: a person's name.
  return (
    name.length >= 2 &&
    name.length <= 4 &&
    name.every((w) => /^\p{Lu}[\p{L}'\u2019.-]*$/u.test(w)) &&
    name.slice(-2).every((w) => /\p{Ll}/u.test(w))
  );
}

/**
 * "Tomas Varnas, Lithuania's foreign minister, said": a chunk that ends in a person's title,
 * after a chunk that is a person's bare name, is that person's title.
 */
function titleAfterPersonName(
  chunk: string,
  before: string,
  c: Compiled,
  lexicon: Lexicon,
): boolean {
  // "Dmytro Ponomarenko, Ukraine's ambassador to South Korea, told": the post's place after it.
  const ws = words(withoutPosts(chunk));
  if (ws.length === 0 || ws.length > 8 || !isTitle(ws[ws.length - 1]!, c)) return false;
  const name = before.trim().replace(/^[-\u2013\u2014\u2022*]\s+/u, '');
  return isPersonName(name, c, lexicon);
}

/** A title that opens an appositive: "(the) (deputy) chief of …", "head of …". */
const OPEN_TITLE =
  /^\s*(?:the\s+)?(?:deputy\s+|former\s+|acting\s+)?(?:chief|head|director|commander|spokesman|spokeswoman|spokesperson|minister|secretary)\s+of\s/u;

/** "<body> under <country>'s <institution>": the body and the country. */
const PLACED_UNDER =
  /^\s*(?:the\s+)?(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){1,5})\s+(?:under|within|of)\s+(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)['\u2019]s\s/u;

/** Words before a participle that make it passive ("is believed", "widely believed"). */
const PASSIVE_AUX = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'widely',
  'generally',
  'also',
  'still',
  'not',
]);

/** A relative pronoun (and fillers) ending the stretch before a verb. */
/** A relative clause right before the verb, with its own named subject ("…, which Western
 * officials [say]"): the relative pronoun is what is said; the name after it says. */
const RELATIVE_SUBJECT = /,\s*(?:which|whom)\s+((?:the\s+)?\p{Lu}[^,]*)$/u;
const RELATIVE_END = /\s(?:which|who|that)(?:\s+(?:also|now|still|have|has|had))*\s*$/iu;
/** Conjunctions and prepositions that open a noun phrase a relative clause hangs on. */
const ANTECEDENT_LEAD =
  /(?<=^|,)(?:\s*\b(?:and|but|or|following|after|amid|despite|per|with|in|on|from|by|citing|under|including)\b)+/giu;
/** A report noun ending a source's noun phrase ("… intelligence assessments"). */
const REPORT_NOUN_END =
  /\s+(?:(?:latest|new|recent|own|updated|daily|annual|preliminary)\s+)*(?:[Aa]ssessments?|[Ee]stimates?|[Rr]eports?|[Dd]ata|[Ff]igures|analys[ie]s|[Ff]indings|[Cc]alculations?|[Bb]riefings?)\s*$/u;

/** The subject of a verb at `verbStart` in a masked sentence. */
function subjectBefore(
  masked: string,
  verbStart: number,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
): SubjectResult {
  // Parenthesised asides ("the Joint Chiefs of Staff (JCS) said") are blanked, same length.
  // A subject sits near its verb: look back a bounded stretch, so run-on text stays linear.
  // Offsets below are relative to `base` until `narrowStart`, which is absolute.
  const base = Math.max(0, verbStart - SUBJECT_REACH);
  // A quote inside an aside on the subject ("Zelensky, who called it “a disgrace”, said") is
  // part of the aside, not the clause's edge: its marks are blanked too.
  const prefix = masked
    .slice(base, verbStart)
    .replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length))
    .replace(c.quotedAsideRe, (m, lead: string) => lead + ' '.repeat(m.length - lead.length));
  const hard = lastMatch(HARD_BOUNDARY, prefix);
  const wideStart = hard ? hard.index + hard[0].length : 0;
  const wide = prefix.slice(wideStart);
  // "… intelligence assessments which say …": a relative pronoun right before the verb stands
  // for the noun phrase before it, which is the subject.
  const rel = RELATIVE_END.exec(wide);
  const scope = rel ? wide.slice(0, rel.index) : wide;
  const clause = lastMatch(c.clauseRe, scope);
  const narrowRel = wideStart + (clause ? clause.index + clause[0].length : 0);
  const narrowStart = base + narrowRel;
  let narrow = prefix.slice(narrowRel, rel ? wideStart + rel.index : undefined);
  if (rel) {
    // "following Seoul's assessments which say": the preposition before the antecedent and the
    // report noun it ends in are no part of who.
    narrow = narrow
      .replace(ANTECEDENT_LEAD, (m) => ' '.repeat(m.length))
      .replace(REPORT_NOUN_END, '');
  }
  // "North Korea, which the Pentagon says has sent …": not an aside, the saying's own subject.
  // A relative clause on the sentence's own subject ("The number, which Zelensky said …, is
  // …") is an aside that closes before the main verb: the aside's speaker gives nothing after.
  const relSubject = RELATIVE_SUBJECT.exec(narrow);
  const onSubject =
    relSubject !== null &&
    masked
      .slice(0, narrowStart + relSubject.index)
      .trim()
      .split(/\s+/u).length <= 3;
  if (relSubject && !onSubject)
    narrow = ' '.repeat(narrow.length - relSubject[1]!.length) + relSubject[1];
  else narrow = narrow.replace(c.parentheticalRe, (m) => `,${' '.repeat(m.length - 1)}`);
  narrow = narrow.replace(c.fillersRe, '');
  const firstNonSpace = base === 0 ? masked.search(/\S/) : -2;

  const list = readNationalityList(narrow, c, lexicon);
  if (list.found) return { reading: list, start: narrowStart, inverted: false };
  const joint = readCountryList(narrow, c) ?? withAllies(narrow, c);
  if (joint) return { reading: joint, start: narrowStart, inverted: false };

  // The chunk next to the verb. Around an appositive the name may sit in the chunk before
  // ("Kyiv's top commander, Gen. X, said"; "Kyrylo Budanov, the head of the directorate, said").
  // "Some 3,000 … have been killed, said …": a comma inside a number separates no phrases.
  const parts = narrow.split(/,(?!\d{3}(?!\d))/u);
  const chunks: Array<{ text: string; start: number }> = [];
  let offset = 0;
  for (const part of parts) {
    if (part.trim() !== '') chunks.push({ text: part, start: narrowStart + offset });
    offset += part.length + 1;
  }
  if (chunks.length === 0) return { reading: NONE, start: verbStart, inverted: true };
  let pick = chunks.length - 1;
  const trailingComma = (parts[parts.length - 1] ?? '').trim() === '';
  while (
    trailingComma &&
    pick > 0 &&
    ((c.appositiveRe.test(chunks[pick]!.text) &&
      findClaimantMentions(chunks[pick]!.text).length === 0) ||
      // "The 8th Regiment, stationed near Russia's Kursk region, reported": a participle
      // phrase describes the subject before it and names no one.
      PARTICIPLE_CHUNK.test(chunks[pick]!.text) ||
      // "Sergei Shoigu, a close Putin aide, made …": an indefinite description after a person
      // describes that person; a name inside it ("Putin") only says whose aide.
      (INDEFINITE_APPOSITIVE.test(chunks[pick]!.text) &&
        findClaimantMentions(chunks[pick - 1]!.text).some((m) => m.entry.kind === 'person')) ||
      isTitleAfterName(chunks[pick]!.text, chunks[pick - 1]!.text) ||
      titleAfterPersonName(chunks[pick]!.text, chunks[pick - 1]!.text, c, lexicon))
  ) {
    pick--;
  }
  // "Vadym Skibitsky, deputy chief of Kyiv's intelligence directorate said": an appositive
  // the writer never closed is still the title of the name before it.
  if (
    !trailingComma &&
    pick > 0 &&
    pick === chunks.length - 1 &&
    OPEN_TITLE.test(chunks[pick]!.text) &&
    isTitleAfterName(chunks[pick]!.text, chunks[pick - 1]!.text)
  )
    pick--;
  // "…, and the ministry assessed …": the conjunction joins clauses; it is no part of who.
  // ("reports on Mar. 5 suggest": the date is no part of who, as after a source's preposition.)
  const chunk = chunks[pick]!.text.replace(COORDINATED_CLAUSE, (m) => ' '.repeat(m.length)).replace(
    DATE_TAIL,
    (m) => ' '.repeat(m.length),
  );
  const chunkStart = chunks[pick]!.start;
  const initial = firstNonSpace >= 0 && masked.slice(0, chunkStart).trim() === '';
  let reading = readPhrase(chunk, 'last', initial, c, memory, lexicon);
  if (
    reading.found &&
    reading.claimant === null &&
    clause &&
    c.placeClauseWords.has(clause[0].toLowerCase())
  ) {
    // "… South Korea, where authorities said …": the authorities of the place named.
    const from = Math.max(0, narrowStart - SUBJECT_REACH);
    const mentions = findClaimantMentions(masked.slice(from, narrowStart)).filter(
      (m) => m.entry.kind === 'country',
    );
    const place = mentions[mentions.length - 1];
    if (place) reading = { found: true, claimant: fromEntry(place.entry) };
  }
  return { reading, start: chunkStart, inverted: false };
}

/** The body a person in the table speaks for ("Shin Won-sik": South Korea's defence ministry). */
function speaksForOf(name: string): ResolvedClaimant | null {
  const body = CLAIMANTS.find((e) => e.name === name)?.speaksFor;
  const entry = body ? CLAIMANTS.find((e) => e.name === body) : undefined;
  return entry ? fromEntry(entry) : null;
}

/** 'reports the "Kyiv Post," citing …': marks around a name the table knows are no part of it
 * (same length, so offsets hold). */
function withoutQuoteMarks(text: string): string {
  return text.replace(/["\u201C\u201D]/gu, ' ');
}

/** A known claimant right after a verb and "the", up to the clause's end: "says the head of
 * the DIU.", "said the head of Ukraine's military intelligence, …". */
function knownTitleAfter(rest: string): { entry: ClaimantEntry; length: number } | null {
  const m = /^\s+(the\s[^,.;:()]{2,60})(?=[,.;:()]|$)/u.exec(rest);
  if (!m) return null;
  const found = findClaimantMentions(m[1]!)[0];
  return found && found.start <= 12 && found.entry.kind !== 'country'
    ? { entry: found.entry, length: m[0].length }
    : null;
}

/** The claimant named right after a verb ("said Zelenskyy", "said the SSO"). */
function subjectAfter(
  masked: string,
  verbEnd: number,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
): { reading: Reading; end: number } {
  const rest = withoutQuoteMarks(masked.slice(verbEnd, verbEnd + 120));
  const post = knownTitleAfter(rest);
  if (post)
    return {
      reading: { found: true, claimant: fromEntry(post.entry) },
      end: verbEnd + post.length,
    };
  // "said a Ukrainian official, who …": a described speaker, when the capitalised words after
  // the verb are only its modifiers.
  const described = LOWER_NP_AFTER.exec(rest);
  const np = c.afterNameRe.exec(rest);
  if (described && (!np || described[1]!.length > np[1]!.length)) {
    const reading = readPhrase(described[1]!, 'first', false, c, memory, lexicon);
    if (reading.found) return { reading, end: verbEnd + described[0].length };
  }
  if (np) {
    let phrase = np[1]!;
    // "says Ankit Panda.", "said Ankit Panda of the Carnegie Endowment": a person the table
    // does not know, named before where they work; the person is the source, as annotators
    // credit "Victor Cha of CSIS" to Cha.
    const bare = personNamePart(phrase);
    if (bare !== phrase && isPersonName(bare, c, lexicon)) {
      const person = readPhrase(bare, 'first', false, c, memory, lexicon);
      if (person.found && person.claimant?.kind === 'person') {
        remember(memory, person.claimant);
        return { reading: person, end: verbEnd + (np[0].length - np[1]!.length) + bare.length };
      }
    }
    // "said Ukraine's defence ministry": a possessive name's lower-case head noun belongs to it.
    let extra = 0;
    if (/['\u2019]s$/u.test(phrase)) {
      const re = /\s+([\p{Ll}-]+)/uy;
      re.lastIndex = np[0].length;
      for (let k = 0, m = re.exec(rest); m !== null && k < 3; k++, m = re.exec(rest)) {
        if (c.claimantHeads.has(m[1]!)) extra = m.index + m[0].length - np[0].length;
      }
      phrase += rest.slice(np[0].length, np[0].length + extra);
    }
    // "said Deputy Pentagon Press Secretary Sabrina Singh": the person the title ends in.
    const mentions = findClaimantMentions(phrase);
    const last = mentions[mentions.length - 1];
    if (last?.entry.kind === 'person' && /^[\s.,;:]*$/.test(phrase.slice(last.end))) {
      remember(memory, fromEntry(last.entry));
      return {
        reading: { found: true, claimant: fromEntry(last.entry) },
        end: verbEnd + np[0].length + extra,
      };
    }
    const reading = readPhrase(phrase, 'first', false, c, memory, lexicon);
    if (reading.found) return { reading, end: verbEnd + np[0].length + extra };
  }
  // "said the official, who spoke on condition of anonymity": a described speaker.
  if (described) {
    const reading = readPhrase(described[1]!, 'first', false, c, memory, lexicon);
    if (reading.found) return { reading, end: verbEnd + described[0].length };
  }
  // "said defence analyst Ko Myung-hyun": a title without an article before the name.
  const titled = titledNameAfter(rest, c, lexicon);
  if (titled) {
    remember(memory, titled.person);
    return { reading: { found: true, claimant: titled.person }, end: verbEnd + titled.length };
  }
  const pronoun = c.pronounRe.exec(rest);
  if (pronoun) {
    return {
      reading: readGeneric(pronoun[1]!, false, c, memory, lexicon),
      end: verbEnd + pronoun[0].length,
    };
  }
  return { reading: NONE, end: verbEnd };
}

/** Words that cannot describe a title ("said on Tuesday Kim …" names no "on" title). */
const FUNCTION_WORDS = new Set([
  'on',
  'in',
  'at',
  'by',
  'to',
  'for',
  'of',
  'with',
  'from',
  'the',
  'a',
  'an',
  'that',
  'this',
  'last',
  'and',
  'or',
]);

/** Lower-case title words and a capitalised name right after a verb ("said defence analyst Ko"). */
const TITLED_NAME_AFTER =
  /^\s+((?:[\p{Ll}-]+\s+){1,3})(\p{Lu}[\p{L}\p{M}'\u2019-]*(?:\s+\p{Lu}[\p{L}\p{M}'\u2019-]*){0,3})/u;

/** A person named after lower-case title words at the start of `rest`, and the match length. */
function titledNameAfter(
  rest: string,
  c: Compiled,
  lexicon: Lexicon,
): { person: ResolvedClaimant; length: number } | null {
  const titled = TITLED_NAME_AFTER.exec(rest);
  if (!titled) return null;
  const titleWords = words(titled[1]!);
  if (!isTitle(titleWords[titleWords.length - 1]!, c)) return null;
  if (titleWords.some((w) => FUNCTION_WORDS.has(w))) return null;
  const person = titledPerson(`${titled[1]!} ${titled[2]!}`, c, lexicon);
  return person ? { person, length: titled[0].length } : null;
}

/** A noun phrase with an article and a lower-case head right after a verb ("said the spy agency, …"). */
const LOWER_NP_AFTER =
  /^\s+((?:the|a|an)\s+(?:[\p{L}.'\u2019-]+\s+){0,4}[\p{Ll}-]+)(?=\s*(?:[,.;]|$|\s(?:on|in|at|who|which|citing|by)\b))/u;

/** A description of an outlet or a body, which a name may follow after a comma. */
const DESCRIBED_SOURCE =
  /\b(?:broadcaster|agency|outlet|newspaper|daily|channel|network|portal|website|think[ -]tank|institute|monitor(?:ing group)?)\s*$/iu;

/** "reports from X that …", "assessments by X that …": a source's reports as a noun phrase. */
const REPORTS_FROM_THAT =
  /\b(?:reports?|assessments?|estimates?|claims?|findings|intelligence)\s+(?:from|by)\s+/gu;

const REPORT_VERB_END =
  /\s+(?:suggest(?:ing|ed)|indicat(?:ing|ed)|show(?:ing|ed)|say(?:ing)?|said|claim(?:ing|ed)|estimat(?:ing|ed))\s*$/u;

const ESTIMATE_WORD = / (?:estimates|assessments|figures) /u;

/** "US estimates were lower", "South Korean figures put …": a nation's estimates as a subject. */
const NATION_ESTIMATES =
  /(?:^|[,;]\s+|\b(?:though|although|while|but|whereas)\s+)((?:U\.S\.|US|UK|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))\s+(?:estimates|assessments|figures)\s+(?:are|were|put|placed|show(?:ed)?|suggest(?:ed)?)\b/gu;

/** A post held by one person ("the Commander-in-Chief of the Ukrainian Armed Forces"). */
const POST_BEFORE_NAME =
  /^\s*the\s+(?:[\p{L}-]+\s+){0,2}(?:commander|chief|head|minister|secretary|spokes(?:man|woman|person)|director|adviser|advisor|ambassador|envoy|president)\b/iu;

/** The phrase after "according to" or "by", up to the next comma or quote. */
function sourcePhrase(masked: string, from: number): string {
  // "the head of the Main Directorate (known as GUR) of Defense of Ukraine Kyrylo Budanov": an
  // aside in brackets is blanked, same length, so the phrase runs on to the name after it.
  // "the Main Intelligence Agency (GUR) of the Ukrainian Ministry of Defense": a name the table
  // does not know, with a known body's acronym in brackets after it, is that body (not the
  // body it is of): the acronym stands in its place, same length.
  const rest = masked
    .slice(from, from + 160)
    .replace(NAME_THEN_ACRONYM, (all, lead: string, name: string, acronym: string) => {
      const known = findClaimantMentions(acronym)[0];
      if (!known || known.entry.kind === 'country' || known.entry.kind === 'person') return all;
      if (findClaimantMentions(name).length > 0) return all;
      return `${lead}${acronym}`.padEnd(all.length, ' ');
    })
    .replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length))
    // 'according to "The Washington Post," …': a name in quotes is read without its opening
    // quote, which would otherwise end the phrase before it began.
    .replace(/^(\s*)["\u201C\u00AB\u201E]/u, '$1 ');
  // "cited the minister as saying that …": the source ends before "as saying".
  // "Estimates by U.S. and South Korean officials put the contingent at …": nor past the verb
  // the phrase is the subject of.
  let stop = rest.search(SOURCE_STOP);
  // "according to Rep. Lee Seong-kweun": a title's abbreviation point ends no phrase.
  // Nor does an initialism's last point inside the sentence ("the U.K. Defense Ministry").
  while (
    stop !== -1 &&
    rest[stop] === '.' &&
    (TITLE_BEFORE_POINT.test(rest.slice(0, stop + 1)) ||
      INITIALISM_BEFORE_POINT.test(rest.slice(0, stop)))
  ) {
    const next = rest.slice(stop + 1).search(SOURCE_STOP);
    stop = next === -1 ? -1 : stop + 1 + next;
  }
  if (stop === -1) return rest;
  // "according to Western, South Korean and Ukrainian intelligence agencies": a list's commas
  // end no phrase.
  if (rest[stop] === ',') {
    const list = LISTED_NAMES.exec(rest);
    if (list && list[0].length > stop) return list[0];
  }
  // "according to Japan's public broadcaster, NHK, …": the name set off after a description of
  // an outlet or a body is the source.
  if (DESCRIBED_SOURCE.test(rest.slice(0, stop))) {
    const appositive = /^,\s*([^,;:.]{2,60}?)\s*(?:[,;:.]|$)/u.exec(rest.slice(stop));
    const name = appositive?.[1];
    const known = name ? findClaimantMentions(name)[0] : undefined;
    if (
      known &&
      known.start === 0 &&
      known.entry.kind !== 'country' &&
      known.end >= name!.length - 1
    )
      return name!;
  }
  // "according to the Commander-in-Chief of the Ukrainian Armed Forces, General Oleksandr
  // Syrskyi": the person named after a post is the source, not the body the post is of.
  if (POST_BEFORE_NAME.test(rest.slice(0, stop))) {
    const appositive = /^,\s*([^,;:.]{2,60}?)\s*(?:[,;:.]|$)/u.exec(rest.slice(stop));
    const name = appositive?.[1];
    const known = name ? findClaimantMentions(name) : [];
    const person = known[known.length - 1];
    // The post is blanked, same length, so the phrase still ends where the name does.
    if (person && person.entry.kind === 'person' && person.end >= name!.length - 1)
      return ' '.repeat(stop + appositive![0].indexOf(name!)) + name!;
  }
  // "estimates from the US, Ukraine and South Korea": a list of countries is one source.
  let listed = false;
  // Only while the phrase still ends on a country's name: "South Korean estimates, North Korea
  // has sent …" has its head noun and is closed.
  while (
    countriesNamed(rest.slice(0, stop)).length > 0 &&
    /\p{Lu}[\p{L}.'\u2019-]*\s*$/u.test(rest.slice(0, stop))
  ) {
    const next = COUNTRY_LIST_ITEM.exec(rest.slice(stop));
    // "South Korean, Ukrainian and Western sources": the West is a member of such a list.
    if (!next || (countriesNamed(next[1]!).length === 0 && !/^Western$/u.test(next[1]!))) break;
    // "…, Ukraine and South Korea, North Korea has sent": the North is what they speak of.
    if (/North Korea|DPRK|Pyongyang/u.test(next[1]!)) break;
    stop += next[0].length;
    // "…, and Ukraine." ends the sentence, not an initialism ("the U.S.").
    if (/[^\p{Lu}]\.$/u.test(next[0])) stop--;
    listed = true;
  }
  // "U.S., South Korean and Ukrainian intelligence officials": the list's head noun follows it.
  if (listed) {
    const tail = /^(?:\s+[\p{Ll}][\p{L}-]*){1,3}/u.exec(rest.slice(stop));
    if (tail) stop += tail[0].length;
  }
  return rest.slice(0, stop);
}

/** Verbs a source phrase can be the subject of ("Estimates by X put …"). */
const PHRASE_VERBS =
  'put|puts|have|has|had|show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated|finds|found';
/** Such a verb right after a source phrase. */
const PHRASE_VERB = new RegExp(`^\\s+(?:${PHRASE_VERBS})(?=[\\s.,;]|$)`, 'u');
/** Where a source phrase ends: a mark, "as saying", "that", or the verb the phrase is the
 * subject of ("Estimates by U.S. and South Korean officials put the contingent at …"). */
const SOURCE_STOP = new RegExp(
  `[,;:()[\\]\u201C\u201D\u00AB\u00BB"]|\\s[\u2013\u2014]\\s|\\.(?:\\s|$|(?=\\[))(?!\\s*\\p{Ll})|\\s+as\\s+(?:saying|stating|telling|writing)\\b|\\s+that\\s|\\s+(?:${PHRASE_VERBS})(?=[\\s.,;]|$)`,
  'u',
);

/** An initialism before its last point ("U.K", "U.S"). */
const INITIALISM_BEFORE_POINT = /(?:^|[\s(])(?:\p{Lu}\.)+\p{Lu}$/u;

/** A title abbreviation just before a point ("Rep.", "Gen.", "Lt. Gen."), from the lexicon. */
const TITLE_BEFORE_POINT = new RegExp(
  `(?:^|\\s)(?:${LEXICON_EN.abbreviations.always
    .filter((a) => /^\p{Lu}\p{Ll}{1,4}\.$/u.test(a))
    .map((a) => a.slice(0, -1))
    .join('|')})\\.$`,
  'u',
);

const COUNTRY_LIST_ITEM =
  /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?((?:[\p{Lu}][\p{L}.'\u2019-]*)(?:\s+[\p{Lu}][\p{L}.'\u2019-]*){0,2})/u;

/** A date closing a source phrase ("on Jan 11", "on 4 October", "in March 2025"). */
const DATE_TAIL =
  /\s+(?:on|in|since|as\s+of)\s+(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[\p{L}]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?\s*$/u;

/**
 * "intelligence assessments", "military intelligence estimates": a report noun after the word
 * intelligence names the intelligence as the source, though no country is given.
 */
const INTELLIGENCE_REPORTS =
  /^(?:[\p{Ll}-]+\s+)?intelligence\s+(?:assessments?|estimates?|reports?|data|findings)$/u;

/** A person's name, then the university or institute they work at. */
const SCHOLAR_OF =
  /^\s*(\p{Lu}[\p{Ll}'\u2019-]+(?:\s+\p{Lu}[\p{Ll}'\u2019-]+){1,2})\s+(?:of|at|from)\s+(?:the\s+)?[^,]*?\b(?:University|College|Academy|Institute|Foundation)\b/u;
/** Words that make a capitalised run an organisation's name, not a person's. */
const ORGANISATION_WORD =
  /\b(?:Institute|University|College|Academy|Foundation|Ministry|Agency|Service|Center|Centre|Council|Department|Office|Forces|Command|Staff|Directorate|Committee|Group|Party|Government|Army|Navy|News|Times|Post|Journal)\b/u;

/** A person's institution by possessive ("Shin's ministry"). */
const PERSONS_INSTITUTION =
  /^\s*(\p{Lu}[\p{L}-]+)['\u2019]s\s+(?:ministry|agency|office|department|service|government)\s*$/u;

function readSource(phrase: string, c: Compiled, memory: Memory, lexicon: Lexicon): Reading {
  // "Estimates from Ukrainian, US, and South Korean intelligence", "Ukrainian and Western
  // assessments": nationalities listed before one head noun are one joint source, as the story
  // lists them.
  const nationalities = readNationalityList(phrase, c, lexicon);
  if (nationalities.found) return nationalities;
  phrase = agencyBeforeCountry(withoutPosts(stripDescriptor(phrase.replace(/^\s+/u, ''))));
  // "assessments by Western and Ukrainian intelligence shared with reporters": the body that
  // made the assessment, without the participle that follows it.
  phrase = phrase
    .replace(
      /^\s*(?:(?:the|an?|its|their)\s+)?(?:(?:latest|new|recent|own|joint)\s+)?(?:assessments?|estimates?|reports?|data|figures?|numbers?|analysis|analyses|calculations?|findings|briefings?|statements?|investigations?|study|studies|reviews?|surveys?|research)\s+(?:(?:shared|released|published|provided|compiled|given|presented|issued|made|produced|cited)\s+(?:(?:on|in|at|last|this|earlier|late|early|mid)[\s-][^,]{0,30}?\s+(?=by\s))?)?(?:by|from|of)\s+/iu,
      '',
    )
    // "according to another video of his interrogation released by President Zelensky": who
    // released the footage tells what it shows.
    .replace(
      /^\s*(?:(?:the|an?|another|its|their|his|her)\s+)?(?:(?:latest|new|recent|own|further|second)\s+)?(?:videos?|footage|photos?|photographs?|images?|recordings?|clips?)\s+(?:of\s+[^,]{0,40}?\s+)?(?:released|posted|published|shared|issued)\s+(?:(?:on|in|last|this|earlier)[\s-][^,]{0,30}?\s+(?=by\s))?by\s+/iu,
      '',
    )
    // "lawmakers briefed by the country's intelligence service": whose briefing they relay.
    .replace(
      /^\s*(?:(?:the|some|several)\s+)?(?:[\p{L}-]+\s+){0,2}(?:lawmakers|legislators|parliamentarians|MPs|officials|reporters|journalists)\s+(?:who\s+(?:were|had\s+been)\s+)?briefed\s+(?:by|from)\s+/u,
      '',
    )
    // "diplomatic interlocutors in Russia and the West": where unnamed contacts sit is no part
    // of who they are.
    .replace(/\b(interlocutors|contacts)\s+in\s+.*$/su, '$1')
    // "intelligence assessments cited in reports": who made them, not where they were relayed.
    .replace(
      /\s+(?:shared|released|published|obtained|seen|provided|given|presented|cited|quoted)\b.*$/su,
      '',
    )
    // "stated by the minister in an interview with Bloomberg": where it was said is no part of
    // who said it.
    .replace(/\s+(?:in|during)\s+(?:an?|the|his|her|their)\s+interview\b.*$/su, '')
    // "a briefing from the agency on Wednesday": when it spoke is no part of who.
    .replace(
      /\s+(?:(?:on|last|this|earlier|late|early)\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|week|month|year|weekend|morning|evening|night)\s*$/u,
      '',
    )
    // "published by X on Jan 11", "… in January": a date is no part of who either.
    .replace(DATE_TAIL, '')
    // "citing South Korean intelligence data": the intelligence, not its data.
    .replace(/(\p{Lu}[\p{L}'\u2019-]*\s+intelligence)\s+(?:data|information)\s*$/u, '$1')
    // "a British Ministry of Defence intelligence report": the body whose report it is; "a
    // Ukrainian intelligence assessment" is Ukrainian intelligence's, not Ukraine's.
    .replace(
      /(\p{Lu}[\p{L}.'\u2019-]*)\s+(?:(intelligence|latest|daily|new)\s+)?(?:report|update|assessment|estimate|briefing|statement)s?\s*$/u,
      (_m, name: string, modifier?: string) =>
        modifier === 'intelligence' && countryOfNationalityWord(name) !== null
          ? `${name} intelligence`
          : name,
    );
  // "Olena Guseinova of Hankuk University of Foreign Studies in Seoul": a scholar named with
  // their university or institute is the source, not the place the institute stands in.
  const scholar = SCHOLAR_OF.exec(phrase);
  if (
    scholar &&
    !ORGANISATION_WORD.test(scholar[1]!) &&
    findClaimantMentions(scholar[1]!).length === 0 &&
    countriesNamed(scholar[1]!).length === 0
  ) {
    return { found: true, claimant: { name: scholar[1]!, country: null, kind: 'person' } };
  }
  // "according to Shin's ministry": the institution a named person speaks for.
  const owned = PERSONS_INSTITUTION.exec(phrase);
  if (owned) {
    const person = bySurname(memory, owned[1]!);
    const body = person ? speaksForOf(person.name) : null;
    if (body) return { found: true, claimant: body };
  }
  // "the agency's estimates", "the ministry's latest figures": whose the report is.
  phrase = phrase.replace(
    /^(\s*the\s+(?:[\p{Ll}-]+\s+){0,2}(?!country|nation)[\p{Ll}-]+)['\u2019]s?\s+(?:(?:latest|new|recent|own|updated)\s+)?(?:assessments?|estimates?|reports?|data|figures?|numbers?|analysis|calculations?|findings|count|tally)\s*$/u,
    '$1',
  );
  // "the country's intelligence agency": the country of the claimant named last.
  const countryEntry = lastCountry(memory);
  if (OWN_COUNTRY.test(phrase)) phrase = spellOwnCountry(phrase, countryEntry);
  // "TASS reported, citing the Defence Ministry": the ministry of the outlet's country.
  // "South Korean media reported, citing the defence minister": the minister of that country,
  // read as the ministry, whose holder the story names stands in for it (officeHolder).
  else if (
    countryEntry &&
    /^\s*the\s+(?:defen[cs]e|foreign)\s+minist(?:ry|er)\s*$/iu.test(phrase)
  ) {
    phrase = `${countryEntry.name}'s ${phrase.replace(/^\s*the\s+/iu, '').replace(/er\s*$/iu, 'ry')}`;
  }
  // "the Defense Intelligence Agency under South Korea's defense ministry": a body placed under
  // a country's institution is that country's body of the same name, when the table knows it.
  const placed = PLACED_UNDER.exec(phrase);
  if (placed) {
    const spelled = `${placed[2]}'s ${placed[1]!.trim()}`;
    const known = findClaimantMentions(spelled).find(
      (x) => x.entry.kind === 'body' && x.start === 0 && x.end >= spelled.length - 1,
    );
    if (known) return { found: true, claimant: fromEntry(known.entry) };
  }
  const allied = withAllies(phrase, c);
  if (allied) return allied;
  // "Ukrainian, South Korean and U.S. estimates": nationalities listed alone are one joint source.
  const listed = stripDeterminer(clean(phrase), c);
  if (
    countriesNamed(listed).length >= 2 &&
    words(listed.replace(/,/g, ' ')).every((w) => /^\p{Lu}/u.test(w) || /^(?:and|or)$/u.test(w))
  ) {
    return { found: true, claimant: { name: listed, country: null, kind: 'body' } };
  }
  const channel = namedChannel(phrase);
  if (channel) return { found: true, claimant: channel };
  const joint = jointSource(phrase, c, lexicon);
  if (joint) return { found: true, claimant: joint };
  const mentions = findClaimantMentions(phrase);
  // "the head of Ukraine's military intelligence Kyrylo Budanov": a title that ends in a
  // person's name is that person.
  const lastNamed = mentions[mentions.length - 1];
  if (
    mentions.length >= 2 &&
    lastNamed?.entry.kind === 'person' &&
    /^[\s.,;:'")\u2019\u201D]*$/u.test(phrase.slice(lastNamed.end))
  ) {
    return { found: true, claimant: fromEntry(lastNamed.entry) };
  }
  // "the US, Ukraine and South Korea": several countries together are one joint source.
  if (mentions.length >= 2 && mentions.every((x) => x.entry.kind === 'country')) {
    const name = stripDeterminer(clean(phrase), c);
    return { found: true, claimant: { name, country: null, kind: 'body' } };
  }
  if (mentions.length > 0) return readPhrase(phrase, 'first', false, c, memory, lexicon);
  const p = stripDeterminer(clean(phrase), c).toLowerCase();
  if (c.anonymousSources.has(p)) return ANONYMOUS;
  if (INTELLIGENCE_REPORTS.test(p)) {
    // "Lee Seong-kweun, citing intelligence data": unowned intelligence cited by someone who
    // relays a body's briefings is that body's.
    const citer = memory.any?.kind === 'person' ? memory.any.name : null;
    const relayed = citer ? CLAIMANTS.find((e) => e.name === citer)?.relays : undefined;
    const body = relayed ? CLAIMANTS.find((e) => e.name === relayed) : undefined;
    if (body) return { found: true, claimant: fromEntry(body) };
    return { found: true, claimant: { name: p, country: null, kind: 'body' } };
  }
  const ws = words(p);
  const head = ws[ws.length - 1] ?? '';
  if (c.anonymousSources.has(head) || c.anonymousNouns.has(head)) {
    const generic = readGeneric(phrase, false, c, memory, lexicon);
    return generic.claimant ? generic : ANONYMOUS;
  }
  const generic = readGeneric(phrase, false, c, memory, lexicon);
  return generic.found ? generic : ANONYMOUS;
}

/**
 * The source an outlet cites ("Yonhap reported, citing the Joint Chiefs of Staff"): the
 * claimant is the cited source, not the agency that relays it.
 */
function citedAfter(
  masked: string,
  from: number,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
): { reading: Reading; end: number } | null {
  const m = c.citingRe.exec(withoutQuoteMarks(masked.slice(from, from + 40)));
  if (!m) return null;
  const at = from + m[0].length;
  const phrase = sourcePhrase(masked, at);
  const reading = readSource(phrase, c, memory, lexicon);
  return reading.claimant ? { reading, end: at + phrase.length } : null;
}

/** The source cited inside a subject ("Yonhap, citing the ministry, said"). */
function citedWithin(
  masked: string,
  from: number,
  to: number,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
): Reading | null {
  const m =
    c.citingInsideRe.exec(masked.slice(from, to + 1)) ??
    c.citingTailRe.exec(masked.slice(from, to));
  if (!m) return null;
  const reading = readSource(m[1]!.replace(c.fillersRe, ''), c, memory, lexicon);
  return reading.claimant ? reading : null;
}

/**
 * "Citing South Korean intelligence, the newspaper said …": a citing phrase that opens the
 * clause before the subject names the source the subject relays.
 */
function citedBefore(
  masked: string,
  subjectStart: number,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
): Reading | null {
  const head = masked.slice(0, subjectStart);
  const m = c.citingFrontRe.exec(head);
  if (!m) return null;
  const reading = readSource(m[1]!, c, memory, lexicon);
  return reading.claimant ? reading : null;
}

/**
 * "The newspaper reported that …, citing Ukraine's military intelligence.": a citing phrase later
 * in the sentence, with no other verb of saying before it, names what the verb relays.
 */
function citedLater(
  masked: string,
  verbEnd: number,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
): Reading | null {
  const rest = masked.slice(verbEnd);
  const m = c.citingTrailRe.exec(rest);
  if (!m || c.verbTestRe.test(rest.slice(0, m.index))) return null;
  const reading = readSource(
    sourcePhrase(masked, verbEnd + m.index + m[0].length),
    c,
    memory,
    lexicon,
  );
  return reading.claimant ? reading : null;
}

/** A known claimant (not a country) written right before `at`: whose reports they are. */
function ownerBefore(masked: string, at: number): ClaimantMention | null {
  const from = Math.max(0, at - 80);
  const mentions = findClaimantMentions(masked.slice(from, at));
  const last = mentions[mentions.length - 1];
  if (!last || last.entry.kind === 'country') return null;
  if (!/^['\u2019]?s?\s*$/u.test(masked.slice(from + last.end, at))) return null;
  return { ...last, start: from + last.start, end: from + last.end };
}

/** A negation or refusal right before a verb of saying ("hasn't officially confirmed"). */
const NEGATED_BEFORE =
  /(?:\b(?:not|never)|n['\u2019]t|\b(?:declined|refused|failed)\s+to)(?:\s+(?:yet|officially|publicly|independently|immediately|been\s+able\s+to))*\s+$/iu;

/** A finite verb right after a name, which makes the name a clause's subject. */
const CLAUSE_VERB_NEXT =
  /^\s+(?:has|have|had|is|are|was|were|will|would|could|may|might|sent|lost|\p{Ll}+ed)(?![\p{L}])/u;

/**
 * Sources named as a noun phrase of their own clause ("reports from X that …", "though U.S.
 * estimates were lower, at …"), added to `events`. Its own function: `attributionsOf` stays
 * small enough for the optimising compiler.
 */
function clauseSources(
  masked: string,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
  events: Array<{ pos: number; run: () => void }>,
  found: Attribution[],
  taken: Array<[number, number]>,
  overlaps: (s: number, e: number) => boolean,
): void {
  // Both rules need a word a sentence seldom has: test for it before running the patterns.
  const that = masked.includes(' that ');
  const estimates = ESTIMATE_WORD.test(masked);
  if (!that && !estimates) return;
  // "… appearing to confirm reports from South Korea's National Intelligence Service (NIS)
  // that 1,500 soldiers have been shipped": whose reports say what follows.
  for (const m of that ? masked.matchAll(REPORTS_FROM_THAT) : []) {
    const start = m.index;
    const from = start + m[0].length;
    events.push({
      pos: start,
      run: () => {
        const whole = sourcePhrase(masked, from);
        if (!/^\s*(?:\([^)]*\)\s*)?that\s/u.test(masked.slice(from + whole.length))) return;
        // "reports from Washington and Kiev estimated that", "… agencies suggesting that": the
        // verb before "that" is no part of the name.
        const phrase = whole.replace(REPORT_VERB_END, '');
        const end = from + whole.length;
        if (overlaps(start, end)) return;
        const reading = readSource(phrase, c, memory, lexicon);
        if (!reading.claimant) return;
        found.push({ start, end, pos: start, claimant: reading.claimant, kind: 'according' });
        taken.push([start, end]);
      },
    });
  }

  // "Zelenskyy put the toll at 4,000, although US estimates were lower at about 1,200": a
  // nation's estimates as the subject of a later clause give the numbers after them.
  for (const m of estimates ? masked.matchAll(NATION_ESTIMATES) : []) {
    const start = m.index + m[0].indexOf(m[1]!);
    const end = m.index + m[0].length;
    events.push({
      pos: start,
      run: () => {
        if (overlaps(start, end)) return;
        const country = countryOfNationalityWord(m[1]!, lexicon);
        const named = findClaimantMentions(m[1]!)[0];
        const claimant =
          country !== null
            ? countryClaimant(country)
            : named?.entry.kind === 'country' && named.end - named.start === m[1]!.length
              ? fromEntry(named.entry)
              : null;
        if (!claimant) return;
        found.push({ start, end, pos: start, claimant, kind: 'according' });
        taken.push([start, end]);
      },
    });
  }
}

/** Finds the attributions of one sentence, outside quotes, updating pronoun memory. */
function attributionsOf(
  masked: string,
  c: Compiled,
  memory: Memory,
  lexicon: Lexicon,
): Attribution[] {
  const found: Attribution[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  // The three phrase scans below read the lower-cased text when they can (same offsets, same
  // matches in lower case; every test of a match's words is case-insensitive).
  const lower = lowerForScan(masked, c);
  const scanned = lower ?? masked;
  const anonymousRe = lower !== null ? c.lowerScan!.anonymous : c.anonymousRe;
  const accordingRe = lower !== null ? c.lowerScan!.according : c.accordingRe;
  const verbRe = lower !== null ? c.lowerScan!.verb : c.verbRe;

  anonymousRe.lastIndex = 0;
  for (let m = anonymousRe.exec(scanned); m !== null; m = anonymousRe.exec(scanned)) {
    // "It is estimated by U.S. intelligence that …": a passive with its agent names the source.
    if (/^\s+by\s/u.test(masked.slice(m.index + m[0].length, m.index + m[0].length + 5))) continue;
    // "South Korean intelligence reports indicate": the reports are that body's.
    const owner = ownerBefore(masked, m.index);
    if (owner) {
      found.push({
        start: owner.start,
        end: m.index + m[0].length,
        pos: owner.start,
        claimant: fromEntry(owner.entry),
        kind: 'verb',
      });
      taken.push([owner.start, m.index + m[0].length]);
      continue;
    }
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      pos: m.index,
      claimant: null,
      kind: 'anonymous',
    });
    taken.push([m.index, m.index + m[0].length]);
  }

  // Headline "… 10,000 troops to Russia: Seoul", "… shells to Russia - South Korean military":
  // a known source closing the line after a colon or dash gives the line.
  const tail = /(?::|\s[-\u2013\u2014])\s+([^:\-\u2013\u2014]{2,40}?)\s*$/u.exec(masked);
  if (tail && words(tail[1]!).length <= 4 && !/\d/u.test(tail[1]!)) {
    const named = findClaimantMentions(tail[1]!);
    if (named.length > 0) {
      const head = headMention(named, tail[1]!, 'last', c.postModifierRe)!;
      found.push({
        start: tail.index,
        end: masked.length,
        pos: tail.index,
        claimant: fromEntry(head.entry),
        kind: 'headline',
      });
    }
  }
  // Headline "Zelensky: …"
  const colon = masked.indexOf(':');
  const headline = colon > 0 && colon <= 64 ? /^\s*([^:\n]{2,60}):\s+\S/u.exec(masked) : null;
  if (headline) {
    const part = headline[1]!;
    const mentions = findClaimantMentions(part);
    if (mentions.length > 0 && words(part).length <= 5) {
      const head = headMention(mentions, part, 'last', c.postModifierRe)!;
      found.push({
        start: 0,
        end: part.length + 1,
        pos: 0,
        claimant: fromEntry(head.entry),
        kind: 'headline',
      });
    } else if (/^\s*\p{Lu}[\p{Lu}'\u2019-]+(?:\s+\p{Lu}[\p{Lu}'\u2019-]+)?\s*$/u.test(part)) {
      // A transcript's speaker label ("BARROS: …") names a person introduced earlier.
      const ws = words(part);
      const last = ws[ws.length - 1]!;
      const known = bySurname(memory, `${last[0]}${last.slice(1).toLowerCase()}`);
      if (known) {
        found.push({ start: 0, end: part.length + 1, pos: 0, claimant: known, kind: 'headline' });
      }
    }
  }

  const events: Array<{ pos: number; run: () => void }> = [];

  accordingRe.lastIndex = 0;
  for (let m = accordingRe.exec(scanned); m !== null; m = accordingRe.exec(scanned)) {
    const at = m.index;
    const from = m.index + m[0].length;
    events.push({
      pos: at,
      run: () => {
        // "according to United States estimates", "… the agency's estimates": whose estimates,
        // not the word for them (but "the report", "intelligence reports" stay as they are).
        // "the spy agency's assessment as described by Lee": whose assessment, not who relays it.
        const full = sourcePhrase(masked, from);
        const said = full.replace(AS_RELAYED_TAIL, '');
        // "according to an updated assessment that South Korea's Defense Ministry presented to
        // lawmakers": who presented it, read as the phrase, which runs on to the verb.
        const presented = REPORT_NOUN_ONLY.test(said)
          ? PRESENTED_BY.exec(masked.slice(from + said.length))
          : null;
        const whole = presented ? presented[1]! : said;
        const reach = full.length + (presented ? presented[0].length : 0);
        const owner = whole.replace(REPORT_NOUN_END, '');
        const toOwner = owner !== whole && (/\p{Lu}/u.test(owner) || /['\u2019]s\s*$/u.test(owner));
        // "according to Ukrainian and Western assessments": a list of nationalities keeps its
        // noun, as the story lists it.
        const listed = toOwner ? readNationalityList(whole, c, lexicon) : NONE;
        const phrase = toOwner && !listed.found ? owner.replace(/['\u2019]s\s*$/u, '') : whole;
        // "according to South Korea's Yonhap, citing the country's Ministry of Defense": the
        // outlet is in view when what it cites is read, as after a verb of saying.
        const direct = listed.found ? listed : readSource(phrase, c, memory, lexicon);
        const context = { ...memory, people: [...memory.people] };
        remember(context, direct.claimant);
        const tail = presented ? reach : phrase.length;
        const cited = citedAfter(masked, from + tail, c, context, lexicon);
        const reading = cited?.reading ?? direct;
        // "Estimates by X put the contingent at …": the verb the phrase is subject of is part
        // of this attribution, not one of its own.
        const verb = PHRASE_VERB.exec(masked.slice(from + reach));
        const end = cited?.end ?? from + reach + (verb ? verb[0].length : 0);
        found.push({
          start: at,
          end,
          pos: at,
          claimant: reading.claimant,
          kind: reading.claimant ? 'according' : 'anonymous',
        });
        taken.push([at, end]);
      },
    });
  }

  // "By the intelligence agency's count, there are now …", "By his account, …": whose count it
  // is gives the figures, as "according to" does.
  const ownCount = c.ownCountRe;
  if (ownCount) ownCount.lastIndex = 0;
  for (let m = ownCount?.exec(masked) ?? null; ownCount && m !== null; m = ownCount.exec(masked)) {
    const at = m.index;
    const end = m.index + m[0].length;
    const raw = m[1]!.replace(/['\u2019]s?\s*$/u, '');
    const owner = lexicon.attribution.possessivePronouns?.[raw.toLowerCase()] ?? raw;
    if (overlaps(at, end)) continue;
    events.push({
      pos: at,
      run: () => {
        const reading = readSource(owner, c, memory, lexicon);
        if (!reading.claimant) return;
        found.push({ start: at, end, pos: at, claimant: reading.claimant, kind: 'according' });
        taken.push([at, end]);
      },
    });
  }

  clauseSources(masked, c, memory, lexicon, events, found, taken, overlaps);

  const names = findClaimantMentions(masked);
  verbRe.lastIndex = 0;
  let verbs = 0;
  for (let m = verbRe.exec(scanned); m !== null; m = verbRe.exec(scanned)) {
    // A real sentence has a handful of verbs of saying; run-on text is not read for more.
    if (++verbs > MAX_VERBS) break;
    const vs = m.index;
    const ve = m.index + m[0].length;
    events.push({
      pos: vs,
      run: () => {
        if (overlaps(vs, ve)) return;
        const before = masked.slice(Math.max(0, vs - 24), vs);
        const prevWord = /([\p{L}'\u2019]+)\s+$/u.exec(before)?.[1]?.toLowerCase() ?? '';
        if (c.nounMarkers.has(prevWord) || /['\u2019]s\s+$/u.test(before)) return;
        // "The United States expects": a verb's word inside a known name is no verb.
        if (names.some((x) => x.start < vs && x.end >= ve)) return;
        // "is widely believed": a passive of belief names nobody; "the NIS believed" does.
        // "The contingent is estimated at 11,000": what is estimated is not who estimates.
        if (
          /^(?:believed|estimated|assessed|projected|counted|tallied)$/i.test(m[0]) &&
          PASSIVE_AUX.has(prevWord)
        )
          return;
        // "containers believed to contain …", "troops estimated to number …": a participle
        // after a common noun hedges it and names nobody.
        if (
          /^(?:believed|estimated)$/i.test(m[0]) &&
          /^\s+to\s/u.test(masked.slice(ve, ve + 5)) &&
          /\s\p{Ll}[\p{L}-]*\s+$/u.test(before)
        ) {
          return;
        }
        const nextWord = /^\s+([\p{L}'\u2019]+)/u.exec(masked.slice(ve))?.[1]?.toLowerCase() ?? '';
        if (
          /^(?:estimates|reports|claims|notes|posts|states|counts)$/i.test(m[0]) &&
          c.nounFollowers.has(nextWord)
        ) {
          return; // "estimates have converged": a plural noun, not a verb
        }
        // "the intelligence report says": a noun before the verb whose subject it is.
        if (
          /^(?:report|estimate|claim|count|update|reports|estimates|claims)$/i.test(m[0]) &&
          /^(?:says|said|shows|showed|found|finds|states|stated|suggests|suggested|indicates|indicated|notes|noted|claims|claimed|estimates|estimated)$/.test(
            nextWord,
          )
        )
          return;
        // "… toll put at 1,000 by Ukraine": the agent comes after the amount.
        const putAt = /^put$/i.test(m[0])
          ? /^\s+at\s+(?:[^,;:]|,(?=\d)){1,40}?\s+(by)\s+/iu.exec(masked.slice(ve))
          : null;
        const agent = putAt ?? /^\s+(\p{L}+)\s+/u.exec(masked.slice(ve));
        const passive = putAt !== null || /(?:ed|said)$/i.test(m[0]);
        if (passive && agent && c.agentMarkers.includes(agent[1]!.toLowerCase())) {
          const from = ve + agent[0].length;
          let phrase = sourcePhrase(masked, from);
          // "stated by Deputy U.S. Ambassador to the U.N., Robert Wood": the name after the
          // title's comma is who.
          const named = TITLE_THEN_NAME.exec(masked.slice(from + phrase.length));
          if (named && isPersonName(named[1]!, c, lexicon)) phrase = named[1]!;
          else if (named && findClaimantMentions(named[1]!)[0]?.entry.kind === 'person')
            phrase = named[1]!;
          // "reported by UNN with reference to the British Ministry of Defence": the source
          // the outlet cites, not the outlet.
          const reading =
            citedWithin(masked, from, from + phrase.length, c, memory, lexicon) ??
            readSource(phrase, c, memory, lexicon);
          if (reading.claimant) {
            found.push({
              start: vs,
              end: from + phrase.length,
              pos: vs,
              claimant: reading.claimant,
              kind: 'agent',
            });
            remember(memory, reading.claimant);
          }
          return;
        }
        // "an interview with The War Zone, published Monday, …": a participle set off by a
        // comma and dated describes the noun before it, which says nothing.
        if (/ed$/i.test(m[0]) && /,\s*$/u.test(before) && DATED_AFTER.test(masked.slice(ve)))
          return;
        // "The UN Security Council was told that …": who was told is the audience, not the
        // source; with no "by" after it the sentence names nobody.
        if (/^told$/i.test(m[0]) && PASSIVE_AUX.has(prevWord)) return;
        // "North Korea, accused of sending 10,000 troops": who is accused gives nothing.
        // An accusation with no count after it ("accused Russia of violating U.N.
        // resolutions") gives no figure, and so lends no source to the sentences after it.
        if (
          /^accuse/i.test(m[0]) &&
          (PASSIVE_AUX.has(prevWord) ||
            /^\s+of\b/iu.test(masked.slice(ve)) ||
            !/\d|\b(?:hundreds?|thousands?|millions?|dozens?)\b/iu.test(masked.slice(ve)))
        )
          return;
        // "North Korea hasn't officially confirmed …", "the ministry declined to say": a source
        // that does not give the figure is no attribution.
        if (NEGATED_BEFORE.test(masked.slice(Math.max(0, vs - 40), vs))) return;
        memory.clauseSubject = PRONOUN_OPENS_CLAUSE.test(masked.slice(Math.max(0, vs - 40), vs))
          ? memory.subject
          : null;
        let subject = subjectBefore(masked, vs, c, memory, lexicon);
        memory.clauseSubject = null;
        // "with the first clashes reported in Kursk": a participle after a "with" phrase
        // describes it; only "with X reporting …" names a source.
        if (
          !/^\p{L}+ing\b/iu.test(m[0]) &&
          // "with Western agencies having long reported that …" names a source too.
          !/\bhaving\s+(?:(?:long|already|\p{L}+ly)\s+)?$/iu.test(
            masked.slice(subject.start, vs),
          ) &&
          /^\s*with\s/iu.test(masked.slice(subject.start, vs)) &&
          !subject.inverted
        ) {
          return;
        }
        // "…, said Deputy Pentagon Press Secretary Sabrina Singh": a verb right after a comma,
        // followed by a known name, takes its subject from after itself.
        // Not after an appositive that closes on a person ("Kyiv's spy chief, Kyrylo Budanov,
        // said North Korea …"): that person is the subject.
        const personBefore =
          subject.reading.claimant?.kind === 'person' &&
          !/\p{N}/u.test(masked.slice(subject.start, vs));
        if (
          !subject.inverted &&
          !personBefore &&
          /,\s*$/.test(masked.slice(Math.max(0, vs - 4), vs))
        ) {
          const next = c.afterNameRe.exec(withoutQuoteMarks(masked.slice(ve, ve + 120)));
          // … or a person's name the table does not know ("…, said Tomas Varnas, …", "…, says
          // Ankit Panda.", "…, said Ankit Panda of the Carnegie Endowment"): the name ends
          // before a full stop and before the "of" that says where the person works.
          const bare = next ? personNamePart(next[1]!) : '';
          if (
            next &&
            (findClaimantMentions(next[1]!).length > 0 ||
              // "…, reports Financial Times.", "…, says CNN": an outlet known by name.
              OUTLET_NAMES.has(stripDeterminer(next[1]!.replace(/[.,]+$/u, ''), c)) ||
              isPersonName(stripDeterminer(bare, c), c, lexicon) ||
              titledPerson(next[1]!, c, lexicon) !== null)
          ) {
            subject = { ...subject, inverted: true };
          } else if (knownTitleAfter(masked.slice(ve, ve + 120))) {
            // "…, says the head of the DIU.": a post the table knows, after the verb.
            subject = { ...subject, inverted: true };
          } else if (titledNameAfter(masked.slice(ve, ve + 120), c, lexicon)) {
            // "…, said defence analyst Ko Myung-hyun": a titled name after the verb.
            subject = { ...subject, inverted: true };
          } else if (
            // "…, said the official, who …": a described speaker after the verb, when what
            // stands before the comma is a clause with a number in it, not a subject.
            LOWER_NP_AFTER.test(masked.slice(ve, ve + 80)) &&
            /\p{N}/u.test(masked.slice(subject.start, vs))
          ) {
            subject = { ...subject, inverted: true };
          }
        }
        if (subject.inverted) {
          const after = subjectAfter(masked, ve, c, memory, lexicon);
          if (!after.reading.found) return;
          // "after reports the North sent 13,000 containers": the name after the verb is the
          // subject of what was reported, not its source.
          if (CLAUSE_VERB_NEXT.test(masked.slice(after.end, after.end + 40))) return;
          // "…, reports the Kyiv Post, citing Ukrainian intelligence sources.": the outlet after
          // the verb relays the source it cites.
          const outlet = after.reading.claimant;
          remember(memory, outlet);
          const cited =
            outlet?.kind === 'media'
              ? citedAfter(masked, after.end, c, memory, lexicon)?.reading.claimant
              : undefined;
          if (cited && outlet) memory.cites.set(outlet.name, cited);
          const claimant = cited ?? outlet;
          found.push({
            start: vs,
            end: after.end,
            pos: vs,
            claimant,
            kind: claimant ? 'verb' : 'anonymous',
          });
          remember(memory, claimant);
          return;
        }
        if (!subject.reading.found) {
          // "Interfax reported, citing the defence ministry, …": whoever relays it, the source
          // cited is named.
          const cited = citedAfter(masked, ve, c, memory, lexicon)?.reading.claimant;
          if (cited) {
            found.push({ start: subject.start, end: ve, pos: vs, claimant: cited, kind: 'verb' });
            remember(memory, cited);
          }
          return;
        }
        // The outlet is in view when what it cites is read ("TASS …, citing the Defence
        // Ministry" is Russia's).
        remember(memory, subject.reading.claimant);
        const cited =
          citedAfter(masked, ve, c, memory, lexicon)?.reading ??
          citedWithin(masked, subject.start, vs, c, memory, lexicon) ??
          citedBefore(masked, subject.start, c, memory, lexicon) ??
          citedLater(masked, ve, c, memory, lexicon);
        const outlet = subject.reading.claimant;
        if (cited?.claimant && outlet?.kind === 'media')
          memory.cites.set(outlet.name, cited.claimant);
        const claimant =
          cited?.claimant ??
          (outlet?.kind === 'media' ? memory.cites.get(outlet.name) : undefined) ??
          outlet;
        const forward =
          /,\s*$/u.test(masked.slice(Math.max(0, subject.start - 3), subject.start)) &&
          COORDINATED_CLAUSE.test(masked.slice(subject.start, vs)) &&
          /^\s+that\s/u.test(masked.slice(ve, ve + 6));
        found.push({
          start: subject.start,
          end: ve,
          pos: vs,
          claimant,
          kind: claimant ? 'verb' : 'anonymous',
          ...(forward ? { forward } : {}),
        });
        remember(memory, claimant);
      },
    });
  }

  events.sort((a, b) => a.pos - b.pos);
  for (const e of events) e.run();
  for (const f of found)
    if (f.kind === 'headline' || f.kind === 'according') remember(memory, f.claimant);
  found.sort((a, b) => a.pos - b.pos);
  return found;
}

/** The attribution with the greatest end at or before `limit`, in a list sorted by end. */
function lastEndingBy(list: readonly Attribution[], limit: number): Attribution | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end <= limit) lo = mid + 1;
    else hi = mid;
  }
  return list[lo - 1];
}

/** The attribution with the least start at or after `limit`, in a list sorted by start. */
function firstStartingFrom(list: readonly Attribution[], limit: number): Attribution | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < limit) lo = mid + 1;
    else hi = mid;
  }
  return list[lo];
}

function mask(text: string, start: number, spans: ReadonlyArray<[number, number]>): string {
  // Quoted words become spaces (same length), so offsets still line up and no verb inside a
  // quote is read as an attribution; the quote marks stay as clause boundaries.
  let out = '';
  let cursor = 0;
  const end = start + text.length;
  for (const [qs, qe] of spans) {
    const s = Math.max(qs + 1, start);
    const e = Math.min(qe, end);
    if (e <= s) continue;
    out += text.slice(cursor, s - start) + ' '.repeat(e - s);
    cursor = e - start;
  }
  return out + text.slice(cursor);
}

/**
 * Attributes every sentence of a text: the attributions outside quotes, the claimant of each
 * quoted passage, and the claimant inherited from context. `sentences` must come from
 * {@link splitSentences} on the same text. `tokens`, when the caller has them, are each
 * sentence's tokens under the lexicon's number rules; with English rules the claimant scan
 * reuses them instead of tokenising every sentence again.
 */
export function attributeSentences(
  text: string,
  sentences: readonly Sentence[],
  lexicon: Lexicon = LEXICON_EN,
  tokens?: ReadonlyArray<readonly Token[]>,
): SentenceAttribution[] {
  const shared = lexicon.numbers === LEXICON_EN.numbers ? tokens : undefined;
  const c = compile(lexicon);
  const memory: Memory = {
    person: null,
    body: null,
    any: null,
    people: [],
    titles: new Map(),
    acronyms: new Map(),
    cites: new Map(),
    text,
    institution: null,
    intelligence: null,
    subject: null,
    clauseSubject: null,
  };
  const n = sentences.length;
  const spansBySentence: Array<Array<[number, number]>> = sentences.map(() => []);
  const allSpans: Array<{ span: [number, number]; open: number; close: number }> = [];

  // Quoted passages, per paragraph; spans and sentences are both in order, so one pass.
  let i = 0;
  while (i < n) {
    const para = sentences[i]!.paragraph;
    let j = i;
    while (j + 1 < n && sentences[j + 1]!.paragraph === para) j++;
    let k0 = i;
    for (const span of quoteSpans(text, sentences[i]!.start, sentences[j]!.end)) {
      // 'according to "The Washington Post,"': a known body's name in quotes is a name, not a
      // quoted passage.
      if (quotesOnlyAName(text, span)) continue;
      while (k0 < j && sentences[k0]!.end <= span[0]) k0++;
      let open = k0;
      let close = k0;
      for (let k = k0; k <= j && sentences[k]!.start <= span[1]; k++) {
        const s = sentences[k]!;
        if (span[0] >= s.start && span[0] < s.end) open = k;
        if (span[1] >= s.start && span[1] < s.end) close = k;
        if (span[0] < s.end && span[1] >= s.start) spansBySentence[k]!.push(span);
      }
      allSpans.push({ span, open, close });
    }
    i = j + 1;
  }

  const masked = sentences.map((s, k) => mask(s.text, s.start, spansBySentence[k]!));
  let subjectAt = -1;
  const inner = new Map<string, Attribution[]>();
  const attributions = masked.map((m, k) => {
    const s = sentences[k]!;
    const named = findClaimantMentions(s.text, shared?.[k]);
    for (const mention of named) {
      if (mention.entry.kind === 'person') notePerson(memory, fromEntry(mention.entry));
      // "the UK's Defence Intelligence (DI)": the bracketed acronym stands for it from now on.
      const acronym = /^\s*\((\p{Lu}{2,6})\)/u.exec(s.text.slice(mention.end, mention.end + 12));
      if (acronym && mention.entry.kind !== 'country') {
        memory.acronyms.set(acronym[1]!, fromEntry(mention.entry));
      }
    }
    // "South Korea's numbers differ: it says …", "Russia denies it. It says …": a country or
    // body that opens the sentence as its subject is what "it" means next, until a source is
    // read; a sentence that opens on none keeps the one before it, once.
    const opener = named.find((x) => x.entry.kind !== 'person');
    if (
      opener &&
      /^\W*(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}$/u.test(s.text.slice(0, opener.start)) &&
      /^(?:['’]s\b|\s+(?!and\b|or\b)\p{Ll})/u.test(s.text.slice(opener.end))
    ) {
      memory.subject = fromEntry(opener.entry);
      subjectAt = k;
    } else if (subjectAt !== k - 1) memory.subject = null;
    const outside = attributionsOf(m, c, memory, lexicon);
    // "The Institute for the Study of War published … The think tank predicted …": a body
    // named without a verb of saying (or with only an unnamed source beside it) is still what
    // "the think tank" refers to next.
    if (outside.every((a) => a.claimant === null)) {
      const body = named.filter((x) => x.entry.kind === 'body' || x.entry.kind === 'media').pop();
      if (body) noteBody(memory, fromEntry(body.entry));
      // "Defence Secretary Grace Whitfield visited Kyiv. She said …": likewise a person, known
      // or introduced by title, is whom "she" and "the defence secretary" refer to next.
      const titled = titledPeopleIn(m, c, memory, lexicon);
      const people = named.filter((x) => x.entry.kind === 'person');
      // "Sergei Shoigu … met Kim Jong Un in Pyongyang. Afterwards, he told reporters …": the
      // person who opens the sentence, its subject, is whom "he" means next, not one named after.
      // ("Sergei K. Shoigu": the given name and initial before the surname the table knows.)
      const opener =
        people.length > 0 &&
        /^\W*(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/u.test(s.text.slice(0, people[0]!.start));
      const person = opener
        ? fromEntry(people[0]!.entry)
        : titled.length > 0 &&
            (people.length === 0 ||
              titled[titled.length - 1]!.at > people[people.length - 1]!.start)
          ? titled[titled.length - 1]!.person
          : people.length > 0
            ? fromEntry(people[people.length - 1]!.entry)
            : null;
      if (person) memory.person = person;
    }
    for (const span of spansBySentence[k]!) {
      // Named sources inside the quote, read on the quoted words alone.
      const from = Math.max(span[0] + 1, s.start) - s.start;
      const to = Math.min(span[1], s.end) - s.start;
      if (to <= from) continue;
      const found = attributionsOf(s.text.slice(from, to), c, memory, lexicon)
        .filter((a) => a.claimant !== null)
        .map((a) => ({ ...a, start: a.start + from, end: a.end + from, pos: a.pos + from }));
      inner.set(`${k}:${span[0]}`, found);
    }
    return outside;
  });

  // Claimant of each quoted passage: the nearest attribution before it in its first sentence
  // or after it in its last.
  const byEnd = attributions.map((list) => [...list].sort((a, b) => a.end - b.end));
  const byStart = attributions.map((list) => [...list].sort((a, b) => a.start - b.start));
  const quoteClaimants = new Map<
    [number, number],
    { claimant: ResolvedClaimant | null; ok: boolean }
  >();
  for (const { span, open, close } of allSpans) {
    const openS = sentences[open]!;
    const closeS = sentences[close]!;
    const b = lastEndingBy(byEnd[open]!, span[0] + 1 - openS.start);
    const a = firstStartingFrom(byStart[close]!, span[1] - closeS.start);
    const db = b ? span[0] - (openS.start + b.end) : Number.POSITIVE_INFINITY;
    const da = a ? closeS.start + a.start - span[1] : Number.POSITIVE_INFINITY;
    const pick = (da <= db ? a : b) ?? namedBeforeQuote(text, openS.start, span[0]);
    quoteClaimants.set(
      span,
      pick ? { claimant: pick.claimant, ok: true } : { claimant: null, ok: false },
    );
  }

  // "This was announced by X." attributes the sentence before it.
  const backRef: Array<ResolvedClaimant | null> = sentences.map(() => null);
  for (let k = 1; k < n; k++) {
    // "This is what the minister said in an interview.": the speaker of everything the
    // paragraph said before, back to a sentence that names a source of its own.
    if (WHAT_SAID.test(masked[k]!)) {
      const speaker = attributions[k]!.find((a) => a.claimant !== null && a.kind === 'verb');
      for (let j = k - 1; speaker && j >= 0; j--) {
        if (sentences[j]!.paragraph !== sentences[k]!.paragraph) break;
        if (attributions[j]!.some((a) => a.claimant !== null) || spansBySentence[j]!.length > 0)
          break;
        backRef[j] = speaker.claimant;
      }
      continue;
    }
    // "10,000 North Korean soldiers are in Russia. … So they have this chance, Zelensky said.":
    // a paragraph of speech left unquoted, whose last sentence closes on its speaker, is all
    // the speaker's, back to a sentence that names a source of its own.
    const closing = attributions[k]![attributions[k]!.length - 1];
    if (
      closing?.claimant &&
      closing.kind === 'verb' &&
      (k + 1 >= n || sentences[k + 1]!.paragraph !== sentences[k]!.paragraph) &&
      spansBySentence[k]!.length === 0 &&
      /,\s*$/u.test(masked[k]!.slice(0, closing.start)) &&
      /^[\s.]*$/u.test(masked[k]!.slice(closing.end))
    ) {
      for (let j = k - 1; j >= 0; j--) {
        if (sentences[j]!.paragraph !== sentences[k]!.paragraph) break;
        if (attributions[j]!.length > 0 || spansBySentence[j]!.length > 0) break;
        backRef[j] = closing.claimant;
      }
    }
    // "… an additional 25,000 to 30,000 soldiers. They could arrive soon. / CNN writes about
    // this, citing Ukrainian intelligence.": an outlet's line on the lead (a calque of "Про це
    // пише") sources the lead's sentences, across the paragraph break, back to one with a source.
    if (WRITES_ABOUT_THIS.test(masked[k]!)) {
      const speaker = attributions[k]!.find((a) => a.claimant !== null && a.kind === 'verb');
      const lead = sentences[k - 1]!.paragraph;
      for (let j = k - 1; speaker && j >= 0; j--) {
        if (sentences[j]!.paragraph !== lead && sentences[j]!.paragraph !== sentences[k]!.paragraph)
          break;
        if (attributions[j]!.some((a) => a.claimant !== null)) break;
        backRef[j] = speaker.claimant;
      }
      continue;
    }
    // A sentence hedged only by "reportedly" still takes the source its next sentence names.
    if (attributions[k - 1]!.some((a) => a.claimant !== null || a.kind !== 'anonymous')) continue;
    if (c.backRefRe.test(masked[k]!)) {
      const agent = attributions[k]!.find((a) => a.kind === 'agent' && a.claimant);
      if (agent) backRef[k - 1] = agent.claimant;
      continue;
    }
    // "Source: Kyrylo Budanov, head of …": a source line under a lead names the lead's source,
    // in whatever paragraph it stands.
    const label = SOURCE_LABEL.exec(masked[k]!);
    if (label) {
      const reading = readSource(sourcePhrase(masked[k]!, label[0].length), c, memory, lexicon);
      if (reading.claimant) backRef[k - 1] = reading.claimant;
      continue;
    }
    // "The estimate came from Ukraine's military intelligence." names the source of the
    // sentence before it in the same paragraph, or of a one-sentence paragraph before it.
    const samePara = sentences[k]!.paragraph === sentences[k - 1]!.paragraph;
    const lonePara =
      !samePara &&
      sentences[k]!.paragraph === sentences[k - 1]!.paragraph + 1 &&
      (k < 2 || sentences[k - 2]!.paragraph !== sentences[k - 1]!.paragraph);
    if (!samePara && !lonePara) continue;
    const source = c.sourceSentenceRe.exec(masked[k]!);
    if (!source && !samePara) continue;
    if (!source) {
      // "South Korea's military disclosed the figure on Wednesday.": the subject of a verb whose
      // object is the figure just given names its source.
      if (!c.figureObjectRe?.test(masked[k]!)) continue;
      const named = attributions[k]!.find((a) => a.claimant !== null && a.kind === 'verb');
      if (named) backRef[k - 1] = named.claimant;
      continue;
    }
    const from = source.index + source[0].length;
    const phrase = sourcePhrase(masked[k]!, from);
    // "The estimate comes from South Korea's defence minister, Shin Won-sik.": the name after
    // the title's comma is who.
    const titled = TITLE_THEN_NAME.exec(masked[k]!.slice(from + phrase.length));
    const person =
      titled && findClaimantMentions(titled[1]!)[0]?.entry.kind === 'person' ? titled[1]! : null;
    const reading = readSource(person ?? phrase, c, memory, lexicon);
    const named =
      reading.claimant ?? attributions[k]!.find((a) => a.claimant !== null)?.claimant ?? null;
    if (named) backRef[k - 1] = named;
  }

  // "Pyongyang is reportedly sending deminers. X made the announcement.": the hedge
  // gives way to the source named.
  for (let k = 0; k < n; k++) {
    const named = backRef[k];
    if (!named) continue;
    for (const a of attributions[k]!)
      if (a.kind === 'anonymous' && a.claimant === null) a.claimant = named;
  }

  // "…, according to a news report. The Times reported on Friday, citing officials": the
  // report the sentence leaves unnamed is the one the next sentence of its paragraph names.
  for (let k = 0; k + 1 < n; k++) {
    if (sentences[k + 1]!.paragraph !== sentences[k]!.paragraph) continue;
    const unnamed = attributions[k]!.filter(
      (a) =>
        a.claimant === null &&
        (a.kind === 'according' || a.kind === 'anonymous') &&
        UNNAMED_REPORT.test(masked[k]!.slice(a.start, a.end + 24)),
    );
    if (unnamed.length === 0 || !REPORTED.test(masked[k + 1]!)) continue;
    const named = attributions[k + 1]!.find((a) => a.claimant !== null && a.kind === 'verb');
    if (!named) continue;
    for (const a of unnamed) a.claimant = named.claimant;
  }

  // "…, Yonhap News TV reported. The broadcaster cited a report by South Korea's Defense
  // Intelligence Agency …": what an outlet reported comes from the source it is next said to
  // cite (FIGURES.md: the cited source over the outlet).
  for (let k = 0; k + 1 < n; k++) {
    const cited = OUTLET_CITED.exec(masked[k + 1]!);
    if (!cited) continue;
    const relayed = attributions[k]!.filter((a) => a.claimant?.kind === 'media');
    if (relayed.length === 0) continue;
    const reading = readSource(sourcePhrase(masked[k + 1]!, cited[0].length), c, memory, lexicon);
    if (!reading.claimant || reading.claimant.kind === 'media') continue;
    for (const a of relayed) a.claimant = reading.claimant;
  }

  // A sentence broken over lines ("… sent some 14,000 soldiers to fight alongside" / "Russian
  // troops in Ukraine," / "where …, according to X."): its pieces are one sentence.
  const joined = sentences.map(
    (s, k) => k + 1 < n && continuesOnNextLine(s.text, sentences[k + 1]!.text),
  );

  const storyReport = reportOfStory(sentences, masked);
  const out: SentenceAttribution[] = [];
  let previousMain: ResolvedClaimant | null = null;
  // "DEPUTY PRESS SECRETARY SABRINA SINGH: …" opens a speaker's turn in a briefing's transcript.
  let speaker: ResolvedClaimant | null = null;
  for (let k = 0; k < n; k++) {
    const s = sentences[k]!;
    const samePara = k > 0 && (sentences[k - 1]!.paragraph === s.paragraph || joined[k - 1]!);
    let inherited: ResolvedClaimant | null = backRef[k] ?? (samePara ? previousMain : null);
    const label = TURN_LABEL.exec(s.text);
    if (label) speaker = speakerOfTurn(label[1]!, memory);
    // "We believe that the DPRK has sent around 10,000 soldiers": in a speaker's turn, what
    // "we" say is the speaker's.
    if (
      inherited === null &&
      speaker &&
      attributions[k]!.length === 0 &&
      FIRST_PERSON.test(masked[k]!)
    ) {
      inherited = speaker;
    }
    // The source closing the last piece of a broken sentence is the source of all its pieces.
    if (
      inherited === null &&
      joined[k] &&
      !samePara &&
      attributions[k]!.length === 0 &&
      spansBySentence[k]!.length === 0
    ) {
      let j = k + 1;
      while (joined[j] && attributions[j]!.length === 0 && j + 1 < n) j++;
      const tail = attributions[j]![attributions[j]!.length - 1];
      if (
        tail?.claimant &&
        (tail.kind === 'according' || tail.kind === 'verb') &&
        /^[\s.,;:'"\u2019\u201D)]*$/u.test(masked[j]!.slice(tail.end))
      ) {
        inherited = tail.claimant;
      }
    }
    // The paragraph's source may close its next sentence ("…, according to Ukrainian and
    // American officials."): an opening sentence with no source of its own takes it.
    if (
      inherited === null &&
      !samePara &&
      attributions[k]!.length === 0 &&
      spansBySentence[k]!.length === 0 &&
      k + 1 < n &&
      sentences[k + 1]!.paragraph === s.paragraph
    ) {
      const next = attributions[k + 1]!;
      const tail = next[next.length - 1];
      const closes =
        tail?.claimant &&
        (tail.kind === 'according' || tail.kind === 'verb') &&
        /^[\s.,;:'"\u2019\u201D)]*$/u.test(masked[k + 1]!.slice(tail.end));
      // "…, South Korean intelligence said today, as reported by France Presse.": the source
      // the closing outlet relays, when the sentence names one (FIGURES.md: the source over
      // the outlet).
      const relayed =
        closes && tail.claimant!.kind === 'media'
          ? next.findLast(
              (a) => a !== tail && a.kind === 'verb' && a.claimant && a.claimant.kind !== 'media',
            )
          : undefined;
      if (closes) inherited = relayed?.claimant ?? tail.claimant;
      // "Ukrainian forces have captured two soldiers. … Zelensky announced their capture.": a
      // source the next sentence of the paragraph names counts (FIGURES.md), when what it says
      // points back at the sentence before.
      else {
        const named = next.find(
          (a) =>
            a.claimant !== null &&
            a.kind === 'verb' &&
            BACK_OBJECT.test(masked[k + 1]!.slice(a.end, a.end + 40)),
        );
        if (named) inherited = named.claimant;
      }
    }
    // "…, the defence minister said. • North Korea has delivered some 6,700 containers.": the
    // items of a list under a sentence that names its source say what that source said.
    if (
      inherited === null &&
      k > 0 &&
      LIST_ITEM.test(s.text) &&
      attributions[k]!.length === 0 &&
      spansBySentence[k]!.length === 0 &&
      s.paragraph - sentences[k - 1]!.paragraph <= 1
    ) {
      inherited = previousMain;
    }
    // "North Korea had sent 11,000 troops to the front last fall.": what the story recalls of
    // the past takes no neighbour's source, only one of its own.
    if (
      inherited !== null &&
      !backRef[k] &&
      attributions[k]!.length === 0 &&
      spansBySentence[k]!.length === 0 &&
      RECALLS_PAST.test(masked[k]!)
    )
      inherited = null;
    // A story about one body's report ("This, from the very first report by the Multilateral
    // Sanctions Monitoring Team"): a figure no sentence of its own credits is the report's.
    if (
      inherited === null &&
      storyReport !== null &&
      k > storyReport.at &&
      attributions[k]!.length === 0 &&
      spansBySentence[k]!.length === 0
    )
      inherited = storyReport.claimant;
    const quotes: QuoteInSentence[] = spansBySentence[k]!.map((span) => {
      const q = quoteClaimants.get(span)!;
      return {
        start: Math.max(0, span[0] - s.start),
        end: Math.min(s.text.length, span[1] - s.start + 1),
        claimant: q.ok ? q.claimant : inherited,
        inner: inner.get(`${k}:${span[0]}`) ?? [],
        attributed: q.ok,
      };
    });
    const atts = attributions[k]!;
    let main: ResolvedClaimant | null = inherited;
    if (atts.length > 0) main = atts[atts.length - 1]!.claimant;
    else if (quotes.length > 0) main = quotes[quotes.length - 1]!.claimant;
    out.push({ attributions: atts, quotes, inherited });
    previousMain = main;
  }
  return out;
}

/** "the first report by X", "X's first report", "In its first report, X": a report named
 * in a story's lead, by its author. */
const LEAD_REPORT = /\b(?:first|inaugural|latest|new|annual)\s+report\b/iu;

/**
 * The body whose report a story is about, when one of its first eight sentences names a first,
 * latest or new report and one body beside it; null otherwise.
 */
function reportOfStory(
  sentences: readonly Sentence[],
  masked: readonly string[],
): { at: number; claimant: ResolvedClaimant } | null {
  for (let k = 0; k < Math.min(8, sentences.length); k++) {
    if (!LEAD_REPORT.test(masked[k]!)) continue;
    const bodies = findClaimantMentions(masked[k]!).filter((x) => x.entry.kind === 'body');
    const names = new Set(bodies.map((x) => x.entry.name));
    if (names.size === 1) return { at: k, claimant: fromEntry(bodies[0]!.entry) };
  }
  return null;
}

/** A sentence that recalls the past in the pluperfect: "had sent", "had deployed". */
const RECALLS_PAST =
  /\bhad\s+(?:already\s+)?(?:sent|deployed|dispatched|supplied|shipped|delivered|provided)\b/iu;

/** Words a sentence cannot end on: a line break after them breaks the sentence, not the text. */
const DANGLING_END =
  /(?:,|\b(?:and|or|but|the|a|an|of|to|in|on|at|for|with|from|by|as|than|into|about|alongside|including|that|which|who|some|nearly|about|around|over))\s*$/iu;

/**
 * Whether a sentence runs on into the next line: it ends without a full stop on a comma or a
 * word that cannot close a sentence, or the next line carries on in lower case.
 */
function continuesOnNextLine(text: string, next: string): boolean {
  if (/[.!?\u2026"\u201D\u2019)]\s*$/u.test(text)) return false;
  return DANGLING_END.test(text) || /^\s*\p{Ll}/u.test(next);
}

/** An object that points back at what was just told ("announced their capture", "confirmed it"). */
const BACK_OBJECT =
  /^\s+(?:this|that|it|these|those|(?:their|its|the)\s+(?:capture|deaths?|news|deployment|arrival|dispatch|losses|presence|figures?|numbers?|count|toll))\b/iu;

/** "This is what X said", "That was what X told …": the sentence names who said the above. */
const WHAT_SAID = /^\s*(?:this|that)(?:\s+is|\s+was|['\u2019]s)\s+what\s/iu;

/** A line that names who wrote about what came before: "CNN writes about this", "Reuters reported
 * it"; an outlet and a few words before the verb, nothing else. */
const WRITES_ABOUT_THIS =
  /^\s*(?:\p{Lu}[\p{L}.'\u2019-]*\s+){1,4}(?:writes|wrote|reports|reported|informs|informed)\s+(?:about\s+)?(?:this\b|it(?=\s*[,.;]))/u;

/** An unnamed report as a source: "according to a news report", "a media report said". */
const UNNAMED_REPORT = /\b(?:an?|the)\s+(?:(?:news|media|press)\s+)?report\b/iu;
/** A sentence that names who reported. */
const REPORTED = /\breport(?:ed|s)\b/iu;

/** A speaker's turn in a transcript: a name and title in capitals, then a colon. */
const TURN_LABEL = /^\s*((?:[\p{Lu}][\p{Lu}.'\u2019-]*\s+){0,6}[\p{Lu}][\p{Lu}.'\u2019-]*)\s*:\s/u;

/** "We", "I", "our" as words: the speaker of the turn talks. */
const FIRST_PERSON = /(?:^|[\s"\u201C(])(?:We|we|I|Our|our|Us|us)(?=[\s,.'\u2019])/u;

/**
 * The person a turn's label names: one the claimant table knows, or one the story named in full
 * before ("MS. SINGH"); else nobody ("Q", a reporter).
 */
function speakerOfTurn(label: string, memory: Memory): ResolvedClaimant | null {
  const titled = label
    .toLowerCase()
    .replace(/(^|[\s.'-])(\p{Ll})/gu, (_m, b: string, l: string) => b + l.toUpperCase());
  const person = findClaimantMentions(titled)
    .filter((m) => m.entry.kind === 'person')
    .pop();
  if (person) return fromEntry(person.entry);
  const surname = /(\p{L}[\p{L}'-]+)$/u.exec(titled)?.[1];
  return surname ? bySurname(memory, surname) : null;
}

/** A source line under a lead: "Source: X". */
const SOURCE_LABEL = /^\s*Sources?\s*:\s*/u;

/** The nouns for members of a parliament. */
const LAWMAKER_NOUNS =
  'lawmakers?|legislators?|MPs?|parliamentarians?|members? of (?:parliament|the National Assembly)';

/** Lawmakers and what follows to say which ones: a committee, a hearing, a briefing. */
const LAWMAKERS_WHO = new RegExp(
  `^((?:${LAWMAKER_NOUNS}))\\s+(?:attending|on|of|at|from|in|sitting|briefed|who)\\s`,
  'iu',
);

export const LAWMAKER_RE = new RegExp(
  `\\b(?:${LAWMAKER_NOUNS}|assemblym[ae]n|Lee Sung-kwon|Park Sun-won)\\b`,
  'i',
);

/**
 * The claimant of a number at `pos` (offset in the sentence): its quote's claimant when it is
 * quoted; else the nearest attribution before it, else after it; else the inherited claimant.
 */
export function claimantAt(sa: SentenceAttribution, pos: number): ResolvedClaimant | null {
  const quote = sa.quotes.find((q) => pos >= q.start && pos < q.end);
  if (quote) {
    const relayed = quote.inner.filter((a) => a.pos < pos).pop();
    return relayed ? relayed.claimant : quote.claimant;
  }
  let before: Attribution | undefined;
  let after: Attribution | undefined;
  for (const a of sa.attributions) {
    if (a.pos < pos) before = a;
    else if (!after && !a.forward) after = a;
  }
  let pick = before ?? after;
  // "deployed 12,000, as per Ukraine's intelligence, suffering up to 4,000 casualties,
  // according to Ukrainian reports": each trailing source claims what stands before it.
  if (before?.kind === 'according' && after?.kind === 'according' && after.claimant) pick = after;
  // "… are believed to have been killed": a hedge of belief inside a sentence that names its
  // source does not take the source away.
  if (pick && pick.claimant === null && pick.kind === 'anonymous') {
    const named = [...sa.attributions].reverse().find((a) => a.pos < pos && a.claimant);
    pick = named ?? sa.attributions.find((a) => a.pos >= pos && a.claimant && !a.forward) ?? pick;
    // "Officials put the total at …" after a sentence that named whose officials they are.
    if (pick.claimant === null && sa.inherited && !sa.attributions.some((a) => a.forward))
      return sa.inherited;
  }
  // "He said Seoul had discovered …": a country inside what its own official says is relayed
  // by that official, who is credited. An official's verb after the figure ("The United States
  // estimates …, Blinken said") leaves the country's estimate the country's (corpus c11).
  if (pick?.claimant?.kind === 'country' && pick.kind === 'verb') {
    const country = pick.claimant.country;
    const at = pick.pos;
    const official = sa.attributions.find(
      (a) =>
        a.pos < at &&
        a.kind === 'verb' &&
        a.claimant?.kind === 'person' &&
        a.claimant.country !== null &&
        a.claimant.country === country,
    );
    if (official) pick = official;
  }
  // A lawmaker passing on a briefing gives the briefing body's figure: "a lawmaker said …,
  // according to the country's intelligence agency" is the agency's (FIGURES.md).
  if (pick?.claimant && LAWMAKER_RE.test(pick.claimant.name)) {
    // An outlet that reports the lawmaker ("…, per Politico") is no briefing: the source
    // is the lawmaker's country's or an agency.
    const country = pick.claimant.country;
    const source = sa.attributions.find(
      (a) =>
        a.kind === 'according' &&
        a.claimant &&
        a.claimant.kind !== 'media' &&
        ((country !== null && a.claimant.country === country) ||
          /intelligence|spy|agency|service/i.test(a.claimant.name)),
    );
    if (source) pick = source;
  }
  if (pick) return pick.claimant;
  // "…, and a US official reported that …": a sentence that names its own source for another
  // clause takes no source from the sentence before for this one.
  if (sa.attributions.some((a) => a.forward)) return null;
  return sa.inherited;
}
