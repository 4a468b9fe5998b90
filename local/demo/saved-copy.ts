/**
 * Reads the demo articles, written as if saved from the web: each file starts with whatever page
 * chrome the copy caught (a section label, "Skip to content", a byline with a reading time, a photo
 * caption) and may end with more ("Source link", "Leave a Reply", a news ticker, a subscribe
 * form). The demo serves title and body in its own page chrome, so they are separated here.
 */

const TERMINAL_PUNCTUATION = /[.!?"”’)]$/;

function words(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** A short line with no sentence punctuation: a section label, a UI word, a headline. */
function isLabel(line: string, maxWords: number): boolean {
  return words(line) <= maxWords && !TERMINAL_PUNCTUATION.test(line);
}

/** "… on Feb. 16, 2019, for a ceremony … (Photo: claimwatch demo archive)" */
const CAPTION_RE =
  /\((?:[^()]*\b(?:getty images|afp|reuters|ap photo|photo|image|via|credit)\b[^()]*)\)$/i;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** "by Oksana Hrytsenko December 23, 2024 at 6:40 PM · 2 min read" → "Oksana Hrytsenko". */
const BYLINE_RE = new RegExp(`^by\\s+(.+?)(?:\\s+${MONTH}\\s+\\d.*|\\s+\\d+\\s*min read.*)?$`, 'i');

/** Lines after which nothing belongs to the article. */
const END_MARKER_RE =
  /^(source link|leave a reply|news feed|more news|editors'? picks|back to top( button)?|comments|share this( article)?)$/i;

/** A heading that introduces a list of other stories' headlines inside the text. */
const RELATED_HEADING_RE = /^(related stories|related|read more|see also|more stories)$/i;

/** " | news" and similar site suffixes on a copied headline. */
function stripSiteSuffix(headline: string): string {
  return headline.replace(/\s+[|–—]\s+[^|–—]{1,30}$/, '').trim();
}

/**
 * A headline for a copy that has none: the lede's first clause without its dateline
 * ("SEOUL, South Korea – More than 3,000 … said on Monday, as Seoul warned …" → "More than
 * 3,000 … said on Monday").
 */
export function titleFromLede(lede: string): string {
  const withoutDateline = lede.replace(
    /^[A-Z][A-Za-z .'-]*(?:,\s*[A-Z][A-Za-z .'-]*)?\s+[–—-]\s+/,
    '',
  );
  const sentence = withoutDateline.split(/(?<=[.!?])\s+/)[0];
  const clause = sentence.split(/,\s+(?:while|as|but|after|which|and)\b/)[0];
  return clause.replace(/[.!?]+$/, '').trim();
}

/** A demo article as the demo serves it. */
export interface SavedCopy {
  title: string;
  /** Paragraphs separated by a blank line. */
  body: string;
  byline?: string;
}

/**
 * Separates a saved article's title, byline and body from the page chrome around them:
 * leading labels, a byline/dateline line, a photo caption and short interface lines before the
 * first paragraph; a related-stories list inside; and everything from an end marker ("Source
 * link", "News Feed") on, plus a trailing teaser for another story.
 */
export function parseSavedCopy(text: string): SavedCopy {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, ''));
  let i = 0;
  while (i < lines.length && (lines[i] === '' || isLabel(lines[i], 3))) i++;

  let title: string;
  const headline = lines[i] ?? '';
  if (words(headline) <= 25) {
    title = stripSiteSuffix(headline);
    i++;
  } else {
    title = titleFromLede(headline);
  }

  let byline: string | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const by = BYLINE_RE.exec(line);
    if (by && words(line) <= 20) {
      byline = by[1].trim();
      continue;
    }
    if (CAPTION_RE.test(line) || isLabel(line, 8)) continue;
    break;
  }

  const bodyLines: string[] = [];
  for (; i < lines.length && !END_MARKER_RE.test(lines[i]); i++) bodyLines.push(lines[i]);

  // A related-stories heading and the headlines listed under it.
  for (let j = 0; j < bodyLines.length; j++) {
    if (!RELATED_HEADING_RE.test(bodyLines[j])) continue;
    let end = j + 1;
    while (end < bodyLines.length && bodyLines[end] !== '' && isLabel(bodyLines[end], 16)) end++;
    bodyLines.splice(j, end - j);
    j--;
  }

  // A teaser for another story closing the copy: a headline line and its blurb, with no blank
  // line between them, where the article's own paragraphs are separated by blank lines.
  while (bodyLines.length > 0 && bodyLines[bodyLines.length - 1] === '') bodyLines.pop();
  const lastBlank = bodyLines.lastIndexOf('');
  if (lastBlank > 0) {
    const block = bodyLines.slice(lastBlank + 1);
    if (block.length >= 2 && isLabel(block[0], 16)) bodyLines.splice(lastBlank);
  }

  const paragraphs = bodyLines.filter((l) => l !== '');
  return { title, body: paragraphs.join('\n\n'), ...(byline ? { byline } : {}) };
}
