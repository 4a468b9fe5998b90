/**
 * Dates in a sentence: which numbers belong to a date (so "Dec. 23" and "December 14-15" are
 * never figures) and what date or period a figure covers (`asOf`). Resolution uses chrono-node
 * with `forwardDate: false` (news reports the past); its results are filtered because chrono
 * also reads plain numbers such as "10,000 to 12,000" or "at 1,100" as times of day.
 */

import * as chrono from 'chrono-node';
import type { Lexicon } from './lexicon.ts';
import { LEXICON_EN } from './lexicon-en.ts';
import { type Token, tokenize } from './tokens.ts';

/** A date or period found in a sentence. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** ISO date (`2024-12-19`), month (`2024-10`), or interval (`2024-12-14/2024-12-15`). */
  iso: string;
}

/** Options for date resolution. */
export interface DateOptions {
  /** Publication date `YYYY-MM-DD`; relative dates ("Monday") are resolved against it. */
  published?: string;
  lexicon?: Lexicon;
}

type ChronoParser = Pick<typeof chrono.casual, 'parse'>;

/**
 * English casual parsing without the time-of-day parsers: `asOf` keeps dates only, and the
 * time-expression parser was the costliest part of extraction (about 2.4 times faster without).
 * Also without the parsers that never changed a date kept here over the corpus and the real dev
 * articles (future offsets such as "three days later", "2024/12/19", "2024 March", "end of this
 * month"): each runs its pattern over every sentence it is given.
 */
const EN_DATES_ONLY = new chrono.Chrono({
  parsers: chrono.casual.parsers.filter(
    (p) =>
      !/^EN(TimeExpression|TimeUnitWithinFormat|CasualTime|TimeUnitLaterFormat|EndOfCurrentMonth|YearMonthName|YearMonthDay|SlashMonthFormat)Parser$/.test(
        p.constructor.name,
      ),
  ),
  refiners: chrono.casual.refiners,
});

const PARSERS: Record<string, ChronoParser> = {
  en: EN_DATES_ONLY,
  de: chrono.de.casual,
  fr: chrono.fr.casual,
  es: chrono.es.casual,
  pt: chrono.pt.casual,
  nl: chrono.nl.casual,
  ru: chrono.ru.casual,
  uk: chrono.uk.casual,
  ja: chrono.ja.casual,
  zh: chrono.zh.casual,
};

/**
 * When an English sentence can hold a date chrono keeps: a capitalised month or weekday ("may"
 * and "march" are verbs, "sat" is not Saturday), a day word, or "last", "this" or "past"
 * before a period ("over the past three months"). The word list of the lexicon alone sent every
 * sentence with "this" or "past" through chrono, the costliest step of extraction.
 */
function englishTrigger(lexicon: Lexicon): RegExp {
  const names = [...lexicon.nonFigure.months, ...lexicon.dates.weekdays]
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('|');
  return new RegExp(
    [
      String.raw`(?<![\p{L}])(?:${names})(?![\p{L}])`,
      String.raw`(?<![\p{L}])(?:[Tt]oday|[Yy]esterday|[Tt]onight|ago)(?![\p{L}])`,
      String.raw`(?<![\p{L}])(?:[Ll]ast|[Tt]his|[Pp]ast)\s+(?:\p{L}+\s+)?(?:week|weeks|weekend|month|months|year|years|day|days|morning|afternoon|evening|night|spring|summer|autumn|fall|winter|quarter|decade|fortnight)(?![\p{L}])`,
    ].join('|'),
    'u',
  );
}

interface DateSets {
  months: Set<string>;
  rangeWords: Set<string>;
  trigger: RegExp;
  /** A word before a date that makes it the start of a period running to the story's date. */
  since: RegExp;
}

const setsCache = new WeakMap<Lexicon, DateSets>();

function setsFor(lexicon: Lexicon): DateSets {
  const cached = setsCache.get(lexicon);
  if (cached) return cached;
  const words = [...lexicon.nonFigure.months, ...lexicon.dates.weekdays, ...lexicon.dates.relative]
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .sort((a, b) => b.length - a.length);
  const sets: DateSets = {
    months: new Set(lexicon.nonFigure.months),
    rangeWords: new Set(lexicon.dates.rangeWords),
    trigger:
      lexicon.language === 'en'
        ? englishTrigger(lexicon)
        : new RegExp(`(?<![\\p{L}])(?:${words.join('|')})(?![\\p{L}])`, 'iu'),
    since: new RegExp(`(?<![\\p{L}])(?:${lexicon.dates.since.join('|')})\\s+$`, 'iu'),
  };
  setsCache.set(lexicon, sets);
  return sets;
}

function isDayNumber(tok: Token | undefined): boolean {
  return tok !== undefined && tok.kind === 'num' && /^\d{1,2}$/.test(tok.text) && +tok.text <= 31;
}

function isYear(tok: Token | undefined): boolean {
  return tok !== undefined && tok.kind === 'num' && /^(1[89]|2[01])\d\d$/.test(tok.text);
}

function isMonth(tok: Token | undefined, months: Set<string>): boolean {
  // Capitalised only, so the verb "may" is not May.
  return (
    tok !== undefined && tok.kind === 'word' && /^\p{Lu}/u.test(tok.text) && months.has(tok.lower)
  );
}

/**
 * Token ranges `[start, end)` that are calendar dates ("Dec. 23", "December 14-15",
 * "23 December 2024", "October 2024"). Numbers inside them are never figures.
 */
export function findDateTokenSpans(
  tokens: readonly Token[],
  lexicon: Lexicon = LEXICON_EN,
): Array<[number, number]> {
  const { months, rangeWords } = setsFor(lexicon);
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isMonth(tokens[i], months)) continue;
    let s = i;
    let e = i + 1;
    if (tokens[e]?.text === '.') e++;
    if (isDayNumber(tokens[e])) {
      e++;
      if (rangeWords.has(tokens[e]?.lower ?? '') && isDayNumber(tokens[e + 1])) e += 2;
    }
    if (tokens[e]?.text === ',' && isYear(tokens[e + 1])) e += 2;
    else if (isYear(tokens[e])) e++;
    if (isDayNumber(tokens[i - 1])) {
      s = i - 1;
      if (rangeWords.has(tokens[s - 1]?.lower ?? '') && isDayNumber(tokens[s - 2])) s -= 2;
    }
    spans.push([s, e]);
    i = e - 1;
  }
  return spans;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

type Components = chrono.ParsedComponents;

/**
 * A chrono result as an ISO date, month or year, resolved against the publication date; shared
 * with the language packs' reader.
 */
export function isoOf(c: Components, ref: Date | null): string | null {
  let year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  if (year === null) return null;
  if (ref && !c.isCertain('year') && month !== null) {
    // A month or day without a year is in the past of the story ("In October", read in April).
    const refMonth = ref.getUTCMonth() + 1;
    const refDay = ref.getUTCDate();
    const refYear = ref.getUTCFullYear();
    const later =
      month > refMonth || (month === refMonth && c.isCertain('day') && (day ?? 0) > refDay);
    if (year === refYear && later) year = refYear - 1;
  }
  const dayKnown = c.isCertain('day') || c.isCertain('weekday');
  if (dayKnown && month !== null && day !== null)
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (c.isCertain('month') && month !== null) return `${pad(year, 4)}-${pad(month)}`;
  if (c.isCertain('year')) return pad(year, 4);
  return null;
}

/** The publication date as a reference instant, or null when it is not `YYYY-MM-DD`. */
export function validPublished(published: string | undefined): Date | null {
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return null;
  const d = new Date(`${published}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The dates and periods in one sentence, resolved against the publication date. Without a
 * publication date only dates that give their year are returned. Never throws.
 */
export function findDates(sentence: string, opts: DateOptions = {}): DateMention[] {
  if (typeof sentence !== 'string' || sentence.length === 0) return [];
  const lexicon = opts.lexicon ?? LEXICON_EN;
  const { trigger, since } = setsFor(lexicon);
  if (!trigger.test(sentence)) return [];
  const parser = PARSERS[lexicon.language] ?? PARSERS.en!;
  const ref = validPublished(opts.published);
  let results: chrono.ParsedResult[];
  try {
    results = parser.parse(
      sentence,
      { instant: ref ?? new Date(), timezone: 0 },
      {
        forwardDate: false,
      },
    );
  } catch {
    return [];
  }
  const out: DateMention[] = [];
  for (const r of results) {
    if (!/\p{L}/u.test(r.text)) continue; // "10,000 to 12,000" read as a time range
    const s = r.start;
    const hasDate = s.isCertain('day') || s.isCertain('weekday') || s.isCertain('month');
    if (!hasDate) continue; // "at 1" read as one o'clock
    if (!ref && !s.isCertain('year')) continue;
    const startIso = isoOf(s, ref);
    if (!startIso) continue;
    let endIso = r.end ? isoOf(r.end, ref) : null;
    // "since August 2023": the period from then to the story's date.
    if (!endIso && ref && since.test(sentence.slice(Math.max(0, r.index - 12), r.index))) {
      endIso = opts.published ?? null;
    }
    out.push({
      start: r.index,
      end: r.index + r.text.length,
      text: r.text,
      iso: endIso && endIso !== startIso ? `${startIso}/${endIso}` : startIso,
    });
  }
  return out;
}

/**
 * The date a figure in this sentence covers: the date mention nearest to `position`
 * (a character offset in the sentence), or undefined.
 */
export function resolveAsOf(
  sentence: string,
  position: number,
  opts: DateOptions = {},
): string | undefined {
  return nearestDate(findDates(sentence, opts), position);
}

/** The date mention nearest to `position`, as its ISO form, or undefined. */
export function nearestDate(
  dates: readonly Pick<DateMention, 'start' | 'end' | 'iso'>[],
  position: number,
): string | undefined {
  let best: Pick<DateMention, 'start' | 'end' | 'iso'> | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const d of dates) {
    const distance = position < d.start ? d.start - position : Math.max(0, position - d.end);
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  return best?.iso;
}

/** Tokenises a sentence with the lexicon's number rules; a convenience for tests. */
export function dateSpansOf(text: string, lexicon: Lexicon = LEXICON_EN): string[] {
  const tokens = tokenize(text, lexicon.numbers);
  return findDateTokenSpans(tokens, lexicon).map(([s, e]) =>
    text.slice(tokens[s]!.start, tokens[e - 1]!.end),
  );
}
