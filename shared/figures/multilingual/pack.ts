/**
 * The shape of one language's table for the pack reader (`reader.ts`). Everything the reader
 * knows about a language is data here, so a sixth language is one new file under `packs/`.
 *
 * Words are matched by *stem*: a listed stem matches any word that starts with it (Russian
 * "тысяч" matches тысячи, тысячами; Korean "북한군" matches 북한군이, 북한군은), case-folded.
 * Korean and German compounds are matched inside words where the pack says so (`infix`).
 */

import type { Metric, Qualifier, Unit } from '../../types.ts';

/** What a metric cue means: a metric, a movement (deployed for people, supplied for materiel)
 * or presence ("are fighting in Kursk": deployed). */
export type CueMetric = Metric | 'moved';

/** A number multiplier word: "тыс." 1000, "Millionen" 1e6, Korean "만" is built in. */
export interface Multiplier {
  /** Stem of the word ("тыс", "тысяч", "million", "mio."). */
  stem: string;
  value: number;
  /** True when the word alone (without a number before it) is one of it: "тысяча солдат". */
  alone?: boolean;
}

/** A hedge word or phrase and the qualifier it gives. */
export interface Hedge {
  phrase: string;
  qualifier: Qualifier;
}

/** A noun (stem) that names what a number counts. */
export interface UnitWord {
  stem: string;
  unit: Unit;
  /** The noun itself says whose it is ("Nordkoreaner", "북한군": KP; "러시아군": RU). */
  side?: string;
  /** People in general ("Menschen", "человек", bare 명): victims may be meant. */
  generic?: boolean;
  /** The noun itself says what happened ("Tote": killed; "포로": captured). */
  metric?: Metric;
  /** Also an adjective ("военных строителей"): a unit noun right after it wins. */
  adjective?: boolean;
}

/** A word or phrase that says what happened to the counted unit. */
export interface MetricWord {
  stem: string;
  metric: CueMetric;
  /** A place or presence ("in Russland"): used only when no other cue is found. */
  weak?: boolean;
}

/** A known claimant's spelling in this language, mapped to the canonical English name of
 * `claimant-table.ts`. */
export interface ClaimantAlias {
  alias: string;
  name: string;
  /** Match case exactly (acronyms: "ГУР", "NIS"). Acronyms in capitals are exact anyway. */
  exact?: boolean;
  /**
   * For a source the shared table does not list (news outlets such as Reuters): its country;
   * `name` is then used as it is.
   */
  country?: string | null;
  kind?: 'person' | 'body' | 'country' | 'media';
  /** For a source the shared table does not list: the body it relays (a lawmaker briefed by
   * the NIS), as in `claimant-table.ts`. */
  relays?: string;
}

/** One language's table. */
export interface LanguagePack {
  /** BCP 47 primary language subtag. */
  language: string;
  /** Korean counts in 만/천/백 with counters; everything else is European digit syntax. */
  script: 'korean' | 'european';
  numbers: {
    /** Characters that group thousands: German ".", Russian " " and NBSP. */
    thousands: readonly string[];
    /** The decimal mark: "," in German, Russian and Ukrainian. */
    decimal: string;
    multipliers: readonly Multiplier[];
    /** Number words: "zwei" 2, "три" 3; Korean native numerals before a counter. */
    words: Readonly<Record<string, number>>;
    /** Words that are a number only after a hedge ("свыше тысячи": 1000; "тысячи" alone is vague). */
    afterHedge?: Readonly<Record<string, number>>;
    /** German number words are written together ("zwölftausend"): parse the parts. */
    compoundWords?: boolean;
  };
  /** Hedges written before the number ("mehr als", "около", "약"). */
  hedgesBefore: readonly Hedge[];
  /** Hedges after the number or its counter ("이상", "여", "с лишним"). */
  hedgesAfter: readonly Hedge[];
  /** Words between two numbers that make a range ("bis", "до", "~"). */
  rangeJoiners: readonly string[];
  /** Words before the first number of a range ("zwischen", "от", "від"). */
  rangeOpeners: readonly string[];
  /** Words before a number that make it an addition ("weitere", "ещё", "추가로"). */
  incrementBefore: readonly string[];
  /** Words after a number (in its clause) that make it an addition ("추가로", "더"). */
  incrementAfter: readonly string[];
  /** Counters written right after Korean numbers ("명", "발", "문"). */
  counters?: Readonly<
    Record<
      string,
      {
        units: readonly Unit[];
        fallback: Unit | null;
        /** The unit when no noun of the sentence, near or earlier, says what is counted. */
        lastResort?: Unit;
      }
    >
  >;
  /** Words that begin with a counter but count something else ("개월", months; "개국",
   * countries): no counter. */
  notCounters?: readonly string[];
  /** Words right after a Korean counter that make the number a difference ("명 많아"). */
  comparisonsAfter?: readonly string[];
  /** Verbs of having ("보유"): a Korean number whose own clause ends in one counts what a force
   * has ("4만 명의 병력을 보유하고"), its strength, not people sent or lost. */
  heldAfter?: readonly string[];
  /** Words that make a count a daily rate ("за добу", "pro Tag"): Russia's losses of a day are
   * the General Staff's running tally, which news prints beside the story, not its figure. */
  perDay?: readonly string[];
  /** Words of "every day" right after a counted noun ("1200 військових щодня"): a rate, where
   * "за добу" (over the last day) after it is one day's toll. */
  everyDayAfter?: readonly string[];
  units: readonly UnitWord[];
  /** Words between a number and its noun that may be skipped (adjectives by ending). */
  skippableEndings: readonly string[];
  /** Words of a prisoner exchange ("교환", "обмен"): the prisoners two other armies swap. */
  exchange?: readonly string[];
  /** Words that begin with a unit's stem but name something else ("контейнеровоз", a
   * container ship): no unit. */
  notUnits?: readonly string[];
  /** Partitive words skipped with the place after them ("600 der nach Russland entsandten"). */
  skipWords?: readonly string[];
  /** Of {@link skipWords}, the prepositions that before a name say where to or by whom, not
   * which part ("10.000 nach Russland entsandten", "von Kim entsandten"). */
  placeOrAgent?: readonly string[];
  /** Prepositions of place a participle between a number and its noun may take with a named
   * place ("7 тысяч отправленных в Россию контейнеров"). */
  participlePlaces?: readonly string[];
  /** Openings of a sentence that says who said "this" ("Das kündigte …", "Про це повідомив
   * …"): a paragraph opening so credits the paragraph before it. */
  thisSaidOpenings?: readonly string[];
  /** Conjunctions that join two loss words for one count ("getötet oder verwundet",
   * "загинуло й зазнало поранень", "사망하거나 부상"): losses not split. Korean lists its
   * verb endings too ("하거나"). */
  cueJoins?: readonly string[];
  /** Stems of a defence and a foreign ministry's name ("verteidigungsministeri",
   * "міністерств оборони"): a ministry left bare after a country is that country's. */
  ministryWords?: { defence: readonly string[]; foreign: readonly string[] };
  /**
   * Words that may stand between a number with no noun and its metric word ("300 wurden
   * getötet", "2700 получили ранения", "600 дістали поранення"): auxiliaries, light verbs.
   */
  auxiliaries?: readonly string[];
  /** Words right after a number with no noun that still let it count ("300 davon"). */
  bareFollowers?: readonly string[];
  /** Words just before a number that make it the whole of a later part ("von den 11.000"). */
  wholeBefore?: readonly string[];
  /** Words between two numbers that make the first a part of the second ("4000 von 12.000
   * Soldaten", "4000 из 12 000 военных"): the part counts the whole's noun. */
  partOfWhole?: readonly string[];
  /** Fractions before a number make it the whole ("die Hälfte der 11.000"): deployed. */
  fractions?: readonly string[];
  metrics: readonly MetricWord[];
  /** Words that name North Korea (stems). */
  dprk: readonly string[];
  /** Other countries that arm Russia (stems): named before materiel in a sentence that leaves
   * North Korea out ("dass Iran Russland 200 Raketen geliefert hat"), they send their own. */
  otherSuppliers?: readonly string[];
  /** Words that name Russia at all (country, capital, adjective): story tags only. */
  russia: readonly string[];
  /** Words that name Russia's own forces (not Russia as a place). */
  russiaTroops: readonly string[];
  /** Words that name another country's forces as the counted side (Ukraine's army). */
  otherTroops: readonly string[];
  /** Heads of compounds that name no kind of thing ("system", "typ"): a unit before them
   * ("Raketenwerfersysteme") is still what the compound counts, where any other head
   * ("Containerschiffe") is what it counts instead. */
  genericHeads?: readonly string[];
  /** Words right after a number that make it no figure: measures, money, dates, ages. */
  nonFigureAfter: readonly string[];
  /** Words right before a number that make it no figure: "$", "Jahr", "№". */
  nonFigureBefore: readonly string[];
  /**
   * Words right before a number that make it a year when it is written as one ("im Jahr 2024",
   * "seit 2022"); a count grouped in thousands after them ("im vergangenen Jahr 8.000
   * Arbeiter") is still a count.
   */
  yearBefore?: readonly string[];
  /** Words that make people in the sentence victims of North Korean weapons. */
  victims: readonly string[];
  /** Denial, doubt, rumour, hypothesis: a number in such a clause is no figure. */
  doubt: readonly string[];
  /**
   * Words of visits ("러시아를 방문한 북한인", "입국 목적"): a paragraph that counts visitors by
   * purpose counts travellers in a statistics office's table, none of them a figure.
   */
  visitors?: readonly string[];
  claimants: readonly ClaimantAlias[];
  /** Words that credit a source ("laut", "по данным", "따르면", "заявил"). */
  attribution: readonly string[];
  /**
   * Phrases right before the source a relaying outlet cites ("со ссылкой на", "unter Berufung
   * auf"): the cited source is the claimant, not the outlet (FIGURES.md, Hard cases).
   */
  citing?: readonly string[];
  /**
   * Sentence openings that point back at what was just said ("Про це повідомив …", "Об этом
   * сообщает …", "Das teilte … mit"): their source is the source of the sentences before,
   * even across a paragraph break.
   */
  backReference?: readonly string[];
  /** Sources a story leaves unnamed ("Schätzungen zufolge", "по некоторым данным"): a
   * sentence that has only these takes no source from its neighbours. */
  unnamed?: readonly string[];
  /** Prepositions whose object is the source ("laut", "nach Angaben", "по данным", "за
   * даними"): when no known source follows in their clause, the source is unnamed. */
  sourcePrepositions?: readonly string[];
  /** Sources set against the one named ("по другим оценкам", "anderen Schätzungen zufolge"):
   * a number in their clause is nobody's, whoever else the sentence credits. */
  otherSources?: readonly string[];
  /** Sentence openings that link to another story ("Lesen Sie auch", "Читайте также"): the
   * headline after them is that story's, so it gives no source to this one. */
  crossLinks?: readonly string[];
  /** Sentence openings that go on with the same source ("Крім того", "Darüber hinaus"). */
  continuation?: readonly string[];
  /**
   * Words that refer back to a source named earlier ("the agency", "the diplomat", "он"):
   * with `intelligence`, only an intelligence body (or a lawmaker relaying one) is meant; with
   * `person` ("депутат", "the minister"), the person named last, not an outlet between; with
   * `body` ("die Agentur", "відомство"), the body named last, not a person who spoke between;
   * with `media` ("видання", "die Zeitung"), the outlet named last.
   */
  anaphors?: readonly {
    stem: string;
    type: 'intelligence' | 'person' | 'body' | 'media' | 'any';
  }[];
  /** Prepositions of a short phrase that may stand between a bare number and its verb of loss
   * ("4.000 im Gefecht ausgefallen", "300 bei Kämpfen getötet"): the phrase says where or how,
   * and the verb still counts the number. */
  gapPrepositions?: readonly string[];
  /** A source's own words by a possessive ("Ihren Angaben zufolge", "nach seinen Worten"): they
   * refer back to the source named last, and a name after them in the sentence (the leader
   * who sent the troops) is what the source spoke of, not the source. */
  ownWords?: readonly string[];
  /** Pronouns that stand for a person, whole words ("er", "он", "він"): a verb of saying with
   * one of them ("sagte er weiter") speaks for the person named last, not for an outlet. */
  personPronouns?: readonly string[];
  /** Endings of title nouns, lower-case ("minister", "sprecher", "experte"): a capitalised
   * word that ends in one, then two capitalised name words ("Verteidigungsminister Boris
   * Pistorius"), names a person the claimant table need not know. Only for scripts whose
   * names are written as the claimant's canonical name is (Latin). */
  personTitles?: readonly string[];
  /** Words before a number that make it a part of a whole just named ("из них", "з них"). */
  partBefore?: readonly string[];
  /** Words that open a reported clause after a verb of saying ("что", "що", "dass"): a name
   * right after "сообщил, что" is the subject of what was said, not the one who says it. */
  complementisers?: readonly string[];
  /** Words after a personnel noun that say what the people are for ("для розмінування"). */
  unitPurpose?: readonly { stem: string; unit: Unit }[];
  /**
   * A post named without its holder ("заместитель начальника ГУР"), with the canonical name of
   * who holds it: when the story names that holder, the post's words credit the holder, not
   * the body (the English table's `office`). A deputy's post is listed before its chief's,
   * whose words it contains.
   */
  offices?: readonly { stem: string; holder: string }[];
  /** A claimant directly after these words is a destination, not a source ("nach", "в"). */
  destinationBefore: readonly string[];
  /** A claimant directly followed by these is a destination (Korean particles "에", "에게"). */
  destinationAfter: readonly string[];
  /** Dates: chrono-node's parser for this language, when it has one; Korean has own rules. */
  chrono?: 'de' | 'ru' | 'uk';
  /** Words (stems) that must be in a sentence before chrono is asked: months, weekdays, …. */
  dateTriggers: readonly string[];
  /** Words for "one" that count only before an increment word ("ein weiterer Soldat"). */
  articleOne?: readonly string[];
  /**
   * Words that say the counted people lived through it ("выжили", "überlebt", "생존"): "two
   * soldiers who were wounded but survived" in a story about their capture counts captives,
   * not casualties.
   */
  survived?: readonly string[];
  /**
   * Words of a memorial ("Porträts", "Gedenkwand", "портреты", "초상화"): the dead a memorial
   * counts, with no source named, are North Korea's own count (it put up the memorial).
   */
  memorial?: readonly string[];
  /** Phrases after a materiel noun that make Russia the giver ("контейнеров … от России"):
   * what North Korea receives is not what it supplies. */
  fromRussia?: readonly string[];
  /** Verbs of receiving ("отримав", "получил", "erhielt"): with North Korea as their subject
   * ("Пхеньян отримав 9 тисяч контейнерів допомоги"), the materiel went to it, not from it. */
  receiving?: readonly string[];
  /** Words that, with the noun after them, make the next number a count per item ("in jedem
   * Container 300 bis 500 Granaten", "в каждом контейнере"): a capacity, not a figure. */
  perItem?: readonly string[];
  /** Words right before a number that make it the count an addition joins ("в дополнение к
   * 11 тысячам", "на додаток до"): the earlier total, never an increment. */
  baseBefore?: readonly string[];
  /** Words of firing ("발사", "쏘았"): materiel counted in the clause they end was used, not
   * supplied. */
  fired?: readonly string[];
  /** Words before a force that make it the enemy fought ("gegen", "против"), not the side
   * the number counts. */
  opponentBefore?: readonly string[];
  /** The pack's script is Latin: the shared table's English spellings of people's names
   * ("Volodymyr Zelenskyy", "Budanov") are read too, as stories often keep them. */
  latinNames?: boolean;
  /**
   * Case endings a claimant's name takes (Russian, Ukrainian): an alias written in one case
   * ("Південна Корея") also matches the others ("у Південній Кореї") once its words lose them.
   */
  caseEndings?: readonly string[];
  /** Sentence openings that say what the sentence before was about ("Речь идет о", "Мова
   * йде про", "Es handelt sich um"): its numbers take that sentence's metric. */
  specifies?: readonly string[];
  /** Words in a number's clause that say what the people counted do ("строительными
   * работами", "розмінуванні"): a count of troops is then of workers or deminers. A `branch`
   * word names the arm the people belong to ("инженерных войск"): what the clause says they
   * do ("восстановлением инфраструктуры") names them before it. A `soft` word (rebuilding)
   * renames only people the noun does not call soldiers: a nationality ("5 тисяч
   * північнокорейців … до відбудови") or an arm; "10 тысяч военных для восстановления" stay
   * troops. */
  unitRole?: readonly { stem: string; unit: Unit; branch?: boolean; soft?: boolean }[];
  /** First-person words ("наші воїни", "unsere"): a paragraph of them without a named source
   * is a quotation of the speaker named in the next or previous paragraph. */
  firstPerson?: readonly string[];
  /** Nouns of estimate before a source and its number ("оценка Белого дома в 3000",
   * "Schätzung des Pentagons von 3.000"): that source gives that number. */
  estimateNouns?: readonly string[];
  /** Words that make the number after them vague ("mehrere hundert", "несколько тысяч"). */
  vagueBefore?: readonly string[];
  /**
   * Two words before a number that make it the size of each of several groups, no count
   * ("in kleinen Gruppen von 20 bis 40 Menschen"); a hedge may stand between ("von rund 50").
   */
  groupsOfBefore?: readonly string[];
  /** Letters news texts may write plainly ("ä" as "a" or "ae"): stems match either way. */
  letterVariants?: Readonly<Record<string, readonly string[]>>;
  /**
   * Korean news writes one sentence a line: lines are not paragraphs for attribution, so a
   * sentence without a source takes the nearest sourced sentence of the same block of lines.
   */
  linesAreSentences?: boolean;
  /** Words right after a number's counter that make it the whole of a part counted next
   * ("1만 명 중 사상자 4천 명", "1만 명 가운데"): the whole is deployed or supplied. */
  wholeAfter?: readonly string[];
  /**
   * Relative pronouns, whole words ("die", "которые", "які"): after a comma right behind the
   * counted noun they open a clause about those people ("300 Soldaten, die … geschickt wurden,
   * seien getötet worden"), whose verb is not what happened to the number.
   */
  relativePronouns?: readonly string[];
  /** Relative words of place, whole words ("wo", "где", "де"): a clause after the number that
   * they open is about the place, not the side of the people counted. */
  placeRelatives?: readonly string[];
  /** Words that join names, whole words ("und", "и", "та"): two countries so joined as a
   * source ("nach Angaben der USA und Südkoreas") are one joint source. */
  andWords?: readonly string[];
  /** Sentence openings that recall the story's own earlier reports ("Wie berichtet", "Ранее
   * сообщалось", "Як повідомлялося"): such a sentence takes no source from its neighbours. */
  earlierReports?: readonly string[];
  /** Words of going home ("zurückgekehrt", "вернулись", "повернулися") or of running away
   * ("geflohen", "сбежали"): people counted as back in North Korea or gone from their unit,
   * with no word of sending in their clause, are no deployment. */
  returned?: readonly string[];
  /** Nationality adjectives (stems) and their English words ("südkoreanisch": "South
   * Korean"): two or more joined before an intelligence noun are one joint source. */
  nationalities?: readonly { stem: string; english: string }[];
  /** Nouns (stems) of intelligence services ("geheimdienst", "разведк") for joint sources. */
  intelligenceNouns?: readonly string[];
  /** Nouns (stems) of sources in general ("Quellen", "источник", "джерел"): several
   * countries' adjectives joined before one are a joint source too ("südkoreanischen und
   * westlichen Quellen zufolge"). */
  sourceNouns?: readonly string[];
}

/** Every field of `T`, the ones it may leave out included (as undefined). */
type AllFields<T> = { [K in keyof Required<T>]: T[K] };

/**
 * A copy of a pack with every field present, in one order: each language's pack is its own
 * object literal with its own fields, so code reading a pack field met four object shapes and
 * was compiled anew (or deoptimised) when the language changed; the copies share one shape.
 */
export function uniformPack(pack: LanguagePack): LanguagePack {
  const n = pack.numbers;
  const numbers: AllFields<LanguagePack['numbers']> = {
    thousands: n.thousands,
    decimal: n.decimal,
    multipliers: n.multipliers,
    words: n.words,
    afterHedge: n.afterHedge,
    compoundWords: n.compoundWords,
  };
  const out: AllFields<LanguagePack> = {
    language: pack.language,
    script: pack.script,
    numbers,
    hedgesBefore: pack.hedgesBefore,
    hedgesAfter: pack.hedgesAfter,
    rangeJoiners: pack.rangeJoiners,
    rangeOpeners: pack.rangeOpeners,
    incrementBefore: pack.incrementBefore,
    incrementAfter: pack.incrementAfter,
    counters: pack.counters,
    notCounters: pack.notCounters,
    comparisonsAfter: pack.comparisonsAfter,
    heldAfter: pack.heldAfter,
    perDay: pack.perDay,
    everyDayAfter: pack.everyDayAfter,
    units: pack.units,
    skippableEndings: pack.skippableEndings,
    skipWords: pack.skipWords,
    placeOrAgent: pack.placeOrAgent,
    participlePlaces: pack.participlePlaces,
    thisSaidOpenings: pack.thisSaidOpenings,
    cueJoins: pack.cueJoins,
    ministryWords: pack.ministryWords,
    notUnits: pack.notUnits,
    exchange: pack.exchange,
    auxiliaries: pack.auxiliaries,
    bareFollowers: pack.bareFollowers,
    wholeBefore: pack.wholeBefore,
    partOfWhole: pack.partOfWhole,
    fractions: pack.fractions,
    metrics: pack.metrics,
    dprk: pack.dprk,
    otherSuppliers: pack.otherSuppliers,
    russia: pack.russia,
    russiaTroops: pack.russiaTroops,
    otherTroops: pack.otherTroops,
    genericHeads: pack.genericHeads,
    nonFigureAfter: pack.nonFigureAfter,
    nonFigureBefore: pack.nonFigureBefore,
    yearBefore: pack.yearBefore,
    victims: pack.victims,
    doubt: pack.doubt,
    visitors: pack.visitors,
    claimants: pack.claimants,
    attribution: pack.attribution,
    citing: pack.citing,
    backReference: pack.backReference,
    unnamed: pack.unnamed,
    sourcePrepositions: pack.sourcePrepositions,
    otherSources: pack.otherSources,
    crossLinks: pack.crossLinks,
    continuation: pack.continuation,
    anaphors: pack.anaphors,
    ownWords: pack.ownWords,
    gapPrepositions: pack.gapPrepositions,
    personPronouns: pack.personPronouns,
    personTitles: pack.personTitles,
    partBefore: pack.partBefore,
    complementisers: pack.complementisers,
    unitPurpose: pack.unitPurpose,
    offices: pack.offices,
    destinationBefore: pack.destinationBefore,
    destinationAfter: pack.destinationAfter,
    chrono: pack.chrono,
    dateTriggers: pack.dateTriggers,
    articleOne: pack.articleOne,
    survived: pack.survived,
    memorial: pack.memorial,
    fromRussia: pack.fromRussia,
    receiving: pack.receiving,
    perItem: pack.perItem,
    baseBefore: pack.baseBefore,
    fired: pack.fired,
    opponentBefore: pack.opponentBefore,
    latinNames: pack.latinNames,
    caseEndings: pack.caseEndings,
    specifies: pack.specifies,
    unitRole: pack.unitRole,
    firstPerson: pack.firstPerson,
    estimateNouns: pack.estimateNouns,
    vagueBefore: pack.vagueBefore,
    groupsOfBefore: pack.groupsOfBefore,
    letterVariants: pack.letterVariants,
    linesAreSentences: pack.linesAreSentences,
    wholeAfter: pack.wholeAfter,
    relativePronouns: pack.relativePronouns,
    placeRelatives: pack.placeRelatives,
    andWords: pack.andWords,
    earlierReports: pack.earlierReports,
    returned: pack.returned,
    nationalities: pack.nationalities,
    intelligenceNouns: pack.intelligenceNouns,
    sourceNouns: pack.sourceNouns,
  };
  return out;
}
