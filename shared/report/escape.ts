/**
 * Escaping for the HTML report. Everything a story brings (titles, evidence, claimant names,
 * URLs) is untrusted web content, so it only ever reaches the page through these functions.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for an element's content or a quoted attribute value. Quotes are escaped too,
 * so one function serves both places and a value can never end its attribute early.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * The URL a link may point to, or null. Only absolute http(s) URLs are linked: a story URL
 * comes from a feed, and `javascript:` or `data:` there must never become a clickable link.
 * The result is the parsed, normalised form (a stray `"` or space is percent-encoded).
 */
export function safeHref(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * JSON for the inside of a `<script type="application/json">` element. `<`, `>` and `&` become
 * `\u003c`-style escapes, so no string in the data can close the element (`</script>`) or open
 * an HTML comment; U+2028 and U+2029 are escaped for older JavaScript parsers. `JSON.parse`
 * reads the result back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Makes trusted JavaScript (the chart library, the page's own script) safe to inline in a
 * `<script>` element: a literal `</script` inside it would end the element, so it becomes
 * `<\/script`, which means the same in JavaScript strings, regular expressions and comments.
 * `<!--` changes how the HTML parser reads the rest of the element and has no equally safe
 * rewrite, so code containing it is refused (a library upgrade that adds one fails loudly).
 */
export function inlineScript(source: string): string {
  if (source.includes('<!--')) throw new Error('cannot inline a script that contains "<!--"');
  return source.replace(/<\/(script)/gi, '<\\/$1');
}
