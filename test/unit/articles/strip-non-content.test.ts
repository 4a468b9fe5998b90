import { describe, expect, it } from 'vitest';
import { stripNonContent } from '../../../shared/articles/extract-article.ts';

describe('stripNonContent', () => {
  it('drops scripts, styles, frames, SVG and comments, keeps JSON-LD and the text around them', () => {
    const html =
      '<p>a</p><script>x()</script><script type="application/ld+json">{"a":1}</script>' +
      '<STYLE>.x{width:calc($gap)}</STYLE><!-- note --><p>b</p><noscript><img src=x></noscript>' +
      '<iframe src="/ad"></iframe><svg><path d="M0"/></svg><template><p>t</p></template><p>c</p>';
    expect(stripNonContent(html)).toBe(
      '<p>a</p><script type="application/ld+json">{"a":1}</script><p>b</p><p>c</p>',
    );
  });

  it('reads an unclosed comment or script to the end of the page, as a browser does', () => {
    expect(stripNonContent('<p>kept</p><!-- never closed <p>gone</p>')).toBe('<p>kept</p>');
    expect(stripNonContent('<p>kept</p><script>for(;;){} <p>gone</p>')).toBe('<p>kept</p>');
  });

  it('handles hundreds of kilobytes of unclosed openers in one linear pass (a page that once took seconds)', () => {
    // 250 KiB of "<!--" and "<script" openers, none closed: the first swallows the rest.
    const html = `<p>start</p>${'<!--<script><style>'.repeat(13_000)}`;
    expect(stripNonContent(html)).toBe('<p>start</p>');
  });
});
