import { JSDOM, VirtualConsole } from 'jsdom';

const FEED_TYPES =
  /^application\/(rss|atom|feed|rdf)\+(xml|json)$|^application\/json$|^text\/xml$|^application\/xml$/i;

/**
 * Finds the feeds an HTML page announces with `<link rel="alternate" type="application/rss+xml">`
 * (or Atom, RDF, JSON Feed), resolved against the page URL, in page order. Scripts never run.
 */
export function discoverFeeds(
  html: string,
  pageUrl: string,
): { url: string; title: string | null }[] {
  const dom = new JSDOM(html, { url: pageUrl, virtualConsole: new VirtualConsole() });
  try {
    const found: { url: string; title: string | null }[] = [];
    for (const link of dom.window.document.querySelectorAll('link[rel~="alternate" i][href]')) {
      const type = link.getAttribute('type') ?? '';
      if (!FEED_TYPES.test(type.trim())) continue;
      const url = new URL(link.getAttribute('href')!, pageUrl).href;
      if (!found.some((f) => f.url === url)) found.push({ url, title: link.getAttribute('title') });
    }
    return found;
  } finally {
    dom.window.close();
  }
}

/** Reads the feeds of an OPML subscription list: every `<outline xmlUrl=…>`, nested or not. */
export function parseOpml(xml: string): { url: string; title: string | null }[] {
  const dom = new JSDOM(xml, { contentType: 'text/xml', virtualConsole: new VirtualConsole() });
  try {
    const doc = dom.window.document;
    if (
      doc.getElementsByTagName('parsererror').length > 0 ||
      doc.documentElement.nodeName.toLowerCase() !== 'opml'
    ) {
      throw new OpmlError('not an OPML file');
    }
    const feeds: { url: string; title: string | null }[] = [];
    for (const outline of doc.getElementsByTagName('outline')) {
      const url = outline.getAttribute('xmlUrl') ?? outline.getAttribute('xmlurl');
      if (!url) continue;
      feeds.push({
        url: url.trim(),
        title: outline.getAttribute('title') ?? outline.getAttribute('text'),
      });
    }
    return feeds;
  } finally {
    dom.window.close();
  }
}

/** The file is not OPML. */
export class OpmlError extends Error {
  override name = 'OpmlError';
}
