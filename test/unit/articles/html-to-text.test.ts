import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../shared/articles/html-to-text.ts';

describe('htmlToText', () => {
  it('breaks at every block boundary instead of gluing blocks ("wants.Opinion")', () => {
    expect(htmlToText('<div>He wants.</div><div>Opinion</div>')).toBe('He wants.\n\nOpinion');
    expect(htmlToText('<p>One <b>bold</b> line</p><ul><li>a</li><li>b</li></ul><h2>Sub</h2>')).toBe(
      'One bold line\n\na\n\nb\n\nSub',
    );
  });

  it('keeps <br> as a line break and table rows as lines', () => {
    expect(htmlToText('<p>first<br>second</p>')).toBe('first\nsecond');
    expect(
      htmlToText(
        '<table><tr><td>1</td><td>Kyle Busch</td></tr><tr><td>2</td><td>Truex</td></tr></table>',
      ),
    ).toBe('1 Kyle Busch\n2 Truex');
  });

  it('decodes entities and drops scripts, styles and comments', () => {
    expect(
      htmlToText(
        '<p>Seoul &amp; Kyiv &eacute;tude &#8212; &#x2014; &nbsp;x</p><script>alert(1)</script><style>p{}</style><!-- c -->',
      ),
    ).toBe('Seoul & Kyiv étude — — x');
  });

  it('does not throw on CSS that breaks jsdom, and keeps the text', () => {
    expect(htmlToText('<p style="width: calc($x * 2)">3,000 troops</p>')).toBe('3,000 troops');
  });

  it('keeps the paragraphs of text that has no tags', () => {
    expect(htmlToText('First paragraph\nstill first.\n\n\nSecond &amp; last.')).toBe(
      'First paragraph\nstill first.\n\nSecond & last.',
    );
    expect(htmlToText('')).toBe('');
  });

  it('never throws and never returns markup for arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const text = htmlToText(s);
        expect(typeof text).toBe('string');
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('<p>', '</p>', 'a', '<b>', '<br>', '&lt;', ' ', '\n')),
        (parts) => {
          expect(htmlToText(parts.join(''))).not.toMatch(/<\/?(p|b|br)>/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
