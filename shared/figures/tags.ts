/**
 * Story tags: whether a story is about the North Korea–Russia military relationship and why,
 * which metrics it reports, who it quotes, which places it names, and its language. Feeds and
 * alerts use them to file a story even when it carries no new figure.
 */

import type { Figure, Metric, StoryTags } from '../types.ts';
import { SCRIPT_LANGUAGES, STOPWORDS, UNDETERMINED } from './languages.ts';
import type { Lexicon } from './lexicon.ts';
import { LEXICON_EN } from './lexicon-en.ts';
import { markersWithPack } from './multilingual/index.ts';
import { buildPhraseTable, findAll, type PhraseTable, tokenize } from './tokens.ts';

/** What {@link tagStory} reads. */
export interface TagInput {
  title: string;
  text: string;
  figures: Figure[];
  /** The declared language; guessed from the text when absent. */
  language?: string | null;
  lexicon?: Lexicon;
}

interface TagTables {
  dprk: PhraseTable<true>;
  russia: PhraseTable<true>;
  military: PhraseTable<string>;
  places: PhraseTable<string>;
}

const cache = new WeakMap<Lexicon, TagTables>();

function tablesFor(lex: Lexicon): TagTables {
  const cached = cache.get(lex);
  if (cached) return cached;
  const n = lex.numbers;
  const tables: TagTables = {
    dprk: buildPhraseTable(
      [...lex.dprkMarkers].map((p) => [p, true] as const),
      n,
    ),
    russia: buildPhraseTable(
      lex.russiaMarkers.map((p) => [p, true] as const),
      n,
    ),
    military: buildPhraseTable(
      lex.militaryTerms.map((p) => [p, p] as const),
      n,
    ),
    places: buildPhraseTable(Object.entries(lex.places), n),
  };
  cache.set(lex, tables);
  return tables;
}

/**
 * A cheap language guess: the script for non-Latin text, else the Latin-script language whose
 * function words are most frequent; `und` when nothing tells.
 */
export function guessLanguage(text: string): string {
  if (typeof text !== 'string' || text.trim() === '') return UNDETERMINED;
  const sample = text.slice(0, 4000);
  let latin = 0;
  let other = 0;
  for (const ch of sample) {
    if (/\p{Script=Latin}/u.test(ch)) latin++;
    else if (/\p{L}/u.test(ch)) other++;
  }
  if (other > latin) {
    for (const { pattern, language } of SCRIPT_LANGUAGES) if (pattern.test(sample)) return language;
    return UNDETERMINED;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = UNDETERMINED;
  let bestCount = 0;
  for (const [language, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    let count = 0;
    for (const w of words) if (set.has(w)) count++;
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return bestCount >= 2 ? best : UNDETERMINED;
}

function distinct<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/**
 * Tags one story. A story is relevant when it reports a North Korean figure, or names North
 * Korea and Russia together with military words; the reason says which, in words.
 */
export function tagStory(input: TagInput): StoryTags {
  const lexicon = input.lexicon ?? LEXICON_EN;
  const t = tablesFor(lexicon);
  const title = typeof input.title === 'string' ? input.title : '';
  const text = typeof input.text === 'string' ? input.text : '';
  const figures = Array.isArray(input.figures) ? input.figures : [];
  const whole = `${title}\n${text}`;
  const declaredLanguage = typeof input.language === 'string' ? input.language.trim() : '';
  const tokens = tokenize(whole, lexicon.numbers);
  // Korean, Ukrainian, Russian and German stories are read with their language pack's words
  // (the figures, metrics and claimants come from the pack reader already).
  const pack = input.lexicon
    ? null
    : markersWithPack(whole, declaredLanguage !== '' ? declaredLanguage : guessLanguage(whole));
  const namesDprk = pack ? pack.namesDprk : findAll(tokens, 0, tokens.length, t.dprk).length > 0;
  const namesRussia = pack
    ? pack.namesRussia
    : findAll(tokens, 0, tokens.length, t.russia).length > 0;
  const military = pack
    ? pack.military
    : distinct(findAll(tokens, 0, tokens.length, t.military).map((m) => m.value));
  const places = distinct(findAll(tokens, 0, tokens.length, t.places).map((m) => m.value));
  const kp = figures.filter((f) => (f.side || 'KP') === 'KP');
  const metrics: Metric[] = distinct(kp.map((f) => f.metric));
  const claimants = distinct(
    figures.map((f) => f.claimant).filter((c): c is string => typeof c === 'string' && c !== ''),
  );

  let relevant: boolean;
  let reason: string;
  if (kp.length > 0) {
    relevant = true;
    const n = kp.length;
    reason = `reports ${n} North Korea–Russia figure${n === 1 ? '' : 's'} (${metrics.join(', ')})`;
  } else if (namesDprk && namesRussia && military.length > 0) {
    relevant = true;
    reason = `names North Korea and Russia with military terms (${military.slice(0, 4).join(', ')})`;
  } else if (!namesDprk) {
    relevant = false;
    reason = 'does not name North Korea';
  } else if (!namesRussia) {
    relevant = false;
    reason = 'names North Korea but not Russia';
  } else {
    relevant = false;
    reason = 'names North Korea and Russia but nothing military';
  }

  const declared = typeof input.language === 'string' ? input.language.trim() : '';
  return {
    relevant,
    reason,
    metrics,
    claimants,
    places,
    language: declared !== '' ? declared : guessLanguage(whole),
  };
}
