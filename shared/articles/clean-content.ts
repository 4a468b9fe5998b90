/**
 * Our post-processing of Readability's output. Readability picks the right container but keeps
 * what news sites put inside it: captions and photo credits, the byline and dateline again,
 * share/subscribe/newsletter boxes, "Read more" and related-link lists, "Advertisement".
 * Figures mentioned there (a caption's date, a newsletter's price, a related headline's count)
 * must not reach figure extraction, so they go. Every rule is generic: class-name vocabulary,
 * link density, and phrase patterns, never a site's own markup.
 */

/** Words in class names and ids that mark boilerplate inside an article container. */
const BOILERPLATE_CLASS_WORDS = new Set([
  'ad',
  'ads',
  'adslot',
  'advert',
  'advertisement',
  'advertising',
  'author',
  'authors',
  'breadcrumb',
  'breadcrumbs',
  'byline',
  'bylines',
  'caption',
  'captions',
  'comment',
  'comments',
  'credit',
  'credits',
  'dateline',
  'dek',
  'dfp',
  'kicker',
  'newsletter',
  'newsletters',
  'offscreen',
  'outbrain',
  'popular',
  'print',
  'promo',
  'promotion',
  'recirc',
  'recommendation',
  'recommendations',
  'recommended',
  'related',
  'reprints',
  'share',
  'sharebar',
  'sharing',
  'signup',
  'social',
  'sponsor',
  'sponsored',
  'standfirst',
  'strapline',
  'subscribe',
  'subscription',
  'taboola',
  'tags',
  'timestamp',
  'toolbar',
  'trending',
  'widget',
]);

/** Multi-word class names (joined with `-` after splitting) that mark boilerplate. */
const BOILERPLATE_CLASS_PHRASES = [
  'read-more',
  'more-stories',
  'more-news',
  'see-also',
  'also-read',
  'most-read',
  'further-reading',
  'sign-up',
  'sr-only',
  'visually-hidden',
  'screen-reader',
  'image-credit',
  'photo-credit',
  'published-date',
  'publish-date',
  'updated-date',
  'post-date',
  'article-date',
];

/** Tags that never hold article prose inside the chosen container. */
const REMOVE_TAGS = 'nav, aside, form, button, select, input, textarea, label, menu, dialog';

const SOCIAL_EMBED_SELECTOR =
  'blockquote.twitter-tweet, blockquote.twitter-video, blockquote.instagram-media, blockquote.tiktok-embed';

/** "articleLabel dateline__updated" → ["article", "label", "dateline", "updated"]. */
function classWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return raw
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

function hasBoilerplateClass(el: Element): boolean {
  const words = classWords(el);
  if (words.length === 0) return false;
  if (words.some((w) => BOILERPLATE_CLASS_WORDS.has(w))) return true;
  const joined = `-${words.join('-')}-`;
  return BOILERPLATE_CLASS_PHRASES.some((p) => joined.includes(`-${p}-`));
}

/** Words in class names of image, gallery and video wrappers, whose text is captions. */
const MEDIA_CLASS_WORDS = new Set([
  'image',
  'images',
  'img',
  'photo',
  'photos',
  'picture',
  'gallery',
  'slideshow',
  'carousel',
  'lightbox',
]);

function hasMediaClass(el: Element): boolean {
  return MEDIA_CONTAINERS.has(el.localName) && classWords(el).some((w) => MEDIA_CLASS_WORDS.has(w));
}

const MEDIA_CONTAINERS = new Set(['div', 'figure', 'section', 'aside', 'p', 'span']);

function textLength(node: Node): number {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += textLength(a);
  return n;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Prepares the whole document before Readability runs. Social posts quoted in a story (a
 * minister's tweet with a figure in it) are content, but they sit in wrappers named "social…"
 * or "embed…" that Readability drops as unlikely candidates, and their links make them look
 * like link lists; so the wrappers lose those names and the links become plain text.
 */
export function prepareDocument(doc: Document): void {
  for (const quote of doc.querySelectorAll(SOCIAL_EMBED_SELECTOR)) {
    // The post's own links (t.co, hashtags, the date) would make it look like a link list.
    for (const a of [...quote.querySelectorAll('a')]) {
      a.replaceWith(doc.createTextNode(a.textContent ?? ''));
    }
    let el = quote.parentElement;
    for (let depth = 0; el && depth < 4 && el.localName !== 'body'; depth++) {
      if (/social|embed|tweet|twitter|instagram/i.test(`${el.className} ${el.id}`)) {
        el.removeAttribute('class');
        el.removeAttribute('id');
      }
      el = el.parentElement;
    }
  }
}

/**
 * Removes boilerplate elements from Readability's content node, in place. An element is only
 * removed when it holds a small part of the article, so a container with a misleading class
 * name cannot take the story with it.
 */
export function cleanContentNode(content: Element): void {
  const total = Math.max(1, textLength(content));
  const small = (el: Element, share = 0.3) => textLength(el) <= total * share;
  const remove = (el: Element) => el.parentNode?.removeChild(el);
  const isEmbed = (el: Element) =>
    el.matches(SOCIAL_EMBED_SELECTOR) || el.querySelector(SOCIAL_EMBED_SELECTOR) !== null;

  for (const el of [...content.querySelectorAll(REMOVE_TAGS)]) {
    if (small(el)) remove(el);
  }

  // Figures: images with their captions and credits (a table or quoted post stays).
  for (const el of [...content.querySelectorAll('figure, figcaption, picture')]) {
    if (!content.contains(el) || el.querySelector('table') || isEmbed(el)) continue;
    if (small(el, 0.2)) remove(el);
  }

  for (const el of [...content.querySelectorAll('[class], [id]')]) {
    if (!content.contains(el) || el === content || isEmbed(el)) continue;
    if (hasBoilerplateClass(el) && small(el)) remove(el);
    else if (hasMediaClass(el) && small(el, 0.15) && wordCount(el.textContent ?? '') <= 60) {
      remove(el);
    }
  }

  // Lists of links: related stories, tags, breadcrumbs.
  for (const el of [...content.querySelectorAll('ul, ol, dl')]) {
    if (!content.contains(el) || isEmbed(el)) continue;
    const len = textLength(el);
    if (len > 0 && linkTextLength(el) / len >= 0.6 && small(el)) remove(el);
  }

  // A "More stories" / "Related" heading and the list of links under it.
  for (const el of [...content.querySelectorAll('p, h1, h2, h3, h4, h5, h6, div, strong, span')]) {
    if (!content.contains(el) || el.querySelector('p, div, li, table')) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > 60 || !RELATED_HEADING_RE.test(normaliseForMatch(text))) continue;
    const start = el.closest('p, h1, h2, h3, h4, h5, h6, div') ?? el;
    if (!content.contains(start) || start === content) continue;
    let next = start.nextElementSibling;
    remove(start);
    while (next) {
      const after = next.nextElementSibling;
      const len = textLength(next);
      const linky = len > 0 && linkTextLength(next) / len >= 0.3;
      const isList = /^(ul|ol)$/.test(next.localName);
      if (!(isList && linky) && !(linky && wordCount(next.textContent ?? '') <= 25)) break;
      if (!small(next)) break;
      remove(next);
      next = after;
    }
  }

  // Short blocks that are (almost) all link: "Related: …", "Read more", linked headlines.
  for (const el of [...content.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, div')]) {
    if (!content.contains(el) || isEmbed(el) || el.closest(SOCIAL_EMBED_SELECTOR)) continue;
    if (el.querySelector('p, div, li, h1, h2, h3, h4, h5, h6, table')) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (linkTextLength(el) / text.length >= 0.8 && wordCount(text) <= 25) remove(el);
  }
}

/** Headings of related-story boxes, compared lower-cased without punctuation. */
const RELATED_HEADING_RE =
  /^(more (great |top |related |recent )?[\p{L}' ]{0,30}(stories|articles|news|posts|reads|coverage|videos)|more (from|on|in|about) [\p{L}\p{N}' ]{1,40}|related( [\p{L}]+){0,3}|you (may|might) (also )?(like|enjoy|be interested in)|(most|more) (read|popular|viewed|shared)( [\p{L}]+){0,3}|recommended( for you| stories| articles)?|further reading|read (more|next|also)|see also|also read|don't miss|trending( now| stories)?|editor's picks|top stories|latest (news|stories))$/u;

const MONTHS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|' +
  'januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|' +
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre';
const DATE_WORDS = new Set(
  `${MONTHS}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|sexta|feira|am|pm|a|p|m|est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|cest|ist|hst|et|pt|ct|updated|update|published|publish|posted|post|first|last|modified|created|on|at|of|the|de|del|às|à|le|el|um|am|um|uhr|h|th|st|nd|rd|ago|hours|hour|minutes|mins|min|read|reading|time|stand|aktualisiert|veröffentlicht|publié|mis|jour|publicado|actualizado|atualizado|em|en|by|and`.split(
    '|',
  ),
);

const MONTH_SET = new Set(MONTHS.split('|'));

function normaliseForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** "Updated Nov 19, 9:41 AM", "19.11.2019, 08:57", "By X | November 18, 2019 at 2:26 PM". */
function isDateline(block: string, bylineWords: Set<string>): boolean {
  const toks = tokens(block);
  if (toks.length === 0 || toks.length > 24) return false;
  if (!/\d/.test(block)) return false;
  const hasClock = /\b\d{1,2}[:.h]\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b/i.test(block);
  if (!hasClock && !toks.some((t) => MONTH_SET.has(t))) return false;
  let dateish = 0;
  for (const t of toks) {
    if (/^\d+(st|nd|rd|th)?$/.test(t) || DATE_WORDS.has(t) || bylineWords.has(t)) dateish++;
  }
  return dateish / toks.length >= 0.75;
}

/** Whole blocks that are interface text, compared after lower-casing and dropping punctuation. */
const BOILERPLATE_BLOCKS = new Set([
  'ad',
  'ads',
  'advert',
  'advertisement',
  'advertising',
  'sponsored',
  'sponsored content',
  'read more',
  'read more here',
  'read the full story',
  'continue reading',
  'more',
  'more on this',
  'more on this story',
  'related',
  'related articles',
  'related stories',
  'related news',
  'related content',
  'related coverage',
  'related links',
  'related topics',
  'related posts',
  'you may also like',
  'you might also like',
  'we recommend',
  'recommended',
  'recommended for you',
  'trending',
  'trending now',
  'most read',
  'most popular',
  'popular',
  'latest',
  'latest news',
  "don't miss",
  'see more',
  'see also',
  'also read',
  'highlights',
  'comments',
  'comment',
  'post comment',
  'leave a comment',
  'leave a reply',
  'share',
  'share this',
  'share this article',
  'share this story',
  'share on facebook',
  'share on twitter',
  'tweet',
  'email',
  'print',
  'print article',
  'text size',
  'order reprints',
  'reprints',
  'subscribe',
  'sign in',
  'log in',
  'sign up',
  'caption',
  'close',
  'enlarge image',
  'enlarge this image',
  'toggle caption',
  'hide caption',
  'image',
  'photo',
  'video',
  'loading',
  'loading content',
  'view author archive',
  'email the author',
  'follow on twitter',
  'about the author',
  'tags',
  'topics',
  'source link',
  'back to top',
  'skip to content',
  'home',
  'iklan',
  'anzeige',
  'werbung',
  'publicité',
  'publicidad',
  'pubblicità',
  'реклама',
  '广告',
]);

/** Prefixes of short blocks that point elsewhere or credit a picture. */
const BOILERPLATE_PREFIX_RE =
  /^\s*[[(]?\s*(related|read more|read also|also read|read next|see also|see more|more|also|recommended|watch|listen|click here|tap here|photo|photos|image|images|picture|credit|credits|foto|bild|source|image copyright|image caption|media caption|copyright|getty images)\b\s*(credit)?\s*[:：|…]/i;

/** Phrases that make a short block a call to action, contact line or credit, not reporting. */
const CALL_TO_ACTION_RE =
  /\b(subscribe (to|now|today|for)|sign up (for|to|now|here)|signing up|in your inbox|delivered to your inbox|follow (us|him|her|them|me) (on|at|@)|join (us|our) |click here|download (the|our) .{0,20}app|get the .{0,30}app|(may|can) be reached at|reach the (reporters?|writers?|authors?)|(write to|e-?mail|contact) .{1,40} at \S+@|contributed to this report|have a tip\?|all rights reserved|this (material|article|document) (may not|is subject to))|©/i;

const CAPTION_CREDIT_RE =
  /(getty ?images|shutterstock|\bafp\b.{0,10}(via|\/)|via getty|\bphoto(graph)? by\b|\bimage credit\b|\bphoto credit\b|picture alliance|\balamy\b|\(image:|\(photo:|\(credit:|\bimage copyright\b|\bcredit\s*\.{2,}|^courtesy of\b)/i;

/** Context from the page that the body should not repeat. */
export interface BodyContext {
  title: string;
  byline: string | null;
}

/** Why a line was dropped, when the next line's fate depends on it. */
type Verdict = 'keep' | 'drop' | 'drop-tags';

const TAGS_PREFIX_RE =
  /^\s*(tags|topics|keywords|filed under|categories|category|themen|schlagworte|etiquetas|mots-clés)\s*[:|]/i;
const TAGS_HEADING_RE =
  /^(tags|topics|keywords|filed under|categories|themen|schlagworte|etiquetas|mots clés)$/;
const SLIDE_COUNT_RE =
  /^(image|photo|picture|slide|foto|bild)?\s*(\d+\s*)?(of|\/|von|de|sur)\s*\/?\s*\d+$/i;
/** "China furious at Macron for Hong Kong jibe [INSIGHT]": a related link tagged by kind. */
const TAGGED_LINK_RE = /\[[A-Z][A-Z ]{1,14}\]\s*\|?$/;
const URL_ONLY_RE = /^([\p{L} ]{1,20}:\s*)?(https?:\/\/|www\.)\S+$/iu;
const COMMENTS_PROMPT_RE =
  /^(tell us what you think|what do you think|join the (conversation|discussion)|have your say|leave a (comment|reply)|your email address will not be published)/i;

const FOLLOW_RE =
  /^follow\b.{0,80}\b(twitter|facebook|instagram|youtube|linkedin|tiktok|telegram|coverage|updates)\b/i;

/** "a, b c, d, e f" with short items and no sentence: a keyword list. */
function isKeywordList(line: string, minItems: number): boolean {
  const items = line.split(/\s*[,;|]\s*/).filter(Boolean);
  return (
    items.length >= minItems &&
    items.every((i) => wordCount(i) <= 6) &&
    !/[.!?:]$/.test(line) &&
    (minItems < 6 || !line.includes(':'))
  );
}

function judgeLine(
  line: string,
  previous: Verdict,
  alone: boolean,
  ctx: { titleKey: string; bylineKey: string; bylineWords: Set<string> },
): Verdict {
  const key = normaliseForMatch(line);
  const words = wordCount(line);
  if (!key) return 'drop';
  if (isKeywordList(line, previous === 'drop-tags' ? 3 : 6)) return 'drop';
  if (TAGS_HEADING_RE.test(key)) return 'drop-tags';
  if (words <= 60 && TAGS_PREFIX_RE.test(line)) return 'drop';
  if (key === ctx.titleKey) return 'drop';
  if (BOILERPLATE_BLOCKS.has(key)) return 'drop';
  if (ctx.bylineKey && (key === ctx.bylineKey || key === `by ${ctx.bylineKey}`)) return 'drop';
  if (SLIDE_COUNT_RE.test(line.trim()) || URL_ONLY_RE.test(line.trim())) return 'drop';
  if (words <= 20 && TAGGED_LINK_RE.test(line)) return 'drop';
  if (words <= 40 && BOILERPLATE_PREFIX_RE.test(line)) return 'drop';
  if (words <= 30 && /^by\s/i.test(line) && ctx.bylineKey && key.includes(ctx.bylineKey)) {
    return 'drop';
  }
  if (alone && isDateline(line, ctx.bylineWords)) return 'drop';
  if (words <= 60 && CAPTION_CREDIT_RE.test(line)) return 'drop';
  if (words <= 50 && CALL_TO_ACTION_RE.test(line)) return 'drop';
  if (words <= 6 && /\b(subscribe|subscriber|sign in|log in|register)\b/i.test(line)) return 'drop';
  if (words <= 40 && COMMENTS_PROMPT_RE.test(line)) return 'drop';
  if (words <= 40 && FOLLOW_RE.test(line)) return 'drop';
  if (words <= 15 && /^related\b.*:$/i.test(line)) return 'drop';
  return 'keep';
}

/**
 * Splits the converted body into paragraphs and drops the lines that are boilerplate: the
 * title or byline repeated, datelines, captions and credits, calls to subscribe or follow,
 * tag lists and interface words. Each line is judged on its own text (and a tag list on the
 * heading before it), and only short ones are dropped.
 */
export function cleanBodyBlocks(text: string, ctx: BodyContext): string[] {
  const judged = {
    titleKey: normaliseForMatch(ctx.title),
    bylineKey: ctx.byline ? normaliseForMatch(ctx.byline) : '',
    bylineWords: new Set(tokens(ctx.byline ?? '')),
  };
  const kept: string[] = [];
  let previous: Verdict = 'keep';
  for (const [index, block] of text.split(/\n{2,}/).entries()) {
    const lines: string[] = [];
    const raws = block
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    for (const line of raws) {
      previous = judgeLine(line, previous, raws.length === 1 || index < 3, judged);
      if (previous === 'keep') lines.push(line);
    }
    if (lines.length > 0) kept.push(lines.join('\n'));
  }
  return kept;
}
