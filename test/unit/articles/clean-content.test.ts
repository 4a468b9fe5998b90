import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanBodyBlocks, cleanContentNode } from '../../../shared/articles/clean-content.ts';
import { nodeToText } from '../../../shared/articles/html-to-text.ts';

const ctx = { title: 'Hong Kong chaos: China deploys troops', byline: 'Laura Mowat' };
const keep = (block: string) => expect(cleanBodyBlocks(block, ctx)).toEqual([block]);
const drop = (block: string) => expect(cleanBodyBlocks(block, ctx)).toEqual([]);

describe('boilerplate lines Readability leaves in the body', () => {
  it('drops the title and byline repeated, and datelines', () => {
    drop('Hong Kong chaos: China deploys troops');
    drop('By Laura Mowat');
    drop('PUBLISHED: 10:48, Tue, Nov 19, 2019');
    drop('Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM');
    drop('By Laura Mowat | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM');
    drop('19.11.2019, 08:57');
  });

  it('keeps numbers that are not datelines: table rows, tweet attributions', () => {
    keep('1 Kyle Busch 5040 5 1 17 27');
    keep('— Dianna E. Anderson (@diannaeanderson) November 18, 2019');
    keep(
      'On December 14, Ukraine confirmed that Russia had started sending North Korean soldiers into battle.',
    );
  });

  it('drops captions and credits, but not prose that mentions a courtesy', () => {
    drop('China has warned they will cease control of Hong Kong (Image: GETTY )');
    drop('Natalie Naccache | Bloomberg | Getty Images');
    drop('(Image credit: Blue Origin)');
    drop('© Aaron Schwartz');
    drop('Image 1 of 5');
    keep('In-car infotainment comes courtesy of an 8-inch touchscreen display.');
  });

  it('drops calls to subscribe, follow or read more, and interface words', () => {
    drop('Advertisement');
    drop('Iklan');
    drop('Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.');
    drop('Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.');
    drop('SEE MORE: Hong Kong protests: 800 students under siege in university');
    drop('Related: SpaceX’s Starship and Super Heavy Mars Rocket in Pictures');
    drop('Fox News’ Jessica Napoli contributed to this report.');
    drop('Tags: north korea, russia, kursk');
    keep('A whole lot of people on Twitter pointed it out.');
    keep('Officials said in an email to Reuters at the weekend that 3,000 troops had died.');
    keep('NK News, a Seoul-based newsletter, reported that 12,000 troops were deployed.');
  });

  it('drops a keyword list under a Tags heading', () => {
    expect(
      cleanBodyBlocks('Body text stays here.\n\nTags\n\nstock car, brasil, interlagos', ctx),
    ).toEqual(['Body text stays here.']);
  });
});

describe('boilerplate elements inside the article container', () => {
  function clean(html: string): string {
    const dom = new JSDOM(`<div id="c">${html}</div>`);
    const content = dom.window.document.getElementById('c')!;
    content.remove(); // Readability's content node is detached, too
    cleanContentNode(content);
    const text = nodeToText(content);
    dom.window.close();
    return text;
  }
  const story = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i} of the story, long enough to be the bulk of the article text here.</p>`,
  ).join('');

  it('removes figures, share bars, related lists, newsletter boxes and link lists', () => {
    const text = clean(`${story}
<figure><img src="x.jpg"><figcaption>Troops on parade, Feb. 16, 2019.</figcaption></figure>
<div class="share-tools"><a href="#">Share on Facebook</a></div>
<div class="newsletter-signup"><p>Sign up for 5 stories a day</p></div>
<p>More Great WIRED Stories</p><ul><li>The strange life <a href="/a">of a coder</a></li><li>How Facebook <a href="/b">gets it backward</a></li></ul>
<ul><li><a href="/1">Headline one</a></li><li><a href="/2">Headline two</a></li></ul>`);
    expect(text.split('\n\n')).toHaveLength(6);
    expect(text).not.toMatch(/parade|Share|Sign up|WIRED|strange|Headline/);
  });

  it('keeps a container whose class sounds like boilerplate when it holds the story', () => {
    const text = clean(`<div class="article-body has-comments">${story}</div>`);
    expect(text.split('\n\n')).toHaveLength(6);
  });
});
