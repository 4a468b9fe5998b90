/**
 * The shape of one language's word tables for figure extraction. Everything that is a word of
 * a particular language (hedges, number words, verbs of saying, metric keywords, units, place
 * names) lives in a value of this type, so a language is added as a table, not as code.
 *
 * Phrases are written as plain text ("killed or wounded", "North Korea's") and are tokenised
 * by the same tokenizer that reads the article, so punctuation and apostrophes line up.
 */

import type { Metric, Qualifier, Unit } from '../types.ts';

/** A phrase that hedges a number, and the qualifier it stands for. */
export interface HedgeEntry {
  phrase: string;
  qualifier: Qualifier;
}

/** A noun phrase that names what a number counts. */
export interface UnitEntry {
  phrase: string;
  unit: Unit;
  /** The metric the noun itself implies ("prisoners of war" are captured). */
  metric?: Metric;
  /** Whose people the noun names ("North Koreans" are KP). */
  side?: string;
  /** True for nouns that count people in general, not soldiers ("people", "individuals"). */
  generic?: boolean;
  /**
   * True for nouns that name what a number counts only right after it ("10,000 DPRK forces"):
   * named before a number they are an actor ("Ukrainian forces have killed 300 of them").
   */
  afterOnly?: boolean;
}

/**
 * A word or phrase that says what happened to the counted people or materiel.
 * `moved` becomes `deployed` for personnel and `supplied` for materiel.
 */
export interface MetricCue {
  phrase: string;
  /** `mixed` joins two metrics no figure has ("captured or missing"): the number is left out. */
  metric: Metric | 'moved' | 'mixed';
  /** Weak cues (a place, "there are") are used only when no strong cue is found. */
  weak?: boolean;
  /** Cues that only describe materiel being supplied, never personnel moving. */
  materielOnly?: boolean;
  /**
   * Verbs that only say how large a group is ("numbered", "totalled"): a metric word in their
   * subject wins ("the dead and wounded numbered 1,100" are casualties, not a deployment).
   */
  copular?: boolean;
  /** Verbs whose subject receives ("received", "bought"): North Korea receiving is no supply. */
  inbound?: boolean;
  /**
   * Phrases that contain a cue word but say nothing of a metric ("in total" is "altogether"):
   * listed so the word inside them is not read as a cue.
   */
  inert?: boolean;
}

/** A nationality adjective or possessive and the ISO 3166 alpha-2 country it names. */
export interface NationalityEntry {
  phrase: string;
  country: string;
}

/** Number words and number syntax of a language. */
export interface NumberLexicon {
  /** Characters that group thousands in digits ("3,000", "11 000"). */
  thousandsSeparators: string[];
  decimalSeparator: string;
  /** Measures after digits that stop a plain space from grouping thousands ("20 240 mm"). */
  spaceGroupBreakers: string[];
  /** Word numbers below twenty. */
  units: Record<string, number>;
  /** Tens ("twenty" … "ninety"). */
  tens: Record<string, number>;
  /** Words that multiply what precedes them without closing a group ("hundred", "dozen"). */
  multipliers: Record<string, number>;
  /** Words that close a group ("thousand", "million"). */
  scales: Record<string, number>;
  /** Scale suffixes written after digits ("12k", "1.5m", "3 bn"). */
  scaleSuffixes: Record<string, number>;
  /** Articles that stand for one before a scale word ("a thousand"). */
  articles: string[];
  /** Words meaning "one half", read before an article and a scale ("half a million"). */
  half: string[];
  /** Nouns of two after an article, before a scale ("a couple thousand", "a couple of
   * thousand"): two of the scale. */
  pair?: string[];
  /** Words that join parts of one word number ("one hundred and fifty"). */
  joiners: string[];
  /** Words before a number meaning it adds to an earlier one ("another thousand"). */
  another: string[];
  /** Words before a scale word that make the amount vague ("several thousand"). */
  vagueBefore: string[];
  /** Word that opens a "between A and B" range. */
  between: string[];
  /** Word that joins the two ends of a "between" range. */
  betweenAnd: string[];
  /** Words and dashes that join two ends of a range ("10,000 to 12,000", "10,000-12,000"). */
  rangeJoiners: string[];
  /** Word that opens a "from A to B" range or change. */
  from: string[];
  /** The joiner of a "from A to B" change ("to"). */
  changeTo: string[];
  /** Joiners that make a range only between numbers written alike ("two or three"). */
  alternatives: string[];
  /** Words after a number that mean "in addition", not a hedge ("three more"). */
  additional: string[];
  /** Verbs that make "from A to B" a change, whose figure is B ("rose from 300 to 1,000"). */
  changeVerbs: string[];
  /** Phrases before a number that make it an earlier value, not the figure ("up from 1,100"). */
  previousMarkers: string[];
  hedgesBefore: HedgeEntry[];
  hedgesAfter: HedgeEntry[];
}

/** The words of saying and attribution. */
export interface AttributionLexicon {
  /** Verbs that attribute what follows or precedes them to their subject. */
  sayingVerbs: string[];
  /** Words before a saying verb that make it a noun ("an estimate", "the report"). */
  nounMarkers: string[];
  /** Words after a saying verb that make it a plural noun ("estimates have converged"). */
  nounFollowers: string[];
  /** Prepositional attribution ("according to"). */
  accordingTo: string[];
  /** Phrases that attribute to nobody ("reportedly", "is believed to"). */
  anonymous: string[];
  /** Words that, as the whole source of "according to", name nobody ("reports", "estimates"). */
  anonymousSources: string[];
  /** Passive agent marker after a saying verb ("announced by"). */
  agentMarker: string[];
  /** A sentence opening that attributes the previous sentence ("This was announced by …"). */
  backReference: string;
  /**
   * A source's own count ("by the agency's count", "by his account"), a pattern whose group 1
   * is the owner: whose count it is gives the figures, as "according to" does.
   */
  ownCount?: string;
  /** A possessive pronoun's subject form ("his": "he"), which the readers of a source know. */
  possessivePronouns?: Record<string, string>;
  /**
   * A sentence opening that names the source of the sentence before it, followed by that
   * source ("The estimate came from …", "Those figures are based on …").
   */
  sourceSentence: string;
  /**
   * A verb of giving whose object is the figure just stated ("… disclosed the figure"): its
   * subject is the source of the sentence before.
   */
  figureObject?: string;
  /** Words after an outlet's verb that name the source it relays ("citing", "quoting"). */
  citing: string[];
  /** Personal pronouns resolved to the last person named. */
  personPronouns: string[];
  /** First-person pronouns: inside a quote they are the speaker, never a new claimant. */
  speakerPronouns: string[];
  /** Pronouns resolved to the last body named. */
  bodyPronouns: string[];
  /** Of {@link bodyPronouns}, those for one body ("it"): they refer to the country or body a
   * sentence opened on, where "they" may mean its officials. */
  singularBodyPronouns?: string[];
  /** "the agency", "the ministry": resolved to the last body named. */
  bodyAnaphors: string[];
  /** "the lawmaker", "the president": resolved to the last person named. */
  personAnaphors: string[];
  /** Nouns for government in general; with one nationality they name the country. */
  governmentNouns: string[];
  /** Nouns that alone name nobody in particular ("officials", "sources"). */
  anonymousNouns: string[];
  /** Words that may end a claimant noun phrase that is not in the claimant table. */
  claimantHeads: string[];
  /** Words that open a parenthetical to drop from a subject ("citing", "who"). */
  parentheticals: string[];
  /** Words between a subject and its verb to strip ("also", "has"). */
  subjectFillers: string[];
  /** Words that end a clause, so a subject never reaches back across them. */
  clauseWords: string[];
  /** Articles stripped from the front of a claimant ("the Pentagon"). */
  articles: string[];
  /** Clause words after a place that make "authorities" its authorities ("…, where officials said"). */
  placeClauseWords: string[];
  /** Words that make a following name a modifier of an earlier one ("… of the Ministry"). */
  postModifiers: string[];
  /** Words joining a list of nationalities ("American, South Korean and Ukrainian"). */
  listJoiners: string[];
  /** Words that mean an estimate; an unhedged number under one is `about`. */
  estimateWords: string[];
  /**
   * Titles written before or after a person's name ("Foreign Minister", "analyst", "Gen."): a
   * phrase that ends in a name after one of them names that person, not the title.
   */
  personTitles?: string[];
  /** Capitalised words that are never part of a person's name ("Ministry", "Institute"). */
  nameStopWords?: string[];
}

/** The words that say a number is not a figure. */
export interface NonFigureLexicon {
  /** Nouns of measure, time, money and the like after a number ("mm", "km", "years"). */
  followers: string[];
  /** Words or symbols before a number that make it money, a designation or an age. */
  preceders: string[];
  /** Letters attached to digits that make them ordinals or measures ("11th", "122mm"). */
  attachedSuffixes: string[];
  /** Phrases that open with a number but refer to one member of a group ("one of the men"). */
  partitives: string[];
  /** Month names and abbreviations, for dates. */
  months: string[];
  /** Prepositions that make a four-digit number a year ("in 2022"). */
  yearPrepositions: string[];
  /**
   * Measures joined to a number by a hyphen ("25-foot barrels", "a 10-day visit"): the number
   * sizes something and counts nothing.
   */
  hyphenMeasures?: string[];
  /** Verbs that use materiel rather than supply it ("fired", "launched"). */
  usageVerbs: string[];
  /**
   * Words of holding or making: materiel a country has, stocks or builds is no supply, so a
   * count beside them needs its own verb of supply ("North Korea has 6,000 guns on the border").
   */
  holdingWords?: string[];
  /**
   * Words that make a number in their clause no figure: the story calls it unlikely, denies it
   * or asks about it ("a deployment of 50,000 looks improbable").
   */
  doubtWords: string[];
  /**
   * Places of North Korea's own front with the South ("the inter-Korean border", "the DMZ"): a
   * count of troops there, in a sentence that names neither Russia nor the war, is of soldiers
   * at home, not in Russia.
   */
  homeFront?: string[];
  /**
   * Words of desertion ("have abandoned their posts", "deserted"): people counted before them,
   * with no other number between, are deserters, no figure (bench/real/README.md).
   */
  desertion?: string[];
  /** Words of people gone home ("have returned home"), read as desertion is. */
  returned?: string[];
  /** Words of a prisoner exchange before a number of prisoners ("have exchanged about a
   * thousand prisoners of war"): those are the swap's, not a count of captured North Koreans. */
  exchange?: string[];
  /**
   * Words of attacks and civilians: with them, a count of people in general ("12 people") is of
   * victims of North Korean weapons, not of North Korean casualties.
   */
  victimMarkers: string[];
}

/** Words that make a sentence worth handing to the date parser. */
export interface DateLexicon {
  /** Weekday names and abbreviations. */
  weekdays: string[];
  /** Relative date words ("today", "yesterday", "last"). */
  relative: string[];
  /** Words before a date that open a period to the story's date ("since"). */
  since: string[];
  /** Words and dashes between two days of one month ("December 14-15", "14 to 15"). */
  rangeWords: string[];
}

/** Words used to describe a figure in an alert. */
export interface DescribeLexicon {
  qualifiers: Record<Qualifier, string>;
  units: Record<Unit, { one: string; many: string }>;
  metrics: Record<Metric, string>;
  /** Adjective for whose personnel ("North Korean"). */
  sideAdjectives: Record<string, string>;
  /** How supplied materiel names its supplier ("supplied by North Korea"). */
  supplierPhrases: Record<string, string>;
  rangeJoiner: string;
  /** Said after the amount of an increment ("3,000 more North Korean troops"). */
  more: string;
  locale: string;
}

/** One language's complete tables. */
export interface Lexicon {
  /** BCP 47 language tag. */
  language: string;
  numbers: NumberLexicon;
  units: UnitEntry[];
  /** Words allowed between a number and its unit ("additional", "elite", "self-propelled"). */
  unitModifiers: string[];
  /**
   * Modifier words that head their own noun when nothing follows them ("50 self-propelled
   * artillery to Russia"), with the unit they then name.
   */
  headModifiers?: Array<{ word: string; unit: Unit }>;
  /**
   * Nouns that count what an "of" phrase after them names ("200 units of self-propelled
   * artillery", "pieces of long-range artillery"): the unit is that phrase's noun.
   */
  countNouns?: string[];
  /**
   * Tasks that name what people in general are ("6,000 people to help with reconstruction" are
   * workers): after a generic noun, the first task in its clause gives the unit.
   */
  purposeUnits?: Array<{ phrase: string; unit: Unit }>;
  /** Words after a bare number that let its unit come from earlier in the sentence. */
  bareFollowers: string[];
  /** Nationality adjectives and possessives, longest first not required. */
  nationalities: NationalityEntry[];
  /** Phrases naming North Korea, its state or army. */
  dprkMarkers: string[];
  /** Phrases naming North Korea only when the article already names it ("the North"). */
  dprkContextMarkers: string[];
  /** Phrases naming Russia as an actor. */
  russiaMarkers: string[];
  /**
   * Other countries, by name (not adjective: "South Korean estimates" name a source), that as
   * the actor of a sentence make its count not North Korean ("Ukraine lost 1,200 soldiers").
   */
  otherActorMarkers: string[];
  /**
   * Other countries that arm Russia, among the other actors: named before materiel in a
   * sentence that leaves North Korea out ("Iran had sent 200 ballistic missiles"), they send
   * their own (the packs' `otherSuppliers`).
   */
  otherSuppliers?: string[];
  /** Prepositions that make a following country a destination or ally, not the actor. */
  destinationPrepositions: string[];
  /**
   * Words of a memorial ("portraits", "memorial wall"), lower case: the dead a memorial counts,
   * with no source named, are North Korea's own count (it put up the memorial).
   */
  memorial?: string[];
  /** Determiners skipped when looking at the word before a country ("for the Russian army"). */
  determiners: string[];
  /** Words after a country that make it a place, not an actor ("Russia's Kursk region"). */
  locationNouns: string[];
  /** Words that, after a unit, introduce where the people come from ("soldiers from the DPRK"). */
  originPrepositions: string[];
  metricCues: MetricCue[];
  /** Words that introduce a part of a group already counted ("including", "among them"). */
  inclusionWords: string[];
  /** Words that join clauses or list items ("and", "while"); a number's words stop at them. */
  conjunctions: string[];
  /** The joiner over which a hedge covers the next number ("at least 100 … and 1,000 …"). */
  hedgeSharingJoiners: string[];
  /**
   * Fractions ("half", "a third", "two-thirds"): a number they take a part of ("a third of the
   * 14,000 troops") is the whole force, and the fraction itself is no figure.
   */
  fractionWords: string[];
  /**
   * Collective materiel phrases ("pieces of equipment") whose unit is the first materiel noun
   * of a list the sentence opens with an inclusion word ("…, including 170-mm artillery
   * systems"). Optional: a language without them never reads such a count.
   */
  collectiveMateriel?: string[];
  /** Word after "N-" that makes a force of N ("a 12,000-strong contingent"). */
  strengthWords: string[];
  /** Word endings that mark a verb or participle after a bare number ("3,000 surrendered"). */
  bareFollowerSuffixes: string[];
  attribution: AttributionLexicon;
  nonFigure: NonFigureLexicon;
  dates: DateLexicon;
  /** Words that make a story about North Korea and Russia a military story ("troops", "shells"). */
  militaryTerms: string[];
  /** Places for story tags: spelling -> canonical place name. */
  places: Record<string, string>;
  /** Abbreviations that end in a period but do not end a sentence. */
  abbreviations: {
    /** Always followed by a name or number ("Gen.", "Dec.", "No."). */
    always: string[];
    /** Initialisms that may end a sentence ("U.S."): joined unless a sentence opener follows. */
    initialisms: string[];
    /** Words that open a new sentence after an initialism. */
    sentenceOpeners: string[];
  };
  describe: DescribeLexicon;
}
