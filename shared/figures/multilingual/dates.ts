/**
 * Dates for the pack reader: chrono-node's German, Russian and Ukrainian parsers, without those
 * of a time of day (as the English reader leaves them out, `../dates.ts`), and a small rule set
 * for Korean, which chrono does not read ("12월 23일", "23일" = that day of the published month,
 * "지난달").
 */

import * as chrono from 'chrono-node';
import { isoOf, nearestDate, validPublished } from '../dates.ts';

/** A date found in a sentence, as an ISO date, month or year. */
export interface PackDate {
  start: number;
  end: number;
  iso: string;
}

type ChronoParser = Pick<typeof chrono.casual, 'parse'>;

/**
 * The parsers of chrono 2.x that build a new pattern on every parse: their `innerPattern` makes
 * a new RegExp each time, so chrono's pattern cache, which compares the two, never holds, and
 * the new pattern is compiled again at its first exec (about 0.3 ms per Ukrainian sentence,
 * a tenth of reading a story). Each pattern depends on the parse's `forwardDate` option alone.
 */
const FRESH_PATTERN = new Set([
  'DETimeUnitRelativeFormatParser',
  'DECasualTimeParser',
  'DETimeUnitWithinFormatParser',
  'RUTimeUnitWithinFormatParser',
  'UKTimeUnitWithinFormatParser',
]);

/**
 * A parser of {@link FRESH_PATTERN} that keeps its pattern per `forwardDate` setting; any
 * other parser as it is. A kept pattern without the `g` and `y` flags holds no state between
 * execs, so it matches as each new one would: the same results, read with one pattern.
 */
function keptPattern(parser: chrono.Parser): chrono.Parser {
  if (!FRESH_PATTERN.has(parser.constructor.name)) return parser;
  const kept = new Map<boolean, RegExp>();
  return {
    pattern(context) {
      const forward = Boolean(context.option.forwardDate);
      let re = kept.get(forward);
      if (re === undefined) {
        re = parser.pattern(context);
        if (re.global || re.sticky) return re;
        kept.set(forward, re);
      }
      return re;
    },
    extract: (context, match) => parser.extract(context, match),
  };
}

/**
 * Parsers of a time of day ("о 10:00", "um 14 Uhr", "вечером"): a figure's date needs the day
 * or month, never the hour, and these ran their patterns over every sentence with a word of
 * dates (a sixth of reading a Ukrainian story in a process that reads every language).
 */
const TIME_OF_DAY = /^(?:DE|RU|UK)(?:TimeExpression|SpecificTimeExpression|CasualTime)Parser$/;

/** A language's casual chrono with its date parsers and refiners, patterns kept. */
function casualKept(casual: chrono.Chrono): ChronoParser {
  return new chrono.Chrono({
    parsers: casual.parsers
      // Ukrainian's casual set lists the ISO parser twice; its matches are one.
      .filter(
        (p, i, all) =>
          !TIME_OF_DAY.test(p.constructor.name) &&
          all.findIndex((q) => q.constructor.name === p.constructor.name) === i,
      )
      .map(keptPattern),
    refiners: casual.refiners,
  });
}

const PARSERS: Record<'de' | 'ru' | 'uk', ChronoParser> = {
  de: casualKept(chrono.de.casual),
  ru: casualKept(chrono.ru.casual),
  uk: casualKept(chrono.uk.casual),
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Dates chrono finds in a European-language sentence; only those that name a day or month.
 * `trigger` says whether the sentence has a word of dates at all (chrono is slow).
 */
export function chronoDates(
  sentence: string,
  language: 'de' | 'ru' | 'uk',
  trigger: (sentence: string) => boolean,
  published: string | undefined,
): PackDate[] {
  if (!trigger(sentence)) return [];
  const ref = validPublished(published);
  let results: chrono.ParsedResult[];
  try {
    results = PARSERS[language].parse(
      sentence,
      { instant: ref ?? new Date(), timezone: 0 },
      { forwardDate: false },
    );
  } catch {
    return [];
  }
  const out: PackDate[] = [];
  for (const r of results) {
    if (!/\p{L}/u.test(r.text)) continue;
    const s = r.start;
    if (!(s.isCertain('day') || s.isCertain('weekday') || s.isCertain('month'))) continue;
    if (!ref && !s.isCertain('year')) continue;
    const start = isoOf(s, ref);
    if (!start) continue;
    const end = r.end ? isoOf(r.end, ref) : null;
    out.push({
      start: r.index,
      end: r.index + r.text.length,
      iso: end && end !== start ? `${start}/${end}` : start,
    });
  }
  return out;
}

const KO_FULL = /(?:(\d{4})년\s*)?(\d{1,2})월\s*(\d{1,2})일/gu;
const KO_MONTH = /(?:(\d{4})년\s*)?(\d{1,2})월(?!\s*\d{1,2}일)/gu;
const KO_DAY = /(?<![\d월]\s?)(?<!\d)(\d{1,2})일/gu;
const KO_RELATIVE = /지난달|지난해|작년|이날|오늘/gu;

/**
 * Every match of a global pattern that never matches empty, as `matchAll` lists them, read
 * with an exec loop: `matchAll` clones its pattern on every call, four times a sentence here.
 */
function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m);
  return out;
}

/** The publication date last read by {@link koreanDates}: one story's sentences share it. */
let lastPublished: { published: string | undefined; ref: Date | null } | null = null;

/**
 * Korean dates: "12월 23일" (the year of publication, or the year before when later), "23일"
 * (that day of the published month, or of the month before when later), "10월", "지난달"
 * (the month before publication), "지난해" (the year before), "이날"/"오늘" (the day itself).
 */
export function koreanDates(sentence: string, published: string | undefined): PackDate[] {
  // Read only, never handed out: the same Date serves every sentence of a story.
  if (lastPublished === null || lastPublished.published !== published)
    lastPublished = { published, ref: validPublished(published) };
  const ref = lastPublished.ref;
  const out: PackDate[] = [];
  const refYear = ref?.getUTCFullYear();
  const refMonth = ref ? ref.getUTCMonth() + 1 : undefined;
  const refDay = ref?.getUTCDate();
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && e > a);
  for (const m of execAll(KO_FULL, sentence)) {
    const month = +m[2]!;
    const day = +m[3]!;
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    let year = m[1] ? +m[1] : refYear;
    if (year === undefined) continue;
    if (
      !m[1] &&
      refMonth !== undefined &&
      (month > refMonth || (month === refMonth && day > refDay!))
    )
      year -= 1;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      iso: `${year}-${pad(month)}-${pad(day)}`,
    });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of execAll(KO_MONTH, sentence)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    // "1~2월": a span of months, left undated.
    if (/[~\-–]\s*$/.test(sentence.slice(Math.max(0, m.index - 2), m.index))) continue;
    const month = +m[2]!;
    if (month < 1 || month > 12) continue;
    let year = m[1] ? +m[1] : refYear;
    if (year === undefined) continue;
    if (!m[1] && refMonth !== undefined && month > refMonth) year -= 1;
    out.push({ start: m.index, end: m.index + m[0].length, iso: `${year}-${pad(month)}` });
    taken.push([m.index, m.index + m[0].length]);
  }
  if (ref && refYear !== undefined && refMonth !== undefined && refDay !== undefined) {
    for (const m of execAll(KO_DAY, sentence)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      const day = +m[1]!;
      if (day < 1 || day > 31) continue;
      let year = refYear;
      let month = refMonth;
      if (day > refDay) {
        month -= 1;
        if (month === 0) {
          month = 12;
          year -= 1;
        }
      }
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        iso: `${year}-${pad(month)}-${pad(day)}`,
      });
    }
    for (const m of execAll(KO_RELATIVE, sentence)) {
      let iso: string;
      if (m[0] === '지난달') {
        const month = refMonth === 1 ? 12 : refMonth - 1;
        iso = `${refMonth === 1 ? refYear - 1 : refYear}-${pad(month)}`;
      } else if (m[0] === '지난해' || m[0] === '작년') iso = String(refYear - 1);
      else iso = published!;
      out.push({ start: m.index, end: m.index + m[0].length, iso });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The date nearest to a position in the sentence: the English reader's rule. */
export const nearestPackDate: (dates: readonly PackDate[], position: number) => string | undefined =
  nearestDate;
