/**
 * Sentence splitting: `Intl.Segmenter` (ICU rules, no dependency) plus a merge step for the
 * abbreviations ICU splits after ("Gen. Oleksandr Syrskyi", "Dec. 19", "the U.S. Department").
 * Lines are paragraphs; a line that ends mid-sentence and continues in lower case is a hard
 * wrap and is joined to the next.
 */

import type { Lexicon } from './lexicon.ts';
import { LEXICON_EN } from './lexicon-en.ts';

/** One sentence with its offsets in the original text. */
/**
 * A list item: a line opening on a bullet ("• North Korea has delivered …"). The items under a
 * sentence that names its source say what that source said.
 */
export const LIST_ITEM = /^\s*[\u2022\u25AA\u25CF\u2023\u2043]\s/u;

export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (non-empty line group) the sentence belongs to. */
  paragraph: number;
  /** Index of the sentence in the text. */
  index: number;
}

interface AbbreviationSets {
  always: Set<string>;
  initialisms: Set<string>;
  openers: Set<string>;
}

const abbreviationCache = new WeakMap<Lexicon, AbbreviationSets>();
const segmenterCache = new Map<string, Intl.Segmenter>();

function abbreviationsFor(lexicon: Lexicon): AbbreviationSets {
  const cached = abbreviationCache.get(lexicon);
  if (cached) return cached;
  const sets: AbbreviationSets = {
    always: new Set(lexicon.abbreviations.always.map((a) => a.toLowerCase())),
    initialisms: new Set(lexicon.abbreviations.initialisms.map((a) => a.toLowerCase())),
    openers: new Set(lexicon.abbreviations.sentenceOpeners),
  };
  abbreviationCache.set(lexicon, sets);
  return sets;
}

function segmenterFor(language: string): Intl.Segmenter {
  let seg = segmenterCache.get(language);
  if (!seg) {
    seg = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenterCache.set(language, seg);
  }
  return seg;
}

interface Span {
  start: number;
  end: number;
}

/** Paragraph spans: non-empty lines, with hard-wrapped lines joined. */
function paragraphs(text: string): Span[] {
  const lines: Array<Span & { afterBlank: boolean }> = [];
  let pos = 0;
  let blank = false;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const raw = text.slice(pos, nl);
    const trimmed = raw.trim();
    const s = pos + (raw.length - raw.trimStart().length);
    const e = s + trimmed.length;
    if (e > s) {
      lines.push({ start: s, end: e, afterBlank: blank });
      blank = false;
    } else {
      blank = true;
    }
    pos = nl + 1;
  }
  const out: Span[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev && !line.afterBlank) {
      const lastChar = text[prev.end - 1]!;
      const firstChar = text[line.start]!;
      const midSentence = !/[.!?:;"”'’)\]]/.test(lastChar);
      if (midSentence && /\p{Ll}/u.test(firstChar)) {
        prev.end = line.end;
        continue;
      }
    }
    out.push({ start: line.start, end: line.end });
  }
  return out;
}

function lastWord(text: string): string {
  // A backwards scan: `/(\S+)\s*$/` is quadratic on long sentences.
  let e = text.length;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  let s = e;
  while (s > 0 && !/\s/.test(text[s - 1]!)) s--;
  return text.slice(s, e).replace(/^[("“'‘[]+/, '');
}

function firstWord(text: string): string {
  const m = /^\s*[("“'‘[]*([^\s,;:]+)/.exec(text);
  return m ? m[1]! : '';
}

/** Whether a quotation opened in the text is still open at its end. */
function quoteOpen(text: string): boolean {
  let straight = 0;
  let curly = 0;
  for (const ch of text) {
    if (ch === '"') straight++;
    else if (ch === '\u201C') curly++;
    else if (ch === '\u201D') curly--;
  }
  return straight % 2 === 1 || curly > 0;
}

function shouldJoin(prev: string, next: string, sets: AbbreviationSets): boolean {
  // '"How many died? Nobody knows," a lawmaker said.': a question inside an open quote.
  if (/[?!]$/.test(prev) && quoteOpen(prev)) return true;
  const word = lastWord(prev);
  if (!word.endsWith('.')) return false;
  const lower = word.toLowerCase();
  if (sets.always.has(lower)) return true;
  const nextWord = firstWord(next);
  if (sets.initialisms.has(lower) || /^\p{Lu}\.$/u.test(word)) {
    if (nextWord === '') return false;
    if (/^[\p{Ll}\d]/u.test(nextWord)) return true;
    return !sets.openers.has(nextWord);
  }
  return false;
}

/**
 * A sentence end with no space after it ("… sent by Pyongyang.A defense official said"): text
 * scraped from pages often loses the space between two sentences, and ICU does not split there.
 * Two lower-case letters before the stop and a capitalised word after it keep abbreviations
 * ("U.S.Army") and domain names ("yonhap.co.kr") whole.
 */
const GLUED_END = /\p{Ll}\p{Ll}[.!?](?=\p{Lu}\p{Ll}*\s)/u;
const GLUED_ENDS = new RegExp(GLUED_END.source, 'gu');

/** A piece of a paragraph split again at sentence ends that lost their space. */
function unglue(body: string, piece: Span): Span[] {
  const text = body.slice(piece.start, piece.end);
  if (!GLUED_END.test(text)) return [piece];
  const out: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(GLUED_ENDS)) {
    // The match is the two letters before the stop and the stop itself.
    out.push({ start: piece.start + from, end: piece.start + m.index + 3 });
    from = m.index + 3;
  }
  out.push({ start: piece.start + from, end: piece.end });
  return out;
}

/**
 * Splits text into sentences with their offsets and paragraph numbers. Never throws; an empty
 * or blank text has no sentences.
 */
export function splitSentences(text: string, lexicon: Lexicon = LEXICON_EN): Sentence[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const sets = abbreviationsFor(lexicon);
  const segmenter = segmenterFor(lexicon.language);
  const out: Sentence[] = [];
  const paras = paragraphs(text);
  const bodies: string[] = [];
  // Joined hard-wrapped lines: ICU always breaks at a line feed, so segment a copy with the
  // feeds as spaces (same length) and slice the original. No sentence end inside (a headline,
  // a short line): one sentence, no segmenter.
  const flats: Array<string | null> = [];
  for (let p = 0; p < paras.length; p++) {
    const body = text.slice(paras[p]!.start, paras[p]!.end);
    bodies.push(body);
    flats.push(
      !/[.!?\u3002\uFF01\uFF1F]["\u201D'\u2019)\]]*\s/u.test(body) && !GLUED_END.test(body)
        ? null
        : body.replace(/[\r\n]/g, ' '),
    );
  }
  // One segmenter call for every paragraph that needs one, joined by line feeds: ICU breaks
  // after each, and no rule looks across one, so a paragraph's sentences are the starts inside
  // it (as in the pack reader's `segmentStarts`); each call clones ICU's iterator.
  const joined = flats.filter((f) => f !== null).join('\n');
  const starts: number[] = [];
  if (joined !== '') for (const seg of segmenter.segment(joined)) starts.push(seg.index);
  let j = 0;
  let offset = 0;
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p]!;
    const body = bodies[p]!;
    const flat = flats[p] ?? null;
    const pieces: Span[] = [];
    if (flat === null) {
      out.push({ text: body, start: para.start, end: para.end, paragraph: p, index: out.length });
      continue;
    }
    const to = offset + flat.length;
    while (j < starts.length && starts[j]! < offset) j++;
    for (; j < starts.length && starts[j]! < to; j++) {
      const segment = flat.slice(starts[j]! - offset, Math.min(starts[j + 1] ?? to, to) - offset);
      const s = starts[j]! - offset + (segment.length - segment.trimStart().length);
      const e = s + segment.trim().length;
      if (e <= s) continue;
      const prev = pieces[pieces.length - 1];
      if (prev && shouldJoin(body.slice(prev.start, prev.end), body.slice(s, e), sets)) {
        prev.end = e;
      } else {
        pieces.push({ start: s, end: e });
      }
    }
    offset = to + 1;
    for (const piece of pieces.flatMap((x) => unglue(body, x))) {
      const start = para.start + piece.start;
      const end = para.start + piece.end;
      out.push({
        text: text.slice(start, end),
        start,
        end,
        paragraph: p,
        index: out.length,
      });
    }
  }
  return out;
}
