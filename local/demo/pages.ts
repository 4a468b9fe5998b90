/**
 * The demo's sample site: the five sample articles, each served inside a realistic news page
 * (navigation, breadcrumb, byline and dateline, share buttons, an inline "Read more" box, a
 * captioned photo, "Most read" and related lists, a newsletter box, a comments teaser, a big
 * footer, analytics scripts and one that would loop forever). The chrome carries numbers of its
 * own (dates, prices, other stories' counts) so the demo exercises the same extraction path as
 * a real page: if boilerplate leaks, a wrong figure shows up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSavedCopy } from './saved-copy.ts';

/** What {@link renderDemoPage} wraps. */
export interface DemoPageArticle {
  title: string;
  /** Paragraphs separated by a blank line. */
  body: string;
  byline?: string;
  /** `YYYY-MM-DD` or a full ISO timestamp. */
  publishedAt: string;
  /** The page's canonical URL. */
  url: string;
  /** The outlet's name, shown in the masthead and `<title>`. */
  site: string;
}

/** One demo article as loaded from `local/demo/articles/`. */
export interface DemoArticle {
  slug: string;
  title: string;
  body: string;
  /** The day of the gold annotation (`test/fixtures/figures/demo-figures.json`). */
  publishedAt: string;
  /** The article's file name, which the gold file uses as the article's key. */
  file: string;
  byline?: string;
}

/** The day all five sample articles were published (the gold's `published`). */
export const DEMO_PUBLISHED_AT = '2024-12-23';

const ARTICLES_DIR = fileURLToPath(new URL('./articles/', import.meta.url));

/**
 * Loads the five sample articles, title and body separated from the chrome the saved copies
 * carry, sorted by file name so slugs and order are stable.
 */
export function loadDemoArticles(): DemoArticle[] {
  return readdirSync(ARTICLES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const copy = parseSavedCopy(readFileSync(`${ARTICLES_DIR}${file}`, 'utf8'));
      return {
        slug: file.replace(/\.txt$/, '').replace(/_/g, '-'),
        title: copy.title,
        body: copy.body,
        publishedAt: DEMO_PUBLISHED_AT,
        file,
        ...(copy.byline ? { byline: copy.byline } : {}),
      };
    });
}

/**
 * Phrases that appear only in the page chrome of every rendered page. Extraction must never
 * return them; the demo test asserts so.
 */
export const DEMO_BOILERPLATE = [
  'Most read',
  'Sign up for the morning briefing',
  'Subscribe',
  'Advertisement',
  'Read more',
  'Share on Facebook',
  'Join the conversation',
  'IMF pays Ukraine $1.1 billion tranche',
  'Russia launches 84 drones at Kyiv overnight',
  'All rights reserved',
  'Cookie settings',
  'Photo:',
] as const;

const escapeHtml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

interface Parts {
  a: DemoPageArticle;
  site: string;
  title: string;
  byline: string;
  iso: string;
  dateText: string;
  paragraphs: string[];
}

const NAV = ['World', 'Politics', 'Business', 'Technology', 'Opinion', 'Sport', 'Culture', 'Video'];
const MOST_READ = [
  'IMF pays Ukraine $1.1 billion tranche',
  'Russia launches 84 drones at Kyiv overnight, 52 shot down',
  'Seoul court sentences former minister to 7 years',
  'Winter storm leaves 40,000 homes without power',
  'Five things to know before the markets open',
];
const RELATED = [
  'Pyongyang and Moscow sign defence pact: what it means',
  'Satellite images show new activity at Rajin port',
  'Analysis: How long can Kyiv hold its Kursk salient?',
];
const FOOTER_LINKS = [
  'About us',
  'Contact',
  'Careers',
  'Advertise with us',
  'Privacy policy',
  'Terms of use',
  'Cookie settings',
  'Accessibility',
  'RSS feeds',
  'Newsletters',
  'Archive',
  'Corrections',
  'Syndication',
  'Site map',
];

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function isSubheading(paragraph: string): boolean {
  return paragraph.split(/\s+/).length <= 10 && !/[.!?"”’:]$/.test(paragraph);
}

function head(p: Parts): string {
  const description = escapeHtml(p.paragraphs[0]?.slice(0, 160) ?? '');
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: p.a.title,
    datePublished: p.iso,
    author: { '@type': 'Person', name: p.byline },
    publisher: { '@type': 'Organization', name: p.a.site },
  }).replace(/</g, '\\u003c');
  return `<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} | ${p.site}</title>
<meta name="description" content="${description}">
<meta property="og:type" content="article">
<meta property="og:title" content="${p.title}">
<meta property="og:url" content="${escapeHtml(p.a.url)}">
<meta property="og:site_name" content="${p.site}">
<meta property="article:published_time" content="${p.iso}">
<meta name="author" content="${escapeHtml(p.byline)}">
<link rel="canonical" href="${escapeHtml(p.a.url)}">
<link rel="stylesheet" href="/assets/site.css">
<style>
  :root { --brand: #b00020; --gutter: 16px; }
  body { font-family: Georgia, serif; margin: 0; color: #222; }
  .wrap { max-width: 1140px; margin: 0 auto; padding: 0 var(--gutter); }
  .sidebar, .rail { width: calc(33% - var(--gutter)); float: right; }
  .newsletter { background: #f4f1ea; padding: 1.5rem; }
  .ad-slot { min-height: 250px; background: #eee; text-align: center; }
</style>
<script type="application/ld+json">${jsonLd}</script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){ dataLayer.push(arguments); }
  gtag('js', new Date()); gtag('config', 'G-DEMO000');
  fetch('https://analytics.example.invalid/collect?page=' + encodeURIComponent(location.pathname));
  new Image().src = 'https://pixel.example.invalid/p.gif?r=' + Math.random();
</script>
<script async src="https://ads.example.invalid/gpt.js"></script>
</head>`;
}

function navList(className: string): string {
  return `<ul class="${className}">${NAV.map((n) => `<li><a href="/${slugOf(n)}">${n}</a></li>`).join('')}<li><a class="btn-subscribe" href="/subscribe">Subscribe</a></li></ul>`;
}

function shareButtons(): string {
  return `<div class="share-tools" aria-label="Share this article">
<a class="share share--facebook" href="https://www.facebook.com/sharer/sharer.php">Share on Facebook</a>
<a class="share share--x" href="https://x.com/intent/tweet">Share on X</a>
<a class="share share--email" href="mailto:?subject=Shared">Email</a>
<button class="share share--copy" type="button">Copy link</button>
</div>`;
}

function readMoreBox(): string {
  return `<div class="read-more-box"><strong>Read more:</strong> <a href="/world/${slugOf(RELATED[0])}">${RELATED[0]}</a></div>`;
}

function figure(caption: string): string {
  return `<figure class="article-figure">
<img src="/images/kpa-parade.jpg" alt="Soldiers marching" width="1200" height="675" loading="lazy">
<figcaption>${caption} <span class="credit">Photo: Demo Picture Desk</span></figcaption>
</figure>`;
}

const CAPTION =
  "Korean People's Army soldiers at a ceremony in Pyongyang on Feb. 16, 2019, marking the birthday of the late leader Kim Jong Il.";

function adSlot(): string {
  return `<div class="ad-slot ad-slot--inline" data-ad-unit="/1234/news/inline"><span class="ad-label">Advertisement</span></div>`;
}

function mostRead(tag: 'ol' | 'ul'): string {
  return `<section class="most-read"><h3>Most read</h3><${tag}>${MOST_READ.map((t) => `<li><a href="/news/${slugOf(t)}">${t}</a></li>`).join('')}</${tag}></section>`;
}

function relatedList(): string {
  return `<section class="related-stories"><h3>Related stories</h3><ul>${RELATED.map((t) => `<li><a href="/world/${slugOf(t)}">${t}</a></li>`).join('')}</ul></section>`;
}

function newsletter(): string {
  return `<div class="newsletter newsletter-signup">
<h3>Sign up for the morning briefing</h3>
<p>The 5 stories you need to know, in your inbox by 6 a.m. every weekday.</p>
<form action="/newsletter/subscribe" method="post"><label for="nl-email">Email address</label><input id="nl-email" type="email" name="email" placeholder="you@example.com"><button type="submit">Subscribe</button></form>
<p class="small">By signing up you agree to our privacy policy. Unsubscribe at any time.</p>
</div>`;
}

function commentsTeaser(): string {
  return `<div class="comments-teaser" id="comments">
<h3>Comments (27)</h3>
<p>Join the conversation. Readers say the real number is closer to 10,000.</p>
<a href="#comments" class="btn">Show comments</a>
</div>`;
}

function footer(site: string): string {
  return `<footer class="site-footer">
<nav class="footer-nav"><ul>${FOOTER_LINKS.map((l) => `<li><a href="/${slugOf(l)}">${l}</a></li>`).join('')}</ul></nav>
<p class="copyright">© 2024 ${site}. All rights reserved. Registered in Seoul, No. 04512.</p>
</footer>`;
}

/** Scripts a browser would run: ads written into the page and a refresh loop that never ends. */
function trailingScripts(): string {
  return `<script>document.write('<div class="ad">Advertisement</div>');</script>
<script>
  // Refreshes ad slots forever; a DOM library that ran scripts would never return.
  while (true) { document.querySelectorAll('.ad-slot').forEach(function (s) { s.dataset.n = Date.now(); }); }
</script>`;
}

/** Body paragraphs with the inline extras placed between them. */
function bodyHtml(p: Parts, para: (text: string) => string, sub: (text: string) => string): string {
  const out: string[] = [];
  p.paragraphs.forEach((text, i) => {
    out.push(isSubheading(text) ? sub(escapeHtml(text)) : para(escapeHtml(text)));
    if (i === 1) out.push(readMoreBox());
    if (i === 2) out.push(figure(CAPTION));
    if (i === 5) out.push(adSlot());
  });
  return out.join('\n');
}

function byline(p: Parts, className = 'byline'): string {
  return `<div class="${className}"><span class="author">By <a rel="author" href="/authors/${slugOf(p.byline)}">${escapeHtml(p.byline)}</a></span>
<time class="dateline" datetime="${p.iso}">${p.dateText}</time><span class="read-time">4 min read</span></div>`;
}

function breadcrumb(): string {
  return `<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/world/asia-pacific">Asia-Pacific</a></li></ol></nav>`;
}

/** Semantic HTML5: `<header>`, `<main>`, `<article>`, `<aside>`. */
function layoutArticle(p: Parts): string {
  return `<body class="article-page">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><div class="wrap"><a class="logo" href="/">${p.site}</a><nav class="primary-nav" aria-label="Sections">${navList('menu')}</nav></div></header>
<main id="main" class="wrap">
${breadcrumb()}
<article class="story">
<header class="story-header"><p class="kicker">North Korea</p><h1>${p.title}</h1>${byline(p)}${shareButtons()}</header>
<div class="story-body">
${bodyHtml(
  p,
  (t) => `<p>${t}</p>`,
  (t) => `<h2>${t}</h2>`,
)}
</div>
<ul class="tags"><li><a href="/tags/north-korea">North Korea</a></li><li><a href="/tags/russia">Russia</a></li><li><a href="/tags/ukraine-war">Ukraine war</a></li></ul>
${commentsTeaser()}
</article>
<aside class="sidebar">${mostRead('ol')}${relatedList()}${newsletter()}</aside>
</main>
${footer(p.site)}
${trailingScripts()}
</body>`;
}

/** Div soup, as older CMSes emit: no semantic elements, presentational class names. */
function layoutDivSoup(p: Parts): string {
  return `<body>
<div id="wrapper">
<div class="top-bar"><div class="logo-box"><a href="/"><img src="/logo.png" alt="${p.site}"></a></div><div class="menu-box">${navList('topmenu')}</div><div class="search-box"><form action="/search"><input name="q" placeholder="Search"><button>Go</button></form></div></div>
<div class="content-area clearfix">
<div class="left-col">
${breadcrumb()}
<div class="story-title"><h1 class="headline">${p.title}</h1></div>
${byline(p, 'story-meta')}
${shareButtons()}
<div class="story-text">
${bodyHtml(
  p,
  (t) => `<p class="para">${t}</p>`,
  (t) => `<p class="para"><strong>${t}</strong></p>`,
)}
</div>
${newsletter()}
${commentsTeaser()}
</div>
<div class="right-col">${mostRead('ul')}<div class="ad-slot ad-slot--rail"><span>Advertisement</span></div>${relatedList()}</div>
</div>
${footer(p.site)}
</div>
${trailingScripts()}
</body>`;
}

/** `<main>` with the story as one block of text broken by `<br><br>`, as some CMSes store it. */
function layoutMainBr(p: Parts): string {
  const text = p.paragraphs
    .map((t) => (isSubheading(t) ? `<b>${escapeHtml(t)}</b>` : escapeHtml(t)))
    .join('<br><br>\n');
  return `<body>
<header><div class="masthead"><span class="site-name">${p.site}</span></div>${navList('nav-sections')}</header>
<main role="main">
${breadcrumb()}
<section class="article-head"><h1>${p.title}</h1>${byline(p, 'meta-line')}</section>
${shareButtons()}
<section class="article-text">
<div class="text">${text}</div>
${readMoreBox()}
${figure(CAPTION)}
</section>
${relatedList()}
${newsletter()}
</main>
<div class="rail">${mostRead('ol')}</div>
${footer(p.site)}
${trailingScripts()}
</body>`;
}

/** A WordPress theme: `.entry-content`, `.wp-caption`, Jetpack sharing and related posts. */
function layoutWordPress(p: Parts): string {
  const paragraphs = p.paragraphs.map((t, i) => {
    const html = isSubheading(t) ? `<h3>${escapeHtml(t)}</h3>` : `<p>${escapeHtml(t)}</p>`;
    if (i !== 2) return html;
    return `${html}
<div class="wp-caption aligncenter"><img class="size-large" src="/wp-content/uploads/2024/12/kpa.jpg" alt=""><p class="wp-caption-text">${CAPTION} Photo: Demo Picture Desk</p></div>`;
  });
  return `<body class="post-template-default single single-post">
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">${p.site}</a></p><nav id="site-navigation" class="main-navigation">${navList('menu-primary')}</nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry category-world">
<header class="entry-header"><h1 class="entry-title">${p.title}</h1><div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="${p.iso}">${p.dateText}</time></span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/">${escapeHtml(p.byline)}</a></span></span></div></header>
<div class="entry-content">
${paragraphs.slice(0, 2).join('\n')}
<p><strong>READ MORE:</strong> <a href="/world/${slugOf(RELATED[1])}">${RELATED[1]}</a></p>
${paragraphs.slice(2).join('\n')}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="?share=facebook">Share on Facebook</a></li><li><a href="?share=x">Share on X</a></li><li><a href="?share=email">Email</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>${RELATED.map((t) => `<div class="jp-relatedposts-post"><a href="/${slugOf(t)}">${t}</a><p>In "World"</p></div>`).join('')}</div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/world">World</a></span><span class="tags-links">Tagged <a href="/tag/dprk">DPRK</a>, <a href="/tag/kursk">Kursk</a></span></footer>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on this story</h2><ol class="comment-list"><li class="comment"><div class="comment-content"><p>They said 12 generals were there too, not 3. Join the conversation below.</p></div></li><li class="comment"><div class="comment-content"><p>Great reporting as always.</p></div></li></ol>
<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3><form class="comment-form"><p class="comment-notes">Your email address will not be published.</p><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area">${mostRead('ul')}<section class="widget widget_text">${newsletter()}</section></aside></div>
<footer id="colophon" class="site-footer">${footer(p.site)}</footer>
</div>
${trailingScripts()}
</body>`;
}

/** A magazine layout: sections in the story column, with the extras inside the article. */
function layoutMagazine(p: Parts): string {
  const chunks: string[] = [];
  for (let i = 0; i < p.paragraphs.length; i += 3) {
    chunks.push(
      `<section class="story-section">${p.paragraphs
        .slice(i, i + 3)
        .map((t) => (isSubheading(t) ? `<h2>${escapeHtml(t)}</h2>` : `<p>${escapeHtml(t)}</p>`))
        .join('')}</section>`,
    );
    if (i === 0) {
      chunks.push(
        `<aside class="inline-related"><span class="label">Read more</span><a href="/world/${slugOf(RELATED[2])}">${RELATED[2]}</a></aside>`,
      );
    }
    if (i === 3) chunks.push(figure(CAPTION));
  }
  return `<body>
<div class="layout">
<header class="masthead"><div class="brand">${p.site}</div>${navList('section-nav')}<a class="login" href="/login">Sign in</a></header>
${breadcrumb()}
<div class="article-wrap">
<article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">${p.title}</h1>
<p class="standfirst">Our correspondents on the war in Ukraine and the Korean peninsula.</p>
${byline(p, 'article-byline')}
${shareButtons()}
${chunks.join('\n')}
${newsletter()}
${mostRead('ol')}
${commentsTeaser()}
</article>
<div class="rail">${relatedList()}<div class="ad-slot"><span>Advertisement</span></div></div>
</div>
${footer(p.site)}
</div>
${trailingScripts()}
</body>`;
}

const LAYOUTS = [layoutArticle, layoutDivSoup, layoutMainBr, layoutWordPress, layoutMagazine];

/** The layout for a page: by the slug's leading number (000–004), else by a hash of the URL. */
function layoutIndex(url: string): number {
  const slug = url.split(/[?#]/)[0].split('/').filter(Boolean).pop() ?? '';
  const n = /^(\d+)/.exec(slug)?.[1];
  if (n) return Number(n) % LAYOUTS.length;
  let h = 0;
  for (const c of url) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % LAYOUTS.length;
}

/**
 * Wraps an article in a realistic news page of one of five outlet layouts (chosen from the
 * URL), with `<link rel=canonical>`, `<html lang="en">` and `article:published_time`.
 */
export function renderDemoPage(article: DemoPageArticle): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(article.publishedAt)
    ? `${article.publishedAt}T09:00:00Z`
    : article.publishedAt;
  const date = new Date(iso);
  const dateText = Number.isNaN(date.getTime())
    ? escapeHtml(article.publishedAt)
    : `${date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' })} 9:00 AM UTC`;
  const parts: Parts = {
    a: article,
    site: escapeHtml(article.site),
    title: escapeHtml(article.title),
    byline: article.byline ?? `${article.site} staff`,
    iso,
    dateText,
    paragraphs: article.body
      .split(/\n\s*\n/)
      .map((t) => t.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  };
  const layout = LAYOUTS[layoutIndex(article.url)];
  return `<!doctype html>
<html lang="en">
${head(parts)}
${layout(parts)}
</html>
`;
}

/** The five fictional outlets the demo's pages appear under, one layout each. */
export const DEMO_SITES = [
  'The Seoul Ledger',
  'Kyiv Frontline Daily',
  'Global Wire',
  'Eastern Desk',
  'Peninsula Post',
] as const;
