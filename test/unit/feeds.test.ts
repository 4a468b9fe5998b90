import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/errors.ts';
import { decodeBody } from '../../shared/feeds/charset.ts';
import { parseFeedList } from '../../shared/feeds/feed-list.ts';
import { itemKeyFor, normalizeUrl, storyIdFor } from '../../shared/feeds/identity.ts';
import { parseFeed } from '../../shared/feeds/parse.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');

describe('parseFeed', () => {
  it('reads RSS 2.0 with content:encoded, creator, ttl and dates', async () => {
    const feed = await parseFeed(fixture('rss2.xml'));
    expect(feed.title).toBe('Peninsula Wire');
    expect(feed.ttlMinutes).toBe(30);
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      guid: 'wire-1',
      link: 'https://wire.example/news/1?utm_source=rss',
      title: 'Seoul says North Korean casualties rise',
      publishedAt: '2024-12-23T09:15:00.000Z',
      author: 'Kim Min-ji',
      content: '<p>Full text of the article.</p>',
    });
  });

  it('drops a character reference to a control character and keeps the feed', async () => {
    const feed = await parseFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Escape &#27;[2J and &#x1b;here, &#65; and &#x1F4DA; stay</title><link>https://a.example/1</link></item><item><title>Next</title><link>https://a.example/2</link></item></channel></rss>`,
    );
    expect(feed.items.map((i) => i.title)).toEqual([
      'Escape [2J and here, A and \u{1F4DA} stay',
      'Next',
    ]);
  });

  it('reads Atom 1.0', async () => {
    const feed = await parseFeed(fixture('atom.xml'));
    expect(feed.items[0]).toMatchObject({
      link: 'https://atom.example/kursk-update',
      title: 'Kursk update',
      author: 'Olena Petrenko',
      publishedAt: '2024-12-23T18:30:02.000Z',
    });
    expect(feed.items[0].content).toContain('Atom content.');
  });

  it('reads RDF / RSS 1.0', async () => {
    const feed = await parseFeed(fixture('rdf.xml'));
    expect(feed.items[0]).toMatchObject({ link: 'https://rdf.example/a', title: 'RDF item' });
  });

  it('reads JSON Feed 1.1', async () => {
    const feed = await parseFeed(fixture('jsonfeed.json'));
    expect(feed.items[0]).toMatchObject({
      guid: 'j1',
      link: 'https://json.example/j1',
      author: 'A. Writer',
      content: '<p>JSON content.</p>',
      publishedAt: '2024-12-23T08:00:00.000Z',
    });
  });

  it('recovers what a browser forgives: BOM and whitespace before <?xml, HTML entities, bare &, control characters', async () => {
    const feed = await parseFeed(fixture('malformed.xml'));
    expect(feed.title).toBe('Broken & Co \u00a0News');
    expect(feed.items[0].title).toBe('Guns & roses — a story');
  });

  it('reports an HTML page as not_a_feed and broken XML as bad_xml', async () => {
    await expect(parseFeed('<!DOCTYPE html><html><body>hi</body></html>')).rejects.toMatchObject({
      kind: 'not_a_feed',
    });
    const error = await parseFeed('<rss><channel><item><title>x</item></channel>').catch((e) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(['bad_xml', 'not_a_feed']).toContain(error.kind);
  });
});

describe('item and story identity', () => {
  it('normalises URLs: host case, fragment, tracking parameters, default port, trailing slash, scheme', () => {
    expect(normalizeUrl('HTTP://News.Example:80/a/b/?utm_source=x&id=2&fbclid=y#top')).toBe(
      'https://news.example/a/b?id=2',
    );
    expect(normalizeUrl('https://news.example/a/b/')).toBe('https://news.example/a/b');
  });

  it('treats an http-to-https guid switch as the same item', () => {
    const a = itemKeyFor({ guid: 'http://x.example/1', link: 'http://x.example/1', title: 't' });
    const b = itemKeyFor({ guid: 'https://x.example/1', link: 'https://x.example/1', title: 't' });
    expect(a).toBe(b);
  });

  it('keeps items apart when a feed repeats one guid for different links', () => {
    const a = itemKeyFor({ guid: 'same', link: 'https://x.example/1', title: 'one' });
    const b = itemKeyFor({ guid: 'same', link: 'https://x.example/2', title: 'two' });
    expect(a).not.toBe(b);
  });

  it('gives one story id to the same article reached through two tracking links', () => {
    expect(storyIdFor('https://x.example/story?utm_medium=a')).toBe(
      storyIdFor('http://x.example/story#c'),
    );
  });
});

describe('decodeBody', () => {
  it.each([
    ['windows-1251', 'Северная Корея'],
    ['koi8-r', 'Северная Корея'],
    ['euc-kr', '북한군 사상자'],
    ['shift_jis', '北朝鮮'],
    ['iso-8859-1', 'Pjöngjang'],
  ])('decodes %s from the Content-Type charset', (charset, text) => {
    expect(decodeBody(iconv.encode(text, charset), `text/html; charset=${charset}`)).toBe(text);
  });

  it('finds the charset in an XML declaration or an HTML meta tag', () => {
    const xml = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1251"?><t>'),
      iconv.encode('Киев', 'windows-1251'),
    ]);
    expect(decodeBody(xml)).toContain('Киев');
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="euc-kr"></head><body>'),
      iconv.encode('평양', 'euc-kr'),
    ]);
    expect(decodeBody(html)).toContain('평양');
  });

  it('strips a UTF-8 byte-order mark', () => {
    expect(decodeBody(Buffer.from('\uFEFFhello', 'utf8'))).toBe('hello');
  });
});

describe('feed list', () => {
  it('validates entries and derives a stable id', () => {
    const list = parseFeedList({
      feeds: [{ url: 'https://a.example/feed' }, { id: 'b', url: 'https://b.example/rss' }],
    });
    expect(list.feeds[0].feedId).toMatch(/^[0-9a-f]{16}$/);
    expect(list.feeds[1].feedId).toBe('b');
  });

  it('names the bad entry', () => {
    expect(() => parseFeedList({ feeds: [{ url: 'not a url' }] })).toThrow(/feeds\.0\.url/);
  });
});
